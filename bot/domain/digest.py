"""What a daily digest says: a pure function of rows and a moment.

Countdown lines for each election covering the area, a readiness matrix (areas one level
below × aspects, worst first), the areas silent for 24 hours, the last 24 hours' incidents
and every open one by severity, and what changed since yesterday.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.countdown import countdown_label, days_to, local_date
from bot.domain.incidents import SEVERITY_EMOJI, SEVERITY_RANK, status_text
from bot.domain.reports import STATE_EMOJI, AreaRollup, AspectInfo
from bot.domain.support import AgencyLine, render_support_digest
from bot.i18n import Html, format_day, format_short_moment, plain, t


@dataclass(frozen=True)
class DigestElection:
    name: str
    kind: str
    voting_day: date


@dataclass(frozen=True)
class DigestIncident:
    reference: str
    severity: str
    kind: str
    place: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class Change:
    area: str
    aspect: str
    before: str | None
    after: str | None


@dataclass
class DigestData:
    region_name: str
    as_of: datetime
    elections: list[DigestElection]
    aspects: list[AspectInfo]
    areas: list[AreaRollup]
    own: AreaRollup
    silent_areas: list[str]
    incidents_today: list[DigestIncident]
    open_incidents: list[DigestIncident]
    changes: list[Change] = field(default_factory=list)
    support: list[AgencyLine] = field(default_factory=list)  # support requests, by agency
    # (area code, aspect code) of the matrix's cells with an open support request.
    support_cells: set[tuple[str, str]] = field(default_factory=set)


def matrix_changes(
    aspects: Sequence[AspectInfo],
    now: Sequence[AreaRollup],
    before: Sequence[AreaRollup],
) -> list[Change]:
    """Cells of the matrix whose worst state differs between yesterday and now."""
    was_by_area = {area.code: area for area in before}
    changes = []
    for area in now:
        old = was_by_area.get(area.code)
        for aspect in aspects:
            was = old.aspects[aspect.code].state if old is not None else None
            state = area.aspects[aspect.code].state
            if was != state:
                changes.append(Change(area.name, aspect.code, was, state))
    return changes


def render_digest(data: DigestData, lang: str, tz: ZoneInfo) -> Html:
    today = local_date(data.as_of, tz)
    labels = {a.code: a.label(lang) for a in data.aspects}
    lines = [
        t(lang, "digest.header", region=data.region_name),
        t(
            lang,
            "digest.date",
            date=format_day(today, lang),
            time=format_short_moment(data.as_of, lang, tz),
        ),
        Html(""),
    ]
    if data.elections:
        for election in sorted(data.elections, key=lambda e: e.voting_day):
            key = (
                "digest.countdown.before"
                if days_to(election.voting_day, today) > 0
                else "digest.countdown.after"
            )
            lines.append(
                t(
                    lang,
                    key,
                    label=countdown_label(election.voting_day, today),
                    name=election.name,
                    date=format_day(election.voting_day, lang),
                )
            )
    else:
        lines.append(t(lang, "digest.no_elections"))

    lines.append(Html(""))
    legend = " · ".join(f"{n}. {labels[a.code]}" for n, a in enumerate(data.aspects, start=1))
    lines.append(t(lang, "digest.matrix.header", legend=legend))
    numbers = {a.code: n for n, a in enumerate(data.aspects, start=1)}

    def marks(area_codes: set[str]) -> str:
        """' · 🤝 1,3': the aspects with an open support request there."""
        marked = sorted(
            {
                numbers[aspect]
                for area, aspect in data.support_cells
                if area in area_codes and aspect in numbers
            }
        )
        return (
            plain(lang, "digest.matrix.support", numbers=",".join(map(str, marked)))
            if marked
            else ""
        )

    own_cells = "".join(STATE_EMOJI[data.own.aspects[a.code].state] for a in data.aspects)
    every_area = {area for area, _ in data.support_cells}
    lines.append(t(lang, "digest.matrix.own", cells=own_cells + marks(every_area)))
    for area in data.areas:
        cells = "".join(STATE_EMOJI[area.aspects[a.code].state] for a in data.aspects)
        lines.append(
            t(
                lang,
                "digest.matrix.row",
                emoji=STATE_EMOJI[area.worst],
                name=area.name,
                cells=cells + marks({area.code}),
            )
        )
    lines.append(t(lang, "digest.matrix.legend"))
    if data.support_cells:
        lines.append(t(lang, "digest.matrix.support_legend"))

    lines.append(Html(""))
    if data.silent_areas:
        lines.append(
            t(
                lang,
                "digest.silent",
                count=len(data.silent_areas),
                names=", ".join(data.silent_areas),
            )
        )
    else:
        lines.append(t(lang, "digest.silent_none"))

    lines.append(Html(""))
    lines.append(t(lang, "digest.incidents_today", count=len(data.incidents_today)))
    for incident in data.incidents_today:
        lines.append(_incident_line(incident, lang, tz))
    open_sorted = sorted(
        data.open_incidents, key=lambda i: (SEVERITY_RANK[i.severity], i.created_at)
    )
    lines.append(t(lang, "digest.open", count=len(open_sorted)))
    for incident in open_sorted:
        lines.append(_incident_line(incident, lang, tz))

    lines.append(Html(""))
    if data.changes:
        lines.append(t(lang, "digest.changes", count=len(data.changes)))
        for change in data.changes:
            lines.append(
                t(
                    lang,
                    "digest.change",
                    area=change.area,
                    aspect=labels.get(change.aspect, change.aspect),
                    before=STATE_EMOJI[change.before],
                    after=STATE_EMOJI[change.after],
                )
            )
    else:
        lines.append(t(lang, "digest.changes_none"))
    lines.append(Html(""))
    lines.extend(render_support_digest(data.support, lang, tz))
    return Html("\n".join(lines))


def _incident_line(incident: DigestIncident, lang: str, tz: ZoneInfo) -> Html:
    return t(
        lang,
        "digest.incident",
        emoji=SEVERITY_EMOJI[incident.severity],
        reference=incident.reference,
        kind=incident.kind,
        place=incident.place,
        status=status_text(lang, incident.status),
        time=format_short_moment(incident.created_at, lang, tz),
    )
