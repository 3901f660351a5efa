"""Exports for meetings and spreadsheets: status reports, the current readiness matrix, and
incidents with their timelines, for one region's subtree and a date range.

XLSX (one sheet each, frozen header, column names in the reader's language, times in the
configured zone and named in the header, columns as wide as their content within bounds,
free text wrapped) or CSV (UTF-8 with a byte-order mark, so Excel reads it right; separated
by semicolons for Indonesian readers and commas for English ones, unless asked otherwise).
Rows are read in pages of short transactions; for XLSX each sheet is spooled to a temporary
file while its column widths are measured, then written (openpyxl's write-only mode), so a
large export neither loads everything in memory nor holds the database.
"""

from __future__ import annotations

import asyncio
import csv
import pickle
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlmodel import col

from bot.alerts import incident_types
from bot.domain.incidents import reference as incident_reference
from bot.domain.reports import STATE_EMOJI, AspectInfo, roll_up_cells, roll_up_whole
from bot.domain.reports import reference as report_reference
from bot.domain.support import reference as support_reference
from bot.export_cells import (
    TIME_COLUMNS,
    ColumnWidths,
    csv_cell,
    default_separator,
    xlsx_cell,
)
from bot.i18n import plain, zone_name
from storage.aspects import active_aspects
from storage.engine import SessionFactory
from storage.models import (
    Agency,
    Incident,
    IncidentEvent,
    Person,
    Region,
    Report,
    SupportEvent,
    SupportRequest,
)
from storage.regions import child_regions, region_label
from storage.reports import readiness_summary
from storage.subtree import in_subtree

PAGE = 1000
KINDS = ("reports", "readiness", "incidents", "timeline", "support", "support_timeline")


@dataclass(frozen=True)
class ExportRequest:
    root: str
    since: datetime
    until: datetime
    fmt: str  # "xlsx" or "csv"
    lang: str
    tz: ZoneInfo
    separator: str | None = None  # CSV only; None: what the reader's Excel expects

    @property
    def csv_separator(self) -> str:
        return self.separator or default_separator(self.lang)


Row = list[Any]
_RowSource = Callable[[], AsyncIterator[Row]] | Iterable[Row]


async def _pages(factory: SessionFactory, statement: Any, key: Any) -> AsyncIterator[Any]:
    """Rows of `statement` in id order, one short transaction per page (keyset paging)."""
    last = 0
    while True:
        async with factory() as session:
            rows = list(
                (
                    await session.execute(statement.where(key > last).order_by(key).limit(PAGE))
                ).scalars()
            )
        if not rows:
            return
        for row in rows:
            yield row
        last = rows[-1].id


