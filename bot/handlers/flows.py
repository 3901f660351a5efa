"""Routing for guided flows: typed input, photos and locations go to the flow in progress,
and /batal ends it. A flow registers its input and cancel functions here by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from telegram import Update

from bot.context import PoskoContext
from bot.handlers.common import reply
from bot.i18n import Html, plain, t
from storage.conversations import end_conversation, get_conversation
from storage.models import Conversation

FlowStep = Callable[[Update, PoskoContext, Conversation], Awaitable[None]]


@dataclass(frozen=True)
class Flow:
    name: str
    on_input: FlowStep  # a message (text, photo, location) while the flow waits
    on_cancel: FlowStep
    expired_key: str  # catalog message (with {minutes}) sent when a draft expires


FLOWS: dict[str, Flow] = {}
# What to do with a message that arrives outside any flow, by kind ("location"). Returns
# True when it handled the message.
NoFlowHandler = Callable[[Update, PoskoContext], Awaitable[bool]]
OUTSIDE_FLOWS: dict[str, NoFlowHandler] = {}


def register_flow(flow: Flow) -> None:
    FLOWS[flow.name] = flow


async def current_flow(update: Update, context: PoskoContext) -> Conversation | None:
    """The person's flow in this chat; an expired one is ended here, with a message."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return None
    conversation = await get_conversation(context.session, chat_id=chat.id, user_id=user.id)
    if conversation is None or conversation.flow not in FLOWS:
        return None
    if conversation.expires_at <= context.now:
        await end_conversation(context.session, chat_id=chat.id, user_id=user.id)
        reply(update, context, expired_message(context, conversation))
        return None
    return conversation


def expired_message(context: PoskoContext, conversation: Conversation) -> Html:
    return expired_text(conversation, context.lang, context.services.settings.draft_ttl_minutes)


def expired_text(conversation: Conversation, lang: str, minutes: int) -> Html:
    return t(lang, FLOWS[conversation.flow].expired_key, minutes=minutes)


def draft_expiry(context: PoskoContext) -> timedelta:
    return timedelta(minutes=context.services.settings.draft_ttl_minutes)


async def route_input(update: Update, context: PoskoContext) -> None:
    """A message in a private chat that is not a command."""
    conversation = await current_flow(update, context)
    if conversation is not None:
        await FLOWS[conversation.flow].on_input(update, context, conversation)
        return
    if context.actor is None:
        # A stranger (in a private chat: groups never reach here) learns whom to contact.
        contact = context.services.settings.help_contact or plain(
            context.lang, "stranger.contact_default"
        )
        reply(update, context, t(context.lang, "stranger.free_text", contact=contact))
        return
    message = update.effective_message
    handler = OUTSIDE_FLOWS.get("location") if message and message.location else None
    if handler is not None and await handler(update, context):
        return
    reply(update, context, t(context.lang, "free_text"))


async def cancel(update: Update, context: PoskoContext) -> None:
    """/batal: end whatever flow is in progress."""
    conversation = await current_flow(update, context)
    if conversation is None:
        reply(update, context, t(context.lang, "cancel.nothing"))
        return
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    await end_conversation(context.session, chat_id=chat.id, user_id=user.id)
    await FLOWS[conversation.flow].on_cancel(update, context, conversation)
