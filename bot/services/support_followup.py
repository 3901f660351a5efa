"""Support requests, followed up: take, progress, finish, decline, climb one level."""

from __future__ import annotations

import secrets
from datetime import timedelta

from bot.config import Settings
from bot.domain.policy import Action, ChatKind, Refusal, decide
from bot.domain.support import handlers_at, next_level, reference, staffed_levels, take_window
from bot.domain.types import OPEN_SUPPORT_STATUSES, SupportStatus
from bot.i18n import plain, t
from bot.services.support import (
    SupportRefused,
    _members,
    _person_view,
    load_view,
    policy_actor,
    refresh_copies,
    send_copy,
)
from bot.unit import PRIORITY_ALERT, UnitOfWork
from storage.conversations import end_conversation, save_conversation
from storage.models import Person, SupportRequest
from storage.people import get_person
from storage.regions import region_label
from storage.support import add_event, get_agency, get_request, request_copies


async def visible_request(
    unit: UnitOfWork, *, actor: Person, request_id: int
) -> SupportRequest | None:
    """The request, when it lies inside the actor's area."""
    request = await get_request(unit.session, request_id=request_id)
    if request is None:
        return None
    decision = decide(
        policy_actor(actor), Action.VIEW_HISTORY, chat=ChatKind.PRIVATE, region=request.region_code
    )
    return request if decision.allowed else None


def check_handler(actor: Person, request: SupportRequest, chat: ChatKind) -> None:
    """Only coordinators of the target agency whose area contains the request (and admins)."""
    decision = decide(
        policy_actor(actor),
        Action.HANDLE_SUPPORT,
        chat=chat,
        region=request.region_code,
        agency=request.agency_code,
    )
    if decision.refusal is not None:
        raise SupportRefused(f"support.refused.{decision.refusal.value}")
    if request.status not in OPEN_SUPPORT_STATUSES:
        assert request.id is not None
        raise SupportRefused("support.already_closed", reference=reference(request.id))


async def take(
    unit: UnitOfWork, settings: Settings, *, actor: Person, request: SupportRequest, chat: ChatKind
) -> None:
    """🤝 Sanggup: the actor takes it on; it stops climbing."""
    check_handler(actor, request, chat)
    assert request.id is not None and actor.id is not None
    if request.status != SupportStatus.OPEN:
        taker = await _person_view(unit, request.taken_by_id)
        raise SupportRefused("support.already_taken", who=taker.name if taker else "—")
    request.status = SupportStatus.TAKEN.value
    request.taken_by_id, request.taken_at = actor.id, unit.now
    request.next_escalation_at = None
    unit.session.add(request)
    await add_event(
        unit.session, request_id=request.id, at=unit.now, kind="taken", actor_id=actor.id
    )
    await refresh_copies(unit, settings, request)
    await tell_requester(unit, request, "support.told.taken", who=actor.full_name or "—")


async def progress(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    request: SupportRequest,
    note: str,
    chat: ChatKind,
) -> None:
    """🛠 Dalam proses, with a progress note."""
    check_handler(actor, request, chat)
    assert request.id is not None and actor.id is not None
    if request.taken_by_id is None:
        request.taken_by_id, request.taken_at = actor.id, unit.now
        request.next_escalation_at = None
    request.status = SupportStatus.IN_PROGRESS.value
    unit.session.add(request)
    await add_event(
        unit.session,
        request_id=request.id,
        at=unit.now,
        kind="in_progress",
        actor_id=actor.id,
        detail=note,
    )
    await refresh_copies(unit, settings, request)
    await tell_requester(
        unit, request, "support.told.progress", who=actor.full_name or "—", note=note
    )


async def finish(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    request: SupportRequest,
    note: str,
    photo: str | None,
    chat: ChatKind,
) -> None:
    """✔️ Selesai, with a note and an optional photo."""
    check_handler(actor, request, chat)
    assert request.id is not None and actor.id is not None
    if request.taken_by_id is None:
        request.taken_by_id, request.taken_at = actor.id, unit.now
    request.status = SupportStatus.DONE.value
    request.closed_by_id, request.closed_at = actor.id, unit.now
    request.closing_note, request.closing_photo = note, photo
    request.next_escalation_at = None
    unit.session.add(request)
    await add_event(
        unit.session,
        request_id=request.id,
        at=unit.now,
        kind="done",
        actor_id=actor.id,
        detail=note + (" 📷" if photo else ""),
    )
    await refresh_copies(unit, settings, request)
    await tell_requester(unit, request, "support.told.done", who=actor.full_name or "—", note=note)
    if photo is not None:
        requester = await get_person(unit.session, person_id=request.requester_id)
        if requester is not None and requester.active:
            unit.call(
                requester.telegram_id,
                "sendPhoto",
                {
                    "chat_id": requester.telegram_id,
                    "photo": photo,
                    "caption": plain(
                        requester.language,
                        "support.done_photo_caption",
                        reference=reference(request.id),
                    ),
                },
                priority=PRIORITY_ALERT,
            )


