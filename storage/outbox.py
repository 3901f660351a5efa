"""The outbox: Bot API calls the bot owes, sent by one sender in order per chat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import OutboxMessage
from storage.types import PLAIN_UPDATE

# Payload key of an edit whose message id is that of the message another outbox row sent.
EDIT_OF_OUTBOX = "edit_of_outbox"
# Payload key of a sendDocument whose file waits on disk (exports): uploaded, then deleted.
DOCUMENT_PATH = "document_path"
# Payload key of a sendPhoto whose picture is a chart, drawn from this data when sent.
CHART = "chart"

PENDING = "pending"
SENT = "sent"
FAILED = "failed"

# The table's columns, for the statements the sender runs for every message (Core, built
# once: building them cost more than running them, and the sender holds no objects).
_outbox = OutboxMessage.__table__.c  # type: ignore[attr-defined]

_MARK_SENT = (
    update(OutboxMessage.__table__)  # type: ignore[attr-defined]
    .where(_outbox.id == bindparam("message_id"))
    .values(
        status=SENT,
        sent_at=bindparam("now"),
        sent_message_id=bindparam("sent_message_id"),
        attempts=_outbox.attempts + 1,
    )
)
_HEADS = select(func.min(_outbox.id)).where(_outbox.status == PENDING).group_by(_outbox.chat_id)
_SENDABLE = (
    select(_outbox.id, _outbox.chat_id, _outbox.method, _outbox.priority)
    .where(
        _outbox.id.in_(_HEADS),
        _outbox.not_before.is_(None) | (_outbox.not_before <= bindparam("now")),
    )
    .order_by(_outbox.priority, _outbox.id)
    .limit(bindparam("limit", type_=Integer))
)

_OUTGOING = select(
    _outbox.id, _outbox.chat_id, _outbox.method, _outbox.payload, _outbox.attempts
).where(_outbox.id.in_(bindparam("ids", expanding=True)))


def add_outbox_message(
    session: AsyncSession,
    *,
    chat_id: int,
    method: str,
    payload: dict[str, Any],
    priority: int,
    now: datetime,
) -> OutboxMessage:
    message = OutboxMessage(
        chat_id=chat_id,
        method=method,
        payload=payload,
        priority=priority,
        created_at=now,
    )
    session.add(message)
    return message


@dataclass(frozen=True, slots=True)
class SendCandidate:
    """What the sender needs to choose a message; its payload is loaded once chosen."""

    id: int
    chat_id: int
    method: str
    priority: int


async def next_sendable(
    session: AsyncSession, *, now: datetime, limit: int = 50
) -> list[SendCandidate]:
    """The oldest pending message of each chat, when due, most urgent first.

    Only a chat's oldest pending message is a candidate, so a message never overtakes an
    earlier one to the same chat, whatever their priorities. Plain columns, not rows: the
    sender asks this for every free slot and starts few of what it reads.
    """
    connection = await session.connection()
    result = await connection.execute(_SENDABLE, {"now": now, "limit": limit})
    return [
        SendCandidate(id=i, chat_id=chat, method=method, priority=priority)
        for i, chat, method, priority in result
    ]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A chosen message, as the sender needs it to make the call."""

    id: int
    chat_id: int
    method: str
    payload: dict[str, Any]
    attempts: int


async def messages_by_id(session: AsyncSession, *, ids: list[int]) -> list[Outgoing]:
    """The chosen messages, in the order of `ids`."""
    if not ids:
        return []
    connection = await session.connection()
    result = await connection.execute(_OUTGOING, {"ids": ids})
    by_id = {row[0]: Outgoing(*row) for row in result}
    return [by_id[i] for i in ids if i in by_id]


async def mark_sent(
    session: AsyncSession, *, message_id: int, now: datetime, sent_message_id: int | None
) -> None:
    connection = await session.connection()
    await connection.execute(
        _MARK_SENT, {"message_id": message_id, "now": now, "sent_message_id": sent_message_id}
    )


async def mark_failed(session: AsyncSession, *, message_id: int, now: datetime, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == message_id)
        .values(
            status=FAILED, sent_at=now, error=error[:500], attempts=col(OutboxMessage.attempts) + 1
        ),
        execution_options=PLAIN_UPDATE,
    )


async def postpone(
    session: AsyncSession, *, message_id: int, until: datetime, error: str, count_attempt: bool
) -> None:
    values: dict[str, Any] = {"not_before": until, "error": error[:500]}
    if count_attempt:
        values["attempts"] = col(OutboxMessage.attempts) + 1
    await session.execute(
        update(OutboxMessage).where(col(OutboxMessage.id) == message_id).values(**values),
        execution_options=PLAIN_UPDATE,
    )


async def earliest_retry_time(session: AsyncSession) -> datetime | None:
    """When the next postponed message falls due (None: nothing postponed)."""
    result = await session.execute(
        select(func.min(col(OutboxMessage.not_before))).where(col(OutboxMessage.status) == PENDING)
    )
    return result.scalar_one_or_none()


async def pending_count(session: AsyncSession) -> int:
    result = await session.execute(
        select(func.count()).select_from(OutboxMessage).where(col(OutboxMessage.status) == PENDING)
    )
    return int(result.scalar_one())


async def count_by_status(session: AsyncSession) -> dict[str, int]:
    result = await session.execute(
        select(col(OutboxMessage.status), func.count()).group_by(col(OutboxMessage.status))
    )
    return {status: int(n) for status, n in result.all()}


async def sent_message_id_of(session: AsyncSession, *, outbox_id: int) -> int | None:
    result = await session.execute(
        select(col(OutboxMessage.sent_message_id)).where(col(OutboxMessage.id) == outbox_id)
    )
    return result.scalar_one_or_none()
