"""Database outages in the middle of a storm of reports: the bot keeps its loop alive,
reports itself degraded in /readyz, reconnects, and loses and duplicates nothing.

PostgreSQL: every connection of the bot is terminated, again and again, for seconds (what a
restart of PostgreSQL does to it, without restarting the shared server). SQLite: the disk
fills up (SQLite's own `max_page_count`, which fails writes exactly as a full disk does:
"database or disk is full"), then space returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.engine import create_engine
from storage.models import InboundUpdate, Report
from tests.conftest import POSTGRES_URL
from tests.e2e.test_standby import _every_reply, _exactly_once, _officers, _storm
from tests.factories import running
from tests.helpers import BotProcess, count_rows, fetch_all

REPORTS_EACH = 8


async def _readiness(base: str) -> tuple[int, dict[str, Any]]:
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:
        response = await client.get("/readyz")
        return response.status_code, response.json()


@pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL")
async def test_terminated_connections_during_a_storm_lose_and_repeat_nothing(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    bot = BotProcess(database_url, double.base_url, tmp_path / "bot.log")
    await bot.start()
    engine = create_engine(database_url)
    try:
        await bot.wait_for_log("Posko Pemilu is running")
        port = re.search(r"web server listening on [\d.]+:(\d+)", bot.log.read_text())
        assert port, bot.log.read_text()
        base = f"http://127.0.0.1:{port.group(1)}"
        assert (await _readiness(base))[0] == 200
        people = await _officers(sandbox, database_url)
        storm = asyncio.create_task(_storm(people, reports_each=REPORTS_EACH))
        seen: list[tuple[int, dict[str, Any]]] = []
        terminated = 0
        for _ in range(15):  # 3 s of a database that keeps dropping every connection
            async with engine.connect() as connection:
                terminated += (
                    await connection.execute(
                        text(
                            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND application_name = :name"
                        ),
                        {"name": bot.instance},
                    )
                ).scalar_one()
            seen.append(await _readiness(base))
            await asyncio.sleep(0.2)
        await storm
        assert terminated >= 15
        assert any(status == 503 and body["degraded"] for status, body in seen), seen

        repeated = await _every_reply(people, REPORTS_EACH)
        await _exactly_once(database_url, sandbox, len(people) * REPORTS_EACH)
        assert repeated == 0
        for _ in range(100):  # and it says so once it is back
            status, body = await _readiness(base)
            if status == 200:
                break
            await asyncio.sleep(0.1)
        assert (status, body["role"], body["database"]) == (200, "leader", "up"), body
        assert bot.process is not None and bot.process.returncode is None  # never stopped
    finally:
        await engine.dispose()
        await bot.stop()
    assert "Traceback" not in bot.log.read_text()


class _DiskLimit:
    """Every new SQLite connection gets `max_page_count` (a quota SQLite enforces as a full
    disk); `lift()` gives the space back to all of them."""

    def __init__(self, pages: int):
        self.pages = pages
        self.connections: list[Any] = []

    def __call__(self, dbapi_connection: Any, _record: Any) -> None:
        raw = dbapi_connection._connection._connection  # aiosqlite's sqlite3 connection
        self.connections.append(raw)
        raw.execute(f"PRAGMA max_page_count = {self.pages}")

    def lift(self) -> None:
        for raw in self.connections:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed since
                raw.execute("PRAGMA max_page_count = 2000000000")


@pytest.fixture
def disk_limit(database_url: str) -> Iterator[_DiskLimit]:
    path = Path(database_url.split("///", 1)[1])
    limit = _DiskLimit(pages=path.stat().st_size // 4096 + 40)  # ~160 KB of room
    event.listen(Engine, "connect", limit)
    yield limit
    event.remove(Engine, "connect", limit)


@pytest.mark.skipif(bool(POSTGRES_URL), reason="SQLite's full disk")
async def test_a_full_disk_refuses_cleanly_and_resumes_when_space_returns(
    settings: Settings,
    clock: ManualClock,
    sandbox: SandboxClient,
    database_url: str,
    disk_limit: _DiskLimit,
) -> None:
    settings = Settings(**{**settings.__dict__, "web_port": 0})
    async with running(settings, clock) as runtime:
        assert runtime.web_server is not None and runtime.web_server.port
        base = f"http://127.0.0.1:{runtime.web_server.port}"
        people = await _officers(sandbox, database_url, count=4)
        # Fill the disk: many long reports until writes fail.
        filler: SimUser = people[0]
        note = "x" * 3000
        full = False
        for n in range(200):
            await filler.send(f"/lapor logistik sebagian {n % 100}% {note}")
            await asyncio.sleep(0.05)
            status, body = await _readiness(base)
            if status == 503:
                full = True
                break
        assert full, "the disk never filled"
        assert body["degraded"] is True and body["database"] == "up"  # reads still work
        stored_while_full = await count_rows(database_url, Report)
        for person in people[1:]:  # these arrive while nothing can be written
            await person.send("/lapor keamanan siap")
        await asyncio.sleep(1.5)
        assert await count_rows(database_url, Report) == stored_while_full
        for person in people[1:]:
            assert not [m for m in await person.drain() if "Keamanan" in (m.text or "")]

        disk_limit.lift()  # space returns
        for person in people[1:]:
            while "Keamanan" not in ((await person.next_message(timeout=30)).text or ""):
                pass
        for _ in range(100):
            if (await _readiness(base))[0] == 200:
                break
            await asyncio.sleep(0.1)
        assert (await _readiness(base))[0] == 200
    rows = await fetch_all(database_url, InboundUpdate)
    assert all(r.processed_at is not None and r.error is None for r in rows), [
        (r.update_id, r.error) for r in rows if r.error
    ]
    reports = await fetch_all(database_url, Report)
    sent = sum(1 for r in reports if r.aspect_code == "keamanan")
    assert sent == len(people) - 1  # each once
