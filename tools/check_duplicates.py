"""The duplicate check (`make lint`): fails when a run of six or more identical lines occurs
twice in `bot/handlers` (within one file or across files).

Lines are compared with their whitespace normalised; blank lines, comments and import
statements are left out (a run may span them). Each repeated run is printed once per pair
of places, at its longest. Usage: `python tools/check_duplicates.py [DIR ...]` (default:
bot/handlers of this checkout); exits 1 if any run is found.
"""

from __future__ import annotations

import ast
import io
import sys
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

MIN_RUN = 6


@dataclass(frozen=True)
class Line:
    text: str  # whitespace-normalised, comment removed
    number: int  # 1-based, in the file


@dataclass(frozen=True)
class Repeat:
    first: tuple[Path, int, int]  # path, first line, last line
    second: tuple[Path, int, int]
    length: int  # significant lines in the run
    sample: str

    def describe(self, root: Path | None = None) -> str:
        def place(where: tuple[Path, int, int]) -> str:
            path, start, end = where
            shown = path.relative_to(root) if root and path.is_relative_to(root) else path
            return f"{shown.as_posix()}:{start}-{end}"

        return (
            f"{place(self.first)} and {place(self.second)}: "
            f"{self.length} repeated lines, from `{self.sample}`"
        )


def significant_lines(source: str) -> list[Line]:
    """The lines that count: no blank lines, no comments, no import statements."""
    raw = source.splitlines()
    comment_starts: dict[int, int] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comment_starts[token.start[0]] = token.start[1]
    import_lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            import_lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    lines = []
    for number, text in enumerate(raw, start=1):
        if number in import_lines:
            continue
        if number in comment_starts:
            text = text[: comment_starts[number]]
        normalised = " ".join(text.split())
        if normalised:
            lines.append(Line(normalised, number))
    return lines


def find_repeats(paths: list[Path], min_run: int = MIN_RUN) -> list[Repeat]:
    files = {path: significant_lines(path.read_text(encoding="utf-8")) for path in paths}
    windows: dict[tuple[str, ...], list[tuple[Path, int]]] = defaultdict(list)
    for path, lines in files.items():
        for start in range(len(lines) - min_run + 1):
            key = tuple(line.text for line in lines[start : start + min_run])
            windows[key].append((path, start))
    # Every pair of places where one window of `min_run` lines recurs (not overlapping).
    pairs: set[tuple[Path, int, Path, int]] = set()
    for places in windows.values():
        for index, (path_a, a) in enumerate(places):
            for path_b, b in places[index + 1 :]:
                if path_a != path_b or abs(a - b) >= min_run:
                    pairs.add((path_a, a, path_b, b))
    repeats = []
    for path_a, a, path_b, b in sorted(pairs):
        if (path_a, a - 1, path_b, b - 1) in pairs:
            continue  # inside a longer run, reported from its start
        extra = 0
        while (path_a, a + extra + 1, path_b, b + extra + 1) in pairs:
            extra += 1
        length = min_run + extra
        lines_a, lines_b = files[path_a], files[path_b]
        repeats.append(
            Repeat(
                first=(path_a, lines_a[a].number, lines_a[a + length - 1].number),
                second=(path_b, lines_b[b].number, lines_b[b + length - 1].number),
                length=length,
                sample=lines_a[a].text,
            )
        )
    return repeats


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    folders = [Path(arg) for arg in argv[1:]] or [root / "bot" / "handlers"]
    paths = sorted(path.resolve() for folder in folders for path in folder.rglob("*.py"))
    repeats = find_repeats(paths)
    for repeat in repeats:
        print(repeat.describe(Path.cwd().resolve()))
    return 1 if repeats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
