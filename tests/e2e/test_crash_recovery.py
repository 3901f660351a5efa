"""Intake that loses nothing: SIGKILL the bot right after the double hands it a batch,
start it again, and every update of that batch is processed exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col

from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from storage.models import InboundUpdate, Person
from tests.factories import make_admin
from tests.helpers import BotProcess, count_rows, fetch_all, shell_invites


@pytest.mark.parametrize("kill_after_batches", [1, 2])
async def test_sigkill_after_handout_processes_each_update_once(
    double: TelegramDouble,
    sandbox: SandboxClient,
    database_url: str,
    tmp_path: Path,
    kill_after_batches: int,
) -> None:
    codes = await shell_invites(database_url, role="officer", region="74.09.01", count=10)
    log = tmp_path / "bot.log"
    bot = BotProcess(database_url, double.base_url, log)
    await bot.start()
    try:
        # The bot is up once it answers someone.
        await make_admin(sandbox, welcome_within=30)

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
        await bot.kill()
        await bot.start()
        for officer in officers:
            assert "Petugas" in (await officer.next_message(timeout=30)).text
        for stranger in strangers:
            assert "tautan undangan" in (await stranger.next_message(timeout=30)).text
        await sandbox.wait_until_confirmed(timeout=15)
    finally:
        await bot.stop()

    # Every officer is registered once; every stored update was processed exactly once.
    registered = await fetch_all(database_url, Person, col(Person.role) == "officer")
    assert sorted(p.telegram_id for p in registered) == sorted(o.id for o in officers)
    rows = await fetch_all(database_url, InboundUpdate)
    counts = await sandbox.delivery_counts()
    assert {r.update_id for r in rows} == set(counts), "an update the double handed out is missing"
    assert all(r.processed_at is not None and r.attempts == 1 for r in rows)
    assert await count_rows(database_url, InboundUpdate, col(InboundUpdate.error).is_not(None)) == 0
    assert "Traceback" not in log.read_text()
