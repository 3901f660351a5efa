"""Rendering helpers shared by features: long messages split at Telegram's limit, a
person as alerts and notices name them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.i18n import Html, plain

if TYPE_CHECKING:  # only its fields are read
    from storage.models import Person

TELEGRAM_TEXT_LIMIT = 4096


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters of plain text, cut at a word where possible."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def person_label(person: Person | None, lang: str) -> str:
    """ "Koor Asera (Koordinator, TNI)": the name, the role and the agency."""
    if person is None:
        return "—"
    role = plain(lang, f"role.{person.role}")
    if person.agency_code:
        role = f"{role}, {person.agency_code.upper()}"
    return f"{person.full_name or '—'} ({role})"


def split_lines(text: Html, limit: int = TELEGRAM_TEXT_LIMIT) -> list[Html]:
    """Split HTML into messages of at most `limit` characters, only between lines.

    Every line we render closes its own tags, so a cut between lines never cuts a tag.
    The count is of the HTML as written, which is never shorter than what Telegram counts
    (it counts the text without tags, entities decoded). A single over-long line, which
    only a person's own text can make, is cut at a space with its tags intact.
    """
    chunks: list[str] = []
    current = ""
    for line in str(text).split("\n"):
        for piece in _fit(line, limit):
            candidate = piece if not current else f"{current}\n{piece}"
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current or not chunks:
        chunks.append(current)
    return [Html(chunk) for chunk in chunks]


def _fit(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    if "<" in line:
        # A line with markup is ours and short; a long one would be a rendering bug.
        raise ValueError("a rendered line with markup exceeds the message limit")
    pieces = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        # never cut inside an entity such as &amp;
        amp = line.rfind("&", max(0, cut - 8), cut)
        if amp != -1 and ";" not in line[amp:cut]:
            cut = amp
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces
