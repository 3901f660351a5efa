"""Support requests: from "belum siap" to done, across KPU, Pemda, TNI and POLRI."""

from __future__ import annotations

import asyncio
import io
import os
import re
import sys
from datetime import timedelta

from openpyxl import load_workbook
from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.jobs import SUPPORT_JOB
from bot.sandbox import SandboxClient, SimUser
from bot.sandbox.client import SeenMessage
from storage.models import SupportEvent, SupportRequest
from tests.factories import make_admin, register
from tests.helpers import ROOT, fetch_all, invite_code, toasts_seen

SUPPORT_REF = re.compile(r"D-\d{4}")


async def _people(sandbox: SandboxClient, database_url: str) -> dict[str, SimUser]:
    async def make(name: str, role: str, region: str, agency: str) -> SimUser:
        return await register(
            sandbox, database_url, name=name, role=role, region=region, agency=agency
        )

    return {
        "camat": await make("Camat Asera", "officer", "74.09.01", "pemda"),
        "tni": await make("Dandim Konut", "coordinator", "74.09", "tni"),
        "kpu": await make("KPU Konut", "coordinator", "74.09", "kpu"),
        "polri": await make("Kapolres Konut", "coordinator", "74.09", "polri"),
        "tni_kolaka": await make("Dandim Kolaka", "coordinator", "74.01", "tni"),
    }


