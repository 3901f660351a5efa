"""Support requests that wait: untaken ones climb one staffed level of their agency when the
urgency's window has passed; overdue ones are named to the requester's coordinators and the
agency's next level, once, then once a day. The times live in the database (restarts lose
nothing). No Telegram: everything goes to the outbox of the caller's unit of work."""

from __future__ import annotations

from bot.config import Settings
from bot.domain.support import followers, handlers_at, next_level, reference
from bot.domain.types import SupportStatus
from bot.i18n import format_short_moment, t
from bot.services.support import _members
from bot.services.support_followup import climb, tell_requester
from bot.unit import PRIORITY_ALERT, UnitOfWork
from storage.regions import region_label
from storage.support import add_event, due_untaken, get_agency, overdue_requests


async def escalate_support(unit: UnitOfWork, settings: Settings) -> int:
    """Climb every untaken request whose window passed; returns how many climbed."""
    climbed = 0
    for request in await due_untaken(unit.session, now=unit.now):
        if request.status != SupportStatus.OPEN:
            request.next_escalation_at = None
            unit.session.add(request)
            continue
        label = await climb(unit, settings, request)
        if label is not None:
            climbed += 1
            await tell_requester(unit, request, "support.told.climbed", region=label)
    return climbed


async def tell_overdue(unit: UnitOfWork, settings: Settings) -> int:
    """Name each overdue request to the requester's coordinators and the agency's next
    level, once per local day; returns how many were named."""
    today = unit.now.astimezone(settings.timezone).date().isoformat()
    told = 0
    session = unit.session
    for request in await overdue_requests(session, now=unit.now):
        if request.overdue_told_on == today:
            continue
        assert request.id is not None
        members = await _members(session, request.region_code)
        recipients = {
            m.telegram_id: m
            for m in followers(request.region_code, request.requester_agency, members)
        }
        above = next_level(request.region_code, request.agency_code, members, request.target_region)
        for member in handlers_at(above, request.agency_code, members) if above else []:
            recipients.setdefault(member.telegram_id, member)
        agency = await get_agency(session, code=request.agency_code)
        region = await region_label(session, request.region_code)
        for member in recipients.values():
            if member.person_id == request.requester_id:
                continue
            unit.send(
                member.telegram_id,
                t(
                    member.language,
                    "support.overdue.notice",
                    reference=reference(request.id),
                    agency=agency.name_id if agency else request.agency_code,
                    region=region,
                    deadline=format_short_moment(
                        request.deadline_at, member.language, settings.timezone
                    ),
                    need=request.need[:300],
                ),
                priority=PRIORITY_ALERT,
            )
        request.overdue_told_on = today
        session.add(request)
        await add_event(
            session, request_id=request.id, at=unit.now, kind="overdue", detail=str(len(recipients))
        )
        told += 1
    return told
