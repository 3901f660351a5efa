"""Status reports as officers and coordinators make and read them."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.jobs import DRAFT_SWEEP_JOB
from bot.sandbox import SandboxClient
from storage.models import Readiness, Report
from tests.factories import make_coordinator, make_officer, running
from tests.helpers import count_rows, fetch_all

REFERENCE = re.compile(r"R-\d{4}")


async def test_guided_report_in_four_taps_from_a_district(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await make_officer(
        sandbox, database_url, region="74.09.01"
    )  # Asera: a choice of villages
    await camat.send("/lapor")
    card = await camat.next_message()
    assert "Untuk wilayah mana" in card.text
    await camat.press("✅ Pilih Asera")  # tap 1
    await camat.wait_for_edit(card.message_id)
    await camat.press("Distribusi logistik")  # tap 2
    await camat.wait_for_edit(card.message_id)
    await camat.press("🟡 Sebagian")  # tap 3
    summary = await camat.wait_for_edit(card.message_id)
    assert "Periksa laporan" in summary.text and "Sebagian" in summary.text
    await camat.press("✅ Kirim")  # tap 4
    done = await camat.wait_for_edit(card.message_id)
    assert REFERENCE.search(done.text) and "Distribusi logistik" in done.text
    assert done.button_texts() == ["🤝 Minta dukungan"]  # a 🟡 report: support may be asked

    [report] = await fetch_all(database_url, Report)
    assert (report.region_code, report.aspect_code, report.state) == (
        "74.09.01",
        "distribusi",
        "partial",
    )
    assert f"R-{report.id:04d}" in done.text


async def test_guided_report_with_every_optional_step(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)  # a village: no region question
    await officer.send("/lapor")
    card = await officer.next_message()
    assert "Aspek apa" in card.text
    await officer.press("Ketersediaan logistik")
    await officer.wait_for_edit(card.message_id)
    await officer.press("✅ Siap")
    await officer.wait_for_edit(card.message_id)

    await officer.press("➕ Persen")
    await officer.wait_for_edit(card.message_id)
    await officer.send("persen?")  # not a number: asked again, nothing changes
    assert "0 sampai 100" in (await officer.next_message()).text
    await officer.send("80%")
    summary = await officer.next_message()
    assert "(80%)" in summary.text
    # The earlier card (now asking for the percent) was replaced: its button is stale.
    await officer.press("Lewati", message_id=card.message_id)
    await officer.expect_no_message(within=0.5)
    assert any("tidak berlaku" in (toast.get("text") or "") for toast in await officer.toasts())

    await officer.press("📝 Catatan", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    note = 'Kotak suara <b>tiba</b> & disegel "aman"'
    await officer.send(note)
    summary = await officer.next_message()
    assert note in summary.text  # escaped on the way out, shown as typed

    await officer.press("📷 Foto", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.send_photo()
    ack = await officer.next_message()
    assert "(1)" in ack.text
    await officer.send_photo()
    ack = await officer.next_message()
    await officer.press("Selesai", message_id=ack.message_id)
    summary = await officer.wait_for_edit(ack.message_id)
    assert "Foto: 2" in summary.text

    await officer.press("📍 Lokasi", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    ask = await officer.next_message()
    assert ask.reply_keyboard  # the request_location button
    await officer.send_location(-3.4519, 122.0935)
    assert "Lokasi dicatat" in (await officer.next_message()).text
    summary = await officer.next_message()
    assert "-3.45190" in summary.text

    await officer.press("✅ Kirim", message_id=summary.message_id)
    done = await officer.wait_for_edit(summary.message_id)
    assert REFERENCE.search(done.text)

    [report] = await fetch_all(database_url, Report)
    assert report.progress == 80 and report.note == note
    assert len(report.photo_file_ids) == 2
    assert (report.latitude, report.longitude) == (-3.4519, 122.0935)


async def test_one_line_report(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send('/lapor logistik siap 80% "kotak suara tiba di 12 dari 15 desa"')
    reply = await officer.next_message()
    assert REFERENCE.search(reply.text)
    assert "Ketersediaan logistik" in reply.text and "Siap" in reply.text and "(80%)" in reply.text
    [report] = await fetch_all(database_url, Report)
    assert report.note == "kotak suara tiba di 12 dari 15 desa"
    assert (report.state, report.progress, report.region_code) == ("ready", 80, "74.09.01.1005")

    await officer.send("/lapor KEAMANAN Belum Siap jalan longsor")
    reply = await officer.next_message()
    assert "Keamanan & ketertiban" in reply.text and "Belum siap" in reply.text

    await officer.send_photo(caption="/lapor distribusi sebagian 40% foto gudang")
    reply = await officer.next_message()
    assert REFERENCE.search(reply.text)
    photo_reports = await fetch_all(database_url, Report, col(Report.aspect_code) == "distribusi")
    assert len(photo_reports[0].photo_file_ids) == 1


async def test_malformed_lines_get_an_example_and_store_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    for line, culprit in [
        ("/lapor gudang siap", "gudang"),  # no aspect (a typo is asked about: test_one_line)
        ("/lapor logistik mungkin", "mungkin"),  # an unknown state
        ("/lapor logistik siap 180%", "180%"),
        ("/lapor <script>alert(1)</script> siap", "<script>alert(1)</script>"),
        ("/lapor ' OR 1=1 -- siap", "'"),
    ]:
        await officer.send(line)
        reply = await officer.next_message()
        assert "tidak bisa dibaca" in reply.text, line
        assert "Contoh: /lapor distribusi sebagian 80%" in reply.text
        assert culprit in reply.text
    assert await count_rows(database_url, Report) == 0


async def test_report_outside_own_region_is_refused(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await make_officer(sandbox, database_url, region="74.09.01")
    await camat.send("/lapor 74.09.02 logistik siap")  # Wiwirano, a sibling district
    assert "di luar wilayah Anda" in (await camat.next_message()).text
    await camat.send("/lapor 74.01.01.1001 logistik siap")  # another regency
    assert "di luar wilayah Anda" in (await camat.next_message()).text
    await camat.send("/lapor 74.09.01.1005 logistik siap")  # a village of Asera: allowed
    assert REFERENCE.search((await camat.next_message()).text)

    # A forged picker button pointing outside the subtree changes nothing.
    await camat.send("/lapor")
    card = await camat.next_message()
    token = card.buttons[0][0]["callback_data"].split(":")[1]
    await camat.press_data(f"rep1:{token}:p:74.09.02", message_id=card.message_id)
    await camat.expect_no_message(within=0.5)
    assert any("tidak berlaku" in (toast.get("text") or "") for toast in await camat.toasts())
    assert [r.region_code for r in await fetch_all(database_url, Report)] == ["74.09.01.1005"]

    stranger = await sandbox.create_user("Tamu")
    await stranger.send("/lapor logistik siap")
    assert "pengguna terdaftar" in (await stranger.next_message()).text
    assert await count_rows(database_url, Report) == 1


async def test_restart_in_the_middle_of_a_guided_report_resumes_it(
    settings: Settings, clock: ManualClock, sandbox: SandboxClient, database_url: str
) -> None:
    async with running(settings, clock):
        officer = await make_officer(sandbox, database_url)
        await officer.send("/lapor")
        card = await officer.next_message()
        await officer.press("Anggaran")
        await officer.wait_for_edit(card.message_id)

    async with running(settings, clock):
        await officer.press("🔴 Belum siap", message_id=card.message_id)
        summary = await officer.wait_for_edit(card.message_id)
        assert "Anggaran" in summary.text and "Belum siap" in summary.text
        await officer.press("✅ Kirim", message_id=card.message_id)
        assert REFERENCE.search((await officer.wait_for_edit(card.message_id)).text)
    [report] = await fetch_all(database_url, Report)
    assert (report.aspect_code, report.state) == ("anggaran", "not_ready")


async def test_an_update_delivered_twice_stores_one_report(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    update = {
        "update_id": 900_000_001,
        "message": {
            "message_id": 9001,
            "date": int(time.time()),
            "chat": {"id": officer.id, "type": "private", "first_name": officer.first_name},
            "from": officer.as_api_user(),
            "text": "/lapor sistem siap",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    assert posko.intake is not None
    # What the poller does with each delivery of a batch: Telegram hands it out twice.
    await posko.intake._store([update])
    await posko.intake._store([update, update])
    posko.intake._stored.set()
    assert REFERENCE.search((await officer.next_message()).text)
    await officer.expect_no_message(within=1.0)
    assert await count_rows(database_url, Report) == 1


async def test_status_for_an_officer_and_for_a_coordinator(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, region="74.09.01")  # Asera
    lasolo = await make_officer(sandbox, database_url, region="74.09.05")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    await officer.send("/lapor logistik belum siap gudang bocor")
    await officer.next_message()
    await officer.send("/lapor 74.09.01.1005 distribusi sebagian 50%")
    await officer.next_message()
    await lasolo.send("/lapor logistik siap")
    await lasolo.next_message()

    await officer.send("/status")
    own = (await officer.next_message()).text
    assert "Asera" in own
    assert "🔴 Ketersediaan logistik — Belum siap" in own
    assert "🟡 Distribusi logistik — Sebagian (50%)" in own
    assert "⬜ Anggaran — belum ada laporan" in own

    await coordinator.send("/status")
    table = (await coordinator.next_message()).text
    below = table.split("Wilayah di bawah", 1)[1].splitlines()[1:]
    names = [line.split("—")[0].strip() for line in below if "—" in line]
    assert names[0] == "🔴 Asera"  # worst first
    assert names.index("🔴 Asera") < names.index("⬜ Lasolo")
    lasolo_line = next(line for line in below if line.split(" — ")[0].endswith(" Lasolo"))
    assert "✅1" in lasolo_line and "terakhir" in lasolo_line
    assert any("belum ada laporan" in line for line in below)  # districts with no report


async def test_correction_and_withdrawal_are_kept_in_history(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor keamanan siap")
    first = await officer.next_message()
    await officer.send("/ralat keamanan belum siap ada bentrokan kecil")
    corrected = await officer.next_message()
    assert "ralat untuk R-" in corrected.text

    old, new = sorted(await fetch_all(database_url, Report), key=lambda r: r.id)
    assert old.status == "corrected" and new.corrects_id == old.id and new.state == "not_ready"
    [current] = await fetch_all(database_url, Readiness)
    assert current.report_id == new.id
    assert f"R-{old.id:04d}" in first.text

    await officer.send("/tarik")
    confirm = await officer.next_message()
    await officer.press(f"Ya, tarik R-{new.id:04d}")
    assert "ditarik" in (await officer.wait_for_edit(confirm.message_id)).text
    assert await count_rows(database_url, Readiness) == 0
    assert {r.status for r in await fetch_all(database_url, Report)} == {"corrected", "withdrawn"}

    await officer.send("/lapor anggaran siap")
    await officer.next_message()
    clock.advance(timedelta(minutes=61))
    await officer.send("/ralat anggaran belum siap")
    assert "Tidak ada laporan Anda yang bisa diralat" in (await officer.next_message()).text


async def test_drafts_expire_with_a_message_and_old_buttons_do_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor")
    card = await officer.next_message()
    clock.advance(timedelta(hours=3))
    await officer.press("Anggaran", message_id=card.message_id)
    assert "dihapus karena tidak ada aktivitas" in (await officer.next_message()).text
    await officer.press("Anggaran", message_id=card.message_id)  # the same old button again
    await officer.expect_no_message(within=0.5)

    # The periodic sweep tells the author too, without waiting for them to come back.
    await officer.send("/lapor")
    await officer.next_message()
    clock.advance(timedelta(hours=3))
    assert posko.application is not None and posko.application.job_queue is not None
    [job] = posko.application.job_queue.get_jobs_by_name(DRAFT_SWEEP_JOB)
    await job.run(posko.application)
    assert "dihapus karena tidak ada aktivitas" in (await officer.next_message()).text

    await officer.send("/batal")
    assert "Tidak ada langkah" in (await officer.next_message()).text
    assert await count_rows(database_url, Report) == 0


async def test_cancel_at_a_text_step_and_hostile_notes(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor")
    card = await officer.next_message()
    await officer.press("Regulasi")
    await officer.wait_for_edit(card.message_id)
    await officer.press("✅ Siap")
    await officer.wait_for_edit(card.message_id)
    await officer.press("📝 Catatan")
    await officer.wait_for_edit(card.message_id)
    await officer.send("/batal")
    assert "dibatalkan" in (await officer.next_message()).text
    assert await count_rows(database_url, Report) == 0

    long_note = ("<b>&amp; " * 500)[:4000]
    await officer.send(f"/lapor regulasi siap {long_note}")
    reply = await officer.next_message()
    assert REFERENCE.search(reply.text)
    [report] = await fetch_all(database_url, Report)
    assert report.note == long_note.strip()
