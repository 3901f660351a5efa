"""The one-line language measured on a corpus of lines as officers write them
(tests/unit/corpus_lines.py): at least 95% understood, and not one line stored wrongly.

"Understood" means the outcome is the expected one: stored with exactly the expected
fields, asked about with the expected first reading, or refused for the expected reason.
"Stored wrongly" means the line would have been stored and differs from what was meant,
or would have been stored where it should have been asked about or refused.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from bot.domain.incidents import IncidentSyntaxError, ParsedIncident, TypeInfo
from bot.domain.lines import Guess, read_incident_line, read_report_line
from bot.domain.phrases import phrase_key, split_list
from bot.domain.regions import is_within
from bot.domain.reports import AspectInfo, ParsedReport, ReportSyntaxError
from bot.i18n import CATALOGS
from tests.unit.corpus_lines import ASK, CORPUS, NO, OFFICER_REGION, I, R

VERSIONS = Path(__file__).resolve().parents[2] / "storage" / "migrations" / "versions"


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, VERSIONS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The aspects and incident kinds the bot is seeded with.
ASPECTS = [
    AspectInfo(code, label_id, label_en, tuple(filter(None, aliases.split(","))))
    for code, label_id, label_en, aliases in _migration("0002_reports").DEFAULT_ASPECTS
]
TYPES = [
    TypeInfo(code, label_id, label_en, athg, tuple(filter(None, aliases.split(","))))
    for code, label_id, label_en, aliases, athg in _migration("0003_incidents").DEFAULT_TYPES
]
DEFAULT_CLASS = {t.code: t.default_class for t in TYPES}


def _as_expected(parsed: ParsedReport | ParsedIncident) -> R | I:
    if isinstance(parsed, ParsedReport):
        return R(parsed.aspect, parsed.state.value, parsed.progress, parsed.note, parsed.region)
    return I(
        parsed.severity.value,
        parsed.type_code,
        parsed.description,
        parsed.athg_class.value,
        parsed.region,
    )


def _resolved(expected: R | I | ASK | NO) -> R | I | ASK | NO:
    """An expected incident with its class filled in (None: the kind's usual class)."""
    if isinstance(expected, ASK):
        return ASK(_resolved(expected.first))  # type: ignore[arg-type]
    if isinstance(expected, I) and expected.athg is None:
        return replace(expected, athg=DEFAULT_CLASS[expected.kind])
    return expected


def outcome(line: str) -> R | I | ASK | NO:
    """What the bot does with the line, as a corpus expectation."""
    command, _, arguments = line.partition(" ")
    try:
        if command in ("/lapor", "/report"):
            reading: object = read_report_line(arguments, ASPECTS)
        else:
            reading = read_incident_line(arguments, TYPES)
    except (ReportSyntaxError, IncidentSyntaxError) as error:
        return NO(error.key)
    first = reading.options[0] if isinstance(reading, Guess) else reading
    assert isinstance(first, ParsedReport | ParsedIncident)
    if first.region is not None and not is_within(first.region, OFFICER_REGION):
        return NO("outside")
    return ASK(_as_expected(first)) if isinstance(reading, Guess) else _as_expected(first)


def test_the_corpus_is_understood_and_nothing_is_stored_wrongly() -> None:
    assert len(CORPUS) >= 150
    misunderstood: list[str] = []
    stored_wrongly: list[str] = []
    for line, expected in CORPUS:
        got = outcome(line)
        if got == _resolved(expected):
            continue
        misunderstood.append(f"{line!r}: expected {expected}, got {got}")
        if isinstance(got, R | I):
            stored_wrongly.append(misunderstood[-1])
    share = 100 * (len(CORPUS) - len(misunderstood)) / len(CORPUS)
    print(
        f"\none-line corpus: {len(CORPUS)} lines, {share:.1f}% understood, "
        f"{len(stored_wrongly)} stored wrongly"
    )
    for problem in misunderstood:
        print("  not understood:", problem)
    assert not stored_wrongly, "\n".join(stored_wrongly)
    assert share >= 95, "\n".join(misunderstood)


def test_the_corpus_covers_both_languages_and_every_outcome() -> None:
    commands = {line.split()[0] for line, _ in CORPUS}
    assert commands == {"/lapor", "/report", "/insiden", "/incident"}
    kinds = {type(expected) for _, expected in CORPUS}
    assert kinds == {R, I, ASK, NO}
    assert {e.aspect for _, e in CORPUS if isinstance(e, R)} == {a.code for a in ASPECTS}
    assert {e.kind for _, e in CORPUS if isinstance(e, I)} == {t.code for t in TYPES}


def test_no_word_of_the_field_names_two_things() -> None:
    """Each alias list names one aspect (state, severity, kind): a word listed for two would
    be read as whichever comes first, silently."""
    for prefix, codes in [
        ("aspect.words.", [a.code for a in ASPECTS]),
        ("incident.words.", [t.code for t in TYPES]),
        ("state.words.", ["ready", "partial", "not_ready"]),
        ("severity.words.", ["kritis", "tinggi", "sedang", "rendah"]),
    ]:
        owner: dict[tuple[str, ...], str] = {}
        for code in codes:
            for catalog in CATALOGS.values():
                for word in split_list(catalog[prefix + code]):
                    key = phrase_key(word)
                    assert owner.setdefault(key, code) == code, (prefix, word, owner[key], code)


def test_no_state_or_severity_word_holds_a_number() -> None:
    """A number inside a state phrase ("siap 100 persen") would swallow the percent."""
    for catalog in CATALOGS.values():
        for key, text in catalog.items():
            if key.startswith(("state.words.", "severity.words.")):
                assert not any(ch.isdigit() for ch in text), (key, text)
