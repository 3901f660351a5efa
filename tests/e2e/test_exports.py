"""Exports: what a coordinator downloads holds their subtree's rows, and nothing else."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from sqlmodel import col

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient, SimUser
from storage.models import Incident, Report
from tests.factories import make_coordinator, make_officer
from tests.helpers import fetch_all


async def _data(sandbox: SandboxClient, database_url: str) -> tuple[SimUser, SimUser]:
    konut = await make_officer(sandbox, database_url, name="Camat Asera", region="74.09.01")
    kolaka = await make_officer(sandbox, database_url, name="Camat Kolaka", region="74.01.01")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    await konut.send('/lapor logistik sebagian 60% =HYPERLINK("http://x") & <b>catatan</b>')
    await konut.next_message()
    await konut.send("/lapor keamanan siap")
    await konut.next_message()
    await konut.send("/insiden tinggi akses jalan longsor ke desa Walasolo")
    await konut.next_message()
    await kolaka.send("/lapor logistik belum siap rahasia Kolaka")
    await kolaka.next_message()
    await kolaka.send("/insiden kritis bencana banjir Kolaka")
    await kolaka.next_message()
    await coordinator.next_message()  # the alert for the Konawe Utara incident
    return coordinator, konut


async def test_xlsx_export_holds_the_subtree_only(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator, _ = await _data(sandbox, database_url)
    await coordinator.send("/ekspor xlsx")
    assert "Menyiapkan ekspor XLSX" in (await coordinator.next_message()).text
    document = await coordinator.next_message(timeout=20)
    assert document.document is not None and document.document["file_name"].endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(await coordinator.download(document.document["file_id"])))
    assert workbook.sheetnames == [
        "Laporan",
        "Kesiapan",
        "Insiden",
        "Riwayat insiden",
        "Dukungan",
        "Riwayat dukungan",
    ]

    reports = workbook["Laporan"]
    assert reports.freeze_panes == "A2"
    rows = list(reports.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "Referensi",
        "Waktu (WITA)",
        "Kode wilayah",
        "Wilayah",
        "Aspek",
        "Status",
    )
    expected = await fetch_all(database_url, Report, col(Report.region_code).startswith("74.09"))
    assert sorted(r[0] for r in rows[1:]) == sorted(f"R-{r.id:04d}" for r in expected)
    assert all("Kolaka" not in str(cell) for row in rows for cell in row)
    note = next(r[7] for r in rows[1:] if r[4] == "Ketersediaan logistik")
    assert note == '=HYPERLINK("http://x") & <b>catatan</b>'  # shown as typed, no apostrophe
    [cell] = [row[7] for row in reports.iter_rows(min_row=2) if row[7].value == note]
    assert cell.data_type == "s"  # a text cell: a note never becomes a formula

    incidents = list(workbook["Insiden"].iter_rows(values_only=True))
    konut_incidents = await fetch_all(
        database_url, Incident, col(Incident.region_code).startswith("74.09")
    )
    assert [r[0] for r in incidents[1:]] == [f"I-{i.id:04d}" for i in konut_incidents]
    timeline = list(workbook["Riwayat insiden"].iter_rows(values_only=True))
    assert [r[2] for r in timeline[1:]] == ["dilaporkan", "peringatan dikirim"]
    readiness = list(workbook["Kesiapan"].iter_rows(values_only=True))
    asera = next(r for r in readiness if r[1] == "Asera")
    assert "Sebagian" in asera[2 + 2]  # aspect 3, logistik


async def test_csv_export_in_english_opens_in_excel(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator, _ = await _data(sandbox, database_url)
    await coordinator.send("/bahasa")
    await coordinator.next_message()
    await coordinator.press("English")
    await coordinator.send("/ekspor csv")
    assert "Preparing the CSV export" in (await coordinator.next_message()).text
    files = {}
    for _ in range(4):
        document = await coordinator.next_message(timeout=20)
        assert document.document is not None
        files[document.document["file_name"]] = await coordinator.download(
            document.document["file_id"]
        )
    reports_file = next(data for name, data in files.items() if name.endswith("-reports.csv"))
    assert reports_file.startswith("\ufeff".encode())  # the BOM Excel needs
    rows = list(csv.reader(io.StringIO(reports_file.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Reference", "Time (WITA)", "Region code", "Region", "Aspect"]
    assert {row[2] for row in rows[1:]} == {"74.09.01"}
    assert "Partial" in {row[5] for row in rows[1:]}


async def test_officers_cannot_export(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
    await officer.send("/ekspor")
    assert "Hanya koordinator dan admin" in (await officer.next_message()).text
    await officer.send("/export xlsx 2024-02-30")
    assert "Hanya koordinator" in (await officer.next_message()).text
