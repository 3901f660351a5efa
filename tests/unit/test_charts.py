from __future__ import annotations

import io

from bot.charts import MAX_AREAS, chart_data, render_chart


def test_chart_is_a_png_and_caps_the_number_of_areas() -> None:
    legend = {
        "ready": "Siap",
        "partial": "Sebagian",
        "not_ready": "Belum siap",
        "none": "Belum lapor",
    }
    rows = [
        (f"Kecamatan <{n}> & co", {"ready": n % 4, "partial": 1, "not_ready": 2, "none": 3})
        for n in range(60)
    ]
    data = chart_data("Kesiapan per wilayah — Konawe Utara", legend, rows)
    png = render_chart(data)
    assert png.startswith(b"\x89PNG")
    from matplotlib.image import imread

    image = imread(io.BytesIO(png), format="png")
    height_px = image.shape[0]
    assert height_px < 100 * (0.35 * (MAX_AREAS + 5) + 1.2)  # capped, not 60 bars high
