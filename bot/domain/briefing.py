"""The Rakor briefing as plain data: what the coordination meeting reads, and the rules behind
its figures. Pure: no Telegram, no database, no PDF.

The service (bot/services/briefing.py) fills a `BriefingData` from storage; the renderer
(bot/briefing/pdf.py) lays it out. Both sides only see the frozen dataclasses below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bot.domain.countdown import countdown_label, days_to
from bot.domain.regions import level_of
from bot.domain.reports import AreaRollup

DEFAULT_SINCE_DAYS = 7  # "the three largest changes since a week earlier"
LARGEST_CHANGES = 3
SINCE_WORDS = ("sejak", "since")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")


@dataclass(frozen=True)
class BriefingElection:
    name: str
    kind: str
    voting_day: date
    label: str  # "H-7", "Hari H", "H+1"
    days: int


@dataclass(frozen=True)
class MatrixRow:
    """One area of the matrix: its name and the worst state per aspect (None: no report)."""

    code: str
    name: str
    states: tuple[str | None, ...]

    @property
    def ready(self) -> bool:
        return bool(self.states) and all(s == "ready" for s in self.states)


@dataclass(frozen=True)
class ReadinessPoint:
    """The matrix at the end of one day: how many cells were ready, of how many."""

    day: date
    ready: int
    total: int

    @property
    def share(self) -> float:
        return self.ready / self.total if self.total else 0.0


@dataclass(frozen=True)
class AreaChange:
    """An area whose ready aspects changed between `since` and the briefing's time."""

    name: str
    before: int  # ready aspects then
    after: int  # ready aspects now
    aspects: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class BriefingIncident:
    reference: str
    severity: str
    kind: str
    place: str
    status: str
    description: str  # as the person typed it; rendered as plain text, never markup
    created_at: datetime
    closed_at: datetime | None = None


@dataclass(frozen=True)
class BriefingSupport:
    """A support request as the briefing lists it; `need` is what the person typed."""

    reference: str
    agency: str
    place: str
    need: str
    urgency: str
    status: str
    deadline_at: datetime
    overdue: bool
    closed_at: datetime | None = None


@dataclass(frozen=True)
class AgencyFigures:
    agency: str
    open: int
    overdue: int
    done: int


@dataclass(frozen=True)
class MapArea:
    """An area for the map: its outline, the share of its reported village × aspect pairs
    that are ready, and where its open incidents are (their coordinates, else the centre of
    their village or of the area)."""

    code: str
    name: str
    share: float | None  # None: nothing reported
    incidents: tuple[tuple[float, float, str], ...] = ()  # (longitude, latitude, severity)
    outline: tuple[tuple[tuple[float, float], ...], ...] = ()  # outer rings, [lon, lat]
    centre: tuple[float, float] | None = None


@dataclass(frozen=True)
class BriefingData:
    region_code: str
    region_name: str
    day: date  # the local day the briefing is for
    as_of: datetime  # the time of the data (UTC)
    since: date
    producer: str
    elections: tuple[BriefingElection, ...]
    aspects: tuple[str, ...]  # labels in the reader's language, in matrix order
    matrix: tuple[MatrixRow, ...]
    silent_areas: tuple[str, ...]
    open_by_severity: tuple[tuple[str, int], ...]  # severity, count; worst first
    open_incidents: tuple[BriefingIncident, ...]
    resolved_incidents: tuple[BriefingIncident, ...]
    timeline: tuple[ReadinessPoint, ...]
    changes: tuple[AreaChange, ...]
    areas: tuple[MapArea, ...] = field(default=())
    agencies: tuple[AgencyFigures, ...] = field(default=())
    requests_open: tuple[BriefingSupport, ...] = field(default=())  # overdue first
    requests_done: tuple[BriefingSupport, ...] = field(default=())

    @property
    def areas_ready(self) -> int:
        return sum(1 for row in self.matrix if row.ready)

    @property
    def cells_ready(self) -> int:
        return sum(1 for row in self.matrix for s in row.states if s == "ready")

    @property
    def cells_total(self) -> int:
        return len(self.matrix) * len(self.aspects)