class _Names:
    """Region and person names, looked up once each."""

    def __init__(self, factory: SessionFactory, lang: str):
        self._factory, self._lang = factory, lang
        self._regions: dict[str, str] = {}
        self._people: dict[int, str] = {}

    async def region(self, code: str) -> str:
        if code not in self._regions:
            async with self._factory() as session:
                self._regions[code] = await region_label(session, code)
        return self._regions[code]

    async def person(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        if person_id not in self._people:
            async with self._factory() as session:
                person = await session.get(Person, person_id)
            self._people[person_id] = (person.full_name if person else None) or plain(
                self._lang, "invites.removed_name"
            )
        return self._people[person_id]


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Excel has no time zones: a naive local time in the configured zone."""
    return moment.astimezone(tz).replace(tzinfo=None) if moment is not None else None


def _headers(request: ExportRequest, keys: Sequence[str]) -> Row:
    """Column names in the reader's language; a time column names its zone, "Waktu (WITA)"."""
    lang, zone = request.lang, zone_name(request.tz, request.since)
    return [
        plain(lang, "export.col.zoned", name=plain(lang, f"export.col.{key}"), zone=zone)
        if key in TIME_COLUMNS
        else plain(lang, f"export.col.{key}")
        for key in keys
    ]


async def report_rows(factory: SessionFactory, request: ExportRequest) -> AsyncIterator[Row]:
    lang, tz = request.lang, request.tz
    names = _Names(factory, lang)
    async with factory() as session:
        aspects = {
            a.code: (a.label_en if lang == "en" else a.label_id)
            for a in await active_aspects(session)
        }
    statement = select(Report).where(
        in_subtree(col(Report.region_code), request.root),
        col(Report.created_at) >= request.since,
        col(Report.created_at) < request.until,
    )
    async for report in _pages(factory, statement, col(Report.id)):
        yield [
            report_reference(report.id),
            _local(report.created_at, tz),
            report.region_code,
            await names.region(report.region_code),
            aspects.get(report.aspect_code, report.aspect_code),
            plain(lang, f"state.{report.state}"),
            report.progress,
            report.note or "",
            report.latitude,
            report.longitude,
            len(report.photo_file_ids),
            plain(lang, f"role.{report.reporter_role}"),
            await names.person(report.person_id),
            plain(lang, f"export.report_status.{report.status}"),
            report_reference(report.corrects_id) if report.corrects_id else "",
        ]


REPORT_COLUMNS = (
    "reference",
    "time",
    "region_code",
    "region",
    "aspect",
    "state",
    "percent",
    "note",
    "latitude",
    "longitude",
    "photos",
    "reporter_role",
    "reporter",
    "report_status",
    "corrects",
)


async def readiness_rows(factory: SessionFactory, request: ExportRequest) -> tuple[Row, list[Row]]:
    lang, tz = request.lang, request.tz
    async with factory() as session:
        aspects = [
            AspectInfo(a.code, a.label_id, a.label_en) for a in await active_aspects(session)
        ]
        children = [(c.code, c.name) for c in await child_regions(session, code=request.root)]
        summary = await readiness_summary(
            session, root=request.root, area_codes={code for code, _ in children}
        )
        root_name = await region_label(session, request.root)
    codes = [a.code for a in aspects]
    header = (
        _headers(request, ("region_code", "region"))
        + [a.label(lang) for a in aspects]
        + _headers(request, ("last_report",))
    )
    result = []
    own = roll_up_whole(request.root, root_name, codes, summary)
    for area in [own, *roll_up_cells(children, codes, summary)]:
        cells = [_state_cell(lang, area.aspects[c].state) for c in codes]
        result.append([area.code, area.name, *cells, _local(area.last_at, tz)])
    return header, result


def _state_cell(lang: str, state: str | None) -> str:
    key = f"state.{state or 'none'}"
    return f"{STATE_EMOJI[state]} {plain(lang, key)}"


async def incident_rows(factory: SessionFactory, request: ExportRequest) -> AsyncIterator[Row]:
    lang, tz = request.lang, request.tz
    names = _Names(factory, lang)
    async with factory() as session:
        kinds = {k.code: k.label(lang) for k in await incident_types(session)}
    statement = select(Incident).where(
        in_subtree(col(Incident.region_code), request.root),
        col(Incident.created_at) >= request.since,
        col(Incident.created_at) < request.until,
    )
    async for incident in _pages(factory, statement, col(Incident.id)):
        yield [
            incident_reference(incident.id),
            _local(incident.created_at, tz),
            incident.region_code,
            await names.region(incident.region_code),
            plain(lang, f"athg.{incident.athg_class}"),
            kinds.get(incident.type_code, incident.type_code),
            plain(lang, f"severity.{incident.severity}"),
            incident.description,
            plain(lang, f"incident.status.{incident.status}"),
            await names.person(incident.reporter_id),
            await names.person(incident.acknowledged_by_id),
            _local(incident.acknowledged_at, tz),
            await names.person(incident.closed_by_id),
            _local(incident.closed_at, tz),
            incident.closing_note or "",
            incident.latitude,
            incident.longitude,
        ]


INCIDENT_COLUMNS = (
    "reference",
    "time",
    "region_code",
    "region",
    "athg",
    "kind",
    "severity",
    "description",
    "incident_status",
    "reporter",
    "acknowledged_by",
    "acknowledged_at",
    "closed_by",
    "closed_at",
    "closing_note",
    "latitude",
    "longitude",
)


async def timeline_rows(factory: SessionFactory, request: ExportRequest) -> AsyncIterator[Row]:
    lang, tz = request.lang, request.tz
    names = _Names(factory, lang)
    incidents = select(col(Incident.id)).where(
        in_subtree(col(Incident.region_code), request.root),
        col(Incident.created_at) >= request.since,
        col(Incident.created_at) < request.until,
    )
    statement = select(IncidentEvent).where(col(IncidentEvent.incident_id).in_(incidents))
    async for event in _pages(factory, statement, col(IncidentEvent.id)):
        yield [
            incident_reference(event.incident_id),
            _local(event.at, tz),
            plain(lang, f"export.event.{event.kind}"),
            await names.person(event.actor_id),
            event.detail or "",
        ]


TIMELINE_COLUMNS = ("reference", "time", "event", "actor", "detail")

SUPPORT_COLUMNS = (
    "reference",
    "time",
    "region_code",
    "region",
    "agency",
    "need",
    "urgency",
    "deadline",
    "support_status",
    "requester",
    "requester_agency",
    "taken_by",
    "closed_by",
    "closed_at",
    "closing_note",
    "linked",
    "latitude",
    "longitude",
)


async def _agency_names(factory: SessionFactory, lang: str) -> dict[str, str]:
    async with factory() as session:
        agencies = (await session.execute(select(Agency))).scalars()
        return {a.code: a.name_en if lang == "en" else a.name_id for a in agencies}


def _support_statement(model: Any, request: ExportRequest) -> Any:
    return select(model).where(
        in_subtree(col(SupportRequest.region_code), request.root),
        col(SupportRequest.created_at) >= request.since,
        col(SupportRequest.created_at) < request.until,
    )


async def support_rows(factory: SessionFactory, request: ExportRequest) -> AsyncIterator[Row]:
    """Support requests (permintaan dukungan) asked in the period, with who did what."""
    lang, tz = request.lang, request.tz
    names = _Names(factory, lang)
    agencies = await _agency_names(factory, lang)
    statement = _support_statement(SupportRequest, request)
    async for row in _pages(factory, statement, col(SupportRequest.id)):
        linked = [row.aspect_code or "", f"I-{row.incident_id:04d}" if row.incident_id else ""]
        yield [
            support_reference(row.id),
            _local(row.created_at, tz),
            row.region_code,
            await names.region(row.region_code),
            agencies.get(row.agency_code, row.agency_code),
            row.need,
            plain(lang, f"support.urgency.{row.urgency}"),
            _local(row.deadline_at, tz),
            plain(lang, f"support.status.{row.status}"),
            await names.person(row.requester_id),
            agencies.get(row.requester_agency or "", row.requester_agency or ""),
            await names.person(row.taken_by_id),
            await names.person(row.closed_by_id),
            _local(row.closed_at, tz),
            row.closing_note or "",
            " ".join(filter(None, linked)),
            row.latitude,
            row.longitude,
        ]


async def support_timeline_rows(
    factory: SessionFactory, request: ExportRequest
) -> AsyncIterator[Row]:
    lang, tz = request.lang, request.tz
    names = _Names(factory, lang)
    requests = _support_statement(col(SupportRequest.id), request)
    statement = select(SupportEvent).where(col(SupportEvent.request_id).in_(requests))
    async for event in _pages(factory, statement, col(SupportEvent.id)):
        yield [
            support_reference(event.request_id),
            _local(event.at, tz),
            plain(lang, f"support.event.{event.kind}"),
            await names.person(event.actor_id),
            event.detail or "",
        ]


async def write_export(
    factory: SessionFactory, request: ExportRequest, directory: Path
) -> list[Path]:
    """Write the export files into `directory`; returns their paths."""
    await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
    async with factory() as session:
        if await session.get(Region, request.root) is None:
            raise ValueError(f"unknown region {request.root}")
    last_day = request.until - timedelta(days=1)  # `until` is exclusive
    stem = f"posko-{request.root}-{request.since:%Y%m%d}-{last_day:%Y%m%d}"
    readiness_header, readiness = await readiness_rows(factory, request)
    readiness_keys = ("region_code", "region", *["state"] * (len(readiness_header) - 3))
    sheets: list[tuple[str, Sequence[str], Row, _RowSource]] = [
        (
            "reports",
            REPORT_COLUMNS,
            _headers(request, REPORT_COLUMNS),
            lambda: report_rows(factory, request),
        ),
        ("readiness", (*readiness_keys, "last_report"), readiness_header, readiness),
        (
            "incidents",
            INCIDENT_COLUMNS,
            _headers(request, INCIDENT_COLUMNS),
            lambda: incident_rows(factory, request),
        ),
        (
            "timeline",
            TIMELINE_COLUMNS,
            _headers(request, TIMELINE_COLUMNS),
            lambda: timeline_rows(factory, request),
        ),
        (
            "support",
            SUPPORT_COLUMNS,
            _headers(request, SUPPORT_COLUMNS),
            lambda: support_rows(factory, request),
        ),
        (
            "support_timeline",
            TIMELINE_COLUMNS,
            _headers(request, TIMELINE_COLUMNS),
            lambda: support_timeline_rows(factory, request),
        ),
    ]
    if request.fmt == "csv":
        separator = request.csv_separator
        paths = []
        for kind, _, header, rows in sheets:
            sheet_name = plain(request.lang, f"export.sheet.{kind}").lower().replace(" ", "-")
            path = directory / f"{stem}-{sheet_name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=separator)
                writer.writerow(header)
                async for row in _rows(rows):
                    writer.writerow([csv_cell(value, separator) for value in row])
            paths.append(path)
        return paths
    workbook = Workbook(write_only=True)
    for kind, keys, header, rows in sheets:
        title = plain(request.lang, f"export.sheet.{kind}")
        await _write_sheet(workbook, title, keys, header, rows)
    path = directory / f"{stem}.xlsx"
    await asyncio.to_thread(workbook.save, path)
    return [path]


async def _write_sheet(
    workbook: Workbook, title: str, keys: Sequence[str], header: Row, rows: _RowSource
) -> None:
    """One sheet: rows spooled to a temporary file while the column widths are measured
    (a write-only sheet takes its widths before its first row), then written."""
    widths = ColumnWidths(header, keys)
    with tempfile.TemporaryFile() as spool:
        count = 0
        async for row in _rows(rows):
            widths.observe(row)
            pickle.dump(row, spool)  # our own rows, read back below; never foreign data
            count += 1
        sheet = workbook.create_sheet(title)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths.widths(), 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        bold = Font(bold=True)
        cells = []
        for value in header:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        spool.seek(0)
        for _ in range(count):
            row = pickle.load(spool)
            sheet.append(
                [xlsx_cell(sheet, value, wrap=widths.wrapped(i)) for i, value in enumerate(row)]
            )


async def _rows(rows: _RowSource) -> AsyncIterator[Row]:
    if callable(rows):
        async for row in rows():
            yield row
    else:
        for row in rows:
            yield row
