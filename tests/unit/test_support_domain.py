"""Support requests, the pure rules: deadlines as people write them, the one-line form,
references, and who receives a request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.support import (
    AgencyInfo,
    Member,
    SupportSyntaxError,
    followers,
    handlers_at,
    next_level,
    parse_deadline,
    parse_reference,
    parse_request_line,
    reference,
    staffed_levels,
)

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)  # Wednesday 7 February 2024, 09.00 WITA
AGENCIES = [
    AgencyInfo("tni", "TNI", "TNI (armed forces)", ("kodim", "babinsa")),
    AgencyInfo("polri", "POLRI", "POLRI (police)", ("polisi",)),
    AgencyInfo("kpu", "KPU", "KPU", ()),
]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("10/2", datetime(2024, 2, 10, 23, 59, tzinfo=WITA)),
        ("2024-02-10", datetime(2024, 2, 10, 23, 59, tzinfo=WITA)),
        ("17:00", datetime(2024, 2, 7, 17, 0, tzinfo=WITA)),
        ("17.30", datetime(2024, 2, 7, 17, 30, tzinfo=WITA)),
        ("3 jam", NOW + timedelta(hours=3)),
        ("3jam", NOW + timedelta(hours=3)),
        ("2 hari", NOW + timedelta(days=2)),
        ("2 days", NOW + timedelta(days=2)),
        ("5/1", datetime(2025, 1, 5, 23, 59, tzinfo=WITA)),  # January has passed: next year's
    ],
)
def test_deadlines_as_people_write_them(words: str, expected: datetime) -> None:
    deadline, used = parse_deadline(words.split(), now=NOW, tz=WITA)
    assert deadline == expected and used == len(words.split())


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("08:00", "deadline_past"),
        ("2024-02-01", "deadline_past"),
        ("31/2", "deadline_invalid"),
        ("25:00", "deadline_invalid"),
        ("0 jam", "deadline_past"),
        ("400 hari", "deadline_far"),
    ],
)
def test_wrong_deadlines_say_what_was_wrong(words: str, key: str) -> None:
    with pytest.raises(SupportSyntaxError) as error:
        parse_deadline(words.split(), now=NOW, tz=WITA)
    assert error.value.key == key


def test_a_first_word_that_is_no_deadline_is_left_to_the_need() -> None:
    with pytest.raises(ValueError):
        parse_deadline(["angkutan"], now=NOW, tz=WITA)
    with pytest.raises(ValueError):
        parse_deadline(["3", "truk"], now=NOW, tz=WITA)


def test_one_line_request() -> None:
    parsed = parse_request_line(
        "Kodim 74.09.01.1005 10/2 segera angkutan logistik", agencies=AGENCIES, now=NOW, tz=WITA
    )
    assert (parsed.agency, parsed.region_code, parsed.urgency, parsed.need) == (
        "tni",
        "74.09.01.1005",
        "segera",
        "angkutan logistik",
    )
    assert parsed.deadline == datetime(2024, 2, 10, 23, 59, tzinfo=WITA)
    plain = parse_request_line("polri 3 truk pengamanan", agencies=AGENCIES, now=NOW, tz=WITA)
    assert plain.deadline is None and plain.need == "3 truk pengamanan"  # "3 truk": no deadline
    for line, key in (("basarnas perahu", "agency"), ("tni 10/2", "need"), ("", "empty")):
        with pytest.raises(SupportSyntaxError) as error:
            parse_request_line(line, agencies=AGENCIES, now=NOW, tz=WITA)
        assert error.value.key == key


def test_references() -> None:
    assert reference(7) == "D-0007"
    assert parse_reference("D-0007") == parse_reference("d7") == 7
    assert parse_reference("I-0007") is None


def _member(n: int, region: str, agency: str | None) -> Member:
    return Member(n, 1000 + n, region, agency, "id")


def test_routing_nearest_staffed_level_of_the_agency_and_the_requesters_own() -> None:
    members = [
        _member(1, "74", "tni"),
        _member(2, "74.09", "tni"),
        _member(3, "74.09", "polri"),
        _member(4, "74.09", "kpu"),
        _member(5, "74.01", "tni"),
        _member(6, "74.09.01", "pemda"),
    ]
    region = "74.09.01.1005"
    assert staffed_levels(region, "tni", members) == ["74.09", "74"]
    assert [m.person_id for m in handlers_at("74.09", "tni", members)] == [2]
    assert next_level(region, "tni", members, "74.09") == "74"
    assert next_level(region, "tni", members, "74") is None
    assert [m.person_id for m in followers(region, "pemda", members)] == [4, 6]
    assert [m.person_id for m in followers(region, "pemda", members, exclude={1006})] == [4]
