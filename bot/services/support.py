"""Support requests: ask, route, take, progress, finish, decline, escalate, summarise.

No Telegram: every message is written to the outbox of the unit of work; rendering is in
bot/support_render.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.policy import Action, Actor, ChatKind, decide
from bot.domain.support import (
    Member,
    ParsedRequest,
    default_deadline,
    followers,
    handlers_at,
    is_overdue,
    next_level,
    open_order_key,
    reference,
    staffed_levels,
    take_window,
)
from bot.domain.types import OPEN_SUPPORT_STATUSES, SupportStatus
from bot.i18n import Html, plain
from bot.support_render import (
    PersonView,
    RequestView,
    render_request,
    render_timeline,
    request_buttons,
)
from bot.unit import PRIORITY_ALERT, UnitOfWork
from storage.aspects import active_aspects
from storage.models import Person, SupportRequest
from storage.people import get_person
from storage.regions import get_region, region_label, region_labels
from storage.support import (
    active_agencies,
    add_copy,
    add_event,
    add_request,
    get_agency,
    get_request,
    leaders_above,
    request_copies,
    request_events,
    requests_in_subtree,
)


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
    aspect_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None


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
                aspect_code=request.aspect_code,
                latitude=request.latitude,
                longitude=request.longitude,
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


# -- asking -----------------------------------------------------------------------------------


class SupportRefused(Exception):
    """The action cannot be taken; `key` is the catalog key saying why."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def policy_actor(person: Person) -> Actor:
    return Actor(
        role=person.role,
        region_code=person.region_code,
        active=person.active,
        agency_code=person.agency_code,
    )


@dataclass(frozen=True)
class Asked:
    request: SupportRequest
    handlers: int  # coordinators of the target agency who received it
    followers: int  # the requester's own coordinators who follow it
    target: str  # the label of the level that holds it


def _member(person: Person) -> Member:
    assert person.id is not None
    return Member(
        person.id, person.telegram_id, person.region_code, person.agency_code, person.language
    )


async def _members(session: AsyncSession, region_code: str) -> list[Member]:
    return [_member(p) for p in await leaders_above(session, region_code=region_code)]


async def check_request(
    unit: UnitOfWork, *, actor: Person, parsed: ParsedRequest, chat: ChatKind
) -> str:
    """The request's region, when `actor` may ask it; raises SupportRefused otherwise."""
    region = parsed.region_code or actor.region_code
    decision = decide(policy_actor(actor), Action.REQUEST_SUPPORT, chat=chat, region=region)
    if decision.refusal is not None:
        raise SupportRefused(
            f"support.refused.{decision.refusal.value}", region=region, own=actor.region_code
        )
    if await get_region(unit.session, code=region) is None:
        raise SupportRefused("support.error.region_unknown", region=region)
    if await get_agency(unit.session, code=parsed.agency) is None:
        raise SupportRefused("support.error.agency", word=parsed.agency)
    return region


async def ask_support(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    parsed: ParsedRequest,
    chat: ChatKind = ChatKind.PRIVATE,
    aspect_code: str | None = None,
    incident_id: int | None = None,
    photos: tuple[str, ...] = (),
    location: tuple[float, float] | None = None,
    source_update_id: int | None = None,
) -> Asked:
    """Record a request and send it at once to the target agency's coordinators of the
    nearest staffed level containing it, and to the requester's own coordinators.
    `location` is (latitude, longitude)."""
    assert actor.id is not None
    region = await check_request(unit, actor=actor, parsed=parsed, chat=chat)
    session = unit.session
    members = await _members(session, region)
    levels = staffed_levels(region, parsed.agency, members)
    target = levels[0] if levels else region
    above = next_level(region, parsed.agency, members, target) if levels else None
    request = await add_request(
        session,
        request=SupportRequest(
            requester_id=actor.id,
            requester_role=actor.role,
            requester_agency=actor.agency_code,
            region_code=region,
            agency_code=parsed.agency,
            need=parsed.need,
            urgency=parsed.urgency,
            deadline_at=parsed.deadline or default_deadline(parsed.urgency, unit.now),
            target_region=target,
            aspect_code=aspect_code,
            incident_id=incident_id,
            photo_file_ids=list(photos),
            latitude=location[0] if location else None,
            longitude=location[1] if location else None,
            created_at=unit.now,
            next_escalation_at=unit.now + take_window(parsed.urgency) if above else None,
            source_update_id=source_update_id,
        ),
    )
    assert request.id is not None
    await add_event(
        session, request_id=request.id, at=unit.now, kind="requested", actor_id=actor.id
    )
    handlers = [m for m in handlers_at(target, parsed.agency, members) if m.person_id != actor.id]
    follow = followers(
        region,
        actor.agency_code,
        members,
        exclude={actor.telegram_id, *(m.telegram_id for m in handlers)},
    )
    view = await load_view(unit, request)
    for member in handlers:
        await send_copy(unit, settings, view, member, handler=True)
    for member in follow:
        await send_copy(unit, settings, view, member, handler=False)
    label = await region_label(session, target)
    await add_event(
        session,
        request_id=request.id,
        at=unit.now,
        kind="routed",
        detail=f"{target} ({len(handlers)})",
    )
    return Asked(request, len(handlers), len(follow), label)


