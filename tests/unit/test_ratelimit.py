from __future__ import annotations

from bot.domain.ratelimit import SendLimiter


def _send_all(
    limiter: SendLimiter, chat_id: int, n: int, start: float, method: str = "sendMessage"
) -> float:
    """Send n messages as fast as the limiter allows; return the time of the last one."""
    now = start
    for _ in range(n):
        now += limiter.wait_time(chat_id, method, now)
        limiter.record(chat_id, method, now)
    return now


def test_group_gets_at_most_twenty_per_minute() -> None:
    limiter = SendLimiter()
    last = _send_all(limiter, -100, 41, 0.0)
    assert last >= 120.0  # messages 21 and 41 each waited for the window


def test_private_chat_allows_a_short_burst_then_one_per_second() -> None:
    limiter = SendLimiter()
    assert limiter.wait_time(7, "sendMessage", 0.0) == 0
    last = _send_all(limiter, 7, 3, 0.0)
    assert last == 0.0
    assert limiter.wait_time(7, "sendMessage", 0.0) > 0
    assert limiter.wait_time(7, "editMessageText", 0.0) == 0  # edits add no message


def test_global_thirty_per_second() -> None:
    limiter = SendLimiter()
    now = 0.0
    for chat in range(1, 61):
        now += limiter.wait_time(chat, "sendMessage", now)
        limiter.record(chat, "sendMessage", now)
    assert now >= 1.0


def test_idle_chats_are_forgotten() -> None:
    limiter = SendLimiter()
    limiter.record(5, "sendMessage", 0.0)
    limiter.forget_idle(1000.0)
    assert limiter._per_chat == {}
