"""Countdown digests and reminders, as groups, coordinators, officers and operators see them."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.digest_schedule import digest_job_name
from bot.jobs import REMINDER_JOB
from bot.sandbox import SandboxClient, SimGroup, SimUser, html_to_entities
from storage.models import Subscription
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.factories import add_regions, make_coordinator, make_group, make_officer, running
from tests.helpers import fetch_all

ROOT = Path(__file__).resolve().parents[2]
WITA = ZoneInfo("Asia/Makassar")


def _at(day: str, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00").replace(tzinfo=WITA).astimezone(UTC)


async def _cli(database_url: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env["DATABASE_URL"] = database_url
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--env-file",
        "/nonexistent",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_countdown_values_from_the_digest_cli(database_url: str) -> None:
    await _cli(
        database_url,
        "events",
        "add",
        "--name",
        "Pemilu 2024",
        "--kind",
        "Pemilu",
        "--date",
        "2024-02-14",
    )
    await _cli(
        database_url,
        "events",
        "add",
        "--name",
        "Pilkada Sultra 2024",
        "--kind",
        "Pilkada",
        "--date",
        "2024-11-27",
        "--region",
        "74",
    )
    week_before = await _cli(database_url, "digest", "--region", "74.09", "--date", "2024-02-07")
    assert "Rabu, 7 Februari 2024" in week_before
    assert "H-7 menuju pemungutan suara Pemilu 2024 (Rabu, 14 Februari 2024)" in week_before
    early = await _cli(database_url, "digest", "--region", "74.09", "--date", "2022-11-21")
    assert "Senin, 21 November 2022" in early
    assert "H-450 menuju pemungutan suara Pemilu 2024" in early
    assert "H-737 menuju pemungutan suara Pilkada Sultra 2024" in early
    voting_day = await _cli(database_url, "digest", "--region", "74.09", "--date", "2024-02-14")
    assert "Hari H Pemilu 2024" in voting_day
    after = await _cli(
        database_url, "digest", "--region", "74.09", "--date", "2024-02-15", "--lang", "en"
    )
    assert "H+1 Pemilu 2024 (Wednesday, 14 February 2024)" in after


async def _setup_group(
    sandbox: SandboxClient, database_url: str
) -> tuple[SimUser, SimUser, SimGroup]:
    regency = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    officer = await make_officer(sandbox, database_url, name="Camat Asera", region="74.09.01")
    group = await make_group(sandbox, "Forkopimda Konut", members=[officer], admins=[regency])
    return regency, officer, group


async def test_subscribed_group_gets_one_digest_a_day_even_across_restarts(
    settings: Settings, sandbox: SandboxClient, database_url: str
) -> None:
    clock = ManualClock(_at("2024-02-07", "06:00"))
    async with running(settings, clock) as runtime:
        admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID)
        await admin.send("/acara tambah Pemilu 2024-02-14 Pemilu 2024")
        assert "Dicatat" in (await admin.next_message()).text
        regency, officer, group = await _setup_group(sandbox, database_url)
        await officer.send("/langganan 74.09", chat=group)
        assert "Hanya admin grup" in (await group.next_message()).text  # an officer: refused
        await regency.send("/langganan 74.09 07:00", chat=group)
        assert "07:00" in (await group.next_message()).text

        await officer.send("/lapor logistik belum siap gudang bocor")
        await officer.next_message()
        await officer.send("/insiden kritis bencana banjir di Wanggudu")
        await officer.next_message()
        assert runtime.application is not None and runtime.application.job_queue is not None
        [job] = runtime.application.job_queue.get_jobs_by_name(digest_job_name(1))

        clock.set(_at("2024-02-07", "07:00"))
        await job.run(runtime.application)
        digest = await group.next_message(timeout=10)
        assert "H-7 menuju pemungutan suara Pemilu 2024" in digest.text
        assert "🔴 Asera: ⬜⬜🔴⬜⬜⬜⬜⬜⬜⬜" in digest.text  # the matrix matches the report
        silent = next(line for line in digest.text.splitlines() if "Belum melapor" in line)
        assert "Asera" not in silent and "Lasolo" in silent
        assert "I-0001" in digest.text and "Insiden 24 jam terakhir: 1" in digest.text
        assert "Asera · Ketersediaan logistik: ⬜ → 🔴" in digest.text
        chart = await group.next_message(timeout=10)  # the chart follows the text
        assert chart.photo and "Kesiapan per wilayah" in (chart.caption or "")
        await job.run(runtime.application)  # the same day again: nothing
        await group.expect_no_message(within=1.0)

    clock.set(_at("2024-02-07", "09:30"))  # restarted later the same day: still only one
    async with running(settings, clock) as runtime:
        await group.expect_no_message(within=1.5)

    clock.set(_at("2024-02-08", "10:00"))  # down at 07:00 the next day: sent once at start
    async with running(settings, clock) as runtime:
        assert "H-6 menuju pemungutan suara" in (await group.next_message(timeout=10)).text
        assert (await group.next_message(timeout=10)).photo  # its chart
        assert runtime.application is not None and runtime.application.job_queue is not None
        [job] = runtime.application.job_queue.get_jobs_by_name(digest_job_name(1))
        await job.run(runtime.application)
        await group.expect_no_message(within=1.0)
    [subscription] = await fetch_all(database_url, Subscription)
    assert subscription.last_digest_on == "2024-02-08"


async def test_long_digest_and_hostile_names_make_valid_messages(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    # A regency with 150 districts whose names carry HTML: the digest must split and escape.
    rows = ["74.99,74,Kabupaten <Uji> & Co,regency"]
    rows += [f'74.99.{n:02d},74.99,"Kec <b>{n}</b> & ""x""",district' for n in range(1, 100)]
    await add_regions(database_url, *rows)
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Uji", region="74.99")
    officer = await make_officer(sandbox, database_url, name="Camat Uji", region="74.99.07")
    await officer.send('/lapor logistik sebagian 50% catatan <b>tebal</b> & "kutip" ' + "x" * 3000)
    await officer.next_message()
    clock.advance(timedelta(minutes=1))
    group = await make_group(sandbox, "Uji", members=[officer], admins=[coordinator])
    await coordinator.send("/langganan", chat=group)
    await group.next_message()
    await coordinator.send("/ringkasan", chat=group)
    parts = [await group.next_message(timeout=10) for _ in range(2)]
    await asyncio.sleep(1.0)
    parts += await group.drain()
    parts = [part for part in parts if not part.photo]  # the chart image aside
    assert len(parts) >= 2
    for part in parts:
        assert len(part.text) <= 4096
        html_to_entities(part.html or "")  # what the bot sent parses as Telegram HTML
    joined = "\n".join(p.text for p in parts)
    assert "Kabupaten <Uji> & Co" in joined and 'Kec <b>99</b> & "x"' in joined
    assert '⬜ Kec <b>7</b> & "x": ⬜⬜🟡⬜⬜⬜⬜⬜⬜⬜' in joined
    assert "⬜ → 🟡" in joined  # changed since yesterday


