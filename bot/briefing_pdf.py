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
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from bot.charts import STATE_COLOURS
from bot.domain.briefing import BriefingData, BriefingIncident, BriefingSupport
from bot.i18n import format_day, format_moment, format_short_moment, plain, zone_name

FONT = "DejaVu"
MARGIN = 15
_COLOURS = dict(STATE_COLOURS)
_SEVERITY_COLOURS = {
    "kritis": "#b3001b",
    "tinggi": "#e8710a",
    "sedang": "#f2b705",
    "rendah": "#2e9d4c",
}
_GREY = (110, 110, 110)
_HEAD = FontFace(emphasis="BOLD", fill_color=(225, 230, 238))


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


class _Document(FPDF):
    def __init__(self, data: BriefingData, lang: str, tz: ZoneInfo):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.data, self.reader, self.tz = data, lang, tz
        fonts = _font_dir()
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        self.set_margins(MARGIN, MARGIN + 3, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_title(plain(lang, "briefing.pdf.title", region=data.region_name))
        self.set_author("Posko Pemilu")
        self.set_creator("Posko Pemilu")
        self.set_lang("id-ID" if lang == "id" else "en-GB")
        self.alias_nb_pages()
        self._glyphs: set[int] | None = None

    # -- text the font can draw ------------------------------------------------------------

    def text_of(self, value: object) -> str:
        """Plain text the embedded font can draw: control characters become spaces, a
        character the font lacks (an emoji) becomes U+FFFD, never a silent gap."""
        if self._glyphs is None:
            font = self.fonts[FONT.lower()]
            self._glyphs = set(getattr(font, "cmap", {}))
        out = []
        for char in str(value):
            if char in "\n":
                out.append(char)
            elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
                out.append(" " if char in "\t\r\u2028\u2029" else "")
            elif ord(char) in self._glyphs:
                out.append(char)
            else:
                out.append("\ufffd")
        return "".join(out)

    def t(self, key: str, **params: object) -> str:
        return self.text_of(plain(self.reader, key, **params))

    # -- page furniture --------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*_GREY)
        self.cell(
            0,
            5,
            self.t(
                "briefing.pdf.running_head",
                region=self.data.region_name,
                date=format_day(self.data.day, self.reader),
            ),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 5, self.t("briefing.pdf.footer_left"), align="L")
        self.set_x(MARGIN)
        self.cell(0, 5, self.t("briefing.pdf.page", page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, key: str, **params: object) -> None:
        self.set_font(FONT, "B", 14)
        self.multi_cell(0, 8, self.t(key, **params), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(2)
        self.set_font(FONT, "", 10)

    def subheading(self, key: str, **params: object) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.set_font(FONT, "B", 11)
        self.multi_cell(0, 6, self.t(key, **params), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1)
        self.set_font(FONT, "", 10)

    def paragraph(self, text: str, size: float = 10, style: str = "") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1.5)
        self.set_font(FONT, "", 10)

    def moment(self, value: datetime) -> str:
        return format_moment(value, self.reader, self.tz)


def render_briefing(data: BriefingData, lang: str, tz: ZoneInfo) -> bytes:
    pdf = _Document(data, lang, tz)
    _cover(pdf)
    _summary(pdf)
    _map(pdf)
    _matrix(pdf)
    _timeline(pdf)
    _incidents(pdf)
    _support(pdf)
    _appendix(pdf)
    return bytes(pdf.output())


def _cover(pdf: _Document) -> None:
    data = pdf.data
    pdf.add_page()
    pdf.ln(25)
    pdf.set_font(FONT, "", 12)
    pdf.set_text_color(*_GREY)
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
        pdf.set_text_color(*_rgb("#1f4e79"))
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


def _headline(pdf: _Document) -> None:
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
        pdf.set_text_color(*_rgb(colour or "#1f4e79"))
        pdf.cell(width, 12, number, align="C")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(x + 2, top + 16)
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(width - 4, 4.2, pdf.t(key), align="C")
    pdf.set_xy(pdf.l_margin, top + 36)
    pdf.set_font(FONT, "", 10)


def _summary(pdf: _Document) -> None:
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
        col_widths=(60, 30), width=90, align="LEFT", headings_style=_HEAD, repeat_headings=1
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
            headings_style=_HEAD,
            repeat_headings=1,
        ) as table:
            head = table.row()
            for key in ("agency", "open", "overdue", "done"):
                head.cell(pdf.t(f"briefing.pdf.col.{key}"), align="L" if key == "agency" else "R")
            for agency in data.agencies:
                row = table.row()
                row.cell(pdf.text_of(agency.agency))
                row.cell(str(agency.open), align="R")
                overdue = FontFace(color=_rgb("#b3001b")) if agency.overdue else None
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
MAP_CLASSES = ((0.0, "#d64541"), (0.25, "#f08a24"), (0.5, "#f2b705"), (0.75, "#8cc63f"))
MAP_ALL = _COLOURS["ready"]


def _share_colour(share: float | None) -> str:
    """Grey for nothing reported, green when everything reported is ready, else the class."""
    if share is None:
        return _COLOURS["none"]
    if share >= 1:
        return MAP_ALL
    return next(colour for low, colour in reversed(MAP_CLASSES) if share >= low)


def _map_png(pdf: _Document, width_mm: float, height_mm: float) -> bytes:
    import math

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.patches import Polygon as PolygonPatch

    areas = [a for a in pdf.data.areas if a.outline]
    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=200)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    lats = [lat for a in areas for ring in a.outline for _, lat in ring]
    middle = (min(lats) + max(lats)) / 2
    for area in areas:
        for ring in area.outline:
            axes.add_patch(
                PolygonPatch(
                    ring,
                    closed=True,
                    facecolor=_share_colour(area.share),
                    edgecolor="white",
                    linewidth=0.6,
                )
            )
        if area.centre is not None:
            axes.annotate(
                area.name,
                area.centre,
                ha="center",
                va="center",
                fontsize=5.5,
                color="#222222",
            )
    for area in areas:
        for lon, lat, severity in area.incidents:
            axes.plot(
                lon,
                lat,
                marker="^",
                markersize=6,
                color=_SEVERITY_COLOURS.get(severity, "#000"),
                markeredgecolor="black",
                markeredgewidth=0.5,
            )
    axes.autoscale_view()
    axes.set_aspect(1 / math.cos(math.radians(middle)))
    lang = pdf.reader
    handles = [
        Patch(color=MAP_ALL, label=plain(lang, "briefing.pdf.map.all")),
        *(
            Patch(
                color=colour,
                label=plain(
                    lang, "briefing.pdf.map.class", low=round(100 * low), high=round(100 * high)
                ),
            )
            for (low, colour), high in reversed(
                list(zip(MAP_CLASSES, [*(c[0] for c in MAP_CLASSES[1:]), 1.0], strict=True))
            )
        ),
        Patch(color=_COLOURS["none"], label=plain(lang, "briefing.pdf.state.none")),
        *(
            Line2D(
                [],
                [],
                marker="^",
                linestyle="",
                color=colour,
                markeredgecolor="black",
                label=plain(lang, f"severity.{severity}"),
            )
            for severity, colour in _SEVERITY_COLOURS.items()
        ),
    ]
    axes.legend(handles=handles, loc="lower left", fontsize=6, frameon=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _map(pdf: _Document) -> None:
    """The areas one level below, coloured by their share of ready aspects, with the open
    incidents; left out when no outline of these areas is known."""
    if not any(area.outline for area in pdf.data.areas):
        return
    pdf.add_page()
    pdf.heading("briefing.pdf.map")
    pdf.paragraph(pdf.t("briefing.pdf.map_note"), 9)
    height = pdf.eph - (pdf.get_y() - pdf.t_margin) - 4
    pdf.image(
        io.BytesIO(_map_png(pdf, pdf.epw, height)), w=pdf.epw, h=height, keep_aspect_ratio=True
    )


def _state_cell(pdf: _Document, state: str | None) -> tuple[str, FontFace]:
    key = state or "none"
    label = pdf.t(f"briefing.pdf.state.{key}")
    colour = _rgb(_COLOURS[key])
    text_colour = (255, 255, 255) if key in ("ready", "not_ready") else (0, 0, 0)
    return label, FontFace(fill_color=colour, color=text_colour)


def _fitting_size(pdf: _Document, texts: list[str], width: float, size: float) -> float:
    """The largest font size (at most `size`, at least 5 pt) at which every word of `texts`
    fits in `width`: wrapping then happens between words, never inside one."""
    words = [word for text in texts for word in text.split()] or [""]
    while size > 5:
        pdf.set_font(FONT, "B", size)
        if max(pdf.get_string_width(word) for word in words) <= width:
            break
        size -= 0.5
    return size


def _matrix(pdf: _Document) -> None:
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
        headings_style=_HEAD,
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


def _timeline_png(pdf: _Document) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    points = pdf.data.timeline
    figure = Figure(figsize=(7, 3), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    days = [p.day.strftime("%d/%m") for p in points]
    shares = [100 * p.share for p in points]
    axes.plot(days, shares, marker="o", color=_COLOURS["ready"])
    axes.fill_between(days, shares, color=_COLOURS["ready"], alpha=0.15)
    axes.set_ylim(0, 100)
    axes.set_ylabel(plain(pdf.reader, "briefing.pdf.chart_axis"), fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _timeline(pdf: _Document) -> None:
    width = min(pdf.epw, 180)
    if pdf.will_page_break(width * 3 / 7 + 20):  # the heading stays with its chart
        pdf.add_page(orientation="P")
    pdf.ln(4)
    pdf.subheading(
        "briefing.pdf.timeline",
        since=format_day(pdf.data.since, pdf.reader),
        until=format_day(pdf.data.day, pdf.reader),
    )
    pdf.image(io.BytesIO(_timeline_png(pdf)), w=width)


def _incident_table(pdf: _Document, incidents: tuple[BriefingIncident, ...], closed: bool) -> None:
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
        headings_style=_HEAD,
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
                style=FontFace(color=_rgb(_SEVERITY_COLOURS.get(incident.severity, "#000000"))),
            )
            row.cell(pdf.text_of(incident.kind))
            row.cell(pdf.text_of(incident.place))
            row.cell(pdf.t(f"incident.status.{incident.status}"))
            moment = incident.closed_at if closed and incident.closed_at else incident.created_at
            row.cell(pdf.text_of(format_short_moment(moment, pdf.reader, pdf.tz)))
            row.cell(pdf.text_of(incident.description))
    pdf.set_font(FONT, "", 10)


def _incidents(pdf: _Document) -> None:
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


def _support_table(pdf: _Document, items: tuple[BriefingSupport, ...], done: bool) -> None:
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
        headings_style=_HEAD,
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
            red = FontFace(color=_rgb("#b3001b")) if item.overdue else None
            row.cell(status, style=red)
            moment = item.closed_at if done and item.closed_at else item.deadline_at
            row.cell(pdf.text_of(format_short_moment(moment, pdf.reader, pdf.tz)))
            row.cell(pdf.text_of(item.need))
    pdf.set_font(FONT, "", 10)


def _support(pdf: _Document) -> None:
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


def _appendix(pdf: _Document) -> None:
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
