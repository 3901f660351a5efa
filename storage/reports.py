"""Report queries. Every write keeps `readiness` (the current state) in step."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    delete,
    exists,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Subquery
from sqlmodel import col

from bot.domain.regions import subtree_bounds
from bot.domain.reports import STATE_RANK, CellSummary
from storage.models import Readiness, Report, ReportStatus

_RANKED_STATES = {state: rank for state, rank in STATE_RANK.items() if state is not None}
_STATE_OF_RANK = {rank: state for state, rank in _RANKED_STATES.items()}


def _in_subtree(column: object, root: str) -> object:
    low, high = subtree_bounds(root)
    return (column == root) | ((column >= low) & (column < high))  # type: ignore[operator]


async def add_report(session: AsyncSession, *, report: Report) -> Report:
    session.add(report)
    await session.flush()
    await _refresh_readiness(
        session, region_code=report.region_code, aspect_code=report.aspect_code
    )
    return report


async def get_report(session: AsyncSession, *, report_id: int) -> Report | None:
    return await session.get(Report, report_id)


async def get_report_by_update(session: AsyncSession, *, update_id: int) -> Report | None:
    result = await session.execute(select(Report).where(col(Report.source_update_id) == update_id))
    return result.scalar_one_or_none()


async def last_active_report_by(session: AsyncSession, *, person_id: int) -> Report | None:
    result = await session.execute(
        select(Report)
        .where(col(Report.person_id) == person_id, col(Report.status) == ReportStatus.ACTIVE)
        .order_by(col(Report.id).desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def correct_report(session: AsyncSession, *, old: Report, new: Report) -> Report:
    """Record `new` as the correction of `old`; `old` stays in history, marked corrected."""
    old.status = ReportStatus.CORRECTED.value
    session.add(old)
    new.corrects_id = old.id
    session.add(new)
    await session.flush()
    await _refresh_readiness(session, region_code=old.region_code, aspect_code=old.aspect_code)
    if (new.region_code, new.aspect_code) != (old.region_code, old.aspect_code):
        await _refresh_readiness(session, region_code=new.region_code, aspect_code=new.aspect_code)
    return new


async def withdraw_report(session: AsyncSession, *, report: Report, now: datetime) -> None:
    report.status = ReportStatus.WITHDRAWN.value
    report.withdrawn_at = now
    session.add(report)
    await session.flush()
    await _refresh_readiness(
        session, region_code=report.region_code, aspect_code=report.aspect_code
    )


async def _refresh_readiness(session: AsyncSession, *, region_code: str, aspect_code: str) -> None:
    """Point readiness at the latest active report of this region and aspect (or none)."""
    result = await session.execute(
        select(Report)
        .where(
            col(Report.region_code) == region_code,
            col(Report.aspect_code) == aspect_code,
            col(Report.status) == ReportStatus.ACTIVE,
        )
        .order_by(col(Report.id).desc())
        .limit(1)
    )
    latest = result.scalar_one_or_none()
    current = await session.get(Readiness, (region_code, aspect_code))
    if latest is None:
        if current is not None:
            await session.execute(
                delete(Readiness).where(
                    col(Readiness.region_code) == region_code,
                    col(Readiness.aspect_code) == aspect_code,
                )
            )
        return
    assert latest.id is not None
    if current is None:
        current = Readiness(
            region_code=region_code,
            aspect_code=aspect_code,
            report_id=latest.id,
            state=latest.state,
            progress=latest.progress,
            reported_at=latest.created_at,
        )
    else:
        current.report_id, current.state = latest.id, latest.state
        current.progress, current.reported_at = latest.progress, latest.created_at
    session.add(current)
    await session.flush()


async def report_history(session: AsyncSession, *, report_id: int) -> list[Report]:
    """The chain a report belongs to: the reports it corrects, oldest first, and itself."""
    chain: list[Report] = []
    current = await session.get(Report, report_id)
    while current is not None:
        chain.append(current)
        current = await session.get(Report, current.corrects_id) if current.corrects_id else None
    return list(reversed(chain))


async def reports_since(
    session: AsyncSession, *, root: str | None, since: datetime
) -> list[Report]:
    """Active reports since a moment, in a subtree or (root None) everywhere."""
    statement = select(Report).where(
        col(Report.created_at) >= since, col(Report.status) == ReportStatus.ACTIVE
    )
    if root is not None:
        statement = statement.where(_in_subtree(col(Report.region_code), root))  # type: ignore[arg-type]
    result = await session.execute(statement)
    return list(result.scalars())


# -- summaries for roll-ups: the database groups, Python only folds a few hundred cells ----


def _area_key(column: Any, root: str, area_codes: Collection[str]) -> Any:
    """The area (one of `area_codes`, regions one level below `root`) that a region code
    lies in; `root` itself for rows of the root or of no listed area. Codes nest by
    prefix up to a dot, so the key is the code cut at an area code's length."""
    whens: list[tuple[Any, Any]] = [(column == root, literal(root, String))]
    for length in sorted({len(code) for code in area_codes if code != root}, reverse=True):
        whens.append(
            (
                (func.length(column) == length) | (func.substr(column, length + 1, 1) == "."),
                func.substr(column, 1, length),
            )
        )
    return case(*whens, else_=literal(root, String))


