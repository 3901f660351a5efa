"""A person whose access ended — deactivated by an admin, or gone with /keluar — is told
so, whatever they send or press, instead of being treated as a stranger. Only a new invite
(`/start CODE`) brings them back."""

from __future__ import annotations

from telegram import Update

from bot.context import PoskoContext
from bot.handlers.common import answer_callback, is_private, reply
from bot.i18n import plain, t


def _key(left: bool) -> str:
    return "person.left" if left else "person.inactive"


def turned_away(update: Update, context: PoskoContext, *, left: bool) -> bool:
    """Whether the update was answered with "your access ended" (and must go no further).
    Membership changes still go on (a group that removes the bot is paused), and so does
    `/start CODE`, which is how someone comes back. `left`: they left with /keluar (else an
    admin ended their access)."""
    if update.callback_query is not None:
        answer_callback(context, update, plain(context.lang, _key(left)), alert=True)
        return True
    message = update.message
    if message is None:
        return False
    text = message.text or message.caption or ""
    words = text.split()
    if is_private(update):
        if len(words) == 2 and words[0].split("@", 1)[0] == "/start":
            return False  # a new invite
        reply(update, context, t(context.lang, _key(left)))
        return True
    # In a group the bot answers commands only; other messages are not for it.
    if text.startswith("/"):
        reply(update, context, t(context.lang, _key(left)))
    return True
