"""tools/check_layers.py on small trees: each rule is caught, a clean tree passes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tools.check_layers import check

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "check_layers.py"

CLEAN_TREE = {
    "bot/__init__.py": "import os\n",
    "bot/domain/__init__.py": "",
    "bot/domain/types.py": "import enum\nfrom bot.i18n import t\n",
    "bot/domain/rules.py": "from bot.domain.types import Role\nfrom . import types\n",
    "bot/i18n/__init__.py": "from babel.dates import format_date\n",
    "bot/unit.py": "from sqlalchemy import select\nfrom storage.models import Person\n",
    "bot/context.py": "from telegram.ext import CallbackContext\nfrom bot.unit import UnitOfWork\n",
    "bot/services/__init__.py": "",
    "bot/services/reports.py": (
        "from typing import TYPE_CHECKING\n"
        "from bot.unit import UnitOfWork\n"
        "from storage.reports import add_report\n"
        "if TYPE_CHECKING:\n"
        "    from bot.context import PoskoContext\n"
    ),
    "bot/handlers/__init__.py": "",
    "bot/handlers/reports.py": (
        "from telegram import Update\n"
        "from bot.context import PoskoContext\n"
        "from bot.services import reports\n"
    ),
    "storage/__init__.py": "",
    "storage/models.py": "from sqlmodel import SQLModel\nfrom bot.domain.types import Role\n",
    "storage/reports.py": "from storage.models import Person\n",
}


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _lines(root: Path) -> list[str]:
    return [str(violation) for violation in check(root)]


def test_clean_tree_passes(tmp_path: Path) -> None:
    root = _tree(tmp_path, CLEAN_TREE)
    assert _lines(root) == []
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "")


def test_handler_importing_storage_is_caught_also_inside_a_function(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            "bot/handlers/reports.py": "from storage.models import Report\n",
            "bot/handlers/status.py": (
                "async def show():\n"
                "    if True:\n"
                "        import storage.regions as regions\n"
                "    try:\n"
                "        pass\n"
                "    except ValueError:\n"
                "        from storage import reports\n"
            ),
        },
    )
    lines = _lines(root)
    rule = "handlers never import storage"
    assert [line.split(": ", 2)[:2] for line in lines] == [
        ["bot/handlers/reports.py:1", "storage.models"],
        ["bot/handlers/status.py:3", "storage.regions"],
        ["bot/handlers/status.py:7", "storage.reports"],
    ]
    assert all(rule in line for line in lines)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == lines


def test_type_checking_imports_do_not_count(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            "bot/handlers/reports.py": (
                "import typing\n"
                "if typing.TYPE_CHECKING:\n"
                "    from storage.models import Person\n"
                "else:\n"
                "    from storage.models import Report\n"
            ),
        },
    )
    assert [line.split(": ", 2)[:2] for line in _lines(root)] == [
        ["bot/handlers/reports.py:5", "storage.models"]
    ]


def test_impure_domain_is_caught(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            "bot/domain/rules.py": (
                "import sqlalchemy\n"
                "from sqlmodel import col\n"
                "from telegram import Update\n"
                "from aiohttp import web\n"
                "from storage.models import Person\n"
                "from bot.unit import UnitOfWork\n"
                "from bot import context\n"
                "from .. import unit\n"
            ),
        },
    )
    found = [line.split(": ", 2) for line in _lines(root)]
    assert [(where, imported) for where, imported, _ in found] == [
        ("bot/domain/rules.py:1", "sqlalchemy"),
        ("bot/domain/rules.py:2", "sqlmodel"),
        ("bot/domain/rules.py:3", "telegram"),
        ("bot/domain/rules.py:4", "aiohttp"),
        ("bot/domain/rules.py:5", "storage.models"),
        ("bot/domain/rules.py:6", "bot.unit"),
        ("bot/domain/rules.py:7", "bot.context"),
        ("bot/domain/rules.py:8", "bot.unit"),
    ]
    assert all("bot/domain" in rule for _, _, rule in found)


def test_catalogs_are_held_to_the_domain_rules(tmp_path: Path) -> None:
    root = _tree(tmp_path, CLEAN_TREE | {"bot/i18n/__init__.py": "from bot.ui import Button\n"})
    assert [line.split(": ", 2)[:2] for line in _lines(root)] == [
        ["bot/i18n/__init__.py:1", "bot.ui"]
    ]


def test_storage_importing_bot_outside_the_domain_is_caught(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            "storage/reports.py": (
                "from bot.domain.types import Role\n"
                "import bot\n"
                "from bot.config import Settings\n"
                "def later():\n"
                "    from bot import unit\n"
            ),
        },
    )
    found = [line.split(": ", 2) for line in _lines(root)]
    assert [(where, imported) for where, imported, _ in found] == [
        ("storage/reports.py:2", "bot"),
        ("storage/reports.py:3", "bot.config"),
        ("storage/reports.py:5", "bot.unit"),
    ]
    assert all("storage imports nothing of bot but bot.domain" in rule for _, _, rule in found)


def test_services_reaching_telegram_directly_or_through_the_project_are_caught(
    tmp_path: Path,
) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            "bot/services/direct.py": "from telegram.constants import ParseMode\n",
            # bot.alerts -> bot.render -> bot.context -> telegram, inside a function.
            "bot/alerts.py": "from bot.render import shorten\n",
            "bot/render.py": "def shorten():\n    from bot.context import PoskoContext\n",
            "bot/services/reports.py": (
                "from bot.unit import UnitOfWork\nfrom bot.alerts import send_alert\n"
            ),
            # Through a package's __init__ that Python runs first.
            "storage/engine/__init__.py": "from bot.web import app\n",
            "storage/engine/sqlite.py": "",
            "bot/web.py": "import telegram\n",
            "bot/services/export.py": "from storage.engine.sqlite import connect\n",
        },
    )
    lines = _lines(root)
    services = [line for line in lines if line.startswith("bot/services")]
    assert services == [
        "bot/services/direct.py:1: telegram.constants: bot/services never reach telegram",
        "bot/services/export.py:1: storage.engine.sqlite: bot/services never reach telegram"
        " (storage.engine -> bot.web -> telegram)",
        "bot/services/reports.py:2: bot.alerts: bot/services never reach telegram"
        " (bot.alerts -> bot.render -> bot.context -> telegram)",
    ]


def test_import_cycles_end_and_hide_nothing(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        CLEAN_TREE
        | {
            # bot.b imports bot.a back before bot.a reaches telegram through bot.c: seen
            # from bot.a first, bot.b must still be found to reach it.
            "bot/a.py": "from bot import b\nimport bot.c\n",
            "bot/b.py": "import bot.a\n",
            "bot/c.py": "from telegram import Bot\n",
            "bot/services/cyclic.py": "import bot.a\nimport bot.b\n",
        },
    )
    assert [line for line in _lines(root) if line.startswith("bot/services")] == [
        "bot/services/cyclic.py:1: bot.a: bot/services never reach telegram"
        " (bot.a -> bot.c -> telegram)",
        "bot/services/cyclic.py:2: bot.b: bot/services never reach telegram"
        " (bot.b -> bot.a -> bot.c -> telegram)",
    ]


def test_a_file_that_does_not_parse_is_reported(tmp_path: Path) -> None:
    root = _tree(tmp_path, CLEAN_TREE | {"bot/jobs.py": "import os\n<<<<<<< ours\n"})
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{root / 'bot' / 'jobs.py'}:2: cannot be parsed")
