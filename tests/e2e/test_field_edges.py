"""Rough edges from the field test, as people see them: /ingatkan's counts, each command's
own refusal texts, /bantuan naming the group commands, the admin's welcome in words."""

from __future__ import annotations

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.factories import make_coordinator, make_group, make_officer


async def test_remind_says_how_many_have_not_reported_and_who_was_reminded_when(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    first = await make_officer(sandbox, database_url, name="Satu", region="74.09.01")
    second = await make_officer(sandbox, database_url, name="Dua", region="74.09.02.2002")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
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
    assert "2 of 2 officers have not reported today" in answer
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
    assert (
        "Semua 2 petugas di Kabupaten Konawe Utara sudah melapor hari ini"
        in (await coordinator.next_message()).text
    )
    await english.send("/remind")
    assert (
        "All 2 officers in Kabupaten Konawe Utara have reported today"
        in (await english.next_message()).text
    )


async def test_remind_in_an_area_without_officers_says_so(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09.03")
    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09.03", language_code="en"
    )
    await coordinator.send("/ingatkan")
    answer = (await coordinator.next_message()).text
    assert "Belum ada petugas terdaftar" in answer and "sudah melapor" not in answer
    await english.send("/remind")
    assert "No officers are registered" in (await english.next_message()).text


async def test_each_command_refuses_a_region_outside_ones_area_in_its_own_words(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
    )
    admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID)
    group = await make_group(sandbox, "Forkopimda", members=[], admins=[coordinator, english])

    await coordinator.send("/status 74.01")
    text = (await coordinator.next_message()).text
    assert "Kabupaten Kolaka (74.01) di luar wilayah Anda" in text
    assert "Kabupaten Konawe Utara (74.09)" in text and "/status hanya menampilkan" in text
    assert "melapor" not in text
    await english.send("/status 74.01")
    text = (await english.next_message()).text
    assert "Kabupaten Kolaka (74.01) is outside your area" in text and "/status shows" in text
    assert "report" not in text

    await coordinator.send("/langganan 74.01", chat=group)
    text = (await group.next_message()).text
    assert "Kabupaten Kolaka (74.01) di luar wilayah Anda" in text
    assert "Grup hanya bisa berlangganan" in text and "melapor" not in text
    await english.send("/subscribe 74.01 insiden", chat=group)
    text = (await group.next_message()).text
    assert "Kabupaten Kolaka (74.01) is outside your area" in text
    assert "A group can only subscribe" in text

    await coordinator.send("/ringkasan 74.01")
    text = (await coordinator.next_message()).text
    assert "Kabupaten Kolaka (74.01) di luar wilayah Anda" in text and "/ringkasan hanya" in text
    await english.send("/summary 74.01")
    assert "/summary covers only your area" in (await english.next_message()).text

    await admin.send("/acara tambah Pilkada 2024-11-27 74.01 Pilkada Kolaka")
    text = (await admin.next_message()).text
    assert "Kabupaten Kolaka (74.01) di luar wilayah Anda" in text
    assert "mencatat pemilu" in text
    await admin.send("/bahasa")
    choose = await admin.next_message()
    await admin.press("English", message_id=choose.message_id)
    await admin.wait_for_edit(choose.message_id)
    await admin.send("/events add Pilkada 2024-11-27 74.01 Pilkada Kolaka")
    text = (await admin.next_message()).text
    assert "Kabupaten Kolaka (74.01) is outside your area" in text
    assert "You can only record elections" in text

    await coordinator.send("/status 74.09.99")
    assert "tidak dikenal" in (await coordinator.next_message()).text


async def test_refusals_and_cancellations_speak_of_the_command_that_was_used(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
    )
    officer = await make_officer(sandbox, database_url, name="Camat", region="74.09.01")
    group = await make_group(sandbox, "Forkopimda", members=[officer], admins=[coordinator])

    await coordinator.send("/berhenti")
    text = (await coordinator.next_message()).text
    assert "Jalankan /berhenti di grup" in text and "ingin berlangganan" not in text
    await english.send("/unsubscribe")
    assert "Run /unsubscribe in the group whose" in (await english.next_message()).text

    await coordinator.send("/undangan")
    text = (await coordinator.next_message()).text
    assert "siapa mengundang siapa" in text and "menonaktifkan" not in text
    await english.send("/invites")
    text = (await english.next_message()).text
    assert "Only admins can see who invited whom" in text and "deactivate" not in text

    await officer.send("/bahasa", chat=group)
    text = (await group.next_message()).text
    assert "mengganti bahasa grup" in text and "langganan" not in text
    english_officer = await make_officer(
        sandbox, database_url, name="Bob", region="74.09.01", language_code="en"
    )
    await group.add_member(english_officer)
    await english_officer.send("/language", chat=group)
    text = (await group.next_message()).text
    assert "can change the group's language" in text and "subscription" not in text

    await officer.send("/tarik")
    text = (await officer.next_message()).text
    assert "bisa ditarik" in text and "diralat" not in text
    await english.send("/withdraw")
    text = (await english.next_message()).text
    assert "can be withdrawn" in text and "corrected" not in text

    await english.send("/leave")
    confirm = await english.next_message()
    await english.press("✖️ Cancel", message_id=confirm.message_id)
    text = (await english.wait_for_edit(confirm.message_id)).text
    assert "You did not leave" in text and "Nothing was saved" not in text
    await officer.send("/keluar")
    confirm = await officer.next_message()
    await officer.press("✖️ Batal", message_id=confirm.message_id)
    assert "tidak jadi keluar" in (await officer.wait_for_edit(confirm.message_id)).text


async def test_help_names_the_group_commands_and_the_admin_welcome_is_in_words(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
    )
    officer = await make_officer(sandbox, database_url, name="Camat", region="74.09.01")
    await coordinator.send("/bantuan")
    text = (await coordinator.next_message()).text
    assert "/langganan [kode wilayah] [JJ:MM] [insiden]" in text and "/berhenti" in text
    await english.send("/help")
    text = (await english.next_message()).text
    assert "In a group" in text and "/subscribe [region code] [HH:MM] [alerts]" in text
    await officer.send("/bantuan")
    assert "/langganan" not in (await officer.next_message()).text  # not theirs to use

    group = await make_group(sandbox, "Forkopimda", members=[officer], admins=[coordinator])
    await officer.send("/bantuan", chat=group)
    text = (await group.next_message()).text
    assert "perintah di grup ini" in text and "/langganan —" in text and "/ringkasan —" in text
    assert "hanya untuk admin grup yang juga koordinator" in text
    english_group = await make_group(sandbox, "Posko EN", members=[], admins=[english])
    await english.send("/subscribe", chat=english_group)
    await english_group.next_message()
    await english.send("/help", chat=english_group)
    text = (await english_group.next_message()).text
    assert "commands in this group" in text and "/subscribe —" in text
    assert "are for group admins who are also Posko coordinators" in text

    admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID, language_code="en")
    await admin.send("/start")
    text = (await admin.next_message()).text
    assert "ADMIN_TELEGRAM_IDS" not in text and "made you an admin in the bot's settings" in text
    await admin.send("/undangan")
    text = (await admin.next_message()).text
    assert "ADMIN_TELEGRAM_IDS" not in text and "the bot's settings (operator)" in text
