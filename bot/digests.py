"""Building the daily digest of an area from the database, and sending it to a group.

No Telegram here: the digest goes through the outbox at bulk priority.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.alerts import incident_types
from bot.callbacks import REMINDER
from bot.charts import chart_data
from bot.config import Settings
from bot.domain.countdown import local_date
from bot.domain.digest import (
    DigestData,
    DigestElection,
    DigestIncident,
    matrix_changes,
    render_digest,
)
from bot.domain.incidents import reference as incident_reference
from bot.domain.regions import is_within
from bot.domain.reports import (
    AspectInfo,
    area_of,
    roll_up_cells,
    roll_up_whole,
    summaries_before,
)
from bot.domain.support import AgencyLine, OverdueLine
from bot.domain.types import Role
from bot.i18n import Html, plain, t
from bot.render import split_lines
from bot.services.support import support_summary
from bot.ui import Button, owned
from bot.unit import PRIORITY_BULK, Services, UnitOfWork, run_in_unit
from storage.aspects import active_aspects
from storage.elections import active_elections
from storage.engine import background_work, read_session, yield_to_foreground
from storage.incidents import claim_notice, incidents_in_subtree, open_incidents_in_subtree
from storage.models import Incident, Subscription
from storage.outbox import CHART
from storage.people import people_in_subtree
from storage.regions import child_regions, region_label, region_labels
from storage.reports import (
    readiness_summary,
    reports_since,
    touched_pairs,
)
from storage.support import open_requests_in_subtree

WINDOW = timedelta(hours=24)
REMINDER_CALLBACK = REMINDER.data("lapor")


def covers(election_region: str | None, area: str) -> bool:
    """An election matters to an area when one of the two contains the other."""
    return (
        election_region is None
        or is_within(area, election_region)
        or is_within(election_region, area)
    )


async def build_digest(
    session: AsyncSession, *, region_code: str, now: datetime, lang: str = "id"
) -> DigestData:
    """Everything a digest says about an area. The database summarises readiness per area
    and aspect, so the cost follows the number of areas, not of villages or reports."""
    aspects = [
        AspectInfo(a.code, a.label_id, a.label_en, tuple(filter(None, a.aliases.split(","))))
        for a in await active_aspects(session)
    ]
    codes = [a.code for a in aspects]
    areas = [(c.code, c.name) for c in await child_regions(session, code=region_code)]
    area_codes = {code for code, _ in areas}
    cutoff = now - WINDOW
    cells_now = await readiness_summary(session, root=region_code, area_codes=area_codes)
    touched = await touched_pairs(session, root=region_code, since=cutoff, until=now)
    reported_areas = {area_of(p.region_code, region_code, area_codes) for p in touched}
    rollups_now = roll_up_cells(areas, codes, cells_now)
    cells_before = summaries_before(cells_now, touched, root=region_code, area_codes=area_codes)
    changes = matrix_changes(aspects, rollups_now, roll_up_cells(areas, codes, cells_before))
    incidents_today = await incidents_in_subtree(session, root=region_code, since=cutoff, until=now)
    open_incidents = await open_incidents_in_subtree(session, root=region_code)
    labels = await region_labels(
        session,
        {region_code} | {i.region_code for i in (*incidents_today, *open_incidents)},
    )
    types = {k.code: k for k in await incident_types(session)}

    def view(incidents: Sequence[Incident]) -> list[DigestIncident]:
        result = []
        for incident in incidents:
            assert incident.id is not None
            kind = (
                types[incident.type_code].label(lang)
                if incident.type_code in types
                else incident.type_code
            )
            result.append(
                DigestIncident(
                    reference=incident_reference(incident.id),
                    severity=incident.severity,
                    kind=kind,
                    place=labels[incident.region_code],
                    status=incident.status,
                    created_at=incident.created_at,
                )
            )
        return result

    elections = [
        DigestElection(e.name, e.kind, date.fromisoformat(e.voting_date))
        for e in await active_elections(session)
        if covers(e.region_code, region_code)
    ]
    summary = await support_summary(session, root=region_code, now=now)
    support = [
        AgencyLine(
            name_id=a.name_id,
            name_en=a.name_en,
            open=len(a.open),
            overdue=tuple(
                OverdueLine(i.reference, i.region, i.need, i.deadline_at) for i in a.overdue
            ),
            done=len(a.done_since),
        )
        for a in summary.agencies
    ]
    linked = await open_requests_in_subtree(session, root=region_code)
    support_cells = {
        (area_of(r.region_code, region_code, area_codes), r.aspect_code)
        for r in linked
        if r.aspect_code is not None
    }
    return DigestData(
        support=support,
        support_cells=support_cells,
        region_name=labels[region_code],
        as_of=now,
        elections=elections,
        aspects=aspects,
        areas=rollups_now,
        own=roll_up_whole(region_code, region_code, codes, cells_now),
        silent_areas=[name for code, name in areas if code not in reported_areas],
        incidents_today=view(incidents_today),
        open_incidents=view(open_incidents),
        changes=changes,
    )


async def digest_messages(
    session: AsyncSession, *, region_code: str, now: datetime, lang: str, settings: Settings
) -> list[Html]:
    data = await build_digest(session, region_code=region_code, now=now, lang=lang)
    return split_lines(render_digest(data, lang, settings.timezone))


def digest_due(digest_time: str, now: datetime, settings: Settings) -> bool:
    """Whether the subscription's local digest time has come today."""
    hour, minute = (int(x) for x in digest_time.split(":"))
    return now.astimezone(settings.timezone).time() >= time(hour, minute)


