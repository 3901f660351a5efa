"""The word to show a reader for an aspect or an incident kind in a syntax help.

Indonesian readers see the label (`Distribusi logistik`), which the parser reads whole;
English readers see an English word that the one-line parser reads as the same thing
(`distribution`). Pure; no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from bot.domain.incidents import TypeInfo
from bot.domain.lines import aspect_book, kind_book
from bot.domain.phrases import PhraseBook, words_of
from bot.domain.reports import AspectInfo


class Named(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def label_id(self) -> str: ...
    @property
    def label_en(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


def reads_as(book: PhraseBook[str], word: str) -> str | None:
    """What the one-line parser reads `word` alone as (exactly, no guessing), if anything."""
    words = words_of(word)
    found = [m for m in book.exact(words, 0) if m.end == len(words)] if words else []
    return found[0].value if found else None


def typed_word(item: Named, lang: str, book: PhraseBook[str]) -> str:
    """For English: an alias that is a word of the English label, else the first one-word
    alias, as long as the parser reads it back as this item; else the code."""
    if lang != "en":
        return item.label_id  # read back as itself; never an internal code like data_penduduk
    label_words = set(re.findall(r"[a-z]+", item.label_en.lower()))
    single = [a for a in item.aliases if a.isascii() and a.isalpha()]
    for word in [a for a in single if a in label_words] + single:
        if reads_as(book, word) == item.code:
            return word
    return item.code


def typed_words(items: Iterable[Named], lang: str, book: PhraseBook[str]) -> str:
    """'distribution, security, …' — comma separated, in the given order."""
    return ", ".join(typed_word(item, lang, book) for item in items)


def aspect_words(aspects: Sequence[AspectInfo], lang: str) -> str:
    return typed_words(aspects, lang, aspect_book(tuple(aspects)))


def kind_words(types: Sequence[TypeInfo], lang: str) -> str:
    return typed_words(types, lang, kind_book(tuple(types)))
