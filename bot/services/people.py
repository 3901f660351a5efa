"""People: as the policy knows them, their language, the names of others."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.policy import Actor
from bot.unit import UnitOfWork
from storage.models import Person
from storage.people import get_person, set_language


def policy_actor(person: Person) -> Actor:
    """The person as the access policy knows them."""
    return Actor(
        role=person.role,
        region_code=person.region_code,
        active=person.active,
        agency_code=person.agency_code,
    )


async def person_name(unit: UnitOfWork, person_id: int | None) -> str | None:
    """The full name of a person (None: no such person, or their name was erased)."""
    if person_id is None:
        return None
    person = await get_person(unit.session, person_id=person_id)
    return person.full_name if person is not None else None


@dataclass(frozen=True)
class Inviter:
    name: str | None  # None: their name was erased (they left)


async def inviter_of(unit: UnitOfWork, person: Person) -> Inviter | None:
    """Who invited the person; None when nobody did (an admin of the settings, an invite
    of the operator's shell) or the inviter is no longer known."""
    if person.invited_by_id is None:
        return None
    inviter = await get_person(unit.session, person_id=person.invited_by_id)
    return Inviter(inviter.full_name) if inviter is not None else None


async def choose_language(unit: UnitOfWork, *, person: Person, language: str) -> None:
    assert person.id is not None
    await set_language(unit.session, person_id=person.id, language=language)
    person.language = language
