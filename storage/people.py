"""People queries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Invite, Person


async def get_person_by_telegram_id(session: AsyncSession, *, telegram_id: int) -> Person | None:
    result = await session.execute(select(Person).where(col(Person.telegram_id) == telegram_id))
    return result.scalar_one_or_none()


async def get_person(session: AsyncSession, *, person_id: int) -> Person | None:
    return await session.get(Person, person_id)


async def add_person(
    session: AsyncSession,
    *,
    telegram_id: int,
    full_name: str | None,
    username: str | None,
    role: str,
    region_code: str,
    language: str,
    now: datetime,
    invited_by_id: int | None = None,
    invite_id: int | None = None,
) -> Person:
    person = Person(
        telegram_id=telegram_id,
        full_name=full_name,
        username=username,
        role=role,
        region_code=region_code,
        language=language,
        invited_by_id=invited_by_id,
        invite_id=invite_id,
        created_at=now,
    )
    session.add(person)
    await session.flush()
    return person


async def set_language(session: AsyncSession, *, person_id: int, language: str) -> None:
    await session.execute(
        update(Person).where(col(Person.id) == person_id).values(language=language)
    )


async def reactivate_person(
    session: AsyncSession,
    *,
    person: Person,
    full_name: str | None,
    username: str | None,
    role: str,
    region_code: str,
    invited_by_id: int | None,
    invite_id: int | None,
) -> Person:
    """A deactivated person joins again through a new invite: same row, new binding."""
    person.full_name = full_name
    person.username = username
    person.role = role
    person.region_code = region_code
    person.invited_by_id = invited_by_id
    person.invite_id = invite_id
    person.active = True
    person.deactivated_at = None
    session.add(person)
    await session.flush()
    return person


async def invites_created_by(session: AsyncSession, *, person_id: int) -> list[Invite]:
    result = await session.execute(select(Invite).where(col(Invite.created_by_id) == person_id))
    return list(result.scalars())
