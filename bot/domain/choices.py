"""Typed answers at a button step: match what a person typed against the names of that
step's choices (the button labels in both languages, codes, aliases). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_NOT_WORD = re.compile(r"[^\w]+")


def normalize(text: str) -> str:
    """Lower case, emoji and punctuation dropped, spaces collapsed: '🚨 Kritis' → 'kritis'."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace("_", " ")).split())


def match_choice(text: str, choices: Mapping[str, Iterable[str]]) -> str | None:
    """The one choice (a key of `choices`) whose names match `text`; None when none or
    several do. A name matches when it is the same after `normalize`; failing that, when
    the text (at least 3 characters) starts exactly one choice's name."""
    wanted = normalize(text)
    if not wanted:
        return None
    names = {value: {normalize(name) for name in names} - {""} for value, names in choices.items()}
    exact = {value for value, forms in names.items() if wanted in forms}
    if len(exact) == 1:
        return exact.pop()
    if exact or len(wanted) < 3:
        return None
    prefixed = {
        value for value, forms in names.items() if any(form.startswith(wanted) for form in forms)
    }
    return prefixed.pop() if len(prefixed) == 1 else None
