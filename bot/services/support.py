"""Support requests: ask, route, take, progress, finish, decline, escalate, summarise.

No Telegram: every message is written to the outbox of the unit of work; rendering is in
bot/support_render.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.support import is_overdue, open_order_key, reference
from bot.unit import UnitOfWork
from storage.models import OPEN_SUPPORT_STATUSES, SupportRequest, SupportStatus
from storage.people import get_person
from storage.regions import region_labels
from storage.support import active_agencies, requests_in_subtree


@dataclass(frozen=True)
class SupportItem:
    """One request, as lists and summaries show it."""

    id: int
    reference: str
    agency_code: str
    region_code: str
    region: str
    need: str
    urgency: str
    status: str
    deadline_at: datetime
    overdue: bool
    created_at: datetime
    closed_at: datetime | None
    requester: str | None
    taken_by: str | None


@dataclass(frozen=True)
class AgencySupport:
    """The requests asked of one agency inside an area."""

    agency_code: str
    name_id: str
    name_en: str
    open: tuple[SupportItem, ...]  # overdue first
    done_since: tuple[SupportItem, ...]

    @property
    def overdue(self) -> tuple[SupportItem, ...]:
        return tuple(item for item in self.open if item.overdue)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class SupportSummary:
    root: str | None
    now: datetime
    agencies: tuple[AgencySupport, ...]  # only agencies with something to say, shipped order

    @property
    def open_count(self) -> int:
        return sum(len(a.open) for a in self.agencies)

    @property
    def overdue_count(self) -> int:
        return sum(len(a.overdue) for a in self.agencies)

    @property
    def done_count(self) -> int:
        return sum(len(a.done_since) for a in self.agencies)


def _session(unit_or_session: UnitOfWork | AsyncSession) -> AsyncSession:
    return unit_or_session.session if isinstance(unit_or_session, UnitOfWork) else unit_or_session


async def items_of(
    session: AsyncSession, requests: list[SupportRequest], now: datetime
) -> list[SupportItem]:
    labels = await region_labels(session, {r.region_code for r in requests})
    names: dict[int, str | None] = {}

    async def name(person_id: int | None) -> str | None:
        if person_id is None:
            return None
        if person_id not in names:
            person = await get_person(session, person_id=person_id)
            names[person_id] = person.full_name if person else None
        return names[person_id]

    items = []
    for request in requests:
        assert request.id is not None
        items.append(
            SupportItem(
                id=request.id,
                reference=reference(request.id),
                agency_code=request.agency_code,
                region_code=request.region_code,
                region=labels.get(request.region_code, request.region_code),
                need=request.need,
                urgency=request.urgency,
                status=request.status,
                deadline_at=request.deadline_at,
                overdue=is_overdue(request.status, request.deadline_at, now),
                created_at=request.created_at,
                closed_at=request.closed_at,
                requester=await name(request.requester_id),
                taken_by=await name(request.taken_by_id),
            )
        )
    return items


async def support_summary(
    unit_or_session: UnitOfWork | AsyncSession,
    *,
    root: str | None,
    now: datetime,
    since: datetime | None = None,
) -> SupportSummary:
    """Open requests by agency inside `root` (everywhere when None), overdue first, and the
    ones done since `since` (default: 24 hours before `now`). For the digest, the briefing
    and the dashboard."""
    session = _session(unit_or_session)
    since = since if since is not None else now - timedelta(days=1)
    open_items = await items_of(
        session,
        await requests_in_subtree(session, root=root, statuses=OPEN_SUPPORT_STATUSES),
        now,
    )
    done_items = await items_of(
        session,
        await requests_in_subtree(
            session, root=root, statuses=(SupportStatus.DONE.value,), since=since
        ),
        now,
    )
    agencies = []
    for agency in await active_agencies(session):
        mine = sorted(
            (i for i in open_items if i.agency_code == agency.code),
            key=lambda i: open_order_key(i.overdue, i.urgency, i.deadline_at),
        )
        done = tuple(i for i in done_items if i.agency_code == agency.code)
        if mine or done:
            agencies.append(
                AgencySupport(agency.code, agency.name_id, agency.name_en, tuple(mine), done)
            )
    return SupportSummary(root=root, now=now, agencies=tuple(agencies))
