"""People queries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Invite, Person
from storage.subtree import in_subtree


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
    agency_code: str | None = None,
) -> Person:
    person = Person(
        agency_code=agency_code,
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
    agency_code: str | None = None,
) -> Person:
    """A deactivated person joins again through a new invite: same row, new binding."""
    person.full_name = full_name
    person.username = username
    person.role = role
    person.region_code = region_code
    person.invited_by_id = invited_by_id
    person.invite_id = invite_id
    if agency_code is not None:
        person.agency_code = agency_code
    person.active = True
    person.deactivated_at = None
    person.left_at = None
    session.add(person)
    await session.flush()
    return person


async def invites_created_by(session: AsyncSession, *, person_id: int) -> list[Invite]:
    result = await session.execute(select(Invite).where(col(Invite.created_by_id) == person_id))
    return list(result.scalars())


async def people_in_subtree(session: AsyncSession, *, root: str | None, role: str) -> list[Person]:
    """Active people with `role` in `root`'s subtree (everywhere when `root` is None)."""
    statement = select(Person).where(col(Person.role) == role, col(Person.active).is_(True))
    if root is not None:
        statement = statement.where(in_subtree(col(Person.region_code), root))
    result = await session.execute(statement)
    return list(result.scalars())


async def revoke_pending_invites(session: AsyncSession, *, person_id: int, now: datetime) -> int:
    """Invites made by this person that could still be used die now."""
    result = await session.execute(
        update(Invite)
        .where(
            col(Invite.created_by_id) == person_id,
            col(Invite.revoked_at).is_(None),
            col(Invite.use_count) < col(Invite.max_uses),
            col(Invite.expires_at) > now,
        )
        .values(revoked_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def deactivate_person(
    session: AsyncSession, *, person: Person, now: datetime, erase_name: bool
) -> int:
    """Deactivate at once; with `erase_name`, forget who they were (their reports stay,
    attributed to their role and region). Returns how many pending invites died."""
    assert person.id is not None
    person.active = False
    person.deactivated_at = now
    if erase_name:  # the person leaves on their own
        person.full_name = None
        person.username = None
        person.left_at = now
    session.add(person)
    await session.flush()
    return await revoke_pending_invites(session, person_id=person.id, now=now)


async def people_invited_in_subtree(session: AsyncSession, *, root: str) -> list[Person]:
    result = await session.execute(
        select(Person)
        .where(in_subtree(col(Person.region_code), root))
        .order_by(col(Person.created_at))
    )
    return list(result.scalars())
