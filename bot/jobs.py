"""Scheduled work. A job runs in its own unit of work, like an update does."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.context import PoskoContext, Services, UnitOfWork, run_in_unit
from bot.digests import remind_officers
from bot.escalation import escalate_due
from bot.handlers.flows import FLOWS, expired_markup, expired_text
from bot.handlers.privacy import MESSAGE_RETENTION_DAYS
from bot.services.drafts import end_expired_drafts
from bot.support_escalation import escalate_support, tell_overdue
from bot.unreachable import report_unreachable
from storage.privacy import forget_old_messages

log = logging.getLogger(__name__)

DRAFT_SWEEP_JOB = "drafts.sweep"
ESCALATION_JOB = "incidents.escalate"
REMINDER_JOB = "reminders.daily"
FORGET_JOB = "messages.forget"
SUPPORT_JOB = "support.escalate"


async def sweep_expired_drafts(context: PoskoContext) -> None:
    """Remove drafts left too long, and tell each author that nothing was saved."""
    services = context.services

    async def sweep(unit: UnitOfWork) -> None:
        for expired in await end_expired_drafts(unit):
            draft = expired.draft
            if draft.flow not in FLOWS:
                continue
            lang = expired.language or services.settings.default_language
            text = expired_text(draft, lang, services.settings.draft_ttl_minutes)
            unit.send(draft.chat_id, text, reply_markup=expired_markup(draft))

    await run_in_unit(services, sweep)


async def escalate_incidents(context: PoskoContext) -> None:
    """Send unacknowledged incidents past their deadline one level up. The deadlines live in
    the database, so a restart (which runs this at once) loses none of them."""
    services = context.services

    async def escalate(unit: UnitOfWork) -> None:
        await escalate_due(unit, services.settings)

    await run_in_unit(services, escalate)


async def follow_support(context: PoskoContext) -> None:
    """Untaken support requests climb a level; overdue ones are named (once a day). The
    times live in the database, so a restart (which runs this at once) loses none."""
    services = context.services

    async def follow(unit: UnitOfWork) -> None:
        await escalate_support(unit, services.settings)
        await tell_overdue(unit, services.settings)

    await run_in_unit(services, follow)


def unreachable_hook(services: Services) -> Callable[[int, str], Awaitable[None]]:
    async def hook(chat_id: int, reason: str) -> None:
        async def tell(unit: UnitOfWork) -> None:
            await report_unreachable(services, unit, chat_id, reason)

        await run_in_unit(services, tell)

    return hook


async def reminder_job(context: PoskoContext) -> None:
    """The daily reminder to officers whose region has no report today."""
    services = context.services

    async def remind(unit: UnitOfWork) -> None:
        await remind_officers(unit, services.settings, root=None)

    await run_in_unit(services, remind)


async def forget_old_messages_job(context: PoskoContext) -> None:
    """Daily: delete message texts (processed updates, delivered outbox rows) older than the
    retention period; reports, incidents and their history stay."""
    services = context.services

    async def forget(unit: UnitOfWork) -> None:
        await forget_old_messages(
            unit.session, older_than=unit.now - timedelta(days=MESSAGE_RETENTION_DAYS)
        )

    await run_in_unit(services, forget)
