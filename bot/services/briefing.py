"""The Rakor briefing: gather a region's figures for one day into a `BriefingData`, then
render it as a PDF off the event loop.

Every figure comes from the queries the digest and the exports already use: the current
readiness summarised per area and aspect (`readiness_summary`), the matrix at an earlier
moment rebuilt from the pairs reported since then (`touched_pairs`, `summaries_before`),
and the incidents of the subtree.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import incident_types
from bot.digests import WINDOW, covers
from bot.domain.briefing import (
    AgencyFigures,
    BriefingArgs,
    BriefingData,
    BriefingIncident,
    BriefingProblem,
    BriefingSupport,
    MapArea,
    MatrixRow,
    ReadinessPoint,
    countdowns,
    days_between,
    largest_changes,
    matrix_rows,
    open_counts,
    parse_briefing_args,
    ready_cells,
)
from bot.domain.incidents import SEVERITY_RANK
from bot.domain.incidents import reference as incident_reference
from bot.domain.policy import Action, Actor, ChatKind, Refusal, decide
from bot.domain.reports import CellSummary, area_of, roll_up_cells, summaries_before
from bot.domain.types import OPEN_INCIDENT_STATUSES
from bot.services.support import SupportItem, support_summary
from storage.aspects import active_aspects
from storage.boundaries import shapes_of
from storage.elections import active_elections
from storage.engine import create_engine, create_session_factory, read_session
from storage.incidents import incidents_in_subtree
from storage.models import Incident
from storage.outbox import DOCUMENT_PATH
from storage.regions import child_regions, get_region, region_label, region_labels
from storage.reports import readiness_summary, touched_pairs


@dataclass(frozen=True)
class BriefingRequest:
    root: str
    day: date  # local calendar day
    since: date  # local calendar day the changes are counted from
    lang: str
    tz: ZoneInfo
    producer: str  # who asked for it: a person's name, or "command line"


@dataclass(frozen=True)
class BriefingTarget:
    region: str
    region_name: str
    since: date


@dataclass(frozen=True)
class BriefingRefusal:
    """Why no briefing: `briefing.problem.<kind>` with its parameters."""

    kind: str
    params: dict[str, str]


async def briefing_target(
    session: AsyncSession, *, actor: Actor, words: Sequence[str], today: date
) -> BriefingTarget | BriefingRefusal:
    """The region and period `/paparan` asks for, or what was wrong with the words. The
    policy decides whether the region is the person's to brief on."""
    parsed = parse_briefing_args(words, own_region=actor.region_code, today=today)
    if isinstance(parsed, BriefingProblem):
        return BriefingRefusal(parsed.kind, {"word": parsed.word})
    assert isinstance(parsed, BriefingArgs)
    if await get_region(session, code=parsed.region) is None:
        return BriefingRefusal("unknown_region", {"word": parsed.region})
    decision = decide(actor, Action.BRIEFING, chat=ChatKind.PRIVATE, region=parsed.region)
    if decision.refusal == Refusal.REGION:
        return BriefingRefusal(
            "outside",
            {
                "word": parsed.region,
                "region": await region_label(session, parsed.region),
                "own": await region_label(session, actor.region_code),
            },
        )
    return BriefingTarget(parsed.region, await region_label(session, parsed.region), parsed.since)