async def send_copy(
    unit: UnitOfWork,
    settings: Settings,
    view: RequestView,
    member: Member,
    *,
    handler: bool,
    climbed: bool = False,
) -> None:
    request = view.request
    assert request.id is not None
    lang = member.language
    message = unit.send(
        member.telegram_id,
        render_request(view, lang, settings.timezone, climbed=climbed),
        buttons=request_buttons(request, lang) if handler else None,
        priority=PRIORITY_ALERT,
    )
    await unit.session.flush()
    assert message.id is not None
    add_copy(
        unit.session,
        request_id=request.id,
        chat_id=member.telegram_id,
        outbox_id=message.id,
        language=lang,
        handler=handler,
    )
    if request.photo_file_ids:
        unit.call(
            member.telegram_id,
            "sendPhoto",
            {
                "chat_id": member.telegram_id,
                "photo": request.photo_file_ids[0],
                "caption": plain(
                    lang, "support.copy.photo_caption", reference=reference(request.id)
                ),
            },
            priority=PRIORITY_ALERT,
        )


async def _person_view(unit: UnitOfWork, person_id: int | None) -> PersonView | None:
    if person_id is None:
        return None
    person = await get_person(unit.session, person_id=person_id)
    if person is None:
        return None
    agency = await get_agency(unit.session, code=person.agency_code) if person.agency_code else None
    return PersonView(
        name=person.full_name or "—",
        role=person.role,
        agency=agency.name_id if agency else None,
    )


async def load_view(unit: UnitOfWork, request: SupportRequest) -> RequestView:
    assert request.id is not None
    session = unit.session
    agency = await get_agency(session, code=request.agency_code)
    note = None
    if request.status == SupportStatus.IN_PROGRESS:
        events = await request_events(session, request_id=request.id)
        note = next((e.detail for e in reversed(events) if e.kind == "in_progress"), None)
    aspect = None
    if request.aspect_code:
        found = next(
            (a for a in await active_aspects(session) if a.code == request.aspect_code), None
        )
        aspect = found.label_id if found else request.aspect_code
    return RequestView(
        request=request,
        region=await region_label(session, request.region_code),
        target=await region_label(session, request.target_region),
        agency_id=agency.name_id if agency else request.agency_code,
        agency_en=agency.name_en if agency else request.agency_code,
        requester=await _person_view(unit, request.requester_id),
        taker=await _person_view(unit, request.taken_by_id),
        closer=await _person_view(unit, request.closed_by_id),
        progress_note=note,
        aspect=aspect,
        now=unit.now,
    )


async def refresh_copies(unit: UnitOfWork, settings: Settings, request: SupportRequest) -> None:
    """Every copy shows the request as it is now."""
    assert request.id is not None
    view = await load_view(unit, request)
    for copy in await request_copies(unit.session, request_id=request.id):
        unit.edit_sent(
            copy.chat_id,
            copy.outbox_id,
            render_request(view, copy.language, settings.timezone),
            buttons=request_buttons(request, copy.language) if copy.handler else None,
        )


async def support_timeline(
    unit: UnitOfWork, *, actor: Person, request_id: int, lang: str, tz: ZoneInfo
) -> Html | None:
    """The request and its whole timeline, when it lies in the actor's area."""
    request = await get_request(unit.session, request_id=request_id)
    if request is None:
        return None
    decision = decide(
        policy_actor(actor), Action.VIEW_HISTORY, chat=ChatKind.PRIVATE, region=request.region_code
    )
    if not decision.allowed:
        return None
    events = await request_events(unit.session, request_id=request_id)
    for event in events:  # "74.09 (1)" → "Kabupaten Konawe Utara (1)", for the eyes only
        unit.session.expunge(event)
        if event.kind in ("routed", "climbed") and event.detail and " (" in event.detail:
            code, count = event.detail.split(" (", 1)
            event.detail = f"{await region_label(unit.session, code)} ({count}"
    names: dict[int, PersonView] = {}
    for event in events:
        if event.actor_id is not None and event.actor_id not in names:
            view = await _person_view(unit, event.actor_id)
            if view is not None:
                names[event.actor_id] = view
    return render_timeline(await load_view(unit, request), events, names, lang, tz)


@dataclass(frozen=True)
class Followups:
    mine: tuple[SupportItem, ...]  # asked or taken on by me
    agency: tuple[SupportItem, ...]  # asked of my agency in my area
    area: tuple[SupportItem, ...]  # the rest of my area

    @property
    def total(self) -> int:
        return len(self.mine) + len(self.agency) + len(self.area)


async def followups(unit: UnitOfWork, *, actor: Person) -> Followups:
    """/tindaklanjut: the open requests that concern the person, overdue first."""
    requests = await requests_in_subtree(
        unit.session, root=actor.region_code, statuses=OPEN_SUPPORT_STATUSES
    )
    items = {i.id: i for i in await items_of(unit.session, requests, unit.now)}

    def ordered(rows: list[SupportRequest]) -> tuple[SupportItem, ...]:
        found = [items[r.id] for r in rows if r.id is not None]
        return tuple(
            sorted(found, key=lambda i: open_order_key(i.overdue, i.urgency, i.deadline_at))
        )

    mine = [r for r in requests if actor.id in (r.requester_id, r.taken_by_id)]
    rest = [r for r in requests if r not in mine]
    agency = [r for r in rest if actor.agency_code and r.agency_code == actor.agency_code]
    area = [r for r in rest if r not in agency]
    return Followups(ordered(mine), ordered(agency), ordered(area))