async def decline(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    request: SupportRequest,
    reason: str,
    chat: ChatKind,
) -> str | None:
    """✖️ Tidak bisa, with the reason: it goes one staffed level up in the same agency.
    Returns the label of the level it went to, None when there is none above."""
    check_handler(actor, request, chat)
    assert request.id is not None and actor.id is not None
    await add_event(
        unit.session,
        request_id=request.id,
        at=unit.now,
        kind="declined",
        actor_id=actor.id,
        detail=reason,
    )
    request.status = SupportStatus.OPEN.value
    request.taken_by_id = request.taken_at = None
    climbed = await climb(unit, settings, request)
    await refresh_copies(unit, settings, request)
    await tell_requester(
        unit,
        request,
        "support.told.declined" if climbed else "support.told.declined_top",
        who=actor.full_name or "—",
        reason=reason,
        region=climbed or "—",
    )
    return climbed


async def climb(unit: UnitOfWork, settings: Settings, request: SupportRequest) -> str | None:
    """Send the request to the agency's next staffed level above the one holding it (the
    people there get a copy with buttons). Returns that level's label, or None."""
    assert request.id is not None
    session = unit.session
    members = await _members(session, request.region_code)
    level = next_level(request.region_code, request.agency_code, members, request.target_region)
    if level is None:
        request.next_escalation_at = None
        session.add(request)
        return None
    request.target_region = level
    above = next_level(request.region_code, request.agency_code, members, level)
    request.next_escalation_at = unit.now + take_window(request.urgency) if above else None
    session.add(request)
    already = {c.chat_id for c in await request_copies(session, request_id=request.id)}
    newcomers = [
        m
        for m in handlers_at(level, request.agency_code, members)
        if m.telegram_id not in already and m.person_id != request.requester_id
    ]
    view = await load_view(unit, request)
    for member in newcomers:
        await send_copy(unit, settings, view, member, handler=True, climbed=True)
    await add_event(
        session,
        request_id=request.id,
        at=unit.now,
        kind="climbed",
        detail=f"{level} ({len(newcomers)})",
    )
    return await region_label(session, level)


async def tell_requester(
    unit: UnitOfWork, request: SupportRequest, key: str, **params: object
) -> None:
    assert request.id is not None
    requester = await get_person(unit.session, person_id=request.requester_id)
    if requester is None or not requester.active:
        return
    unit.send(
        requester.telegram_id,
        t(requester.language, key, reference=reference(request.id), **params),
        priority=PRIORITY_ALERT,
    )


NOTE_FLOW = "support_note"
NOTE_STEPS = {"p": "progress", "d": "done", "x": "decline"}


async def await_note(
    unit: UnitOfWork, *, user_id: int, step: str, request_id: int, minutes: int
) -> None:
    """The next message of this person in their private chat is the note of `step`."""
    await save_conversation(
        unit.session,
        chat_id=user_id,
        user_id=user_id,
        flow=NOTE_FLOW,
        step=step,
        token=secrets.token_urlsafe(6)[:8],
        data={"request": request_id},
        now=unit.now,
        expires_at=unit.now + timedelta(minutes=minutes),
    )


async def forget_note(unit: UnitOfWork, *, user_id: int) -> None:
    await end_conversation(unit.session, chat_id=user_id, user_id=user_id)


async def reassign(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    request: SupportRequest,
    agency: str,
    chat: ChatKind,
) -> str:
    """An admin gives a request to another agency: it starts again at that agency's nearest
    staffed level. Returns the label of that level."""
    decision = decide(
        policy_actor(actor), Action.REASSIGN_SUPPORT, chat=chat, region=request.region_code
    )
    if decision.refusal == Refusal.ROLE:
        raise SupportRefused("support.reassign.refused")
    if decision.refusal is not None:
        raise SupportRefused(f"support.refused.{decision.refusal.value}")
    assert request.id is not None and actor.id is not None
    if request.status not in OPEN_SUPPORT_STATUSES:
        raise SupportRefused("support.already_closed", reference=reference(request.id))
    if await get_agency(unit.session, code=agency) is None:
        raise SupportRefused("support.error.agency", word=agency)
    session = unit.session
    members = await _members(session, request.region_code)
    levels = staffed_levels(request.region_code, agency, members)
    request.agency_code = agency
    request.target_region = levels[0] if levels else request.region_code
    request.status = SupportStatus.OPEN.value
    request.taken_by_id = request.taken_at = None
    above = next_level(request.region_code, agency, members, request.target_region)
    request.next_escalation_at = unit.now + take_window(request.urgency) if above else None
    session.add(request)
    await add_event(
        session,
        request_id=request.id,
        at=unit.now,
        kind="reassigned",
        actor_id=actor.id,
        detail=agency,
    )
    already = {c.chat_id for c in await request_copies(session, request_id=request.id)}
    view = await load_view(unit, request)
    for member in handlers_at(request.target_region, agency, members):
        if member.telegram_id not in already and member.person_id != request.requester_id:
            await send_copy(unit, settings, view, member, handler=True)
    await refresh_copies(unit, settings, request)
    label = await region_label(session, request.target_region)
    await tell_requester(
        unit, request, "support.told.reassigned", agency=view.agency_id, region=label
    )
    return label
