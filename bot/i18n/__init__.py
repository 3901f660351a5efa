"""Message catalogs (Indonesian first, English second) and the one function that renders them.

Every parameter is HTML-escaped unless it is wrapped in `Html`, so a name or a note typed by
a person can never break or inject markup. Templates themselves are trusted HTML.
"""

from __future__ import annotations

import html
import string
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from bot.i18n import en, id

CATALOGS: dict[str, dict[str, str]] = {"id": id.MESSAGES, "en": en.MESSAGES}
LANGUAGES = tuple(CATALOGS)
FALLBACK = "id"


class Html(str):
    """A string that is already safe HTML (rendered by us), passed through unescaped."""

    __slots__ = ()


def escape(text: object) -> Html:
    return Html(html.escape(str(text), quote=False))


def normalize_language(code: str | None, default: str = FALLBACK) -> str:
    if not code:
        return default
    code = code.lower().split("-")[0]
    return code if code in CATALOGS else default


class _CatalogFormatter(string.Formatter):
    """str.format, plus counted nouns: `{count:report|reports}` renders "1 report" or
    "2 reports" (English needs it; Indonesian templates simply write "{count} laporan")."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            try:
                number = int(str(value))
            except ValueError:
                number = 0
            return f"{value} {one if number == 1 else other}"
        return super().format_field(value, format_spec)


_FORMATTER = _CatalogFormatter()


def t(lang: str, key: str, /, **params: object) -> Html:
    """Render catalog entry `key` in `lang`, escaping every parameter that is not `Html`."""
    catalog = CATALOGS.get(lang, CATALOGS[FALLBACK])
    template = catalog.get(key) or CATALOGS[FALLBACK][key]
    safe = {k: v if isinstance(v, Html) else escape(v) for k, v in params.items()}
    return Html(_FORMATTER.format(template, **safe))


def plain(lang: str, key: str, /, **params: object) -> str:
    """Catalog text for places that take no HTML (button labels, command descriptions)."""
    catalog = CATALOGS.get(lang, CATALOGS[FALLBACK])
    template = catalog.get(key) or CATALOGS[FALLBACK][key]
    return _FORMATTER.format(template, **params)


def format_day(value: date, lang: str) -> str:
    """'Rabu, 14 Februari 2024' / 'Wednesday, 14 February 2024'."""
    return format_date(value, "EEEE, d MMMM y", locale=lang)


# Indonesia's three zones by the names people use, in both languages (babel knows them
# only in Indonesian and writes "+0800" in English).
ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}
# Indonesian writes 07.00, English 07:00.
_CLOCK = {"id": "HH.mm", "en": "HH:mm"}


def zone_name(tz: ZoneInfo, at: datetime | None = None) -> str:
    """'WITA', 'WIB', 'WIT'; elsewhere the zone's abbreviation, or 'UTC+5:30' — never a bare
    '+0800' or 'GMT+8'."""
    if tz.key in ZONE_NAMES:
        return ZONE_NAMES[tz.key]
    moment = (at or datetime.now(tz)).astimezone(tz)
    abbreviation = moment.tzname() or ""
    if abbreviation.isalpha() and abbreviation.upper() != "GMT":
        return abbreviation
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def format_clock(value: datetime, lang: str, tz: ZoneInfo) -> str:
    """'08.46 WITA' / '08:46 WITA'."""
    clock = format_datetime(value, _CLOCK.get(lang, _CLOCK[FALLBACK]), tzinfo=tz, locale=lang)
    return f"{clock} {zone_name(tz, value)}"


def format_moment(value: datetime, lang: str, tz: ZoneInfo) -> str:
    """'Rabu, 14 Februari 2024 07.00 WITA' / 'Wednesday, 14 February 2024 07:00 WITA' —
    always in the configured zone."""
    day = format_datetime(value, "EEEE, d MMMM y", tzinfo=tz, locale=lang)
    return f"{day} {format_clock(value, lang, tz)}"


def format_short_moment(value: datetime, lang: str, tz: ZoneInfo) -> str:
    """'7 Feb 08.46 WITA' / '7 Feb 08:46 WITA'."""
    day = format_datetime(value, "d MMM", tzinfo=tz, locale=lang)
    return f"{day} {format_clock(value, lang, tz)}"
