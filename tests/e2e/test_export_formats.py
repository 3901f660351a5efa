"""What a coordinator's spreadsheet shows: columns as wide as their content (bounded), notes
wrapped, formula-looking text exactly as typed and inert, the zone in every time header,
and the CSV separator their Excel expects; a wrong /ekspor word is named, not guessed."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import sys
from pathlib import Path

from openpyxl import load_workbook

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient, SimUser
from tests.factories import make_coordinator, make_officer
from tests.helpers import ROOT

LONG_NOTE = "gudang logistik di kecamatan bocor saat hujan deras; " * 8


async def _reports(sandbox: SandboxClient, database_url: str) -> SimUser:
    officer = await make_officer(sandbox, database_url, name="Camat Asera", region="74.09.01")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    for line in (
        "/lapor logistik sebagian 60% =1+1",
        "/lapor keamanan siap @SUM(A1:A9) aman",
        "/lapor distribusi belum siap -5 kotak hilang",
        f"/lapor anggaran sebagian {LONG_NOTE}",
    ):
        await officer.send(line)
        assert "diterima" in (await officer.next_message()).text
    await officer.send("/insiden tinggi akses +62 812 jalan putus")
    await officer.next_message()
    await coordinator.next_message()  # the alert
    return coordinator


async def _documents(person: SimUser, count: int) -> dict[str, bytes]:
    files = {}
    for _ in range(count):
        document = await person.next_message(timeout=20)
        assert document.document is not None, document.text
        files[document.document["file_name"]] = await person.download(document.document["file_id"])
    return files


async def test_xlsx_fits_columns_wraps_notes_and_keeps_formulas_as_text(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await _reports(sandbox, database_url)
    await coordinator.send("/ekspor")
    await coordinator.next_message()
    [data] = (await _documents(coordinator, 1)).values()
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Laporan"]
    header = [cell.value for cell in sheet[1]]
    assert header[1] == "Waktu (WITA)"
    column = {name: chr(ord("A") + i) for i, name in enumerate(header)}
    notes = {row[7].value: row[7] for row in sheet.iter_rows(min_row=2)}
    for typed in ("=1+1", "@SUM(A1:A9) aman", "-5 kotak hilang"):
        assert typed in notes, notes.keys()  # shown exactly as typed: no apostrophe
        assert notes[typed].data_type == "s"  # a text cell, never evaluated
    assert notes[LONG_NOTE.strip()].alignment.wrap_text  # long notes wrap
    widths = {name: sheet.column_dimensions[column[name]].width for name in header}
    assert widths["Catatan"] == 60  # as wide as allowed, no wider: the rest wraps
    assert 8 <= widths["Referensi"] <= 14  # "R-0001" and its header, not a default 13 guess
    region = max(len(str(row[3].value)) for row in sheet.iter_rows(min_row=2))
    assert region + 1 <= widths["Wilayah"] <= 40  # "Asera, Kabupaten Konawe Utara" fits
    assert widths["Waktu (WITA)"] >= len("2024-02-07 08:46")

    incidents = workbook["Insiden"]
    header = [cell.value for cell in incidents[1]]
    assert {"Waktu (WITA)", "Diterima pada (WITA)", "Ditutup pada (WITA)"} <= set(header)
    description = incidents.cell(row=2, column=header.index("Keterangan") + 1)
    assert description.value == "+62 812 jalan putus" and description.data_type == "s"
    readiness = [cell.value for cell in workbook["Kesiapan"][1]]
    assert readiness[-1] == "Laporan terakhir (WITA)"
    assert [cell.value for cell in workbook["Riwayat insiden"][1]][1] == "Waktu (WITA)"


async def test_csv_uses_the_separator_the_readers_excel_expects(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await _reports(sandbox, database_url)
    await coordinator.send("/ekspor csv")
    assert "CSV (dipisah titik koma ;)" in (await coordinator.next_message()).text
    files = await _documents(coordinator, 6)  # four sheets and two of support requests
    reports = next(data for name, data in files.items() if name.endswith("-laporan.csv"))
    text = reports.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Referensi;Waktu (WITA);Kode wilayah;Wilayah;")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    notes = {row[7] for row in rows[1:]}
    assert {"'=1+1", "'@SUM(A1:A9) aman", "'-5 kotak hilang"} <= notes  # inert in Excel too
    assert LONG_NOTE.strip() in notes

    await coordinator.send("/ekspor csv koma")  # the officer's word for a comma
    assert "(dipisah koma ,)" in (await coordinator.next_message()).text
    files = await _documents(coordinator, 6)  # four sheets and two of support requests
    reports = next(data for name, data in files.items() if name.endswith("-laporan.csv"))
    assert reports.decode("utf-8-sig").startswith("Referensi,Waktu (WITA),Kode wilayah,")

    await coordinator.send("/ekspor xlsx koma")
    refusal = (await coordinator.next_message()).text
    assert "koma atau titik koma hanya untuk CSV" in refusal and "Pemakaian:" in refusal

    await coordinator.send("/bahasa")
    await coordinator.next_message()
    await coordinator.press("English")
    await coordinator.send("/export csv")
    assert "CSV export (separated by commas ,)" in (await coordinator.next_message()).text
    files = await _documents(coordinator, 6)  # four sheets and two of support requests
    reports = next(data for name, data in files.items() if name.endswith("-reports.csv"))
    assert reports.decode("utf-8-sig").startswith("Reference,Time (WITA),Region code,")
    await coordinator.send("/export csv;")
    assert "(separated by semicolons ;)" in (await coordinator.next_message()).text
    files = await _documents(coordinator, 6)  # four sheets and two of support requests
    reports = next(data for name, data in files.items() if name.endswith("-reports.csv"))
    assert reports.decode("utf-8-sig").startswith("Reference;Time (WITA);Region code;")


async def test_export_help_mentions_the_separator_in_both_languages(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    await coordinator.send("/ekspor pdf")
    answer = (await coordinator.next_message()).text
    assert "Ekspor tidak bisa dibuat: kata pdf tidak dimengerti." in answer
    assert "/ekspor [xlsx|csv] [koma|titikkoma]" in answer
    assert "CSV memakai titik koma (;)" in answer and "/ekspor csv koma" in answer
    await coordinator.send("/bahasa")
    await coordinator.next_message()
    await coordinator.press("English")
    await coordinator.send("/export pdf")
    answer = (await coordinator.next_message()).text
    assert "The export could not be made: the word pdf was not understood." in answer
    assert "/export [xlsx|csv] [comma|semicolon]" in answer
    assert "/export csv semicolon" in answer and "/ekspor" not in answer


async def test_bad_export_words_are_named_and_nothing_is_exported(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    indonesian = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    cases = {
        "/ekspor 74.01": "wilayah Kabupaten Kolaka (74.01) di luar wilayah Anda "
        "(Kabupaten Konawe Utara)",
        "/ekspor 2024-02-14 2024-01-01": "tanggal akhir (Senin, 1 Januari 2024) sebelum "
        "tanggal awal (Rabu, 14 Februari 2024)",
        "/ekspor 2024-02-30": "tanggal 2024-02-30 tidak ada",
        "/ekspor 14-02-2024": "tanggal 14-02-2024 harus ditulis YYYY-MM-DD, misalnya 2024-02-14",
        "/ekspor 74.09.99": "kode wilayah 74.09.99 tidak dikenal",
        "/ekspor 2024-01-01 2024-01-02 2024-01-03": "paling banyak dua tanggal (dari dan sampai)",
    }
    for command, problem in cases.items():
        await indonesian.send(command)
        answer = (await indonesian.next_message()).text
        assert f"❌ Ekspor tidak bisa dibuat: {problem}." in answer, answer
        assert "Pemakaian: /ekspor" in answer
    english_cases = {
        "/export 74.01.01": "region Wundulako, Kabupaten Kolaka (74.01.01) is outside your area "
        "(Kabupaten Konawe Utara)",
        "/export 2024-02-14 2024-01-01": "the end date (Monday, 1 January 2024) is before the "
        "start (Wednesday, 14 February 2024)",
        "/export 2023-02-29": "the date 2023-02-29 does not exist",
        "/export xlsx lastweek": "the word lastweek was not understood",
        "/export xlsx csv": "choose one format, xlsx or csv (csv is a second one)",
        "/export 74.09.01 74.09.02": "give one region code only (74.09.02 is a second one)",
    }
    await indonesian.send("/bahasa")
    await indonesian.next_message()
    await indonesian.press("English")
    for command, problem in english_cases.items():
        await indonesian.send(command)
        answer = (await indonesian.next_message()).text
        assert f"❌ The export could not be made: {problem}." in answer, answer
        assert "Usage: /export" in answer
    await indonesian.expect_no_message(within=1.0)  # no export was prepared for any of them


async def test_cli_export_takes_a_separator(database_url: str, tmp_path: Path) -> None:
    async def export(*extra: str) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
        env["DATABASE_URL"] = database_url
        output = tmp_path / "-".join(extra or ("default",))
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--env-file",
            "/nonexistent",
            "export",
            "--region",
            "74.09",
            "--from",
            "2024-01-01",
            "--to",
            "2024-02-14",
            "--format",
            "csv",
            "--output",
            str(output),
            *extra,
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        [reports] = [
            p for p in output.iterdir() if p.name.endswith(("-laporan.csv", "-reports.csv"))
        ]
        return reports.read_text(encoding="utf-8-sig").splitlines()[0]

    assert (await export()).startswith("Referensi;Waktu (WITA);")
    assert (await export("--lang", "en")).startswith("Reference,Time (WITA),")
    assert (await export("--separator", ",")).startswith("Referensi,Waktu (WITA),")
    assert (await export("--lang", "en", "--separator", "semicolon")).startswith(
        "Reference;Time (WITA);"
    )
