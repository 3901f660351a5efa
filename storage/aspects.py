"""Aspect queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.cache import reference_cache
from storage.models import Aspect


async def active_aspects(session: AsyncSession) -> list[Aspect]:
    """The aspects in display order. Copies, kept for a while: read them, never change or
    add them to a session."""
    cached = reference_cache.get(session, "aspects")
    if cached is not None:
        return list(cached)
    result = await session.execute(
        select(Aspect).where(col(Aspect.active).is_(True)).order_by(col(Aspect.position))
    )
    aspects = [Aspect(**aspect.model_dump()) for aspect in result.scalars()]
    reference_cache.put(session, "aspects", tuple(aspects))
    return aspects


async def upsert_aspects(
    session: AsyncSession, *, rows: Sequence[tuple[str, str, str, str]]
) -> tuple[int, int]:
    """(code, label_id, label_en, aliases) rows, in display order; returns (added, changed).
    Aspects not named are deactivated, never deleted: old reports still refer to them."""
    reference_cache.clear(session)
    existing = {a.code: a for a in (await session.execute(select(Aspect))).scalars()}
    added = changed = 0
    named = set()
    for position, (code, label_id, label_en, aliases) in enumerate(rows, start=1):
        named.add(code)
        aspect = existing.get(code)
        if aspect is None:
            session.add(
                Aspect(
                    code=code,
                    label_id=label_id,
                    label_en=label_en,
                    aliases=aliases,
                    position=position,
                    active=True,
                )
            )
            added += 1
            continue
        new = (label_id, label_en, aliases, position, True)
        if (
            aspect.label_id,
            aspect.label_en,
            aspect.aliases,
            aspect.position,
            aspect.active,
        ) != new:
            aspect.label_id, aspect.label_en, aspect.aliases = label_id, label_en, aliases
            aspect.position, aspect.active = position, True
            changed += 1
    for code, aspect in existing.items():
        if code not in named and aspect.active:
            aspect.active = False
            changed += 1
    await session.flush()
    return added, changed