def _end_of(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


async def gather_briefing(
    session: AsyncSession, *, request: BriefingRequest, now: datetime
) -> BriefingData:
    """The briefing's data for `request.day`: as of the end of that day, or now if sooner."""
    root, lang, tz = request.root, request.lang, request.tz
    as_of = min(now, _end_of(request.day, tz))
    aspects = await active_aspects(session)
    codes = [a.code for a in aspects]
    # The areas one level below; a village (nothing below) is its own only area.
    areas = [(c.code, c.name) for c in await child_regions(session, code=root)] or [
        (root, await region_label(session, root))
    ]
    area_codes = {code for code, _ in areas}
    cells_now = await readiness_summary(session, root=root, area_codes=area_codes)

    async def cells_at(moment: datetime) -> list[CellSummary]:
        if moment >= now:
            return cells_now
        touched = await touched_pairs(session, root=root, since=moment, until=now)
        return summaries_before(cells_now, touched, root=root, area_codes=area_codes)

    async def matrix_at(moment: datetime) -> tuple[MatrixRow, ...]:
        return matrix_rows(roll_up_cells(areas, codes, await cells_at(moment)), codes)

    cells = await cells_at(as_of)
    matrix = matrix_rows(roll_up_cells(areas, codes, cells), codes)
    reported: dict[str, list[int]] = {}  # area → [ready, all] village × aspect pairs
    for cell in cells:
        if cell.aspect_code in codes:
            counts = reported.setdefault(cell.area_code, [0, 0])
            counts[0] += cell.counts.get("ready", 0)
            counts[1] += cell.reports
    since_moment = datetime.combine(request.since, time(0), tzinfo=tz)
    before = await matrix_at(since_moment)
    timeline = []
    for day in days_between(request.since, request.day):
        rows = matrix if _end_of(day, tz) >= as_of else await matrix_at(_end_of(day, tz))
        timeline.append(ReadinessPoint(day, ready_cells(rows), len(rows) * len(codes)))

    # What happened up to the time of the data, that moment included.
    bound = as_of + timedelta(microseconds=1)
    recent = await touched_pairs(session, root=root, since=as_of - WINDOW, until=bound)
    heard = {area_of(p.region_code, root, area_codes) for p in recent}
    incidents = await incidents_in_subtree(session, root=root, until=bound)
    open_ = sorted(
        (i for i in incidents if i.status in OPEN_INCIDENT_STATUSES),
        key=lambda i: (SEVERITY_RANK.get(i.severity, 9), i.created_at),
    )
    resolved = [
        i
        for i in incidents
        if i.status not in OPEN_INCIDENT_STATUSES
        and i.closed_at is not None
        and since_moment <= i.closed_at < bound
    ]
    labels = await region_labels(session, {root} | {i.region_code for i in incidents})
    types = {k.code: k.label(lang) for k in await incident_types(session)}

    def view(rows: Sequence[Incident]) -> tuple[BriefingIncident, ...]:
        result = []
        for incident in rows:
            assert incident.id is not None
            result.append(
                BriefingIncident(
                    reference=incident_reference(incident.id),
                    severity=incident.severity,
                    kind=types.get(incident.type_code, incident.type_code),
                    place=labels[incident.region_code],
                    status=incident.status,
                    description=incident.description,
                    created_at=incident.created_at,
                    closed_at=incident.closed_at,
                )
            )
        return tuple(result)

    shapes = {
        shape.code: shape
        for shape in await shapes_of(
            session, codes=sorted(area_codes | {i.region_code for i in open_})
        )
    }
    markers: dict[str, list[tuple[float, float, str]]] = {}
    for incident in open_:
        area = area_of(incident.region_code, root, area_codes)
        if incident.longitude is not None and incident.latitude is not None:
            point = (incident.longitude, incident.latitude)
        elif (shape := shapes.get(incident.region_code) or shapes.get(area)) is not None:
            point = shape.centroid
        else:
            continue
        markers.setdefault(area, []).append((point[0], point[1], incident.severity))
    elections = [
        (e.name, e.kind, date.fromisoformat(e.voting_date))
        for e in await active_elections(session)
        if covers(e.region_code, root)
    ]
    support = await support_summary(session, root=root, now=as_of, since=since_moment)

    def requests(agency: str, items: Sequence[SupportItem]) -> list[BriefingSupport]:
        return [
            BriefingSupport(
                reference=i.reference,
                agency=agency,
                place=i.region,
                need=i.need,
                urgency=i.urgency,
                status=i.status,
                deadline_at=i.deadline_at,
                overdue=i.overdue,
                closed_at=i.closed_at,
            )
            for i in items
        ]

    requests_open = [r for a in support.agencies for r in requests(a.name(lang), a.open)]
    requests_open.sort(key=lambda r: (not r.overdue, r.deadline_at))
    requests_done = [r for a in support.agencies for r in requests(a.name(lang), a.done_since)]
    return BriefingData(
        region_code=root,
        region_name=labels[root],
        day=request.day,
        as_of=as_of,
        since=request.since,
        producer=request.producer,
        elections=countdowns(elections, request.day),
        aspects=tuple(a.label_en if lang == "en" else a.label_id for a in aspects),
        matrix=matrix,
        silent_areas=tuple(name for code, name in areas if code not in heard),
        open_by_severity=open_counts([i.severity for i in open_], SEVERITY_RANK),
        open_incidents=view(open_),
        resolved_incidents=view(resolved),
        timeline=tuple(timeline),
        changes=largest_changes(matrix, before),
        areas=tuple(
            MapArea(
                row.code,
                row.name,
                (
                    reported[row.code][0] / reported[row.code][1]
                    if reported.get(row.code, [0, 0])[1]
                    else None
                ),
                tuple(markers.get(row.code, ())),
                tuple(tuple(polygon[0]) for polygon in shapes[row.code].polygons if polygon)
                if row.code in shapes
                else (),
                shapes[row.code].centroid if row.code in shapes else None,
            )
            for row in matrix
        ),
        agencies=tuple(
            AgencyFigures(a.name(lang), len(a.open), len(a.overdue), len(a.done_since))
            for a in support.agencies
        ),
        requests_open=tuple(requests_open),
        requests_done=tuple(requests_done),
    )


async def write_briefing(
    database_url: str, request: BriefingRequest, *, now: datetime, path: Path
) -> Path:
    """Build the PDF in a worker thread with its own event loop and database connection,
    so the bot keeps answering while a large province is read and drawn: SQLite queries
    run inline on the loop that asks them (storage.engine), and a province's summaries take
    a few hundred milliseconds there; in a thread of their own they only share the GIL,
    which SQLite and the PDF's compression release while they work."""
    await asyncio.to_thread(_build, database_url, request, now, path)
    return path


def _build(database_url: str, request: BriefingRequest, now: datetime, path: Path) -> None:
    from bot.briefing.pdf import render_briefing

    async def read() -> BriefingData:
        engine = create_engine(database_url)
        try:
            async with read_session(create_session_factory(engine)) as session:
                return await gather_briefing(session, request=request, now=now)
        finally:
            await engine.dispose()

    data = asyncio.run(read())
    content = render_briefing(data, request.lang, request.tz)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def document_payload(chat_id: int, path: Path, caption: str) -> dict[str, object]:
    """The outbox's sendDocument for a written briefing (the sender uploads the file)."""
    return {
        "chat_id": chat_id,
        DOCUMENT_PATH: str(path),
        "filename": path.name,
        "caption": caption[:1024],
    }
