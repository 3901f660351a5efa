"""Coordinates a person types instead of sharing a location: `-3.123, 122.456`,
`-3.123 122.456`, or a Google Maps link with `@lat,lon` or `?q=lat,lon`. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

_NUMBER = r"[-+]?\d{1,3}(?:[.,]\d+)?"
# Two numbers separated by a comma (with optional spaces) or by spaces alone. A decimal
# comma is only read as such when the separator is a space or a semicolon.
_PAIR = re.compile(rf"^\s*({_NUMBER})\s*(?:[,;]\s*|\s+)({_NUMBER})\s*$")
_DOT_PAIR = re.compile(r"^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*[,\s]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$")
_AT = re.compile(r"@([-+]?\d{1,3}(?:\.\d+)?),([-+]?\d{1,3}(?:\.\d+)?)")


@dataclass(frozen=True)
class Coordinates:
    latitude: float
    longitude: float


class CoordinatesOutOfRange(ValueError):
    """Two numbers that cannot be a place on Earth (latitude beyond ±90, longitude ±180)."""


def parse_coordinates(text: str) -> Coordinates | None:
    """The point written in `text`, or None when it is not written as coordinates.

    Raises CoordinatesOutOfRange when it is written as coordinates but cannot be a point.
    """
    text = text.strip()
    if not text:
        return None
    pair = _from_link(text) if "://" in text or text.lower().startswith("maps.") else None
    if pair is None:
        pair = _from_pair(text)
    if pair is None:
        return None
    latitude, longitude = pair
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise CoordinatesOutOfRange(text)
    return Coordinates(latitude, longitude)


def _from_pair(text: str) -> tuple[float, float] | None:
    match = _DOT_PAIR.match(text)
    if match is None:
        match = _PAIR.match(text)
        if match is None:
            return None
    try:
        return float(match.group(1).replace(",", ".")), float(match.group(2).replace(",", "."))
    except ValueError:
        return None


def _from_link(text: str) -> tuple[float, float] | None:
    url = text if "://" in text else f"https://{text}"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qs(parts.query)
    for key in ("q", "query", "ll", "destination"):
        for value in query.get(key, []):
            pair = _from_pair(value)
            if pair is not None:
                return pair
    match = _AT.search(unquote(parts.path))
    if match is not None:
        return float(match.group(1)), float(match.group(2))
    return None
