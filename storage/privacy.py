"""What the bot holds about a person, and forgetting old message texts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import AlertCopy, InboundUpdate, Incident, Invite, OutboxMessage, Report


@dataclass(frozen=True)
class HeldData:
    reports: int
    reports_with_location: int
    reports_with_photos: int
    incidents: int
    incidents_with_location: int
    invites_created: int


async def held_data(session: AsyncSession, *, person_id: int) -> HeldData:
    async def count(statement: object) -> int:
        return int((await session.execute(statement)).scalar_one())  # type: ignore[call-overload]

    mine = col(Report.person_id) == person_id
    reporter = col(Incident.reporter_id) == person_id
    photos = func.json_array_length(col(Report.photo_file_ids))  # SQLite and PostgreSQL
    return HeldData(
        reports=await count(select(func.count()).select_from(Report).where(mine)),
        reports_with_location=await count(
            select(func.count()).select_from(Report).where(mine, col(Report.latitude).is_not(None))
        ),
        reports_with_photos=await count(
            select(func.count()).select_from(Report).where(mine, photos > 0)
        ),
        incidents=await count(select(func.count()).select_from(Incident).where(reporter)),
        incidents_with_location=await count(
            select(func.count())
            .select_from(Incident)
            .where(reporter, col(Incident.latitude).is_not(None))
        ),
        invites_created=await count(
            select(func.count()).select_from(Invite).where(col(Invite.created_by_id) == person_id)
        ),
    )


async def forget_old_messages(session: AsyncSession, *, older_than: datetime) -> tuple[int, int]:
    """Delete processed updates and delivered outbox rows older than the cutoff: they hold
    what people typed. Outbox rows behind an alert copy stay, so old alerts can still be
    updated. The newest update row stays: it remembers the polling offset."""
    newest = (await session.execute(select(func.max(col(InboundUpdate.update_id))))).scalar_one()
    updates = await session.execute(
        delete(InboundUpdate).where(
            col(InboundUpdate.processed_at).is_not(None),
            col(InboundUpdate.processed_at) < older_than,
            col(InboundUpdate.update_id) != (newest or 0),
        )
    )
    outbox = await session.execute(
        delete(OutboxMessage).where(
            col(OutboxMessage.status).in_(("sent", "failed")),
            col(OutboxMessage.created_at) < older_than,
            col(OutboxMessage.id).not_in(select(col(AlertCopy.outbox_id))),
        )
    )
    return int(getattr(updates, "rowcount", 0) or 0), int(getattr(outbox, "rowcount", 0) or 0)
