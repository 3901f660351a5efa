"""Election queries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Election


async def active_elections(session: AsyncSession) -> list[Election]:
    result = await session.execute(
        select(Election).where(col(Election.active).is_(True)).order_by(col(Election.voting_date))
    )
    return list(result.scalars())


async def add_election(session: AsyncSession, *, election: Election) -> Election:
    session.add(election)
    await session.flush()
    return election


async def get_election(session: AsyncSession, *, election_id: int) -> Election | None:
    return await session.get(Election, election_id)
