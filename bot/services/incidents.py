"""Incidents: submit one (it is alerted at once), act on it from its alert (acknowledge,
in progress, resolve, reject), and the open incidents of an area.

Resolving and rejecting need a note: the press opens a one-step draft in the coordinator's
private chat (flow CLOSE_FLOW), and the note closes the incident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.alerts import ActionRefused, Alerted, act, incident_types, may_handle, raise_alert
from bot.config import Settings
from bot.domain.incidents import TypeInfo, open_order_key
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.types import OPEN_INCIDENT_STATUSES
from bot.services import drafts
from bot.services.support import policy_actor
from bot.unit import UnitOfWork
from storage.incidents import add_event, add_incident, get_incident, open_incidents_in_subtree
from storage.models import Incident, Person
from storage.regions import region_label, region_labels

CLOSE_FLOW = "incident_close"
# The actions of an alert's buttons; the last two ask for a note first.
ACTIONS = ("acknowledge", "progress", "resolve", "dismiss")
NEEDS_NOTE = ("resolve", "dismiss")


@dataclass(frozen=True)
class IncidentFields:
    """What an incident report says, whether from a line or from the guided flow."""

    region: str
    type_code: str
    severity: str
    athg: str | None  # None: the kind's default class
    description: str = ""
    photos: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class SubmittedIncident:
    id: int
    region: str  # the region's label
    type_code: str
    severity: str
    athg: str
    description: str
    alerted: Alerted


class Outcome(StrEnum):
    DONE = "done"
    NOTE_ASKED = "note_asked"  # resolve or reject: the note is asked in the private chat
    STALE = "stale"  # no such incident (or a malformed button)
    NOT_YOURS = "not_yours"  # the policy does not let this person handle it
    ALREADY_CLOSED = "already_closed"
    REFUSED = "refused"  # the action cannot be taken now: `key` and `params` say why


@dataclass(frozen=True)
class Acted:
    outcome: Outcome
    incident_id: int | None = None
    key: str = ""
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class OpenIncident:
    id: int
    severity: str
    type_code: str
    region: str  # the region's label
    status: str
    created_at: datetime


@dataclass(frozen=True)
class OpenIncidents:
    region: str  # the area's label
    incidents: list[OpenIncident]  # most severe and oldest first
    types: list[TypeInfo]


async def incident_kinds(unit: UnitOfWork) -> list[TypeInfo]:
    return await incident_types(unit.session)


async def submit_incident(
    unit: UnitOfWork, settings: Settings, *, actor: Person, fields: IncidentFields
) -> SubmittedIncident:
    """Store the incident, record who reported it, and alert at once."""
    assert actor.id is not None
    types = await incident_kinds(unit)
    incident = await add_incident(
        unit.session,
        incident=Incident(
            reporter_id=actor.id,
            reporter_role=actor.role,
            region_code=fields.region,
            athg_class=fields.athg
            or next(k.default_class for k in types if k.code == fields.type_code),
            type_code=fields.type_code,
            severity=fields.severity,
            description=fields.description,
            photo_file_ids=list(fields.photos),
            latitude=fields.latitude,
            longitude=fields.longitude,
            created_at=unit.now,
            source_update_id=unit.update_id,
        ),
    )
    assert incident.id is not None
    await add_event(
        unit.session, incident_id=incident.id, at=unit.now, kind="reported", actor_id=actor.id
    )
    alerted = await raise_alert(unit, settings, incident)
    return SubmittedIncident(
        id=incident.id,
        region=await region_label(unit.session, incident.region_code),
        type_code=incident.type_code,
        severity=incident.severity,
        athg=incident.athg_class,
        description=incident.description,
        alerted=alerted,
    )


async def act_on_incident(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person | None,
    incident_id: int,
    action: str,
    chat: ChatKind,
) -> Acted:
    """A press on an alert's button (anyone whose role and region may handle the incident:
    alerts are shared with groups and several coordinators)."""
    incident = await get_incident(unit.session, incident_id=incident_id)
    if incident is None or incident.id is None or action not in ACTIONS:
        return Acted(Outcome.STALE)
    if actor is None or not may_handle(actor, incident, chat):
        return Acted(Outcome.NOT_YOURS, incident.id)
    if action in NEEDS_NOTE:
        if incident.status not in OPEN_INCIDENT_STATUSES:
            return Acted(Outcome.ALREADY_CLOSED, incident.id)
        # The note is asked for in the coordinator's private chat, wherever they pressed.
        await drafts.save_draft(
            unit,
            chat_id=actor.telegram_id,
            user_id=actor.telegram_id,
            flow=CLOSE_FLOW,
            step=action,
            token=drafts.new_token(),
            data={"incident": incident.id},
            minutes=settings.draft_ttl_minutes,
        )
        return Acted(Outcome.NOTE_ASKED, incident.id)
    return await _act(unit, settings, incident, actor, action, chat=chat)


async def close_incident(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    incident_id: int,
    action: str,
    note: str,
    chat: ChatKind,
) -> Acted:
    """The note of a resolve or reject asked for by `act_on_incident`, typed in `chat`."""
    incident = await get_incident(unit.session, incident_id=incident_id)
    if incident is None or incident.id is None or action not in NEEDS_NOTE:
        return Acted(Outcome.STALE)
    return await _act(unit, settings, incident, actor, action, note, chat=chat)


async def _act(
    unit: UnitOfWork,
    settings: Settings,
    incident: Incident,
    actor: Person,
    action: str,
    note: str | None = None,
    *,
    chat: ChatKind,
) -> Acted:
    try:
        await act(unit, settings, incident, actor, action, note, chat=chat)
    except ActionRefused as refusal:
        return Acted(Outcome.REFUSED, incident.id, refusal.key, dict(refusal.params))
    return Acted(Outcome.DONE, incident.id)


async def open_incidents_view(
    unit: UnitOfWork, *, actor: Person, chat: ChatKind
) -> OpenIncidents | None:
    """The open incidents in the person's area; None when the policy does not allow it."""
    root = actor.region_code
    if not decide(policy_actor(actor), Action.VIEW_STATUS, chat=chat, region=root):
        return None
    found = sorted(
        await open_incidents_in_subtree(unit.session, root=root),
        key=lambda i: open_order_key(i.severity, i.created_at),
    )
    labels = await region_labels(unit.session, {root} | {i.region_code for i in found})
    return OpenIncidents(
        region=labels[root],
        incidents=[
            OpenIncident(
                id=i.id,
                severity=i.severity,
                type_code=i.type_code,
                region=labels[i.region_code],
                status=i.status,
                created_at=i.created_at,
            )
            for i in found
            if i.id is not None
        ],
        types=await incident_kinds(unit) if found else [],
    )
