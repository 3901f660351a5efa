"""The Rakor briefing as an A4 PDF, laid out from a `BriefingData` (plain data, no database).

fpdf2 with DejaVu Sans (shipped by matplotlib) embedded, so the document prints the same
everywhere; text written with `cell`/`multi_cell`/tables wraps between words; every table
repeats its header row on each page it spans; the footer numbers the pages. What people typed
(incident descriptions, names) is drawn as plain text: fpdf2 interprets no markup unless asked,
and characters the font lacks (emoji) are replaced rather than dropped silently.

Runs in a worker thread (matplotlib's object API with the Agg canvas, no pyplot).
"""

from __future__ import annotations

import io
from typing import Any
from zoneinfo import ZoneInfo

from fpdf import FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from bot.briefing.document import (
    COLOURS,
    FONT,
    GREY,
    HEAD,
    SEVERITY_COLOURS,
    Document,
    rgb,
)
from bot.briefing.figures import map_png, timeline_png
from bot.domain.briefing import BriefingData, BriefingIncident, BriefingSupport
from bot.i18n import format_day, format_short_moment, zone_name


def render_briefing(data: BriefingData, lang: str, tz: ZoneInfo) -> bytes:
    pdf = Document(data, lang, tz)
    _cover(pdf)
    _summary(pdf)
    _map(pdf)
    _matrix(pdf)
    _timeline(pdf)
    _incidents(pdf)
    _support(pdf)
    _appendix(pdf)
    return bytes(pdf.output())


