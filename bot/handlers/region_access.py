"""Checking a region code a person typed for a command that reads an area (/status,
/ringkasan, /langganan, /acara): each command refuses in its own words, naming the region."""

from __future__ import annotations

from telegram import Update

from bot.context import PoskoContext
from bot.domain.regions import is_within, level_of
from bot.handlers.common import reply
from bot.i18n import t
from storage.models import Person
from storage.regions import get_region, region_label


async def named_region(context: PoskoContext, code: str) -> str:
    """'Kabupaten Kolaka (74.01)', or the code alone when no region has it."""
    label = await region_label(context.session, code)
    return code if label == code else f"{label} ({code})"


async def allowed_region(
    update: Update, context: PoskoContext, actor: Person, wanted: str, *, outside_key: str
) -> bool:
    """Whether `wanted` is a known region inside the actor's own; if not, says why (with
    catalog entry `outside_key`, which takes {region} and {own}) and returns False."""
    lang = context.lang
    code = wanted[:20]
    if level_of(code) is not None and not is_within(code, actor.region_code):
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
    if level_of(code) is None or await get_region(context.session, code=code) is None:
        reply(update, context, t(lang, "report.region_unknown", region=code))
        return False
    return True
