"""Telegram's sending limits: how long until a chat may receive again.

Limits (Bot API FAQ): about 30 messages per second overall and 20 per minute in one group
(sliding windows), and about one per second in one private chat, where short bursts are
tolerated: a token bucket of 3 that refills one message every 1.1 s. A window of "3 in
3.1 s" (before) made the fourth of six quick replies wait 3 s, then the fifth and sixth
came at once; the bucket sends the fourth after 1.1 s, the fifth after 2.2 s, which is the
pace Telegram keeps to and what the double enforces. Pure: the caller supplies the
monotonic time.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Window:
    count: int
    seconds: float


# Telegram counts a message when it arrives, which is some moment between the call's start
# and its answer; how long after the start depends on the network and on this process's
# own event loop (measured: 1 to 120 ms under load). So a call holds its place in the
# global window from its start until one window length after its answer: then whatever
# moment Telegram stamped, no more than 30 of its stamps fall within a second, and no margin
# on the window length is needed (a fixed 3% one was not enough when sends got bunched).
GLOBAL_LIMIT = Window(30, 1.0)
# While every place in the global window is held by a call under way, an answer frees one
# first; how often a waiting send looks again.
OPEN_CALL_POLL_SECONDS = 0.005
GROUP_LIMIT = Window(20, 61.0)
PRIVATE_LIMIT = Window(3, 3.1)  # the old private window, kept for callers that name it


@dataclass(frozen=True)
class Bucket:
    capacity: float  # messages that may go at once
    refill_seconds: float  # one more message allowed after this long


# 10% slower than Telegram's 1/s: a send is stamped before its call, Telegram on arrival.
PRIVATE_BUCKET = Bucket(3.0, 1.1)
# Methods that put a new message in a chat; edits and callback answers do not.
NEW_MESSAGE_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "sendLocation"})


def is_group_chat(chat_id: int) -> bool:
    return chat_id < 0


@dataclass
class SendLimiter:
    global_limit: Window = GLOBAL_LIMIT
    group_limit: Window = GROUP_LIMIT
    private_limit: Window = PRIVATE_LIMIT
    private_bucket: Bucket = PRIVATE_BUCKET
    _global: deque[float] = field(default_factory=deque)  # when finished calls were answered
    _global_open: int = 0  # calls under way: each holds a place until its answer
    _per_chat: dict[int, deque[float]] = field(default_factory=dict)
    # Private chats: (tokens, when they were counted).
    _private: dict[int, tuple[float, float]] = field(default_factory=dict)

    def wait_time(self, chat_id: int, method: str, now: float) -> float:
        """Seconds to wait before this call stays inside every window (0 = send now)."""
        return max(self.global_wait(now), self.chat_wait(chat_id, method, now))

    def global_wait(self, now: float) -> float:
        times, limit = self._global, self.global_limit
        _trim(times, limit, now)
        taken = len(times) + self._global_open
        if taken < limit.count:
            return 0.0
        expiring = taken - limit.count  # the answered call whose expiry frees a place
        if expiring >= len(times):
            return OPEN_CALL_POLL_SECONDS  # only calls under way hold places
        return max(0.0, times[expiring] + limit.seconds - now)

    def global_room(self, now: float) -> int:
        """How many calls the global window takes right now."""
        _trim(self._global, self.global_limit, now)
        return max(0, self.global_limit.count - len(self._global) - self._global_open)

    def chat_wait(self, chat_id: int, method: str, now: float) -> float:
        if method not in NEW_MESSAGE_METHODS:
            return 0.0
        if not is_group_chat(chat_id):
            tokens = self._tokens(chat_id, now)
            return 0.0 if tokens >= 1.0 else (1.0 - tokens) * self.private_bucket.refill_seconds
        return _window_wait(self._per_chat.get(chat_id), self.group_limit, now)

    def _tokens(self, chat_id: int, now: float) -> float:
        bucket = self.private_bucket
        tokens, then = self._private.get(chat_id, (bucket.capacity, now))
        return min(bucket.capacity, tokens + max(0.0, now - then) / bucket.refill_seconds)

    def record(self, chat_id: int, method: str, now: float) -> None:
        self.record_global(now)
        self.record_chat(chat_id, method, now)

    def record_global(self, now: float) -> None:
        """A call that started and was answered at `now`."""
        self._global.append(now)
        _trim(self._global, self.global_limit, now)

    def begin_global(self) -> None:
        """A call starts: it holds a place in the global window until `end_global`."""
        self._global_open += 1

    def end_global(self, now: float) -> None:
        """The call's answer (or its failure) arrived at `now`: its place frees one window
        length later."""
        self._global_open = max(0, self._global_open - 1)
        self.record_global(now)

    def record_chat(self, chat_id: int, method: str, now: float) -> None:
        if method not in NEW_MESSAGE_METHODS:
            return
        if not is_group_chat(chat_id):
            self._private[chat_id] = (self._tokens(chat_id, now) - 1.0, now)
            return
        times = self._per_chat.setdefault(chat_id, deque())
        times.append(now)
        _trim(times, self.group_limit, now)

    def end_chat(self, chat_id: int, method: str, now: float) -> None:
        """The call's answer came at `now`: a private chat's bucket refills only from then,
        since Telegram counted the message on its arrival, which may have come that late."""
        state = self._private.get(chat_id)
        if method in NEW_MESSAGE_METHODS and state is not None and now > state[1]:
            self._private[chat_id] = (state[0], now)

    def forget_idle(self, now: float) -> None:
        """Drop per-chat history that can no longer matter (bounded memory)."""
        for chat_id in [
            c
            for c, times in self._per_chat.items()
            if not times or now - times[-1] > self.group_limit.seconds
        ]:
            del self._per_chat[chat_id]
        full = self.private_bucket.capacity * self.private_bucket.refill_seconds
        for chat_id in [c for c, (_, then) in self._private.items() if now - then > full]:
            del self._private[chat_id]


def _trim(times: deque[float], limit: Window, now: float) -> None:
    while times and now - times[0] >= limit.seconds:
        times.popleft()
    while len(times) > limit.count:
        times.popleft()


def _window_wait(times: deque[float] | None, limit: Window, now: float) -> float:
    if not times:
        return 0.0
    _trim(times, limit, now)
    if len(times) < limit.count:
        return 0.0
    return max(0.0, times[0] + limit.seconds - now)
