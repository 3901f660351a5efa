"""Maps without a tile server: region outlines (GeoJSON) read, checked, projected and drawn
as SVG paths. Pure: no I/O; the dashboard and the briefing both draw with it.

- `parse_boundaries(text)`: a GeoJSON FeatureCollection (`properties.code`, `level`,
  optional `lat`/`lng`; `Polygon` or `MultiPolygon` geometry in `[lon, lat]`) checked as a
  whole, every problem collected, before anything is written.
- `layout_map(shapes, width=…)`: the areas one level below a region projected into one
  frame (equirectangular, scaled by the cosine of the middle latitude, so that shapes keep
  their proportions near the equator), each as an SVG path simplified to what the frame
  can show (points closer than `tolerance` pixels are dropped), with a label point.
- `render_svg(layout, areas)`: the whole map as one `<svg>` element, with a fill and a
  title per area; every text is escaped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from bot.domain.regions import CODE_PATTERNS, RowProblem
from bot.domain.types import RegionLevel

Point = tuple[float, float]  # (lon, lat)
Ring = list[Point]
Polygon = list[Ring]  # outer ring first, then holes


@dataclass(frozen=True)
class BoundaryRow:
    """One region's outline as loaded: its MultiPolygon, bounding box and centroid."""

    code: str
    level: RegionLevel
    polygons: list[Polygon]
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    centroid: Point


class BoundaryFileError(Exception):
    """The file cannot be loaded; nothing was written."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"{len(problems)} bad feature(s): {shown}{more}")


def _ring(raw: object) -> Ring | None:
    if not isinstance(raw, list) or len(raw) < 4:
        return None
    ring: Ring = []
    for point in raw:
        if not isinstance(point, list | tuple) or len(point) < 2:
            return None
        lon, lat = point[0], point[1]
        if not isinstance(lon, int | float) or not isinstance(lat, int | float):
            return None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return None
        ring.append((float(lon), float(lat)))
    return ring


def _polygons(geometry: object) -> list[Polygon] | None:
    if not isinstance(geometry, dict):
        return None
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        coordinates = [coordinates]
    elif kind != "MultiPolygon":
        return None
    if not isinstance(coordinates, list) or not coordinates:
        return None
    polygons: list[Polygon] = []
    for raw_polygon in coordinates:
        if not isinstance(raw_polygon, list) or not raw_polygon:
            return None
        rings = [_ring(raw) for raw in raw_polygon]
        if any(ring is None for ring in rings):
            return None
        polygons.append([ring for ring in rings if ring is not None])
    return polygons


def bounding_box(polygons: Iterable[Polygon]) -> tuple[float, float, float, float]:
    lons = [lon for polygon in polygons for lon, _ in polygon[0]]
    lats = [lat for polygon in polygons for _, lat in polygon[0]] if lons else []
    return (min(lons), min(lats), max(lons), max(lats))


def _ring_area(ring: Ring) -> float:
    return 0.5 * sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def _centroid(polygons: list[Polygon]) -> Point:
    """The centroid of the largest outer ring (where a label belongs)."""
    ring = max((polygon[0] for polygon in polygons), key=lambda r: abs(_ring_area(r)))
    area = _ring_area(ring)
    if abs(area) < 1e-12:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * area), cy / (6 * area))


def parse_boundaries(text: str, *, known_codes: Iterable[str] | None = None) -> list[BoundaryRow]:
    """Validate a whole GeoJSON file; `known_codes`, when given, are the regions that exist
    (a boundary of an unknown region is refused: import the regions first)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BoundaryFileError([RowProblem(error.lineno, f"not JSON: {error.msg}")]) from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        raise BoundaryFileError([RowProblem(1, "expected a GeoJSON FeatureCollection")])
    known = set(known_codes) if known_codes is not None else None
    problems: list[RowProblem] = []
    rows: list[BoundaryRow] = []
    seen: set[str] = set()
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        code = properties.get("code") if isinstance(properties, dict) else None
        if not isinstance(code, str):
            problems.append(RowProblem(number, "feature has no properties.code"))
            continue
        code = code.strip()
        level = next((lv for lv, pattern in CODE_PATTERNS.items() if pattern.match(code)), None)
        if level is None:
            problems.append(RowProblem(number, f"code {code[:20]!r} is not a Kemendagri code"))
            continue
        if code in seen:
            problems.append(RowProblem(number, f"code {code} appears twice"))
            continue
        if known is not None and code not in known:
            problems.append(RowProblem(number, f"region {code} is unknown (import it first)"))
            continue
        assert isinstance(feature, dict)
        polygons = _polygons(feature.get("geometry"))
        if polygons is None:
            problems.append(
                RowProblem(number, f"{code}: geometry must be a Polygon or MultiPolygon")
            )
            continue
        seen.add(code)
        lat, lng = properties.get("lat"), properties.get("lng")  # type: ignore[union-attr]
        if isinstance(lat, int | float) and isinstance(lng, int | float):
            centroid = (float(lng), float(lat))
        else:
            centroid = _centroid(polygons)
        rows.append(BoundaryRow(code, level, polygons, bounding_box(polygons), centroid))
    if problems:
        raise BoundaryFileError(problems)
    return rows


# --- projection and drawing ---------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """Lon/lat → pixels for one map: x grows east, y grows south."""

    min_lon: float
    max_lat: float
    scale: float  # pixels per degree of latitude
    x_factor: float  # cosine of the middle latitude
    padding: float
    width: int
    height: int

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x = self.padding + (lon - self.min_lon) * self.x_factor * self.scale
        y = self.padding + (self.max_lat - lat) * self.scale
        return (x, y)


