"""The "Maksud Anda …?" question of a one-line /lapor or /insiden that reads only with a
near miss: its readings wait in the conversation table until one is chosen."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.unit import UnitOfWork
from storage.conversations import end_conversation, get_conversation, save_conversation
from storage.models import Conversation

FLOW = "line_guess"
CANCEL = "x"  # the choice of the Cancel button


@dataclass(frozen=True)
class Asked:
    token: str  # carried by the question's buttons
    replaced_draft: bool  # an unfinished guided draft was dropped for it (one per person)


async def ask(
    unit: UnitOfWork,
    *,
    chat_id: int,
    user_id: int,
    kind: str,
    options: list[dict[str, Any]],
    expires_at: datetime,
) -> Asked:
    """Keep the readings of a line of `kind` until the person chooses one."""
    previous = await get_conversation(unit.session, chat_id=chat_id, user_id=user_id)
    replaced = previous is not None and previous.flow != FLOW and previous.expires_at > unit.now
    token = secrets.token_urlsafe(6)[:8]
    await save_conversation(
        unit.session,
        chat_id=chat_id,
        user_id=user_id,
        flow=FLOW,
        step=kind,
        token=token,
        data={"kind": kind, "options": options},
        now=unit.now,
        expires_at=expires_at,
    )
    return Asked(token, replaced)


async def drop_pending(unit: UnitOfWork, *, chat_id: int, user_id: int) -> None:
    """A new one-line command replaces an unanswered question (its buttons go stale)."""
    conversation = await get_conversation(unit.session, chat_id=chat_id, user_id=user_id)
    if conversation is not None and conversation.flow == FLOW:
        await end_conversation(unit.session, chat_id=chat_id, user_id=user_id)


class Answer(StrEnum):
    STALE = "stale"  # not this person's current question, or no such reading
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    CHOSEN = "chosen"


@dataclass(frozen=True)
class Answered:
    answer: Answer
    kind: str = ""
    reading: dict[str, Any] = field(default_factory=dict)  # CHOSEN: the payload given to ask
    conversation: Conversation | None = None  # EXPIRED: for the expiry message


async def answer(
    unit: UnitOfWork,
    *,
    chat_id: int,
    user_id: int,
    token: str,
    choice: str,
    kinds: Collection[str],
) -> Answered:
    """The person pressed reading `choice` (or Cancel) of question `token`. Anything but a
    stale press ends the question."""
    conversation = await get_conversation(unit.session, chat_id=chat_id, user_id=user_id)
    if (
        conversation is None
        or conversation.flow != FLOW
        or conversation.token != token
        or conversation.data.get("kind") not in kinds
    ):
        return Answered(Answer.STALE)
    kind = str(conversation.data["kind"])
    options = conversation.data.get("options") or []
    if choice != CANCEL and (not choice.isdigit() or int(choice) >= len(options)):
        return Answered(Answer.STALE)
    await end_conversation(unit.session, chat_id=chat_id, user_id=user_id)
    if conversation.expires_at <= unit.now:
        return Answered(Answer.EXPIRED, kind, conversation=conversation)
    if choice == CANCEL:
        return Answered(Answer.CANCELLED, kind)
    return Answered(Answer.CHOSEN, kind, dict(options[int(choice)]))
