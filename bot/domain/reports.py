"""Status reports: what a report is, and readiness roll-ups (the one-line syntax is read by
`bot.domain.lines`).

Pure functions of text and rows; no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.domain.types import ReportState

MAX_NOTE_LENGTH = 4000
MAX_PHOTOS = 10

STATE_SHORT = {ReportState.READY: "r", ReportState.PARTIAL: "p", ReportState.NOT_READY: "n"}
STATE_FROM_SHORT = {short: state for state, short in STATE_SHORT.items()}
STATE_EMOJI = {
    ReportState.NOT_READY.value: "🔴",
    ReportState.PARTIAL.value: "🟡",
    ReportState.READY.value: "✅",
    None: "⬜",
}
# Worst first. No report is treated as worse than "partial": nobody knows.
STATE_RANK = {
    ReportState.NOT_READY.value: 0,
    None: 1,
    ReportState.PARTIAL.value: 2,
    ReportState.READY.value: 3,
}


def reference(report_id: int) -> str:
    return f"R-{report_id:04d}"


def progress_text(progress: int | None) -> str:
    """' (60%)' after a state, or nothing when no progress was given."""
    return f" ({progress}%)" if progress is not None else ""


@dataclass(frozen=True)
class AspectInfo:
    code: str
    label_id: str
    label_en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class ParsedReport:
    aspect: str
    state: ReportState
    region: str | None = None
    progress: int | None = None
    note: str | None = None


class ReportSyntaxError(Exception):
    """The line cannot be read; `key` is the catalog key saying why, `detail` the culprit."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(key)
        self.key = key
        self.detail = detail


def parse_percent(text: str) -> int | None:
    """'80', '80%', '80 persen' → 80; anything else (or over 100) → None."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*(?:%|persen|percent)?\s*", text, re.IGNORECASE)
    if not match or int(match.group(1)) > 100:
        return None
    return int(match.group(1))


# -- readiness roll-ups --------------------------------------------------------------------


@dataclass(frozen=True)
class CurrentState:
    region_code: str
    aspect_code: str
    state: str
    progress: int | None
    reported_at: datetime


@dataclass
class AspectRollup:
    state: str | None = None  # the worst current state in the area, None = no report
    reports: int = 0
    progress: int | None = None  # shown only when one report decides the aspect
    last_at: datetime | None = None
    ready: int = 0  # how many of `reports` say "ready"


@dataclass
class AreaRollup:
    code: str
    name: str
    aspects: dict[str, AspectRollup] = field(default_factory=dict)

    @property
    def last_at(self) -> datetime | None:
        times = [a.last_at for a in self.aspects.values() if a.last_at is not None]
        return max(times) if times else None

    def count(self, state: str | None) -> int:
        return sum(1 for a in self.aspects.values() if a.state == state)

    def share_ready(self, aspect: str | None = None) -> tuple[int, int]:
        """(ready, reported): the current reports of one aspect (all when None) inside the
        area, and how many of them say "ready". Regions nobody reported are in neither."""
        cells = [self.aspects[aspect]] if aspect in self.aspects else []
        if aspect is None:
            cells = list(self.aspects.values())
        return sum(c.ready for c in cells), sum(c.reports for c in cells)

    @property
    def worst(self) -> str | None:
        return min((a.state for a in self.aspects.values()), key=lambda s: STATE_RANK[s])

    def sort_key(self) -> tuple[int, int, int, int, str]:
        return (
            STATE_RANK[self.worst],
            -self.count(ReportState.NOT_READY.value),
            -self.count(None),
            -self.count(ReportState.PARTIAL.value),
            self.name,
        )


@dataclass
class CellSummary:
    """The current states of one area and aspect, already summarised (the database does it
    at scale): how many of each state, the progress (meaningful when one report decides),
    the latest time."""

    area_code: str
    aspect_code: str
    counts: dict[str, int]  # state → how many regions are in it
    progress: int | None = None
    last_at: datetime | None = None

    @property
    def reports(self) -> int:
        return sum(self.counts.values())

    @property
    def worst(self) -> str | None:
        present = [state for state, n in self.counts.items() if n > 0]
        return min(present, key=lambda s: STATE_RANK[s]) if present else None


@dataclass(frozen=True)
class TouchedPair:
    """A region and aspect reported on since a cutoff: its state now and at the cutoff
    (None: no current report)."""

    region_code: str
    aspect_code: str
    now: str | None
    before: str | None


def area_of(code: str, root: str, area_codes: Collection[str]) -> str:
    """The area below `root` a region code lies in; `root` for the root itself or a code in
    none of them. The twin of the database's grouping key (storage.reports)."""
    if code == root:
        return root
    for length in sorted({len(c) for c in area_codes if c != root}, reverse=True):
        if len(code) == length or (len(code) > length and code[length] == "."):
            return code[:length]
    return root


