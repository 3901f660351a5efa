"""Fault injection and Telegram's send limits.

Both are off by default; tests switch them on through the control API.  A faulted call
raises before it can take effect, so the bot sees exactly what a failed request means on
Telegram: nothing happened.
"""

from __future__ import annotations

import asyncio
import math
import random
import time

from bot.sandbox.model import ApiError, Chat, Faults
from bot.sandbox.shapes import CallRecord
from bot.sandbox.world import World


class Limits(World):
    """Seeded fault injection and Telegram's documented send limits."""

    async def _maybe_fault(self, name: str, record: CallRecord) -> None:
        """Inject a configured fault; a faulted call raises before it can take effect."""
        faults = self._faults
        if not faults.active:
            return
        if name == "getUpdates" and not faults.include_get_updates:
            return
        if faults.methods is not None and name.lower() not in faults.methods:
            return
        roll = faults.rng.random()
        kind = faults.rng.random()
        slow_roll = faults.rng.random()
        if roll < faults.rate_429:
            record["fault"] = "429"
            retry = faults.retry_after
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        if roll < faults.rate_429 + faults.rate_5xx:
            if kind < 0.5:
                record["fault"] = "500"
                raise ApiError(500, "Internal Server Error")
            record["fault"] = "502"
            raise ApiError(502, "Bad Gateway")
        if slow_roll < faults.rate_slow and faults.slow_seconds > 0:
            record["fault"] = "slow"
            await asyncio.sleep(faults.slow_seconds)

    def _check_flood(self, chat: Chat) -> None:
        """Telegram's documented send limits, enforced only when switched on."""
        if not self.enforce_rate_limits:
            return
        now = time.monotonic()
        glob = self._sent_global
        while glob and glob[0] <= now - 1.0:
            glob.popleft()
        if len(glob) >= 30:
            self._flood(glob[0] + 1.0 - now)
        if chat.is_group:
            window = self._sent_group[chat.id]
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= 20:
                self._flood(window[0] + 60.0 - now)
            window.append(now)
        else:
            # Token bucket: 1 message/s sustained, bursts of up to 3.
            tokens, last = self._private_bucket.get(chat.id, (3.0, now))
            tokens = min(3.0, tokens + (now - last))
            if tokens < 1.0:
                self._private_bucket[chat.id] = (tokens, now)
                self._flood(1.0 - tokens)
            self._private_bucket[chat.id] = (tokens - 1.0, now)
        glob.append(now)

    @staticmethod
    def _flood(seconds: float) -> None:
        retry = max(1, math.ceil(seconds))
        raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})

    def set_faults(
        self,
        *,
        rate_429: float = 0.0,
        retry_after: int = 1,
        rate_5xx: float = 0.0,
        rate_slow: float = 0.0,
        slow_seconds: float = 0.0,
        methods: list[str] | None = None,
        include_get_updates: bool = False,
        seed: int = 0,
    ) -> None:
        self._faults = Faults(
            rate_429=rate_429,
            retry_after=retry_after,
            rate_5xx=rate_5xx,
            rate_slow=rate_slow,
            slow_seconds=slow_seconds,
            methods=frozenset(m.lower() for m in methods) if methods is not None else None,
            include_get_updates=include_get_updates,
            rng=random.Random(seed),
        )

    def clear_faults(self) -> None:
        self._faults = Faults()

    def set_rate_limits(self, on: bool) -> None:
        """Switch the send limits on or off, starting from empty windows either way."""
        self.enforce_rate_limits = on
        self._sent_global.clear()
        self._sent_group.clear()
        self._private_bucket.clear()
