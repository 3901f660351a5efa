"""The one-line readers against every name the buttons show, and the phrase matcher."""

from __future__ import annotations

import pytest

from bot.domain.incidents import SEVERITY_EMOJI, IncidentSyntaxError
from bot.domain.lines import Guess, read_incident_line, read_report_line
from bot.domain.phrases import PhraseBook, edit_distance, words_of
from bot.domain.reports import STATE_EMOJI, ParsedReport, ReportSyntaxError
from bot.domain.types import ReportState, Severity
from bot.i18n import CATALOGS
from tests.unit.test_line_corpus import ASPECTS, TYPES

LANGS = ("id", "en")
FORMS = ("{a} {s}", "{A} {S}", "{a}: {s}", "{a}, {s}", "{a} - {s}", "{e} {a} · {s}")


@pytest.mark.parametrize("form", FORMS)
def test_every_aspect_and_state_as_the_buttons_read(form: str) -> None:
    for aspect in ASPECTS:
        for state in ReportState:
            for a_lang in LANGS:
                for s_lang in LANGS:
                    name = aspect.label(a_lang)
                    state_name = CATALOGS[s_lang][f"state.{state.value}"]
                    line = form.format(
                        a=name,
                        s=state_name,
                        A=name.upper(),
                        S=state_name.upper(),
                        e=STATE_EMOJI[state.value],
                    )
                    parsed = read_report_line(f"{line} catatan", ASPECTS)
                    assert isinstance(parsed, ParsedReport), line
                    assert (parsed.aspect, parsed.state, parsed.note) == (
                        aspect.code,
                        state,
                        "catatan",
                    ), line


def test_every_kind_and_severity_as_the_buttons_read() -> None:
    for kind in TYPES:
        for severity in Severity:
            for k_lang in LANGS:
                for s_lang in LANGS:
                    label = CATALOGS[s_lang][f"severity.{severity.value}"]
                    for line in (
                        f"{label} {kind.label(k_lang)} air naik",
                        f"{SEVERITY_EMOJI[severity.value]} {label.upper()}: "
                        f"{kind.label(k_lang).upper()}, air naik",
                        f"{kind.label(k_lang)} {label} air naik",
                    ):
                        parsed = read_incident_line(line, TYPES)
                        assert not isinstance(parsed, Guess), line
                        assert (parsed.severity, parsed.type_code, parsed.description) == (
                            severity,
                            kind.code,
                            "air naik",
                        ), line


def test_a_guess_offers_the_closest_names_first_and_stores_nothing_by_itself() -> None:
    guess = read_report_line("kemanan siap 80% patroli", ASPECTS)
    assert isinstance(guess, Guess)
    first = guess.options[0]
    assert (first.aspect, first.state, first.progress, first.note) == (
        "keamanan",
        ReportState.READY,
        80,
        "patroli",
    )
    assert guess.guessed[0] == ("aspect:keamanan",)
    # Short words are matched exactly or not at all: "sip" is slang for OK, "ok" too.
    assert not isinstance(read_report_line("dpt sip", ASPECTS), Guess)
    with pytest.raises(ReportSyntaxError):
        read_report_line("dpx siap", ASPECTS)


def test_refusals_name_the_culprit_as_typed() -> None:
    with pytest.raises(ReportSyntaxError) as raised:
        read_report_line("logistik siap -5%", ASPECTS)
    assert (raised.value.key, raised.value.detail) == ("report.syntax.percent", "-5%")
    with pytest.raises(ReportSyntaxError) as raised:
        read_report_line("Gudang<b> siap", ASPECTS)
    assert (raised.value.key, raised.value.detail) == ("report.syntax.aspect", "Gudang<b>")
    with pytest.raises(IncidentSyntaxError) as raised:
        read_incident_line("kritis TPS 5 kekurangan surat suara", TYPES)
    assert (raised.value.key, raised.value.detail) == ("incident.syntax.type", "TPS")


def test_phrases_match_apart_together_and_with_connectors() -> None:
    book = PhraseBook([("Keamanan & ketertiban", "k"), ("belum siap", "n"), ("siap", "r")])
    for text, end in [
        ("keamanan dan ketertiban siap", 3),
        ("KEAMANAN/KETERTIBAN", 2),
        ("keamananketertiban", 1),
    ]:
        [match] = book.exact(words_of(text), 0)
        assert (match.value, match.end) == ("k", end), text
    assert [m.value for m in book.exact(words_of("belumsiap"), 0)] == ["n"]
    assert [m.value for m in book.exact(words_of("belum-siap"), 0)] == ["n"]
    assert book.exact(words_of("dan siap"), 0) == []  # a connector never starts a name
    [near] = book.near(words_of("keamanan ketertban"), 0)
    assert (near.value, near.cost, near.end) == ("k", 1, 2)


def test_edit_distance() -> None:
    assert edit_distance("kemanan", "keamanan", 2) == 1
    assert edit_distance("sebagain", "sebagian", 2) == 1  # neighbours swapped
    assert edit_distance("siap", "siap", 1) == 0
    assert edit_distance("gudang", "anggaran", 2) == 3  # over the ceiling: ceiling + 1
