"""H-N: days to the voting day, counted in the configured time zone's calendar."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def days_to(voting_day: date, today: date) -> int:
    return (voting_day - today).days


def countdown_label(voting_day: date, today: date) -> str:
    """'H-7' before the voting day, 'Hari H' on it, 'H+1' after (counting, recapitulation)."""
    days = days_to(voting_day, today)
    if days > 0:
        return f"H-{days}"
    if days == 0:
        return "Hari H"
    return f"H+{-days}"
