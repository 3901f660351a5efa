"""The JSON shapes both sides of the control API build and read, defined once."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]
