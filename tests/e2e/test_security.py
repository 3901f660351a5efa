"""Two defects from the field test, as the people involved lived them: a confirmation in a
group that acted for whoever pressed it, and personal data and files posted into groups."""

from __future__ import annotations

import asyncio

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient, SeenMessage, SimUser
from storage.models import Incident, Invite, Person, Report
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import count_rows, fetch_all

NOT_YOURS = "Tombol ini bukan untuk Anda."
PRIVATE_ONLY = "Perintah ini hanya bisa dipakai di chat pribadi"


async def next_toast(user: SimUser, before: int) -> str:
    """The text of the answer to the person's press after `before` answers ("" for none)."""
    for _ in range(200):
        toasts = await user.toasts()
        if len(toasts) > before:
            return toasts[-1].get("text") or ""
        await asyncio.sleep(0.05)
    raise AssertionError(f"{user} got no answer to the press")


async def person(database_url: str, user: SimUser) -> Person:
    [found] = await fetch_all(database_url, Person, col(Person.telegram_id) == user.id)
    return found


async def test_leave_confirmation_in_a_group_acts_only_for_who_asked_for_it(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    member = await make_officer(sandbox, database_url, name="Siti", region="74.09.01")
    stranger = await sandbox.create_user("Tamu")
    group = await make_group(
        sandbox, "Forkopimda Konut", members=[member, stranger], admins=[coordinator]
    )

    await coordinator.send("/keluar", chat=group)
    card = await group.next_message()
    assert "Ya, keluar" in card.button_texts()
    for other in (member, stranger):  # the field test: another member presses "Ya, keluar"
        before = len(await other.toasts())
        await other.press("Ya, keluar", message_id=card.message_id, chat=group)
        assert await next_toast(other, before) == NOT_YOURS
    await group.expect_no_message(within=0.5)
    assert (await group.seen(card.message_id)).edit_count == 0
    assert (await person(database_url, member)).active
    assert (await person(database_url, member)).full_name == "Siti"
    assert (await person(database_url, coordinator)).active
    assert await count_rows(database_url, Person, col(Person.telegram_id) == stranger.id) == 0

    await member.send("/status")  # the member still has access
    assert "Status kesiapan" in (await member.next_message()).text

    await coordinator.press("Ya, keluar", message_id=card.message_id, chat=group)
    assert "Nama Anda sudah dihapus" in (await group.wait_for_edit(card.message_id)).text
    leaver = await person(database_url, coordinator)
    assert not leaver.active and leaver.full_name is None
    assert (await person(database_url, member)).active


async def test_withdraw_confirmation_in_a_group_is_only_for_the_reporter(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Siti", region="74.09.01")
    other = await make_officer(sandbox, database_url, name="Budi", region="74.09.01")
    group = await make_group(sandbox, "Posko Asera", members=[officer, other], admins=[])
    await officer.send("/lapor logistik siap")
    await officer.next_message()
    await officer.send("/tarik", chat=group)
    card = await group.next_message()
    [withdraw] = [text for text in card.button_texts() if text.startswith("Ya, tarik")]

    before = len(await other.toasts())
    await other.press(withdraw, message_id=card.message_id, chat=group)
    assert await next_toast(other, before) == NOT_YOURS
    [report] = await fetch_all(database_url, Report)
    assert report.status == "active"

    await officer.press(withdraw, message_id=card.message_id, chat=group)
    assert "ditarik" in (await group.wait_for_edit(card.message_id)).text
    [report] = await fetch_all(database_url, Report)
    assert report.status == "withdrawn"


def assert_points_to_private_chat(message: SeenMessage, bot_username: str) -> None:
    assert PRIVATE_ONLY in message.text, message.short()
    [[button]] = message.buttons
    assert button["url"] == f"https://t.me/{bot_username}"


async def test_personal_data_and_files_stay_out_of_groups(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await sandbox.create_user("Rina", username="rina_kesbang", user_id=ADMIN_TELEGRAM_ID)
    await admin.send("/start")
    await admin.next_message()
    officer = await make_officer(sandbox, database_url, name="Siti Aminah", region="74.09.01")
    await officer.send("/insiden kritis bencana banjir, jembatan putus ke Wanggudu")
    await officer.next_message()
    [incident] = await fetch_all(database_url, Incident)
    member = await sandbox.create_user("Anggota")
    group = await make_group(sandbox, "Forkopimda Konut", members=[officer, member], admins=[admin])
    assert posko.application is not None
    bot_username = posko.application.bot.username
    assert bot_username

    leaking = [
        "/ekspor",
        "/ekspor csv",
        "/dataku",
        "/profil",
        "/undangan",
        f"/riwayat I-{incident.id:04d}",
        f"/nonaktifkan {officer.id}",
        "/undang petugas 74.09.01",
        "/undang",
        "/lapor logistik siap",
        "/insiden rendah lainnya uji",
        "/ralat",
    ]
    invites_before = await count_rows(database_url, Invite)
    for command in leaking:
        await group.drain()
        await admin.send(command, chat=group)
        assert_points_to_private_chat(await group.next_message(), bot_username)
        await group.expect_no_message(within=0.3)
    # A stranger is pointed to the private chat too (and learns nothing about who is known).
    await member.send("/dataku", chat=group)
    assert_points_to_private_chat(await group.next_message(), bot_username)

    await asyncio.sleep(1)  # an export, had one started, would have been delivered by now
    seen_in_group = await group.transcript()
    assert not [m for m in seen_in_group if m.document is not None]
    everything = "\n".join(m.body for m in seen_in_group if m.from_bot)
    for secret in (str(ADMIN_TELEGRAM_ID), str(officer.id), "rina_kesbang", "Siti Aminah"):
        assert secret not in everything
    assert (await person(database_url, officer)).active
    assert await count_rows(database_url, Invite) == invites_before
    assert await count_rows(database_url, Report) == 0
    assert await count_rows(database_url, Incident) == 1

    # What groups legitimately use still works there.
    for command, answer in (
        ("/status", "Status kesiapan"),
        ("/ringkasan", "Ringkasan Posko Pemilu"),
        ("/insiden_terbuka", "Insiden terbuka"),
    ):
        await admin.send(command, chat=group)
        assert answer in (await group.next_message()).text

    # In the private chat the same commands answer, and the export arrives there.
    await admin.drain()
    await admin.send("/dataku")
    data = (await admin.next_message()).text
    assert str(ADMIN_TELEGRAM_ID) in data and "@rina_kesbang" in data
    await admin.send("/ekspor")
    assert "Menyiapkan ekspor" in (await admin.next_message()).text
    while (exported := await admin.next_message(timeout=20)).document is None:
        pass
    assert exported.document["file_name"].endswith(".xlsx")
