"""The composition root: builds the Application and everything that runs beside it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, BotCommandScopeAllGroupChats
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings, WebhookConfig
from bot.context import PoskoContext, Services
from bot.digest_schedule import catch_up_digests, schedule_digests
from bot.domain.regions import parse_region_csv
from bot.handlers import register_handlers
from bot.handlers.common import GROUP_COMMANDS, GUEST_COMMANDS, command_menu
from bot.intake import ALLOWED_UPDATES, UpdateIntake
from bot.jobs import (
    DRAFT_SWEEP_JOB,
    ESCALATION_JOB,
    FORGET_JOB,
    REMINDER_JOB,
    SUPPORT_JOB,
    escalate_incidents,
    follow_support,
    forget_old_messages_job,
    reminder_job,
    sweep_expired_drafts,
    unreachable_hook,
)
from bot.outbox import OutboxSender
from bot.webhook import WebhookServer
from storage.engine import create_engine, create_session_factory
from storage.migrate import upgrade_database
from storage.regions import (
    ImportCounts,
    all_region_codes,
    count_regions,
    get_region,
    upsert_regions,
)

log = logging.getLogger(__name__)

BUNDLED_REGIONS = Path(__file__).resolve().parent.parent / "storage" / "data" / "wilayah_sultra.csv"

PoskoApplication = Application[Any, PoskoContext, Any, Any, Any, Any]


def build_application(settings: Settings, services: Services) -> PoskoApplication:
    """The Application, with every handler registered; used by `run`, the demo and tests."""
    if settings.telegram_bot_token is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    application: PoskoApplication = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .updater(None)  # our intake polls: it stores updates before confirming them
        .context_types(ContextTypes(context=PoskoContext))
        .connection_pool_size(16)
        .get_updates_read_timeout(40)
        .build()
    )
    application.bot_data["services"] = services
    register_handlers(application)
    return application


async def prepare_database(engine: AsyncEngine, settings: Settings, session_factory: Any) -> None:
    """Migrate, load the bundled regions into an empty database, check the admin region."""
    await upgrade_database(engine)
    async with session_factory() as session:
        if await count_regions(session) == 0:
            await import_regions_text(session, BUNDLED_REGIONS.read_text(encoding="utf-8"))
            await session.commit()
        if (
            settings.admin_telegram_ids
            and await get_region(session, code=settings.admin_region_code) is None
        ):
            raise ConfigError(
                f"ADMIN_REGION_CODE {settings.admin_region_code} is not in the region table "
                "(import it with `python -m bot regions import FILE`)"
            )


async def import_regions_text(session: Any, text: str) -> ImportCounts:
    rows = parse_region_csv(text, known_codes=await all_region_codes(session))
    return await upsert_regions(session, rows=rows)


@dataclass
class PoskoRuntime:
    """Everything that runs while the bot is up: the Application, intake and outbox."""

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    poll_timeout: int = 25
    webhook: WebhookConfig | None = None  # None: long polling
    webhook_server: WebhookServer | None = None
    engine: AsyncEngine | None = None
    application: PoskoApplication | None = None
    intake: UpdateIntake | None = None
    outbox: OutboxSender | None = None
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _catch_up: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.engine = create_engine(self.settings.database_url)
        session_factory = create_session_factory(self.engine)
        await prepare_database(self.engine, self.settings, session_factory)
        services = Services(
            settings=self.settings, session_factory=session_factory, clock=self.clock
        )
        self.application = build_application(self.settings, services)
        await self.application.initialize()  # getMe: checks the token
        bot = self.application.bot
        services.bot_username = bot.username
        if self.webhook is None:
            await bot.delete_webhook(drop_pending_updates=False)
        await _set_default_menus(bot)
        await self.application.start()
        _schedule_jobs(self.application, self.settings)
        application = self.application

        async def reschedule() -> None:
            await schedule_digests(application, services)

        services.on_subscriptions_changed = reschedule
        await schedule_digests(self.application, services)
        self.outbox = OutboxSender(
            bot=bot, session_factory=session_factory, on_unreachable=unreachable_hook(services)
        )
        services.wake_outbox = self.outbox.wake
        self.intake = UpdateIntake(
            application=self.application, services=services, poll_timeout=self.poll_timeout
        )
        self._tasks = [
            asyncio.create_task(self.outbox.run(), name="outbox"),
            asyncio.create_task(self.intake.run_processing(), name="processing"),
        ]
        # Digests missed while the bot was down (once each), built while the bot already
        # answers: a restart at 07:05 must not leave everyone waiting for 500 digests.
        self._catch_up = asyncio.create_task(_catch_up(services), name="digest catch-up")
        if self.webhook is None:
            self._tasks.append(asyncio.create_task(self.intake.run_polling(), name="polling"))
        else:
            self.webhook_server = WebhookServer(
                config=self.webhook,
                session_factory=session_factory,
                clock=self.clock,
                on_stored=self.intake.notify_stored,
            )
            await self.webhook_server.start()
            await bot.set_webhook(
                self.webhook.url,
                secret_token=self.webhook.secret,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
        log.info("Posko Pemilu is running as @%s", bot.username)

    async def wait(self) -> None:
        """Block until a task ends (a fatal error) or the runtime is stopped."""
        done, _ = await asyncio.wait(self._tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]

    async def stop(self) -> None:
        if self.webhook_server is not None:
            await self.webhook_server.stop()  # Telegram keeps what we do not take: no loss
        if self.intake is not None:
            self.intake.stop()
        if self.outbox is not None:
            self.outbox.stop()
        if self._catch_up is not None and not self._catch_up.done():
            self._catch_up.cancel()  # each digest is written whole or not at all
            with contextlib.suppress(asyncio.CancelledError):
                await self._catch_up
        for task in self._tasks:
            if task.get_name() == "polling":
                task.cancel()  # a long poll in flight: nothing of it is stored yet
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 10)
        if self.application is not None:
            if self.application.running:
                await self.application.stop()
            await self.application.shutdown()
        if self.engine is not None:
            await self.engine.dispose()


async def _catch_up(services: Services) -> None:
    try:
        sent = await catch_up_digests(services)
    except Exception:  # the daily jobs still run; a failed catch-up must not stop the bot
        log.exception("catching up missed digests failed")
        return
    if sent:
        log.info("sent %d digests missed while the bot was down", sent)


def _schedule_jobs(application: PoskoApplication, settings: Settings) -> None:
    """Named jobs, so they can be found (and run by tests) by name."""
    job_queue = application.job_queue
    assert job_queue is not None
    hour, minute = (int(x) for x in settings.reminder_time.split(":"))
    job_queue.run_daily(
        reminder_job, time=time(hour, minute, tzinfo=settings.timezone), name=REMINDER_JOB
    )
    job_queue.run_repeating(sweep_expired_drafts, interval=300, first=60, name=DRAFT_SWEEP_JOB)
    job_queue.run_repeating(escalate_incidents, interval=15, first=0.5, name=ESCALATION_JOB)
    job_queue.run_repeating(follow_support, interval=15, first=0.7, name=SUPPORT_JOB)
    job_queue.run_repeating(forget_old_messages_job, interval=24 * 3600, first=300, name=FORGET_JOB)


async def _set_default_menus(bot: Bot) -> None:
    for lang in ("id", "en"):
        language = None if lang == "id" else lang
        await bot.set_my_commands(
            [(c["command"], c["description"]) for c in command_menu(GUEST_COMMANDS, lang)],
            language_code=language,
        )
        await bot.set_my_commands(
            [(c["command"], c["description"]) for c in command_menu(GROUP_COMMANDS, lang)],
            scope=BotCommandScopeAllGroupChats(),
            language_code=language,
        )
