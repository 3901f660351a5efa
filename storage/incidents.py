"""Incident, timeline, alert-copy and subscription queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.domain.regions import ancestors_of
from bot.domain.types import OPEN_INCIDENT_STATUSES
from storage.models import (
    AlertCopy,
    Incident,
    IncidentEvent,
    IncidentType,
    Notice,
    OutboxMessage,
    Person,
    Subscription,
)
from storage.subtree import in_subtree


async def active_incident_types(session: AsyncSession) -> list[IncidentType]:
    result = await session.execute(
        select(IncidentType)
        .where(col(IncidentType.active).is_(True))
        .order_by(col(IncidentType.position))
    )
    return list(result.scalars())


async def add_incident(session: AsyncSession, *, incident: Incident) -> Incident:
    session.add(incident)
    await session.flush()
    return incident


async def get_incident(session: AsyncSession, *, incident_id: int) -> Incident | None:
    return await session.get(Incident, incident_id)


async def add_event(
    session: AsyncSession,
    *,
    incident_id: int,
    at: datetime,
    kind: str,
    actor_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        IncidentEvent(incident_id=incident_id, at=at, kind=kind, actor_id=actor_id, detail=detail)
    )


async def incident_events(session: AsyncSession, *, incident_id: int) -> list[IncidentEvent]:
    result = await session.execute(
        select(IncidentEvent)
        .where(col(IncidentEvent.incident_id) == incident_id)
        .order_by(col(IncidentEvent.id))
    )
    return list(result.scalars())


async def coordinators_above(session: AsyncSession, *, region_code: str) -> list[Person]:
    """Active coordinators and admins bound to the region or one of its ancestors."""
    codes = [*ancestors_of(region_code), region_code]
    result = await session.execute(
        select(Person).where(
            col(Person.region_code).in_(codes),
            col(Person.role).in_(("coordinator", "admin")),
            col(Person.active).is_(True),
        )
    )
    return list(result.scalars())


async def alert_subscriptions_above(
    session: AsyncSession, *, region_code: str
) -> list[Subscription]:
    codes = [*ancestors_of(region_code), region_code]
    result = await session.execute(
        select(Subscription).where(
            col(Subscription.region_code).in_(codes),
            col(Subscription.alerts).is_(True),
            col(Subscription.active).is_(True),
        )
    )
    return list(result.scalars())


def add_alert_copy(
    session: AsyncSession, *, incident_id: int, chat_id: int, outbox_id: int, language: str
) -> None:
    session.add(
        AlertCopy(incident_id=incident_id, chat_id=chat_id, outbox_id=outbox_id, language=language)
    )


async def alert_copies(session: AsyncSession, *, incident_id: int) -> list[AlertCopy]:
    result = await session.execute(
        select(AlertCopy)
        .where(col(AlertCopy.incident_id) == incident_id)
        .order_by(col(AlertCopy.id))
    )
    return list(result.scalars())


async def sent_message_ids(session: AsyncSession, *, outbox_ids: Sequence[int]) -> dict[int, int]:
    if not outbox_ids:
        return {}
    result = await session.execute(
        select(col(OutboxMessage.id), col(OutboxMessage.sent_message_id)).where(
            col(OutboxMessage.id).in_(list(outbox_ids)),
            col(OutboxMessage.sent_message_id).is_not(None),
        )
    )
    return {
        outbox_id: message_id
        for outbox_id, message_id in result.all()
        if outbox_id is not None and message_id is not None
    }


async def open_incidents_in_subtree(session: AsyncSession, *, root: str) -> list[Incident]:
    result = await session.execute(
        select(Incident).where(
            in_subtree(col(Incident.region_code), root),
            col(Incident.status).in_(OPEN_INCIDENT_STATUSES),
        )
    )
    return list(result.scalars())


async def incidents_in_subtree(
    session: AsyncSession,
    *,
    root: str,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Incident]:
    statement = select(Incident).where(in_subtree(col(Incident.region_code), root))
    if since is not None:
        statement = statement.where(col(Incident.created_at) >= since)
    if until is not None:
        statement = statement.where(col(Incident.created_at) < until)
    result = await session.execute(statement.order_by(col(Incident.id)))
    return list(result.scalars())


async def due_escalations(
    session: AsyncSession, *, now: datetime, limit: int = 100
) -> list[Incident]:
    result = await session.execute(
        select(Incident)
        .where(
            col(Incident.next_escalation_at).is_not(None),
            col(Incident.next_escalation_at) <= now,
        )
        .order_by(col(Incident.next_escalation_at))
        .limit(limit)
    )
    return list(result.scalars())


async def claim_notice(session: AsyncSession, *, key: str, now: datetime) -> bool:
    """True the first time `key` is claimed (callers put the day in the key)."""
    if await session.get(Notice, key) is not None:
        return False
    session.add(Notice(key=key, at=now))
    await session.flush()
    return True


async def get_subscription(
    session: AsyncSession, *, chat_id: int, thread_id: int | None
) -> Subscription | None:
    thread = col(Subscription.thread_id)
    result = await session.execute(
        select(Subscription).where(
            col(Subscription.chat_id) == chat_id,
            thread.is_(None) if thread_id is None else thread == thread_id,
        )
    )
    return result.scalar_one_or_none()


async def subscriptions_of_chat(session: AsyncSession, *, chat_id: int) -> list[Subscription]:
    result = await session.execute(select(Subscription).where(col(Subscription.chat_id) == chat_id))
    return list(result.scalars())


async def active_subscriptions(session: AsyncSession) -> list[Subscription]:
    result = await session.execute(select(Subscription).where(col(Subscription.active).is_(True)))
    return list(result.scalars())
