"""Dashboard sessions and login links (the web_session table). Tokens arrive here hashed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import WebSession

LINK = "link"
SESSION = "session"
SCREEN = "screen"
SCREEN_LINK = "link:s"  # a link that starts a screen session


async def add_web_session(
    session: AsyncSession,
    *,
    token_hash: str,
    person_id: int,
    kind: str,
    csrf: str,
    now: datetime,
    expires_at: datetime | None,
) -> WebSession:
    row = WebSession(
        token_hash=token_hash,
        person_id=person_id,
        kind=kind,
        csrf=csrf,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    await session.flush()
    return row


async def get_by_hash(session: AsyncSession, *, token_hash: str) -> WebSession | None:
    result = await session.execute(
        select(WebSession).where(col(WebSession.token_hash) == token_hash)
    )
    return result.scalar_one_or_none()


async def claim_link(session: AsyncSession, *, link_id: int, now: datetime) -> bool:
    """Mark a login link used; False when another request used it first (single use)."""
    result = await session.execute(
        update(WebSession)
        .where(col(WebSession.id) == link_id, col(WebSession.used_at).is_(None))
        .values(used_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def links_since(session: AsyncSession, *, person_id: int, since: datetime) -> int:
    result = await session.execute(
        select(func.count())
        .select_from(WebSession)
        .where(
            col(WebSession.person_id) == person_id,
            col(WebSession.kind).in_((LINK, SCREEN_LINK)),
            col(WebSession.created_at) >= since,
        )
    )
    return int(result.scalar_one())


async def revoke_all(session: AsyncSession, *, person_id: int, now: datetime) -> int:
    """End every session, screen and unused link of a person; how many sessions and
    screens were still open."""
    open_sessions = await session.execute(
        update(WebSession)
        .where(
            col(WebSession.person_id) == person_id,
            col(WebSession.revoked_at).is_(None),
            col(WebSession.kind).in_((SESSION, SCREEN)),
            col(WebSession.expires_at).is_(None) | (col(WebSession.expires_at) > now),
        )
        .values(revoked_at=now)
    )
    await session.execute(
        update(WebSession)
        .where(col(WebSession.person_id) == person_id, col(WebSession.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    return int(open_sessions.rowcount)  # type: ignore[attr-defined]