def frame_for(
    bbox: tuple[float, float, float, float], *, width: int = 640, padding: float = 8
) -> Frame:
    min_lon, min_lat, max_lon, max_lat = bbox
    x_factor = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * x_factor, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    inner = width - 2 * padding
    scale = inner / span_x
    height = round(span_y * scale + 2 * padding)
    if height > width * 1.4:  # tall areas: fit the height instead
        height = round(width * 1.4)
        scale = (height - 2 * padding) / span_y
    return Frame(min_lon, max_lat, scale, x_factor, padding, width, height)


def simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Drop points closer than `tolerance` to the last kept one (radial distance), keeping
    the first and last: enough for outlines drawn at a fixed size."""
    if len(points) <= 4:
        return list(points)
    kept = [points[0]]
    limit = tolerance * tolerance
    for x, y in points[1:-1]:
        last_x, last_y = kept[-1]
        if (x - last_x) ** 2 + (y - last_y) ** 2 >= limit:
            kept.append((x, y))
    kept.append(points[-1])
    return kept


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def svg_path(polygons: Sequence[Polygon], frame: Frame, *, tolerance: float = 1.0) -> str:
    """An SVG path (`d`) for a MultiPolygon; rings that shrink below a pixel are left out."""
    parts: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            points = simplify([frame.point(lon, lat) for lon, lat in ring], tolerance)
            if len(points) < 3:
                continue
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            if max(xs) - min(xs) < 0.5 and max(ys) - min(ys) < 0.5:
                continue
            head, *rest = points
            parts.append(
                f"M{_fmt(head[0])} {_fmt(head[1])}"
                + "".join(f"L{_fmt(x)} {_fmt(y)}" for x, y in rest)
                + "Z"
            )
    return "".join(parts)


@dataclass(frozen=True)
class Shape:
    """An area to draw: its code and outline (from the region_boundary table)."""

    code: str
    polygons: list[Polygon]
    centroid: Point
    # What the outline was read from (a digest of the stored text; "" when unknown): two
    # shapes of one code and version are the same outline, so their layout can be reused.
    version: str = ""


@dataclass(frozen=True)
class MapLayout:
    width: int
    height: int
    paths: dict[str, str]  # code → SVG path
    labels: dict[str, tuple[float, float]]  # code → label point (pixels)
    frame: Frame

    def point(self, lon: float, lat: float) -> tuple[float, float] | None:
        """Pixels of a location, or None when it lies outside the map."""
        x, y = self.frame.point(lon, lat)
        if 0 <= x <= self.width and 0 <= y <= self.height:
            return (x, y)
        return None


def layout_map(
    shapes: Sequence[Shape], *, width: int = 640, tolerance: float = 1.0
) -> MapLayout | None:
    """The shapes in one frame; None when there is nothing to draw."""
    drawable = [shape for shape in shapes if shape.polygons]
    if not drawable:
        return None
    boxes = [bounding_box(shape.polygons) for shape in drawable]
    bbox = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    frame = frame_for(bbox, width=width)
    paths = {shape.code: svg_path(shape.polygons, frame, tolerance=tolerance) for shape in drawable}
    labels = {shape.code: frame.point(*shape.centroid) for shape in drawable}
    return MapLayout(frame.width, frame.height, paths, labels, frame)


@dataclass(frozen=True)
class MapArea:
    """How one area is drawn: fill colour, the title a screen reader and a hover read, and
    where a tap leads (None: nowhere below)."""

    fill: str
    title: str
    state: str = ""
    href: str | None = None


@dataclass(frozen=True)
class MapMarker:
    lon: float
    lat: float
    kind: str  # a CSS class, e.g. "sev-kritis"
    title: str
    shape: str = "circle"  # or "diamond": two kinds of marks on one map stay apart


@dataclass
class SvgOptions:
    label: str = ""
    markers: Sequence[MapMarker] = field(default_factory=tuple)
    names: Mapping[str, str] = field(default_factory=dict)  # code → label drawn on the map


def render_svg(
    layout: MapLayout, areas: Mapping[str, MapArea], options: SvgOptions | None = None
) -> str:
    """The map as one `<svg>`: a path per area (with `data-code`, `data-state`, a fill and
    a `<title>`), optional name labels and markers. Every text is escaped."""
    options = options or SvgOptions()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {layout.width} {layout.height}" '
        f'role="img" aria-label="{escape(options.label)}" class="map">'
    ]
    for code, d in layout.paths.items():
        area = areas.get(code) or MapArea(fill="#d0d0d0", title=code)
        path = (
            f'<path d="{d}" fill="{escape(area.fill)}" data-code="{escape(code)}" '
            f'data-state="{escape(area.state)}" class="area"><title>{escape(area.title)}</title>'
            "</path>"
        )
        if area.href:
            path = f'<a href="{escape(area.href)}" aria-label="{escape(area.title)}">{path}</a>'
        out.append(path)
    for code, name in options.names.items():
        if code in layout.labels:
            x, y = layout.labels[code]
            out.append(
                f'<text x="{_fmt(x)}" y="{_fmt(y)}" class="label" aria-hidden="true">'
                f"{escape(name)}</text>"
            )
    for marker in options.markers:
        point = layout.point(marker.lon, marker.lat)
        if point is None:
            continue
        x, y = point
        title = f"<title>{escape(marker.title)}</title>"
        if marker.shape == "diamond":
            out.append(
                f'<path d="M{_fmt(x)} {_fmt(y - 8)}l8 8-8 8-8-8z" '
                f'class="marker {escape(marker.kind)}">{title}</path>'
            )
        else:
            out.append(
                f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="6" '
                f'class="marker {escape(marker.kind)}">{title}</circle>'
            )
    out.append("</svg>")
    return "".join(out)
