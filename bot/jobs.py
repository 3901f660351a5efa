"""Scheduled work. A job runs in its own unit of work, like an update does."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.alerts import escalate_due, report_unreachable
from bot.context import PoskoContext, Services, UnitOfWork, bind_unit, release_unit
from bot.handlers.flows import FLOWS, expired_text
from storage.conversations import end_conversation, expired_conversations
from storage.people import get_person_by_telegram_id

log = logging.getLogger(__name__)

DRAFT_SWEEP_JOB = "drafts.sweep"
ESCALATION_JOB = "incidents.escalate"


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


async def sweep_expired_drafts(context: PoskoContext) -> None:
    """Remove drafts left too long, and tell each author that nothing was saved."""
    services = context.services

    async def sweep(unit: UnitOfWork) -> None:
        for conversation in await expired_conversations(unit.session, now=unit.now):
            await end_conversation(
                unit.session, chat_id=conversation.chat_id, user_id=conversation.user_id
            )
            if conversation.flow not in FLOWS:
                continue
            person = await get_person_by_telegram_id(unit.session, telegram_id=conversation.user_id)
            lang = person.language if person else services.settings.default_language
            text = expired_text(conversation, lang, services.settings.draft_ttl_minutes)
            markup = {"remove_keyboard": True} if conversation.step == "location" else None
            unit.send(conversation.chat_id, text, reply_markup=markup)

    await run_in_unit(services, sweep)


async def escalate_incidents(context: PoskoContext) -> None:
    """Send unacknowledged incidents past their deadline one level up. The deadlines live in
    the database, so a restart (which runs this at once) loses none of them."""
    services = context.services

    async def escalate(unit: UnitOfWork) -> None:
        await escalate_due(unit, services.settings)

    await run_in_unit(services, escalate)


def unreachable_hook(services: Services) -> Callable[[int, str], Awaitable[None]]:
    async def hook(chat_id: int, reason: str) -> None:
        async def tell(unit: UnitOfWork) -> None:
            await report_unreachable(services, unit, chat_id, reason)

        await run_in_unit(services, tell)

    return hook