def summaries_before(
    cells_now: Iterable[CellSummary],
    touched: Iterable[TouchedPair],
    *,
    root: str,
    area_codes: Collection[str],
) -> list[CellSummary]:
    """The summaries as they stood at the cutoff: every touched pair leaves its current
    state and counts with its state then. Only the states (worst per cell) are kept."""
    counts = {(c.area_code, c.aspect_code): dict(c.counts) for c in cells_now}
    for pair in touched:
        cell = counts.setdefault(
            (area_of(pair.region_code, root, area_codes), pair.aspect_code), {}
        )
        if pair.now is not None:
            cell[pair.now] = cell.get(pair.now, 0) - 1
        if pair.before is not None:
            cell[pair.before] = cell.get(pair.before, 0) + 1
    return [
        CellSummary(area, aspect, {s: n for s, n in states.items() if n > 0})
        for (area, aspect), states in counts.items()
    ]


def _absorb(
    rollup: AspectRollup,
    *,
    reports: int,
    worst: str | None,
    progress: int | None,
    last_at: datetime | None,
    ready: int = 0,
) -> None:
    """Fold current states into a cell: the one rule behind every roll-up."""
    rollup.reports += reports
    rollup.ready += ready
    if worst is not None and (rollup.state is None or STATE_RANK[worst] < STATE_RANK[rollup.state]):
        rollup.state = worst
    rollup.progress = progress if rollup.reports == 1 else None
    if last_at is not None and (rollup.last_at is None or last_at > rollup.last_at):
        rollup.last_at = last_at


def _empty(areas: Sequence[tuple[str, str]], aspect_codes: Sequence[str]) -> dict[str, AreaRollup]:
    return {
        code: AreaRollup(code, name, {a: AspectRollup() for a in aspect_codes})
        for code, name in areas
    }


def roll_up(
    areas: Sequence[tuple[str, str]], aspect_codes: Sequence[str], rows: Iterable[CurrentState]
) -> list[AreaRollup]:
    """The worst current state per area and aspect, areas worst first, row by row.

    `areas` are (code, name) pairs of regions at one level; a row counts for the area whose
    code prefixes it. An area with no report for an aspect shows ⬜ for it. The bot asks the
    database for summaries (`roll_up_cells`); this is the definition they are tested against.
    """
    by_code = _empty(areas, aspect_codes)
    depths = {code.count(".") for code in by_code}
    for row in rows:
        for depth in depths:
            parts = row.region_code.split(".")
            if len(parts) <= depth:
                continue
            area = by_code.get(".".join(parts[: depth + 1]))
            if area is None or row.aspect_code not in area.aspects:
                continue
            _absorb(
                area.aspects[row.aspect_code],
                reports=1,
                worst=row.state,
                progress=row.progress,
                last_at=row.reported_at,
                ready=1 if row.state == ReportState.READY.value else 0,
            )
    return sorted(by_code.values(), key=AreaRollup.sort_key)


def roll_up_cells(
    areas: Sequence[tuple[str, str]], aspect_codes: Sequence[str], cells: Iterable[CellSummary]
) -> list[AreaRollup]:
    """`roll_up` of cells summarised per area and aspect; cells of other areas are ignored."""
    by_code = _empty(areas, aspect_codes)
    for cell in cells:
        area = by_code.get(cell.area_code)
        if area is None or cell.aspect_code not in area.aspects:
            continue
        _absorb(
            area.aspects[cell.aspect_code],
            reports=cell.reports,
            worst=cell.worst,
            progress=cell.progress,
            last_at=cell.last_at,
            ready=cell.counts.get(ReportState.READY.value, 0),
        )
    return sorted(by_code.values(), key=AreaRollup.sort_key)


def roll_up_whole(
    code: str, name: str, aspect_codes: Sequence[str], cells: Iterable[CellSummary]
) -> AreaRollup:
    """One area made of all the cells, whichever area they were summarised for."""
    [whole] = roll_up_cells(
        [(code, name)], aspect_codes, (replace(cell, area_code=code) for cell in cells)
    )
    return whole
