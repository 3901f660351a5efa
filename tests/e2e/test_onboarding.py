"""Onboarding as people do it: an admin invites, a coordinator joins, strangers are refused."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.sandbox import SandboxClient, SimUser
from storage.models import Invite, Person
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.helpers import count_rows, fetch_all, invite_code


async def _admin(sandbox: SandboxClient) -> SimUser:
    admin = await sandbox.create_user("Rina", last_name="Kesbangpol", user_id=ADMIN_TELEGRAM_ID)
    await admin.send("/start")
    welcome = await admin.next_message()
    assert "Admin" in welcome.text and "Kabupaten Konawe Utara" in welcome.text
    return admin


async def _invite(admin: SimUser, line: str) -> str:
    await admin.send(line)
    return invite_code((await admin.next_message()).text)


async def test_admin_invites_coordinator_who_registers(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await _admin(sandbox)
    code = await _invite(admin, "/undang koordinator 74.09")

    hasan = await sandbox.create_user("Hasan", last_name="KPU", username="hasan_kpu")
    await hasan.send(f"/start {code}")
    welcome = await hasan.next_message()
    assert "Koordinator" in welcome.text
    assert "Kabupaten Konawe Utara" in welcome.text

    await hasan.send("/profil")
    profile = await hasan.next_message()
    assert (
        "Hasan KPU" in profile.text
        and "74.09" in profile.text
        and "Rina Kesbangpol" in profile.text
    )

    people = await fetch_all(database_url, Person, col(Person.telegram_id) == hasan.id)
    assert [(p.role, p.region_code, p.invited_by_id is not None) for p in people] == [
        ("coordinator", "74.09", True)
    ]
    # Registration gives the person a menu for their role.
    menu = await sandbox.bot_commands({"type": "chat", "chat_id": hasan.id})
    assert "undang" in [c["command"] for c in menu]


async def test_invite_with_buttons_walks_the_region_tree(
    posko: PoskoRuntime, sandbox: SandboxClient
) -> None:
    admin = await _admin(sandbox)
    await admin.send("/undang")
    prompt = await admin.next_message()
    assert prompt.button_texts()[:2] == ["Koordinator", "Petugas"]
    await admin.press("Petugas")
    picker = await admin.wait_for_edit(prompt.message_id)
    assert "Asera" in picker.button_texts()
    await admin.press("Asera", message_id=prompt.message_id)
    picker = await admin.wait_for_edit(prompt.message_id)
    assert "Amorome" in picker.button_texts()  # villages of Asera, first page
    await admin.press("✅ Pilih Asera", message_id=prompt.message_id)
    agencies = await admin.wait_for_edit(prompt.message_id)
    assert "dari instansi mana" in agencies.text
    assert {"KPU", "TNI", "POLRI", "Pemda/Kesbangpol"} <= set(agencies.button_texts())
    await admin.press("Pemda/Kesbangpol", message_id=prompt.message_id)
    done = await admin.wait_for_edit(prompt.message_id)
    assert "Petugas" in done.text and "74.09.01" in done.text and "Pemda" in done.text
    code = invite_code(done.text)

    camat = await sandbox.create_user("Camat", last_name="Asera")
    await camat.send(f"/start {code}")
    assert "Asera, Kabupaten Konawe Utara" in (await camat.next_message()).text
    await camat.send("/profil")
    assert "Instansi: Pemda/Kesbangpol" in (await camat.next_message()).text


async def test_reused_expired_and_forged_invites_are_refused(
    posko: PoskoRuntime, sandbox: SandboxClient, clock: ManualClock, database_url: str
) -> None:
    admin = await _admin(sandbox)
    used_code = await _invite(admin, "/undang petugas 74.09.01")
    late_code = await _invite(admin, "/undang petugas 74.09.02")

    first = await sandbox.create_user("Pertama")
    await first.send(f"/start {used_code}")
    assert "Petugas" in (await first.next_message()).text

    second = await sandbox.create_user("Kedua")
    await second.send(f"/start {used_code}")
    assert "sudah dipakai" in (await second.next_message()).text

    clock.advance(timedelta(days=7, minutes=1))
    await second.send(f"/start {late_code}")
    assert "kedaluwarsa" in (await second.next_message()).text

    for forged in ("AAAAAAAAAAAAAAAAAAAAAAAA", "x", "<b>&amp;", "' OR 1=1 --"):
        await second.send(f"/start {forged}")
        assert "tidak dikenal" in (await second.next_message()).text

    assert await count_rows(database_url, Person, col(Person.telegram_id) == second.id) == 0
    invites = await fetch_all(database_url, Invite)
    assert sorted(i.use_count for i in invites) == [0, 1]


async def test_coordinator_cannot_invite_outside_their_region(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await _admin(sandbox)
    coordinator = await sandbox.create_user("Koor", last_name="Asera")
    await coordinator.send(f"/start {await _invite(admin, '/undang koordinator 74.09.01')}")
    await coordinator.next_message()
    invites_before = await count_rows(database_url, Invite)

    await coordinator.send("/undang petugas 74.09.02")  # Wiwirano: a sibling district
    assert "di luar wilayah Anda" in (await coordinator.next_message()).text
    await coordinator.send("/undang koordinator 74.01")  # another regency
    assert "di luar wilayah Anda" in (await coordinator.next_message()).text

    # A forged button that names a region outside the coordinator's subtree.
    await coordinator.send("/undang")
    prompt = await coordinator.next_message()
    await coordinator.press_data("inv1:p:o:74.01.01", message_id=prompt.message_id)
    assert "di luar wilayah Anda" in (await coordinator.next_message()).text
    assert await count_rows(database_url, Invite) == invites_before

    # Inside their own subtree works, by name too.
    await coordinator.send("/undang petugas Wanggudu")
    assert "74.09.01.1005" in (await coordinator.next_message()).text


async def test_stranger_learns_how_to_join_and_nothing_is_stored(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    stranger = await sandbox.create_user("Tamu")
    await stranger.send("/start")
    assert "tautan undangan" in (await stranger.next_message()).text
    await stranger.send("/undang koordinator 74")
    assert "pengguna terdaftar" in (await stranger.next_message()).text
    await stranger.send("halo")
    assert "hanya dipakai oleh petugas" in (await stranger.next_message()).text
    assert await count_rows(database_url, Person, col(Person.telegram_id) == stranger.id) == 0


async def test_officer_cannot_invite_and_help_matches_role(
    posko: PoskoRuntime, sandbox: SandboxClient
) -> None:
    admin = await _admin(sandbox)
    officer = await sandbox.create_user("Petugas", last_name="Desa")
    await officer.send(f"/start {await _invite(admin, '/undang petugas 74.09.01.1005')}")
    await officer.next_message()
    await officer.send("/undang koordinator 74.09.01.1005")
    assert "tidak bisa membuat undangan" in (await officer.next_message()).text
    await officer.send("/bantuan")
    help_text = (await officer.next_message()).text
    assert "/profil" in help_text and "/undang" not in help_text


async def test_language_switch_to_english(posko: PoskoRuntime, sandbox: SandboxClient) -> None:
    admin = await _admin(sandbox)
    await admin.send("/bahasa")
    await admin.next_message()
    await admin.press("English")
    await admin.send("/help")
    assert "the commands you can use" in (await admin.next_message()).text
    await admin.send("/undang petugas 74.09.01")
    assert "Invite link for a" in (await admin.next_message()).text


async def test_registered_person_keeps_role_when_opening_another_invite(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await _admin(sandbox)
    officer = await sandbox.create_user("Satu")
    await officer.send(f"/start {await _invite(admin, '/undang petugas 74.09.01')}")
    await officer.next_message()
    spare = await _invite(admin, "/undang koordinator 74.09")
    await officer.send(f"/start {spare}")
    assert "sudah terdaftar" in (await officer.next_message()).text
    other = await sandbox.create_user("Dua")
    await other.send(f"/start {spare}")  # the spare link was not used up
    assert "Koordinator" in (await other.next_message()).text
