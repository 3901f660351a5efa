"""The words of `/ekspor [xlsx|csv] [koma|titikkoma] [DARI [SAMPAI]] [kode wilayah]`.

Pure: no Telegram, no database. A word that cannot be read is a problem naming that word
and why, never a silent default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.domain.regions import is_within, level_of

DEFAULT_DAYS = 30
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
FORMAT_WORDS = {"xlsx": "xlsx", "excel": "xlsx", "csv": "csv"}
# The CSV separator, in words an officer can type on a phone (or the sign itself).
SEPARATOR_WORDS = {
    "titikkoma": ";",
    "titik-koma": ";",
    "semicolon": ";",
    ";": ";",
    "csv;": ";",
    "koma": ",",
    "comma": ",",
    ",": ",",
    "csv,": ",",
}


@dataclass(frozen=True)
class ExportArgs:
    fmt: str
    first: date
    last: date
    region: str
    separator: str | None = None


@dataclass(frozen=True)
class ExportProblem:
    """Catalog key `export.problem.<kind>`; `word` the culprit, `dates` for reversed ones."""

    kind: str
    word: str = ""
    dates: tuple[date, ...] = field(default=())


def parse_export_args(
    words: Sequence[str], *, own_region: str, today: date
) -> ExportArgs | ExportProblem:
    fmt: str | None = None
    separator: str | None = None
    dates: list[date] = []
    region: str | None = None
    for word in words:
        lowered = word.lower()
        if lowered in FORMAT_WORDS:
            if fmt not in (None, FORMAT_WORDS[lowered]):
                return ExportProblem("two_formats", word)
            fmt = FORMAT_WORDS[lowered]
        elif lowered in SEPARATOR_WORDS:
            if separator not in (None, SEPARATOR_WORDS[lowered]):
                return ExportProblem("two_separators", word)
            separator = SEPARATOR_WORDS[lowered]
        elif _DATE.match(word):
            year, month, day = (int(part) for part in word.split("-"))
            try:
                dates.append(date(year, month, day))
            except ValueError:
                return ExportProblem("bad_date", word)
        elif level_of(word) is not None:
            if not is_within(word, own_region):
                return ExportProblem("outside", word)
            if region is not None and region != word:
                return ExportProblem("two_regions", word)
            region = word
        elif _DATE_LIKE.match(word):
            return ExportProblem("date_format", word)
        else:
            return ExportProblem("word", word[:40])
    if separator is not None:
        if fmt == "xlsx":
            return ExportProblem("separator_xlsx")
        fmt = "csv"
    if len(dates) > 2:
        return ExportProblem("too_many_dates")
    first = dates[0] if dates else today - timedelta(days=DEFAULT_DAYS - 1)
    last = dates[1] if len(dates) > 1 else (first if len(dates) == 1 else today)
    if last < first:
        return ExportProblem("reversed", dates=(first, last))
    return ExportArgs(fmt or "xlsx", first, last, region or own_region, separator)
