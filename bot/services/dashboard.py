"""The dashboard's data: one region's map, readiness matrix, incident feed, open support
requests by agency, trends and countdown, for a person signed in on the web; and its
incident actions.

Access is the one policy's (`Action.VIEW_STATUS`, `Action.HANDLE_INCIDENT` with
`ChatKind.WEB`). No telegram import. The readiness roll-ups are the digest's and /status's
(`bot.domain.reports.roll_up_cells` over `storage.reports.readiness_summary`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import ActionRefused, act, incident_types
from bot.config import Settings
from bot.domain.countdown import days_to, local_date
from bot.domain.incidents import reference
from bot.domain.maps import Shape
from bot.domain.policy import Action, Actor, ChatKind, Decision, decide
from bot.domain.regions import is_within
from bot.domain.reports import AreaRollup, area_of, roll_up_cells, roll_up_whole
from bot.domain.types import OPEN_INCIDENT_STATUSES
from bot.services.support import AgencySupport, SupportItem, support_summary
from bot.unit import UnitOfWork
from storage.aspects import active_aspects
from storage.boundaries import shapes_of
from storage.dashboard import reports_per_day
from storage.elections import active_elections
from storage.incidents import get_incident, incidents_in_subtree
from storage.models import Incident, Person
from storage.regions import (
    child_regions,
    codes_with_children,
    region_label,
    region_labels,
    region_path,
)
from storage.reports import readiness_summary_by_area

FEED_DAYS = 14  # closed incidents stay in the feed this long
TREND_DAYS = 14
PAST_DAYS_SECONDS = 300.0
AreaDays = list[tuple[str, list[int], list[int]]]
PastDays = dict[tuple[str, int | None, datetime], tuple[float, AreaDays]]
FEED_LIMIT = 100
COLOUR_MODES = ("worst", "share")


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
    # Open support requests inside, by agency (shipped order), overdue first in each.
    support: tuple[AgencySupport, ...] = ()
    # (area, aspect) cells with an open request; the region itself is its own area.
    support_cells: set[tuple[str, str]] = field(default_factory=set)
    open_support: dict[str, int] = field(default_factory=dict)  # area → open requests
    colour_by: str = "worst"  # the map's colours: "worst" state or "share" ready

    @property
    def support_markers(self) -> list[SupportItem]:
        """Open requests with a location, for the map."""
        return [
            item
            for agency in self.support
            for item in agency.open
            if item.latitude is not None and item.longitude is not None
        ]


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
    past_days: PastDays | None = None,
    colour_by: str | None = None,
) -> DashboardView | Decision | None:
    """The dashboard of `code` for `actor`: a refusal (a Decision) when the policy says no,
    None when the region does not exist. `past_days` keeps the trends' past days between
    calls (one dict per server)."""
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
    # Every region below lies in one of the children: the per-area form of the summary.
    cells = await readiness_summary_by_area(session, root=code, area_codes=area_codes)
    order = {c: i for i, (c, _) in enumerate(areas_named)}
    rollups = sorted(roll_up_cells(areas_named, aspect_codes, cells), key=lambda a: order[a.code])
    own = roll_up_whole(code, region.name, aspect_codes, cells)
    feed = await _feed(session, root=code, now=now, wanted=feed_filter or FeedFilter(), lang=lang)
    open_counts: dict[str, int] = {}
    for item in feed:
        if item.open:
            area = next((c for c in area_codes if is_within(item.region_code, c)), code)
            open_counts[area] = open_counts.get(area, 0) + 1
    summary = await support_summary(session, root=code, now=now)
    support = tuple(a for a in summary.agencies if a.open)
    support_cells: set[tuple[str, str]] = set()
    open_support: dict[str, int] = {}
    for agency in support:
        for request in agency.open:
            area = area_of(request.region_code, code, area_codes)
            open_support[area] = open_support.get(area, 0) + 1
            if request.aspect_code is not None:
                support_cells.add((area, request.aspect_code))
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
        shapes=await shapes_of(session, codes=[c for c, _ in areas_named], reuse=True),
        feed=feed,
        trends=await _trends(
            session, root=code, area_codes=area_codes, now=now, tz=tz, past_days=past_days
        ),
        countdowns=await _countdowns(session, code=code, now=now, tz=tz),
        may_act=not read_only and bool(decide_web(actor, Action.HANDLE_INCIDENT, region=code)),
        now=now,
        open_incidents=open_counts,
        feed_filter=feed_filter or FeedFilter(),
        support=support,
        support_cells=support_cells,
        open_support=open_support,
        colour_by=colour_by if colour_by in COLOUR_MODES else "worst",
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
    past_days: PastDays | None,
) -> list[TrendDay]:
    """Reports per local day for the last TREND_DAYS days: how many, how many areas below
    reported, how many said ready (the database counts per area and day)."""
    today = local_date(now, tz)
    first = today - timedelta(days=TREND_DAYS - 1)
    days = [first + timedelta(days=offset) for offset in range(TREND_DAYS)]
    bounds = [
        datetime.combine(day, datetime.min.time(), tzinfo=tz)
        for day in [*days, today + timedelta(days=1)]
    ]
    lengths = {len(code) for code in area_codes}
    area_length = lengths.pop() if len(lengths) == 1 else None
    # Past days change only by a rare late withdrawal: they are read once every few
    # minutes per area; today is read every time.
    key = (root, area_length, bounds[0])
    cache = past_days if past_days is not None else {}
    cached = cache.get(key)
    if cached is None or cached[0] < time.monotonic() - PAST_DAYS_SECONDS:
        past = await reports_per_day(
            session, root=root, area_length=area_length, bounds=bounds[:-1]
        )
        if len(cache) > 1000:
            cache.clear()
        cache[key] = cached = (time.monotonic(), past)
    today_rows = await reports_per_day(
        session, root=root, area_length=area_length, bounds=bounds[-2:]
    )
    merged: dict[str, tuple[list[int], list[int]]] = {}
    for area, counts, ready in cached[1]:
        merged[area] = ([*counts, 0], [*ready, 0])
    for area, counts, ready in today_rows:
        old_counts, old_ready = merged.setdefault(area, ([0] * TREND_DAYS, [0] * TREND_DAYS))
        old_counts[-1], old_ready[-1] = counts[0], ready[0]
    rows = [(area, counts, ready) for area, (counts, ready) in merged.items()]
    result = []
    for i, day in enumerate(days):
        reports = sum(counts[i] for _, counts, _ in rows)
        areas = sum(1 for area, counts, _ in rows if counts[i] and area in area_codes)
        result.append(TrendDay(day, reports, areas, sum(ready[i] for _, _, ready in rows)))
    return result


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
        await act(
            unit,
            settings,
            incident,
            actor,
            action,
            (note or "").strip() or None,
            chat=ChatKind.WEB,
        )
    except ActionRefused as refusal:
        return ActionResult(False, refusal.key, dict(refusal.params))
    if action in NEEDS_NOTE:
        return ActionResult(
            True, f"incident.closed.{action}", {"reference": reference(incident_id)}
        )
    return ActionResult(True, f"incident.done.{action}")
