"""Report queries. Every write keeps `readiness` (the current state) in step."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.regions import subtree_bounds
from storage.models import Readiness, Report, ReportStatus


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


async def readiness_in_subtree(session: AsyncSession, *, root: str) -> list[Readiness]:
    result = await session.execute(
        select(Readiness).where(_in_subtree(col(Readiness.region_code), root))  # type: ignore[arg-type]
    )
    return list(result.scalars())


async def reports_in_subtree(
    session: AsyncSession,
    *,
    root: str,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Report]:
    statement = select(Report).where(_in_subtree(col(Report.region_code), root))  # type: ignore[arg-type]
    if since is not None:
        statement = statement.where(col(Report.created_at) >= since)
    if until is not None:
        statement = statement.where(col(Report.created_at) < until)
    result = await session.execute(statement.order_by(col(Report.id)))
    return list(result.scalars())


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
