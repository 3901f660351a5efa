"""Export cells and /ekspor words, without a bot: the rules the e2e tests see through it."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.export_args import ExportArgs, ExportProblem, parse_export_args
from bot.export_cells import ColumnWidths, csv_cell, default_separator, display_width

TODAY = date(2024, 2, 7)


def _parse(*words: str) -> ExportArgs | ExportProblem:
    return parse_export_args(words, own_region="74.09", today=TODAY)


def test_defaults_and_words() -> None:
    assert _parse() == ExportArgs("xlsx", date(2024, 1, 9), TODAY, "74.09", None)
    assert _parse("csv", "koma") == ExportArgs("csv", date(2024, 1, 9), TODAY, "74.09", ",")
    assert _parse("titik-koma").fmt == "csv"  # type: ignore[union-attr]
    assert _parse("CSV;").separator == ";"  # type: ignore[union-attr]
    one_day = _parse("2024-02-01", "74.09.01")
    assert one_day == ExportArgs("xlsx", date(2024, 2, 1), date(2024, 2, 1), "74.09.01")


def test_problems_name_the_word() -> None:
    assert _parse("kemarin") == ExportProblem("word", "kemarin")
    assert _parse("2024-02-30") == ExportProblem("bad_date", "2024-02-30")
    assert _parse("7/2/2024") == ExportProblem("date_format", "7/2/2024")
    assert _parse("74.01") == ExportProblem("outside", "74.01")
    assert _parse("74") == ExportProblem("outside", "74")  # above one's own region
    assert _parse("2024-02-07", "2024-02-01") == ExportProblem(
        "reversed", dates=(date(2024, 2, 7), date(2024, 2, 1))
    )
    assert _parse("xlsx", "koma") == ExportProblem("separator_xlsx")
    assert _parse("2024-01-01", "2024-01-02", "2024-01-03") == ExportProblem("too_many_dates")


def test_csv_cells() -> None:
    assert default_separator("id") == ";" and default_separator("en") == ","
    assert csv_cell("=1+1", ",") == "'=1+1" and csv_cell("@x", ";") == "'@x"
    assert csv_cell("normal", ",") == "normal" and csv_cell(None, ",") == ""
    assert csv_cell(-3.8123, ";") == "-3,8123"  # Indonesian Excel's decimal comma
    assert csv_cell(-3.8123, ",") == -3.8123
    assert csv_cell(datetime(2024, 2, 7, 8, 46), ";") == "2024-02-07 08:46"


def test_column_widths_fit_and_are_bounded() -> None:
    widths = ColumnWidths(["Ref", "Catatan", "Wilayah"], ["reference", "note", "region"])
    widths.observe(["R-0001", "x" * 500, "y" * 500])
    widths.observe(["R-0002", None, "short"])
    assert widths.widths() == [7.0, 60.0, 40.0]
    assert widths.wrapped(1) and not widths.wrapped(0)
    assert display_width("🟡 Sebagian") == len("🟡 Sebagian") + 1


def test_contradicting_words_are_not_guessed() -> None:
    assert _parse("xlsx", "csv") == ExportProblem("two_formats", "csv")
    assert _parse("koma", "titikkoma") == ExportProblem("two_separators", "titikkoma")
    assert _parse("74.09.01", "74.09.02") == ExportProblem("two_regions", "74.09.02")
    assert _parse("csv", "CSV", "74.09.01", "74.09.01").fmt == "csv"  # type: ignore[union-attr]
