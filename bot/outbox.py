"""The one sender of everything the bot owes: reads the outbox, respects Telegram's limits.

Handlers never call Telegram to send; they add outbox rows inside their transaction. This
task sends them: a chat's messages strictly in order, the most urgent chats first, inside
Telegram's rate windows, retrying 429 after `retry_after` and 5xx or network errors with
backoff, and recording a permanent failure (blocked, chat gone) without holding back others.

Retry times are transport times from the real clock, not the domain clock that tests move.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import metrics
from bot.charts import render_chart
from bot.domain.ratelimit import SendLimiter
from bot.unit import PRIORITY_BULK
from storage.engine import SessionFactory, foreground_work, is_outage, is_transient, read_session
from storage.outbox import (
    CHART,
    DOCUMENT_PATH,
    EDIT_OF_OUTBOX,
    Outgoing,
    SendCandidate,
    earliest_retry_time,
    mark_failed,
    mark_sent,
    messages_by_id,
    next_sendable,
    pending_count,
    postpone,
    sent_message_id_of,
)
from storage.updates import leads

log = logging.getLogger(__name__)

UnreachableHook = Callable[[int, str], Awaitable[None]]
Outcome = Callable[[Any], Awaitable[None]]  # records what became of a send, in a session
MAX_BACKOFF_SECONDS = 60.0
MAX_OUTAGE_SECONDS = 10.0
# The sender is woken when rows are written; this poll is only the safety net that bounds
# any missed wake-up, so it is short.
IDLE_POLL_SECONDS = 1.0
# Bulk messages allowed to wait for the global window in a send slot: enough to keep the
# window full, few enough that an alert waits behind at most these (~70 ms at 30/s).
BULK_AHEAD = 2
# Bulk messages are started at most this often, leaving about two messages a second of
# Telegram's 30 free for replies and alerts, which then never wait for the window.
BULK_PER_SECOND = 28.0
BULK_SPACING = 1.0 / BULK_PER_SECOND
BULK_CATCH_UP = 3
_UNREACHABLE_MARKERS = ("chat not found", "user not found", "bot was kicked", "not a member")


def _error_kind(error: TelegramError) -> str:
    """5xx for Telegram's server errors, else network (timeouts, refused connections)."""
    text = str(error)
    if re.search(r"Bad Gateway|Internal Server Error|Service Unavailable|\(5\d\d\)", text):
        return "5xx"
    return "network" if isinstance(error, NetworkError) else "other"


def _real_now() -> datetime:
    return datetime.now(UTC)


