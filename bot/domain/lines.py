"""The one-line language of the field: `/lapor …` and `/insiden …` read as officers write them.

    /lapor [kode wilayah] aspek status [persen] [catatan]      (status and percent: either order)
    /insiden [kode wilayah] keparahan jenis [kelas] keterangan (the first three: any order)

Every name is matched as a phrase (`phrases.PhraseBook`): the aspect and state names as the
buttons show them ("Keamanan & ketertiban", "Belum siap"), the names in the aspect and
incident_type tables, and the words of the field listed per language in the catalogs
(`state.words.*`, `aspect.words.*`, `severity.words.*`, `athg.words.*`, `incident.words.*`).
The longest phrase wins, so "sebagian besar sudah dilatih" is state *partial* with the note
"sudah dilatih". A line read exactly is understood; a line that only reads with a near miss
(a typo) is a `Guess` for the person to confirm; anything else is refused with the reason.
Pure functions; no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from bot.domain.incidents import (
    MAX_DESCRIPTION,
    IncidentSyntaxError,
    ParsedIncident,
    TypeInfo,
)
from bot.domain.phrases import Match, PhraseBook, Word, split_list, words_of
from bot.domain.regions import level_of
from bot.domain.reports import MAX_NOTE_LENGTH, AspectInfo, ParsedReport, ReportSyntaxError
from bot.domain.text import clean
from bot.domain.types import AthgClass, ReportState, Severity
from bot.i18n import CATALOGS

T = TypeVar("T")

# Words that may stand before a name without being part of it: "aspek keamanan status siap".
ASPECT_FILLERS = frozenset({"aspek", "aspect", "bidang"})
STATE_FILLERS = frozenset({"status", "state", "kondisi", "keadaan", "condition"})
PERCENT_FILLERS = frozenset(
    {"progres", "progress", "kemajuan", "capaian", "realisasi", "baru", "sudah", "sekitar", "about"}
)
_PERCENT = re.compile(
    r"(\d{1,4})(?:[.,](\d{1,2}))?\s*(%|persen\b|prosen\b|percent\b|pct\b)?\)?", re.IGNORECASE
)
_NOTE_LEAD = re.compile(r"^(?:[\s,;:.!|&·•/\\]|[-–—](?=\s))+")
_QUOTES = {'"': '"', "“": "”", "'": "'", "«": "»", "„": "“"}
_CONFLICTS = {(ReportState.NOT_READY, 100), (ReportState.READY, 0)}
MAX_OPTIONS = 3  # a guess offers at most this many readings


@dataclass(frozen=True)
class Guess(Generic[T]):
    """A line that reads only with a near miss: the readings to offer, best first, and for
    each the names that were guessed (what the question asks about)."""

    options: tuple[T, ...]
    guessed: tuple[tuple[str, ...], ...]  # per option: ("field:value", …) of the near misses
    typed: str  # the words as the person wrote them


# -- vocabulary ---------------------------------------------------------------------------


def catalog_words(key: str) -> list[str]:
    """The field words a catalog entry lists, from every language."""
    return [word for catalog in CATALOGS.values() for word in split_list(catalog.get(key, ""))]


@lru_cache(maxsize=1)
def state_book() -> PhraseBook[ReportState]:
    entries: list[tuple[str, ReportState]] = []
    for state in (ReportState.READY, ReportState.PARTIAL, ReportState.NOT_READY):
        entries += [(CATALOGS[lang][f"state.{state.value}"], state) for lang in CATALOGS]
    for state in (ReportState.READY, ReportState.PARTIAL, ReportState.NOT_READY):
        entries += [(word, state) for word in catalog_words(f"state.words.{state.value}")]
    return PhraseBook(entries)


@lru_cache(maxsize=8)
def aspect_book(aspects: tuple[AspectInfo, ...]) -> PhraseBook[str]:
    entries: list[tuple[str, str]] = []
    for a in aspects:
        entries += [(a.label_id, a.code), (a.label_en, a.code), (a.code, a.code)]
    for a in aspects:
        entries += [(alias, a.code) for alias in a.aliases]
    for a in aspects:
        entries += [(word, a.code) for word in catalog_words(f"aspect.words.{a.code}")]
    return PhraseBook(entries)


@lru_cache(maxsize=1)
def severity_book() -> PhraseBook[Severity]:
    entries = [(CATALOGS[lang][f"severity.{s.value}"], s) for s in Severity for lang in CATALOGS]
    entries += [(s.value, s) for s in Severity]
    entries += [(w, s) for s in Severity for w in catalog_words(f"severity.words.{s.value}")]
    return PhraseBook(entries)


@lru_cache(maxsize=1)
def class_book() -> PhraseBook[AthgClass]:
    entries = [(c.value, c) for c in AthgClass]
    entries += [(CATALOGS[lang][f"athg.{c.value}"], c) for c in AthgClass for lang in CATALOGS]
    entries += [(w, c) for c in AthgClass for w in catalog_words(f"athg.words.{c.value}")]
    return PhraseBook(entries)


def kind_names(kind: TypeInfo) -> list[str]:
    """What names a kind itself (code and labels), as opposed to words that describe it."""
    return [kind.code, kind.code.replace("_", " "), kind.label_id, kind.label_en]


@lru_cache(maxsize=8)
def kind_book(types: tuple[TypeInfo, ...]) -> PhraseBook[str]:
    entries: list[tuple[str, str]] = []
    for kind in types:
        entries += [(name, kind.code) for name in kind_names(kind)]
    for kind in types:
        entries += [(alias, kind.code) for alias in kind.aliases]
    for kind in types:
        entries += [(word, kind.code) for word in catalog_words(f"incident.words.{kind.code}")]
    return PhraseBook(entries)


# -- shared pieces -------------------------------------------------------------------------


def _region(text: str) -> tuple[str | None, str]:
    """A leading region code, and the rest of the line."""
    parts = text.split(maxsplit=1)
    if parts and level_of(parts[0].rstrip(",;:")) is not None:
        return parts[0].rstrip(",;:"), parts[1] if len(parts) > 1 else ""
    return None, text


def _candidates(
    book: PhraseBook[T], words: Sequence[Word], index: int, fillers: frozenset[str], near: bool
) -> list[Match[T]]:
    """Exact matches at `index` (after an optional filler word), longest first; or, with
    `near`, the near misses there."""
    starts = [index]
    if index < len(words) and words[index].text in fillers:
        starts.append(index + 1)
    if near:
        return [m for start in starts for m in book.near(words, start)]
    exact = [m for start in starts for m in book.exact(words, start)]
    return sorted(exact, key=lambda m: m.start - m.end)


def _chunk(text: str, at: int) -> str:
    """The whitespace-separated piece of `text` starting at character `at` (for messages)."""
    piece = text[at:].split(maxsplit=1)
    return piece[0][:40] if piece else ""


def _rest(text: str, at: int) -> str:
    rest = _NOTE_LEAD.sub("", text[at:]).strip()
    if len(rest) >= 2 and rest[0] in _QUOTES and rest.endswith(_QUOTES[rest[0]]):
        rest = rest[1:-1].strip()
    return rest


@dataclass(frozen=True)
class _Percent:
    value: float
    end_char: int
    end_word: int
    text: str


def _percent_at(
    text: str, words: Sequence[Word], index: int, *, bare_allowed: bool
) -> _Percent | None:
    """A percent at word `index` (after an optional filler): '60%', '60 persen', '(60%)',
    '-5%'; a bare number only when nothing follows it (`bare_allowed`)."""
    for start in (index, index + 1):
        if start >= len(words) or (start > index and words[index].text not in PERCENT_FILLERS):
            continue
        word = words[start]
        match = _PERCENT.match(text, word.start)
        if not match or not word.text[0].isdigit():
            continue
        end_word = next(
            (i for i in range(start, len(words)) if words[i].start >= match.end()), len(words)
        )
        trailing = text[match.end() :].strip(" .,;:!)")
        if match.group(3) is None and (not bare_allowed or trailing or len(match.group(1)) > 3):
            continue
        sign = -1 if word.start > 0 and text[word.start - 1] in "-−" else 1
        value = sign * float(f"{match.group(1)}.{match.group(2) or 0}")
        begin = word.start - (1 if sign < 0 else 0)
        return _Percent(value, match.end(), end_word, text[begin : match.end()].strip())
    return None


def _end_char(words: Sequence[Word], end_word: int) -> int:
    return words[end_word - 1].end if end_word > 0 else 0


# -- reports ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ReportReading:
    aspect: Match[str]
    state: Match[ReportState]
    percent: _Percent | None
    note_at: int  # character where the note starts

    @property
    def cost(self) -> int:
        return self.aspect.cost + self.state.cost

    @property
    def extends(self) -> bool:
        return self.state.extends


def read_report_line(
    text: str, aspects: Sequence[AspectInfo]
) -> ParsedReport | Guess[ParsedReport]:
    """Read a one-line report: understood, a guess to confirm, or ReportSyntaxError."""
    region, body = _region(clean(text))
    words = words_of(body)
    if not words:
        raise ReportSyntaxError("report.syntax.empty")
    book = aspect_book(tuple(aspects))
    readings: list[_ReportReading] = []
    after_aspect: int | None = None
    for near in (False, True):  # near misses only when no exact reading exists
        for aspect in _candidates(book, words, 0, ASPECT_FILLERS, near):
            for end in _absorbed(book, words, aspect):
                matched = Match(aspect.value, aspect.start, end, aspect.cost, aspect.phrase)
                after_aspect = end if after_aspect is None else after_aspect
                readings += _report_tails(body, words, matched, end, None, None)
        if readings:
            break
    if after_aspect is None:
        raise ReportSyntaxError("report.syntax.aspect", _chunk(body, 0))
    if not readings:
        at = words[after_aspect].start if after_aspect < len(words) else len(body)
        raise ReportSyntaxError("report.syntax.state", _chunk(body, at))
    exact = [r for r in readings if r.cost == 0]
    if exact and not any(r.extends for r in readings):
        return _report(body, region, exact[0])
    # Near misses, closest first; a typo that continues an exact name before the exact one.
    ranked = sorted(readings, key=lambda r: (not r.extends, r.cost))
    options: list[ParsedReport] = []
    guessed: list[tuple[str, ...]] = []
    for reading in ranked:
        parsed = _report(body, region, reading)
        names = tuple(
            name
            for name, match in (
                (f"aspect:{parsed.aspect}", reading.aspect),
                (f"state:{parsed.state.value}", reading.state),
            )
            if match.cost
        ) or (f"state:{parsed.state.value}",)
        if parsed in options or names in guessed:
            continue
        options.append(parsed)
        guessed.append(names)
        if len(options) == MAX_OPTIONS:
            break
    return Guess(tuple(options), tuple(guessed), body[: ranked[0].note_at].strip()[:80])


def _absorbed(book: PhraseBook[str], words: Sequence[Word], aspect: Match[str]) -> list[int]:
    """Where the aspect's words end: more names of the same aspect may follow it
    ("petugas KPPS/PPS siap"); the longest run first, then the name alone."""
    ends = [aspect.end]
    while aspect.cost == 0:
        more = [m for m in book.exact(words, ends[-1]) if m.value == aspect.value]
        if not more:
            break
        ends.append(more[0].end)
    return list(reversed(ends))


def _report_tails(
    body: str,
    words: Sequence[Word],
    aspect: Match[str],
    index: int,
    state: Match[ReportState] | None,
    percent: _Percent | None,
) -> list[_ReportReading]:
    """Every way the state and an optional percent (either order) can follow, deepest first."""
    found: list[_ReportReading] = []
    if state is None:
        book = state_book()
        matches = _candidates(book, words, index, STATE_FILLERS, near=False)
        extension = book.extension(words, matches)
        matches = [extension, *matches] if extension else matches
        for match in matches or _candidates(book, words, index, STATE_FILLERS, near=True):
            found += _report_tails(body, words, aspect, match.end, match, percent)
    if percent is None:
        value = _percent_at(body, words, index, bare_allowed=state is not None)
        if value is not None:
            found += _report_tails(body, words, aspect, value.end_word, state, value)
    if state is not None:
        note_at = max(_end_char(words, index), percent.end_char if percent else 0)
        found.append(_ReportReading(aspect, state, percent, note_at))
    return found


def _report(body: str, region: str | None, reading: _ReportReading) -> ParsedReport:
    progress = None
    if reading.percent is not None:
        if not 0 <= reading.percent.value <= 100:
            raise ReportSyntaxError("report.syntax.percent", reading.percent.text[:20])
        progress = int(reading.percent.value + 0.5)
    if (reading.state.value, progress) in _CONFLICTS:
        # "anggaran belum 100%": not ready yet complete, or ready at nothing. Not guessed.
        raise ReportSyntaxError("report.syntax.conflict", reading.percent.text[:20])  # type: ignore[union-attr]
    note = _rest(body, reading.note_at) or None
    if note is not None and len(note) > MAX_NOTE_LENGTH:
        raise ReportSyntaxError("report.syntax.note_long", str(len(note)))
    return ParsedReport(
        aspect=reading.aspect.value,
        state=reading.state.value,
        region=region,
        progress=progress,
        note=note,
    )


def parse_report_line(text: str, aspects: Sequence[AspectInfo]) -> ParsedReport:
    """`read_report_line` for callers that take no guesses: a guess is refused."""
    reading = read_report_line(text, aspects)
    if isinstance(reading, Guess):
        field_name = reading.guessed[0][0].split(":")[0]
        raise ReportSyntaxError(f"report.syntax.{field_name}", reading.typed[:40])
    return reading


# -- incidents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _IncidentReading:
    severity: Match[Severity]
    kind: Match[str]
    athg: Match[AthgClass] | None
    end: int  # word index where the description starts

    @property
    def cost(self) -> int:
        return self.severity.cost + self.kind.cost

    @property
    def extends(self) -> bool:
        return self.severity.extends or self.kind.extends


@dataclass
class _Progress:
    """How far the best failed attempt got, for the refusal."""

    missing: str = "severity"
    at: int = 0


def read_incident_line(
    text: str, types: Sequence[TypeInfo]
) -> ParsedIncident | Guess[ParsedIncident]:
    """Read a one-line incident: understood, a guess to confirm, or IncidentSyntaxError."""
    region, body = _region(clean(text))
    words = words_of(body)
    kinds = kind_book(tuple(types))
    progress = _Progress()
    readings = _incident_slots(words, 0, {}, kinds, progress)
    if not readings:
        at = words[progress.at].start if progress.at < len(words) else len(body)
        key = "incident.syntax.type" if progress.missing == "kind" else "incident.syntax.severity"
        raise IncidentSyntaxError(key, _chunk(body, at))
    defaults = {k.code: k.default_class for k in types}
    names = {k.code: {tuple(w.text for w in words_of(n)) for n in kind_names(k)} for k in types}
    exact = [r for r in readings if r.cost == 0]
    if exact and not any(r.extends for r in readings):
        return _incident(body, words, region, exact[0], defaults, names)
    ranked = sorted(readings, key=lambda r: (not r.extends, r.cost))
    options: list[ParsedIncident] = []
    guessed: list[tuple[str, ...]] = []
    for reading in ranked:
        parsed = _incident(body, words, region, reading, defaults, names)
        labels = tuple(
            name
            for name, match in (
                (f"severity:{parsed.severity.value}", reading.severity),
                (f"kind:{parsed.type_code}", reading.kind),
            )
            if match.cost
        ) or (f"kind:{parsed.type_code}",)
        if parsed in options or labels in guessed:
            continue
        options.append(parsed)
        guessed.append(labels)
        if len(options) == MAX_OPTIONS:
            break
    first = ranked[0]
    typed_end = max(first.severity.end, first.kind.end)
    return Guess(tuple(options), tuple(guessed), body[: words[typed_end - 1].end].strip()[:80])


def _incident_slots(
    words: Sequence[Word],
    index: int,
    filled: dict[str, Match[object]],
    kinds: PhraseBook[str],
    progress: _Progress,
) -> list[_IncidentReading]:
    """Severity, kind and class, each at most once, in any order; deepest first."""
    complete = "severity" in filled and "kind" in filled
    books: list[tuple[str, PhraseBook[object]]] = [
        (name, book)  # type: ignore[misc]
        for name, book in (("severity", severity_book()), ("kind", kinds), ("athg", class_book()))
        if name not in filled
    ]
    found: list[_IncidentReading] = []
    for near in (False, True):  # near misses only when nothing exact leads anywhere
        if near and (found or complete):
            break
        matches: list[tuple[str, Match[object]]] = [
            (name, m)
            for name, book in books
            if not (near and name == "athg")
            for m in (book.near(words, index) if near else _with_extension(book, words, index))
        ]
        matches.sort(key=lambda item: (item[1].cost, item[1].start - item[1].end))
        for name, match in matches:
            found += _incident_slots(words, match.end, {**filled, name: match}, kinds, progress)
    if complete:
        found.append(
            _IncidentReading(
                filled["severity"],  # type: ignore[arg-type]
                filled["kind"],  # type: ignore[arg-type]
                filled.get("athg"),  # type: ignore[arg-type]
                index,
            )
        )
    elif index >= progress.at:
        progress.at = index
        progress.missing = "severity" if "severity" not in filled else "kind"
    return found


def _with_extension(book: PhraseBook[T], words: Sequence[Word], index: int) -> list[Match[T]]:
    exact = book.exact(words, index)
    extension = book.extension(words, exact)
    return [extension, *exact] if extension else exact


def _incident(
    body: str,
    words: Sequence[Word],
    region: str | None,
    reading: _IncidentReading,
    defaults: dict[str, str],
    names: dict[str, set[tuple[str, ...]]],
) -> ParsedIncident:
    start = _end_char(words, reading.end)
    description = _rest(body, start)
    kind_words = tuple(w.text for w in words[reading.kind.start : reading.kind.end])
    if not description and reading.kind.cost == 0 and kind_words not in names[reading.kind.value]:
        # "/insiden sedang surat suara rusak": the words that named the kind describe it.
        description = body[words[reading.kind.start].start : words[reading.kind.end - 1].end]
    if not description:
        raise IncidentSyntaxError("incident.syntax.description")
    if len(description) > MAX_DESCRIPTION:
        raise IncidentSyntaxError("incident.syntax.too_long", str(len(description)))
    athg = reading.athg.value if reading.athg else AthgClass(defaults[reading.kind.value])
    return ParsedIncident(
        severity=reading.severity.value,
        type_code=reading.kind.value,
        athg_class=athg,
        description=description,
        region=region,
    )


def parse_incident_line(text: str, types: Sequence[TypeInfo]) -> ParsedIncident:
    """`read_incident_line` for callers that take no guesses: a guess is refused."""
    reading = read_incident_line(text, types)
    if isinstance(reading, Guess):
        field_name = reading.guessed[0][0].split(":")[0]
        key = "incident.syntax.type" if field_name == "kind" else "incident.syntax.severity"
        raise IncidentSyntaxError(key, reading.typed[:40])
    return reading
