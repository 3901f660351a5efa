"""The Kemendagri region tree: codes, levels, subtrees, and validation of imported rows.

Codes nest by prefix (`74` ⊃ `74.09` ⊃ `74.09.01` ⊃ `74.09.01.2001`), so "inside the
subtree of X" is a string test and a range query, with no recursive walk.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.types import LEVEL_DEPTH, RegionLevel

CODE_PATTERNS = {
    RegionLevel.PROVINCE: re.compile(r"^\d{2}$"),
    RegionLevel.REGENCY: re.compile(r"^\d{2}\.\d{2}$"),
    RegionLevel.DISTRICT: re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
    RegionLevel.VILLAGE: re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"),
}
CSV_COLUMNS = ("code", "parent_code", "name", "level")


def is_within(code: str, root: str) -> bool:
    """True when `code` is `root` itself or lies below it."""
    return code == root or code.startswith(root + ".")


def subtree_range(root: str) -> tuple[str, str]:
    """Half-open string range holding `root` and every code below it. Codes are digits and
    dots ('/' follows '.', '0' follows '/'), so nothing else falls in it: `74.090` lies
    after `74.09/`."""
    return root, root + "/"


def level_of(code: str) -> RegionLevel | None:
    for level, pattern in CODE_PATTERNS.items():
        if pattern.match(code):
            return level
    return None


def parent_of(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestors_of(code: str) -> list[str]:
    """Codes from the top down to, but not including, `code`."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def relation(code: str, root: str) -> str:
    """How `code` stands to `root`: own, below, above, or outside."""
    if code == root:
        return "own"
    if is_within(code, root):
        return "below"
    if is_within(root, code):
        return "above"
    return "outside"


@dataclass(frozen=True)
class RegionRow:
    code: str
    parent_code: str | None
    name: str
    level: RegionLevel


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class RegionFileError(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"{len(problems)} bad row(s): {shown}{more}")


def parse_region_csv(text: str, *, known_codes: Iterable[str] = ()) -> list[RegionRow]:
    """Validate a whole CSV (`code,parent_code,name,level`) before anything is written.

    Every row must have a valid code for its level, and a parent that is the code's own
    prefix, one level up, present in the file or already known. All problems are collected
    with their line numbers, so one run tells the operator everything to fix.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    problems: list[RowProblem] = []
    header = next(reader, None)
    if header is None or tuple(h.strip().lower() for h in header) != CSV_COLUMNS:
        raise RegionFileError([RowProblem(1, f"header must be {','.join(CSV_COLUMNS)}")])

    rows: list[RegionRow] = []
    seen: dict[str, int] = {}
    for line_number, fields in enumerate(reader, start=2):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != 4:
            problems.append(RowProblem(line_number, f"expected 4 columns, found {len(fields)}"))
            continue
        code, parent, name, level_text = (f.strip() for f in fields)
        try:
            level = RegionLevel(level_text.lower())
        except ValueError:
            problems.append(RowProblem(line_number, f"unknown level {level_text[:20]!r}"))
            continue
        if not CODE_PATTERNS[level].match(code):
            problems.append(RowProblem(line_number, f"code {code[:20]!r} is not a {level} code"))
            continue
        if not name or len(name) > 120:
            problems.append(RowProblem(line_number, "name must be 1 to 120 characters"))
            continue
        expected_parent = parent_of(code)
        if (parent or None) != expected_parent:
            problems.append(
                RowProblem(line_number, f"parent of {code} must be {expected_parent or 'empty'}")
            )
            continue
        if code in seen:
            problems.append(RowProblem(line_number, f"code {code} repeats line {seen[code]}"))
            continue
        seen[code] = line_number
        rows.append(RegionRow(code, expected_parent, name, level))

    known = set(known_codes) | set(seen)
    for row in rows:
        if row.parent_code is not None and row.parent_code not in known:
            problems.append(RowProblem(seen[row.code], f"parent {row.parent_code} is unknown"))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise RegionFileError(problems)
    # Parents before children, so inserts satisfy the foreign key in one pass.
    rows.sort(key=lambda r: (LEVEL_DEPTH[r.level], r.code))
    return rows
