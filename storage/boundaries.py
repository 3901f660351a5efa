"""Region outlines (the region_boundary table): the bulk load and the reads maps need."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Text, cast, delete, func, insert, select
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


# Outlines already decoded, by what they were decoded from (code, centroid and a digest of
# the stored text): an outline changed by a new import has a new key, so nothing here goes
# stale. Bounded; emptied when full.
_DECODED: dict[tuple[str, float, float, str], Shape] = {}
DECODED_LIMIT = 2000


async def shapes_of(
    session: AsyncSession, *, codes: Sequence[str], reuse: bool = False
) -> list[Shape]:
    """The outlines of these regions (those that have one), in the order of `codes`, each
    with its version (a digest of the stored outline). With `reuse`, an outline decoded
    before from the very same text is not decoded again (the dashboard asks for the same
    few dozen on every request)."""
    if not codes:
        return []
    result = await session.execute(
        select(
            col(RegionBoundary.code),
            col(RegionBoundary.lon),
            col(RegionBoundary.lat),
            cast(col(RegionBoundary.polygons), Text),
        ).where(col(RegionBoundary.code).in_(list(codes)))
    )
    found = {row[0]: row for row in result.all()}
    shapes = []
    for code in codes:
        row = found.get(code)
        if row is None:
            continue
        _, lon, lat, stored = row
        version = hashlib.blake2b(stored.encode(), digest_size=16).hexdigest()
        key = (code, lon, lat, version)
        shape = _DECODED.get(key) if reuse else None
        if shape is None:
            shape = Shape(
                code=code,
                polygons=[
                    [[(p[0], p[1]) for p in ring] for ring in polygon]
                    for polygon in json.loads(stored)
                ],
                centroid=(lon, lat),
                version=version,
            )
            if reuse:
                if len(_DECODED) >= DECODED_LIMIT:
                    _DECODED.clear()
                _DECODED[key] = shape
        shapes.append(shape)
    return shapes
