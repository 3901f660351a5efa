"""Rough edges of incident alerts, escalation and history found in a field test, each as
the people involved see it, in Indonesian and in English."""

from __future__ import annotations

from datetime import timedelta

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.sandbox import SandboxClient
from storage.models import Incident
from tests.e2e.edges_helpers import incident_id, run_escalation
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import fetch_all

# -- 1, 2: escalation reaches someone new; "recorded and sent" is not "acknowledged" --------


async def test_escalation_in_english_reaches_the_next_level_and_reminds_the_first(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    officer = await make_officer(
        sandbox,
        database_url,
        name="Field Officer",
        region="74.09.01.1005",
        language_code="en",
    )
    district = await make_coordinator(
        sandbox,
        database_url,
        name="District Lead",
        region="74.09.01",
        language_code="en",
    )
    regency = await make_coordinator(
        sandbox,
        database_url,
        name="Regency Lead",
        region="74.09",
        language_code="en",
    )
    second = await make_coordinator(
        sandbox,
        database_url,
        name="Regency Two",
        region="74.09",
        language_code="en",
    )
    await officer.send("/insiden tinggi kekerasan clash at polling station 3")
    confirmation = (await officer.next_message()).text
    assert "recorded and sent to 1 coordinator" in confirmation
    assert "acknowledged" not in confirmation.lower()
    alert = await district.next_message()
    assert "not yet acknowledged" in alert.text
    await regency.expect_no_message(within=0.3)

    clock.advance(timedelta(minutes=31))
    await run_escalation(posko)
    for newcomer in (regency, second):
        escalated = await newcomer.next_message()
        assert "ESCALATED" in escalated.text and "clash at polling station" in escalated.text
        assert "✅ Acknowledge" in escalated.button_texts()
    reminder = (await district.next_message()).text
    assert "Nobody has acknowledged incident" in reminder and "after 31 minutes" in reminder
    assert "Kabupaten Konawe Utara (2 coordinators)" in reminder
    told = (await officer.next_message()).text
    assert "was escalated to Kabupaten Konawe Utara (2 coordinators)" in told

    # Nothing is left above: no further escalation, nobody nagged again.
    clock.advance(timedelta(hours=2))
    await run_escalation(posko)
    await district.expect_no_message(within=0.3)
    await officer.expect_no_message(within=0.2)
    [incident] = await fetch_all(database_url, Incident)
    assert incident.next_escalation_at is None

    await regency.send(f"/history I-{incident.id:04d}")
    history = (await regency.next_message()).text
    assert "⏫ escalated to Kabupaten Konawe Utara (2 coordinators)" in history
    assert "🔔 alert sent to 1 recipient" in history


# -- 3: a long description can be read whole -------------------------------------------------


async def test_a_long_description_is_read_whole_from_the_alert_and_the_history(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    district = await make_coordinator(sandbox, database_url, name="Koor Asera", region="74.09.01")
    english = await make_coordinator(
        sandbox,
        database_url,
        name="District Two",
        region="74.09.01",
        language_code="en",
    )
    stranger = await make_officer(sandbox, database_url, name="Petugas Kolaka", region="74.01.01")
    words = [f"kata{n:04d}&" for n in range(360)]  # 3,960 characters, & escaped as &amp;
    description = " ".join(words)
    command = f"/insiden kritis bencana {description}"
    assert len(command) <= 4096
    await officer.send(command)
    await officer.next_message()
    alert = await district.next_message()
    assert "kata0000&" in alert.text and "kata0359&" not in alert.text  # only the start
    assert "📄 Selengkapnya" in alert.button_texts()
    assert "📄 Read more" in (await english.next_message()).button_texts()

    await district.press("📄 Selengkapnya", message_id=alert.message_id)
    parts = [await district.next_message(), await district.next_message()]
    assert all(len(p.text) <= 4096 for p in parts)
    assert "keterangan lengkap (1/2)" in parts[0].text
    assert "keterangan lengkap (2/2)" in parts[1].text
    received = " ".join(p.text.split("\n", 1)[1] for p in parts).split()
    assert received == words
    await district.expect_no_message(within=0.3)

    # Someone outside the incident's area gets nothing (a forged press on their own chat).
    await stranger.send("/bantuan")
    anchor = await stranger.next_message()
    number = incident_id(alert.text)
    await stranger.press_data(f"incm1:{number}", message_id=anchor.message_id)
    await stranger.expect_no_message(within=0.5)
    assert any("di luar wilayah" in (x.get("text") or "") for x in await stranger.toasts())

    # The history shows the description whole, split between messages safely.
    await district.send(f"/riwayat I-{number:04d}")
    chunks = []
    while not chunks or "Riwayat" not in chunks[-1]:
        chunks.append((await district.next_message()).text)
    assert all(len(c) <= 4096 for c in chunks) and len(chunks) >= 2
    whole = " ".join(chunks)
    found = [w for w in whole.split() if w.startswith("kata")]
    assert found == words


async def test_read_more_pressed_in_a_group_goes_to_the_private_chat(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    regency = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    member = await sandbox.create_user("Anggota")
    group = await make_group(sandbox, "Forkopimda", members=[member, officer], admins=[regency])
    await regency.send("/langganan 74.09 insiden", chat=group)
    await group.next_message()
    await officer.send("/insiden sedang lainnya " + "baliho roboh di simpang tiga " * 60)
    await officer.next_message()
    await regency.next_message()  # the regency is the nearest staffed level here
    alert = await group.next_message()
    await member.press("📄 Selengkapnya", message_id=alert.message_id, chat=group)
    await member.expect_no_message(within=0.5)  # not registered: nothing sent
    assert any("di luar wilayah" in (x.get("text") or "") for x in await member.toasts())
    await regency.press("📄 Selengkapnya", message_id=alert.message_id, chat=group)
    full = await regency.next_message()
    assert "keterangan lengkap (1/1)" in full.text and full.text.count("baliho roboh") == 60
    assert any("chat pribadi" in (x.get("text") or "") for x in await regency.toasts())
    await group.expect_no_message(within=0.3)

    # 7: Selesai / Tolak in a group: the toast says the note is asked in private, and it is.
    await regency.press("✔️ Selesai", message_id=alert.message_id, chat=group)
    assert "catatan penutup" in (await regency.next_message()).text
    toasts = [x.get("text") or "" for x in await regency.toasts()]
    assert "chat pribadi" in toasts[-1] and "catatan" in toasts[-1]
    await group.expect_no_message(within=0.3)


async def test_resolve_in_a_group_english_toast(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    lead = await make_coordinator(
        sandbox,
        database_url,
        name="Regency Lead",
        region="74.09",
        language_code="en",
    )
    group = await make_group(sandbox, "Posko", members=[officer], admins=[lead])
    await lead.send("/subscribe 74.09 insiden", chat=group)
    await group.next_message()
    await officer.send("/insiden sedang lainnya baliho roboh")
    await officer.next_message()
    await lead.next_message()
    alert = await group.next_message()
    await lead.press("✖️ Dismiss", message_id=alert.message_id, chat=group)
    assert "Write the reason" in (await lead.next_message()).text
    toasts = [x.get("text") or "" for x in await lead.toasts()]
    assert "private chat" in toasts[-1]


# -- 6, 8: clear answers ---------------------------------------------------------------------


async def test_withdraw_with_nothing_to_withdraw_and_history_errors(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    english = await make_officer(
        sandbox,
        database_url,
        name="Field Officer",
        region="74.09.01.1005",
        language_code="en",
    )
    await officer.send("/tarik")
    nothing = (await officer.next_message()).text
    assert "bisa ditarik" in nothing and "diralat" not in nothing
    await english.send("/withdraw")
    nothing = (await english.next_message()).text
    assert "can be withdrawn" in nothing and "corrected" not in nothing

    await officer.send("/riwayat I-9999")
    answer = (await officer.next_message()).text
    assert "I-9999 tidak ditemukan" in answer and "/riwayat I-0001" in answer
    await officer.send("/riwayat kemarin")
    answer = (await officer.next_message()).text
    assert "kemarin bukan nomor insiden" in answer and "/riwayat I-0001" in answer
    await officer.send("/riwayat")
    assert "belum ditulis" in (await officer.next_message()).text
    await english.send("/history I-9999")
    assert "I-9999 was not found in your area" in (await english.next_message()).text
    await english.send("/history abc")
    assert "abc is not an incident number" in (await english.next_message()).text


# -- 9: the alert after each state; who handles it now; names removed ------------------------


async def test_alert_after_handling_by_someone_else(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    first = await make_coordinator(sandbox, database_url, name="Koor Satu", region="74.09.01")
    second = await make_coordinator(sandbox, database_url, name="Koor Dua", region="74.09.01")
    english = await make_coordinator(
        sandbox,
        database_url,
        name="District Three",
        region="74.09.01",
        language_code="en",
    )
    await officer.send("/insiden tinggi akses jalan longsor")
    await officer.next_message()
    alerts = {p: await p.next_message() for p in (first, second, english)}
    assert all(row for row in alerts[first].buttons)

    await first.press("✅ Terima", message_id=alerts[first].message_id)
    taken = await second.wait_for_edit(alerts[second].message_id)
    assert "diterima oleh Koor Satu" in taken.text
    assert all(row for row in taken.buttons) and "🛠 Tangani" in taken.button_texts()
    await second.press("🛠 Tangani", message_id=alerts[second].message_id)
    handled = await second.wait_for_edit(alerts[second].message_id, after_edit_count=1)
    assert "ditangani oleh Koor Dua" in handled.text
    assert "(diterima oleh Koor Satu" in handled.text
    assert [[b["text"] for b in row] for row in handled.buttons] == [
        ["✔️ Selesai", "✖️ Tolak"],
        ["🤝 Minta dukungan"],
    ]
    seen = await english.wait_for_edit(alerts[english].message_id, after_edit_count=1)
    assert "handled by Koor Dua" in seen.text and "(acknowledged by Koor Satu" in seen.text
    assert all(row for row in seen.buttons)

    # Koor Satu leaves: the history names nobody, without doubled parentheses.
    await first.send("/keluar")
    confirm = await first.next_message()
    await first.press(confirm.buttons[0][0]["text"], message_id=confirm.message_id)
    await first.wait_for_edit(confirm.message_id)
    [incident] = await fetch_all(database_url, Incident)
    await second.drain()
    await second.send(f"/riwayat I-{incident.id:04d}")
    history = (await second.next_message()).text
    assert "diterima (nama dihapus)" in history and "((" not in history
    assert "ditangani (Koor Dua)" in history


async def test_english_read_more_photo_kept_and_history_wording(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(
        sandbox,
        database_url,
        name="Field Officer",
        region="74.09.01.1005",
        language_code="en",
    )
    lead = await make_coordinator(
        sandbox,
        database_url,
        name="Regency Lead",
        region="74.09",
        language_code="en",
    )
    member = await sandbox.create_user("Member", language_code="en")
    group = await make_group(sandbox, "Posko", members=[member, officer], admins=[lead])
    await lead.send("/subscribe 74.09 insiden", chat=group)
    await group.next_message()
    await officer.send("/incident sedang lainnya " + "billboard fell at the crossing " * 50)
    confirmation = (await officer.next_message()).text
    assert "recorded and sent to 1 coordinator and 1 group" in confirmation
    await lead.next_message()
    alert = await group.next_message()
    await member.press("📄 Read more", message_id=alert.message_id, chat=group)
    await member.expect_no_message(within=0.5)
    assert any("outside your area" in (x.get("text") or "") for x in await member.toasts())
    await lead.press("📄 Read more", message_id=alert.message_id, chat=group)
    full = (await lead.next_message()).text
    assert "full description (1/1)" in full and full.count("billboard fell") == 50
    assert any("sent to your private chat" in (x.get("text") or "") for x in await lead.toasts())

    await officer.send("/incident")
    card = await officer.next_message()
    await officer.press("Other", message_id=card.message_id)
    await officer.wait_for_edit(card.message_id)
    await officer.press("🟢 Low", message_id=card.message_id)
    await officer.wait_for_edit(card.message_id)
    await officer.send_photo()
    assert "Photo kept (1)" in (await officer.next_message()).text
    await officer.send("/cancel")
    await officer.next_message()

    await officer.send("/history")
    assert "No incident number was given" in (await officer.next_message()).text
    await lead.press("✅ Acknowledge", message_id=alert.message_id, chat=group)
    await officer.next_message()  # told of the acknowledgement
    await lead.send("/leave")
    confirm = await lead.next_message()
    await lead.press("Yes, leave", message_id=confirm.message_id)
    await lead.wait_for_edit(confirm.message_id)
    await officer.send("/history I-0001")
    history = (await officer.next_message()).text
    assert "acknowledged (name removed)" in history and "((" not in history
