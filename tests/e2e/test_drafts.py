"""What the draft engine does the same for every flow: one set of skip words (the Skip
button's word, typed, skips every step that has a Skip button, in both languages), and the
warning when a new draft replaces an open one, and expiry that leaves no location keyboard
behind."""

from __future__ import annotations

from datetime import timedelta

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.sandbox import SandboxClient
from storage.models import Report
from tests.factories import register
from tests.helpers import fetch_all


async def test_typing_the_skip_word_is_pressing_skip(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01.1005"
    )
    await officer.send("/lapor")
    card = await officer.next_message()
    await officer.press("Ketersediaan logistik")
    await officer.wait_for_edit(card.message_id)
    await officer.press("✅ Siap")
    summary = await officer.wait_for_edit(card.message_id)

    await officer.press("📝 Catatan", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.send("lewati")  # not stored as the note: the step is skipped
    summary = await officer.next_message()
    assert "Periksa laporan" in summary.text and "lewati" not in summary.text

    await officer.press("➕ Persen", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.send("Skip")  # the English word too, instead of "not a number"
    summary = await officer.next_message()
    assert "Periksa laporan" in summary.text and "0 sampai 100" not in summary.text

    await officer.press("📷 Foto", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.send("Lewati")  # instead of "this step waits for a photo"
    summary = await officer.next_message()
    assert "Periksa laporan" in summary.text and "menunggu foto" not in summary.text

    await officer.press("✅ Kirim", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    [report] = await fetch_all(database_url, Report)
    assert (report.note, report.progress, report.photo_file_ids) == (None, None, [])


async def test_an_incident_description_is_never_skipped(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01.1005"
    )
    await officer.send("/insiden")
    card = await officer.next_message()
    await officer.press("Hoaks/disinformasi")
    await officer.wait_for_edit(card.message_id)
    await officer.press("🚨 Kritis")
    await officer.wait_for_edit(card.message_id)
    await officer.send("Lewati")  # the description step has no Skip: this is the description
    summary = await officer.next_message()
    assert "Lewati" in summary.text and "🚨 Kirim" in summary.button_texts()

    await officer.send("/insiden")  # a new draft replaces the open one, and says so
    assert "diganti" in (await officer.next_message()).text
    card = await officer.next_message()
    assert "Jenis insiden apa" in card.text
    await officer.press("🚨 Kirim", message_id=summary.message_id)  # the replaced draft's
    await officer.expect_no_message(within=0.3)


async def test_a_draft_expired_at_the_location_step_removes_the_location_keyboard(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01.1005"
    )
    await officer.send("/lapor")
    card = await officer.next_message()
    await officer.press("Anggaran")
    await officer.wait_for_edit(card.message_id)
    await officer.press("✅ Siap")
    summary = await officer.wait_for_edit(card.message_id)
    await officer.press("📍 Lokasi", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    assert (await officer.next_message()).reply_keyboard
    clock.advance(timedelta(hours=3))
    await officer.send_location(-3.45, 122.09)
    expired = await officer.next_message()
    assert "dihapus karena tidak ada aktivitas" in expired.text and expired.remove_keyboard


async def test_a_forged_report_here_button_starts_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01.1005"
    )
    await officer.send_location(-3.45, 122.09)
    offer = await officer.next_message()
    for forged in ("insloc1:200.0:10.0", "insloc1:nan:nan", "insloc1:x:y", "insloc1:1.0"):
        await officer.press_data(forged, message_id=offer.message_id)
        await officer.expect_no_message(within=0.3)
    toasts = [toast.get("text") or "" for toast in await officer.toasts()]
    assert len(toasts) == 4 and all("tidak berlaku" in text for text in toasts)
    await officer.press("🚨 Lapor insiden di sini", message_id=offer.message_id)
    assert "Jenis insiden apa" in (await officer.next_message()).text
