"""Names of several words, found in what people type: exactly, or as a near miss (a typo).

A line is split into words (runs of letters and digits, with their place in the text);
everything between them (`&`, `:`, `,`, `/`, `-`, emoji, spaces) only separates. A
phrase matches a run of words, any case, with connectors such as "dan" allowed inside it,
and written together ("belumsiap") as well as apart. Pure functions; no Telegram, no
database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words that may stand inside a multi-word name without changing it.
CONNECTORS = frozenset({"dan", "and", "serta", "atau", "or", "n"})
MAX_WORDS = 5  # the longest name, in words, that is looked for
MIN_FUZZY_LENGTH = 4  # shorter words are matched exactly or not at all


@dataclass(frozen=True)
class Word:
    text: str  # normalised: NFKC, case-folded
    start: int  # where it stands in the line
    end: int


def words_of(text: str) -> list[Word]:
    return [
        Word(unicodedata.normalize("NFKC", m.group()).casefold(), m.start(), m.end())
        for m in _WORD.finditer(text)
    ]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The words a name is matched by: 'Keamanan & ketertiban' → ('keamanan', 'ketertiban')."""
    return tuple(w.text for w in words_of(phrase) if w.text not in CONNECTORS)


@dataclass(frozen=True)
class Match(Generic[V]):
    value: V
    start: int  # index of the first word
    end: int  # index after the last word
    cost: int  # 0 exact; otherwise the edit distance of the near miss
    phrase: tuple[str, ...]  # the name it matched
    extends: bool = False  # a near miss that continues an exact match ("blum siapp")


def _windows(words: Sequence[Word], index: int) -> list[tuple[tuple[str, ...], int]]:
    """The runs of words starting at `index` (connectors allowed inside, never at either
    end), shortest first, as (key, end index)."""
    runs: list[tuple[tuple[str, ...], int]] = []
    key: list[str] = []
    position = index
    while position < len(words) and len(key) < MAX_WORDS:
        word = words[position].text
        position += 1
        if word in CONNECTORS:
            if not key:
                break
            continue
        key.append(word)
        runs.append((tuple(key), position))
    return runs


class PhraseBook(Generic[V]):
    """Names → values. The first value given for a name wins."""

    def __init__(self, entries: Iterable[tuple[str, V]]):
        self._exact: dict[tuple[str, ...], V] = {}
        self._joined: dict[str, tuple[V, tuple[str, ...]]] = {}
        for phrase, value in entries:
            key = phrase_key(phrase)
            if not key:
                continue
            self._exact.setdefault(key, value)
            self._joined.setdefault("".join(key), (value, key))
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for key, value in self._exact.items():
            self._by_first.setdefault(key[0], []).append((key, value))
        # Near misses keep the first letter: the names to compare, by first letter.
        self._by_letter: dict[str, list[tuple[str, V, tuple[str, ...]]]] = {}
        for joined, (value, key) in self._joined.items():
            self._by_letter.setdefault(joined[0], []).append((joined, value, key))

    def __contains__(self, phrase: str) -> bool:
        return phrase_key(phrase) in self._exact

    def exact(self, words: Sequence[Word], index: int) -> list[Match[V]]:
        """Every name that the words at `index` spell exactly, longest first."""
        found: list[Match[V]] = []
        for key, end in reversed(_windows(words, index)):
            if key in self._exact:
                found.append(Match(self._exact[key], index, end, 0, key))
            elif "".join(key) in self._joined:
                value, name = self._joined["".join(key)]
                found.append(Match(value, index, end, 0, name))
        return found

    def near(self, words: Sequence[Word], index: int, *, limit: int = 3) -> list[Match[V]]:
        """Names the words at `index` almost spell (a letter missing, extra, swapped or
        wrong), closest first; one per value."""
        best: dict[int, Match[V]] = {}
        values: list[V] = []
        for key, end in _windows(words, index):
            typed = "".join(key)
            if len(typed) < MIN_FUZZY_LENGTH:
                continue
            for joined, value, name in self._by_letter.get(typed[0], ()):
                if abs(len(joined) - len(typed)) > 2:
                    continue
                distance = edit_distance(typed, joined, allowed(joined))
                if distance == 0 or distance > allowed(joined):
                    continue  # exact matches are `exact`'s
                if value not in values:
                    values.append(value)
                slot = values.index(value)
                old = best.get(slot)
                if old is None or (distance, -end) < (old.cost, -old.end):
                    best[slot] = Match(value, index, end, distance, name)
        ranked = sorted(best.items(), key=lambda item: (item[1].cost, -item[1].end, item[0]))
        return [match for _, match in ranked[:limit]]

    def extension(self, words: Sequence[Word], exact: Sequence[Match[V]]) -> Match[V] | None:
        """A longer name that the exact matches only begin, one typo away: "blum siapp" is
        "blum" (exact) followed by a note "siapp", or "blum siap" with a typo. Either
        reading is a guess, so the person is asked."""
        if not exact:
            return None
        longest = max(exact, key=lambda m: m.end)
        size = len(longest.phrase)
        longer = [
            (key, value)
            for key, value in self._by_first.get(longest.phrase[0], ())
            if len(key) > size and key[:size] == longest.phrase
        ]
        if not longer:
            return None
        for window, end in _windows(words, longest.start):
            if end <= longest.end:
                continue
            typed = "".join(window)
            for key, value in longer:
                joined = "".join(key)
                if abs(len(joined) - len(typed)) <= 1 and edit_distance(typed, joined, 1) == 1:
                    return Match(value, longest.start, end, 1, key, extends=True)
        return None


def allowed(name: str) -> int:
    """How many typing mistakes a name of this length may carry and still be recognised."""
    if len(name) < MIN_FUZZY_LENGTH:
        return 0
    return 1 if len(name) < 8 else 2


def edit_distance(a: str, b: str, ceiling: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap neighbours);
    anything above `ceiling` is reported as ceiling + 1."""
    if abs(len(a) - len(b)) > ceiling:
        return ceiling + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > ceiling:
            return ceiling + 1
        previous2, previous = previous, current
    return min(previous[len(b)], ceiling + 1)


def split_list(text: str) -> list[str]:
    """A catalog's alias list: 'a, b c, d' → ['a', 'b c', 'd']."""
    return [part.strip() for part in text.split(",") if part.strip()]
