"""Regions as people name them: labels, whether a typed code may be used, choices by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.policy import Action, ChatKind, decide
from bot.domain.regions import level_of
from bot.services.people import policy_actor
from bot.unit import UnitOfWork
from storage import regions as stored
from storage.models import Person, Region


@dataclass(frozen=True)
class RegionName:
    """A region as the renderers need it."""

    code: str
    name: str
    parent_code: str | None = None


class RegionCheck(StrEnum):
    ALLOWED = "allowed"
    OUTSIDE = "outside"  # a region code outside the person's area
    UNKNOWN = "unknown"  # no region code, or no region has it


def _session(unit_or_session: UnitOfWork | AsyncSession) -> AsyncSession:
    return unit_or_session.session if isinstance(unit_or_session, UnitOfWork) else unit_or_session


def _plain(region: Region) -> RegionName:
    return RegionName(region.code, region.name, region.parent_code)


async def region_label(unit_or_session: UnitOfWork | AsyncSession, code: str) -> str:
    """'Kabupaten Konawe Utara', or 'Asera, Kabupaten Konawe Utara' below regency level."""
    return await stored.region_label(_session(unit_or_session), code)


async def named_region(unit_or_session: UnitOfWork | AsyncSession, code: str) -> str:
    """'Kabupaten Kolaka (74.01)', or the code alone when no region has it."""
    label = await region_label(unit_or_session, code)
    return code if label == code else f"{label} ({code})"


async def typed_region(unit_or_session: UnitOfWork | AsyncSession, code: str) -> str:
    """A region a person typed, by its name and code; what they typed, cut short, when it
    is no region code."""
    if level_of(code) is None:
        return code[:20]
    return await named_region(unit_or_session, code)


async def region_exists(unit_or_session: UnitOfWork | AsyncSession, code: str) -> bool:
    return await stored.get_region(_session(unit_or_session), code=code) is not None


async def regions_by_code(
    unit_or_session: UnitOfWork | AsyncSession, codes: Sequence[str]
) -> dict[str, RegionName]:
    found = await stored.get_regions(_session(unit_or_session), codes=codes)
    return {code: _plain(region) for code, region in found.items()}


async def check_region(
    unit: UnitOfWork,
    *,
    actor: Person,
    code: str,
    chat: ChatKind,
    action: Action = Action.VIEW_STATUS,
) -> RegionCheck:
    """Whether `actor` may use region `code` for `action` (asked of the policy; the default
    asks only the rule every action shares: inside one's own area) and whether it exists.
    Callers ask the role and the chat first, so a refusal here is about the region."""
    if level_of(code) is None:
        return RegionCheck.UNKNOWN
    if not decide(policy_actor(actor), action, chat=chat, region=code):
        return RegionCheck.OUTSIDE
    if not await region_exists(unit, code):
        return RegionCheck.UNKNOWN
    return RegionCheck.ALLOWED


async def regions_named(
    unit: UnitOfWork, *, names: Sequence[str], within: str, level: str | None
) -> list[RegionName]:
    """Regions inside `within` called one of `names` (of `level`, if given), top level
    first."""
    found = await stored.find_regions_named(unit.session, names=names, within=within, level=level)
    return [_plain(region) for region in found]
