"""Regions as people name them: labels, whether a typed code may be used, choices by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.choices import match_choice
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.regions import is_within, level_of
from bot.domain.text import clean
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


async def region_answered(
    unit_or_session: UnitOfWork | AsyncSession, *, within: str, text: str
) -> str | None:
    """At a flow's region step: a region code, or the name of one region, inside `within`
    (exactly one); None when it is neither."""
    session = _session(unit_or_session)
    text = clean(text)
    if level_of(text) is not None:
        inside = is_within(text, within)
        return text if inside and await stored.get_region(session, code=text) else None
    found = await stored.find_regions_by_name(session, name=text, within=within, limit=2)
    if len(found) == 1:
        return found[0].code
    if found:
        return None
    children = await stored.child_regions(session, code=within)
    return match_choice(text, {c.code: [c.name] for c in children})


@dataclass(frozen=True)
class RegionLevelBelow:
    """One region and the regions directly below it, for a picker; `parents` are the
    children that have regions below them in turn."""

    region: RegionName
    children: list[RegionName]
    parents: frozenset[str]


async def level_below(
    unit_or_session: UnitOfWork | AsyncSession, *, code: str
) -> RegionLevelBelow | None:
    session = _session(unit_or_session)
    region = await stored.get_region(session, code=code)
    if region is None:
        return None
    children = await stored.child_regions(session, code=code)
    parents = await stored.codes_with_children(session, codes=[child.code for child in children])
    return RegionLevelBelow(_plain(region), [_plain(c) for c in children], frozenset(parents))
