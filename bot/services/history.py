"""/riwayat I-0031 (an incident and its whole timeline) and an alert's "Read more" (its
whole description): both for people whose area holds the incident."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.alerts import AlertView, load_view
from bot.domain.incidents import parse_escalation_detail
from bot.domain.policy import Action, ChatKind, may
from bot.services.people import person_name, policy_actor
from bot.services.regions import region_label
from bot.unit import UnitOfWork
from storage.incidents import get_incident, incident_events
from storage.models import Incident, Person

MAX_ID_DIGITS = 9  # a longer number is no incident's (and would overflow the database)


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    kind: str
    detail: str | None
    by_person: bool  # False: the system did it
    who: str | None  # the person's name; None when they are gone or left (name erased)
    escalation: tuple[str, int | None] | None = None  # escalated: (region label, how many told)


@dataclass(frozen=True)
class IncidentHistory:
    view: AlertView
    events: tuple[HistoryEvent, ...]


async def _incident(unit: UnitOfWork, incident_id: int) -> Incident | None:
    if not 0 <= incident_id < 10**MAX_ID_DIGITS:
        return None
    return await get_incident(unit.session, incident_id=incident_id)


def _may_see(actor: Person | None, action: Action, chat: ChatKind, incident: Incident) -> bool:
    return actor is not None and may(
        policy_actor(actor), action, chat=chat, region=incident.region_code
    )


async def incident_history(
    unit: UnitOfWork, *, actor: Person, incident_id: int
) -> IncidentHistory | None:
    """The incident as its alert shows it in full, and who did what when; None when there
    is no such incident or it lies outside the actor's area (the two are not told apart)."""
    incident = await _incident(unit, incident_id)
    if incident is None or incident.id is None:
        return None
    if not _may_see(actor, Action.VIEW_HISTORY, ChatKind.PRIVATE, incident):
        return None
    events = []
    for event in await incident_events(unit.session, incident_id=incident.id):
        escalation = None
        if event.kind == "escalated" and (parsed := parse_escalation_detail(event.detail)):
            code, count = parsed
            escalation = (await region_label(unit, code), count)
        events.append(
            HistoryEvent(
                at=event.at,
                kind=event.kind,
                detail=event.detail,
                by_person=event.actor_id is not None,
                who=await person_name(unit, event.actor_id),
                escalation=escalation,
            )
        )
    return IncidentHistory(await load_view(unit.session, incident), tuple(events))


@dataclass(frozen=True)
class Description:
    incident_id: int
    text: str


class Hidden(StrEnum):
    STALE = "stale"  # no such incident
    NOT_YOURS = "not_yours"  # outside the presser's area, or the presser is not registered


async def incident_description(
    unit: UnitOfWork, *, actor: Person | None, incident_id: int, chat: ChatKind
) -> Description | Hidden:
    """An incident's whole description, for "Read more" pressed in `chat`, or why not."""
    incident = await _incident(unit, incident_id)
    if incident is None or incident.id is None:
        return Hidden.STALE
    if not _may_see(actor, Action.VIEW_STATUS, chat, incident):
        return Hidden.NOT_YOURS
    return Description(incident.id, incident.description)
