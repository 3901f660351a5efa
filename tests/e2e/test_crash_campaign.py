"""Crash campaign: the bot runs as its own process while officers keep reporting, and is
killed with SIGKILL at random moments, several times. Afterwards every update the double
handed out was processed exactly once, no report or incident was lost or stored twice,
every alert reached every coordinator, and nothing is left stuck."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col

from bot.domain.onboarding import create_invite
from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.engine import create_engine, create_session_factory
from storage.models import Conversation, InboundUpdate, Incident, OutboxMessage, Report, Role
from tests.conftest import ADMIN_TELEGRAM_ID, TEST_TOKEN
from tests.helpers import count_rows, fetch_all

ROOT = Path(__file__).resolve().parents[2]
REPORT_REF = re.compile(r"R-(\d{4,})")
INCIDENT_REF = re.compile(r"I-(\d{4,})")


class BotProcess:
    def __init__(self, database_url: str, base_url: str, log: Path):
        self.database_url, self.base_url, self.log = database_url, base_url, log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=TEST_TOKEN,
            TELEGRAM_API_BASE_URL=self.base_url,
            DATABASE_URL=self.database_url,
            ADMIN_TELEGRAM_IDS=str(ADMIN_TELEGRAM_ID),
            ADMIN_REGION_CODE="74.09",
            PYTHONUNBUFFERED="1",
        )
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--env-file",
            "/nonexistent",
            "run",
            cwd=ROOT,
            env=env,
            stdout=self.log.open("ab"),
            stderr=asyncio.subprocess.STDOUT,
        )

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 30)


async def _invites(database_url: str, role: Role, region: str, count: int) -> list[str]:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            codes = [
                (
                    await create_invite(
                        session,
                        actor=None,
                        role=role,
                        region_code=region,
                        now=datetime.now(UTC),
                        ttl_days=7,
                    )
                ).code
                for _ in range(count)
            ]
            await session.commit()
        return codes
    finally:
        await engine.dispose()


async def _campaign(
    double: TelegramDouble,
    sandbox: SandboxClient,
    database_url: str,
    tmp_path: Path,
    *,
    officers: int,
    reports_each: int,
    kills: int,
) -> None:
    bot = BotProcess(database_url, double.base_url, tmp_path / "bot.log")
    await bot.start()
    rng = random.Random(1402)
    try:
        coordinators = []
        for code, region in zip(
            await _invites(database_url, Role.COORDINATOR, "74.09.01", 1)
            + await _invites(database_url, Role.COORDINATOR, "74.09", 1),
            ("74.09.01", "74.09"),
            strict=True,
        ):
            person = await sandbox.create_user(f"Koor {region}")
            await person.send(f"/start {code}")
            await person.next_message(timeout=60)
            coordinators.append(person)
        people: list[SimUser] = []
        for code in await _invites(database_url, Role.OFFICER, "74.09.01", officers):
            person = await sandbox.create_user(f"Petugas {len(people)}")
            await person.send(f"/start {code}")
            people.append(person)
        for person in people:
            await person.next_message(timeout=60)

        async def officer_work(person: SimUser, index: int) -> None:
            for n in range(reports_each):
                await person.send(f"/lapor distribusi sebagian {n % 101}%")
                await asyncio.sleep(rng.uniform(0, 0.05))
            await person.send(f"/insiden sedang logistik rusak nomor {index}")

        async def chaos() -> None:
            for _ in range(kills):
                await asyncio.sleep(rng.uniform(0.3, 1.5))
                await bot.kill()
                await asyncio.sleep(rng.uniform(0.0, 0.5))
                await bot.start()

        await asyncio.gather(chaos(), *(officer_work(p, i) for i, p in enumerate(people)))
        await sandbox.wait_until_confirmed(timeout=120)

        # Every person hears back about every command (at least once; see below).
        for person in people:
            seen_reports: set[str] = set()
            seen_incident = False
            while len(seen_reports) < reports_each or not seen_incident:
                text = (await person.next_message(timeout=120)).text or ""
                if match := REPORT_REF.search(text):
                    seen_reports.add(match.group(0))
                seen_incident = seen_incident or "diterima dan diteruskan" in text
        incidents = await fetch_all(database_url, Incident)
        for coordinator in coordinators:
            alerted: set[int] = set()
            while len(alerted) < officers:
                text = (await coordinator.next_message(timeout=120)).text or ""
                if (match := INCIDENT_REF.search(text)) and "INSIDEN" in text:
                    alerted.add(int(match.group(1)))
            assert alerted == {i.id for i in incidents}
        for _ in range(600):  # the outbox drains
            if (
                await count_rows(
                    database_url, OutboxMessage, col(OutboxMessage.status) == "pending"
                )
                == 0
            ):
                break
            await asyncio.sleep(0.1)
    finally:
        await bot.stop()

    # Exactly once, from the database's side.
    assert await count_rows(database_url, Report) == officers * reports_each
    assert len(incidents) == officers
    rows = await fetch_all(database_url, InboundUpdate)
    handed_out = await sandbox.delivery_counts()
    assert set(handed_out) <= {r.update_id for r in rows}, "an update handed out was never stored"
    assert all(r.processed_at is not None and r.attempts == 1 and r.error is None for r in rows)
    assert await count_rows(database_url, Conversation) == 0  # nobody is stuck mid-flow
    assert await count_rows(database_url, OutboxMessage, col(OutboxMessage.status) != "sent") == 0
    assert "Traceback" not in (tmp_path / "bot.log").read_text()
    redelivered = sum(1 for count in handed_out.values() if count > 1)
    summary = f"{len(rows)} updates, {redelivered} handed out more than once, {kills} kills"
    print(f"crash campaign: {summary}")


async def test_crash_campaign(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    await _campaign(double, sandbox, database_url, tmp_path, officers=8, reports_each=6, kills=3)


@pytest.mark.slow
async def test_crash_campaign_thousands(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    size = int(os.environ.get("POSKO_CRASH_OFFICERS", "100"))
    await _campaign(
        double, sandbox, database_url, tmp_path, officers=size, reports_each=30, kills=8
    )
