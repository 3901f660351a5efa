"""Both languages have every message, with the same placeholders; rendering escapes input."""

from __future__ import annotations

import string

from bot.i18n import CATALOGS, Html, format_day, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys() -> None:
    indonesian, english = CATALOGS["id"], CATALOGS["en"]
    assert set(indonesian) - set(english) == set(), "missing in English"
    assert set(english) - set(indonesian) == set(), "missing in Indonesian"


def test_placeholders_match_across_languages() -> None:
    for key, template in CATALOGS["id"].items():
        assert _fields(template) == _fields(CATALOGS["en"][key]), key


def test_parameters_are_escaped_unless_marked_html() -> None:
    text = t("id", "start.no_access", name="<b>Rina & co</b>")
    assert "&lt;b&gt;Rina &amp; co&lt;/b&gt;" in text
    assert "<b>x</b>" in t("id", "profile.invited_by", name=Html("<b>x</b>"))


def test_dates_for_the_reader() -> None:
    from datetime import date

    assert format_day(date(2024, 2, 14), "id") == "Rabu, 14 Februari 2024"
    assert format_day(date(2024, 2, 14), "en") == "Wednesday, 14 February 2024"