def _due_today(subscription: Subscription | None, today: str) -> bool:
    return (
        subscription is not None
        and subscription.active
        and subscription.digest
        and subscription.last_digest_on != today
    )


async def send_digest(services: Services, subscription_id: int) -> bool:
    """Send a subscription its digest for today, unless it already had it; returns whether
    one was sent. The digest is built in a read-only session (it holds nobody up); the
    messages and `last_digest_on` are then written together in one short transaction,
    after checking again, so a digest never goes twice in a day."""
    settings = services.settings
    now = services.clock.now()
    today = local_date(now, settings.timezone).isoformat()
    # Built as background work: a broadcast builds hundreds, and replies and alerts meanwhile
    # must not wait for the loop behind them. The short write below keeps the usual pace.
    await yield_to_foreground()
    with background_work():
        async with read_session(services.session_factory) as session:
            subscription = await session.get(Subscription, subscription_id)
            if not _due_today(subscription, today):
                return False
            assert subscription is not None
            data = await build_digest(
                session, region_code=subscription.region_code, now=now, lang=subscription.language
            )
    sent: list[bool] = []

    async def enqueue(unit: UnitOfWork) -> None:
        current = await unit.session.get(Subscription, subscription_id)
        if not _due_today(current, today):
            return
        assert current is not None
        _queue_digest(unit, settings, current, data)
        current.last_digest_on = today
        unit.session.add(current)
        sent.append(True)

    await run_in_unit(services, enqueue)
    if sent:
        metrics.DIGESTS.inc()
    return bool(sent)


def _queue_digest(
    unit: UnitOfWork, settings: Settings, subscription: Subscription, data: DigestData
) -> None:
    lang, chat, thread = subscription.language, subscription.chat_id, subscription.thread_id
    for chunk in split_lines(render_digest(data, lang, settings.timezone)):
        unit.send(chat, chunk, thread_id=thread, priority=PRIORITY_BULK)
    chart = readiness_chart(data, lang)
    if chart is not None:
        payload: dict[str, object] = {"chat_id": chat, CHART: chart, "caption": chart["title"]}
        if thread is not None:
            payload["message_thread_id"] = thread
        unit.call(chat, "sendPhoto", payload, priority=PRIORITY_BULK)


def readiness_chart(data: DigestData, lang: str) -> dict[str, Any] | None:
    """Chart data for the digest, where a chart helps: several areas, something reported."""
    if len(data.areas) < 2 or all(area.last_at is None for area in data.areas):
        return None
    states = ("ready", "partial", "not_ready")
    rows = [
        (area.name, {**{s: area.count(s) for s in states}, "none": area.count(None)})
        for area in data.areas
    ]
    legend = {s: plain(lang, f"state.{s}") for s in states} | {
        "none": plain(lang, "state.none"),
        "axis": plain(lang, "digest.chart_axis"),
    }
    return chart_data(plain(lang, "digest.chart_title", region=data.region_name), legend, rows)


@dataclass(frozen=True)
class ReminderCount:
    """What a reminder round found: officers without a report today, how many were
    reminded now, and how many had already been reminded today (nobody gets two)."""

    officers: int
    missing: int
    sent: int
    already: int


async def remind_officers(
    unit: UnitOfWork, settings: Settings, *, root: str | None
) -> ReminderCount:
    """One reminder today to each officer below `root` (everywhere: None) whose region has
    no report today."""
    today = local_date(unit.now, settings.timezone)
    midnight = datetime.combine(today, time(0), tzinfo=settings.timezone)
    reported = [r.region_code for r in await reports_since(unit.session, root=root, since=midnight)]
    officers = await people_in_subtree(unit.session, root=root, role=Role.OFFICER.value)
    missing = sent = 0
    for officer in officers:
        if any(is_within(code, officer.region_code) for code in reported):
            continue
        missing += 1
        if not await claim_notice(
            unit.session, key=f"remind:{officer.id}:{today.isoformat()}", now=unit.now
        ):
            continue
        lang = officer.language
        unit.send(
            officer.telegram_id,
            t(lang, "reminder.text", region=await region_label(unit.session, officer.region_code)),
            buttons=owned(
                [[Button(plain(lang, "reminder.button"), REMINDER_CALLBACK)]], officer.telegram_id
            ),
            priority=PRIORITY_BULK,
        )
        sent += 1
    return ReminderCount(len(officers), missing, sent, missing - sent)
