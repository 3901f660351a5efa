"""The composition root: builds the Application and everything that runs beside it."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import logging
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, BotCommandScopeAllGroupChats
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import HTTPXRequest

from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings, WebhookConfig
from bot.context import PoskoContext, Services
from bot.digest_schedule import catch_up_digests, schedule_digests
from bot.domain.maps import parse_boundaries
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
from bot.leader import INSTANCE_HEADER, PostgresLeadership, SoleLeader, instance_name
from bot.outbox import OutboxSender
from bot.web import WebServer, WebState
from bot.webhook import WebhookIntake
from storage.boundaries import BoundaryCounts, count_boundaries, upsert_boundaries
from storage.engine import create_engine, create_session_factory, is_transient
from storage.migrate import SCHEMA_CURRENT, SCHEMA_NEWER, schema_state, upgrade_database
from storage.regions import (
    ImportCounts,
    all_region_codes,
    count_regions,
    get_region,
    upsert_regions,
)

log = logging.getLogger(__name__)

BUNDLED_REGIONS = Path(__file__).resolve().parent.parent / "storage" / "data" / "wilayah_sultra.csv"
BUNDLED_BOUNDARIES = BUNDLED_REGIONS.with_name("batas_sultra.geojson.gz")

# How long `start` waits to know whether this process leads (a new leader may first wait
# out the previous one's lease).
SETTLE_SECONDS = 10.0

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
        # Every call says which process made it (a header Telegram ignores), so that with
        # a standby one can tell the instances' calls apart, in a proxy's log or a test.
        .request(HTTPXRequest(connection_pool_size=16, httpx_kwargs=_instance_headers()))
        .get_updates_request(
            HTTPXRequest(connection_pool_size=1, read_timeout=40, httpx_kwargs=_instance_headers())
        )
        .build()
    )
    application.bot_data["services"] = services
    register_handlers(application)
    return application


def _instance_headers() -> dict[str, Any]:
    return {"headers": {INSTANCE_HEADER: instance_name()}}


async def prepare_database(engine: AsyncEngine, settings: Settings, session_factory: Any) -> None:
    """Migrate, load the bundled regions into an empty database, check the admin region."""
    await upgrade_database(engine)
    async with session_factory() as session:
        if await count_regions(session) == 0:
            await import_regions_text(session, BUNDLED_REGIONS.read_text(encoding="utf-8"))
            await session.commit()
        if await count_boundaries(session) == 0:
            await import_boundaries_text(session, read_boundary_file(BUNDLED_BOUNDARIES))
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


def read_boundary_file(path: Path) -> str:
    """A GeoJSON file's text; `.gz` files are decompressed."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


async def import_boundaries_text(session: Any, text: str) -> BoundaryCounts:
    """Load outlines of known regions (BoundaryFileError, nothing written, otherwise)."""
    rows = parse_boundaries(text, known_codes=await all_region_codes(session))
    return await upsert_boundaries(session, rows=rows)