class OutboxSender:
    def __init__(
        self,
        *,
        bot: Bot,
        session_factory: SessionFactory,
        concurrency: int = 8,
        limiter: SendLimiter | None = None,
        on_unreachable: UnreachableHook | None = None,
        may_send: Callable[[], bool] = lambda: True,
        epoch: Callable[[], int | None] = lambda: None,
    ):
        self._bot = bot
        self._session_factory = session_factory
        self._concurrency = concurrency
        # When each send's outcome was recorded (monotonic): a dispatch skips rows that
        # completed after its query began, since its view of them may be stale.
        self._completed_at: dict[int, float] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._window_wait: float | None = None
        self._limiter = limiter or SendLimiter()
        self._on_unreachable = on_unreachable
        self._wake = asyncio.Event()
        self._pacer = asyncio.Lock()
        self._stopping = False
        self._in_flight: set[int] = set()
        # When postponed messages fall due. Only this sender postpones, so after one query
        # at start it knows them all, and an idle sender asks the database nothing.
        self._retry_times: list[datetime] = []
        # Finished sends whose outcome is not recorded yet (None: nothing to record).
        self._outcomes: list[tuple[int, Outcome | None]] = []
        self._recording = False
        # Sends started but not yet through the global window (counted in it).
        self._unpaced = 0
        self._forgot_at = 0.0
        self._bulk_next = 0.0  # monotonic time the next bulk message may start
        self._urgent_waiting = 0  # replies and alerts waiting for the global window
        # Only the leader sends (bot/leader.py): checked before each dispatch, against
        # the database's epoch, and before each call, against the leader's lease.
        self._may_send = may_send
        self._epoch = epoch
        self._led = False
        self.degraded_since: float | None = None  # monotonic time the database went away

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        failures = 0
        while not self._stopping:
            if not self._may_send():
                self._led = False
                await asyncio.sleep(0.2)
                continue
            try:
                if not self._led:
                    async with read_session(self._session_factory) as session:
                        retry_at = await earliest_retry_time(session)  # earlier postponements
                    if retry_at is not None:
                        self._remember_retry(retry_at)
                    self._led = True
                dispatched = await self._dispatch()
                failures = 0
                self.degraded_since = None
            except Exception as error:  # a database outage must not end the sender
                delay = min(MAX_OUTAGE_SECONDS, 0.5 * 2 ** min(failures, 5))
                failures += 1
                self.degraded_since = self.degraded_since or time.monotonic()
                if is_outage(error):
                    log.warning(
                        "outbox paused: database unavailable (%s); retrying in %.1fs",
                        type(error).__name__,
                        delay,
                    )
                else:
                    log.exception("outbox dispatch failed; retrying in %.1fs", delay)
                dispatched = False
                await asyncio.sleep(delay)
            if not dispatched:
                await self._idle()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._record_outcomes()  # the last sends' outcomes

    async def _idle(self) -> None:
        """Wait for new rows, a free slot, or the next retry or window, whichever is first."""
        timeout = IDLE_POLL_SECONDS
        now = _real_now()
        while self._retry_times and self._retry_times[0] <= now:
            heapq.heappop(self._retry_times)  # due: the next dispatch picks it up
        if self._retry_times:
            timeout = min(timeout, max(0.05, (self._retry_times[0] - now).total_seconds()))
        if self._window_wait is not None:
            timeout = min(timeout, max(0.005, self._window_wait))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)
        self._wake.clear()

    async def _dispatch(self) -> bool:
        """Start sends into the free slots, most urgent chats first.

        At most `concurrency` calls are under way, and every freed slot chooses again by
        priority: an alert written during a broadcast waits for one slot, not for the
        broadcast. A chat whose own window is full is skipped until it opens.
        """
        free = self._concurrency - len(self._in_flight)
        if free <= 0:
            return False
        # Not a read-only snapshot: it must see every outcome already recorded. Outcomes
        # recorded after the query began (while its session closes, say) are caught by
        # `_completed_at` below; without that, a message just sent could go twice.
        query_began = time.monotonic()
        chosen: list[int] = []
        try:
            async with self._session_factory() as session:
                if not await leads(session, epoch=self._epoch()):
                    return False  # another process leads now: send nothing more
                batch = await next_sendable(session, now=_real_now(), limit=free + 50)
                chosen = self._choose(batch, free, query_began)
                messages = await messages_by_id(session, ids=chosen)
        except BaseException:
            self._release(chosen)  # or they would stay "in flight" and never be sent
            raise
        urgent = {c.id for c in batch if c.priority < PRIORITY_BULK}
        for message in messages:
            task = asyncio.create_task(self._send_one(message, urgent=message.id in urgent))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        self._release(set(chosen) - {m.id for m in messages})  # vanished: never expected
        return bool(messages)

    def _release(self, message_ids: Iterable[int]) -> None:
        """Chosen messages that will not be sent after all free their slots."""
        for message_id in message_ids:
            self._in_flight.discard(message_id)
            self._unpaced -= 1

    def _choose(self, batch: list[SendCandidate], free: int, query_began: float) -> list[int]:
        """Which candidates to start now, counted in the windows and marked in flight."""
        self._window_wait = None
        chosen: list[int] = []
        for message in batch:
            if len(chosen) >= free:
                break
            if message.id in self._in_flight:
                continue
            if self._completed_at.get(message.id, float("-inf")) >= query_began:
                continue  # its outcome came after this query: the row may be stale
            wait = self._limiter.chat_wait(message.chat_id, message.method, time.monotonic())
            if wait > 0:
                self._window_wait = (
                    wait if self._window_wait is None else min(self._window_wait, wait)
                )
                continue
            if message.priority >= PRIORITY_BULK:
                now = time.monotonic()
                if now < self._bulk_next:
                    # Bulk goes evenly, at most BULK_PER_SECOND: a broadcast that kept
                    # Telegram's window full would repeat, every window length, any gap
                    # it once had (nothing expires where nothing was sent), and an alert
                    # falling in that echo waited for it (0.5-0.8 s, every third alert).
                    wait = self._bulk_next - now
                    self._window_wait = (
                        wait if self._window_wait is None else min(self._window_wait, wait)
                    )
                    continue
                if self._limiter.global_room(now) - self._unpaced <= -BULK_AHEAD:
                    # Bulk waits here, not in a slot: slots full of digests waiting for the
                    # global window would make the next alert queue behind all of them.
                    # A few go ahead and wait in a slot, so the window never idles.
                    wait = max(0.005, self._limiter.global_wait(now))
                    self._window_wait = (
                        wait if self._window_wait is None else min(self._window_wait, wait)
                    )
                    continue
            if message.priority >= PRIORITY_BULK:
                # A sender that fell behind may catch up by a few, never by a burst.
                floor = time.monotonic() - BULK_CATCH_UP * BULK_SPACING
                self._bulk_next = max(floor, self._bulk_next) + BULK_SPACING
            # Counted in the chat's window now, so the next pass does not start it twice.
            self._limiter.record_chat(message.chat_id, message.method, time.monotonic())
            self._unpaced += 1
            self._in_flight.add(message.id)
            chosen.append(message.id)
        return chosen

    async def _send_one(self, message: Outgoing, *, urgent: bool = False) -> None:
        with foreground_work() if urgent else contextlib.nullcontext():
            await self._send_and_note(message, urgent=urgent)

    async def _send_and_note(self, message: Outgoing, *, urgent: bool) -> None:
        try:
            # The global window is paced here, just before the call; the call holds its
            # place from now until a window length after its answer, since Telegram counts
            # it on arrival, which may come late (a stalled loop, the network).
            try:
                if urgent:
                    await self._pace_urgent()
                else:
                    await self._pace_bulk()
            finally:
                self._unpaced -= 1
            try:
                if self._may_send():
                    outcome = await self._attempt(message)
                else:  # the lease lapsed while this send waited: the next leader sends it
                    outcome = None
            finally:
                answered = time.monotonic()  # it arrived by now
                self._limiter.end_global(answered)
                self._limiter.end_chat(message.chat_id, message.method, answered)
        except Exception:
            log.exception("outbox message %s: the send failed unexpectedly", message.id)
            outcome = None
        self._outcomes.append((message.id, outcome))
        if not self._recording:
            self._recording = True
            task = asyncio.create_task(self._record_outcomes())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pace_bulk(self) -> None:
        """One bulk send waits for the window at a time; the others queue on the lock in
        the order they started, instead of all waking each time it opens. A reply or an
        alert waiting for the window goes first."""
        async with self._pacer:
            for _ in range(200):  # a window opens within a second; bounded anyway
                now = time.monotonic()
                wait = self._limiter.global_wait(now)
                if wait <= 0 and not self._urgent_waiting:
                    break
                await asyncio.sleep(max(wait, 0.005))
            self._limiter.begin_global()

    async def _pace_urgent(self) -> None:
        """Replies and alerts do not queue behind bulk sends waiting for the window."""
        self._urgent_waiting += 1
        try:
            for _ in range(100):
                wait = self._limiter.global_wait(time.monotonic())
                if wait <= 0:
                    break  # checked and counted with no await between: no overbooking
                await asyncio.sleep(wait)
            self._limiter.begin_global()
        finally:
            self._urgent_waiting -= 1

    async def _record_outcomes(self) -> None:
        """Record the outcomes of finished sends, as many as have gathered, in one
        transaction (sends finishing while it commits go in the next one). A message stays
        in flight until its outcome is committed, so no dispatch can start it again."""
        try:
            delay = 0.5
            while self._outcomes:
                batch, self._outcomes = self._outcomes, []
                try:
                    async with self._session_factory() as session:
                        for _, outcome in batch:
                            if outcome is not None:
                                await outcome(session)
                        await session.commit()
                except Exception as error:
                    if is_transient(error) and not self._stopping:
                        # Keep them in flight and try again: dropping what was sent would
                        # send it twice once the database is back.
                        self._outcomes = batch + self._outcomes
                        log.warning(
                            "recording %d outbox outcomes failed (%s); retrying in %.1fs",
                            len(batch),
                            type(error).__name__,
                            delay,
                        )
                        await asyncio.sleep(delay)
                        delay = min(delay * 2, MAX_OUTAGE_SECONDS)
                        continue
                    log.exception("recording %d outbox outcomes failed", len(batch))
                now = time.monotonic()
                for message_id, _ in batch:
                    self._completed_at[message_id] = now
                    self._in_flight.discard(message_id)
                if len(self._completed_at) > 10_000:  # only recent ones matter
                    self._completed_at = {
                        k: v for k, v in self._completed_at.items() if now - v < 60
                    }
                if now - self._forgot_at > 5.0:  # a scan of every chat: not per batch
                    self._limiter.forget_idle(now)
                    self._forgot_at = now
                self._wake.set()  # slots are free
        finally:
            self._recording = False

    async def _attempt(self, message: Outgoing) -> Callable[[Any], Awaitable[None]]:
        """Make the call; return what to record about it."""
        message_id = message.id
        payload = dict(message.payload)
        if EDIT_OF_OUTBOX in payload:
            async with read_session(self._session_factory) as session:
                target = await sent_message_id_of(session, outbox_id=payload.pop(EDIT_OF_OUTBOX))
            if target is None:  # the original was never delivered: nothing to edit
                return lambda s: mark_failed(
                    s, message_id=message_id, now=_real_now(), error="original not sent"
                )
            payload["message_id"] = target
        document = payload.pop(DOCUMENT_PATH, None)
        chart = payload.pop(CHART, None)
        try:
            if chart is not None:
                result = await self._send_chart(chart, payload)
            elif document is not None:
                result = await self._send_file(Path(document), payload)
            else:
                # The raw call keeps the stored payload exactly as the handler wrote it.
                result = await self._bot._post(message.method, payload)
        except RetryAfter as error:
            metrics.count_send_error("429")
            delay = error.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            until = _real_now() + timedelta(seconds=seconds)
            self._remember_retry(until)
            log.warning("429 for chat %s: retry after %.1fs", message.chat_id, seconds)
            return lambda s: postpone(
                s, message_id=message_id, until=until, error="429", count_attempt=False
            )
        except FileNotFoundError:
            return await self._permanent(message, "file to send is gone", unreachable=False)
        except Forbidden as error:
            metrics.count_send_error("4xx")
            return await self._permanent(message, f"forbidden: {error.message}", unreachable=True)
        except BadRequest as error:
            metrics.count_send_error("4xx")
            text = error.message.lower()
            if "message is not modified" in text:
                return lambda s: mark_sent(
                    s, message_id=message_id, now=_real_now(), sent_message_id=None
                )
            unreachable = any(marker in text for marker in _UNREACHABLE_MARKERS)
            if not unreachable:
                log.error("outbox %s %s rejected: %s", message.method, message_id, error.message)
            return await self._permanent(message, f"bad request: {error.message}", unreachable)
        except (NetworkError, TelegramError) as error:
            metrics.count_send_error(_error_kind(error))
            backoff = min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** min(message.attempts, 7))
            backoff *= 0.75 + random.random() / 2  # jitter, so retries do not march in step
            until = _real_now() + timedelta(seconds=backoff)
            self._remember_retry(until)
            reason = f"{type(error).__name__}: {error}"[:200]
            log.warning(
                "outbox %s to %s failed (%s); retry in %.1fs",
                message.method,
                message.chat_id,
                type(error).__name__,
                backoff,
            )
            return lambda s: postpone(
                s, message_id=message_id, until=until, error=reason, count_attempt=True
            )
        metrics.SENDS.inc()
        if document is not None:
            await asyncio.to_thread(Path(document).unlink, missing_ok=True)
        sent_id = result.get("message_id") if isinstance(result, dict) else None
        return lambda s: mark_sent(
            s, message_id=message_id, now=_real_now(), sent_message_id=sent_id
        )

    def _remember_retry(self, until: datetime) -> None:
        heapq.heappush(self._retry_times, until)

    async def _send_file(self, path: Path, payload: dict[str, Any]) -> dict[str, Any]:
        """Upload a file from disk; the outbox row holds only its path."""
        data = await asyncio.to_thread(path.read_bytes)
        sent = await self._bot.send_document(
            chat_id=payload["chat_id"],
            document=data,
            filename=payload.get("filename") or path.name,
            caption=payload.get("caption"),
            message_thread_id=payload.get("message_thread_id"),
            read_timeout=60,
            write_timeout=60,
        )
        return {"message_id": sent.message_id}

    async def _send_chart(self, chart: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        """Draw the chart now, outside any transaction, and send it as a photo."""
        png = await asyncio.to_thread(render_chart, chart)
        sent = await self._bot.send_photo(
            chat_id=payload["chat_id"],
            photo=png,
            caption=payload.get("caption"),
            message_thread_id=payload.get("message_thread_id"),
            read_timeout=60,
            write_timeout=60,
        )
        return {"message_id": sent.message_id}

    async def _permanent(
        self, message: Outgoing, error: str, unreachable: bool
    ) -> Callable[[Any], Awaitable[None]]:
        message_id = message.id
        if unreachable and self._on_unreachable is not None:
            try:
                await self._on_unreachable(message.chat_id, error)
            except Exception:
                log.exception("unreachable-recipient hook failed for chat %s", message.chat_id)
        return lambda s: mark_failed(s, message_id=message_id, now=_real_now(), error=error)

    async def wait_until_idle(self, limit_seconds: float = 10.0) -> None:
        """Wait until nothing is pending (tests and the demo use it)."""
        deadline = time.monotonic() + limit_seconds
        while time.monotonic() < deadline:
            async with self._session_factory() as session:
                if await pending_count(session) == 0 and not self._in_flight:
                    return
            self.wake()
            await asyncio.sleep(0.05)
        raise TimeoutError("outbox still has pending messages")
