"""Region outlines (the region_boundary table): the bulk load and the reads maps need."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.maps import BoundaryRow, Shape
from storage.models import RegionBoundary

_CHUNK = 200


@dataclass(frozen=True)
class BoundaryCounts:
    added: int
    replaced: int


async def upsert_boundaries(
    session: AsyncSession, *, rows: Sequence[BoundaryRow]
) -> BoundaryCounts:
    """Store outlines, replacing any a region already had; running it twice changes nothing
    but the rows' contents."""
    codes = [row.code for row in rows]
    existing: set[str] = set()
    for start in range(0, len(codes), 2000):
        chunk = codes[start : start + 2000]
        result = await session.execute(
            select(col(RegionBoundary.code)).where(col(RegionBoundary.code).in_(chunk))
        )
        existing.update(result.scalars())
        await session.execute(delete(RegionBoundary).where(col(RegionBoundary.code).in_(chunk)))
    for start in range(0, len(rows), _CHUNK):
        await session.execute(
            insert(RegionBoundary),
            [
                {
                    "code": row.code,
                    "level": row.level.value,
                    "min_lon": row.bbox[0],
                    "min_lat": row.bbox[1],
                    "max_lon": row.bbox[2],
                    "max_lat": row.bbox[3],
                    "lon": row.centroid[0],
                    "lat": row.centroid[1],
                    "polygons": [[list(map(list, ring)) for ring in p] for p in row.polygons],
                }
                for row in rows[start : start + _CHUNK]
            ],
        )
    return BoundaryCounts(added=len(rows) - len(existing), replaced=len(existing))


async def count_boundaries(session: AsyncSession) -> int:
    result = await session.execute(select(func.count()).select_from(RegionBoundary))
    return int(result.scalar_one())


async def shapes_of(session: AsyncSession, *, codes: Sequence[str]) -> list[Shape]:
    """The outlines of these regions (those that have one), in the order of `codes`."""
    if not codes:
        return []
    result = await session.execute(
        select(RegionBoundary).where(col(RegionBoundary.code).in_(list(codes)))
    )
    found = {row.code: row for row in result.scalars()}
    return [
        Shape(
            code=code,
            polygons=[
                [[(p[0], p[1]) for p in ring] for ring in polygon] for polygon in row.polygons
            ],
            centroid=(row.lon, row.lat),
        )
        for code in codes
        if (row := found.get(code)) is not None
    ]
