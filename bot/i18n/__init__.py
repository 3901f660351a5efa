"""Message catalogs (Indonesian first, English second) and the one function that renders them.

Every parameter is HTML-escaped unless it is wrapped in `Html`, so a name or a note typed by
a person can never break or inject markup. Templates themselves are trusted HTML.
"""

from __future__ import annotations

import html
from datetime import date, datetime
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


def t(lang: str, key: str, /, **params: object) -> Html:
    """Render catalog entry `key` in `lang`, escaping every parameter that is not `Html`."""
    catalog = CATALOGS.get(lang, CATALOGS[FALLBACK])
    template = catalog.get(key) or CATALOGS[FALLBACK][key]
    safe = {k: v if isinstance(v, Html) else escape(v) for k, v in params.items()}
    return Html(template.format(**safe))


def plain(lang: str, key: str, /, **params: object) -> str:
    """Catalog text for places that take no HTML (button labels, command descriptions)."""
    catalog = CATALOGS.get(lang, CATALOGS[FALLBACK])
    template = catalog.get(key) or CATALOGS[FALLBACK][key]
    return template.format(**params)


def format_day(value: date, lang: str) -> str:
    """'Rabu, 14 Februari 2024' / 'Wednesday, 14 February 2024'."""
    return format_date(value, "EEEE, d MMMM y", locale=lang)


def format_moment(value: datetime, lang: str, tz: ZoneInfo) -> str:
    """'Rabu, 14 Februari 2024 07.00 WITA' — always in the configured zone."""
    return format_datetime(value, "EEEE, d MMMM y HH.mm zzz", tzinfo=tz, locale=lang)


def format_short_moment(value: datetime, lang: str, tz: ZoneInfo) -> str:
    return format_datetime(value, "d MMM HH.mm", tzinfo=tz, locale=lang)
