"""Routing for guided flows: typed input, photos and locations go to the flow in progress,
and /batal ends it. Flows are registered by name in bot/handlers/__init__.py (the one
registration site); the guided drafts among them are declared on bot/handlers/drafts.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from telegram import Update

from bot.context import PoskoContext
from bot.domain.drafts import LOCATION_STEP
from bot.handlers.common import reply
from bot.i18n import Html, plain, t
from bot.services.drafts import OpenDraft, current_draft, end_draft

FlowStep = Callable[[Update, PoskoContext, OpenDraft], Awaitable[None]]


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


def register_outside_flow(kind: str, handler: NoFlowHandler) -> None:
    OUTSIDE_FLOWS[kind] = handler


async def current_flow(update: Update, context: PoskoContext) -> OpenDraft | None:
    """The person's flow in this chat; an expired one is ended here, with a message."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return None
    draft = await current_draft(context.unit, chat_id=chat.id, user_id=user.id)
    if draft is None or draft.flow not in FLOWS:
        return None
    if draft.expired(context.now):
        await end_expired(update, context, draft)
        return None
    return draft


async def end_expired(update: Update, context: PoskoContext, draft: OpenDraft) -> None:
    """End a draft found expired (by a message or a press) and tell the person, as the
    sweep (bot/jobs.py) does for the drafts nobody came back to."""
    await end_draft(context.unit, chat_id=draft.chat_id, user_id=draft.user_id)
    reply(update, context, expired_message(context, draft), reply_markup=expired_markup(draft))


def expired_markup(draft: OpenDraft) -> dict[str, bool] | None:
    """An expired draft that waited for a location leaves no location keyboard behind."""
    return {"remove_keyboard": True} if draft.step == LOCATION_STEP else None


class _OfFlow(Protocol):
    @property
    def flow(self) -> str: ...


def expired_message(context: PoskoContext, draft: _OfFlow) -> Html:
    return expired_text(draft, context.lang, context.services.settings.draft_ttl_minutes)


def expired_text(draft: _OfFlow, lang: str, minutes: int) -> Html:
    return t(lang, FLOWS[draft.flow].expired_key, minutes=minutes)


def draft_expiry(context: PoskoContext) -> timedelta:
    return timedelta(minutes=context.services.settings.draft_ttl_minutes)


async def route_input(update: Update, context: PoskoContext) -> None:
    """A message in a private chat that is not a command."""
    draft = await current_flow(update, context)
    if draft is not None:
        await FLOWS[draft.flow].on_input(update, context, draft)
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
    draft = await current_flow(update, context)
    if draft is None:
        reply(update, context, t(context.lang, "cancel.nothing"))
        return
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    await end_draft(context.unit, chat_id=chat.id, user_id=user.id)
    await FLOWS[draft.flow].on_cancel(update, context, draft)
