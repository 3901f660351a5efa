"""Incidents: alerts reach the right coordinators at once and are followed to resolution."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.jobs import ESCALATION_JOB
from bot.sandbox import SandboxClient, SimUser
from storage.models import Incident, IncidentEvent, OutboxMessage
from tests.factories import make_coordinator, make_group, register, running
from tests.helpers import count_rows, fetch_all

INCIDENT_REF = re.compile(r"I-\d{4}")
FLOOD = "/insiden kritis bencana banjir, jembatan putus ke desa Wanggudu"


async def _people(sandbox: SandboxClient, database_url: str) -> dict[str, SimUser]:
    async def make(name: str, role: str, region: str) -> SimUser:
        return await register(sandbox, database_url, name=name, role=role, region=region)

    return {
        "officer": await make("Petugas Wanggudu", "officer", "74.09.01.1005"),
        "district": await make("Koor Asera", "coordinator", "74.09.01"),
        "regency": await make("Koor Konut", "coordinator", "74.09"),
        "other": await make("Koor Kolaka", "coordinator", "74.01"),
    }


async def _run_escalation(runtime: PoskoRuntime) -> None:
    assert runtime.application is not None and runtime.application.job_queue is not None
    [job] = runtime.application.job_queue.get_jobs_by_name(ESCALATION_JOB)
    await job.run(runtime.application)


async def test_critical_flood_is_alerted_acknowledged_and_resolved(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    officer, district = people["officer"], people["district"]
    # A second coordinator of the district: the nearest staffed level is alerted at once.
    regency = await make_coordinator(
        sandbox, database_url, name="Koor Asera Dua", region="74.09.01"
    )
    await officer.send(FLOOD)
    confirmation = await officer.next_message()
    assert INCIDENT_REF.search(confirmation.text)
    assert "tercatat dan dikirim ke 2 koordinator" in confirmation.text

    district_alert = await district.next_message()
    regency_alert = await regency.next_message()
    for alert in (district_alert, regency_alert):
        assert "INSIDEN KRITIS" in alert.text and "Bencana alam" in alert.text
        assert "jembatan putus" in alert.text and "belum diterima" in alert.text
        assert "✅ Terima" in alert.button_texts()
    await people["other"].expect_no_message(within=1.0)  # another regency hears nothing
    # The level above hears of it only if nobody acknowledges it in time.
    await people["regency"].expect_no_message(within=0.3)

    await district.press("✅ Terima", message_id=district_alert.message_id)
    updated = await regency.wait_for_edit(regency_alert.message_id)
    assert "diterima oleh Koor Asera" in updated.text
    assert "✅ Terima" not in updated.button_texts()
    assert (
        "diterima oleh Koor Asera" in (await district.wait_for_edit(district_alert.message_id)).text
    )
    assert "Diterima" in (await officer.next_message()).text  # the reporter is told

    # A second acknowledgement (an old button) is refused and changes nothing.
    await regency.press_data(
        f"inc1:{_id(confirmation.text)}:a", message_id=regency_alert.message_id
    )
    await regency.expect_no_message(within=0.5)
    assert any("Sudah diterima" in (toast.get("text") or "") for toast in await regency.toasts())

    await regency.press("✔️ Selesai", message_id=regency_alert.message_id)
    assert "catatan penutup" in (await regency.next_message()).text
    await regency.send("Tim BPBD sudah memasang jembatan darurat")
    assert "ditutup sebagai selesai" in (await regency.next_message()).text
    closed = await district.wait_for_edit(district_alert.message_id)
    assert "Selesai" in closed.text and "jembatan darurat" in closed.text and closed.buttons == []
    told = await officer.next_message()
    assert "Selesai" in told.text and "jembatan darurat" in told.text

    [incident] = await fetch_all(database_url, Incident)
    assert incident.status == "resolved" and incident.next_escalation_at is None
    events = await fetch_all(
        database_url, IncidentEvent, col(IncidentEvent.incident_id) == incident.id
    )
    assert [e.kind for e in events] == ["reported", "alerted", "acknowledged", "resolved"]

    await regency.send(f"/riwayat I-{incident.id:04d}")
    history = (await regency.next_message()).text
    assert "dilaporkan (Petugas Wanggudu)" in history
    assert "diterima (Koor Asera)" in history
    assert "selesai (Koor Asera Dua): Tim BPBD sudah memasang jembatan darurat" in history
    await people["other"].send(f"/riwayat I-{incident.id:04d}")  # another regency: not theirs
    refused = (await people["other"].next_message()).text
    assert "tidak ditemukan di wilayah Anda" in refused
    assert "Tulis nomor insiden di wilayah Anda" in refused


def _id(text: str) -> int:
    match = INCIDENT_REF.search(text)
    assert match
    return int(match.group(0)[2:])


async def test_unacknowledged_incident_escalates_level_by_level_and_stops_on_ack(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    people = await _people(sandbox, database_url)
    province = await make_coordinator(sandbox, database_url, name="Koor Sultra", region="74")
    officer, district, regency = people["officer"], people["district"], people["regency"]
    await officer.send(FLOOD)
    assert "ke 1 koordinator" in (await officer.next_message()).text
    assert "INSIDEN KRITIS" in (await district.next_message()).text  # the nearest level only
    await regency.expect_no_message(within=0.3)
    await province.expect_no_message(within=0.3)

    await _run_escalation(posko)  # not yet due
    await regency.expect_no_message(within=0.3)
    clock.advance(timedelta(minutes=10, seconds=1))
    await _run_escalation(posko)
    # The next staffed level up gets the alert, new to them, with its buttons.
    escalation = await regency.next_message()
    assert "ESKALASI" in escalation.text and "Kabupaten Konawe Utara" in escalation.text
    assert "jembatan putus" in escalation.text and "✅ Terima" in escalation.button_texts()
    # The first recipients are reminded; the reporter is told where it went.
    reminder = await district.next_message()
    assert "belum diterima siapa pun setelah 10 menit" in reminder.text
    assert "Kabupaten Konawe Utara (1 koordinator)" in reminder.text
    told = await officer.next_message()
    assert "dieskalasi ke Kabupaten Konawe Utara (1 koordinator)" in told.text
    await province.expect_no_message(within=0.3)

    clock.advance(timedelta(minutes=10, seconds=1))
    await _run_escalation(posko)
    province_escalation = await province.next_message()
    assert (
        "ESKALASI" in province_escalation.text and "Sulawesi Tenggara" in province_escalation.text
    )
    for reminded in (district, regency):  # everyone who had it is reminded, once
        assert "belum diterima siapa pun" in (await reminded.next_message()).text
        await reminded.expect_no_message(within=0.2)
    assert "dieskalasi" in (await officer.next_message()).text

    await province.press("✅ Terima", message_id=province_escalation.message_id)
    taken = await province.wait_for_edit(province_escalation.message_id)
    assert "diterima oleh Koor Sultra" in taken.text
    clock.advance(timedelta(hours=1))
    await _run_escalation(posko)
    [incident] = await fetch_all(database_url, Incident)
    assert incident.status == "acknowledged" and incident.next_escalation_at is None
    events = await fetch_all(database_url, IncidentEvent, col(IncidentEvent.kind) == "escalated")
    assert [e.detail for e in events] == ["74.09 (1)", "74 (1)"]

    await regency.send(f"/riwayat I-{incident.id:04d}")
    history = (await regency.next_message()).text
    assert "⏫ eskalasi ke Kabupaten Konawe Utara (1 koordinator)" in history
    assert "🔔 peringatan dikirim ke 1 penerima" in history
    assert "(Posko)" not in history


async def test_escalation_deadline_survives_a_restart(
    settings: Settings, clock: ManualClock, sandbox: SandboxClient, database_url: str
) -> None:
    async with running(settings, clock):
        people = await _people(sandbox, database_url)
        await people["officer"].send("/insiden tinggi kekerasan bentrok pendukung di TPS 03")
        await people["officer"].next_message()
        await people["district"].next_message()

    clock.advance(timedelta(minutes=31))  # past the 30-minute deadline for "tinggi"
    # The escalation job runs at start, from the database.
    async with running(settings, clock):
        escalation = await people["regency"].next_message(timeout=10)
        assert "ESKALASI" in escalation.text and "bentrok" in escalation.text


async def test_a_blocked_coordinator_does_not_stop_the_others(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    second = await make_coordinator(sandbox, database_url, name="Koor Asera Dua", region="74.09.01")
    await people["district"].block_bot()
    await people["officer"].send(FLOOD)
    await people["officer"].next_message()
    assert "INSIDEN KRITIS" in (await second.next_message()).text
    # The regency coordinator is told the blocked district coordinator is unreachable.
    notice = await people["regency"].next_message(timeout=10)
    assert "tidak sampai ke Koor Asera" in notice.text
    failed = await fetch_all(database_url, OutboxMessage, col(OutboxMessage.status) == "failed")
    assert [m.chat_id for m in failed] == [people["district"].id]


async def test_alerts_arrive_once_each_and_in_order_despite_429_and_502(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    people["district2"] = await make_coordinator(
        sandbox, database_url, name="Koor Asera Dua", region="74.09.01"
    )
    await sandbox.set_faults(
        rate_429=0.25,
        retry_after=1,
        rate_5xx=0.25,
        seed=7,
        methods=["sendMessage", "editMessageText"],
    )
    for number in range(1, 6):
        await people["officer"].send(f"/insiden sedang logistik kotak suara rusak nomor {number}")
    for _ in range(5):
        await people["officer"].next_message(timeout=30)
    for who in ("district", "district2"):
        alerts = [await people[who].next_message(timeout=30) for _ in range(5)]
        await people[who].expect_no_message(within=1.0)
        assert [f"nomor {n}" in a.text for n, a in zip(range(1, 6), alerts, strict=True)] == [
            True
        ] * 5
    faulted = [c for c in await sandbox.calls("sendMessage") if c.get("fault")]
    assert faulted, "the faults were not exercised"
    assert await count_rows(database_url, OutboxMessage, col(OutboxMessage.status) != "sent") == 0


async def test_group_subscribed_to_alerts_by_a_group_admin_coordinator(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    regency, officer = people["regency"], people["officer"]
    member = await sandbox.create_user("Anggota")
    group = await make_group(
        sandbox, "Forkopimda Konut", members=[member, officer], admins=[regency]
    )
    await officer.send("/langganan 74.09 insiden", chat=group)
    assert "Hanya admin grup" in (await group.next_message()).text
    await regency.send("/langganan 74.01 insiden", chat=group)
    assert "di luar wilayah Anda" in (await group.next_message()).text
    await regency.send("/langganan 74.09 06:30 insiden", chat=group)
    done = await group.next_message()
    assert "06:30" in done.text and "peringatan insiden: ya" in done.text

    await officer.send(FLOOD)
    await officer.next_message()
    alert = await group.next_message()
    assert "INSIDEN KRITIS" in alert.text
    await member.press("✅ Terima", message_id=alert.message_id, chat=group)
    await group.expect_no_message(within=0.5)
    assert any("bukan untuk Anda" in (toast.get("text") or "") for toast in await member.toasts())
    await regency.press("✅ Terima", message_id=alert.message_id, chat=group)
    assert "diterima oleh Koor Konut" in (await group.wait_for_edit(alert.message_id)).text


async def test_guided_incident_and_open_list_order(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    people = await _people(sandbox, database_url)
    officer, regency = people["officer"], people["district"]
    await officer.send("/insiden rendah lainnya baliho roboh")
    await officer.next_message()
    clock.advance(timedelta(minutes=5))

    await officer.send("/insiden")
    card = await officer.next_message()
    await officer.press("Hoaks/disinformasi")
    await officer.wait_for_edit(card.message_id)
    await officer.press("🚨 Kritis")
    await officer.wait_for_edit(card.message_id)
    await officer.send("Pesan berantai <b>palsu</b> soal TPS dipindah & ditutup")
    summary = await officer.next_message()
    assert "Ancaman" in summary.text and "<b>palsu</b>" in summary.text
    await officer.press("Gangguan", message_id=summary.message_id)  # change the ATHG class
    summary = await officer.wait_for_edit(summary.message_id)
    assert "✓ Gangguan" in summary.button_texts()
    await officer.press("🚨 Kirim", message_id=summary.message_id)
    assert INCIDENT_REF.search((await officer.wait_for_edit(summary.message_id)).text)
    critical = await fetch_all(database_url, Incident, col(Incident.severity) == "kritis")
    assert critical[0].athg_class == "gangguan" and "&" in critical[0].description

    clock.advance(timedelta(minutes=5))
    await officer.send_location(-3.45, 122.09)
    offer = await officer.next_message()
    await officer.press("🚨 Lapor insiden di sini", message_id=offer.message_id)
    card = await officer.next_message()
    await officer.press("Akses/transportasi")
    await officer.wait_for_edit(card.message_id)
    await officer.press("🟠 Tinggi")
    await officer.wait_for_edit(card.message_id)
    await officer.send("Jalan ke desa longsor")
    summary = await officer.next_message()
    assert "-3.45000" in summary.text
    await officer.press("🚨 Kirim", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)

    for _ in range(3):  # the district coordinator was alerted of each
        assert "INSIDEN" in (await regency.next_message()).text
    await regency.send("/insiden_terbuka")
    listing = (await regency.next_message()).text
    order = [line.split(" ")[0] for line in listing.splitlines()[1:]]
    assert order == ["🚨", "🟠", "🟢"]  # most severe first


async def test_malformed_incident_lines_store_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    officer = people["officer"]
    for line in (
        "/insiden banjir",
        "/insiden kritis",
        "/insiden kritis bencana",
        "/insiden 74.01 kritis bencana di luar wilayah",
    ):
        await officer.send(line)
        reply = (await officer.next_message()).text
        assert "tidak bisa dibaca" in reply or "di luar wilayah" in reply, line
    assert await count_rows(database_url, Incident) == 0
