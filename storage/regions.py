"""Region queries and the bulk import."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.regions import RegionRow
from storage.cache import reference_cache
from storage.models import Region
from storage.subtree import in_subtree

_CHUNK = 2000


@dataclass(frozen=True)
class ImportCounts:
    added: int
    renamed: int
    unchanged: int


async def all_region_codes(session: AsyncSession) -> set[str]:
    result = await session.execute(select(col(Region.code)))
    return set(result.scalars())


async def upsert_regions(session: AsyncSession, *, rows: Sequence[RegionRow]) -> ImportCounts:
    """Insert new regions and rename changed ones; running it twice changes nothing."""
    reference_cache.clear(session)
    result = await session.execute(select(col(Region.code), col(Region.name)))
    existing: dict[str, str] = {code: name for code, name in result.all()}
    new_rows = [r for r in rows if r.code not in existing]
    renamed = [r for r in rows if r.code in existing and existing[r.code] != r.name]
    for start in range(0, len(new_rows), _CHUNK):
        chunk = new_rows[start : start + _CHUNK]
        await session.execute(
            insert(Region),
            [
                {
                    "code": r.code,
                    "parent_code": r.parent_code,
                    "name": r.name,
                    "level": r.level.value,
                }
                for r in chunk
            ],
        )
    for row in renamed:
        await session.execute(
            update(Region).where(col(Region.code) == row.code).values(name=row.name)
        )
    reference_cache.clear(session)  # and again: a reader may have copied old names meanwhile
    return ImportCounts(
        added=len(new_rows),
        renamed=len(renamed),
        unchanged=len(rows) - len(new_rows) - len(renamed),
    )


async def count_regions(session: AsyncSession) -> int:
    result = await session.execute(select(func.count()).select_from(Region))
    return int(result.scalar_one())


async def get_region(session: AsyncSession, *, code: str) -> Region | None:
    return (await get_regions(session, codes=[code])).get(code)


async def get_regions(session: AsyncSession, *, codes: Sequence[str]) -> dict[str, Region]:
    """Regions by code (unknown codes are left out). Copies, kept for a while: read them,
    never change or add them to a session."""
    found: dict[str, Region] = {}
    missing = []
    for code in codes:
        cached = reference_cache.get(session, ("region", code))
        if cached is None:
            missing.append(code)
        else:
            found[code] = cached
    if missing:
        result = await session.execute(select(Region).where(col(Region.code).in_(missing)))
        for region in result.scalars():
            copy = Region(
                code=region.code,
                parent_code=region.parent_code,
                name=region.name,
                level=region.level,
            )
            reference_cache.put(session, ("region", region.code), copy)
            found[region.code] = copy
    return found


async def child_regions(session: AsyncSession, *, code: str) -> list[Region]:
    result = await session.execute(
        select(Region).where(col(Region.parent_code) == code).order_by(col(Region.name))
    )
    return list(result.scalars())


async def codes_with_children(session: AsyncSession, *, codes: Sequence[str]) -> set[str]:
    """Which of `codes` have regions below them (the others are leaves, e.g. villages)."""
    if not codes:
        return set()
    result = await session.execute(
        select(col(Region.parent_code)).where(col(Region.parent_code).in_(codes)).distinct()
    )
    return {code for code in result.scalars() if code is not None}


async def find_regions_by_name(
    session: AsyncSession, *, name: str, within: str, limit: int = 10
) -> list[Region]:
    """Regions in `within`'s subtree whose name matches case-insensitively (exact first)."""
    result = await session.execute(
        select(Region)
        .where(in_subtree(col(Region.code), within), func.lower(col(Region.name)) == name.lower())
        .order_by(col(Region.code))
        .limit(limit)
    )
    return list(result.scalars())


async def find_regions_named(
    session: AsyncSession,
    *,
    names: Sequence[str],
    within: str,
    level: str | None = None,
    limit: int = 10,
) -> list[Region]:
    """Regions in `within`'s subtree whose lower-cased name is one of `names` (and whose
    level is `level`, if given), top level first."""
    statement = select(Region).where(
        in_subtree(col(Region.code), within),
        func.lower(col(Region.name)).in_([name.lower() for name in names]),
    )
    if level is not None:
        statement = statement.where(col(Region.level) == level)
    result = await session.execute(
        statement.order_by(func.length(col(Region.code)), col(Region.code)).limit(limit)
    )
    return list(result.scalars())


def _ancestry(code: str) -> list[str]:
    """The code and its ancestors' codes, top down."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


async def region_path(session: AsyncSession, *, code: str) -> list[Region]:
    """The region and its ancestors, top down."""
    codes = _ancestry(code)
    found = await get_regions(session, codes=codes)
    return [found[c] for c in codes if c in found]


def _label(code: str, found: dict[str, Region]) -> str:
    names = [found[c].name for c in _ancestry(code) if c in found]
    if not names:
        return code
    return ", ".join(reversed(names[-2:])) if len(names) > 2 else names[-1]


async def region_label(session: AsyncSession, code: str) -> str:
    """'Kabupaten Konawe Utara', or 'Asera, Kabupaten Konawe Utara' below regency level."""
    return _label(code, await get_regions(session, codes=_ancestry(code)))


async def region_labels(session: AsyncSession, codes: Collection[str]) -> dict[str, str]:
    """`region_label` of many codes, in one query."""
    wanted = {ancestor for code in codes for ancestor in _ancestry(code)}
    found = await get_regions(session, codes=sorted(wanted))
    return {code: _label(code, found) for code in codes}
