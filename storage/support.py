"""Agencies and support requests: queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.regions import ancestors_of
from bot.domain.types import OPEN_SUPPORT_STATUSES
from storage.models import Agency, Person, Readiness, SupportCopy, SupportEvent, SupportRequest
from storage.subtree import in_subtree


async def active_agencies(session: AsyncSession) -> list[Agency]:
    result = await session.execute(
        select(Agency).where(col(Agency.active).is_(True)).order_by(col(Agency.position))
    )
    return list(result.scalars())


async def get_agency(session: AsyncSession, *, code: str) -> Agency | None:
    return await session.get(Agency, code)


async def add_agency(
    session: AsyncSession, *, code: str, name_id: str, name_en: str, aliases: str = ""
) -> Agency:
    position = (await session.execute(select(func.max(col(Agency.position))))).scalar() or 0
    agency = Agency(
        code=code, name_id=name_id, name_en=name_en, aliases=aliases, position=position + 1
    )
    session.add(agency)
    await session.flush()
    return agency


async def set_person_agency(session: AsyncSession, *, person: Person, agency_code: str) -> None:
    person.agency_code = agency_code
    session.add(person)
    await session.flush()


async def add_request(session: AsyncSession, *, request: SupportRequest) -> SupportRequest:
    session.add(request)
    await session.flush()
    return request


async def get_request(session: AsyncSession, *, request_id: int) -> SupportRequest | None:
    return await session.get(SupportRequest, request_id)


async def add_event(
    session: AsyncSession,
    *,
    request_id: int,
    at: datetime,
    kind: str,
    actor_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        SupportEvent(request_id=request_id, at=at, kind=kind, actor_id=actor_id, detail=detail)
    )
    await session.flush()


async def request_events(session: AsyncSession, *, request_id: int) -> list[SupportEvent]:
    result = await session.execute(
        select(SupportEvent)
        .where(col(SupportEvent.request_id) == request_id)
        .order_by(col(SupportEvent.id))
    )
    return list(result.scalars())


async def leaders_above(session: AsyncSession, *, region_code: str) -> list[Person]:
    """Active coordinators bound to the region or one of its ancestors."""
    codes = [*ancestors_of(region_code), region_code]
    result = await session.execute(
        select(Person).where(
            col(Person.region_code).in_(codes),
            col(Person.role) == "coordinator",
            col(Person.active).is_(True),
        )
    )
    return list(result.scalars())


def add_copy(
    session: AsyncSession,
    *,
    request_id: int,
    chat_id: int,
    outbox_id: int,
    language: str,
    handler: bool,
) -> None:
    session.add(
        SupportCopy(
            request_id=request_id,
            chat_id=chat_id,
            outbox_id=outbox_id,
            language=language,
            handler=handler,
        )
    )


async def request_copies(session: AsyncSession, *, request_id: int) -> list[SupportCopy]:
    result = await session.execute(
        select(SupportCopy)
        .where(col(SupportCopy.request_id) == request_id)
        .order_by(col(SupportCopy.id))
    )
    return list(result.scalars())


async def requests_in_subtree(
    session: AsyncSession,
    *,
    root: str | None,
    statuses: Sequence[str] | None = None,
    since: datetime | None = None,
) -> list[SupportRequest]:
    statement = select(SupportRequest)
    if root is not None:
        statement = statement.where(in_subtree(col(SupportRequest.region_code), root))
    if statuses is not None:
        statement = statement.where(col(SupportRequest.status).in_(list(statuses)))
    if since is not None:
        statement = statement.where(col(SupportRequest.closed_at) >= since)
    result = await session.execute(statement.order_by(col(SupportRequest.id)))
    return list(result.scalars())


async def open_requests_in_subtree(
    session: AsyncSession, *, root: str | None
) -> list[SupportRequest]:
    return await requests_in_subtree(session, root=root, statuses=OPEN_SUPPORT_STATUSES)


async def due_untaken(
    session: AsyncSession, *, now: datetime, limit: int = 100
) -> list[SupportRequest]:
    result = await session.execute(
        select(SupportRequest)
        .where(
            col(SupportRequest.next_escalation_at).is_not(None),
            col(SupportRequest.next_escalation_at) <= now,
        )
        .order_by(col(SupportRequest.next_escalation_at))
        .limit(limit)
    )
    return list(result.scalars())


async def overdue_requests(
    session: AsyncSession, *, now: datetime, limit: int = 100
) -> list[SupportRequest]:
    result = await session.execute(
        select(SupportRequest)
        .where(
            col(SupportRequest.status).in_(OPEN_SUPPORT_STATUSES),
            col(SupportRequest.deadline_at) < now,
        )
        .order_by(col(SupportRequest.deadline_at))
        .limit(limit)
    )
    return list(result.scalars())


async def unready_cells(session: AsyncSession, *, region_code: str) -> list[Readiness]:
    """The region's own 🔴/🟡 cells (not those of the regions below), in aspect order."""
    result = await session.execute(
        select(Readiness)
        .where(
            col(Readiness.region_code) == region_code,
            col(Readiness.state).in_(("not_ready", "partial")),
        )
        .order_by(col(Readiness.aspect_code))
    )
    return list(result.scalars())
