"""Forms that differ by language: zone names, clock style, counted nouns, command names."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application, CommandHandler

from bot.handlers import register_handlers
from bot.i18n import CATALOGS, format_moment, format_short_moment, plain, t, zone_name
from bot.i18n.commands import ENGLISH_NAMES, command_name
from tests.conftest import TEST_TOKEN

MOMENT = datetime(2024, 2, 7, 0, 46, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "abbreviation", "clock"),
    [
        ("Asia/Makassar", "WITA", "08"),
        ("Asia/Jakarta", "WIB", "07"),
        ("Asia/Jayapura", "WIT", "09"),
    ],
)
def test_indonesian_zones_by_name_in_both_languages(
    zone: str, abbreviation: str, clock: str
) -> None:
    tz = ZoneInfo(zone)
    assert format_moment(MOMENT, "id", tz) == f"Rabu, 7 Februari 2024 {clock}.46 {abbreviation}"
    assert (
        format_moment(MOMENT, "en", tz) == f"Wednesday, 7 February 2024 {clock}:46 {abbreviation}"
    )
    assert format_short_moment(MOMENT, "id", tz) == f"7 Feb {clock}.46 {abbreviation}"
    assert format_short_moment(MOMENT, "en", tz) == f"7 Feb {clock}:46 {abbreviation}"


def test_other_zones_never_show_a_bare_offset() -> None:
    assert zone_name(ZoneInfo("Asia/Dubai"), MOMENT) == "UTC+4"  # tzdata calls it "+04"
    assert zone_name(ZoneInfo("Asia/Kolkata"), MOMENT) == "IST"
    assert zone_name(ZoneInfo("UTC"), MOMENT) == "UTC"
    assert zone_name(ZoneInfo("Etc/GMT+5"), MOMENT) == "UTC-5"
    for zone in ("Asia/Dubai", "Etc/GMT-8", "Asia/Kathmandu"):
        text = format_moment(MOMENT, "en", ZoneInfo(zone))
        assert not re.search(r"[+-]\d{4}\b|GMT", text), text
    assert zone_name(ZoneInfo("Asia/Kathmandu"), MOMENT) == "UTC+5:45"


def test_counted_nouns_in_english_and_indonesian() -> None:
    assert t("en", "status.reports", count=1) == " (1 report)"
    assert t("en", "status.reports", count=2) == " (2 reports)"
    assert t("id", "status.reports", count=1) == " (1 laporan)"
    assert plain("en", "incident.saved.people", count=1) == "1 coordinator"
    assert plain("en", "incident.saved.groups", count=2) == "2 groups"
    reminded = plain("en", "reminder.sent", missing=1, officers=3, sent=1, already=0, region="A")
    assert "1 of 3 officers have not reported" in reminded
    assert "after 1 minute without" in t("en", "report.expired", minutes=1)


def test_english_texts_name_english_commands() -> None:
    """Every English text that names a command uses its English name (only the help footer
    mentions the Indonesian ones, to say they work too)."""
    indonesian = set(ENGLISH_NAMES)
    for key, template in CATALOGS["en"].items():
        if key == "help.footer":
            continue
        named = set(re.findall(r"/([a-z_]+)\b", template)) & indonesian
        assert not named, f"{key} names /{', /'.join(sorted(named))}"


def test_each_english_name_is_registered_with_its_indonesian_one() -> None:
    application = Application.builder().token(TEST_TOKEN).build()
    register_handlers(application)
    handlers = [h for h in application.handlers[0] if isinstance(h, CommandHandler)]
    for indonesian, english in ENGLISH_NAMES.items():
        [handler] = [h for h in handlers if indonesian in h.commands]
        assert english in handler.commands, (indonesian, english)
    assert command_name("lapor", "en") == "report" and command_name("lapor", "id") == "lapor"
    assert command_name("status", "en") == "status"
