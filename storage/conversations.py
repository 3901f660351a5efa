"""Guided-flow state (drafts), one per person and chat."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Conversation


async def get_conversation(
    session: AsyncSession, *, chat_id: int, user_id: int
) -> Conversation | None:
    return await session.get(Conversation, (chat_id, user_id))


async def save_conversation(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int,
    flow: str,
    step: str,
    token: str,
    data: dict[str, Any],
    now: datetime,
    expires_at: datetime,
) -> Conversation:
    conversation = await session.get(Conversation, (chat_id, user_id))
    if conversation is None:
        conversation = Conversation(
            chat_id=chat_id,
            user_id=user_id,
            flow=flow,
            step=step,
            token=token,
            data=data,
            updated_at=now,
            expires_at=expires_at,
        )
    else:
        conversation.flow, conversation.step, conversation.token = flow, step, token
        conversation.data = dict(data)  # a new object, so the JSON change is noticed
        conversation.updated_at, conversation.expires_at = now, expires_at
    session.add(conversation)
    await session.flush()
    return conversation


async def end_conversation(session: AsyncSession, *, chat_id: int, user_id: int) -> bool:
    result = await session.execute(
        delete(Conversation).where(
            col(Conversation.chat_id) == chat_id, col(Conversation.user_id) == user_id
        )
    )
    return bool(getattr(result, "rowcount", 0))


async def expired_conversations(
    session: AsyncSession, *, now: datetime, limit: int = 200
) -> list[Conversation]:
    result = await session.execute(
        select(Conversation).where(col(Conversation.expires_at) <= now).limit(limit)
    )
    return list(result.scalars())