async def test_a_red_report_becomes_a_support_request_followed_to_done(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    camat, tni, kpu = people["camat"], people["tni"], people["kpu"]
    await camat.send("/lapor 74.09.01.1005 distribusi belum siap kotak suara tertahan")
    assert "Belum siap" in (await camat.next_message()).text
    await kpu.drain()

    await camat.send(
        "/dukungan tni 74.09.01.1005 3 hari segera angkutan logistik ke Wanggudu, jembatan putus"
    )
    confirmation = await camat.next_message()
    match = SUPPORT_REF.search(confirmation.text)
    assert match, confirmation.text
    ref = match.group(0)
    assert "dikirim ke 1 koordinator TNI" in confirmation.text

    copy = await tni.next_message()
    assert ref in copy.text and "angkutan logistik ke Wanggudu" in copy.text
    assert "Segera" in copy.text and "Camat Asera" in copy.text
    assert copy.button_texts() == ["🤝 Sanggup", "✖️ Tidak bisa"]
    follow = await kpu.next_message()
    assert ref in follow.text and follow.buttons == []  # the organiser follows it
    await people["polri"].expect_no_message(within=0.5)  # another agency: nothing
    await people["tni_kolaka"].expect_no_message(within=0.3)  # another regency: nothing

    # POLRI cannot take what was asked of TNI, even with the button's data.
    polri = people["polri"]
    await polri.send("/profil")
    profile = await polri.next_message()
    assert "Instansi: <b>POLRI</b>" in (profile.html or "")
    await polri.press_data(f"sup1:{int(ref[2:])}:t", message_id=profile.message_id)
    await polri.expect_no_message(within=0.5)
    assert any("instansi lain" in text for text in await toasts_seen(polri))

    await tni.press("🤝 Sanggup", message_id=copy.message_id)
    taken = await tni.wait_for_edit(copy.message_id)
    assert "Disanggupi oleh Dandim Konut" in taken.text
    assert "🤝 Sanggup" not in taken.button_texts() and "✔️ Selesai" in taken.button_texts()
    assert "Disanggupi oleh Dandim Konut" in (await kpu.wait_for_edit(follow.message_id)).text
    assert "disanggupi oleh Dandim Konut" in (await camat.next_message()).text

    await tni.press("🛠 Dalam proses", message_id=copy.message_id)
    assert "catatan kemajuan" in (await tni.next_message()).text
    await tni.send("Dua truk berangkat dari Wanggudu Raya")
    assert "dicatat" in (await tni.next_message()).text
    assert "Dua truk berangkat" in (await kpu.wait_for_edit(follow.message_id)).text
    told = await camat.next_message()
    assert "dalam proses" in told.text and "Dua truk berangkat" in told.text

    await tni.press("✔️ Selesai", message_id=copy.message_id)
    assert "catatan penyelesaian" in (await tni.next_message()).text
    await tni.send_photo(caption="Logistik tiba di Wanggudu pukul 16.00")
    assert "ditutup sebagai selesai" in (await tni.next_message()).text
    closed = await kpu.wait_for_edit(follow.message_id)
    assert "Selesai oleh Dandim Konut" in closed.text and "tiba di Wanggudu" in closed.text
    done = await tni.wait_for_edit(copy.message_id)
    assert done.buttons == []
    told = await camat.next_message()
    assert "selesai" in told.text and "tiba di Wanggudu" in told.text
    photo = await camat.next_message()
    assert photo.photo, photo  # the closing photo reaches the requester
    await people["polri"].expect_no_message(within=0.3)
    await people["tni_kolaka"].expect_no_message(within=0.3)

    [request] = await fetch_all(database_url, SupportRequest)
    assert (request.status, request.agency_code, request.region_code) == (
        "done",
        "tni",
        "74.09.01.1005",
    )
    assert request.closing_photo is not None
    events = await fetch_all(database_url, SupportEvent, col(SupportEvent.request_id) == request.id)
    assert [e.kind for e in events] == ["requested", "routed", "taken", "in_progress", "done"]

    await camat.send(f"/riwayat {ref}")
    history = (await camat.next_message()).text
    assert "disanggupi (Dandim Konut)" in history
    assert "dalam proses (Dandim Konut): Dua truk berangkat" in history
    await people["tni_kolaka"].send(f"/riwayat {ref}")
    assert "tidak ditemukan di wilayah Anda" in (await people["tni_kolaka"].next_message()).text

    await kpu.drain()
    await kpu.send("/ekspor xlsx")
    await kpu.next_message()
    document = await kpu.next_message(timeout=20)
    assert document.document is not None
    workbook = load_workbook(io.BytesIO(await kpu.download(document.document["file_id"])))
    rows = list(workbook["Dukungan"].iter_rows(values_only=True))
    assert rows[0][4] == "Instansi" and rows[0][7] == "Tenggat (WITA)"
    assert rows[1][0] == ref and rows[1][4] == "TNI" and rows[1][8] == "Selesai"
    assert rows[1][9] == "Camat Asera" and rows[1][10] == "Pemda/Kesbangpol"
    timeline = list(workbook["Riwayat dukungan"].iter_rows(values_only=True))
    assert [row[2] for row in timeline[1:]] == [
        "📝 diminta",
        "📨 dikirim",
        "🤝 disanggupi",
        "🛠 dalam proses",
        "✔️ selesai",
    ]


async def _run_job(runtime: PoskoRuntime, name: str) -> None:
    assert runtime.application is not None and runtime.application.job_queue is not None
    [job] = runtime.application.job_queue.get_jobs_by_name(name)
    await job.run(runtime.application)


async def test_an_untaken_request_climbs_and_an_overdue_one_is_named(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    people = await _people(sandbox, database_url)
    sultra = await register(
        sandbox, database_url, name="Danrem Sultra", role="coordinator", region="74", agency="tni"
    )
    camat, tni, kpu = people["camat"], people["tni"], people["kpu"]
    await camat.send("/dukungan tni 74.09.01.1005 5 jam darurat perahu untuk menyeberang sungai")
    ref = SUPPORT_REF.search((await camat.next_message()).text)
    assert ref
    copy = await tni.next_message()
    await kpu.next_message()
    await sultra.expect_no_message(within=0.5)  # the level above hears only if nobody takes it

    clock.advance(timedelta(minutes=20))  # inside the critical window: nothing moves
    await _run_job(posko, SUPPORT_JOB)
    await sultra.expect_no_message(within=0.5)
    clock.advance(timedelta(minutes=15))
    await _run_job(posko, SUPPORT_JOB)
    climbed = await sultra.next_message()
    assert ref.group(0) in climbed.text and "Diteruskan ke" in climbed.text
    assert "🤝 Sanggup" in climbed.button_texts()
    told = await camat.next_message()
    assert "belum disanggupi" in told.text and "Sulawesi Tenggara" in told.text
    await people["tni_kolaka"].expect_no_message(within=0.3)
    await people["polri"].expect_no_message(within=0.3)

    await sultra.press("🤝 Sanggup", message_id=climbed.message_id)
    assert "Danrem Sultra" in (await tni.wait_for_edit(copy.message_id)).text
    assert "disanggupi oleh Danrem Sultra" in (await camat.next_message()).text

    clock.advance(timedelta(hours=6))  # past the 5-hour deadline, not done
    await _run_job(posko, SUPPORT_JOB)
    notice = await kpu.next_message()
    assert "lewat tenggat" in notice.text and ref.group(0) in notice.text
    await _run_job(posko, SUPPORT_JOB)  # once a day, not at every run
    await kpu.expect_no_message(within=0.5)

    await kpu.send("/ringkasan")
    digest = (await kpu.next_message()).text
    assert "Permintaan dukungan terbuka: 1" in digest
    assert f"⏰ {ref.group(0)}" in digest and "perahu untuk menyeberang" in digest

    clock.advance(timedelta(days=1))  # still overdue the next day: told again
    await _run_job(posko, SUPPORT_JOB)
    assert "lewat tenggat" in (await kpu.next_message()).text


RAKOR_ACTIONS = """/rtl
tni 74.09.01.1005 10/2 segera angkutan logistik ke Wanggudu
polri 74.09.01 3 hari pengamanan gudang logistik PPK Asera
- pln 74.09.01 17:00 darurat genset untuk gudang logistik
pemda 2024-02-10 perbaikan jalan desa Amorome
bpbd 74.09.01.1005 2 hari perahu karet cadangan
tni 74.01 angkutan di Kolaka
"""


async def test_rtl_reads_each_line_and_creates_after_one_confirmation(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    from datetime import UTC, datetime

    clock.set(datetime(2024, 2, 7, 1, 0, tzinfo=UTC))  # 7 Feb 09.00 WITA
    people = await _people(sandbox, database_url)
    camat = people["camat"]
    await camat.send(RAKOR_ACTIONS)
    plan = await camat.next_message()
    assert "6 baris dibaca" in plan.text
    for number in range(1, 6):
        assert f"{number}. ✅" in plan.text
    assert "10 Feb" in plan.text and "7 Feb 17.00" in plan.text and "9 Feb" in plan.text
    assert "6. ❌" in plan.text and "di luar wilayah Anda" in plan.text
    assert "Simpan 5 permintaan" in plan.text
    assert await fetch_all(database_url, SupportRequest) == []  # nothing before ✅ Simpan
    await people["tni"].expect_no_message(within=0.3)

    save_data = plan.button("✅ Simpan")["callback_data"]
    await camat.press("✅ Simpan", message_id=plan.message_id)
    saved = await camat.wait_for_edit(plan.message_id)
    assert "5 permintaan dukungan disimpan" in saved.text
    assert SUPPORT_REF.findall(saved.text) == [f"D-000{n}" for n in range(1, 6)]
    requests = await fetch_all(database_url, SupportRequest)
    assert sorted(r.agency_code for r in requests) == ["bpbd", "pemda", "pln", "polri", "tni"]
    assert "D-0001" in (await people["tni"].next_message()).text
    assert "D-0002" in (await people["polri"].next_message()).text
    # A second press (an old button) creates nothing more.
    await camat.press_data(save_data, message_id=plan.message_id)
    await camat.expect_no_message(within=0.5)
    assert len(await fetch_all(database_url, SupportRequest)) == 5


async def test_followups_list_mine_my_agency_and_my_area_overdue_first(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    people = await _people(sandbox, database_url)
    camat, tni, kpu = people["camat"], people["tni"], people["kpu"]
    await camat.send("/dukungan tni 74.09.01.1005 3 hari angkutan logistik")
    await camat.next_message()
    await camat.send("/dukungan polri 74.09.01 2 jam pengamanan gudang")
    await camat.next_message()
    clock.advance(timedelta(hours=3))  # the POLRI request is overdue now
    await tni.next_message()  # its copy of D-0001

    await tni.send("/tindaklanjut")
    mine = await tni.next_message()
    assert "Untuk instansi Anda (1)" in mine.text and "Di wilayah Anda (1)" in mine.text
    text = mine.text
    assert text.index("D-0001") < text.index("D-0002")  # my agency's first, then the area
    await camat.send("/tindaklanjut")
    asked = await camat.next_message()
    assert "Untuk Anda (2)" in asked.text
    assert asked.text.index("D-0002") < asked.text.index("D-0001")  # overdue first
    assert "lewat tenggat" in asked.text
    await camat.press(asked.button_texts()[0], message_id=asked.message_id)
    opened = await camat.next_message()
    assert "D-0002" in opened.text and "Riwayat" in opened.text
    await people["tni_kolaka"].send("/tindaklanjut")
    assert "Tidak ada permintaan" in (await people["tni_kolaka"].next_message()).text
    await kpu.drain()


async def test_ask_for_support_from_a_red_report_and_from_an_incident_alert(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    camat, tni, kpu = people["camat"], people["tni"], people["kpu"]
    await camat.send("/lapor 74.09.01.1005 distribusi belum siap kotak suara tertahan di sungai")
    saved = await camat.next_message()
    assert saved.button_texts() == ["🤝 Minta dukungan"]
    await kpu.drain()
    await camat.press("🤝 Minta dukungan", message_id=saved.message_id)
    question = await camat.next_message()
    assert "ke instansi mana" in question.text
    await camat.press("TNI", message_id=question.message_id)
    need = await camat.next_message()
    assert "kotak suara tertahan di sungai" in need.text  # prefilled from the report
    await camat.press("✅ Pakai usulan ini", message_id=need.message_id)
    deadline = await camat.next_message()
    await camat.press("1 hari", message_id=deadline.message_id)
    check = await camat.next_message()
    assert "Kepada: TNI" in check.text and "Segera" in check.text  # 🔴: urgent
    assert await fetch_all(database_url, SupportRequest) == []  # nothing before ✅ Kirim
    await camat.press("✅ Kirim", message_id=check.message_id)
    assert "D-0001" in (await camat.next_message()).text
    copy = await tni.next_message()
    assert "Terkait: Distribusi logistik" in copy.text and "tertahan di sungai" in copy.text
    [request] = await fetch_all(database_url, SupportRequest)
    assert (request.aspect_code, request.region_code) == ("distribusi", "74.09.01.1005")
    await camat.send("/status 74.09.01.1005")  # the 🔴 cell offers support too
    status = await camat.next_message()
    assert status.button_texts() == ["🤝 Minta dukungan: Distribusi logistik"]
    await kpu.drain()
    await kpu.send("/ringkasan")  # the matrix marks Asera's cell with the open request
    matrix = [line for line in (await kpu.next_message()).text.splitlines() if "Asera:" in line]
    assert matrix == ["🔴 Asera: ⬜⬜⬜🔴⬜⬜⬜⬜⬜⬜ · 🤝 4"]  # aspect 4: distribusi logistik
    assert saved.button("🤝 Minta dukungan")["callback_data"].endswith(f"@{camat.id}")  # personal

    # From an incident alert: the coordinator who got it asks POLRI, typing the need.
    await kpu.drain()  # its copy of D-0001
    await camat.send("/insiden tinggi kekerasan bentrok pendukung di Wanggudu")
    await camat.next_message()
    alert = await kpu.next_message()
    assert "🤝 Minta dukungan" in alert.button_texts()
    await kpu.press("🤝 Minta dukungan", message_id=alert.message_id)
    question = await kpu.next_message()
    await kpu.press("POLRI", message_id=question.message_id)
    await kpu.next_message()
    await kpu.send("Pengamanan tambahan di Wanggudu malam ini")
    await kpu.next_message()
    await kpu.send("6 jam")
    check = await kpu.next_message()
    assert "Kepada: POLRI" in check.text and "Pengamanan tambahan" in check.text
    await kpu.press("✅ Kirim", message_id=check.message_id)
    assert "D-0002" in (await kpu.next_message()).text
    police = [m.text or "" for m in await _messages(people["polri"], 2)]  # the alert, the request
    assert any("D-0002" in text and "I-0001" in text for text in police)


async def _messages(person: SimUser, count: int) -> list[SeenMessage]:
    return [await person.next_message() for _ in range(count)]


async def _cli(database_url: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(DATABASE_URL=database_url, TELEGRAM_BOT_USERNAME="posko_test_bot")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--env-file",
        "/nonexistent",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_agency_in_invites_from_the_shell_and_in_one_line(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    assert "basarnas added" in await _cli(
        database_url, "agencies", "add", "basarnas", "Basarnas", "Search and rescue"
    )
    out = await _cli(
        database_url, "invite", "--role", "koordinator", "--region", "74.09", "--agency", "basarnas"
    )
    assert "(BASARNAS)" in out
    person = await sandbox.create_user("Kepala Pos SAR")
    await person.send(f"/start {invite_code(out)}")
    await person.next_message()
    await person.send("/profil")
    assert "Instansi: Basarnas" in (await person.next_message()).text

    await person.send("/undang koordinator 74.09.01 polri")
    link = await person.next_message()
    assert "Koordinator untuk Kecamatan Asera" in link.text and "Instansi: POLRI" in link.text
    await person.send("/undang petugas 74.09.01")  # none named: the inviter's own
    assert "Instansi: Basarnas" in (await person.next_message()).text
    polri = await sandbox.create_user("Kapolsek Asera")
    await polri.send(f"/start {invite_code(link.text)}")
    await polri.next_message()
    await polri.send("/profil")
    assert "Instansi: POLRI" in (await polri.next_message()).text


async def test_only_an_admin_reassigns_a_request_to_another_agency(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    camat, tni, polri = people["camat"], people["tni"], people["polri"]
    admin = await make_admin(sandbox, name="Admin")
    await camat.send("/dukungan tni 74.09.01 2 hari pengamanan gudang logistik")
    await camat.next_message()
    copy = await tni.next_message()

    await tni.send("/alihkan D-0001 polri")  # a coordinator may not
    assert "Hanya admin" in (await tni.next_message()).text
    await polri.expect_no_message(within=0.3)

    await admin.send("/alihkan D-0001 polri")
    assert "dialihkan ke POLRI" in (await admin.next_message()).text
    moved = await polri.next_message()
    assert "D-0001" in moved.text and "Kepada: POLRI" in moved.text
    assert "🤝 Sanggup" in moved.button_texts()
    assert "Kepada: POLRI" in (await tni.wait_for_edit(copy.message_id)).text
    assert "dialihkan ke POLRI" in (await camat.next_message()).text
    [request] = await fetch_all(database_url, SupportRequest)
    assert (request.agency_code, request.status) == ("polri", "open")


async def test_cannot_with_a_reason_sends_it_one_level_up_in_the_same_agency(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    sultra = await register(
        sandbox, database_url, name="Danrem Sultra", role="coordinator", region="74", agency="tni"
    )
    camat, tni = people["camat"], people["tni"]
    await camat.send("/dukungan tni 74.09.01.1005 2 hari helikopter untuk logistik")
    await camat.next_message()
    copy = await tni.next_message()
    await tni.press("✖️ Tidak bisa", message_id=copy.message_id)
    assert "alasan" in (await tni.next_message()).text
    await tni.send("Kodim tidak punya helikopter")
    assert "diteruskan ke Sulawesi Tenggara" in (await tni.next_message()).text
    climbed = await sultra.next_message()
    assert "D-0001" in climbed.text and "🤝 Sanggup" in climbed.button_texts()
    told = await camat.next_message()
    assert "tidak bisa" in told.text and "Kodim tidak punya helikopter" in told.text
    assert "Sulawesi Tenggara" in told.text
    await people["tni_kolaka"].expect_no_message(within=0.3)
    await camat.send("/riwayat D-0001")
    history = (await camat.next_message()).text
    assert "tidak bisa (Dandim Konut): Kodim tidak punya helikopter" in history
    assert "diteruskan ke: Sulawesi Tenggara (1)" in history


async def test_a_location_sent_in_the_guided_flow_reaches_the_agency_and_the_export(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    camat, tni, kpu = people["camat"], people["tni"], people["kpu"]
    await camat.send("/dukungan")
    question = await camat.next_message()
    await camat.press("TNI", message_id=question.message_id)
    await camat.next_message()
    await camat.send("Perahu untuk menyeberang ke Puuwiwirano")
    deadline = await camat.next_message()
    await camat.press("1 hari", message_id=deadline.message_id)
    check = await camat.next_message()
    assert "📍 Lokasi" in check.button_texts()
    await camat.press("📍 Lokasi", message_id=check.message_id)
    ask = await camat.next_message()
    assert "Kirim lokasi saya" in ask.text
    await camat.send_location(-3.41234, 122.06789)
    assert "Lokasi dicatat: -3.41234, 122.06789" in (await camat.next_message()).text
    check = await camat.next_message()
    assert "Lokasi: -3.41234, 122.06789" in check.text
    await camat.press("✅ Kirim", message_id=check.message_id)
    assert "D-0001" in (await camat.next_message()).text
    copy = await tni.next_message()
    assert "📍 -3.41234, 122.06789" in copy.text
    assert "📍 -3.41234, 122.06789" in (await kpu.next_message()).text
    [request] = await fetch_all(database_url, SupportRequest)
    assert (request.latitude, request.longitude) == (-3.41234, 122.06789)
    await camat.send("/riwayat D-0001")
    assert "📍 -3.41234, 122.06789" in (await camat.next_message()).text

    await kpu.send("/ekspor xlsx")
    await kpu.next_message()
    document = await kpu.next_message(timeout=20)
    assert document.document is not None
    workbook = load_workbook(io.BytesIO(await kpu.download(document.document["file_id"])))
    rows = list(workbook["Dukungan"].iter_rows(values_only=True))
    assert rows[0][-2:] == ("Lintang", "Bujur")
    assert rows[1][-2:] == (-3.41234, 122.06789)


async def test_a_request_from_an_incident_with_a_location_inherits_it(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = await _people(sandbox, database_url)
    camat, kpu, polri = people["camat"], people["kpu"], people["polri"]
    await camat.send_location(-3.45, 122.09)
    offer = await camat.next_message()
    await camat.press("🚨 Lapor insiden di sini", message_id=offer.message_id)
    card = await camat.next_message()
    await camat.press("✅ Pilih Asera")
    await camat.wait_for_edit(card.message_id)
    await camat.press("Kekerasan/konflik")
    await camat.wait_for_edit(card.message_id)
    await camat.press("🟠 Tinggi")
    await camat.wait_for_edit(card.message_id)
    await camat.send("Bentrok pendukung di Wanggudu")
    summary = await camat.next_message()
    await camat.press("🚨 Kirim", message_id=summary.message_id)
    alert = await kpu.next_message()
    await kpu.press("🤝 Minta dukungan", message_id=alert.message_id)
    question = await kpu.next_message()
    await kpu.press("POLRI", message_id=question.message_id)
    need = await kpu.next_message()
    await kpu.press("✅ Pakai usulan ini", message_id=need.message_id)
    deadline = await kpu.next_message()
    await kpu.press("3 jam", message_id=deadline.message_id)
    check = await kpu.next_message()
    assert "Lokasi: -3.45000, 122.09000" in check.text  # the incident's
    await kpu.press("✅ Kirim", message_id=check.message_id)
    assert "D-0001" in (await kpu.next_message()).text
    texts = [m.text or "" for m in await _messages(polri, 2)]  # the alert, the request
    assert any("D-0001" in text and "📍 -3.45000, 122.09000" in text for text in texts)


async def test_forged_request_buttons_change_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    """Button data a client made up (no number, a missing or unknown action, a request that
    does not exist) is answered 'no longer valid' and changes nothing."""
    people = await _people(sandbox, database_url)
    camat, tni = people["camat"], people["tni"]
    await camat.send("/dukungan tni 74.09.01.1005 2 hari perahu untuk logistik")
    await camat.next_message()
    copy = await tni.next_message()
    forged = ("sup1:abc:t", "sup1:1", "sup1:1:t:x", "sup1:1:z", "supa1:r:x", "supo1:x")
    for data in forged:
        await tni.press_data(data, message_id=copy.message_id)
        await tni.expect_no_message(within=0.3)
    toasts = await toasts_seen(tni, len(forged))
    assert len(toasts) == len(forged) and all("tidak berlaku" in text for text in toasts)
    [request] = await fetch_all(database_url, SupportRequest)
    assert request.status == "open"
    await camat.expect_no_message(within=0.3)
    await tni.press("🤝 Sanggup", message_id=copy.message_id)
    assert "disanggupi oleh Dandim Konut" in (await camat.next_message()).text
