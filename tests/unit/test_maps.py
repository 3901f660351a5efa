"""Maps: boundary files are checked as a whole, projected, simplified and drawn escaped;
`python -m bot regions boundaries FILE` loads another province's outlines."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.app import BUNDLED_BOUNDARIES, read_boundary_file
from bot.cli import main
from bot.domain.maps import (
    BoundaryFileError,
    MapArea,
    MapMarker,
    Shape,
    SvgOptions,
    layout_map,
    parse_boundaries,
    render_svg,
    simplify,
)
from storage.boundaries import shapes_of
from storage.engine import create_engine, create_session_factory
from storage.models import RegionBoundary

SQUARE = [[[122.0, -3.0], [122.1, -3.0], [122.1, -3.1], [122.0, -3.1], [122.0, -3.0]]]


def _feature(code: str, ring: list[list[float]] | None = None, **extra: object) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": code, **extra},
        "geometry": {"type": "Polygon", "coordinates": [ring or SQUARE[0]]},
    }


def _collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def test_bundled_boundaries_cover_sulawesi_tenggara() -> None:
    rows = parse_boundaries(read_boundary_file(BUNDLED_BOUNDARIES))
    levels = [row.level for row in rows]
    assert levels.count("regency") == 17 and levels.count("district") == 221
    assert levels.count("village") == 2283 and levels.count("province") == 1
    konawe_utara = next(row for row in rows if row.code == "74.09")
    min_lon, min_lat, max_lon, max_lat = konawe_utara.bbox
    assert 121.5 < min_lon < max_lon < 123 and -4 < min_lat < max_lat < -2.5


def test_a_file_with_any_bad_feature_is_refused_with_every_problem() -> None:
    text = _collection(
        _feature("74.09"),
        _feature("74.9"),
        _feature("74.09"),
        _feature("74.10"),
        {"type": "Feature", "properties": {"code": "74.11"}, "geometry": {"type": "Point"}},
        {"type": "Feature", "properties": {}},
        _feature("74.12", [[122.0, -3.0], [500.0, -3.0], [122.1, -3.1], [122.0, -3.0]]),
    )
    with pytest.raises(BoundaryFileError) as caught:
        parse_boundaries(text, known_codes={"74.09", "74.11", "74.12"})
    messages = [str(problem) for problem in caught.value.problems]
    assert messages == [
        "line 2: code '74.9' is not a Kemendagri code",
        "line 3: code 74.09 appears twice",
        "line 4: region 74.10 is unknown (import it first)",
        "line 5: 74.11: geometry must be a Polygon or MultiPolygon",
        "line 6: feature has no properties.code",
        "line 7: 74.12: geometry must be a Polygon or MultiPolygon",
    ]
    with pytest.raises(BoundaryFileError, match="not JSON"):
        parse_boundaries("{")
    with pytest.raises(BoundaryFileError, match="FeatureCollection"):
        parse_boundaries("[]")


def test_the_map_keeps_proportions_and_drops_what_a_pixel_cannot_show() -> None:
    wide = [[[122.0, -3.0], [122.4, -3.0], [122.4, -3.1], [122.0, -3.1], [122.0, -3.0]]]
    layout = layout_map([Shape("74.09.01", [wide], (122.2, -3.05))], width=400)
    assert layout is not None
    assert layout.width == 400 and 100 < layout.height < 120  # 4:1, with padding
    assert layout.paths["74.09.01"].startswith("M8 8L392 8L")
    dense = [(float(i) / 10, 0.0) for i in range(100)]
    assert len(simplify(dense, 1.0)) == 11
    assert layout_map([]) is None


def test_the_svg_escapes_every_text_and_links_down() -> None:
    layout = layout_map([Shape("74.09.01", [SQUARE], (122.05, -3.05))], width=200)
    assert layout is not None
    svg = render_svg(
        layout,
        {"74.09.01": MapArea(fill="#2e7d32", title="<b>Asera</b>", state="ready", href="/d?r=1&x")},
        SvgOptions(
            label='Peta "x"',
            names={"74.09.01": "<script>"},
            markers=[
                MapMarker(122.05, -3.05, "sev-critical", "I-0001 <x>"),
                MapMarker(0, 0, "a", ""),
            ],
        ),
    )
    assert "<b>" not in svg and "<script>" not in svg
    assert "&lt;b&gt;Asera&lt;/b&gt;" in svg and 'href="/d?r=1&amp;x"' in svg
    assert 'data-state="ready"' in svg and 'aria-label="Peta &quot;x&quot;"' in svg
    assert svg.count("<circle") == 1  # the marker outside the map is left out


async def test_boundaries_command_loads_a_file_and_refuses_a_bad_one(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    good = tmp_path / "asera.geojson"
    good.write_text(_collection(_feature("74.09.01", lat=-3.05, lng=122.05)), encoding="utf-8")
    bad = tmp_path / "bad.geojson"
    bad.write_text(_collection(_feature("74.09.02"), _feature("99.99")), encoding="utf-8")

    assert (
        await _in_thread(main, ["--env-file", "/nonexistent", "regions", "boundaries", str(bad)])
        == 1
    )
    assert "region 99.99 is unknown" in capsys.readouterr().err
    assert (
        await _in_thread(main, ["--env-file", "/nonexistent", "regions", "boundaries", str(good)])
        == 0
    )
    assert "0 added, 1 replaced" in capsys.readouterr().out

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            (shape,) = await shapes_of(session, codes=["74.09.01"])
            assert shape.polygons == [[[tuple(p) for p in SQUARE[0]]]]
            row = await session.get(RegionBoundary, "74.09.02")
            assert row is not None and row.polygons != [[SQUARE[0]]]  # the bad file changed nothing
            assert len((await session.execute(select(RegionBoundary.code))).all()) == 2522
    finally:
        await engine.dispose()


async def _in_thread(function, argv):  # type: ignore[no-untyped-def]
    import asyncio

    return await asyncio.to_thread(function, argv)


async def test_reused_outlines_and_layouts_follow_a_new_import(database_url: str) -> None:
    """The dashboard reuses decoded outlines and layouts; a re-imported outline has a new
    version, so it is decoded and laid out again, never served stale."""
    from bot.dashboard.render import _layout
    from bot.domain.maps import BoundaryRow
    from bot.domain.types import RegionLevel
    from storage.boundaries import upsert_boundaries

    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    async with factory() as session:
        stored = await session.get(RegionBoundary, "74.09.01")
        assert stored is not None
        original = BoundaryRow(
            stored.code,
            RegionLevel(stored.level),
            stored.polygons,
            (stored.min_lon, stored.min_lat, stored.max_lon, stored.max_lat),
            (stored.lon, stored.lat),
        )
    try:
        async with factory() as session:
            [before] = await shapes_of(session, codes=["74.09.01"], reuse=True)
            [again] = await shapes_of(session, codes=["74.09.01"], reuse=True)
        assert again is before and before.version  # decoded once
        # An outline no other test stores (PostgreSQL keeps outlines between tests).
        triangle = [[(122.0, -3.0), (122.3, -3.0), (122.0, -3.3), (122.0, -3.0)]]
        async with factory() as session:
            row = BoundaryRow(
                "74.09.01",
                RegionLevel.DISTRICT,
                [triangle],
                (122.0, -3.3, 122.3, -3.0),
                (122.1, -3.1),
            )
            await upsert_boundaries(session, rows=[row])
            await session.commit()
        async with factory() as session:
            [after] = await shapes_of(session, codes=["74.09.01"], reuse=True)
        assert after.version != before.version and after.polygons == [triangle]

        old_layout = _layout(SimpleNamespace(shapes=[before]))  # type: ignore[arg-type]
        new_layout = _layout(SimpleNamespace(shapes=[after]))  # type: ignore[arg-type]
        assert new_layout is not None and old_layout is not None
        assert new_layout.paths["74.09.01"] != old_layout.paths["74.09.01"]
        reused = _layout(SimpleNamespace(shapes=[after]))  # type: ignore[arg-type]
        assert reused is new_layout  # the same outline: the same layout
    finally:
        async with factory() as session:  # PostgreSQL keeps outlines between tests
            await upsert_boundaries(session, rows=[original])
            await session.commit()
        await engine.dispose()
