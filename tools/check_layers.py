"""The layer check (`make lint`): fails when an import crosses a layer boundary.

The rules (README, "Architecture"):
- `bot/handlers` never imports `storage` (handlers call services);
- `bot/domain` imports neither telegram, sqlalchemy, sqlmodel, aiohttp nor storage, and no
  `bot.` module outside `bot.domain` but the catalogs `bot.i18n` (the domain is pure; the
  catalogs are held to the same rules);
- `storage` imports nothing of `bot` but `bot.domain`;
- `bot/services` never reaches `telegram`, directly or through the project's modules it
  imports (followed through the whole import graph of `bot` and `storage`).

Imports inside functions count (they run when the function does); imports under
`if TYPE_CHECKING:` do not (they never run). Usage: `python tools/check_layers.py [ROOT]`;
prints one line per violation (file:line, the import, the rule) and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROJECT_PACKAGES = ("bot", "storage")
IMPURE_FOR_DOMAIN = ("telegram", "sqlalchemy", "sqlmodel", "aiohttp", "storage")
# The pure core: the domain, and the message catalogs it words its texts with (held to the
# same rules, so they stay pure too).
PURE_PACKAGES = ("bot.domain", "bot.i18n")


@dataclass(frozen=True)
class Import:
    """One imported module name, where it is imported (`line` of the import statement).
    `implicit`: a package Python imports on the way (`bot` and `bot.domain` for
    `import bot.domain.types`), which the direct rules do not judge."""

    module: str
    line: int
    implicit: bool = False


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.imported}: {self.rule}"


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _run_time_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement in `body` and below it, except what only runs under TYPE_CHECKING."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If) and _is_type_checking(statement.test):
            yield from _run_time_statements(statement.orelse)
            continue
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(statement, name, None)
            if not isinstance(children, list):
                continue
            for child in children:
                if isinstance(child, ast.stmt):
                    yield from _run_time_statements([child])
                elif hasattr(child, "body"):  # except handlers, match cases
                    yield from _run_time_statements(child.body)


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, target] if target else base)


class Project:
    """The Python modules of `bot` and `storage` under `root`, and what each imports."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: dict[str, Path] = {}
        for package in PROJECT_PACKAGES:
            for path in sorted((root / package).rglob("*.py")):
                self.paths[_module_name(root, path)] = path
        self._imports: dict[str, list[Import]] = {}

    def relative_path(self, module: str) -> str:
        return self.paths[module].relative_to(self.root).as_posix()

    def imports(self, module: str) -> list[Import]:
        """The modules `module` imports at run time, in order; `import a.b.c` also names
        the packages `a` and `a.b` (Python runs their `__init__` first)."""
        if module not in self._imports:
            self._imports[module] = list(self._parse(module))
        return self._imports[module]

    def _parse(self, module: str) -> Iterator[Import]:
        path = self.paths[module]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for statement in _run_time_statements(tree.body):
            if isinstance(statement, ast.Import):
                for alias in statement.names:
                    yield from self._with_parents(alias.name, statement.lineno)
            elif isinstance(statement, ast.ImportFrom):
                if statement.level:
                    base = _resolve_relative(module, is_package, statement.level, statement.module)
                else:
                    base = statement.module or ""
                submodules = [f"{base}.{alias.name}" for alias in statement.names]
                submodules = [name for name in submodules if name in self.paths]
                only_submodules = len(submodules) == len(statement.names)
                yield from self._with_parents(base, statement.lineno, implicit=only_submodules)
                for submodule in submodules:  # `from bot.handlers import reports`
                    yield Import(submodule, statement.lineno)

    def _with_parents(self, name: str, line: int, *, implicit: bool = False) -> Iterator[Import]:
        parts = name.split(".")
        for end in range(1, len(parts)):
            yield Import(".".join(parts[:end]), line, implicit=True)
        yield Import(name, line, implicit=implicit)


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _direct_violations(project: Project) -> Iterator[Violation]:
    for module in project.paths:
        path = project.relative_path(module)
        seen: set[tuple[int, str]] = set()
        for imported in project.imports(module):
            if imported.implicit:
                continue
            rule = _direct_rule(module, imported.module)
            if rule and (imported.line, imported.module) not in seen:
                seen.add((imported.line, imported.module))
                yield Violation(path, imported.line, imported.module, rule)


def _direct_rule(module: str, imported: str) -> str | None:
    if _under(module, "bot.handlers") and _under(imported, "storage"):
        return "handlers never import storage (call a service in bot/services)"
    if any(_under(module, package) for package in PURE_PACKAGES):
        where = "bot/domain" if _under(module, "bot.domain") else "bot/i18n"
        if any(_under(imported, name) for name in IMPURE_FOR_DOMAIN):
            return f"{where} is pure: no telegram, sqlalchemy, sqlmodel, aiohttp or storage"
        if _under(imported, "bot") and not any(_under(imported, p) for p in PURE_PACKAGES):
            return f"{where} imports nothing of bot outside bot.domain and bot.i18n"
    if _under(module, "storage") and _under(imported, "bot") and not _under(imported, "bot.domain"):
        return "storage imports nothing of bot but bot.domain"
    return None


def _chains_to_telegram(project: Project) -> dict[str, list[str]]:
    """For each project module that reaches telegram at run time, the shortest chain of
    modules from it to the telegram import (found backwards from the modules that import
    telegram themselves, so import cycles need no special care)."""
    chains: dict[str, list[str]] = {}
    importers: dict[str, list[str]] = defaultdict(list)
    for module in project.paths:
        for imported in project.imports(module):
            if _under(imported.module, "telegram") and module not in chains:
                chains[module] = [module, imported.module]
            elif imported.module in project.paths and imported.module != module:
                importers[imported.module].append(module)
    waiting = deque(chains)
    while waiting:
        reached = waiting.popleft()
        for module in importers[reached]:
            if module not in chains:
                chains[module] = [module, *chains[reached]]
                waiting.append(module)
    return chains


def _services_violations(project: Project) -> Iterator[Violation]:
    chains = _chains_to_telegram(project)
    rule = "bot/services never reach telegram"
    for module in project.paths:
        if not _under(module, "bot.services"):
            continue
        by_line: dict[int, list[Import]] = {}
        for imported in project.imports(module):
            by_line.setdefault(imported.line, []).append(imported)
        for line, imports in by_line.items():
            shown = next(i.module for i in reversed(imports) if not i.implicit)
            for imported in imports:
                if _under(imported.module, "telegram"):
                    yield Violation(project.relative_path(module), line, shown, rule)
                    break
                if imported.module in chains and imported.module != module:
                    why = f"{rule} ({' -> '.join(chains[imported.module])})"
                    yield Violation(project.relative_path(module), line, shown, why)
                    break


def check(root: Path) -> list[Violation]:
    project = Project(root)
    violations = [*_direct_violations(project), *_services_violations(project)]
    return sorted(violations, key=lambda v: (v.path, v.line, v.imported))


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    try:
        violations = check(root)
    except SyntaxError as error:  # a merge conflict left in a file, say
        print(f"{error.filename}:{error.lineno}: cannot be parsed: {error.msg}")
        return 1
    for violation in violations:
        print(violation)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
