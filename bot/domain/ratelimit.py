"""Telegram's sending limits as sliding windows: how long until a chat may receive again.

Limits (Bot API FAQ): about 30 messages per second overall, 20 per minute in one group,
and about one per second in one private chat (short bursts are tolerated, so a reply and
its follow-up are not held back). Pure: the caller supplies the monotonic time.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Window:
    count: int
    seconds: float


# Each window is a little longer than Telegram's: a send is stamped here before its HTTP
# call, Telegram stamps it on arrival, and network jitter must not squeeze a window.
GLOBAL_LIMIT = Window(30, 1.03)
GROUP_LIMIT = Window(20, 61.0)
PRIVATE_LIMIT = Window(3, 3.1)
# Methods that put a new message in a chat; edits and callback answers do not.
NEW_MESSAGE_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "sendLocation"})


def is_group_chat(chat_id: int) -> bool:
    return chat_id < 0


@dataclass
class SendLimiter:
    global_limit: Window = GLOBAL_LIMIT
    group_limit: Window = GROUP_LIMIT
    private_limit: Window = PRIVATE_LIMIT
    _global: deque[float] = field(default_factory=deque)
    _per_chat: dict[int, deque[float]] = field(default_factory=dict)

    def wait_time(self, chat_id: int, method: str, now: float) -> float:
        """Seconds to wait before this call stays inside every window (0 = send now)."""
        return max(self.global_wait(now), self.chat_wait(chat_id, method, now))

    def global_wait(self, now: float) -> float:
        return _window_wait(self._global, self.global_limit, now)

    def global_room(self, now: float) -> int:
        """How many calls the global window takes right now."""
        _trim(self._global, self.global_limit, now)
        return max(0, self.global_limit.count - len(self._global))

    def chat_wait(self, chat_id: int, method: str, now: float) -> float:
        if method not in NEW_MESSAGE_METHODS:
            return 0.0
        limit = self.group_limit if is_group_chat(chat_id) else self.private_limit
        return _window_wait(self._per_chat.get(chat_id), limit, now)

    def record(self, chat_id: int, method: str, now: float) -> None:
        self.record_global(now)
        self.record_chat(chat_id, method, now)

    def record_global(self, now: float) -> None:
        self._global.append(now)
        _trim(self._global, self.global_limit, now)

    def record_chat(self, chat_id: int, method: str, now: float) -> None:
        if method in NEW_MESSAGE_METHODS:
            limit = self.group_limit if is_group_chat(chat_id) else self.private_limit
            times = self._per_chat.setdefault(chat_id, deque())
            times.append(now)
            _trim(times, limit, now)

    def forget_idle(self, now: float) -> None:
        """Drop per-chat history that can no longer matter (bounded memory)."""
        for chat_id in [
            c
            for c, times in self._per_chat.items()
            if not times or now - times[-1] > self.group_limit.seconds
        ]:
            del self._per_chat[chat_id]


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
