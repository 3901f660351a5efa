"""A group that removed the bot and adds it back, as its members and subscriber see it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.digest_schedule import digest_job_name
from bot.sandbox import SandboxClient
from storage.models import Subscription
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import fetch_all

WITA = ZoneInfo("Asia/Makassar")


async def test_adding_the_bot_back_restores_the_subscription_as_it_was(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    regency = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    officer = await make_officer(sandbox, database_url, name="Camat", region="74.09.01")
    group = await make_group(sandbox, "Forkopimda Konut", members=[officer], admins=[regency])
    await regency.send("/langganan 74.09 08:30 insiden", chat=group)
    assert "berlangganan" in (await group.next_message()).text

    await group.remove_bot(by=regency)
    removed = (await regency.next_message()).text
    assert "dikeluarkan dari grup" in removed and "dipulihkan seperti semula" in removed
    assert posko.application is not None and posko.application.job_queue is not None
    queue = posko.application.job_queue
    [subscription] = await fetch_all(database_url, Subscription)
    assert not subscription.active

    await group.add_bot(by=regency)
    restored = (await group.next_message()).text
    assert (
        "Langganan dipulihkan untuk Kabupaten Konawe Utara: ringkasan 08:30 WITA, "
        "peringatan insiden aktif"
    ) in restored
    [subscription] = await fetch_all(database_url, Subscription)
    assert subscription.active and subscription.paused_reason is None
    assert (subscription.digest_time, subscription.alerts) == ("08:30", True)
    [job] = queue.get_jobs_by_name(digest_job_name(subscription.id or 0))
    assert job.next_t is not None and job.next_t.astimezone(WITA).strftime("%H:%M") == "08:30"
    await job.run(posko.application)
    assert "Ringkasan Posko Pemilu" in (await group.next_message(timeout=10)).text

    # Alerts reach the group again.
    await officer.send("/insiden kritis bencana banjir di Asera")
    await officer.next_message()
    alert = await group.next_message(timeout=10)
    assert "INSIDEN KRITIS" in alert.text


async def test_an_english_subscription_is_restored_in_english_and_a_stopped_one_stays_stopped(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
    )
    english_group = await make_group(sandbox, "Posko EN", members=[], admins=[coordinator])
    stopped_group = await make_group(sandbox, "Posko lama", members=[], admins=[coordinator])
    await coordinator.send("/subscribe 74.09.01", chat=english_group)
    assert "This group is subscribed" in (await english_group.next_message()).text
    await coordinator.send("/subscribe 74.09", chat=stopped_group)
    await stopped_group.next_message()
    await coordinator.send("/unsubscribe", chat=stopped_group)
    await stopped_group.next_message()

    await english_group.remove_bot(by=coordinator)
    assert "comes back as it was" in (await coordinator.next_message()).text
    await english_group.add_bot(by=coordinator)
    assert (
        "Subscription restored for Asera, Kabupaten Konawe Utara: digest at 07:00 WITA, "
        "incident alerts off"
    ) in (await english_group.next_message()).text

    await stopped_group.remove_bot(by=coordinator)
    await stopped_group.add_bot(by=coordinator)
    await stopped_group.expect_no_message(within=0.8)
    [stopped] = await fetch_all(
        database_url, Subscription, col(Subscription.chat_id) == stopped_group.id
    )
    assert not stopped.active
