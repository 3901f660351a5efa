"""tools/check_duplicates.py: runs of six identical lines, within a file and across files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tools.check_duplicates import find_repeats, significant_lines

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "check_duplicates.py"

BODY = """\
    query = update.callback_query
    assert query is not None
    data = personal_button(update, context, private=True)
    if data is None:
        return
    actor = await require_actor(update, context)
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _described(folder: Path) -> list[str]:
    paths = sorted(folder.glob("*.py"))
    return [repeat.describe(folder) for repeat in find_repeats(paths)]


def test_significant_lines_skip_blanks_comments_and_imports_and_normalise_spaces() -> None:
    source = (
        "import os\n"
        "from typing import (\n"
        "    Any,\n"
        ")\n"
        "\n"
        "# a comment\n"
        "def f(x):\n"
        "    y  =   x   # trailing\n"
        "    from bot import ui\n"
        "    return '# not a comment'\n"
    )
    assert [(line.number, line.text) for line in significant_lines(source)] == [
        (7, "def f(x):"),
        (8, "y = x"),
        (10, "return '# not a comment'"),
    ]


def test_a_run_across_two_files_is_reported_with_both_places(tmp_path: Path) -> None:
    _write(tmp_path, "a.py", f"async def one(update, context):\n{BODY}    return 1\n")
    _write(
        tmp_path,
        "b.py",
        f"x = 1\n\n\nasync def two(update, context):\n{BODY}    return 2\n",
    )
    assert _described(tmp_path) == [
        "a.py:2-7 and b.py:5-10: 6 repeated lines, from `query = update.callback_query`"
    ]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == _described(tmp_path)


def test_a_run_within_one_file_is_reported_at_its_longest(tmp_path: Path) -> None:
    spaced = BODY.replace("    if data is None:", "    # why\n\n    if   data is None:")
    _write(
        tmp_path,
        "a.py",
        f"async def one(update, context):\n{BODY}    lang = context.lang\n    return 1\n\n\n"
        f"async def two(update, context):\n{spaced}    lang = context.lang\n    return 2\n",
    )
    assert _described(tmp_path) == [
        "a.py:2-8 and a.py:13-21: 7 repeated lines, from `query = update.callback_query`"
    ]


def test_five_lines_or_differing_lines_pass(tmp_path: Path) -> None:
    five = "".join(BODY.splitlines(keepends=True)[:5])
    _write(tmp_path, "a.py", f"async def one(update, context):\n{five}    return 1\n")
    _write(tmp_path, "b.py", f"async def two(update, context):\n{five}    return 2\n")
    _write(tmp_path, "c.py", f"async def three(update, context):\n{BODY.replace('True', 'False')}")
    assert _described(tmp_path) == []
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "")


def test_overlapping_windows_of_one_repeated_line_are_not_a_repeat(tmp_path: Path) -> None:
    _write(tmp_path, "a.py", "x = 1\n" * 11)
    assert _described(tmp_path) == []
    _write(tmp_path, "a.py", "x = 1\n" * 12)
    assert _described(tmp_path) == [
        "a.py:1-6 and a.py:7-12: 6 repeated lines, from `x = 1`",
    ]
