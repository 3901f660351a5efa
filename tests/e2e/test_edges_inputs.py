"""Rough edges of the guided report and incident flows found in a field test: answers
that can be understood are accepted, each as the person sees it, in Indonesian and in
English."""

from __future__ import annotations

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from storage.models import Incident, Report
from tests.factories import make_officer
from tests.helpers import count_rows, fetch_all

# -- 4: inputs that can be understood ----------------------------------------------------------


async def test_incident_flow_takes_typed_names_a_photo_and_typed_coordinates(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    await officer.send("/insiden")
    card = await officer.next_message()
    assert "Jenis insiden apa" in card.text
    await officer.send("gempa bumi dan kebakaran")  # matches no button: said, buttons again
    unclear = await officer.next_message()
    assert "tidak cocok dengan tombol" in unclear.text
    again = await officer.next_message()
    assert "Jenis insiden apa" in again.text and "Bencana alam" in again.button_texts()
    await officer.press("Bencana alam", message_id=card.message_id)  # the old card is stale
    await officer.expect_no_message(within=0.3)
    await officer.send("bencana alam")  # a button's label, typed
    severity = await officer.next_message()
    assert "Seberapa parah" in severity.text
    await officer.send("KRITIS")
    assert "Tulis apa yang terjadi" in (await officer.next_message()).text

    await officer.send_photo()  # a photo with no caption: kept, the text asked again
    kept = (await officer.next_message()).text
    assert "Foto disimpan (1)" in kept and "tulis keterangan" in kept
    await officer.send_photo(caption="Jembatan putus ke desa Wanggudu")  # caption = text
    summary = await officer.next_message()
    assert "Jembatan putus ke desa Wanggudu" in summary.text and "Foto: 2" in summary.text

    await officer.press("📍 Lokasi", message_id=summary.message_id)
    pending = await officer.wait_for_edit(summary.message_id)
    ask = await officer.next_message()
    assert "Kirim lokasi saya" in ask.text
    assert "Kirim lokasi saya" not in pending.text  # the instruction is given once
    await officer.send("-95.5, 122.4")
    assert "tidak mungkin" in (await officer.next_message()).text
    await officer.send("-3.123, 122.456")
    recorded = await officer.next_message()
    assert "Lokasi dicatat: -3.12300, 122.45600" in recorded.text and recorded.remove_keyboard
    summary = await officer.next_message()
    assert "-3.12300" in summary.text
    await officer.press("🚨 Kirim", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    [incident] = await fetch_all(database_url, Incident)
    assert incident.type_code == "bencana" and incident.severity == "kritis"
    assert len(incident.photo_file_ids) == 2 and incident.description.startswith("Jembatan")
    assert (incident.latitude, incident.longitude) == (-3.123, 122.456)


async def test_report_flow_takes_typed_names_maps_links_and_says_skipped(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    await officer.send("/lapor")
    assert "aspek" in (await officer.next_message()).text.lower()
    await officer.send("stock")  # an alias, typed
    assert "Ketersediaan logistik" in (await officer.next_message()).text
    await officer.send("✅ Siap")  # a button's label, typed
    summary = await officer.next_message()
    assert "Siap" in summary.text and "✅ Kirim" in summary.button_texts()

    await officer.press("📍 Lokasi", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.next_message()
    await officer.send("https://www.google.com/maps/place/Wanggudu/@-3.4512,122.0876,15z")
    assert "Lokasi dicatat: -3.45120, 122.08760" in (await officer.next_message()).text
    summary = await officer.next_message()
    await officer.press("📍 Lokasi", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.next_message()
    await officer.send("Lewati")
    skipped = await officer.next_message()
    assert "Lokasi dilewati" in skipped.text and "dicatat:" not in skipped.text
    summary = await officer.next_message()
    await officer.press("✅ Kirim", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    [report] = await fetch_all(database_url, Report)
    assert report.aspect_code == "logistik" and report.state == "ready"
    assert (report.latitude, report.longitude) == (-3.4512, 122.0876)  # skipping kept it


async def test_english_typed_answers_and_coordinates(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(
        sandbox,
        database_url,
        name="Field Officer",
        region="74.09.01.1005",
        language_code="en",
    )
    await officer.send("/report")
    await officer.next_message()
    await officer.send("something else")
    assert "matches no button" in (await officer.next_message()).text
    await officer.next_message()  # the aspect buttons again
    await officer.send("Logistics on hand")
    await officer.next_message()
    await officer.send("not ready")
    summary = await officer.next_message()
    await officer.press("📍 Location", message_id=summary.message_id)
    assert "Adding a location" in (await officer.wait_for_edit(summary.message_id)).text
    await officer.next_message()
    await officer.send("200 300")
    assert "impossible" in (await officer.next_message()).text
    await officer.send("https://maps.google.com/?q=-3.1,122.2")
    assert "Location recorded: -3.10000, 122.20000" in (await officer.next_message()).text
    summary = await officer.next_message()
    await officer.press("📍 Location", message_id=summary.message_id)
    await officer.wait_for_edit(summary.message_id)
    await officer.next_message()
    await officer.send("Skip")
    assert "Location skipped" in (await officer.next_message()).text


async def test_an_edited_report_command_is_handled_once(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01.1005")
    first = await officer.send("/lapor gudang siap")  # no aspect: refused, nothing stored
    assert "tidak bisa dibaca" in (await officer.next_message()).text
    await officer.edit(first, "/lapor logistik siap")  # the edit is the command now
    stored = (await officer.next_message()).text
    assert "Laporan R-0001 diterima" in stored
    await officer.edit(first, "/lapor logistik belum siap")  # stored already: never twice
    told = (await officer.next_message()).text
    assert "sudah tersimpan sebagai laporan R-0001" in told and "/ralat" in told
    assert await count_rows(database_url, Report) == 1
    # An edit of anything else is still not answered.
    other = await officer.send("halo")
    await officer.next_message()
    await officer.edit(other, "halo lagi")
    await officer.expect_no_message(within=0.5)

    english = await make_officer(
        sandbox,
        database_url,
        name="Field Officer",
        region="74.09.01.1005",
        language_code="en",
    )
    sent = await english.send("/report logistik ready")
    await english.next_message()
    await english.edit(sent, "/report logistik partial")
    assert "already stored as report R-0002" in (await english.next_message()).text
    assert await count_rows(database_url, Report) == 2
    [report] = await fetch_all(database_url, Report, col(Report.id) == 2)
    assert report.state == "ready"


async def test_region_typed_at_the_region_step_and_text_at_the_summary(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await make_officer(sandbox, database_url, name="Camat", region="74.09.01")
    await camat.send("/lapor")
    assert "wilayah" in (await camat.next_message()).text.lower()
    await camat.send("74.01")  # a code outside one's own region: not taken
    assert "tidak cocok dengan tombol" in (await camat.next_message()).text
    await camat.next_message()  # the region buttons again
    await camat.send("wanggudu")  # a village of the district, by name
    aspect = await camat.next_message()
    assert "Wanggudu" in aspect.text and "Ketersediaan logistik" in aspect.button_texts()
    await camat.send("logistik")
    await camat.next_message()
    await camat.send("sebagian")
    summary = await camat.next_message()
    await camat.send("ok kirim sekarang")  # text at the summary: said so, card again
    assert "tidak cocok dengan tombol" in (await camat.next_message()).text
    again = await camat.next_message()
    assert "✅ Kirim" in again.button_texts() and again.message_id != summary.message_id
    await camat.press("✅ Kirim", message_id=again.message_id)
    await camat.wait_for_edit(again.message_id)
    [report] = await fetch_all(database_url, Report)
    assert (report.region_code, report.aspect_code, report.state) == (
        "74.09.01.1005",
        "logistik",
        "partial",
    )

    await camat.send("/insiden")
    await camat.next_message()
    await camat.send("74.09.01.1005")  # a code, typed
    assert "Jenis insiden apa" in (await camat.next_message()).text
