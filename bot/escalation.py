"""Escalation: an incident nobody acknowledged in time climbs one staffed level.

The alert goes to the coordinators (and admins) of the next region up that has any; the
people who already had it are reminded; the reporter is told where it went. No Telegram
here: everything is written to the outbox inside the caller's unit of work.
"""

from __future__ import annotations

from bot.alerts import coordinator_of, load_view, send_copy
from bot.config import Settings
from bot.domain.incidents import (
    escalation_detail,
    escalation_levels,
    escalation_recipients,
    next_escalation,
    reference,
)
from bot.domain.types import IncidentStatus
from bot.i18n import plain, t
from bot.unit import PRIORITY_ALERT, UnitOfWork
from storage.incidents import add_event, alert_copies, coordinators_above, due_escalations
from storage.models import Incident
from storage.people import get_person, get_person_by_telegram_id
from storage.regions import region_label


async def escalate_due(unit: UnitOfWork, settings: Settings) -> int:
    """Send every incident whose deadline passed unacknowledged to the next level up."""
    escalated = 0
    for incident in await due_escalations(unit.session, now=unit.now):
        if incident.status == IncidentStatus.NEW and await _escalate(unit, settings, incident):
            escalated += 1
        else:
            incident.next_escalation_at = None
            unit.session.add(incident)
    return escalated


async def _escalate(unit: UnitOfWork, settings: Settings, incident: Incident) -> bool:
    """One step up; False when there is no staffed level left to reach."""
    assert incident.id is not None
    session = unit.session
    reporter = await get_person(session, person_id=incident.reporter_id)
    reporter_id = reporter.telegram_id if reporter else None
    people = [
        coordinator_of(p)
        for p in await coordinators_above(session, region_code=incident.region_code)
    ]
    levels = escalation_levels(incident.region_code, people, reporter_telegram_id=reporter_id)
    level = incident.escalation_level + 1
    if level >= len(levels):
        return False
    target = levels[level]
    copies = await alert_copies(session, incident_id=incident.id)
    already = {copy.chat_id for copy in copies}
    newcomers = [
        p
        for p in escalation_recipients(target, people, reporter_telegram_id=reporter_id)
        if p.telegram_id not in already
    ]
    view = await load_view(session, incident)
    label = await region_label(session, target)
    for person in newcomers:
        await send_copy(
            unit, settings, view, person.telegram_id, None, person.language, escalated_to=label
        )
    ref = reference(incident.id)
    minutes = int((unit.now - incident.created_at).total_seconds() // 60)
    reminded: set[int] = set()
    for copy in copies:  # the people who had it, once each (groups are not nagged)
        if copy.chat_id < 0 or copy.chat_id in reminded:
            continue
        reminded.add(copy.chat_id)
        recipient = await get_person_by_telegram_id(session, telegram_id=copy.chat_id)
        if recipient is None or not recipient.active:
            continue
        unit.send(
            copy.chat_id,
            t(
                recipient.language,
                "incident.escalation.reminder",
                reference=ref,
                minutes=minutes,
                region=label,
                count=len(newcomers),
                acknowledge=plain(recipient.language, "incident.button.acknowledge"),
            ),
            priority=PRIORITY_ALERT,
        )
    if reporter is not None and reporter.active:
        unit.send(
            reporter.telegram_id,
            t(
                reporter.language,
                "incident.escalation.reporter",
                reference=ref,
                region=label,
                count=len(newcomers),
            ),
            priority=PRIORITY_ALERT,
        )
    await add_event(
        session,
        incident_id=incident.id,
        at=unit.now,
        kind="escalated",
        detail=escalation_detail(target, len(newcomers)),
    )
    _, due = next_escalation(
        levels=levels,
        current_level=level,
        severity=incident.severity,
        now=unit.now,
        minutes=settings.escalation_minutes,
    )
    incident.escalation_level, incident.next_escalation_at = level, due
    session.add(incident)
    return True