@dataclass
class PoskoRuntime:
    """Everything that runs while the bot is up: the Application, intake, outbox, jobs and
    the web server; and, on PostgreSQL, the leadership that decides whether this process
    does the work or stands by (bot/leader.py)."""

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    poll_timeout: int = 25
    webhook: WebhookConfig | None = None  # None: long polling
    webhook_server: WebServer | None = None  # the web server (it also takes the webhook)
    engine: AsyncEngine | None = None
    application: PoskoApplication | None = None
    intake: UpdateIntake | None = None
    outbox: OutboxSender | None = None
    leadership: SoleLeader | PostgresLeadership | None = None
    _services: Services | None = None
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _catch_up: asyncio.Task[None] | None = None
    _built: asyncio.Event = field(default_factory=asyncio.Event)
    _schema_ready: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def web_server(self) -> WebServer | None:
        return self.webhook_server

    async def start(self) -> None:
        self.engine = create_engine(self.settings.database_url)
        session_factory = create_session_factory(self.engine)
        if self.settings.database_url.startswith("postgresql"):
            leadership = PostgresLeadership(
                self.settings.database_url,
                prepare=self._prepare_schema,
                on_active=self._activate,
                on_inactive=self._deactivate,
            )
            self.leadership = leadership
            leadership.start()
            await self._wait_for_schema()
        else:
            sole = SoleLeader(self.settings.database_url)
            sole.acquire()  # a second `run` on this file stops here, with one line
            self.leadership = sole
            await prepare_database(self.engine, self.settings, session_factory)
        leads = self.leadership
        services = Services(
            settings=self.settings,
            session_factory=session_factory,
            clock=self.clock,
            may_lead=leads.active,
            leader_epoch=leads.epoch,
        )
        self._services = services
        self.application = build_application(self.settings, services)
        await self.application.initialize()  # getMe: checks the token
        bot = self.application.bot
        services.bot_username = bot.username
        await self.application.start()
        _schedule_jobs(self.application, self.settings)
        if not leads.active():
            self._pause_jobs()
        application = self.application

        async def reschedule() -> None:
            await schedule_digests(application, services)

        services.on_subscriptions_changed = reschedule
        self.outbox = OutboxSender(
            bot=bot,
            session_factory=session_factory,
            on_unreachable=unreachable_hook(services),
            may_send=leads.active,
            epoch=leads.epoch,
        )
        services.wake_outbox = self.outbox.wake
        self.intake = UpdateIntake(
            application=self.application, services=services, poll_timeout=self.poll_timeout
        )
        self._tasks = [
            asyncio.create_task(self.outbox.run(), name="outbox"),
            asyncio.create_task(self.intake.run_processing(), name="processing"),
        ]
        if self.webhook is None:
            self._tasks.append(asyncio.create_task(self.intake.run_polling(), name="polling"))
        await self._start_web_server(session_factory)
        self._built.set()
        if isinstance(leads, SoleLeader):
            await self._activate()
        else:
            with contextlib.suppress(TimeoutError):  # a slow database: it settles later
                await asyncio.wait_for(leads.settled.wait(), SETTLE_SECONDS)
        log.info("Posko Pemilu is running as @%s (%s)", bot.username, leads.role)

    async def _start_web_server(self, session_factory: Any) -> None:
        assert self.intake is not None and self.leadership is not None
        listen, port = self.settings.web_listen, self.settings.web_port
        if port is None and self.webhook is not None:
            listen, port = self.webhook.listen, self.webhook.port
        if port is None:
            return
        intake, outbox = self.intake, self.outbox
        webhook = None
        if self.webhook is not None:
            webhook = WebhookIntake(
                config=self.webhook,
                session_factory=session_factory,
                clock=self.clock,
                on_stored=intake.notify_stored,
            )
        state = WebState(
            session_factory=session_factory,
            role=lambda: self.leadership.role if self.leadership else "stopped",
            degraded=lambda: (
                intake.degraded
                or (outbox is not None and outbox.degraded_since is not None)
                or (self.leadership is not None and not self.leadership.database_reachable)
            ),
            webhook=webhook,
            services=self._services,
        )
        self.webhook_server = WebServer(listen=listen, port=port, state=state)
        await self.webhook_server.start()

    async def _wait_for_schema(self) -> None:
        """A standby starts once the schema is the one it knows; the leader migrates."""
        assert self.engine is not None
        announced = False
        while not self._schema_ready.is_set():
            if await schema_state(self.engine) == SCHEMA_CURRENT:
                return
            if not announced:
                log.info("standing by until the leader brings the database schema up to date")
                announced = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._schema_ready.wait(), 1.0)

    async def _prepare_schema(self) -> bool:
        """Run by the process that got the lock, before it leads: migrate (once, here)."""
        assert self.engine is not None
        if await schema_state(self.engine) == SCHEMA_NEWER:
            log.error(
                "the database schema is newer than this version knows; this process will "
                "stand by and never lead (upgrade it)"
            )
            return False
        await prepare_database(self.engine, self.settings, create_session_factory(self.engine))
        self._schema_ready.set()
        return True

    async def _activate(self) -> None:
        """This process leads: take up Telegram's side, the jobs and the backlog."""
        await self._built.wait()
        assert self.application is not None and self._services is not None
        application, services = self.application, self._services
        bot = application.bot
        try:
            if self.webhook is None:
                await bot.delete_webhook(drop_pending_updates=False)
            else:
                await bot.set_webhook(
                    self.webhook.url,
                    secret_token=self.webhook.secret,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=False,
                )
            await _set_default_menus(bot)
        except TelegramError as error:  # polling and sending retry on their own
            log.warning("setting up Telegram as leader failed: %s", error)
        await schedule_digests(application, services)
        self._resume_jobs()
        # Digests missed while no process led (once each), built while the bot already
        # answers: a restart at 07:05 must not leave everyone waiting for 500 digests.
        if self._catch_up is None or self._catch_up.done():
            self._catch_up = asyncio.create_task(_catch_up(services), name="digest catch-up")
        if self.outbox is not None:
            self.outbox.wake()
        if self.intake is not None:
            self.intake.notify_stored()

    def _deactivate(self) -> None:
        """No longer the leader: the jobs stop; intake and outbox see it themselves."""
        self._pause_jobs()
        if self._catch_up is not None and not self._catch_up.done():
            self._catch_up.cancel()

    def _pause_jobs(self) -> None:
        if self.application is not None and self.application.job_queue is not None:
            scheduler = self.application.job_queue.scheduler
            if scheduler.running:
                scheduler.pause()

    def _resume_jobs(self) -> None:
        if self.application is not None and self.application.job_queue is not None:
            scheduler = self.application.job_queue.scheduler
            if scheduler.running:
                scheduler.resume()

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
        if isinstance(self.leadership, PostgresLeadership):
            await self.leadership.stop()  # after the last send: the next leader need not wait
        elif self.leadership is not None:
            self.leadership.release()
        if self.engine is not None:
            await self.engine.dispose()


CATCH_UP_MAX_WAIT_SECONDS = 30.0


async def _catch_up(services: Services) -> None:
    # The database may be out at start (restarted, connections terminated): the missed
    # digests are then tried again with backoff, not given up until the next start.
    wait = 1.0
    while True:
        try:
            sent = await catch_up_digests(services)
        except Exception as error:  # a failed catch-up must not stop the bot
            if not is_transient(error):
                log.exception("catching up missed digests failed")
                return
            log.warning("catching up missed digests: database unavailable, again in %.0f s", wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, CATCH_UP_MAX_WAIT_SECONDS)
            continue
        break
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
