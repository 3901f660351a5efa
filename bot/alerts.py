"""Incident alerts: who gets them at once, what they say, how they follow the incident.
Escalation is in bot/escalation.py; word about recipients the bot cannot reach in
bot/unreachable.py.

No Telegram here: everything is written to the outbox inside the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import INCIDENT_ALERT, INCIDENT_MORE, SUPPORT_ASK
from bot.config import Settings
from bot.domain.incidents import (
    SEVERITY_EMOJI,
    STATUS_EMOJI,
    Coordinator,
    GroupFeed,
    TypeInfo,
    escalation_levels,
    first_recipients,
    next_escalation,
    reference,
)
from bot.domain.policy import Action, Actor, ChatKind, may
from bot.domain.types import OPEN_INCIDENT_STATUSES, IncidentStatus
from bot.i18n import Html, format_short_moment, plain, t
from bot.render import person_label, shorten
from bot.ui import Button, Keyboard
from bot.unit import PRIORITY_ALERT, UnitOfWork
from storage.incidents import (
    active_incident_types,
    add_alert_copy,
    add_event,
    alert_copies,
    alert_subscriptions_above,
    coordinators_above,
    incident_events,
)
from storage.models import Incident, Person
from storage.people import get_person
from storage.regions import region_label

ACTIONS = {"a": "acknowledge", "p": "progress", "r": "resolve", "d": "dismiss"}
DESCRIPTION_PREVIEW = 1200


async def incident_types(session: AsyncSession) -> list[TypeInfo]:
    return [
        TypeInfo(
            k.code,
            k.label_id,
            k.label_en,
            k.default_class,
            tuple(filter(None, (a.strip() for a in k.aliases.split(",")))),
        )
        for k in await active_incident_types(session)
    ]


def _type_label(types: list[TypeInfo], code: str, lang: str) -> str:
    return next((k.label(lang) for k in types if k.code == code), code)


def may_handle(person: Person, incident: Incident, chat: ChatKind) -> bool:
    """The policy's answer: coordinators and admins act on incidents inside their own
    region."""
    actor = Actor(
        role=person.role,
        region_code=person.region_code,
        active=person.active,
        agency_code=person.agency_code,
    )
    return may(actor, Action.HANDLE_INCIDENT, chat=chat, region=incident.region_code)


@dataclass(frozen=True)
class AlertView:
    """Everything an alert shows, loaded once and rendered per language."""

    incident: Incident
    region: str
    reporter: Person | None
    acknowledger: Person | None
    closer: Person | None
    types: list[TypeInfo]
    handler: Person | None = None  # who pressed 🛠 last, when it is being handled
    handled_at: datetime | None = None


async def load_view(session: AsyncSession, incident: Incident) -> AlertView:
    async def person(person_id: int | None) -> Person | None:
        return await get_person(session, person_id=person_id) if person_id else None

    handling = None
    if incident.status == IncidentStatus.IN_PROGRESS and incident.id is not None:
        events = await incident_events(session, incident_id=incident.id)
        handling = next((e for e in reversed(events) if e.kind == IncidentStatus.IN_PROGRESS), None)
    return AlertView(
        incident=incident,
        region=await region_label(session, incident.region_code),
        reporter=await person(incident.reporter_id),
        acknowledger=await person(incident.acknowledged_by_id),
        closer=await person(incident.closed_by_id),
        types=await incident_types(session),
        handler=await person(handling.actor_id) if handling else None,
        handled_at=handling.at if handling else None,
    )


def render_alert(
    view: AlertView,
    lang: str,
    settings: Settings,
    *,
    escalated_to: str | None = None,
    full: bool = False,
) -> Html:
    """The alert's text; `full` shows the whole description (the history), otherwise its
    first DESCRIPTION_PREVIEW characters (the button "Read more" sends the rest)."""
    incident = view.incident
    assert incident.id is not None
    tz = settings.timezone
    lines = []
    if escalated_to is not None:
        lines.append(t(lang, "incident.alert.escalated", region=escalated_to))
    lines.append(
        t(
            lang,
            "incident.alert.header",
            emoji=SEVERITY_EMOJI[incident.severity],
            severity=plain(lang, f"severity.{incident.severity}").upper(),
            reference=reference(incident.id),
        )
    )
    lines.append(
        t(
            lang,
            "incident.alert.kind",
            kind=_type_label(view.types, incident.type_code, lang),
            athg=plain(lang, f"athg.{incident.athg_class}"),
        )
    )
    lines.append(t(lang, "incident.alert.where", region=view.region, code=incident.region_code))
    lines.append(
        t(
            lang,
            "incident.alert.what",
            description=incident.description
            if full
            else shorten(incident.description, DESCRIPTION_PREVIEW),
        )
    )
    if incident.latitude is not None and incident.longitude is not None:
        lines.append(
            t(
                lang,
                "incident.alert.location",
                latitude=f"{incident.latitude:.5f}",
                longitude=f"{incident.longitude:.5f}",
            )
        )
    if incident.photo_file_ids:
        lines.append(t(lang, "incident.alert.photos", count=len(incident.photo_file_ids)))
    lines.append(
        t(
            lang,
            "incident.alert.reported",
            who=person_label(view.reporter, lang),
            time=format_short_moment(incident.created_at, lang, tz),
        )
    )
    lines.append(_status_line(view, lang, settings))
    return Html("\n".join(lines))


def _status_line(view: AlertView, lang: str, settings: Settings) -> Html:
    incident = view.incident
    tz = settings.timezone
    status = incident.status
    emoji = STATUS_EMOJI[status]
    label = plain(lang, f"incident.status.{status}")
    if status in (IncidentStatus.RESOLVED, IncidentStatus.DISMISSED):
        assert incident.closed_at is not None
        return t(
            lang,
            "incident.alert.closed",
            emoji=emoji,
            status=label,
            who=person_label(view.closer, lang),
            time=format_short_moment(incident.closed_at, lang, tz),
            note=incident.closing_note or "—",
        )
    if status == IncidentStatus.IN_PROGRESS and view.handler is not None:
        assert view.handled_at is not None
        acknowledged = Html("")
        if view.acknowledger is not None and view.acknowledger.id != view.handler.id:
            acknowledged = t(
                lang, "incident.alert.handling_ack", who=person_label(view.acknowledger, lang)
            )
        return t(
            lang,
            "incident.alert.handling",
            emoji=emoji,
            status=label,
            who=person_label(view.handler, lang),
            time=format_short_moment(view.handled_at, lang, tz),
            acknowledged=acknowledged,
        )
    if incident.acknowledged_at is not None:
        return t(
            lang,
            "incident.alert.taken",
            emoji=emoji,
            status=label,
            who=person_label(view.acknowledger, lang),
            time=format_short_moment(incident.acknowledged_at, lang, tz),
        )
    return t(lang, "incident.alert.status", emoji=emoji, status=label)


def has_more(incident: Incident) -> bool:
    """The alert shows only the start of the description."""
    return len(incident.description) > DESCRIPTION_PREVIEW


def alert_buttons(incident: Incident, lang: str) -> Keyboard | None:
    assert incident.id is not None  # alerts are sent for stored incidents only
    incident_id = incident.id
    more = (
        [[Button(plain(lang, "incident.button.more"), INCIDENT_MORE.data(incident_id))]]
        if has_more(incident)
        else []
    )
    if incident.status not in OPEN_INCIDENT_STATUSES:
        return more or None
    first = []
    if incident.status == IncidentStatus.NEW:
        first.append(
            Button(
                plain(lang, "incident.button.acknowledge"), INCIDENT_ALERT.data(incident_id, "a")
            )
        )
    if incident.status != IncidentStatus.IN_PROGRESS:
        first.append(
            Button(plain(lang, "incident.button.progress"), INCIDENT_ALERT.data(incident_id, "p"))
        )
    rows = [
        first,
        [
            Button(plain(lang, "incident.button.resolve"), INCIDENT_ALERT.data(incident_id, "r")),
            Button(plain(lang, "incident.button.dismiss"), INCIDENT_ALERT.data(incident_id, "d")),
        ],
        # Whoever may ask for support in the incident's area (the policy decides on the press).
        [Button(plain(lang, "support.button.ask"), SUPPORT_ASK.data("i", incident_id))],
        *more,
    ]
    return [row for row in rows if row]  # no empty row once 🛠 was pressed


def coordinator_of(person: Person) -> Coordinator:
    assert person.id is not None
    return Coordinator(person.id, person.telegram_id, person.region_code, person.language)


@dataclass(frozen=True)
class Alerted:
    people: int
    groups: int

    @property
    def total(self) -> int:
        return self.people + self.groups


def alerted_text(lang: str, alerted: Alerted) -> str:
    """'2 koordinator', '1 koordinator dan 1 grup' — who an incident was sent to."""
    parts = [plain(lang, "incident.saved.people", count=alerted.people)]
    if alerted.groups:
        parts.append(plain(lang, "incident.saved.groups", count=alerted.groups))
    return plain(lang, "incident.saved.and").join(parts)


async def raise_alert(unit: UnitOfWork, settings: Settings, incident: Incident) -> Alerted:
    """Alert the nearest staffed level and the subscribed groups at once; schedule the
    first escalation to the level above."""
    assert incident.id is not None
    session = unit.session
    people = [
        coordinator_of(p)
        for p in await coordinators_above(session, region_code=incident.region_code)
    ]
    feeds = [
        GroupFeed(s.chat_id, s.thread_id, s.region_code, s.language)
        for s in await alert_subscriptions_above(session, region_code=incident.region_code)
    ]
    reporter = await get_person(session, person_id=incident.reporter_id)
    reporter_id = reporter.telegram_id if reporter else None
    recipients = first_recipients(
        incident.region_code, people, feeds, reporter_telegram_id=reporter_id
    )
    view = await load_view(session, incident)
    for person in recipients.people:
        await send_copy(unit, settings, view, person.telegram_id, None, person.language)
    for feed in recipients.groups:
        await send_copy(unit, settings, view, feed.chat_id, feed.thread_id, feed.language)
    alerted = Alerted(len(recipients.people), len(recipients.groups))
    await add_event(
        session, incident_id=incident.id, at=unit.now, kind="alerted", detail=str(alerted.total)
    )
    # Level 0, the nearest staffed level, has the alert now; the first escalation goes to
    # level 1, when there is one and the severity escalates.
    levels = escalation_levels(incident.region_code, people, reporter_telegram_id=reporter_id)
    incident.escalation_level = 0
    _, incident.next_escalation_at = next_escalation(
        levels=levels,
        current_level=0,
        severity=incident.severity,
        now=unit.now,
        minutes=settings.escalation_minutes,
    )
    session.add(incident)
    return alerted


async def send_copy(
    unit: UnitOfWork,
    settings: Settings,
    view: AlertView,
    chat_id: int,
    thread_id: int | None,
    lang: str,
    *,
    escalated_to: str | None = None,
) -> None:
    incident = view.incident
    assert incident.id is not None
    message = unit.send(
        chat_id,
        render_alert(view, lang, settings, escalated_to=escalated_to),
        buttons=alert_buttons(incident, lang),
        thread_id=thread_id,
        priority=PRIORITY_ALERT,
    )
    await unit.session.flush()
    assert message.id is not None
    add_alert_copy(
        unit.session, incident_id=incident.id, chat_id=chat_id, outbox_id=message.id, language=lang
    )
    if incident.photo_file_ids:
        payload = {
            "chat_id": chat_id,
            "photo": incident.photo_file_ids[0],
            "caption": plain(
                lang, "incident.alert.photo_caption", reference=reference(incident.id)
            ),
        }
        if thread_id is not None:
            payload["message_thread_id"] = thread_id
        unit.call(chat_id, "sendPhoto", payload, priority=PRIORITY_ALERT)


async def refresh_copies(unit: UnitOfWork, settings: Settings, incident: Incident) -> None:
    """Every chat's copy of the alert shows the incident as it is now."""
    assert incident.id is not None
    view = await load_view(unit.session, incident)
    for copy in await alert_copies(unit.session, incident_id=incident.id):
        unit.edit_sent(
            copy.chat_id,
            copy.outbox_id,
            render_alert(view, copy.language, settings),
            buttons=alert_buttons(incident, copy.language),
        )


