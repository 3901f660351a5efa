"""People's data, handled with care: what the bot holds about a person (/dataku), leaving
(/keluar), an admin ending someone's access (/nonaktifkan), who invited whom (/undangan)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.policy import Action, ChatKind, may
from bot.domain.types import Role
from bot.services.people import Inviter, inviter_of, person_name, policy_actor
from bot.services.regions import region_label
from bot.unit import UnitOfWork
from storage.conversations import end_conversation
from storage.models import Person
from storage.people import deactivate_person, get_person_by_telegram_id, people_invited_in_subtree
from storage.privacy import HeldData, held_data


@dataclass(frozen=True)
class MyData:
    held: HeldData
    region: str  # the label of the person's region
    inviter: Inviter | None  # None: invited by nobody still known


async def my_data(unit: UnitOfWork, *, actor: Person) -> MyData:
    assert actor.id is not None
    return MyData(
        await held_data(unit.session, person_id=actor.id),
        await region_label(unit, actor.region_code),
        await inviter_of(unit, actor),
    )


async def _end_access(unit: UnitOfWork, person: Person, *, erase_name: bool) -> int:
    """Access ends now; any draft the person had is dropped. Returns how many of their
    pending invites died."""
    revoked = await deactivate_person(
        unit.session, person=person, now=unit.now, erase_name=erase_name
    )
    await end_conversation(unit.session, chat_id=person.telegram_id, user_id=person.telegram_id)
    return revoked


async def leave(unit: UnitOfWork, *, actor: Person) -> None:
    """/keluar confirmed: the name is forgotten and access ends (reports stay, attributed to
    the role and region)."""
    await _end_access(unit, actor, erase_name=True)


class Deactivation(StrEnum):
    DONE = "done"
    NOT_FOUND = "not_found"  # no active person with that id inside the admin's area
    SELF = "self"


@dataclass(frozen=True)
class Deactivated:
    outcome: Deactivation
    telegram_id: int = 0
    name: str | None = None
    role: str = ""
    revoked_invites: int = 0


async def deactivate(unit: UnitOfWork, *, actor: Person, telegram_id: int) -> Deactivated:
    """An admin ends someone's access at once (the caller has asked the policy whether the
    actor may deactivate at all; here, whether the person is inside their area)."""
    target = await get_person_by_telegram_id(unit.session, telegram_id=telegram_id)
    if (
        target is None
        or not target.active
        or not may(
            policy_actor(actor),
            Action.DEACTIVATE,
            chat=ChatKind.PRIVATE,
            region=target.region_code,
        )
    ):
        return Deactivated(Deactivation.NOT_FOUND)
    if target.id == actor.id:
        return Deactivated(Deactivation.SELF)
    revoked = await _end_access(unit, target, erase_name=False)
    return Deactivated(
        Deactivation.DONE, target.telegram_id, target.full_name, target.role, revoked
    )


class InvitedBy(StrEnum):
    PERSON = "person"
    SETTING = "setting"  # an admin of ADMIN_TELEGRAM_IDS
    SHELL = "shell"  # an invite of the operator's shell


@dataclass(frozen=True)
class Invitation:
    telegram_id: int
    name: str | None  # None: erased
    role: str
    region_code: str
    active: bool
    since: datetime
    invited_by: InvitedBy
    inviter: str | None = None  # the inviter's name (PERSON); None when erased or gone
    inviter_in_area: bool = True  # False: invited from above the area


async def invitations(unit: UnitOfWork, *, actor: Person) -> list[Invitation]:
    """Everyone registered in the actor's area, oldest first, with who invited them."""
    people = await people_invited_in_subtree(unit.session, root=actor.region_code)
    names = {p.id: p.full_name for p in people}
    above: set[int] = set()  # inviters from above the area
    rows = []
    for person in people:
        inviter = None
        if person.invited_by_id is not None:
            invited_by = InvitedBy.PERSON
            if person.invited_by_id not in names:
                names[person.invited_by_id] = await person_name(unit, person.invited_by_id)
                above.add(person.invited_by_id)
            inviter = names[person.invited_by_id]
        elif person.role == Role.ADMIN:
            invited_by = InvitedBy.SETTING
        else:
            invited_by = InvitedBy.SHELL
        rows.append(
            Invitation(
                person.telegram_id,
                person.full_name,
                person.role,
                person.region_code,
                person.active,
                person.created_at,
                invited_by,
                inviter,
                person.invited_by_id not in above,
            )
        )
    return rows
