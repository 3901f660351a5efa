"""The typed handler context: the services and the current unit of work, for handlers.

The unit of work itself lives in `bot.unit`, apart from python-telegram-bot, so that services,
alerts and digests can use it without loading Telegram.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackContext, ExtBot

from bot.unit import (
    PRIORITY_ALERT,
    PRIORITY_BULK,
    PRIORITY_REPLY,
    Services,
    UnitOfWork,
    bind_unit,
    current_unit,
    release_unit,
    run_in_unit,
)
from storage.models import Person

__all__ = [
    "PRIORITY_ALERT",
    "PRIORITY_BULK",
    "PRIORITY_REPLY",
    "PoskoContext",
    "Services",
    "UnitOfWork",
    "bind_unit",
    "current_unit",
    "release_unit",
    "run_in_unit",
]


class PoskoContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The handler context: typed access to services and the current unit of work."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ):
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        services: Services = self.application.bot_data["services"]
        return services

    @property
    def unit(self) -> UnitOfWork:
        return current_unit()

    @property
    def session(self) -> AsyncSession:
        return current_unit().session

    @property
    def actor(self) -> Person | None:
        return current_unit().actor

    @property
    def lang(self) -> str:
        return current_unit().language

    @property
    def now(self) -> datetime:
        return current_unit().now
