"""How export values become spreadsheet cells: XLSX column widths and wrapping, text that
stays text, and the CSV separator each reader's Excel expects.

Text a person typed that starts like a formula (`=`, `+`, `-`, `@`) must never run. In XLSX
it is stored as a text cell, so it shows exactly as typed (`=1+1`, no apostrophe). CSV has
no cell types: there it gets the apostrophe spreadsheets take as "this is text".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Columns of free text a person wrote: wrapped in XLSX, and given more room.
WRAPPED_COLUMNS = frozenset({"note", "description", "closing_note", "detail", "need"})
# Columns holding a local time: their header names the zone, "Waktu (WITA)".
TIME_COLUMNS = frozenset({"time", "acknowledged_at", "closed_at", "last_report", "deadline"})
MIN_WIDTH, MAX_WIDTH, MAX_WRAPPED_WIDTH = 6, 40, 60
TIME_FORMAT = "yyyy-mm-dd hh:mm"
_TIME_WIDTH = len("2024-02-07 08:46")
_WRAP = Alignment(wrap_text=True, vertical="top")


# The separator a reader's Excel opens without a wizard: Indonesian regional settings use
# the semicolon (and the decimal comma), English ones the comma.
def default_separator(lang: str) -> str:
    return "," if lang == "en" else ";"


def display_width(text: str) -> int:
    """Characters as a spreadsheet shows them: wide ones (emoji, CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


class ColumnWidths:
    """The widest value seen per column (header included), as bounded XLSX widths."""

    def __init__(self, header: Sequence[Any], keys: Sequence[str]):
        self._wrapped = [key in WRAPPED_COLUMNS for key in keys]
        # The header is bold and carries the filter arrow: a little extra room.
        self._widest = [display_width(str(value)) + 2 for value in header]

    def observe(self, row: Sequence[Any]) -> None:
        for index, value in enumerate(row[: len(self._widest)]):
            self._widest[index] = max(self._widest[index], _value_width(value))

    def widths(self) -> list[float]:
        result = []
        for widest, wrapped in zip(self._widest, self._wrapped, strict=True):
            bound = MAX_WRAPPED_WIDTH if wrapped else MAX_WIDTH
            result.append(float(min(bound, max(MIN_WIDTH, widest + 1))))
        return result

    def wrapped(self, index: int) -> bool:
        return index < len(self._wrapped) and self._wrapped[index]


def _value_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return _TIME_WIDTH
    if isinstance(value, float):
        return len(f"{value:.6f}".rstrip("0"))
    return max((display_width(line) for line in str(value).splitlines()), default=0)


def xlsx_cell(sheet: Any, value: Any, *, wrap: bool = False) -> Any:
    """A write-only cell: local times formatted, text always text (never a formula)."""
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = TIME_FORMAT
    elif isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula; it is what someone typed
    if wrap:
        cell.alignment = _WRAP
    return cell


def csv_cell(value: Any, separator: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float) and separator == ";":
        return repr(value).replace(".", ",")  # the decimal comma of the same regional settings
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
