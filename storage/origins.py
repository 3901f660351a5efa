"""Which stored report a Telegram message made: for an edited command, so it is never
stored twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import InboundUpdate, Report

RECENT_REPORTS = 50  # an edit comes soon after the message; older reports are not looked at


def _same_message(payload: dict[str, Any], chat_id: int, message_id: int) -> bool:
    for kind in ("message", "edited_message"):
        message = payload.get(kind)
        if (
            isinstance(message, dict)
            and message.get("message_id") == message_id
            and (message.get("chat") or {}).get("id") == chat_id
        ):
            return True
    return False


async def report_from_message(
    session: AsyncSession, *, person_id: int, chat_id: int, message_id: int
) -> Report | None:
    """The person's report stored from that message (or from an earlier edit of it)."""
    reports = list(
        (
            await session.execute(
                select(Report)
                .where(
                    col(Report.person_id) == person_id,
                    col(Report.source_update_id).is_not(None),
                )
                .order_by(col(Report.id).desc())
                .limit(RECENT_REPORTS)
            )
        ).scalars()
    )
    by_update = {r.source_update_id: r for r in reports}
    if not by_update:
        return None
    updates = await session.execute(
        select(InboundUpdate).where(col(InboundUpdate.update_id).in_(list(by_update)))
    )
    for stored in updates.scalars():
        if _same_message(stored.payload, chat_id, message_id):
            return by_update[stored.update_id]
    return None
