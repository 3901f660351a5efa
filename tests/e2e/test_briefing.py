"""The Rakor briefing: a coordinator asks for the PDF and reads their regency, and nothing else."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.domain.countdown import local_date
from bot.i18n import format_day
from bot.sandbox import SandboxClient, SimUser
from storage.engine import create_engine, create_session_factory
from storage.models import Incident, Person, SupportRequest
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import fetch_all

ROOT = Path(__file__).resolve().parents[2]
KONUT_DISTRICTS = ("Asera", "Wiwirano", "Langgikima", "Molawe", "Lasolo", "Lembo", "Sawa")


async def _data(
    sandbox: SandboxClient, database_url: str, clock: ManualClock, posko: PoskoRuntime
) -> tuple[SimUser, SimUser]:
    tz = posko.settings.timezone
    voting = local_date(clock.now(), tz) + timedelta(days=7)
    admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID)
    await admin.send(f"/acara tambah Pemilu {voting.isoformat()} Pemilu 2024")
    assert "Dicatat" in (await admin.next_message()).text
    konut = await make_officer(sandbox, database_url, name="Camat Asera", region="74.09.01")
    kolaka = await make_officer(sandbox, database_url, name="Camat Kolaka", region="74.01.01")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    await konut.send("/lapor logistik siap")
    await konut.next_message()
    await konut.send("/lapor keamanan belum siap")
    await konut.next_message()
    await konut.send("/insiden tinggi akses jalan longsor ke desa Walasolo <b>tutup</b> 🚧")
    await konut.next_message()
    await kolaka.send("/lapor logistik belum siap rahasia Kolaka")
    await kolaka.next_message()
    await kolaka.send("/insiden kritis bencana banjir Kolaka")
    await kolaka.next_message()
    await coordinator.next_message()  # the alert for the Konawe Utara incident
    return coordinator, konut


def _page_one_png(pdf: bytes, folder: Path) -> bytes:
    source = folder / "briefing.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(source), str(folder / "p")],
        check=True,
    )
    [png] = folder.glob("p*.png")
    return png.read_bytes()


async def _support_requests(database_url: str, clock: ManualClock) -> None:
    """Two requests as the support flow stores them: Asera's POLRI request, overdue, and one
    from Kolaka (another regency)."""
    people = {p.full_name: p for p in await fetch_all(database_url, Person)}
    now = clock.now()
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            for name, region, agency, need, deadline in (
                ("Camat Asera", "74.09.01", "polri", "pengamanan gudang logistik Asera", -2),
                ("Camat Kolaka", "74.01.01", "kpu", "perahu untuk distribusi Kolaka", 24),
            ):
                person = people[name]
                assert person.id is not None
                session.add(
                    SupportRequest(
                        requester_id=person.id,
                        requester_role="officer",
                        region_code=region,
                        agency_code=agency,
                        need=need,
                        urgency="segera",
                        deadline_at=now + timedelta(hours=deadline),
                        target_region=region[:5],
                        created_at=now - timedelta(hours=6),
                    )
                )
            await session.commit()
    finally:
        await engine.dispose()


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join((page.extract_text() or "").split()) for page in reader.pages]


async def test_paparan_sends_the_regency_briefing_as_a_pdf(
    posko: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    coordinator, _ = await _data(sandbox, database_url, clock, posko)
    await _support_requests(database_url, clock)
    await coordinator.send("/paparan")
    preparing = await coordinator.next_message()
    assert "sedang disusun" in preparing.text and "Kabupaten Konawe Utara" in preparing.text
    document = await coordinator.next_message(timeout=30)
    assert document.document is not None, document.text
    assert document.document["file_name"] == (
        f"paparan-74.09-{local_date(clock.now(), posko.settings.timezone).isoformat()}.pdf"
    )
    assert "Paparan Rakor" in document.html
    pdf = await coordinator.download(document.document["file_id"])
    reader, pages = _text(pdf)
    everything = "\n".join(pages)

    today = local_date(clock.now(), posko.settings.timezone)
    assert "H-7" in pages[0] and "Pemilu 2024" in pages[0]
    assert format_day(today, "id") in pages[0]  # "Rabu, 7 Februari 2024"
    assert "Koor Konut" in pages[0]
    for district in KONUT_DISTRICTS:
        assert district in everything, district
    [konut_incident] = await fetch_all(
        database_url, Incident, col(Incident.region_code).startswith("74.09")
    )
    assert f"I-{konut_incident.id:04d}" in everything
    assert "Walasolo <b>tutup</b>" in everything  # what the officer typed, as plain text
    assert "pengamanan gudang logistik Asera" in everything
    assert "POLRI 1 1 0" in everything  # open, overdue, done since
    assert "lewat tenggat" in everything
    assert "Peta kesiapan" in everything and "Matriks kesiapan" in everything
    assert "Kolaka" not in everything  # nothing of another regency
    assert "Halaman 1 dari" in pages[0] and f"dari {len(pages)}" in pages[-1]
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor  # embedded

    # Page 1 as a person sees it, through poppler.
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: .ci/run installs poppler-utils")
    png = await asyncio.to_thread(_page_one_png, pdf, tmp_path)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


async def test_paparan_answers_what_was_wrong_and_who_may(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    coordinator, officer = await _data(sandbox, database_url, clock, posko)
    group = await make_group(sandbox, "Forkopimda Konut", members=[officer], admins=[coordinator])
    await group.drain()
    await coordinator.send("/paparan", chat=group)
    answer = await group.next_message()
    assert "hanya bisa dipakai di chat pribadi" in answer.text
    assert all(m.document is None for m in await group.drain())

    await officer.send("/paparan")
    assert "Hanya koordinator dan admin" in (await officer.next_message()).text

    cases = {
        "/paparan 74.01": "di luar wilayah Anda",
        "/paparan 74.09.99": "tidak dikenal",
        "/paparan sejak kemarin": "setelah sejak tulis tanggal",
        "/paparan 2024-01-31": "tulis sejak sebelum tanggal",
        "/paparan sejak 2024-02-30": "tanggal 2024-02-30 tidak ada",
        "/paparan sejak 31-01-2024": "harus ditulis YYYY-MM-DD",
        "/paparan rapat": "kata rapat tidak dimengerti",
    }
    for command, expected in cases.items():
        await coordinator.send(command)
        reply = await coordinator.next_message()
        assert expected in reply.text, (command, reply.text)
        assert "Pemakaian: /paparan" in reply.text
    await asyncio.sleep(0.5)
    assert all(m.document is None for m in await coordinator.drain())  # nothing was built


async def test_the_command_line_writes_the_briefing_in_english(
    posko: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    await _data(sandbox, database_url, clock, posko)
    today = local_date(clock.now(), posko.settings.timezone)
    output = tmp_path / "rakor.pdf"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env["DATABASE_URL"] = database_url
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--env-file",
        "/nonexistent",
        "briefing",
        "--region",
        "74.09",
        "--date",
        today.isoformat(),
        "--since",
        (today - timedelta(days=3)).isoformat(),
        "--lang",
        "en",
        "--output",
        str(output),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    assert process.returncode == 0, out.decode()
    _, pages = _text(output.read_bytes())
    everything = "\n".join(pages)
    assert "H-7" in pages[0] and format_day(today, "en") in pages[0]
    assert "Readiness matrix" in everything and "Page 1 of" in pages[0]
    assert "Asera" in everything and "Kolaka" not in everything


async def test_a_briefing_that_cannot_be_built_is_said_so(
    posko: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coordinator, _ = await _data(sandbox, database_url, clock, posko)

    def broken(*args: object) -> bytes:
        raise RuntimeError("the layout broke")

    monkeypatch.setattr("bot.briefing.pdf.render_briefing", broken)
    await coordinator.send("/paparan")
    assert "sedang disusun" in (await coordinator.next_message()).text
    failed = await coordinator.next_message(timeout=30)
    assert failed.document is None and "Paparan gagal disusun" in failed.text