class ActionRefused(Exception):
    """The action cannot be taken; `key` is the catalog key saying why."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


async def act(
    unit: UnitOfWork,
    settings: Settings,
    incident: Incident,
    actor: Person,
    action: str,
    note: str | None = None,
    *,
    chat: ChatKind,
) -> None:
    """Acknowledge, start handling, resolve or dismiss (from `chat`); record it, update every
    copy, tell the reporter."""
    assert incident.id is not None and actor.id is not None
    if not may_handle(actor, incident, chat):
        raise ActionRefused("incident.not_yours")
    if incident.status not in OPEN_INCIDENT_STATUSES:
        raise ActionRefused("incident.already_closed", reference=reference(incident.id))
    if action == "acknowledge" and incident.status != IncidentStatus.NEW:
        acknowledger = await get_person(unit.session, person_id=incident.acknowledged_by_id or 0)
        raise ActionRefused("incident.already_taken", who=person_label(acknowledger, unit.language))
    if action == "progress" and incident.status == IncidentStatus.IN_PROGRESS:
        raise ActionRefused("incident.already_in_progress")
    if incident.acknowledged_at is None:
        incident.acknowledged_at, incident.acknowledged_by_id = unit.now, actor.id
        incident.next_escalation_at = None  # someone has it: escalation stops here
    new_status = {
        "acknowledge": IncidentStatus.ACKNOWLEDGED,
        "progress": IncidentStatus.IN_PROGRESS,
        "resolve": IncidentStatus.RESOLVED,
        "dismiss": IncidentStatus.DISMISSED,
    }[action]
    incident.status = new_status.value
    if new_status in (IncidentStatus.RESOLVED, IncidentStatus.DISMISSED):
        incident.closed_at, incident.closed_by_id, incident.closing_note = unit.now, actor.id, note
    unit.session.add(incident)
    await add_event(
        unit.session,
        incident_id=incident.id,
        at=unit.now,
        kind=new_status.value,
        actor_id=actor.id,
        detail=note,
    )
    await refresh_copies(unit, settings, incident)
    await _tell_reporter(unit, settings, incident, actor)


async def _tell_reporter(
    unit: UnitOfWork, settings: Settings, incident: Incident, actor: Person
) -> None:
    assert incident.id is not None
    reporter = await get_person(unit.session, person_id=incident.reporter_id)
    if reporter is None or not reporter.active or reporter.id == actor.id:
        return
    lang = reporter.language
    unit.send(
        reporter.telegram_id,
        t(
            lang,
            "incident.reporter_update",
            reference=reference(incident.id),
            emoji=STATUS_EMOJI[incident.status],
            status=plain(lang, f"incident.status.{incident.status}"),
            who=person_label(actor, lang),
            note=Html(t(lang, "incident.reporter_note", note=incident.closing_note))
            if incident.closing_note
            else Html(""),
        ),
        priority=PRIORITY_ALERT,
    )