async def test_reminders_reach_only_officers_who_have_not_reported(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    reported = await make_officer(sandbox, database_url, name="Sudah", region="74.09.01.1005")
    silent = await make_officer(sandbox, database_url, name="Belum", region="74.09.01.1009")
    elsewhere = await make_officer(sandbox, database_url, name="Kolaka", region="74.01.01")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    await reported.send("/lapor keamanan siap")
    await reported.next_message()

    await coordinator.send("/ingatkan")
    answer = (await coordinator.next_message()).text
    assert "1 dari 2 petugas belum melapor" in answer and "diingatkan sekarang: 1" in answer
    reminder = await silent.next_message()
    assert "belum ada laporan kesiapan" in reminder.text
    await reported.expect_no_message(within=0.5)
    await elsewhere.expect_no_message(within=0.5)  # outside the coordinator's area

    assert posko.application is not None and posko.application.job_queue is not None
    [job] = posko.application.job_queue.get_jobs_by_name(REMINDER_JOB)
    await job.run(posko.application)  # the daily run: Kolaka gets one, nobody gets two
    assert "belum ada laporan" in (await elsewhere.next_message()).text
    await silent.expect_no_message(within=0.5)
    await reported.expect_no_message(within=0.3)

    await silent.press("📋 Lapor sekarang", message_id=reminder.message_id)
    assert "Aspek apa" in (await silent.next_message()).text


async def test_removed_bot_pauses_the_subscription_and_tells_the_subscriber(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    regency, _, group = await _setup_group(sandbox, database_url)
    await regency.send("/langganan 74.09 insiden", chat=group)
    await group.next_message()
    await group.remove_bot(by=regency)
    assert "dikeluarkan dari grup" in (await regency.next_message()).text
    [subscription] = await fetch_all(
        database_url, Subscription, col(Subscription.active).is_(False)
    )
    assert subscription.paused_reason in ("left", "kicked")


def test_digest_time_is_local() -> None:
    from bot.digests import digest_due

    settings = Settings(database_url="sqlite+aiosqlite:///:memory:")
    assert digest_due("07:00", _at("2024-02-07", "07:00"), settings)
    assert not digest_due("07:00", _at("2024-02-07", "06:59"), settings)


async def test_forum_group_gets_its_digest_in_the_topic_it_asked_in(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    regency = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    forum = await make_group(sandbox, "Posko Forum", members=[], admins=[regency], forum=True)
    topic = await forum.create_topic("Ringkasan harian", by=regency)
    await regency.send("/langganan 74.09", chat=forum, thread_id=topic)
    confirmation = await forum.next_message(thread_id=topic)
    assert "berlangganan" in confirmation.text and confirmation.thread_id == topic
    assert posko.application is not None and posko.application.job_queue is not None
    [job] = posko.application.job_queue.get_jobs_by_name(digest_job_name(1))
    await job.run(posko.application)
    digest = await forum.next_message(thread_id=topic, timeout=10)
    assert "Ringkasan Posko Pemilu" in digest.text and digest.thread_id == topic
