"""A backup taken while officers are reporting is consistent."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from pathlib import Path

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from storage.models import Report
from tests.factories import make_officer
from tests.helpers import count_rows

ROOT = Path(__file__).resolve().parents[2]


async def _backup(database_url: str, output: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env["DATABASE_URL"] = database_url
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--env-file",
        "/nonexistent",
        "backup",
        "--output",
        str(output),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode()


async def test_backup_during_a_write_storm_is_consistent(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    if not database_url.startswith("sqlite"):
        code, out = await _backup(database_url, tmp_path / "x.db")
        assert code == 1 and "pg_dump" in out
        return
    officers = [
        await make_officer(sandbox, database_url, name=f"Petugas {n}", region=f"74.09.01.{code}")
        for n, code in enumerate(("1005", "1009", "2006", "2007", "2008", "2010"))
    ]
    aspects = ["logistik", "distribusi", "keamanan", "anggaran", "sistem"]

    async def storm() -> None:
        for round_number in range(6):
            for officer in officers:
                await officer.send(
                    f"/lapor {aspects[round_number % 5]} sebagian {round_number * 10}%"
                )

    writer = asyncio.create_task(storm())
    await asyncio.sleep(0.3)
    copies = []
    for n in range(3):
        target = tmp_path / f"backup-{n}.db"
        code, out = await _backup(database_url, target)
        assert code == 0, out
        assert "integrity ok" in out
        copies.append(target)
    await writer
    for officer in officers:
        for _ in range(6):
            await officer.next_message(timeout=30)

    final = await count_rows(database_url, Report)
    assert final == 36
    counts = []
    for copy in copies:
        connection = sqlite3.connect(copy)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts.append(connection.execute("SELECT count(*) FROM report").fetchone()[0])
            # Readiness never points at a report the copy does not hold.
            orphans = connection.execute(
                "SELECT count(*) FROM readiness WHERE report_id NOT IN (SELECT id FROM report)"
            ).fetchone()[0]
            assert orphans == 0
        finally:
            connection.close()
    assert counts == sorted(counts) and counts[-1] <= final
    code, out = await _backup(database_url, copies[0])
    assert code == 1 and "exists" in out  # never overwrites a backup
