"""/tindaklanjut (/followups): the open support requests for me, for my agency and for my
area, overdue first, each with a button that opens it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update

from bot.callbacks import SUPPORT_OPEN
from bot.context import PoskoContext
from bot.domain.support import STATUS_EMOJI
from bot.handlers.common import (
    answer_callback,
    pressed_by_actor,
    private_command,
    reply,
)
from bot.i18n import Html, format_short_moment, plain, t
from bot.services.support import SupportItem, followups, support_timeline
from bot.ui import Button, Keyboard, owned

CALLBACK = SUPPORT_OPEN.prefix
MAX_BUTTONS = 30


async def followups_command(update: Update, context: PoskoContext) -> None:
    command = await private_command(update, context)
    if command is None:
        return
    lang = context.lang
    tz = context.services.settings.timezone
    found = await followups(context.unit, actor=command.actor)
    if not found.total:
        reply(update, context, t(lang, "support.followups.none"))
        return
    lines = [t(lang, "support.followups.header", count=found.total)]
    buttons: Keyboard = []
    for key, items in (("mine", found.mine), ("agency", found.agency), ("area", found.area)):
        if not items:
            continue
        lines.append(Html(""))
        lines.append(t(lang, f"support.followups.{key}", count=len(items)))
        for item in items:
            lines.append(_line(item, lang, tz))
            if len(buttons) < MAX_BUTTONS:
                buttons.append(
                    [Button(f"{item.reference} {item.need[:30]}", SUPPORT_OPEN.data(item.id))]
                )
    reply(
        update, context, Html("\n".join(lines)), buttons=owned(buttons, command.actor.telegram_id)
    )


def _line(item: SupportItem, lang: str, tz: ZoneInfo) -> Html:
    return t(
        lang,
        "support.followups.line_overdue" if item.overdue else "support.followups.line",
        emoji=STATUS_EMOJI[item.status],
        reference=item.reference,
        agency=item.agency_code.upper(),
        place=item.region,
        need=item.need[:100],
        deadline=format_short_moment(item.deadline_at, lang, tz),
    )


async def open_button(update: Update, context: PoskoContext) -> None:
    """A /tindaklanjut button: the request and its timeline."""
    pressed = await pressed_by_actor(update, context, private=True)
    if pressed is None:
        return
    data, actor = pressed
    lang = context.lang
    fields = SUPPORT_OPEN.parse(data, count=1)
    if fields is None or not fields[0].isdigit():
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    request_id = fields[0]
    text = (
        await support_timeline(
            context.unit,
            actor=actor,
            request_id=int(request_id),
            lang=lang,
            tz=context.services.settings.timezone,
        )
        if request_id.isdigit()
        else None
    )
    if text is None:
        answer_callback(context, update, t(lang, "support.refused.region"))
        return
    reply(update, context, text)
    answer_callback(context, update)
