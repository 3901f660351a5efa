"""People whose access ended, and strangers, as they see the bot: a deactivated person and
one who left are told so (not treated as strangers); a stranger writing in a private chat
learns whom to contact; in groups the bot stays quiet for them."""

from __future__ import annotations

from dataclasses import replace

from bot.app import PoskoRuntime
from bot.config import Settings
from bot.sandbox import SandboxClient, SimUser
from tests.factories import make_admin, make_coordinator, make_group, make_officer, running
from tests.helpers import shell_invites


async def _last_toast(user: SimUser, before: int) -> str:
    import asyncio

    for _ in range(200):
        toasts = await user.toasts()
        if len(toasts) > before:
            return str(toasts[-1].get("text") or "")
        await asyncio.sleep(0.05)
    raise AssertionError("the press was not answered")


async def test_a_deactivated_person_is_told_their_access_ended_for_everything(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await make_admin(sandbox)
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09.01")
    english = await make_officer(
        sandbox, database_url, name="Ann", region="74.09.01", language_code="en"
    )
    group = await make_group(sandbox, "Forkopimda", members=[english], admins=[coordinator])
    await coordinator.send("/undang")
    prompt = await coordinator.next_message()  # its buttons outlive the access

    for person in (coordinator, english):
        await admin.send(f"/nonaktifkan {person.id}")
        assert "dinonaktifkan sekarang" in (await admin.next_message()).text

    for text in ("/status", "/start", "/bantuan", "/lapor logistik siap", "halo", "/xyz"):
        await coordinator.send(text)
        answer = (await coordinator.next_message()).text
        assert "Akun Anda di Posko Pemilu sudah dinonaktifkan" in answer, (text, answer)
    before = len(await coordinator.toasts())
    await coordinator.press("Petugas", message_id=prompt.message_id)
    assert "sudah dinonaktifkan" in await _last_toast(coordinator, before)
    await coordinator.send("/ringkasan", chat=group)
    assert "sudah dinonaktifkan" in (await group.next_message()).text
    await coordinator.send("selamat pagi semua", chat=group)  # not for the bot
    await group.expect_no_message(within=0.5)

    await english.send("/help")
    assert "Your Posko Pemilu account has been deactivated" in (await english.next_message()).text
    await english.send_location(-3.3, 122.1)
    assert "has been deactivated" in (await english.next_message()).text

    # A new invite brings them back.
    [code] = await shell_invites(database_url, role="officer", region="74.09.01")
    await english.send(f"/start {code}")
    assert "Welcome" in (await english.next_message()).text
    await english.send("/status")
    assert "Readiness" in (await english.next_message()).text


async def test_a_person_who_left_is_told_they_left(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Siti", region="74.09.01")
    english = await make_officer(
        sandbox, database_url, name="Ann", region="74.09.01", language_code="en"
    )
    for person, yes in ((officer, "Ya, keluar"), (english, "Yes, leave")):
        await person.send("/keluar")
        confirm = await person.next_message()
        await person.press(yes, message_id=confirm.message_id)
        await person.wait_for_edit(confirm.message_id)
    for text in ("/lapor logistik siap", "/dataku", "halo"):
        await officer.send(text)
        answer = (await officer.next_message()).text
        assert "Anda sudah keluar dari Posko Pemilu dengan /keluar" in answer, (text, answer)
    await english.send("/mydata")
    assert "You left Posko Pemilu with /leave" in (await english.next_message()).text
    before = len(await english.toasts())
    await english.press_data("rem1:lapor", message_id=confirm.message_id)
    assert "You left Posko Pemilu" in await _last_toast(english, before)


async def test_a_stranger_writing_learns_the_bot_is_for_officers_and_whom_to_contact(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    stranger = await sandbox.create_user("Warga")
    await stranger.send("halo, saya mau lapor banjir")
    text = (await stranger.next_message()).text
    assert "hanya dipakai oleh petugas dan koordinator" in text
    assert "tidak diteruskan" in text and "Kesbangpol kabupaten/kota Anda" in text
    visitor = await sandbox.create_user("Visitor", language_code="en")
    await visitor.send_location(-3.3, 122.1)
    text = (await visitor.next_message()).text
    assert "used only by invited election officers" in text and "your regency's" in text

    # In a group the bot stays quiet for strangers.
    await sandbox.set_privacy_mode(False)
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    group = await make_group(sandbox, "Warga Konut", members=[stranger], admins=[coordinator])
    await stranger.send("halo, saya mau lapor banjir", chat=group)
    await group.expect_no_message(within=0.8)
    await stranger.expect_no_message(within=0.2)


async def test_the_contact_comes_from_the_help_contact_setting(
    settings: Settings, sandbox: SandboxClient, database_url: str
) -> None:
    configured = replace(settings, help_contact="Kesbangpol Konawe Utara, WA 0812-4000-1111 & co")
    async with running(configured):
        stranger = await sandbox.create_user("Warga")
        await stranger.send("halo, saya mau lapor banjir")
        message = await stranger.next_message()
        assert "Kesbangpol Konawe Utara, WA 0812-4000-1111 & co" in message.text
        assert "&amp; co" in (message.html or "")  # escaped, never markup
        visitor = await sandbox.create_user("Visitor", language_code="en")
        await visitor.send("hello")
        assert "contact: Kesbangpol Konawe Utara" in (await visitor.next_message()).text
