"""The services, and the unit of work of the current update (no Telegram import: services,
alerts and digests use it; the handler context in bot/context.py wraps it).

Each update is handled inside one `UnitOfWork`: one database transaction that holds the
update's effects, the messages the bot owes because of it (outbox rows) and the mark that
the update is processed. Either all of it is committed or none of it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Html
from bot.ui import Keyboard, inline_markup
from storage.engine import SessionFactory
from storage.models import OutboxMessage, Person
from storage.outbox import EDIT_OF_OUTBOX, add_outbox_message

# Outbox priorities: lower goes first. A person waiting for a reply comes before an alert,
# an alert before any bulk message (digests, reminders).
PRIORITY_REPLY = 0
PRIORITY_ALERT = 1
PRIORITY_BULK = 2


async def _nothing() -> None:
    return None


@dataclass
class Services:
    settings: Settings
    session_factory: SessionFactory
    clock: Clock
    bot_username: str = ""
    wake_outbox: Callable[[], None] = lambda: None
    # Run after a subscription change is committed, so that the digest schedule follows.
    on_subscriptions_changed: Callable[[], Awaitable[None]] = field(default=_nothing)
    # Whether this process leads (polls, processes, sends, runs jobs), and the fencing
    # token its claims carry (None: SQLite, the only process). See bot/leader.py.
    may_lead: Callable[[], bool] = lambda: True
    leader_epoch: Callable[[], int | None] = lambda: None


@dataclass
class UnitOfWork:
    session: AsyncSession
    now: datetime
    update_id: int | None = None
    actor: Person | None = None
    language: str = "id"
    failed: BaseException | None = None
    after_commit: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)
    queued_messages: int = 0

    def send(
        self,
        chat_id: int,
        text: Html,
        *,
        buttons: Keyboard | None = None,
        thread_id: int | None = None,
        priority: int = PRIORITY_REPLY,
        reply_markup: dict[str, Any] | None = None,
    ) -> OutboxMessage:
        """Owe a message. `buttons` is an inline keyboard; `reply_markup` any other markup
        (a reply keyboard, or its removal)."""
        payload: dict[str, Any] = {
            "chat_id": chat_id,
            "text": str(text),
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if buttons is not None:
            payload["reply_markup"] = inline_markup(buttons)
        elif reply_markup is not None:
            payload["reply_markup"] = reply_markup
        if thread_id is not None:
            payload["message_thread_id"] = thread_id
        return self.call(chat_id, "sendMessage", payload, priority=priority)

    def edit(
        self,
        chat_id: int,
        message_id: int,
        text: Html,
        *,
        buttons: Keyboard | None = None,
        priority: int = PRIORITY_REPLY,
    ) -> None:
        payload: dict[str, Any] = {
            "chat_id": chat_id,
            "message_id": message_id,
            "text": str(text),
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if buttons is not None:
            payload["reply_markup"] = inline_markup(buttons)
        self.call(chat_id, "editMessageText", payload, priority=priority)

    def edit_sent(
        self,
        chat_id: int,
        outbox_id: int,
        text: Html,
        *,
        buttons: Keyboard | None = None,
        priority: int = PRIORITY_ALERT,
    ) -> None:
        """Edit the message that outbox row `outbox_id` sends. Its id is not known yet when
        this is written; the sender looks it up, and the per-chat order guarantees the
        original went first."""
        payload: dict[str, Any] = {
            "chat_id": chat_id,
            EDIT_OF_OUTBOX: outbox_id,
            "text": str(text),
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
            "reply_markup": inline_markup(buttons) if buttons else {"inline_keyboard": []},
        }
        self.call(chat_id, "editMessageText", payload, priority=priority)

    def call(
        self, chat_id: int, method: str, payload: dict[str, Any], *, priority: int
    ) -> OutboxMessage:
        """Owe any Bot API call to a chat, in order with everything else owed to it."""
        message = add_outbox_message(
            self.session,
            chat_id=chat_id,
            method=method,
            payload=payload,
            priority=priority,
            now=self.now,
        )
        self.queued_messages += 1
        return message

    def later(self, action: Callable[[], Awaitable[Any]]) -> None:
        """Run `action` once the transaction has committed (never if it rolls back)."""
        self.after_commit.append(action)


_current_unit: contextvars.ContextVar[UnitOfWork] = contextvars.ContextVar("posko_unit")


def current_unit() -> UnitOfWork:
    return _current_unit.get()


def bind_unit(unit: UnitOfWork) -> contextvars.Token[UnitOfWork]:
    return _current_unit.set(unit)


def release_unit(token: contextvars.Token[UnitOfWork]) -> None:
    _current_unit.reset(token)


async def run_in_unit(services: Services, work: Callable[[UnitOfWork], Awaitable[None]]) -> None:
    """Run `work` in one transaction with an outbox, then wake the sender."""
    async with services.session_factory() as session:
        unit = UnitOfWork(
            session=session, now=services.clock.now(), language=services.settings.default_language
        )
        token = bind_unit(unit)
        try:
            await work(unit)
            await session.commit()
        finally:
            release_unit(token)
    if unit.queued_messages:
        services.wake_outbox()
