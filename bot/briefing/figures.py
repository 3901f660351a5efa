"""The briefing's pictures, drawn with matplotlib's object API and the Agg canvas (safe in
a worker thread): the map of the areas below, and readiness over time."""

from __future__ import annotations

import io
import math

from bot.briefing.document import COLOURS, SEVERITY_COLOURS, Document
from bot.domain.maps import simplify
from bot.i18n import plain

MAP_CLASSES = ((0.0, "#d64541"), (0.25, "#f08a24"), (0.5, "#f2b705"), (0.75, "#8cc63f"))
MAP_ALL = COLOURS["ready"]


def _share_colour(share: float | None) -> str:
    """Grey for nothing reported, green when everything reported is ready, else the class."""
    if share is None:
        return COLOURS["none"]
    if share >= 1:
        return MAP_ALL
    return next(colour for low, colour in reversed(MAP_CLASSES) if share >= low)


def map_png(pdf: Document, width_mm: float, height_mm: float) -> bytes:
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
    lons = [lon for a in areas for ring in a.outline for lon, _ in ring]
    lats = [lat for a in areas for ring in a.outline for _, lat in ring]
    middle = (min(lats) + max(lats)) / 2
    # About a third of a pixel of the printed map: what the eye cannot see is not drawn
    # (a province's outlines have hundreds of thousands of points).
    tolerance = max(max(lons) - min(lons), max(lats) - min(lats)) / 4000
    for area in areas:
        for outline in area.outline:
            ring = simplify(outline, tolerance)
            if len(ring) < 3:
                continue
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
                color=SEVERITY_COLOURS.get(severity, "#000"),
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
        Patch(color=COLOURS["none"], label=plain(lang, "briefing.pdf.state.none")),
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
            for severity, colour in SEVERITY_COLOURS.items()
        ),
    ]
    axes.legend(handles=handles, loc="lower left", fontsize=6, frameon=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def timeline_png(pdf: Document) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    points = pdf.data.timeline
    figure = Figure(figsize=(7, 3), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    days = [p.day.strftime("%d/%m") for p in points]
    shares = [100 * p.share for p in points]
    axes.plot(days, shares, marker="o", color=COLOURS["ready"])
    axes.fill_between(days, shares, color=COLOURS["ready"], alpha=0.15)
    axes.set_ylim(0, 100)
    axes.set_ylabel(plain(pdf.reader, "briefing.pdf.chart_axis"), fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
