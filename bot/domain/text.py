"""Cleaning what people type before it is stored."""

from __future__ import annotations

import re

# C0 control characters except tab and newline, and DEL. PostgreSQL refuses NUL outright;
# the others only make trouble in spreadsheets and logs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    return _CONTROL.sub("", text).strip()
