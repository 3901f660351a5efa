"""Typed coordinates, typed button answers, and who an incident reaches at each level."""

from __future__ import annotations

import pytest

from bot.domain.choices import match_choice, normalize
from bot.domain.geo import Coordinates, CoordinatesOutOfRange, parse_coordinates
from bot.domain.incidents import (
    Coordinator,
    GroupFeed,
    escalation_detail,
    escalation_levels,
    escalation_recipients,
    first_recipients,
    parse_escalation_detail,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-3.123, 122.456", (-3.123, 122.456)),
        ("-3.123,122.456", (-3.123, 122.456)),
        ("-3.123 122.456", (-3.123, 122.456)),
        ("  -3,123 122,456 ", (-3.123, 122.456)),
        ("https://www.google.com/maps/place/Wanggudu/@-3.4512,122.0876,15z", (-3.4512, 122.0876)),
        ("https://maps.google.com/?q=-3.1,122.2", (-3.1, 122.2)),
        ("https://www.google.com/maps/search/?api=1&query=-3.1%2C122.2", (-3.1, 122.2)),
        ("maps.google.com/?q=-3.1,122.2", (-3.1, 122.2)),
        ("90, -180", (90.0, -180.0)),
    ],
)
def test_coordinates_written_as_people_write_them(text: str, expected: tuple[float, float]) -> None:
    assert parse_coordinates(text) == Coordinates(*expected)


@pytest.mark.parametrize("text", ["", "Lewati", "jalan putus", "12", "1 2 3", "https://x.org/"])
def test_not_coordinates(text: str) -> None:
    assert parse_coordinates(text) is None


@pytest.mark.parametrize("text", ["-95.5, 122.4", "200 300", "10, 181"])
def test_impossible_coordinates_are_refused(text: str) -> None:
    with pytest.raises(CoordinatesOutOfRange):
        parse_coordinates(text)


CHOICES = {
    "kritis": ["🚨 Kritis", "🚨 Critical", "darurat"],
    "tinggi": ["🟠 Tinggi", "🟠 High"],
    "sedang": ["🟡 Sedang", "🟡 Medium"],
    "rendah": ["🟢 Rendah", "🟢 Low"],
    "logistik_rusak": ["Logistik rusak", "Logistics damaged"],
    "logistik_hilang": ["Logistik hilang", "Logistics lost"],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kritis", "kritis"),
        ("🚨 KRITIS", "kritis"),
        ("critical!", "kritis"),
        ("Darurat", "kritis"),
        ("tingg", "tinggi"),  # a unique start
        ("logistik hilang", "logistik_hilang"),
        ("logistik", None),  # the start of two
        ("ti", None),  # too short to be a start
        ("banjir", None),
        ("", None),
    ],
)
def test_a_typed_answer_matches_one_button_or_none(text: str, expected: str | None) -> None:
    assert match_choice(text, CHOICES) == expected


def test_normalize_drops_emoji_and_punctuation() -> None:
    assert normalize("✅  Siap!") == "siap" and normalize("belum_siap") == "belum siap"


def _c(telegram_id: int, region: str) -> Coordinator:
    return Coordinator(telegram_id, telegram_id, region, "id")


def test_the_nearest_staffed_level_is_alerted_and_the_next_one_on_escalation() -> None:
    people = [_c(1, "74.09.01"), _c(2, "74.09"), _c(3, "74.09"), _c(4, "74"), _c(5, "74.01")]
    feeds = [GroupFeed(-10, None, "74.09", "id"), GroupFeed(-11, None, "74.01", "id")]
    first = first_recipients("74.09.01.1005", people, feeds)
    assert [p.telegram_id for p in first.people] == [1]
    assert [g.chat_id for g in first.groups] == [-10]
    levels = escalation_levels("74.09.01.1005", people, reporter_telegram_id=None)
    assert levels == ["74.09.01", "74.09", "74"]
    assert [p.telegram_id for p in escalation_recipients(levels[1], people)] == [2, 3]


def test_a_coordinator_reporting_in_their_own_region_is_not_their_own_first_level() -> None:
    people = [_c(1, "74.09.01"), _c(2, "74.09")]
    first = first_recipients("74.09.01", people, [], reporter_telegram_id=1)
    assert [p.telegram_id for p in first.people] == [2]
    assert escalation_levels("74.09.01", people, reporter_telegram_id=1) == ["74.09"]


def test_escalation_detail_round_trip() -> None:
    assert parse_escalation_detail(escalation_detail("74.09", 2)) == ("74.09", 2)
    assert parse_escalation_detail("74") == ("74", None)  # rows written before the count
    assert parse_escalation_detail("oops") is None
