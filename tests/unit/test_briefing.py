"""The briefing without a bot: the words of /paparan, its figures, and the document's layout
promises (header repeated on every page of a long table, words never cut, typed text drawn
as typed, page numbers, map left out without outlines)."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from bot.briefing.pdf import render_briefing
from bot.domain.briefing import (
    AreaChange,
    BriefingArgs,
    BriefingData,
    BriefingIncident,
    BriefingProblem,
    MapArea,
    MatrixRow,
    ReadinessPoint,
    countdowns,
    days_between,
    largest_changes,
    open_counts,
    parse_briefing_args,
)
from bot.domain.incidents import SEVERITY_RANK

TZ = ZoneInfo("Asia/Makassar")
TODAY = date(2024, 2, 7)
ASPECTS = (
    "Tata kelola",
    "Kesiapan petugas",
    "Ketersediaan logistik",
    "Distribusi logistik",
    "Sistem & teknologi",
    "Keamanan & ketertiban",
    "Anggaran",
    "Data kependudukan",
    "Regulasi",
    "Penanganan sengketa",
)
LONG = (
    "Jembatan gantung menuju desa Walasolo putus setelah hujan deras semalaman sehingga "
    "logistik pemilu harus dipikul melewati sungai oleh petugas PPS bersama warga setempat"
)


def test_words_of_paparan() -> None:
    parse = parse_briefing_args
    own = "74.09"
    assert parse([], own_region=own, today=TODAY) == BriefingArgs("74.09", date(2024, 1, 31))
    assert parse(["74.09.01", "sejak", "2024-02-01"], own_region=own, today=TODAY) == (
        BriefingArgs("74.09.01", date(2024, 2, 1))
    )
    assert parse(["since", "2024-2-1"], own_region=own, today=TODAY) == (
        BriefingArgs("74.09", date(2024, 2, 1))
    )
    problems = {
        ("sejak",): "since_needs_date",
        ("sejak", "kemarin"): "since_needs_date",
        ("sejak", "1/2/2024"): "date_format",
        ("sejak", "2024-02-30"): "bad_date",
        ("2024-02-01",): "date_without_since",
        ("sejak", "2024-02-01", "sejak", "2024-02-02"): "two_dates",
        ("sejak", "2024-02-07"): "since_not_before",
        ("74.09.01", "74.09.02"): "two_regions",
        ("rapat",): "word",
    }
    for words, kind in problems.items():
        parsed = parse(list(words), own_region=own, today=TODAY)
        assert isinstance(parsed, BriefingProblem) and parsed.kind == kind, (words, parsed)
    # Another regency parses; whether it is the person's is the policy's answer.
    assert parse(["74.01"], own_region=own, today=TODAY) == BriefingArgs(
        "74.01", TODAY - timedelta(7)
    )


def test_largest_changes_either_way_and_ties_by_name() -> None:
    def row(code: str, name: str, *states: str | None) -> MatrixRow:
        return MatrixRow(code, name, states)

    before = [
        row("1", "Asera", "not_ready", "not_ready", None),
        row("2", "Lasolo", "ready", "ready", "ready"),
        row("3", "Molawe", None, None, None),
        row("4", "Sawa", "ready", None, None),
        row("5", "Lembo", "partial", None, None),
    ]
    now = [
        row("1", "Asera", "ready", "ready", "ready"),
        row("2", "Lasolo", "ready", "not_ready", "not_ready"),
        row("3", "Molawe", "ready", None, None),
        row("4", "Sawa", "ready", None, None),
        row("5", "Lembo", "ready", None, None),
    ]
    assert [(c.name, c.before, c.after) for c in largest_changes(now, before)] == [
        ("Asera", 0, 3),
        ("Lasolo", 3, 1),
        ("Lembo", 0, 1),  # Lembo before Molawe: same size, by name; Sawa did not move
    ]


def test_countdowns_and_counts() -> None:
    [first, second] = countdowns(
        [("Pilkada", "Pilkada", date(2024, 11, 27)), ("Pemilu 2024", "Pemilu", date(2024, 2, 14))],
        TODAY,
    )
    assert (first.name, first.label, second.label) == ("Pemilu 2024", "H-7", "H-294")
    assert countdowns([("x", "y", TODAY)], TODAY)[0].label == "Hari H"
    assert open_counts(["tinggi", "kritis", "tinggi"], SEVERITY_RANK) == (
        ("kritis", 1),
        ("tinggi", 2),
        ("sedang", 0),
        ("rendah", 0),
    )
    assert days_between(date(2024, 1, 31), TODAY)[1] == date(2024, 2, 1)


def _data(incidents: int, *, outlines: bool = False) -> BriefingData:
    rows = tuple(
        MatrixRow(f"74.09.{n:02d}", f"Kecamatan {n}", ("ready", "partial", None) + ("ready",) * 7)
        for n in range(1, 14)
    )
    created = datetime(2024, 2, 6, 1, tzinfo=UTC)
    open_ = tuple(
        BriefingIncident(
            f"I-{n:04d}",
            "tinggi",
            "Akses jalan",
            "Walasolo, Asera",
            "new",
            f"{LONG} <b>{n}</b> 🚧 =cmd|' /C calc'!A0",
            created,
        )
        for n in range(1, incidents + 1)
    )
    square = ((122.0, -3.0), (122.1, -3.0), (122.1, -3.1), (122.0, -3.1), (122.0, -3.0))
    return BriefingData(
        region_code="74.09",
        region_name="Kabupaten Konawe Utara",
        day=TODAY,
        as_of=datetime(2024, 2, 7, 1, tzinfo=UTC),
        since=date(2024, 1, 31),
        producer="Koor <i>Konut</i>",
        elections=countdowns([("Pemilu 2024", "Pemilu", date(2024, 2, 14))], TODAY),
        aspects=ASPECTS,
        matrix=rows,
        silent_areas=("Sawa",),
        open_by_severity=open_counts([i.severity for i in open_], SEVERITY_RANK),
        open_incidents=open_,
        resolved_incidents=(),
        timeline=tuple(
            ReadinessPoint(d, 60 + n, 130)
            for n, d in enumerate(days_between(date(2024, 1, 31), TODAY))
        ),
        changes=(AreaChange("Kecamatan 1", 3, 8, 10),),
        areas=tuple(
            MapArea(
                r.code,
                r.name,
                0.5,
                ((122.05, -3.05, "tinggi"),),
                (square,) if outlines else (),
                (122.05, -3.05),
            )
            for r in rows
        ),
    )


def _pages(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_long_table_repeats_its_header_and_cuts_no_word() -> None:
    pages = _pages(render_briefing(_data(40), "id", TZ))
    with_incidents = [p for p in pages if "I-00" in p]
    assert len(with_incidents) >= 3  # the table spans pages
    for page in with_incidents:
        assert "No. Tingkat Jenis Lokasi Status Dilaporkan Keterangan" in page
    everything = " ".join(pages)
    # Every word of the long description is whole on some line: wrapping is between words.
    words = set(re.findall(r"\w+", everything))
    for word in re.findall(r"\w+", LONG):
        assert word in words, word
    assert "<b>7</b>" in everything and "=cmd|' /C calc'!A0" in everything  # drawn as typed
    assert "\ufffd" in everything  # the emoji the font lacks is marked, not dropped silently
    assert "Koor <i>Konut</i>" in pages[0]
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
    # Aspect names on the matrix page are whole words too (the font shrinks to fit).
    matrix = next(p for p in pages if "Matriks kesiapan" in p)
    for label in ASPECTS:
        for word in label.split():
            assert word in matrix, word


def test_the_map_needs_outlines_and_english_reads_english() -> None:
    without = _pages(render_briefing(_data(2), "id", TZ))
    assert not any("Peta kesiapan" in p for p in without)
    english = _pages(render_briefing(_data(2, outlines=True), "en", TZ))
    assert "Readiness map" in " ".join(english)
    assert "Wednesday, 7 February 2024" in english[0] and "Page 1 of" in english[0]
    assert "H-7" in english[0] and "to the vote of Pemilu 2024" in english[0]
