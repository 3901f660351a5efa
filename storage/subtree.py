"""The one filter for "this region or anything below it"."""

from __future__ import annotations

from typing import Any

from bot.domain.regions import subtree_range


def in_subtree(column: Any, root: str) -> Any:
    """`column` holds `root` or a code below it, as one index range (an OR of "equals root"
    and "below root" made SQLite search the whole day's reports instead)."""
    low, high = subtree_range(root)
    return (column >= low) & (column < high)
