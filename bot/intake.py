"""Intake that loses nothing: store every update before confirming it, then process it once.

python-telegram-bot's own polling confirms an update (moves the getUpdates offset) before
its handlers have run, so a crash loses it. Here the poller writes each batch to the
database first and only then asks for the next batch, which is what confirms the previous
one to Telegram. A separate processor handles stored updates in order; the mark that an
update is processed is written in the same transaction as its effects, so after a crash an
update is either fully done or not done at all, and is never done twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError
from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot import metrics
from bot.i18n import normalize_language, t
from bot.unit import Services, UnitOfWork, bind_unit, release_unit
from storage.engine import foreground_work, is_outage, is_transient, read_session
from storage.models import InboundUpdate
from storage.updates import (
    claim_update,
    highest_update_id,
    pending_updates,
    record_failure,
    store_updates,
)

log = logging.getLogger(__name__)

UNREADABLE = "unreadable update"
# A group commit takes at most this many updates, or this long: a burst shares commits,
# and the first person in a group waits at most about this long more for the reply.
GROUP_MAX_UPDATES = 50
GROUP_MAX_SECONDS = 0.1
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, OSError, TimeoutError)
STANDBY_POLL_SECONDS = 0.2
POLL_RETRY_ERRORS: tuple[type[BaseException], ...] = (
    Conflict,
    NetworkError,
    TelegramError,
    *TRANSIENT_ERRORS,
    DBAPIError,
)
OUTAGE_MAX_SECONDS = 10.0
STORE_RETRY_ERRORS: tuple[type[BaseException], ...] = (*TRANSIENT_ERRORS, DBAPIError)


class DatabaseOutage(OSError):
    """The database went away while an update was processed; it stays unprocessed."""


class FatalIntakeError(Exception):
    """Polling cannot go on (token rejected); the process must stop with this message."""


class UpdateIntake:
    def __init__(
        self,
        *,
        application: Application[Any, Any, Any, Any, Any, Any],
        services: Services,
        poll_timeout: int = 25,
    ):
        self._application = application
        self._services = services
        self._poll_timeout = poll_timeout
        self._stored = asyncio.Event()
        self._stopping = False
        self.processed_count = 0
        self.degraded_since: float | None = None  # monotonic time the database went away
        self._outages = 0
        self.store_degraded_since: float | None = None  # the same, for storing updates

    def stop(self) -> None:
        self._stopping = True
        self._stored.set()

    @property
    def degraded(self) -> bool:
        """Whether storing or processing updates waits for the database."""
        return self.degraded_since is not None or self.store_degraded_since is not None

    def notify_stored(self) -> None:
        """Updates were stored by someone else (the webhook): process them now."""
        self._stored.set()

    # -- polling ------------------------------------------------------------------------
    async def run_polling(self) -> None:
        offset: int | None = None
        led = False
        failures = 0
        while not self._stopping:
            if not self._services.may_lead():
                led = False  # a standby never polls: the leader's getUpdates would end
                await asyncio.sleep(STANDBY_POLL_SECONDS)
                continue
            try:
                if not led:  # where this process, or the one before it, stopped
                    async with read_session(self._services.session_factory) as session:
                        highest = await highest_update_id(session)
                    offset = highest + 1 if highest is not None else None
                    led = True
                batch = await self._get_updates(offset)
                failures = 0
            except InvalidToken as error:
                raise FatalIntakeError("Telegram rejected the bot token") from error
            except RetryAfter as error:
                await asyncio.sleep(_seconds(error.retry_after))
                continue
            except POLL_RETRY_ERRORS as error:
                failures += 1
                delay = min(30.0, 0.5 * 2**failures)
                log.warning(
                    "getUpdates failed (%s); retrying in %.1fs", type(error).__name__, delay
                )
                led = led and isinstance(error, TelegramError)
                await asyncio.sleep(delay)
                continue
            if not batch:
                continue
            with foreground_work():  # someone is waiting for the answer
                await self._store(batch)
            offset = max(int(u["update_id"]) for u in batch) + 1
            self._stored.set()

    async def _get_updates(self, offset: int | None) -> list[dict[str, Any]]:
        data: dict[str, Any] = {
            "timeout": self._poll_timeout,
            "limit": 100,
            "allowed_updates": ALLOWED_UPDATES,
        }
        if offset is not None:
            data["offset"] = offset
        # The raw call returns Telegram's JSON untouched, which is what we store.
        bot = self._application.bot
        result = await bot._post("getUpdates", data, read_timeout=self._poll_timeout + 10)
        return list(result) if isinstance(result, list) else []

    async def _store(self, batch: list[dict[str, Any]]) -> None:
        """Write a batch; retry until it is stored, since the offset must not move past it."""
        delay = 0.5
        while True:
            try:
                async with self._services.session_factory() as session:
                    added = await store_updates(
                        session, updates=batch, now=self._services.clock.now()
                    )
                    await session.commit()
                metrics.UPDATES_RECEIVED.inc(added)
                self.store_degraded_since = None
                return
            except STORE_RETRY_ERRORS as error:
                # Not stored, so not confirmed: Telegram keeps the batch meanwhile.
                self.store_degraded_since = self.store_degraded_since or time.monotonic()
                if is_outage(error):
                    log.warning(
                        "could not store updates (%s); retrying in %.1fs", _kind(error), delay
                    )
                else:
                    log.exception("could not store updates; retrying in %.1fs", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, OUTAGE_MAX_SECONDS)

    # -- processing ---------------------------------------------------------------------
    async def run_processing(self) -> None:
        while not self._stopping:
            self._stored.clear()
            if not self._services.may_lead():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stored.wait(), STANDBY_POLL_SECONDS)
                continue
            try:
                with foreground_work():
                    handled = await self.process_stored()
            except Exception as error:
                if not is_transient(error):
                    raise
                # The database is away: the updates stay stored and unprocessed; wait,
                # longer each time, and go on where processing stopped.
                self.degraded_since = self.degraded_since or time.monotonic()
                delay = min(OUTAGE_MAX_SECONDS, 0.5 * 2 ** min(self._outages, 5))
                self._outages += 1
                log.warning("processing paused (%s); retrying in %.1fs", _kind(error), delay)
                await asyncio.sleep(delay)
                continue
            self.degraded_since = None
            self._outages = 0
            if handled == 0 and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stored.wait(), 1.0)

    async def process_stored(self) -> int:
        """Process every stored, unprocessed update in id order; return how many."""
        count = 0
        while not self._stopping and self._services.may_lead():
            async with read_session(self._services.session_factory) as session:
                rows = await pending_updates(session, limit=100)
            if not rows:
                return count
            position = 0
            while position < len(rows) and not self._stopping and self._services.may_lead():
                done, failed_at = await self._process_together(rows[position:])
                if failed_at is not None:
                    # Rolled back: the updates before the failing one go together again,
                    # the failing one alone, with retries and its failure recorded.
                    if failed_at > 0:
                        done, _ = await self._process_together(rows[position:][:failed_at])
                    if done == failed_at:
                        await self._process_with_retry(rows[position + failed_at])
                        done += 1
                    elif done == 0:
                        await self._process_with_retry(rows[position])
                        done = 1
                position += done
                count += done
        return count

    async def _process_together(self, rows: list[InboundUpdate]) -> tuple[int, int | None]:
        """Process updates one after another in one transaction (a group commit). Returns
        how many were done, and None; or, when one failed, 0 and its position, after
        rolling all of them back.

        Each update is handled exactly as alone, in order, and its processed-mark is
        written with its effects; only the commit is shared, which is what a burst or a
        catch-up pays for most. Replies and after-commit actions follow the commit. The
        group is bounded in size and time, so the first person in it waits little.
        """
        services = self._services
        started = time.monotonic()
        units: list[UnitOfWork] = []  # the updates handled, in order
        handled: list[InboundUpdate] = []
        considered = 0
        async with services.session_factory() as session:
            try:
                for row in rows[:GROUP_MAX_UPDATES]:
                    if self._stopping or (
                        considered and time.monotonic() - started > GROUP_MAX_SECONDS
                    ):
                        break
                    unit = UnitOfWork(
                        session=session,
                        now=services.clock.now(),
                        update_id=row.update_id,
                        language=services.settings.default_language,
                    )
                    considered += 1
                    if not await claim_update(
                        session,
                        update_id=row.update_id,
                        now=unit.now,
                        epoch=services.leader_epoch(),
                    ):
                        continue  # already processed (a replay), or no longer the leader
                    units.append(unit)
                    handled.append(row)
                    try:
                        update = Update.de_json(row.payload, self._application.bot)
                    except Exception:
                        await session.rollback()
                        return 0, considered - 1  # the single path records it unreadable
                    token = bind_unit(unit)
                    try:
                        await self._application.process_update(update)
                    finally:
                        release_unit(token)
                    if unit.failed is not None:
                        await session.rollback()
                        return 0, considered - 1
                await session.commit()
            except Exception as error:
                if not is_transient(error):
                    raise
                with contextlib.suppress(Exception):  # a lost connection cannot roll back
                    await session.rollback()
                return 0, max(0, considered - 1)
        self.processed_count += len(units)
        for row in handled:
            metrics.observe_processed(row.payload)
        if any(unit.queued_messages for unit in units):
            services.wake_outbox()
        for unit in units:
            for action in unit.after_commit:
                try:
                    await action()
                except TelegramError as error:  # e.g. a callback query answered too late
                    log.info("after-commit action failed: %s", error.message)
        return considered, None

    async def _process_with_retry(self, row: InboundUpdate) -> None:
        delay = 0.5
        for attempt in range(1, 6):
            try:
                await self._process(row)
                return
            except Exception as error:
                if not is_transient(error):
                    raise
                if is_outage(error):  # not this update's fault: pause processing
                    raise DatabaseOutage(_kind(error)) from error
                log.warning(
                    "update %s: transient error %s (attempt %d)",
                    row.update_id,
                    type(error).__name__,
                    attempt,
                )
                await asyncio.sleep(delay)
                delay *= 2
        await self._fail(row, "gave up after transient errors", notify=True)

    async def _process(self, row: InboundUpdate) -> None:
        services = self._services
        async with services.session_factory() as session:
            unit = UnitOfWork(
                session=session,
                now=services.clock.now(),
                update_id=row.update_id,
                language=services.settings.default_language,
            )
            if not await claim_update(
                session, update_id=row.update_id, now=unit.now, epoch=services.leader_epoch()
            ):
                return  # already processed (a replay, a duplicate), or no longer the leader
            try:
                update = Update.de_json(row.payload, self._application.bot)
            except Exception as error:  # any shape Telegram never sends: nothing to do
                await record_failure(
                    session, update_id=row.update_id, error=UNREADABLE, now=unit.now, give_up=True
                )
                await session.commit()
                log.warning(
                    "update %s could not be parsed: %s", row.update_id, type(error).__name__
                )
                return
            token = bind_unit(unit)
            try:
                await self._application.process_update(update)
            finally:
                release_unit(token)
            if unit.failed is not None:
                await session.rollback()
                if is_transient(unit.failed):
                    raise unit.failed
                await self._fail(row, repr(unit.failed)[:500], notify=True, update=update)
                return
            await session.commit()
        self.processed_count += 1
        metrics.observe_processed(row.payload)
        if unit.queued_messages:
            services.wake_outbox()
        for action in unit.after_commit:
            try:
                await action()
            except TelegramError as error:  # e.g. a callback query answered too late
                log.info("after-commit action failed: %s", error.message)

    async def _fail(
        self, row: InboundUpdate, error: str, *, notify: bool, update: Update | None = None
    ) -> None:
        """Record a failed update once, and tell the person who is waiting, if any."""
        log.error("update %s failed: %s", row.update_id, error)
        services = self._services
        async with services.session_factory() as session:
            await record_failure(
                session,
                update_id=row.update_id,
                error=error,
                now=services.clock.now(),
                give_up=True,
            )
            chat = update.effective_chat if update is not None else None
            user = update.effective_user if update is not None else None
            if notify and chat is not None and chat.type == "private":
                unit = UnitOfWork(session=session, now=services.clock.now())
                language = normalize_language(
                    user.language_code if user else None, services.settings.default_language
                )
                unit.send(chat.id, t(language, "error.generic"))
            await session.commit()
        services.wake_outbox()


def _kind(error: BaseException) -> str:
    cause = error.__cause__ or error
    return f"{type(error).__name__}: {type(cause).__name__}"


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
