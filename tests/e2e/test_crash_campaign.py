"""Crash campaign: the bot runs as its own process while officers keep reporting, and is
killed with SIGKILL at random moments, several times. Afterwards every update the double
handed out was processed exactly once, no report or incident was lost or stored twice,
every alert reached the coordinator it goes to, and nothing is left stuck."""

from __future__ import annotations

import asyncio
import os
import random
import re
from pathlib import Path

import pytest
from sqlmodel import col

from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.models import Conversation, InboundUpdate, Incident, OutboxMessage, Report
from tests.helpers import BotProcess, count_rows, fetch_all, shell_invites

REPORT_REF = re.compile(r"R-(\d{4,})")
INCIDENT_REF = re.compile(r"I-(\d{4,})")


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
        for region in ("74.09.01", "74.09"):
            [code] = await shell_invites(database_url, role="coordinator", region=region)
            person = await sandbox.create_user(f"Koor {region}")
            await person.send(f"/start {code}")
            await person.next_message(timeout=60)
            coordinators.append(person)
        people: list[SimUser] = []
        for code in await shell_invites(
            database_url, role="officer", region="74.09.01", count=officers
        ):
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
                seen_incident = seen_incident or "tercatat dan dikirim" in text
        incidents = await fetch_all(database_url, Incident)
        # Alerted at once: the nearest staffed level, the district (the regency only on
        # escalation).
        for coordinator in coordinators[:1]:
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
