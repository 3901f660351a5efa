"""Invite queries."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Invite

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult


async def add_invite(
    session: AsyncSession,
    *,
    code_hash: str,
    role: str,
    region_code: str,
    created_by_id: int | None,
    now: datetime,
    expires_at: datetime,
    max_uses: int = 1,
    agency_code: str | None = None,
) -> Invite:
    invite = Invite(
        agency_code=agency_code,
        code_hash=code_hash,
        role=role,
        region_code=region_code,
        created_by_id=created_by_id,
        created_at=now,
        expires_at=expires_at,
        max_uses=max_uses,
    )
    session.add(invite)
    await session.flush()
    return invite


async def get_invite_by_hash(session: AsyncSession, *, code_hash: str) -> Invite | None:
    result = await session.execute(select(Invite).where(col(Invite.code_hash) == code_hash))
    return result.scalar_one_or_none()


async def claim_invite_use(session: AsyncSession, *, invite_id: int, now: datetime) -> bool:
    """Count one use, atomically: two people racing for a single-use code cannot both win."""
    result = await session.execute(
        update(Invite)
        .where(
            col(Invite.id) == invite_id,
            col(Invite.use_count) < col(Invite.max_uses),
            col(Invite.revoked_at).is_(None),
            col(Invite.expires_at) > now,
        )
        .values(use_count=col(Invite.use_count) + 1)
    )
    return bool(cast("CursorResult[Any]", result).rowcount)
