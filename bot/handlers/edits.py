"""An edited /lapor message. Telegram sends an edit as a new update; the gatekeeper lets
through only this one kind. If the original message stored a report, the person is told
which one and how to correct it (nothing is stored twice); if it stored nothing (it was
refused), the edited text is handled as a new command."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.context import PoskoContext
from bot.domain.reports import reference
from bot.handlers.common import reply, require_actor
from bot.handlers.reports import report_command
from bot.i18n import t
from bot.services.edits import report_of_message

REPORT_COMMAND = re.compile(r"^/(lapor|report)(@\w+)?(\s|$)")


def is_edited_report(update: Update) -> bool:
    """An edit of a /lapor message in a private chat."""
    message = update.edited_message
    return (
        message is not None
        and message.chat.type == "private"
        and REPORT_COMMAND.match(message.text or message.caption or "") is not None
    )


async def edited_report(update: Update, context: PoskoContext) -> None:
    actor = await require_actor(update, context)
    message = update.edited_message
    if actor is None or message is None:
        return
    stored = await report_of_message(
        context.unit, person=actor, chat_id=message.chat.id, message_id=message.message_id
    )
    if stored is None:
        await report_command(update, context)
        return
    reply(
        update,
        context,
        t(
            context.lang,
            "report.edited.stored",
            reference=reference(stored),
            minutes=context.services.settings.correction_window_minutes,
        ),
    )


def edited_report_handler() -> MessageHandler:  # type: ignore[type-arg]
    matches = filters.Regex(REPORT_COMMAND) | filters.CaptionRegex(REPORT_COMMAND)
    return MessageHandler(
        filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE & matches, edited_report
    )