def matrix_rows(
    rollups: Sequence[AreaRollup], aspect_codes: Sequence[str]
) -> tuple[MatrixRow, ...]:
    return tuple(
        MatrixRow(r.code, r.name, tuple(r.aspects[a].state for a in aspect_codes)) for r in rollups
    )


def ready_cells(rows: Sequence[MatrixRow]) -> int:
    return sum(1 for row in rows for s in row.states if s == "ready")


def largest_changes(
    now: Sequence[MatrixRow], before: Sequence[MatrixRow], *, limit: int = LARGEST_CHANGES
) -> tuple[AreaChange, ...]:
    """The areas whose number of ready aspects moved most (either way), largest first; ties
    by name. An area that did not move is no change."""
    then = {row.code: row for row in before}
    changes = []
    for row in now:
        old = then.get(row.code)
        before_ready = sum(1 for s in old.states if s == "ready") if old else 0
        after_ready = sum(1 for s in row.states if s == "ready")
        if before_ready != after_ready:
            changes.append(AreaChange(row.name, before_ready, after_ready, len(row.states)))
    changes.sort(key=lambda c: (-abs(c.delta), c.name))
    return tuple(changes[:limit])


def countdowns(
    elections: Sequence[tuple[str, str, date]], day: date
) -> tuple[BriefingElection, ...]:
    """(name, kind, voting day) → countdowns on `day`, the nearest voting day first."""
    return tuple(
        BriefingElection(name, kind, voting, countdown_label(voting, day), days_to(voting, day))
        for name, kind, voting in sorted(elections, key=lambda e: e[2])
    )


def open_counts(severities: Sequence[str], rank: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """How many open incidents of each severity, worst first, every severity listed."""
    return tuple(
        (severity, sum(1 for s in severities if s == severity))
        for severity in sorted(rank, key=lambda s: rank[s])
    )


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# -- the words of /paparan [kode wilayah] [sejak TANGGAL] -----------------------------------


@dataclass(frozen=True)
class BriefingArgs:
    region: str
    since: date


@dataclass(frozen=True)
class BriefingProblem:
    """Catalog key `briefing.problem.<kind>`; `word` the culprit. Whether the region is the
    person's to brief on is the policy's answer (bot.services.briefing), not the parser's."""

    kind: str
    word: str = ""


def parse_briefing_args(
    words: Sequence[str], *, own_region: str, today: date
) -> BriefingArgs | BriefingProblem:
    region: str | None = None
    since: date | None = None
    expecting_date = False
    for word in words:
        lowered = word.lower()
        if expecting_date:
            expecting_date = False
            if not _DATE.match(word):
                kind = "date_format" if _DATE_LIKE.match(word) else "since_needs_date"
                return BriefingProblem(kind, word[:40])
            year, month, day = (int(part) for part in word.split("-"))
            try:
                since = date(year, month, day)
            except ValueError:
                return BriefingProblem("bad_date", word)
        elif lowered in SINCE_WORDS:
            if since is not None:
                return BriefingProblem("two_dates", word)
            expecting_date = True
        elif level_of(word) is not None:
            if region is not None and region != word:
                return BriefingProblem("two_regions", word)
            region = word
        elif _DATE.match(word) or _DATE_LIKE.match(word):
            return BriefingProblem("date_without_since", word)
        else:
            return BriefingProblem("word", word[:40])
    if expecting_date:
        return BriefingProblem("since_needs_date", words[-1][:40])
    if since is None:
        since = today - timedelta(days=DEFAULT_SINCE_DAYS)
    if since >= today:
        return BriefingProblem("since_not_before", since.isoformat())
    return BriefingArgs(region or own_region, since)
