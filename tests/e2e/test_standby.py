"""Hot standby on PostgreSQL: two `python -m bot run` processes share one database; one
leads, the other takes over when the leader is killed or loses its database connections.
Every update is processed exactly once and every reply arrives; a leader that lost its
lock stops sending before the other starts."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.engine import create_engine
from storage.models import InboundUpdate, OutboxMessage, Report
from tests.conftest import POSTGRES_URL
from tests.helpers import BotProcess, count_rows, fetch_all, shell_invites

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL")

REPORT_REF = re.compile(r"R-(\d{4,})")
OFFICERS = 6
REPORTS_EACH = 8
SENDS = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}


async def _two_bots(
    double: TelegramDouble, database_url: str, tmp_path: Path
) -> tuple[BotProcess, BotProcess]:
    leader = BotProcess(database_url, double.base_url, tmp_path / "a.log")
    await leader.start()
    await leader.wait_for_log("leadership: leading")
    await leader.wait_for_log("Posko Pemilu is running")
    standby = BotProcess(database_url, double.base_url, tmp_path / "b.log")
    await standby.start()
    await standby.wait_for_log("Posko Pemilu is running")
    assert "leadership: leading" not in standby.log.read_text()
    return leader, standby


async def _officers(
    sandbox: SandboxClient, database_url: str, count: int = OFFICERS
) -> list[SimUser]:
    people = []
    for code in await shell_invites(database_url, role="officer", region="74.09.01", count=count):
        person = await sandbox.create_user(f"Petugas {len(people)}")
        await person.send(f"/start {code}")
        people.append(person)
    for person in people:
        assert "✅" in (await person.next_message(timeout=30)).text
    return people


async def _storm(people: list[SimUser], *, reports_each: int) -> None:
    async def work(person: SimUser) -> None:
        for n in range(reports_each):
            await person.send(f"/lapor distribusi sebagian {n}%")
            await asyncio.sleep(0.2)

    await asyncio.gather(*(work(p) for p in people))


async def _every_reply(people: list[SimUser], expected: int) -> int:
    """Wait for each person's replies; returns how many references came more than once."""
    duplicates = 0
    for person in people:
        seen: list[str] = []
        while len(set(seen)) < expected:
            text_ = (await person.next_message(timeout=60)).text or ""
            if match := REPORT_REF.search(text_):
                seen.append(match.group(0))
        duplicates += len(seen) - len(set(seen))
    return duplicates


async def _exactly_once(database_url: str, sandbox: SandboxClient, reports: int) -> None:
    for _ in range(300):  # the outbox drains
        pending = col(OutboxMessage.status) == "pending"
        if await count_rows(database_url, OutboxMessage, pending) == 0:
            break
        await asyncio.sleep(0.1)
    assert await count_rows(database_url, Report) == reports
    rows = await fetch_all(database_url, InboundUpdate)
    handed_out = await sandbox.delivery_counts()
    assert set(handed_out) <= {r.update_id for r in rows}, "an update handed out was not stored"
    assert all(r.processed_at is not None and r.attempts == 1 and r.error is None for r in rows)
    assert await count_rows(database_url, OutboxMessage, col(OutboxMessage.status) != "sent") == 0


async def test_the_standby_takes_over_when_the_leader_is_killed(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    leader, standby = await _two_bots(double, database_url, tmp_path)
    try:
        *people, probe = await _officers(sandbox, database_url, OFFICERS + 1)
        storm = asyncio.create_task(_storm(people, reports_each=REPORTS_EACH))
        await asyncio.sleep(0.6)  # in the middle of it
        await leader.kill()
        killed_at = time.monotonic()
        # A person writing just after the kill is answered by the standby within 10 s.
        await probe.send("/lapor keamanan siap")
        reply = await probe.next_message(timeout=15)
        answered_in = time.monotonic() - killed_at
        assert "Keamanan" in reply.text and REPORT_REF.search(reply.text)
        await storm
        replies = await _every_reply(people, REPORTS_EACH)
        assert answered_in <= 10.0, f"the standby answered {answered_in:.1f}s after the kill"
        await standby.wait_for_log("leadership: leading")
        await _exactly_once(database_url, sandbox, OFFICERS * REPORTS_EACH + 1)
        assert "Traceback" not in standby.log.read_text()
        print(f"standby answered {answered_in:.1f}s after the kill; {replies} repeated replies")
    finally:
        await standby.stop()
        await leader.stop()


async def test_a_leader_that_loses_its_database_stops_sending_before_the_standby_starts(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    leader, standby = await _two_bots(double, database_url, tmp_path)
    engine = create_engine(database_url)
    try:
        people = await _officers(sandbox, database_url)
        storm = asyncio.create_task(_storm(people, reports_each=REPORTS_EACH))
        await asyncio.sleep(0.6)
        async with engine.connect() as connection:  # only this test database's backends
            terminated = (
                await connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND application_name = :name"
                    ),
                    {"name": leader.instance},
                )
            ).scalar_one()
        assert terminated >= 1
        await storm
        replies = await _every_reply(people, REPORTS_EACH)
        await standby.wait_for_log("leadership: leading")
        await leader.wait_for_log("leadership: stopped leading")
        await _exactly_once(database_url, sandbox, OFFICERS * REPORTS_EACH)

        calls = [c for c in await sandbox.calls() if c["method"] in SENDS]
        by_leader = [c["wall"] for c in calls if c["instance"] == leader.instance]
        by_standby = [c["wall"] for c in calls if c["instance"] == standby.instance]
        assert by_leader and by_standby, "both processes should have sent"
        assert max(by_leader) < min(by_standby), "the old leader sent after the new one began"
        # The old leader is still alive, standing by, and did not lead again.
        assert leader.process is not None and leader.process.returncode is None
        assert leader.log.read_text().count("leadership: leading") == 1
        print(
            f"{terminated} connections terminated; the old leader's last send "
            f"{min(by_standby) - max(by_leader):.2f}s before the new leader's first; "
            f"{replies} repeated replies"
        )
    finally:
        await engine.dispose()
        await standby.stop()
        await leader.stop()


async def test_a_process_that_finds_a_newer_schema_stands_by_and_never_leads(
    settings: Settings, clock: ManualClock, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An old version left running after an upgrade must not lead against the new schema."""
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        head = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        await connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    runtime = PoskoRuntime(settings=settings, clock=clock, poll_timeout=1)
    starting = asyncio.create_task(runtime.start())
    try:
        with caplog.at_level(logging.INFO):
            await asyncio.sleep(3.0)
        assert not starting.done()  # it waits for a schema it knows
        assert runtime.leadership is not None and not runtime.leadership.active()
        assert "schema is newer than this version knows" in caplog.text
        async with engine.connect() as connection:  # and it migrated nothing
            version = await connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar() == "9999"
    finally:
        starting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await starting
        await runtime.stop()
        async with engine.begin() as connection:
            await connection.execute(
                text("UPDATE alembic_version SET version_num = :head"), {"head": head}
            )
        await engine.dispose()
