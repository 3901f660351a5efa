"""Intake that loses nothing: SIGKILL the bot right after the double hands it a batch,
start it again, and every update of that batch is processed exactly once."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col

from bot.domain.onboarding import create_invite
from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.engine import create_engine, create_session_factory
from storage.models import InboundUpdate, Person, Role
from tests.conftest import ADMIN_TELEGRAM_ID, TEST_TOKEN
from tests.helpers import count_rows, fetch_all

ROOT = Path(__file__).resolve().parents[2]


def _bot_env(database_url: str, base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        DATABASE_URL=database_url,
        ADMIN_TELEGRAM_IDS=str(ADMIN_TELEGRAM_ID),
        ADMIN_REGION_CODE="74.09",
        PYTHONUNBUFFERED="1",
    )
    return env


async def _start_bot(database_url: str, base_url: str, log: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--env-file",
        "/nonexistent",
        "run",
        cwd=ROOT,
        env=_bot_env(database_url, base_url),
        stdout=log.open("ab"),
        stderr=asyncio.subprocess.STDOUT,
    )


async def _shell_invites(database_url: str, *, count: int) -> list[str]:
    """Officer invites made as the operator's `invite` command makes them."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            codes = [
                (
                    await create_invite(
                        session,
                        actor=None,
                        role=Role.OFFICER,
                        region_code="74.09.01",
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


@pytest.mark.parametrize("kill_after_batches", [1, 2])
async def test_sigkill_after_handout_processes_each_update_once(
    double: TelegramDouble,
    sandbox: SandboxClient,
    database_url: str,
    tmp_path: Path,
    kill_after_batches: int,
) -> None:
    codes = await _shell_invites(database_url, count=10)
    log = tmp_path / "bot.log"
    bot = await _start_bot(database_url, double.base_url, log)
    try:
        # The bot is up once it answers someone.
        admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID)
        await admin.send("/start")
        await admin.next_message(timeout=30)

        handouts_before = len(await sandbox.handouts())
        officers: list[SimUser] = [await sandbox.create_user(f"Petugas{i}") for i in range(10)]
        strangers: list[SimUser] = [await sandbox.create_user(f"Tamu{i}") for i in range(20)]
        for officer, code in zip(officers, codes, strict=True):
            await officer.send(f"/start {code}")
        for stranger in strangers:
            await stranger.send("/start")
        await sandbox.wait_for_handout(
            after_count=handouts_before + kill_after_batches - 1, timeout=15
        )
        bot.send_signal(signal.SIGKILL)  # no chance to store, process or confirm anything more
        await bot.wait()

        bot = await _start_bot(database_url, double.base_url, log)
        for officer in officers:
            assert "Petugas" in (await officer.next_message(timeout=30)).text
        for stranger in strangers:
            assert "tautan undangan" in (await stranger.next_message(timeout=30)).text
        await sandbox.wait_until_confirmed(timeout=15)
    finally:
        if bot.returncode is None:
            bot.send_signal(signal.SIGTERM)
            await asyncio.wait_for(bot.wait(), 20)

    # Every officer is registered once; every stored update was processed exactly once.
    registered = await fetch_all(database_url, Person, col(Person.role) == "officer")
    assert sorted(p.telegram_id for p in registered) == sorted(o.id for o in officers)
    rows = await fetch_all(database_url, InboundUpdate)
    counts = await sandbox.delivery_counts()
    assert {r.update_id for r in rows} == set(counts), "an update the double handed out is missing"
    assert all(r.processed_at is not None and r.attempts == 1 for r in rows)
    assert await count_rows(database_url, InboundUpdate, col(InboundUpdate.error).is_not(None)) == 0
    assert "Traceback" not in log.read_text()
