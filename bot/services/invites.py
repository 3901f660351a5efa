"""/undang: where an invite is for, and issuing it (creating it is bot.services.onboarding)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.onboarding import InviteRefused
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.region_names import parse_region_query
from bot.domain.regions import level_of
from bot.domain.types import Role
from bot.services.onboarding import NewInvite, create_invite
from bot.services.people import policy_actor
from bot.services.regions import RegionName, region_exists, regions_named
from bot.unit import UnitOfWork
from storage.models import Person


class Where(StrEnum):
    FOUND = "found"
    OUTSIDE = "outside"  # a region code outside the inviter's area
    UNKNOWN = "unknown"  # no region has that code or name inside the inviter's area
    AMBIGUOUS = "ambiguous"  # several regions have that name: the inviter chooses


@dataclass(frozen=True)
class InviteRegion:
    where: Where
    code: str | None = None  # FOUND
    matches: tuple[RegionName, ...] = ()  # AMBIGUOUS


def may_invite(actor: Person, *, region_code: str | None = None) -> bool:
    """Whether the person may invite anyone (at all, or into `region_code`)."""
    return decide(
        policy_actor(actor), Action.INVITE, chat=ChatKind.PRIVATE, region=region_code
    ).allowed


async def invite_region(unit: UnitOfWork, *, actor: Person, query: str) -> InviteRegion:
    """The region an inviter typed, as a code or a name (with an optional level word:
    'kecamatan asera'), looked for inside their own area."""
    if level_of(query) is not None:
        if not may_invite(actor, region_code=query):
            return InviteRegion(Where.OUTSIDE)
        if not await region_exists(unit, query):
            return InviteRegion(Where.UNKNOWN)
        return InviteRegion(Where.FOUND, query)
    wanted = parse_region_query(query[:120])
    matches = await regions_named(
        unit,
        names=wanted.names,
        within=actor.region_code,
        level=wanted.level.value if wanted.level else None,
    )
    if not matches:
        return InviteRegion(Where.UNKNOWN)
    if len(matches) > 1:
        return InviteRegion(Where.AMBIGUOUS, matches=tuple(matches))
    return InviteRegion(Where.FOUND, matches[0].code)


async def issue_invite(
    unit: UnitOfWork,
    *,
    actor: Person,
    role: Role,
    region_code: str,
    ttl_days: int,
    agency_code: str | None = None,
) -> NewInvite | InviteRefused:
    """A one-use invite from `actor`, or why not (its `reason` is a catalog key)."""
    try:
        return await create_invite(
            unit,
            actor=actor,
            role=role,
            region_code=region_code,
            now=unit.now,
            ttl_days=ttl_days,
            agency_code=agency_code,
        )
    except InviteRefused as refusal:
        return refusal