def _cover(pdf: Document) -> None:
    data = pdf.data
    pdf.add_page()
    pdf.ln(25)
    pdf.set_font(FONT, "", 12)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(
        0, 7, pdf.t("briefing.pdf.kicker"), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font(FONT, "B", 24)
    pdf.multi_cell(
        0, 11, pdf.text_of(data.region_name), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
    )
    pdf.ln(2)
    pdf.set_font(FONT, "", 14)
    pdf.multi_cell(
        0,
        8,
        pdf.text_of(format_day(data.day, pdf.reader)),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        align="L",
    )
    pdf.ln(12)
    if not data.elections:
        pdf.paragraph(pdf.t("briefing.pdf.no_elections"), 12)
    for election in data.elections:
        pdf.set_font(FONT, "B", 30)
        pdf.set_text_color(*rgb("#1f4e79"))
        pdf.cell(48, 15, pdf.text_of(election.label), new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, "", 12)
        key = (
            "briefing.pdf.countdown.before"
            if election.days >= 0
            else "briefing.pdf.countdown.after"
        )
        pdf.multi_cell(
            0,
            7.5,
            pdf.t(
                key,
                name=election.name
                if election.kind.lower() in election.name.lower()
                else f"{election.name} ({election.kind})",
                date=format_day(election.voting_day, pdf.reader),
            ),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align="L",
        )
        pdf.ln(4)
    _headline(pdf)
    pdf.set_y(-70)
    pdf.set_font(FONT, "", 10)
    for line in (
        pdf.t("briefing.pdf.produced_by", who=data.producer),
        pdf.t("briefing.pdf.data_time", time=pdf.moment(data.as_of)),
        pdf.t("briefing.pdf.since", date=format_day(data.since, pdf.reader)),
    ):
        pdf.multi_cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _headline(pdf: Document) -> None:
    """Four figures in boxes on the cover, for whoever reads only the first page."""
    data = pdf.data
    overdue = sum(a.overdue for a in data.agencies)
    figures = [
        (f"{_percent(data.cells_ready, data.cells_total)}%", "briefing.pdf.headline.ready", None),
        (str(len(data.silent_areas)), "briefing.pdf.headline.silent", None),
        (
            str(len(data.open_incidents)),
            "briefing.pdf.headline.incidents",
            "#b3001b" if data.open_incidents else None,
        ),
        (str(overdue), "briefing.pdf.headline.overdue", "#b3001b" if overdue else None),
    ]
    pdf.ln(14)
    gap = 4.0
    width = (pdf.epw - gap * (len(figures) - 1)) / len(figures)
    top = pdf.get_y()
    for index, (number, key, colour) in enumerate(figures):
        x = pdf.l_margin + index * (width + gap)
        pdf.set_fill_color(240, 243, 247)
        pdf.rect(x, top, width, 32, style="F")
        pdf.set_xy(x, top + 3)
        pdf.set_font(FONT, "B", 22)
        pdf.set_text_color(*rgb(colour or "#1f4e79"))
        pdf.cell(width, 12, number, align="C")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(x + 2, top + 16)
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(width - 4, 4.2, pdf.t(key), align="C")
    pdf.set_xy(pdf.l_margin, top + 36)
    pdf.set_font(FONT, "", 10)


def _summary(pdf: Document) -> None:
    data = pdf.data
    pdf.add_page()
    pdf.heading("briefing.pdf.summary")
    areas = len(data.matrix)
    figures = [
        pdf.t(
            "briefing.pdf.areas_ready",
            ready=data.areas_ready,
            total=areas,
            percent=_percent(data.areas_ready, areas),
        ),
        pdf.t(
            "briefing.pdf.cells_ready",
            ready=data.cells_ready,
            total=data.cells_total,
            percent=_percent(data.cells_ready, data.cells_total),
        ),
    ]
    for line in figures:
        pdf.paragraph("• " + line, 11)
    pdf.ln(2)
    pdf.subheading("briefing.pdf.silent", count=len(data.silent_areas))
    pdf.paragraph(
        pdf.text_of(", ".join(data.silent_areas))
        if data.silent_areas
        else pdf.t("briefing.pdf.silent_none")
    )
    pdf.subheading("briefing.pdf.open_by_severity")
    with pdf.table(
        col_widths=(60, 30), width=90, align="LEFT", headings_style=HEAD, repeat_headings=1
    ) as table:
        head = table.row()
        head.cell(pdf.t("briefing.pdf.col.severity"))
        head.cell(pdf.t("briefing.pdf.col.count"), align="R")
        for severity, count in data.open_by_severity:
            row = table.row()
            row.cell(pdf.t(f"severity.{severity}"))
            row.cell(str(count), align="R")
    pdf.ln(3)
    pdf.subheading("briefing.pdf.support_by_agency")
    if not data.agencies:
        pdf.paragraph(pdf.t("briefing.pdf.support_none"))
    else:
        with pdf.table(
            col_widths=(70, 25, 25, 30),
            width=150,
            align="LEFT",
            headings_style=HEAD,
            repeat_headings=1,
        ) as table:
            head = table.row()
            for key in ("agency", "open", "overdue", "done"):
                head.cell(pdf.t(f"briefing.pdf.col.{key}"), align="L" if key == "agency" else "R")
            for agency in data.agencies:
                row = table.row()
                row.cell(pdf.text_of(agency.agency))
                row.cell(str(agency.open), align="R")
                overdue = FontFace(color=rgb("#b3001b")) if agency.overdue else None
                row.cell(str(agency.overdue), align="R", style=overdue)
                row.cell(str(agency.done), align="R")
    pdf.ln(3)
    pdf.subheading("briefing.pdf.changes", date=format_day(data.since, pdf.reader))
    if not data.changes:
        pdf.paragraph(pdf.t("briefing.pdf.changes_none"))
    for change in data.changes:
        key = "briefing.pdf.change_up" if change.delta > 0 else "briefing.pdf.change_down"
        pdf.paragraph(
            "• "
            + pdf.t(
                key,
                area=change.name,
                before=change.before,
                after=change.after,
                total=change.aspects,
            )
        )


# The map's classes of the ready share, worst first: (lowest share, colour).
def _map(pdf: Document) -> None:
    """The areas one level below, coloured by their share of ready aspects, with the open
    incidents; left out when no outline of these areas is known."""
    if not any(area.outline for area in pdf.data.areas):
        return
    pdf.add_page()
    pdf.heading("briefing.pdf.map")
    pdf.paragraph(pdf.t("briefing.pdf.map_note"), 9)
    height = pdf.eph - (pdf.get_y() - pdf.t_margin) - 4
    pdf.image(
        io.BytesIO(map_png(pdf, pdf.epw, height)), w=pdf.epw, h=height, keep_aspect_ratio=True
    )


def _state_cell(pdf: Document, state: str | None) -> tuple[str, FontFace]:
    key = state or "none"
    label = pdf.t(f"briefing.pdf.state.{key}")
    colour = rgb(COLOURS[key])
    text_colour = (255, 255, 255) if key in ("ready", "not_ready") else (0, 0, 0)
    return label, FontFace(fill_color=colour, color=text_colour)


def _fitting_size(pdf: Document, texts: list[str], width: float, size: float) -> float:
    """The largest font size (at most `size`, at least 5 pt) at which every word of `texts`
    fits in `width`: wrapping then happens between words, never inside one."""
    words = [word for text in texts for word in text.split()] or [""]
    while size > 5:
        pdf.set_font(FONT, "B", size)
        if max(pdf.get_string_width(word) for word in words) <= width:
            break
        size -= 0.5
    return size


def _matrix(pdf: Document) -> None:
    """Areas × aspects on a landscape page (ten aspects need the width)."""
    data = pdf.data
    pdf.add_page(orientation="L")
    pdf.heading("briefing.pdf.matrix")
    pdf.paragraph(pdf.t("briefing.pdf.matrix_note"), 9)
    if not data.matrix:
        pdf.paragraph(pdf.t("briefing.pdf.no_areas"))
        return
    aspects = len(data.aspects)
    first = 48.0
    rest = (pdf.epw - first) / max(aspects, 1)
    labels = [pdf.text_of(label) for label in data.aspects]
    states = [
        pdf.t(f"briefing.pdf.state.{key}") for key in ("ready", "partial", "not_ready", "none")
    ]
    size = _fitting_size(pdf, [*labels, *states], rest - 2.5, 8)
    pdf.set_font(FONT, "", size)
    with pdf.table(
        col_widths=(first, *([rest] * aspects)),
        headings_style=HEAD,
        repeat_headings=1,
        text_align="CENTER",
        line_height=size * 0.5,
    ) as table:
        head = table.row()
        head.cell(pdf.t("briefing.pdf.col.area"), align="L")
        for label in labels:
            head.cell(label)
        for area in data.matrix:
            row = table.row()
            row.cell(pdf.text_of(area.name), align="L")
            for state in area.states:
                label, style = _state_cell(pdf, state)
                row.cell(label, style=style)
    pdf.set_font(FONT, "", 10)


def _timeline(pdf: Document) -> None:
    width = min(pdf.epw, 180)
    if pdf.will_page_break(width * 3 / 7 + 20):  # the heading stays with its chart
        pdf.add_page(orientation="P")
    pdf.ln(4)
    pdf.subheading(
        "briefing.pdf.timeline",
        since=format_day(pdf.data.since, pdf.reader),
        until=format_day(pdf.data.day, pdf.reader),
    )
    pdf.image(io.BytesIO(timeline_png(pdf)), w=width)


def _incident_table(pdf: Document, incidents: tuple[BriefingIncident, ...], closed: bool) -> None:
    if not incidents:
        pdf.paragraph(pdf.t("briefing.pdf.incidents_none"))
        return
    pdf.set_font(FONT, "", 8)
    columns: list[tuple[str, float]] = [
        ("reference", 16),
        ("severity", 17),
        ("kind", 26),
        ("place", 30),
        ("status", 22),
        ("closed" if closed else "reported", 27),
        ("description", 42),
    ]
    with pdf.table(
        col_widths=tuple(w for _, w in columns),
        headings_style=HEAD,
        repeat_headings=1,
        line_height=3.8,
        text_align="LEFT",
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        head = table.row()
        for key, _ in columns:
            head.cell(pdf.t(f"briefing.pdf.col.{key}"))
        for incident in incidents:
            row = table.row()
            row.cell(incident.reference)
            row.cell(
                pdf.t(f"severity.{incident.severity}"),
                style=FontFace(color=rgb(SEVERITY_COLOURS.get(incident.severity, "#000000"))),
            )
            row.cell(pdf.text_of(incident.kind))
            row.cell(pdf.text_of(incident.place))
            row.cell(pdf.t(f"incident.status.{incident.status}"))
            moment = incident.closed_at if closed and incident.closed_at else incident.created_at
            row.cell(pdf.text_of(format_short_moment(moment, pdf.reader, pdf.tz)))
            row.cell(pdf.text_of(incident.description))
    pdf.set_font(FONT, "", 10)


def _incidents(pdf: Document) -> None:
    data = pdf.data
    pdf.add_page(orientation="P")
    pdf.heading("briefing.pdf.incidents")
    pdf.subheading("briefing.pdf.incidents_open", count=len(data.open_incidents))
    _incident_table(pdf, data.open_incidents, closed=False)
    pdf.ln(4)
    pdf.subheading(
        "briefing.pdf.incidents_resolved",
        count=len(data.resolved_incidents),
        since=format_day(data.since, pdf.reader),
    )
    _incident_table(pdf, data.resolved_incidents, closed=True)


def _support_table(pdf: Document, items: tuple[BriefingSupport, ...], done: bool) -> None:
    if not items:
        pdf.paragraph(pdf.t("briefing.pdf.incidents_none"))
        return
    pdf.set_font(FONT, "", 8)
    columns: list[tuple[str, float]] = [
        ("reference", 16),
        ("agency", 24),
        ("place", 30),
        ("urgency", 18),
        ("status", 22),
        ("closed" if done else "deadline", 27),
        ("need", 43),
    ]
    with pdf.table(
        col_widths=tuple(w for _, w in columns),
        headings_style=HEAD,
        repeat_headings=1,
        line_height=3.8,
        text_align="LEFT",
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        head = table.row()
        for key, _ in columns:
            head.cell(pdf.t(f"briefing.pdf.col.{key}"))
        for item in items:
            row = table.row()
            row.cell(item.reference)
            row.cell(pdf.text_of(item.agency))
            row.cell(pdf.text_of(item.place))
            row.cell(pdf.t(f"briefing.pdf.urgency.{item.urgency}"))
            status = pdf.t(f"briefing.pdf.support_status.{item.status}")
            if item.overdue:
                status = f"{status} · {pdf.t('briefing.pdf.overdue')}"
            red = FontFace(color=rgb("#b3001b")) if item.overdue else None
            row.cell(status, style=red)
            moment = item.closed_at if done and item.closed_at else item.deadline_at
            row.cell(pdf.text_of(format_short_moment(moment, pdf.reader, pdf.tz)))
            row.cell(pdf.text_of(item.need))
    pdf.set_font(FONT, "", 10)


def _support(pdf: Document) -> None:
    data = pdf.data
    if pdf.will_page_break(60):
        pdf.add_page()
    else:
        pdf.ln(6)
    pdf.heading("briefing.pdf.support")
    pdf.subheading("briefing.pdf.support_open", count=len(data.requests_open))
    _support_table(pdf, data.requests_open, done=False)
    pdf.ln(4)
    pdf.subheading(
        "briefing.pdf.support_done",
        count=len(data.requests_done),
        since=format_day(data.since, pdf.reader),
    )
    _support_table(pdf, data.requests_done, done=True)


def _appendix(pdf: Document) -> None:
    data = pdf.data
    if pdf.will_page_break(80):
        pdf.add_page()
    else:
        pdf.ln(6)
    pdf.heading("briefing.pdf.appendix")
    params: dict[str, Any] = {
        "time": pdf.moment(data.as_of),
        "zone": zone_name(pdf.tz, data.as_of),
        "since": format_day(data.since, pdf.reader),
    }
    for index in range(1, 6):
        pdf.paragraph("• " + pdf.t(f"briefing.pdf.method.{index}", **params), 9)
