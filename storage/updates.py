"""Inbound updates: the durable intake queue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import InboundUpdate, LeaderTerm
from storage.types import PLAIN_UPDATE


async def store_updates(
    session: AsyncSession, *, updates: Sequence[dict[str, Any]], now: datetime
) -> int:
    """Store raw updates; an update id already stored is left as it is. Returns rows added."""
    if not updates:
        return 0
    unique = {int(u["update_id"]): u for u in updates}  # a batch may repeat an id
    rows = [
        {"update_id": update_id, "payload": u, "received_at": now, "attempts": 0}
        for update_id, u in unique.items()
    ]
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert_fn(InboundUpdate).values(rows).on_conflict_do_nothing()
    result = await session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


async def highest_update_id(session: AsyncSession) -> int | None:
    result = await session.execute(select(func.max(col(InboundUpdate.update_id))))
    value = result.scalar_one_or_none()
    return int(value) if value is not None else None


async def pending_updates(session: AsyncSession, *, limit: int = 100) -> list[InboundUpdate]:
    result = await session.execute(
        select(InboundUpdate)
        .where(col(InboundUpdate.processed_at).is_(None))
        .order_by(col(InboundUpdate.update_id))
        .limit(limit)
    )
    return list(result.scalars())


async def claim_update(
    session: AsyncSession, *, update_id: int, now: datetime, epoch: int | None = None
) -> bool:
    """Mark an update processed inside the unit of work that handled it.

    Returns False when it was already processed: that unit must roll back, so that an
    update delivered twice (or replayed after a crash) has its effects exactly once.
    With an `epoch` (a leader on PostgreSQL), it also returns False once another process
    leads: the row's share lock makes a new leader's epoch bump wait for this transaction.
    """
    connection = await session.connection()
    if epoch is None:
        result = await connection.execute(_CLAIM, {"claimed_id": update_id, "now": now})
    else:
        result = await connection.execute(
            _CLAIM_FENCED, {"claimed_id": update_id, "now": now, "epoch": epoch}
        )
    return bool(getattr(result, "rowcount", 0))


# Built once: a statement per update is on the hot path, and building it cost more than
# running it. Core, not the ORM: there are no objects to synchronise.
_inbound = InboundUpdate.__table__.c  # type: ignore[attr-defined]
_CLAIM = (
    update(InboundUpdate.__table__)  # type: ignore[attr-defined]
    .where(_inbound.update_id == bindparam("claimed_id"), _inbound.processed_at.is_(None))
    .values(processed_at=bindparam("now"), attempts=_inbound.attempts + 1)
)
_term = LeaderTerm.__table__.c  # type: ignore[attr-defined]
_CLAIM_FENCED = _CLAIM.where(
    exists(
        select(_term.id)
        .where(_term.id == 1, _term.epoch == bindparam("epoch"))
        .with_for_update(key_share=True, read=True)
    )
)


async def leads(session: AsyncSession, *, epoch: int | None) -> bool:
    """Whether `epoch` is still the leader's (always, without an epoch: SQLite)."""
    if epoch is None:
        return True
    connection = await session.connection()
    result = await connection.execute(select(_term.epoch).where(_term.id == 1))
    return result.scalar_one_or_none() == epoch


async def record_failure(
    session: AsyncSession, *, update_id: int, error: str, now: datetime, give_up: bool
) -> None:
    values: dict[str, Any] = {"attempts": col(InboundUpdate.attempts) + 1, "error": error[:500]}
    if give_up:
        values["processed_at"] = now
    await session.execute(
        update(InboundUpdate).where(col(InboundUpdate.update_id) == update_id).values(**values),
        execution_options=PLAIN_UPDATE,
    )


async def unprocessed_count(session: AsyncSession) -> int:
    result = await session.execute(
        select(func.count())
        .select_from(InboundUpdate)
        .where(col(InboundUpdate.processed_at).is_(None))
    )
    return int(result.scalar_one())
