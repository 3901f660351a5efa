"""The one-line language of the field, through the bot: names as the buttons show them,
"Maksud Anda …?" for a typo, refusals that say why, and a photo whose caption could not
be read kept in a guided draft."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient
from storage.models import Conversation, Incident, Report
from tests.factories import make_officer, running
from tests.helpers import count_rows, fetch_all

REFERENCE = re.compile(r"R-\d{4}")
INCIDENT_REF = re.compile(r"I-\d{4}")


async def test_multi_word_names_as_the_buttons_read_are_stored(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor Distribusi Logistik: sebagian 60% kotak suara tiba di 12 desa")
    reply = await officer.next_message()
    assert REFERENCE.search(reply.text), reply.text
    assert "Distribusi logistik" in reply.text and "Sebagian (60%)" in reply.text
    assert "Catatan: kotak suara tiba di 12 desa" in reply.text  # what was stored, shown
    await officer.send("/lapor keamanan & ketertiban blm siap")
    assert "Keamanan & ketertiban · 🔴 Belum siap" in (await officer.next_message()).text
    await officer.send("/lapor petugas sebagian besar sudah dilatih")
    reply = await officer.next_message()
    assert "Sebagian" in reply.text and "Catatan: sudah dilatih" in reply.text

    reports = sorted(await fetch_all(database_url, Report), key=lambda r: r.id)
    assert [(r.aspect_code, r.state, r.progress, r.note) for r in reports] == [
        ("distribusi", "partial", 60, "kotak suara tiba di 12 desa"),
        ("keamanan", "not_ready", None, None),
        ("petugas", "partial", None, "sudah dilatih"),  # "sebagian besar" is partial
    ]

    await officer.send("/insiden sedang surat suara rusak")
    reply = await officer.next_message()
    assert INCIDENT_REF.search(reply.text) and "Logistik rusak/hilang/terlambat" in reply.text
    assert "📝 surat suara rusak" in reply.text
    # What was typed reads before "you will be told…", not after it.
    assert reply.text.index("📝 surat suara rusak") < reply.text.index("Anda akan diberi tahu")
    await officer.send("/insiden tinggi politik uang bagi amplop di desa")
    assert "📝 bagi amplop di desa" in (await officer.next_message()).text
    incidents = sorted(await fetch_all(database_url, Incident), key=lambda i: i.id)
    assert [(i.severity, i.type_code, i.description) for i in incidents] == [
        ("sedang", "logistik", "surat suara rusak"),
        ("tinggi", "politik_uang", "bagi amplop di desa"),
    ]


async def test_a_typo_is_asked_about_survives_a_restart_and_is_stored_once(
    settings: Settings, clock: ManualClock, sandbox: SandboxClient, database_url: str
) -> None:
    async with running(settings, clock):
        officer = await make_officer(sandbox, database_url)
        other = await make_officer(sandbox, database_url, name="Petugas Lain")
        await officer.send("/lapor kemanan siap 80% patroli rutin")
        question = await officer.next_message()
        assert "Maksud Anda Keamanan & ketertiban?" in question.text, question.text
        assert "Catatan: patroli rutin" in question.text and "(80%)" in question.text
        assert question.button_texts()[0] == "✅ Ya, Keamanan & ketertiban"
        assert "✖️ Batal" in question.button_texts()
        assert await count_rows(database_url, Report) == 0  # nothing until confirmed

    async with running(settings, clock):
        # Someone else's press with the same data finds no question of theirs.
        await other.send("/status")
        own = await other.next_message()
        data = question.buttons[0][0]["callback_data"]
        await other.press_data(data, message_id=own.message_id)
        await other.expect_no_message(within=0.5)
        assert any("tidak berlaku" in (t.get("text") or "") for t in await other.toasts())
        assert await count_rows(database_url, Report) == 0

        await officer.press("✅ Ya, Keamanan & ketertiban", message_id=question.message_id)
        done = await officer.wait_for_edit(question.message_id)
        assert REFERENCE.search(done.text) and "Keamanan & ketertiban" in done.text
        assert "Catatan: patroli rutin" in done.text
        await officer.press_data(data, message_id=question.message_id)  # a second tap
        await officer.expect_no_message(within=0.5)
    [report] = await fetch_all(database_url, Report)
    assert (report.aspect_code, report.state, report.progress, report.note) == (
        "keamanan",
        "ready",
        80,
        "patroli rutin",
    )
    assert await count_rows(database_url, Conversation) == 0


async def test_an_incident_typo_offers_alternatives_and_cancel_stores_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/insiden kritis banjr jembatan putus")
    question = await officer.next_message()
    assert "Maksud Anda Bencana alam?" in question.text and "📝 jembatan putus" in question.text
    await officer.press("✖️ Batal", message_id=question.message_id)
    assert "dibatalkan" in (await officer.wait_for_edit(question.message_id)).text
    assert await count_rows(database_url, Incident) == 0

    await officer.send("/lapor dama siap")  # dana (anggaran) or data (kependudukan)?
    question = await officer.next_message()
    assert "Maksud Anda" in question.text
    texts = question.button_texts()
    assert {"✅ Ya, Anggaran", "Data kependudukan"} <= set(texts), texts
    await officer.send("anggaran")  # typing while the question waits changes nothing
    assert "Pilih salah satu tombol" in (await officer.next_message()).text
    await officer.press("Data kependudukan", message_id=question.message_id)
    assert REFERENCE.search((await officer.wait_for_edit(question.message_id)).text)
    [report] = await fetch_all(database_url, Report)
    assert report.aspect_code == "data_penduduk"


async def test_refusals_say_why_with_human_names(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await make_officer(sandbox, database_url, region="74.09.01")  # Asera
    await camat.send("/lapor logistik siap -5%")
    reply = await camat.next_message()
    assert "persen -5% harus antara 0 dan 100" in reply.text, reply.text
    await camat.send("/lapor distribusi sebagian 150%")
    assert "persen 150% harus antara 0 dan 100" in (await camat.next_message()).text

    await camat.send("/lapor 74.09.02 keamanan siap")  # Wiwirano, the district next door
    reply = await camat.next_message()
    assert "Wiwirano" in reply.text and "di luar wilayah Anda (Asera" in reply.text, reply.text
    await camat.send("/insiden 74.09.02 kritis banjir jembatan putus")
    reply = await camat.next_message()
    assert "Wiwirano" in reply.text and "Asera" in reply.text, reply.text

    await camat.send("/lapor gudang siap")
    reply = await camat.next_message()
    assert "aspek gudang tidak dikenal" in reply.text
    assert "Data kependudukan" in reply.text and "data_penduduk" not in reply.text
    await camat.send("/insiden kritis")
    reply = await camat.next_message()
    assert "Politik uang" in reply.text and "politik_uang" not in reply.text
    assert await count_rows(database_url, Report) == 0
    assert await count_rows(database_url, Incident) == 0


async def test_the_confirmation_shows_the_note_escaped(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    note = 'Kotak <b>tiba</b> & disegel "aman"'
    await officer.send(f"/lapor logistik siap {note}")
    reply = await officer.next_message()
    assert f"Catatan: {note}" in reply.text  # shown as typed: escaped, not markup
    assert "&lt;b&gt;tiba&lt;/b&gt; &amp; disegel" in (reply.html or "")
    [report] = await fetch_all(database_url, Report)
    assert report.note == note


async def test_a_photo_with_an_unreadable_caption_is_kept_in_a_guided_draft(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send_photo(caption="/lapor gudang logistik basah")
    refusal = await officer.next_message()
    assert "tidak bisa dibaca" in refusal.text
    assert "Foto Anda tidak dibuang" in (await officer.next_message()).text
    card = await officer.next_message()
    assert "Aspek apa" in card.text
    await officer.press("Ketersediaan logistik", message_id=card.message_id)
    await officer.wait_for_edit(card.message_id)
    await officer.press("🟡 Sebagian", message_id=card.message_id)
    summary = await officer.wait_for_edit(card.message_id)
    assert "Foto: 1" in summary.text
    await officer.press("✅ Kirim", message_id=card.message_id)
    done = await officer.wait_for_edit(card.message_id)
    assert REFERENCE.search(done.text) and "Foto: 1" in done.text
    [report] = await fetch_all(database_url, Report)
    assert (report.aspect_code, report.state, len(report.photo_file_ids)) == (
        "logistik",
        "partial",
        1,
    )

    await officer.send_photo(caption="/insiden banjir jembatan putus")  # no severity
    assert "keparahan belum ditulis" in (await officer.next_message()).text
    assert "Foto Anda tidak dibuang" in (await officer.next_message()).text
    card = await officer.next_message()
    assert "Jenis insiden apa" in card.text
    assert await count_rows(database_url, Incident) == 0
    [draft] = await fetch_all(database_url, Conversation)
    assert draft.flow == "incident" and len(draft.data["photos"]) == 1


async def test_a_correction_with_a_typo_is_asked_about_too(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor keamanan siap")
    await officer.next_message()
    await officer.send("/ralat keamanan blum siapp ada bentrok kecil")
    question = await officer.next_message()
    assert "Maksud Anda Belum siap?" in question.text, question.text
    await officer.press("✅ Ya, Belum siap", message_id=question.message_id)
    corrected = await officer.wait_for_edit(question.message_id)
    assert "ralat untuk R-" in corrected.text and "Catatan: ada bentrok kecil" in corrected.text
    old, new = sorted(await fetch_all(database_url, Report), key=lambda r: r.id)
    assert old.status == "corrected" and new.corrects_id == old.id
    assert (new.state, new.note) == ("not_ready", "ada bentrok kecil")


async def test_english_lines_and_question(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/bahasa")
    choose = await officer.next_message()
    await officer.press("English", message_id=choose.message_id)
    await officer.wait_for_edit(choose.message_id)
    await officer.send("/report logistics delivered partial 60% two villages left")
    reply = await officer.next_message()
    assert "Logistics delivered" in reply.text and "Partial (60%)" in reply.text, reply.text
    assert "Note: two villages left" in reply.text
    await officer.send("/report securty ready")
    question = await officer.next_message()
    assert "Did you mean Security?" in question.text, question.text
    await officer.press("✅ Yes, Security", message_id=question.message_id)
    assert REFERENCE.search((await officer.wait_for_edit(question.message_id)).text)
    await officer.send("/report budget ready 150%")
    assert "percent 150% must be between 0 and 100" in (await officer.next_message()).text
    reports = sorted(await fetch_all(database_url, Report), key=lambda r: r.id)
    assert [(r.aspect_code, r.state, r.progress) for r in reports] == [
        ("distribusi", "partial", 60),
        ("keamanan", "ready", None),
    ]


async def test_a_question_replaces_a_draft_in_progress_and_says_so(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send("/lapor")
    card = await officer.next_message()
    await officer.send("/lapor anggarn siap")
    assert "diganti" in (await officer.next_message()).text
    question = await officer.next_message()
    assert "Maksud Anda Anggaran?" in question.text
    await officer.press("Anggaran", message_id=card.message_id)  # the old draft's button
    await officer.expect_no_message(within=0.5)
    await officer.send("/batal")
    assert "dibatalkan" in (await officer.next_message()).text
    await officer.press("✅ Ya, Anggaran", message_id=question.message_id)  # cancelled: stale
    await officer.expect_no_message(within=0.5)
    assert await count_rows(database_url, Report) == 0


async def test_a_photo_with_a_typo_in_its_caption_is_asked_about_and_keeps_the_photo(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    officer = await make_officer(sandbox, database_url)
    await officer.send_photo(caption="/lapor distribsi sebagian 40% gudang basah")
    question = await officer.next_message()
    assert "Maksud Anda Distribusi logistik?" in question.text, question.text
    await officer.press("✅ Ya, Distribusi logistik", message_id=question.message_id)
    done = await officer.wait_for_edit(question.message_id)
    assert "Foto: 1" in done.text and "Catatan: gudang basah" in done.text
    [report] = await fetch_all(database_url, Report)
    assert (report.aspect_code, report.progress, len(report.photo_file_ids)) == (
        "distribusi",
        40,
        1,
    )

    # An unanswered question expires like a draft, and then its buttons store nothing.
    await officer.send("/lapor kemanan siap")
    question = await officer.next_message()
    clock.advance(timedelta(hours=3))
    await officer.press("✅ Ya, Keamanan & ketertiban", message_id=question.message_id)
    assert "tidak dijawab selama 120 menit" in (await officer.next_message()).text
    await officer.press("✅ Ya, Keamanan & ketertiban", message_id=question.message_id)
    await officer.expect_no_message(within=0.5)
    assert await count_rows(database_url, Report) == 1
