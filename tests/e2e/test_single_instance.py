"""SQLite is one process's database: a second `python -m bot run` on the same file stops at
once with one clear line, and the first goes on answering."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from bot.sandbox import SandboxClient, TelegramDouble
from tests.conftest import ADMIN_TELEGRAM_ID, POSTGRES_URL, TEST_TOKEN
from tests.factories import make_officer
from tests.helpers import ROOT, BotProcess

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="SQLite only: PostgreSQL has standbys")


async def test_a_second_run_on_the_same_sqlite_file_is_refused(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    first = BotProcess(database_url, double.base_url, tmp_path / "first.log")
    await first.start()
    try:
        await first.wait_for_log("Posko Pemilu is running")
        env = {
            "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_BASE_URL": double.base_url,
            "DATABASE_URL": database_url,
            "ADMIN_TELEGRAM_IDS": str(ADMIN_TELEGRAM_ID),
            "ADMIN_REGION_CODE": "74.09",
            "WEB_PORT": "0",
            "PATH": "/usr/bin:/bin",
        }
        second = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--env-file",
            "/nonexistent",
            "run",
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await asyncio.wait_for(second.communicate(), 30)
        lines = err.decode().strip().splitlines()
        assert second.returncode == 3, err.decode()
        database = database_url.split("///", 1)[1]
        assert lines[-1] == (
            f"posko: another `python -m bot run` (pid {first.process.pid}) is using "  # type: ignore[union-attr]
            f"{database}; SQLite allows one bot per database file (lock: {database}.lock)"
        )
        assert "Traceback" not in err.decode()

        # The first bot never noticed: it answers as before, once.
        officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
        await officer.send("/lapor logistik siap")
        assert "R-" in (await officer.next_message(timeout=20)).text
        await officer.expect_no_message(within=1.0)
    finally:
        await first.stop()

    # Stopped (or killed), the lock is gone with the process: a new run starts.
    again = BotProcess(database_url, double.base_url, tmp_path / "again.log")
    await again.start()
    try:
        await again.wait_for_log("Posko Pemilu is running")
    finally:
        await again.kill()
