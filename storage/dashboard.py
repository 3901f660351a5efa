"""Reads only the dashboard needs: reports per day and area, and what changed since."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.types import ReportStatus
from storage.models import Incident, IncidentEvent, Report, SupportEvent, SupportRequest
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


@dataclass(frozen=True)
class LatestIds:
    """The newest id of each table whose rows change what a dashboard shows: a new report
    or incident, an incident's or a support request's step (every step writes an event)."""

    report: int = 0
    incident: int = 0
    incident_event: int = 0
    support_request: int = 0
    support_event: int = 0


_WATCHED = (Report.id, Incident.id, IncidentEvent.id, SupportRequest.id, SupportEvent.id)


async def latest_ids(session: AsyncSession) -> LatestIds:
    """The newest id of each watched table (index-only reads): the live feed compares them."""
    numbers = []
    for column in _WATCHED:
        result = await session.execute(select(func.max(col(column))))
        numbers.append(int(result.scalar_one() or 0))
    return LatestIds(*numbers)


async def regions_changed_since(session: AsyncSession, last: LatestIds) -> set[str]:
    """The regions of the reports, incidents, support requests and their events newer than
    `last`."""
    statements = [
        select(col(Report.region_code)).where(col(Report.id) > last.report),
        select(col(Incident.region_code)).where(col(Incident.id) > last.incident),
        select(col(Incident.region_code))
        .join(IncidentEvent, col(IncidentEvent.incident_id) == col(Incident.id))
        .where(col(IncidentEvent.id) > last.incident_event),
        select(col(SupportRequest.region_code)).where(
            col(SupportRequest.id) > last.support_request
        ),
        select(col(SupportRequest.region_code))
        .join(SupportEvent, col(SupportEvent.request_id) == col(SupportRequest.id))
        .where(col(SupportEvent.id) > last.support_event),
    ]
    changed: set[str] = set()
    for statement in statements:
        changed.update((await session.execute(statement.distinct())).scalars())
    return changed
