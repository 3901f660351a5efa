"""Reads only the dashboard needs: reports per day and area, and what changed since."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.types import ReportStatus
from storage.models import Incident, IncidentEvent, Report
from storage.subtree import in_subtree


async def reports_per_day(
    session: AsyncSession, *, root: str, area_length: int | None, bounds: Sequence[datetime]
) -> list[tuple[str, list[int], list[int]]]:
    """For each area below `root` (a region code cut at `area_length`; `root` itself for
    rows of the root), the reports in each window [bounds[i], bounds[i+1]) and how many of
    them said "ready". One GROUP BY: the database counts, Python reads a row per area."""
    created: Any = col(Report.created_at)
    state: Any = col(Report.state)
    if area_length is None:
        area: Any = literal(root)
    else:
        area = case(
            (
                func.length(col(Report.region_code)) >= area_length,
                func.substr(col(Report.region_code), 1, area_length),
            ),
            else_=literal(root),
        )
    windows = list(pairwise(bounds))
    keyed = (
        select(area.label("area"), created.label("created_at"), state.label("state"))
        .where(
            in_subtree(col(Report.region_code), root),
            created >= bounds[0],
            created < bounds[-1],
            col(Report.status) != ReportStatus.WITHDRAWN,
        )
        .subquery()
    )
    created, state = keyed.c.created_at, keyed.c.state
    counts = [
        func.sum(case(((created >= low) & (created < high), 1), else_=0)) for low, high in windows
    ]
    ready = [
        func.sum(case(((created >= low) & (created < high) & (state == "ready"), 1), else_=0))
        for low, high in windows
    ]
    result = await session.execute(select(keyed.c.area, *counts, *ready).group_by(keyed.c.area))
    n = len(windows)
    return [
        (row[0], [int(x or 0) for x in row[1 : 1 + n]], [int(x or 0) for x in row[1 + n :]])
        for row in result.all()
    ]


async def latest_ids(session: AsyncSession) -> tuple[int, int, int]:
    """The newest report, incident and incident event ids: the live feed compares them."""
    numbers = []
    for column in (Report.id, Incident.id, IncidentEvent.id):
        result = await session.execute(select(func.max(col(column))))
        numbers.append(int(result.scalar_one() or 0))
    return numbers[0], numbers[1], numbers[2]


async def regions_changed_since(
    session: AsyncSession, *, report_id: int, incident_id: int, event_id: int
) -> set[str]:
    """The regions of reports, incidents and incident events newer than these ids."""
    changed: set[str] = set()
    reports = await session.execute(
        select(col(Report.region_code)).where(col(Report.id) > report_id).distinct()
    )
    changed.update(reports.scalars())
    incidents = await session.execute(
        select(col(Incident.region_code)).where(col(Incident.id) > incident_id).distinct()
    )
    changed.update(incidents.scalars())
    events = await session.execute(
        select(col(Incident.region_code))
        .join(IncidentEvent, col(IncidentEvent.incident_id) == col(Incident.id))
        .where(col(IncidentEvent.id) > event_id)
        .distinct()
    )
    changed.update(events.scalars())
    return changed
