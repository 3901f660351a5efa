"""The agency (instansi) of people registered before agencies existed: asked once, with
buttons, the next time they write."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import AGENCY_CHOICE
from bot.context import PoskoContext
from bot.handlers.common import answer_callback, is_private, personal_press
from bot.i18n import plain, t
from bot.services.agencies import agencies, choose_agency, needs_agency_question
from bot.ui import Button, in_rows, owned

CALLBACK = AGENCY_CHOICE.prefix


async def ask_once(update: Update, context: PoskoContext) -> None:
    """After the person's message is handled: the agency question, once ever."""
    actor = context.actor
    if actor is None or update.message is None or not is_private(update):
        return
    if not await needs_agency_question(context.unit, person=actor):
        return
    lang = context.lang
    buttons = [
        Button(agency.name(lang), AGENCY_CHOICE.data(agency.code))
        for agency in await agencies(context.unit)
    ]
    context.unit.send(
        actor.telegram_id,
        t(lang, "profile.agency.ask"),
        buttons=owned(in_rows(buttons, 2), actor.telegram_id),
    )


async def agency_button(update: Update, context: PoskoContext) -> None:
    press = await personal_press(update, context, private=True)
    if press is None:
        return
    lang = context.lang
    fields = AGENCY_CHOICE.parse(press.data, count=1)
    chosen = (
        await choose_agency(context.unit, person=press.actor, code=fields[0]) if fields else None
    )
    if chosen is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    context.unit.edit(
        press.chat_id, press.message_id, t(lang, "profile.agency.set", agency=chosen.name(lang))
    )
    answer_callback(context, update)
