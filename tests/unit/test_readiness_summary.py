"""The database's readiness summaries agree with the row-by-row roll-up they replace.

Seeded random reports (with corrections and withdrawals) in Konawe Utara, at every level
from the regency itself down to villages; the summaries the digest, /status and exports use
are compared with rolling up the rows one by one in Python.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.digest import matrix_changes
from bot.domain.reports import (
    AspectInfo,
    CellSummary,
    CurrentState,
    area_of,
    roll_up,
    roll_up_cells,
    roll_up_whole,
    summaries_before,
)
from bot.domain.types import ReportStatus
from storage.engine import create_engine, create_session_factory
from storage.models import Person, Readiness, Region, Report
from storage.regions import child_regions
from storage.reports import (
    add_report,
    readiness_summary,
    readiness_summary_by_area,
    touched_pairs,
    withdraw_report,
)

NOW = datetime(2024, 2, 7, 0, 0, tzinfo=UTC)
ROOT = "74.09"
ASPECTS = ["logistik", "keamanan", "petugas"]


def _in_subtree(column: Any, root: str) -> Any:
    return (column == root) | column.startswith(root + ".")


async def readiness_in_subtree(session: AsyncSession, *, root: str) -> list[Readiness]:
    result = await session.execute(
        select(Readiness).where(_in_subtree(col(Readiness.region_code), root))
    )
    return list(result.scalars())


async def reports_in_subtree(
    session: AsyncSession, *, root: str, since: datetime | None = None, until: datetime
) -> list[Report]:
    statement = select(Report).where(
        _in_subtree(col(Report.region_code), root), col(Report.created_at) < until
    )
    if since is not None:
        statement = statement.where(col(Report.created_at) >= since)
    return list((await session.execute(statement.order_by(col(Report.id)))).scalars())


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_summaries_match_the_row_by_row_roll_up(database_url: str, seed: int) -> None:
    rng = random.Random(seed)
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    async with factory() as session:
        person = Person(telegram_id=1, role="officer", region_code=ROOT, created_at=NOW)
        session.add(person)
        await session.flush()
        assert person.id is not None
        codes = list(
            (
                await session.execute(
                    select(col(Region.code)).where(
                        (col(Region.code) == ROOT) | col(Region.code).startswith(ROOT + ".")
                    )
                )
            ).scalars()
        )
        # Other regencies too: they must never leak into Konawe Utara's figures.
        codes += ["74.01", "74.10"]
        saved: list[Report] = []
        for _ in range(300):
            report = await add_report(
                session,
                report=Report(
                    person_id=person.id,
                    reporter_role="officer",
                    region_code=rng.choice(codes),
                    aspect_code=rng.choice(ASPECTS),
                    state=rng.choice(["ready", "partial", "not_ready"]),
                    progress=rng.choice([None, 10, 50, 90]),
                    created_at=NOW - timedelta(minutes=rng.randint(1, 3 * 24 * 60)),
                ),
            )
            saved.append(report)
        for report in rng.sample(saved, 30):
            await withdraw_report(session, report=report, now=NOW)
        await session.commit()

    async with factory() as session:
        aspect_codes = ASPECTS
        aspects = [AspectInfo(a, a, a) for a in ASPECTS]
        areas = [(c.code, c.name) for c in await child_regions(session, code=ROOT)]
        area_codes = {code for code, _ in areas}
        since = NOW - timedelta(hours=24)
        rows_now = [
            CurrentState(r.region_code, r.aspect_code, r.state, r.progress, r.reported_at)
            for r in await readiness_in_subtree(session, root=ROOT)
        ]
        cells = await readiness_summary(session, root=ROOT, area_codes=area_codes)
        assert roll_up_cells(areas, aspect_codes, cells) == roll_up(areas, aspect_codes, rows_now)
        by_area = await readiness_summary_by_area(session, root=ROOT, area_codes=area_codes)

        def key(cell: CellSummary) -> tuple[str, str]:
            return (cell.area_code, cell.aspect_code)

        assert sorted(by_area, key=key) == sorted(cells, key=key)
        assert [roll_up_whole(ROOT, ROOT, aspect_codes, cells)] == roll_up(
            [(ROOT, ROOT)], aspect_codes, rows_now
        )

        # Yesterday's matrix, the way it was computed row by row before.
        recent = await reports_in_subtree(session, root=ROOT, since=since, until=NOW)
        touched = {(r.region_code, r.aspect_code) for r in recent}
        latest_before: dict[tuple[str, str], Report] = {}
        for report in await reports_in_subtree(session, root=ROOT, until=since):
            pair = (report.region_code, report.aspect_code)
            if pair in touched and report.status != ReportStatus.WITHDRAWN:
                latest_before[pair] = report
        rows_before = [r for r in rows_now if (r.region_code, r.aspect_code) not in touched] + [
            CurrentState(r.region_code, r.aspect_code, r.state, r.progress, r.created_at)
            for r in latest_before.values()
        ]
        touched_now = await touched_pairs(session, root=ROOT, since=since, until=NOW)
        assert {(p.region_code, p.aspect_code) for p in touched_now} == touched
        cells_before = summaries_before(cells, touched_now, root=ROOT, area_codes=area_codes)
        expected_before = roll_up(areas, aspect_codes, rows_before)
        assert [
            {aspect: rollup.state for aspect, rollup in area.aspects.items()}
            for area in roll_up_cells(areas, aspect_codes, cells_before)
        ] == [{aspect: r.state for aspect, r in area.aspects.items()} for area in expected_before]
        changes = matrix_changes(
            aspects,
            roll_up_cells(areas, aspect_codes, cells),
            roll_up_cells(areas, aspect_codes, cells_before),
        )
        assert changes == matrix_changes(
            aspects, roll_up(areas, aspect_codes, rows_now), expected_before
        )
        assert changes  # the seeds make changes: the comparison above is not vacuous

        reporting = {area_of(p.region_code, ROOT, area_codes) for p in touched_now}
        assert reporting & area_codes == {
            code for code in area_codes if any(r.region_code.startswith(code) for r in recent)
        }
    await engine.dispose()
