"""Rough edges from the field test, as people see them: /ingatkan's counts, each command's
own refusal texts, /bantuan naming the group commands, the admin's welcome in words."""

from __future__ import annotations

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient, SimUser
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.helpers import register, shell_invites


async def register_english(
    sandbox: SandboxClient, database_url: str, *, name: str, role: str, region: str
) -> SimUser:
    """A person whose Telegram speaks English, registered through an operator's invite."""
    [code] = await shell_invites(database_url, role=role, region=region)
    person = await sandbox.create_user(name, language_code="en")
    await person.send(f"/start {code}")
    assert "Welcome" in (await person.next_message()).text
    return person


async def test_remind_says_how_many_have_not_reported_and_who_was_reminded_when(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    first = await register(sandbox, database_url, name="Satu", role="officer", region="74.09.01")
    second = await register(
        sandbox, database_url, name="Dua", role="officer", region="74.09.02.2002"
    )
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74.09"
    )
    english = await register_english(
        sandbox, database_url, name="Ann", role="coordinator", region="74.09"
    )
    # Nobody has reported: both are reminded now.
    await coordinator.send("/ingatkan")
    answer = (await coordinator.next_message()).text
    assert "sudah melapor" not in answer
    assert "2 dari 2 petugas belum melapor hari ini" in answer
    assert "diingatkan sekarang: 2" in answer
    assert "sudah diingatkan sebelumnya hari ini: 0" in answer
    assert "belum ada laporan" in (await first.next_message()).text
    assert "belum ada laporan" in (await second.next_message()).text

    # Again the same day: still two without a report, none reminded twice.
    await english.send("/remind")
    answer = (await english.next_message()).text
    assert "2 of 2 officer(s) have not reported today" in answer
    assert "reminded now: 0" in answer and "already reminded earlier today: 2" in answer
    await first.expect_no_message(within=0.3)

    # One reports: one left, already reminded.
    await first.send("/lapor keamanan siap")
    await first.next_message()
    await coordinator.send("/ingatkan")
    answer = (await coordinator.next_message()).text
    assert "1 dari 2 petugas belum melapor" in answer and "sudah diingatkan sebelumnya" in answer
    await second.send("/lapor keamanan siap")
    await second.next_message()
    await coordinator.send("/ingatkan")
    assert "Semua 2 petugas di Kabupaten Konawe Utara sudah melapor hari ini" in (
        await coordinator.next_message()
    ).text
    await english.send("/remind")
    assert "All 2 officer(s) in Kabupaten Konawe Utara have reported today" in (
        await english.next_message()
    ).text


async def test_remind_in_an_area_without_officers_says_so(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74.09.03"
    )
    english = await register_english(
        sandbox, database_url, name="Ann", role="coordinator", region="74.09.03"
    )
    await coordinator.send("/ingatkan")
    answer = (await coordinator.next_message()).text
    assert "Belum ada petugas terdaftar" in answer and "sudah melapor" not in answer
    await english.send("/remind")
    assert "No officers are registered" in (await english.next_message()).text
