"""The digest's chart: readiness per area, stacked by state, as a PNG.

Rendered by the outbox sender when the photo is sent (outside any database transaction),
from plain data stored in the outbox row. Uses matplotlib's object API with the Agg
canvas, which is safe to run in a worker thread.
"""

from __future__ import annotations

import io
from typing import Any

# Colours follow the emoji people already read: ✅ green, 🟡 amber, 🔴 red, ⬜ grey.
STATE_COLOURS = (
    ("ready", "#2e9d4c"),
    ("partial", "#f2b705"),
    ("not_ready", "#d64541"),
    ("none", "#c8c8c8"),
)
MAX_AREAS = 40  # beyond this a bar chart stops helping; the text matrix remains


def chart_data(
    title: str, legend: dict[str, str], rows: list[tuple[str, dict[str, int]]]
) -> dict[str, Any]:
    """What the outbox stores: a title, legend labels, and (area, counts per state) rows."""
    return {"title": title, "legend": legend, "rows": [[name, counts] for name, counts in rows]}


def render_chart(data: dict[str, Any]) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = data["rows"][:MAX_AREAS]
    names = [name for name, _ in rows]
    height = max(2.5, 0.35 * len(rows) + 1.2)
    figure = Figure(figsize=(8, height), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    left = [0] * len(rows)
    for state, colour in STATE_COLOURS:
        values = [counts.get(state, 0) for _, counts in rows]
        axes.barh(names, values, left=left, color=colour, label=data["legend"].get(state, state))
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()  # the worst area (first) on top
    axes.set_xlim(0, max([*left, 1]))
    axes.set_xlabel(data["legend"].get("axis", ""), fontsize=8)
    axes.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.02),
        ncol=4,
        fontsize=8,
        frameon=False,
        title=None,
    )
    axes.set_title(data["title"], fontsize=11, pad=28)
    axes.tick_params(axis="y", labelsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
