from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.lines import parse_report_line
from bot.domain.reports import (
    AspectInfo,
    CurrentState,
    ReportSyntaxError,
    parse_percent,
    reference,
    roll_up,
)
from bot.domain.types import ReportState
from bot.i18n import Html
from bot.render import shorten, split_lines
from bot.sandbox import html_to_entities

ASPECTS = [
    AspectInfo("logistik", "Ketersediaan logistik", "Logistics on hand", ("logistics", "stok")),
    AspectInfo("distribusi", "Distribusi logistik", "Logistics delivered", ("distribution",)),
    AspectInfo("keamanan", "Keamanan & ketertiban", "Security", ("security",)),
]
T0 = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'logistik siap 80% "kotak suara tiba"',
            ("logistik", "ready", None, 80, "kotak suara tiba"),
        ),
        ("LOGISTICS ready", ("logistik", "ready", None, None, None)),
        (
            "distribusi belum siap jalan putus",
            ("distribusi", "not_ready", None, None, "jalan putus"),
        ),
        ("distribusi 40% sebagian", ("distribusi", "partial", None, 40, None)),
        (
            "distribusi sebagian 40 persen sisa 3 desa",
            ("distribusi", "partial", None, 40, "sisa 3 desa"),
        ),
        ("74.09.01 keamanan not ready", ("keamanan", "not_ready", "74.09.01", None, None)),
        ("keamanan siap “aman terkendali”", ("keamanan", "ready", None, None, "aman terkendali")),
        ("stok siap 100", ("logistik", "ready", None, 100, None)),
    ],
)
def test_one_line_reports(line: str, expected: tuple[object, ...]) -> None:
    parsed = parse_report_line(line, ASPECTS)
    assert (
        parsed.aspect,
        parsed.state.value,
        parsed.region,
        parsed.progress,
        parsed.note,
    ) == expected


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("", "report.syntax.empty"),
        ("logistk siap", "report.syntax.aspect"),
        ("logistik", "report.syntax.state"),
        ("logistik mungkin", "report.syntax.state"),
        ("logistik siap 101%", "report.syntax.percent"),
        ("logistik siap " + "x" * 4001, "report.syntax.note_long"),
    ],
)
def test_bad_lines_say_why(line: str, key: str) -> None:
    with pytest.raises(ReportSyntaxError) as raised:
        parse_report_line(line, ASPECTS)
    assert raised.value.key == key


@given(st.text(max_size=300))
def test_parser_never_crashes(line: str) -> None:
    try:
        parsed = parse_report_line(line, ASPECTS)
    except ReportSyntaxError:
        return
    assert parsed.aspect in {a.code for a in ASPECTS}
    assert parsed.progress is None or 0 <= parsed.progress <= 100


def test_percent_and_reference() -> None:
    assert [parse_percent(x) for x in ("80", "80%", " 5 persen", "101", "x", "-1")] == [
        80,
        80,
        5,
        None,
        None,
        None,
    ]
    assert reference(42) == "R-0042" and reference(123456) == "R-123456"


def test_roll_up_is_worst_first_and_counts_missing() -> None:
    areas = [("74.09.01", "Asera"), ("74.09.05", "Lasolo"), ("74.09.02", "Wiwirano")]
    rows = [
        CurrentState("74.09.01.1005", "logistik", ReportState.READY.value, None, T0),
        CurrentState(
            "74.09.01.1009", "logistik", ReportState.NOT_READY.value, None, T0 + timedelta(hours=1)
        ),
        CurrentState("74.09.05", "logistik", ReportState.READY.value, 90, T0),
        CurrentState("74.09.05", "distribusi", ReportState.READY.value, None, T0),
        CurrentState("74.09.05", "keamanan", ReportState.READY.value, None, T0),
        CurrentState("74.01.01", "logistik", ReportState.NOT_READY.value, None, T0),  # elsewhere
    ]
    result = roll_up(areas, ["logistik", "distribusi", "keamanan"], rows)
    assert [a.name for a in result] == ["Asera", "Wiwirano", "Lasolo"]
    asera = result[0]
    assert asera.aspects["logistik"].state == "not_ready" and asera.aspects["logistik"].reports == 2
    assert asera.last_at == T0 + timedelta(hours=1)
    lasolo = result[2]
    assert lasolo.worst == "ready" and lasolo.aspects["logistik"].progress == 90
    assert result[1].last_at is None


def test_split_lines_keeps_every_chunk_valid_html() -> None:
    lines = [f"<b>Desa {i}</b> — 🔴 belum siap &amp; catatan" for i in range(400)]
    chunks = split_lines(Html("\n".join(lines)))
    assert len(chunks) > 1
    assert all(len(chunk) <= 4096 for chunk in chunks)
    for chunk in chunks:
        html_to_entities(chunk)  # raises on broken markup
    assert "\n".join(chunks) == "\n".join(lines)


def test_split_lines_cuts_one_huge_plain_line_outside_entities() -> None:
    text = Html(("kata &amp; " * 1200).strip())
    chunks = split_lines(text)
    assert all(len(c) <= 4096 for c in chunks)
    for chunk in chunks:
        html_to_entities(chunk)


def test_shorten() -> None:
    assert shorten("pendek", 10) == "pendek"
    assert shorten("kata kata kata kata", 12) == "kata kata…"
