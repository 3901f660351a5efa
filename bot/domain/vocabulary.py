"""The word to show a reader for an aspect or an incident kind in a syntax help.

Indonesian readers see the code (`distribusi`); English readers see an English word that the
one-line parser reads as the same thing (`distribution`). Pure; no Telegram, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from bot.domain.incidents import TypeInfo, type_index
from bot.domain.reports import AspectInfo, aspect_index


class Named(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def label_en(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


def typed_word(item: Named, lang: str, index: Mapping[str, str]) -> str:
    """For English: an alias that is a word of the English label, else the first one-word
    alias, as long as the parser's `index` maps it back to this item; else the code."""
    if lang != "en":
        return item.code
    label_words = set(re.findall(r"[a-z]+", item.label_en.lower()))
    single = [a for a in item.aliases if a.isascii() and a.isalpha()]
    for word in [a for a in single if a in label_words] + single:
        if index.get(word) == item.code:
            return word
    return item.code


def typed_words(items: Iterable[Named], lang: str, index: Mapping[str, str]) -> str:
    """'distribution, security, …' — comma separated, in the given order."""
    return ", ".join(typed_word(item, lang, index) for item in items)


def aspect_words(aspects: Sequence[AspectInfo], lang: str) -> str:
    return typed_words(aspects, lang, aspect_index(aspects))


def kind_words(types: Sequence[TypeInfo], lang: str) -> str:
    return typed_words(types, lang, type_index(types))
