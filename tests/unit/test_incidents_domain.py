from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.incidents import (
    Coordinator,
    GroupFeed,
    IncidentSyntaxError,
    TypeInfo,
    alert_recipients,
    coordinator_levels,
    next_escalation,
    open_order_key,
    parse_escalation_minutes,
)
from bot.domain.lines import parse_incident_line

TYPES = [
    TypeInfo("bencana", "Bencana alam", "Natural disaster", "gangguan", ("banjir", "flood")),
    TypeInfo("hoaks", "Hoaks/disinformasi", "Hoax", "ancaman", ("hoax",)),
    TypeInfo("politik_uang", "Politik uang", "Money politics", "ancaman", ("uang",)),
]
NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)


def _c(telegram_id: int, region: str) -> Coordinator:
    return Coordinator(
        person_id=telegram_id, telegram_id=telegram_id, region_code=region, language="id"
    )


def test_recipients_are_the_coordinators_above_and_matching_groups() -> None:
    coordinators = [
        _c(1, "74.09.01"),
        _c(2, "74.09"),
        _c(3, "74"),
        _c(4, "74.01"),
        _c(5, "74.09.02"),
        _c(6, "74.09.01.1005"),
    ]
    groups = [GroupFeed(-10, None, "74.09", "id"), GroupFeed(-11, 7, "74.01", "en")]
    result = alert_recipients("74.09.01.1005", coordinators, groups, reporter_telegram_id=6)
    assert [c.telegram_id for c in result.people] == [1, 2, 3]  # deepest first, no reporter
    assert [g.chat_id for g in result.groups] == [-10]


def test_escalation_climbs_staffed_levels_only() -> None:
    coordinators = [_c(1, "74.09.01"), _c(3, "74")]  # nobody at the regency
    levels = coordinator_levels("74.09.01.1005", coordinators)
    assert levels == ["74.09.01", "74"]
    minutes = {"kritis": 10}
    assert next_escalation(
        levels=levels, current_level=0, severity="kritis", now=NOW, minutes=minutes
    ) == (1, NOW + timedelta(minutes=10))
    assert next_escalation(
        levels=levels, current_level=1, severity="kritis", now=NOW, minutes=minutes
    ) == (2, None)
    assert next_escalation(
        levels=levels, current_level=0, severity="rendah", now=NOW, minutes=minutes
    ) == (1, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'kritis bencana "banjir, jembatan putus ke desa X"',
            ("kritis", "bencana", "gangguan", "banjir, jembatan putus ke desa X", None),
        ),
        ("banjir tinggi air naik", ("tinggi", "bencana", "gangguan", "air naik", None)),
        (
            "74.09.01 sedang uang ancaman bagi amplop",
            ("sedang", "politik_uang", "ancaman", "bagi amplop", "74.09.01"),
        ),
        (
            "critical hoax tantangan pesan berantai",
            ("kritis", "hoaks", "tantangan", "pesan berantai", None),
        ),
    ],
)
def test_one_line_incidents(line: str, expected: tuple[object, ...]) -> None:
    parsed = parse_incident_line(line, TYPES)
    assert (
        parsed.severity.value,
        parsed.type_code,
        parsed.athg_class.value,
        parsed.description,
        parsed.region,
    ) == expected


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("bencana banjir", "incident.syntax.severity"),
        ("kritis", "incident.syntax.type"),
        ("kritis bencana", "incident.syntax.description"),
        ("kritis bencana " + "x" * 4001, "incident.syntax.too_long"),
    ],
)
def test_bad_incident_lines(line: str, key: str) -> None:
    with pytest.raises(IncidentSyntaxError) as raised:
        parse_incident_line(line, TYPES)
    assert raised.value.key == key


@given(st.text(max_size=200))
def test_incident_parser_never_crashes(line: str) -> None:
    try:
        parsed = parse_incident_line(line, TYPES)
    except IncidentSyntaxError:
        return
    assert parsed.description


def test_open_order_and_escalation_setting() -> None:
    older, newer = NOW, NOW + timedelta(hours=1)
    keys = sorted(
        [
            open_order_key("rendah", older),
            open_order_key("kritis", newer),
            open_order_key("kritis", older),
        ]
    )
    assert keys == [(0, older), (0, newer), (3, older)]
    assert parse_escalation_minutes("kritis=5, high=20") == {"kritis": 5, "tinggi": 20}
    with pytest.raises(ValueError):
        parse_escalation_minutes("parah=5")
