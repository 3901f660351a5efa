"""Data care: people see what is held about them, can leave, and admins can cut access."""

from __future__ import annotations

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from storage.models import Invite, Person, Report
from tests.factories import make_admin, make_officer
from tests.helpers import fetch_all, invite_code


async def test_my_data_and_leaving_keeps_reports_but_not_the_name(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Siti Aminah", region="74.09.01.1005")
    await officer.send("/lapor logistik siap")
    await officer.next_message()
    await officer.send("/dataku")
    data = (await officer.next_message()).text
    assert "Siti Aminah" in data and str(officer.id) in data
    assert "Laporan kesiapan: 1 (dengan lokasi: 0" in data

    await officer.send("/keluar")
    await officer.next_message()
    confirm = (await officer.transcript())[-1]
    await officer.press("Ya, keluar", message_id=confirm.message_id)
    assert "Nama Anda sudah dihapus" in (await officer.wait_for_edit(confirm.message_id)).text
    [person] = await fetch_all(database_url, Person, col(Person.telegram_id) == officer.id)
    assert person.full_name is None and person.username is None and not person.active
    [report] = await fetch_all(database_url, Report)
    assert report.person_id == person.id and report.reporter_role == "officer"
    assert report.region_code == "74.09.01.1005"
    await officer.send("/lapor logistik siap")
    assert "Anda sudah keluar dari Posko Pemilu" in (await officer.next_message()).text


async def test_admin_deactivates_at_once_and_pending_invites_die(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await make_admin(sandbox)
    await admin.send("/undang koordinator 74.09.01")
    coordinator = await sandbox.create_user("Koor", last_name="Asera")
    await coordinator.send(f"/start {invite_code((await admin.next_message()).text)}")
    await coordinator.next_message()
    await coordinator.send("/undang petugas 74.09.01.1005")
    pending = invite_code((await coordinator.next_message()).text)

    await admin.send("/undangan")
    listing = (await admin.next_message()).text
    assert "Koor Asera" in listing and "← Rina" in listing

    officer = await sandbox.create_user("Petugas")
    await coordinator.send("/nonaktifkan 123")
    assert "Hanya admin" in (await coordinator.next_message()).text
    await admin.send(f"/nonaktifkan {coordinator.id}")
    assert "dinonaktifkan" in (await admin.next_message()).text
    await coordinator.send("/status")
    assert "sudah dinonaktifkan" in (await coordinator.next_message()).text
    await officer.send(f"/start {pending}")
    assert "dibatalkan" in (await officer.next_message()).text
    revoked = await fetch_all(database_url, Invite, col(Invite.revoked_at).is_not(None))
    assert len(revoked) == 1
