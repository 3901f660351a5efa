"""Checking a region code a person typed for a command that reads an area (/status,
/ringkasan, /langganan, /acara): each command refuses in its own words, naming the region."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from telegram import Update

from bot.context import PoskoContext
from bot.domain.policy import Action, chat_kind
from bot.domain.region_names import kind_key
from bot.domain.regions import level_of
from bot.domain.types import RegionLevel
from bot.handlers.common import reply
from bot.i18n import plain, t
from bot.services import regions
from bot.services.regions import RegionCheck, RegionName

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person


async def named_region(context: PoskoContext, code: str) -> str:
    """'Kabupaten Kolaka (74.01)', or the code alone when no region has it."""
    return await regions.named_region(context.unit, code)


async def allowed_region(
    update: Update,
    context: PoskoContext,
    actor: Person,
    wanted: str,
    *,
    outside_key: str,
    action: Action = Action.VIEW_STATUS,
) -> bool:
    """Whether `wanted` is a known region `actor` may use for `action` (the policy's area
    rule); if not, says why (with catalog entry `outside_key`, which takes {region} and
    {own}) and returns False."""
    lang = context.lang
    code = wanted[:20]
    chat = update.effective_chat
    check = await regions.check_region(
        context.unit,
        actor=actor,
        code=code,
        chat=chat_kind(chat.type if chat is not None else None),
        action=action,
    )
    if check is RegionCheck.OUTSIDE:
        reply(
            update,
            context,
            t(
                lang,
                outside_key,
                region=await named_region(context, code),
                own=await named_region(context, actor.region_code),
            ),
        )
        return False
    if check is RegionCheck.UNKNOWN:
        reply(update, context, t(lang, "report.region_unknown", region=code))
        return False
    return True


def kind_name(lang: str, region: RegionName) -> str:
    """'Kecamatan Asera', 'Kelurahan Asera', 'Kabupaten Konawe Utara'."""
    key = kind_key(region.code)
    return region.name if key is None else plain(lang, key, name=region.name)


async def choice_labels(context: PoskoContext, found: Sequence[RegionName]) -> list[str]:
    """One label per region that says its level and code, and for a village its district:
    'Kecamatan Asera (74.09.01)', 'Kelurahan Asera, Kecamatan Asera (74.09.01.1009)'."""
    lang = context.lang
    parents = await regions.regions_by_code(
        context.unit, sorted({r.parent_code for r in found if r.parent_code})
    )
    labels = []
    for region in found:
        parent = parents.get(region.parent_code or "")
        if parent is not None and level_of(region.code) == RegionLevel.VILLAGE:
            labels.append(
                plain(
                    lang,
                    "region.choice.in",
                    name=kind_name(lang, region),
                    parent=kind_name(lang, parent),
                    code=region.code,
                )
            )
        else:
            labels.append(
                plain(lang, "region.choice", name=kind_name(lang, region), code=region.code)
            )
    return labels


async def described_region(context: PoskoContext, code: str) -> str:
    """A region with its level and the region above it (below province level):
    'Kelurahan Asera, Kecamatan Asera', 'Kecamatan Asera, Kabupaten Konawe Utara'."""
    found = await regions.regions_by_code(context.unit, [code, code.rsplit(".", 1)[0]])
    region = found.get(code)
    if region is None:
        return code
    parent = found.get(region.parent_code or "")
    name = kind_name(context.lang, region)
    if parent is None or level_of(parent.code) == RegionLevel.PROVINCE:
        return name
    return f"{name}, {kind_name(context.lang, parent)}"
