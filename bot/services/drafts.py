"""Guided drafts kept in the `conversation` table: one per person and chat, so a restart in
the middle of a flow loses nothing. Also the region questions every flow's region step asks.

A draft carries a token; every button of its card carries it too, so a button from an older
card (an earlier draft, or a card that was replaced) is recognised and changes nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.domain.policy import Action, ChatKind, decide
from bot.domain.regions import level_of
from bot.services.support import policy_actor
from bot.unit import UnitOfWork
from storage.conversations import (
    end_conversation,
    expired_conversations,
    get_conversation,
    save_conversation,
)
from storage.models import Conversation, Person
from storage.people import get_person_by_telegram_id
from storage.regions import child_regions, get_region, region_label


@dataclass(frozen=True)
class OpenDraft:
    """A stored draft: which flow, at which step, with which token, and its data."""

    chat_id: int
    user_id: int
    flow: str
    step: str
    token: str
    data: dict[str, Any]
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now


@dataclass(frozen=True)
class ExpiredDraft:
    draft: OpenDraft
    language: str | None  # the author's, when they are still known


def new_token() -> str:
    return secrets.token_urlsafe(6)[:8]


def _open(conversation: Conversation) -> OpenDraft:
    return OpenDraft(
        chat_id=conversation.chat_id,
        user_id=conversation.user_id,
        flow=conversation.flow,
        step=conversation.step,
        token=conversation.token,
        data=dict(conversation.data),
        expires_at=conversation.expires_at,
    )


async def current_draft(unit: UnitOfWork, *, chat_id: int, user_id: int) -> OpenDraft | None:
    """The person's draft in this chat, expired or not (the caller says which it takes)."""
    conversation = await get_conversation(unit.session, chat_id=chat_id, user_id=user_id)
    return _open(conversation) if conversation is not None else None


async def save_draft(
    unit: UnitOfWork,
    *,
    chat_id: int,
    user_id: int,
    flow: str,
    step: str,
    token: str,
    data: dict[str, Any],
    minutes: int,
) -> OpenDraft:
    """Store the draft at `step`; it expires `minutes` after this, its last activity."""
    conversation = await save_conversation(
        unit.session,
        chat_id=chat_id,
        user_id=user_id,
        flow=flow,
        step=step,
        token=token,
        data=data,
        now=unit.now,
        expires_at=unit.now + timedelta(minutes=minutes),
    )
    return _open(conversation)


async def end_draft(unit: UnitOfWork, *, chat_id: int, user_id: int) -> None:
    await end_conversation(unit.session, chat_id=chat_id, user_id=user_id)


async def end_expired_drafts(unit: UnitOfWork) -> list[ExpiredDraft]:
    """End the drafts left too long; each with its author's language, to tell them."""
    ended = []
    for conversation in await expired_conversations(unit.session, now=unit.now):
        draft = _open(conversation)
        await end_conversation(unit.session, chat_id=draft.chat_id, user_id=draft.user_id)
        person = await get_person_by_telegram_id(unit.session, telegram_id=draft.user_id)
        ended.append(ExpiredDraft(draft, person.language if person else None))
    return ended


# -- the region step -------------------------------------------------------------------------


class RegionCheck(StrEnum):
    ALLOWED = "allowed"
    OUTSIDE = "outside"  # not a region inside the person's own (or not a region code)
    UNKNOWN = "unknown"  # inside, but no region has that code


async def check_region(
    unit: UnitOfWork, *, actor: Person, code: str, action: Action
) -> RegionCheck:
    """Whether the person may do `action` (report, report an incident) on region `code` in
    a private chat. A button's code is checked on every press, so a forged one cannot reach
    outside the person's area."""
    decision = decide(policy_actor(actor), action, chat=ChatKind.PRIVATE, region=code)
    if level_of(code) is None or not decision:
        return RegionCheck.OUTSIDE
    if await get_region(unit.session, code=code) is None:
        return RegionCheck.UNKNOWN
    return RegionCheck.ALLOWED


async def has_regions_below(unit: UnitOfWork, *, code: str) -> bool:
    return bool(await child_regions(unit.session, code=code))


async def region_name(unit: UnitOfWork, *, code: str) -> str:
    """The region's label, or the code when no region has it."""
    return await region_label(unit.session, code)
