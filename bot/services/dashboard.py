"""The dashboard's data: one region's map, readiness matrix, incident feed, trends and
countdown, for a person signed in on the web; and its incident actions.

Access is the one policy's (`Action.VIEW_STATUS`, `Action.HANDLE_INCIDENT` with
`ChatKind.WEB`). No telegram import. The readiness roll-ups are the digest's and /status's
(`bot.domain.reports.roll_up_cells` over `storage.reports.readiness_summary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.alerts import ActionRefused, act, incident_types
from bot.config import Settings
from bot.domain.countdown import days_to, local_date
from bot.domain.incidents import reference
from bot.domain.maps import Shape
from bot.domain.policy import Action, Actor, ChatKind, Decision, decide
from bot.domain.regions import is_within
from bot.domain.reports import AreaRollup, roll_up_cells, roll_up_whole
from bot.unit import UnitOfWork
from storage.aspects import active_aspects
from storage.boundaries import shapes_of
from storage.elections import active_elections
from storage.incidents import get_incident, incidents_in_subtree
from storage.models import (
    OPEN_INCIDENT_STATUSES,
    Incident,
    IncidentEvent,
    Person,
    Report,
    ReportStatus,
)
from storage.regions import (
    child_regions,
    codes_with_children,
    region_label,
    region_labels,
    region_path,
)
from storage.reports import readiness_summary
from storage.subtree import in_subtree

FEED_DAYS = 14  # closed incidents stay in the feed this long
TREND_DAYS = 14
FEED_LIMIT = 100


def web_actor(person: Person | None) -> Actor | None:
    if person is None:
        return None
    return Actor(role=person.role, region_code=person.region_code, active=person.active)


def decide_web(person: Person | None, action: Action, *, region: str | None = None) -> Decision:
    return decide(web_actor(person), action, chat=ChatKind.WEB, region=region)


@dataclass(frozen=True)
class Crumb:
    code: str
    name: str


@dataclass(frozen=True)
class FeedItem:
    id: int
    severity: str
    kind: str
    place: str
    region_code: str
    status: str
    created_at: datetime
    description: str
    latitude: float | None
    longitude: float | None

    @property
    def open(self) -> bool:
        return self.status in OPEN_INCIDENT_STATUSES


@dataclass(frozen=True)
class TrendDay:
    day: date
    reports: int
    areas: int  # areas below with at least one report that day
    ready: int  # reports that day saying "ready"


@dataclass(frozen=True)
class Countdown:
    name: str
    voting_day: date
    days: int


@dataclass(frozen=True)
class FeedFilter:
    severity: str | None = None
    status: str | None = None  # "open", "closed" or one status


@dataclass
class DashboardView:
    code: str
    name: str
    level: str
    path: list[Crumb]  # from the person's own region down to this one
    aspects: list[tuple[str, str, str]]  # code, label id, label en
    aspect: str | None  # the aspect the map is coloured by (None: all)
    own: AreaRollup
    areas: list[AreaRollup]  # one level below, in region order
    drillable: set[str]  # areas that have areas below them
    shapes: list[Shape]
    feed: list[FeedItem]
    trends: list[TrendDay]
    countdowns: list[Countdown]
    may_act: bool
    now: datetime
    open_incidents: dict[str, int] = field(default_factory=dict)  # area → open incidents
    feed_filter: FeedFilter = field(default_factory=FeedFilter)


async def load_view(
    session: AsyncSession,
    *,
    actor: Person,
    code: str,
    now: datetime,
    tz: ZoneInfo,
    lang: str = "id",
    aspect: str | None = None,
    feed_filter: FeedFilter | None = None,
    read_only: bool = False,
) -> DashboardView | Decision | None:
    """The dashboard of `code` for `actor`: a refusal (a Decision) when the policy says no,
    None when the region does not exist."""
    decision = decide_web(actor, Action.VIEW_STATUS, region=code)
    if not decision:
        return decision
    path = await region_path(session, code=code)
    if not path or path[-1].code != code:
        return None
    region = path[-1]
    aspects = [(a.code, a.label_id, a.label_en) for a in await active_aspects(session)]
    aspect_codes = [a[0] for a in aspects]
    if aspect not in aspect_codes:
        aspect = None
    children = await child_regions(session, code=code)
    areas_named = [(c.code, c.name) for c in children]
    area_codes = {c for c, _ in areas_named}
    cells = await readiness_summary(session, root=code, area_codes=area_codes)
    order = {c: i for i, (c, _) in enumerate(areas_named)}
    rollups = sorted(roll_up_cells(areas_named, aspect_codes, cells), key=lambda a: order[a.code])
    own = roll_up_whole(code, region.name, aspect_codes, cells)
    feed = await _feed(session, root=code, now=now, wanted=feed_filter or FeedFilter(), lang=lang)
    open_counts: dict[str, int] = {}
    for item in feed:
        if item.open:
            area = next((c for c in area_codes if is_within(item.region_code, c)), code)
            open_counts[area] = open_counts.get(area, 0) + 1
    return DashboardView(
        code=code,
        name=region.name,
        level=region.level,
        path=[Crumb(r.code, r.name) for r in path if is_within(r.code, actor.region_code)],
        aspects=aspects,
        aspect=aspect,
        own=own,
        areas=rollups,
        drillable=await codes_with_children(session, codes=sorted(area_codes)),
        shapes=await shapes_of(session, codes=[c for c, _ in areas_named]),
        feed=feed,
        trends=await _trends(session, root=code, area_codes=area_codes, now=now, tz=tz),
        countdowns=await _countdowns(session, code=code, now=now, tz=tz),
        may_act=not read_only and bool(decide_web(actor, Action.HANDLE_INCIDENT, region=code)),
        now=now,
        open_incidents=open_counts,
        feed_filter=feed_filter or FeedFilter(),
    )


async def _feed(
    session: AsyncSession, *, root: str, now: datetime, wanted: FeedFilter, lang: str
) -> list[FeedItem]:
    incidents = await incidents_in_subtree(
        session, root=root, since=now - timedelta(days=FEED_DAYS)
    )
    incidents = [i for i in incidents if _matches(i, wanted)]
    incidents.sort(key=lambda i: i.id or 0, reverse=True)
    incidents = incidents[:FEED_LIMIT]
    labels = await region_labels(session, {i.region_code for i in incidents})
    types = {k.code: k for k in await incident_types(session)}
    return [
        FeedItem(
            id=i.id or 0,
            severity=i.severity,
            kind=types[i.type_code].label(lang) if i.type_code in types else i.type_code,
            place=labels.get(i.region_code, i.region_code),
            region_code=i.region_code,
            status=i.status,
            created_at=i.created_at,
            description=i.description,
            latitude=i.latitude,
            longitude=i.longitude,
        )
        for i in incidents
    ]


def _matches(incident: Incident, wanted: FeedFilter) -> bool:
    if wanted.severity and incident.severity != wanted.severity:
        return False
    if wanted.status == "open":
        return incident.status in OPEN_INCIDENT_STATUSES
    if wanted.status == "closed":
        return incident.status not in OPEN_INCIDENT_STATUSES
    return not wanted.status or incident.status == wanted.status


async def _trends(
    session: AsyncSession,
    *,
    root: str,
    area_codes: set[str],
    now: datetime,
    tz: ZoneInfo,
) -> list[TrendDay]:
    """Reports per local day for the last TREND_DAYS days: how many, how many areas, how
    many said ready. Reads the day's reports' (time, region, state) only."""
    today = local_date(now, tz)
    first = today - timedelta(days=TREND_DAYS - 1)
    since = datetime.combine(first, datetime.min.time(), tzinfo=tz)
    result = await session.execute(
        select(col(Report.created_at), col(Report.region_code), col(Report.state)).where(
            in_subtree(col(Report.region_code), root),
            col(Report.created_at) >= since,
            col(Report.status) != ReportStatus.WITHDRAWN,
        )
    )
    per_day: dict[date, tuple[int, set[str], int]] = {}
    for created_at, region_code, state in result.all():
        day = local_date(created_at, tz)
        count, areas, ready = per_day.get(day, (0, set(), 0))
        area = next((c for c in area_codes if is_within(region_code, c)), root)
        areas.add(area)
        per_day[day] = (count + 1, areas, ready + (state == "ready"))
    days = []
    for offset in range(TREND_DAYS):
        day = first + timedelta(days=offset)
        count, areas, ready = per_day.get(day, (0, set(), 0))
        days.append(TrendDay(day, count, len(areas), ready))
    return days


async def _countdowns(
    session: AsyncSession, *, code: str, now: datetime, tz: ZoneInfo
) -> list[Countdown]:
    today = local_date(now, tz)
    result = []
    for election in await active_elections(session):
        scope = election.region_code
        if scope is not None and not (is_within(code, scope) or is_within(scope, code)):
            continue
        voting = date.fromisoformat(election.voting_date)
        if voting < today:
            continue
        result.append(Countdown(election.name, voting, days_to(voting, today)))
    return result


async def region_title(session: AsyncSession, code: str) -> str:
    """'Kabupaten Konawe Utara', 'Asera, Kabupaten Konawe Utara'."""
    return await region_label(session, code)


async def latest_ids(session: AsyncSession) -> tuple[int, int, int]:
    """The newest report, incident and incident event ids: the live feed compares them."""

    numbers = []
    for column in (Report.id, Incident.id, IncidentEvent.id):
        result = await session.execute(select(func.max(col(column))))
        numbers.append(int(result.scalar_one() or 0))
    return numbers[0], numbers[1], numbers[2]


async def regions_changed_since(
    session: AsyncSession, *, report_id: int, incident_id: int, event_id: int
) -> set[str]:
    """The regions of reports, incidents and incident events newer than these ids."""

    changed: set[str] = set()
    reports = await session.execute(
        select(col(Report.region_code)).where(col(Report.id) > report_id).distinct()
    )
    changed.update(reports.scalars())
    incidents = await session.execute(
        select(col(Incident.region_code)).where(col(Incident.id) > incident_id).distinct()
    )
    changed.update(incidents.scalars())
    events = await session.execute(
        select(col(Incident.region_code))
        .join(IncidentEvent, col(IncidentEvent.incident_id) == col(Incident.id))
        .where(col(IncidentEvent.id) > event_id)
        .distinct()
    )
    changed.update(events.scalars())
    return changed


# --- incident actions ---------------------------------------------------------------------

WEB_ACTIONS = ("acknowledge", "progress", "resolve", "dismiss")
NEEDS_NOTE = ("resolve", "dismiss")


@dataclass(frozen=True)
class ActionResult:
    """`done`, or the catalog key (and its parameters) saying why nothing changed."""

    done: bool
    key: str
    params: dict[str, object] = field(default_factory=dict)


async def act_from_dashboard(
    unit: UnitOfWork,
    *,
    settings: Settings,
    actor: Person,
    incident_id: int,
    action: str,
    note: str | None = None,
) -> ActionResult:
    """✅ Terima / 🛠 Tangani / ✔️ Selesai / ✖️ Tolak from the dashboard, exactly as the
    chat's alert buttons: the same rules, the same timeline, every chat copy of the alert
    updated, the reporter told.

    The one place the dashboard reaches into the incident rules: once
    `bot.services.incidents.act_on_incident` has landed, this becomes a call to it with
    `chat=ChatKind.WEB`.
    """
    if action not in WEB_ACTIONS:
        return ActionResult(False, "dashboard.action.unknown")
    incident = await get_incident(unit.session, incident_id=incident_id)
    if incident is None:
        return ActionResult(False, "dashboard.action.no_incident")
    if not decide_web(actor, Action.HANDLE_INCIDENT, region=incident.region_code):
        return ActionResult(False, "incident.not_yours")
    if action in NEEDS_NOTE and not (note or "").strip():
        return ActionResult(False, f"dashboard.action.note_needed.{action}")
    try:
        await act(unit, settings, incident, actor, action, (note or "").strip() or None)
    except ActionRefused as refusal:
        return ActionResult(False, refusal.key, dict(refusal.params))
    if action in NEEDS_NOTE:
        return ActionResult(
            True, f"incident.closed.{action}", {"reference": reference(incident_id)}
        )
    return ActionResult(True, f"incident.done.{action}")
