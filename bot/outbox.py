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
import logging
import random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.charts import render_chart
from bot.domain.ratelimit import SendLimiter
from storage.engine import SessionFactory
from storage.models import OutboxMessage
from storage.outbox import (
    CHART,
    DOCUMENT_PATH,
    EDIT_OF_OUTBOX,
    earliest_retry_time,
    mark_failed,
    mark_sent,
    next_sendable,
    pending_count,
    postpone,
    sent_message_id_of,
)

log = logging.getLogger(__name__)

UnreachableHook = Callable[[int, str], Awaitable[None]]
MAX_BACKOFF_SECONDS = 60.0
IDLE_POLL_SECONDS = 5.0
_UNREACHABLE_MARKERS = ("chat not found", "user not found", "bot was kicked", "not a member")


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
    ):
        self._bot = bot
        self._session_factory = session_factory
        self._semaphore = asyncio.Semaphore(concurrency)
        self._limiter = limiter or SendLimiter()
        self._on_unreachable = on_unreachable
        self._wake = asyncio.Event()
        self._stopping = False
        self._in_flight: set[int] = set()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            try:
                sent_any = await self._send_round()
            except Exception:  # a database hiccup must not end the sender
                log.exception("outbox round failed; retrying")
                sent_any = False
                await asyncio.sleep(1.0)
            if not sent_any:
                await self._idle()

    async def _idle(self) -> None:
        timeout = IDLE_POLL_SECONDS
        async with self._session_factory() as session:
            retry_at = await earliest_retry_time(session)
        if retry_at is not None:
            timeout = min(timeout, max(0.05, (retry_at - _real_now()).total_seconds()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)
        self._wake.clear()

    async def _send_round(self) -> bool:
        async with self._session_factory() as session:
            batch = await next_sendable(session, now=_real_now(), limit=50)
        batch = [m for m in batch if m.id not in self._in_flight]
        if not batch:
            return False
        tasks: list[asyncio.Task[None]] = []
        shortest_wait: float | None = None
        for message in batch:
            while True:
                wait = self._limiter.wait_time(message.chat_id, message.method, time.monotonic())
                if wait <= 0:
                    break
                if self._limiter.global_wait(time.monotonic()) > 0:
                    await asyncio.sleep(wait)  # the global window is full: everyone waits
                    continue
                break  # only this chat's window is full: skip it this round
            if wait > 0:
                shortest_wait = wait if shortest_wait is None else min(shortest_wait, wait)
                continue
            self._limiter.record(message.chat_id, message.method, time.monotonic())
            assert message.id is not None
            self._in_flight.add(message.id)
            tasks.append(asyncio.create_task(self._send_one(message)))
        if tasks:
            await asyncio.gather(*tasks)
            self._limiter.forget_idle(time.monotonic())
            return True
        if shortest_wait is not None:
            await asyncio.sleep(min(shortest_wait, IDLE_POLL_SECONDS))
            return True
        return False

    async def _send_one(self, message: OutboxMessage) -> None:
        assert message.id is not None
        try:
            async with self._semaphore:
                outcome = await self._attempt(message)
            async with self._session_factory() as session:
                await outcome(session)
                await session.commit()
        finally:
            self._in_flight.discard(message.id)

    async def _attempt(self, message: OutboxMessage) -> Callable[[Any], Awaitable[None]]:
        """Make the call; return what to record about it."""
        assert message.id is not None
        message_id = message.id
        payload = dict(message.payload)
        if EDIT_OF_OUTBOX in payload:
            async with self._session_factory() as session:
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
            delay = error.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            until = _real_now() + timedelta(seconds=seconds)
            log.warning("429 for chat %s: retry after %.1fs", message.chat_id, seconds)
            return lambda s: postpone(
                s, message_id=message_id, until=until, error="429", count_attempt=False
            )
        except FileNotFoundError:
            return await self._permanent(message, "file to send is gone", unreachable=False)
        except Forbidden as error:
            return await self._permanent(message, f"forbidden: {error.message}", unreachable=True)
        except BadRequest as error:
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
            backoff = min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** min(message.attempts, 7))
            backoff *= 0.75 + random.random() / 2  # jitter, so retries do not march in step
            until = _real_now() + timedelta(seconds=backoff)
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
        if document is not None:
            await asyncio.to_thread(Path(document).unlink, missing_ok=True)
        sent_id = result.get("message_id") if isinstance(result, dict) else None
        return lambda s: mark_sent(
            s, message_id=message_id, now=_real_now(), sent_message_id=sent_id
        )

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
        self, message: OutboxMessage, error: str, unreachable: bool
    ) -> Callable[[Any], Awaitable[None]]:
        assert message.id is not None
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
