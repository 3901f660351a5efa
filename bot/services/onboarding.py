"""Onboarding: creating invites, accepting them, and knowing who is talking (the admins of
the settings are registered on first contact).

No Telegram here: callers pass the identity Telegram reported and render the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.invites import InviteProblem, hash_code, invite_problem, looks_like_code, new_code
from bot.domain.onboarding import Identity, InviteRefused, invite_agency, invite_refusal
from bot.domain.types import Role
from bot.services.people import policy_actor
from bot.unit import UnitOfWork
from storage.incidents import subscriptions_of_chat
from storage.invites import add_invite, claim_invite_use, get_invite_by_hash
from storage.models import Invite, Person, Region
from storage.people import add_person, get_person_by_telegram_id, reactivate_person
from storage.regions import get_region
from storage.support import get_agency


def _session(unit_or_session: UnitOfWork | AsyncSession) -> AsyncSession:
    return unit_or_session.session if isinstance(unit_or_session, UnitOfWork) else unit_or_session


@dataclass(frozen=True)
class NewInvite:
    invite: Invite
    code: str  # shown once, never stored
    region: Region


async def create_invite(
    unit_or_session: UnitOfWork | AsyncSession,
    *,
    actor: Person | None,
    role: Role,
    region_code: str,
    now: datetime,
    ttl_days: int,
    max_uses: int = 1,
    agency_code: str | None = None,
) -> NewInvite:
    """Create an invite for `role` in `region_code` and `agency_code` (default: the
    inviter's agency, else KPU). `actor=None` is the operator's shell."""
    session = _session(unit_or_session)
    region = await get_region(session, code=region_code)
    if region is None:
        raise InviteRefused("invite.region_unknown")
    agency_code = invite_agency(agency_code, actor.agency_code if actor else None)
    if await get_agency(session, code=agency_code) is None:
        raise InviteRefused("invite.agency_unknown")
    refusal = invite_refusal(
        policy_actor(actor) if actor is not None else None, role=role, region_code=region_code
    )
    if refusal is not None:
        raise InviteRefused(refusal)
    if not 1 <= max_uses <= 500:
        raise ValueError("max_uses must be between 1 and 500")
    code = new_code()
    invite = await add_invite(
        session,
        code_hash=hash_code(code),
        role=role.value,
        region_code=region_code,
        created_by_id=actor.id if actor else None,
        now=now,
        expires_at=now + timedelta(days=ttl_days),
        max_uses=max_uses,
        agency_code=agency_code,
    )
    return NewInvite(invite=invite, code=code, region=region)


@dataclass(frozen=True)
class AcceptOutcome:
    person: Person | None = None
    problem: InviteProblem | None = None
    already_registered: bool = False


async def accept_invite(unit: UnitOfWork, *, code: str, identity: Identity) -> AcceptOutcome:
    """Register `identity` through invite `code`, or say exactly why not. Nothing is
    written unless the person is registered."""
    session, now = unit.session, unit.now
    existing = await get_person_by_telegram_id(session, telegram_id=identity.telegram_id)
    if existing is not None and existing.active:
        return AcceptOutcome(person=existing, already_registered=True)
    invite = None
    if looks_like_code(code):
        invite = await get_invite_by_hash(session, code_hash=hash_code(code))
    if invite is None:
        return AcceptOutcome(problem=InviteProblem.UNKNOWN)
    problem = invite_problem(
        expires_at=invite.expires_at,
        use_count=invite.use_count,
        max_uses=invite.max_uses,
        revoked_at=invite.revoked_at,
        now=now,
    )
    if problem is not None:
        return AcceptOutcome(problem=problem)
    assert invite.id is not None
    if not await claim_invite_use(session, invite_id=invite.id, now=now):
        return AcceptOutcome(problem=InviteProblem.USED)
    if existing is not None:
        person = await reactivate_person(
            session,
            person=existing,
            full_name=identity.full_name,
            username=identity.username,
            role=invite.role,
            region_code=invite.region_code,
            invited_by_id=invite.created_by_id,
            invite_id=invite.id,
            agency_code=invite.agency_code,
        )
    else:
        person = await add_person(
            session,
            telegram_id=identity.telegram_id,
            full_name=identity.full_name,
            username=identity.username,
            role=invite.role,
            region_code=invite.region_code,
            language=identity.language,
            now=now,
            invited_by_id=invite.created_by_id,
            invite_id=invite.id,
            agency_code=invite.agency_code,
        )
    return AcceptOutcome(person=person)


async def ensure_admin(
    unit: UnitOfWork, *, identity: Identity, region_code: str
) -> tuple[Person, bool]:
    """The person behind an id in ADMIN_TELEGRAM_IDS, registered on first contact.

    Returns the person and whether they were just registered.
    """
    session = unit.session
    person = await get_person_by_telegram_id(session, telegram_id=identity.telegram_id)
    if person is not None:
        if person.role != Role.ADMIN or not person.active or person.region_code != region_code:
            person.role = Role.ADMIN.value
            person.region_code = region_code
            person.active = True
            person.deactivated_at, person.left_at = None, None
            session.add(person)
            await session.flush()
        return person, False
    person = await add_person(
        session,
        telegram_id=identity.telegram_id,
        full_name=identity.full_name,
        username=identity.username,
        role=Role.ADMIN.value,
        region_code=region_code,
        language=identity.language,
        now=unit.now,
    )
    return person, True


@dataclass(frozen=True)
class Speaker:
    """Who sent an update, as the gatekeeper needs to know."""

    person: Person | None
    just_registered: bool = False  # an admin of the settings, on first contact
    group_language: str | None = None  # the language of the subscribed group written in


async def identify(
    unit: UnitOfWork,
    *,
    identity: Identity,
    admin_ids: frozenset[int],
    admin_region: str,
    group_chat_id: int | None,
) -> Speaker:
    """The person behind `identity` (an id of ADMIN_TELEGRAM_IDS is registered, or made an
    admin of `admin_region` again, on contact), and the language of the group
    `group_chat_id` when it is subscribed."""
    created = False
    person: Person | None
    if identity.telegram_id in admin_ids:
        person, created = await ensure_admin(unit, identity=identity, region_code=admin_region)
    else:
        person = await get_person_by_telegram_id(unit.session, telegram_id=identity.telegram_id)
    language = None
    if group_chat_id is not None:
        subscriptions = await subscriptions_of_chat(unit.session, chat_id=group_chat_id)
        if subscriptions:
            language = subscriptions[0].language
    return Speaker(person, created, language)