def _rank(column: Any) -> Any:
    return case(_RANKED_STATES, value=column)


async def _summarise(session: AsyncSession, rows: Subquery) -> list[CellSummary]:
    """Group rows (area, aspect, rank, progress, at) into one summary per area and aspect.
    The key is a column of a subquery, so PostgreSQL sees one GROUP BY expression."""
    result = await session.execute(
        select(
            rows.c.area,
            rows.c.aspect,
            func.count(),
            func.min(rows.c.rank),
            func.max(rows.c.progress),
            func.max(rows.c.at),
        ).group_by(rows.c.area, rows.c.aspect)
    )
    return [
        CellSummary(area, aspect, int(count), _STATE_OF_RANK.get(rank), progress, at)
        for area, aspect, count, rank, progress, at in result.all()
    ]


async def readiness_summary(
    session: AsyncSession, *, root: str, area_codes: Collection[str]
) -> list[CellSummary]:
    """The current readiness of `root`'s subtree, summarised per area and aspect."""
    rows = select(
        _area_key(col(Readiness.region_code), root, area_codes).label("area"),
        col(Readiness.aspect_code).label("aspect"),
        _rank(col(Readiness.state)).label("rank"),
        col(Readiness.progress).label("progress"),
        col(Readiness.reported_at).label("at"),
    ).where(_in_subtree(col(Readiness.region_code), root))  # type: ignore[arg-type]
    return await _summarise(session, rows.subquery())


async def readiness_summary_before(
    session: AsyncSession,
    *,
    root: str,
    area_codes: Collection[str],
    since: datetime,
    until: datetime,
) -> list[CellSummary]:
    """Readiness as it stood at `since`: a region and aspect reported on in [since, until)
    counts with its latest report from before `since` (or not at all); the others with
    their current state. Summarised per area and aspect, like `readiness_summary`."""
    touched = (
        select(col(Report.region_code), col(Report.aspect_code))
        .where(
            _in_subtree(col(Report.region_code), root),  # type: ignore[arg-type]
            col(Report.created_at) >= since,
            col(Report.created_at) < until,
        )
        .distinct()
        .cte("touched")
    )
    latest_before = (
        select(func.max(col(Report.id)))
        .join(
            touched,
            and_(
                col(Report.region_code) == touched.c.region_code,
                col(Report.aspect_code) == touched.c.aspect_code,
            ),
        )
        .where(col(Report.created_at) < since, col(Report.status) != ReportStatus.WITHDRAWN)
        .group_by(col(Report.region_code), col(Report.aspect_code))
    )
    replaced = select(  # type: ignore[var-annotated]
        col(Report.region_code).label("region"),
        col(Report.aspect_code).label("aspect"),
        col(Report.state).label("state"),
        col(Report.progress).label("progress"),
        col(Report.created_at).label("at"),
    ).where(col(Report.id).in_(latest_before))
    kept = select(
        col(Readiness.region_code),
        col(Readiness.aspect_code),
        col(Readiness.state),
        col(Readiness.progress),
        col(Readiness.reported_at),
    ).where(
        _in_subtree(col(Readiness.region_code), root),  # type: ignore[arg-type]
        ~exists().where(
            touched.c.region_code == col(Readiness.region_code),
            touched.c.aspect_code == col(Readiness.aspect_code),
        ),
    )
    before = union_all(replaced, kept).subquery()
    rows = select(
        _area_key(before.c.region, root, area_codes).label("area"),
        before.c.aspect.label("aspect"),
        _rank(before.c.state).label("rank"),
        before.c.progress.label("progress"),
        before.c.at.label("at"),
    )
    return await _summarise(session, rows.subquery())


async def areas_reporting(
    session: AsyncSession,
    *,
    root: str,
    area_codes: Collection[str],
    since: datetime,
    until: datetime,
) -> set[str]:
    """Which of the areas below `root` had any report in [since, until)."""
    rows = (
        select(_area_key(col(Report.region_code), root, area_codes).label("area"))
        .where(
            _in_subtree(col(Report.region_code), root),  # type: ignore[arg-type]
            col(Report.created_at) >= since,
            col(Report.created_at) < until,
        )
        .subquery()
    )
    result = await session.execute(select(rows.c.area).distinct())
    return {area for area in result.scalars() if area in area_codes}
