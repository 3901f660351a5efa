"""A private chat: three messages at once, then one every 1.1 s (not three, a 3 s wait,
and three more)."""

from __future__ import annotations

import pytest

from bot.domain.ratelimit import SendLimiter


def test_six_quick_replies_go_three_at_once_then_one_every_1_1_s() -> None:
    limiter = SendLimiter()
    times = []
    now = 0.0
    for _ in range(6):
        now += limiter.wait_time(7, "sendMessage", now)
        limiter.record(7, "sendMessage", now)
        times.append(now)
    assert times == pytest.approx([0.0, 0.0, 0.0, 1.1, 2.2, 3.3])


def test_a_quiet_chat_gets_its_burst_back() -> None:
    limiter = SendLimiter()
    for _ in range(3):
        limiter.record(7, "sendMessage", 0.0)
    assert limiter.chat_wait(7, "sendMessage", 0.0) == pytest.approx(1.1)
    assert limiter.chat_wait(7, "sendMessage", 3.4) == 0  # refilled
    for _ in range(3):
        assert limiter.chat_wait(7, "sendMessage", 3.4) == 0
        limiter.record(7, "sendMessage", 3.4)
    limiter.forget_idle(100.0)
    assert limiter.chat_wait(7, "sendMessage", 100.0) == 0


def test_never_faster_than_one_per_1_1_s_over_a_minute() -> None:
    limiter = SendLimiter()
    now, sent = 0.0, 0
    while now < 60.0:
        now += limiter.wait_time(7, "sendMessage", now)
        limiter.record(7, "sendMessage", now)
        sent += 1
    assert sent <= 3 + 60.0 / 1.1 + 1


def test_a_private_chat_refills_only_from_the_answer() -> None:
    limiter = SendLimiter()
    for _ in range(3):
        limiter.record(7, "sendMessage", 0.0)
    limiter.end_chat(7, "sendMessage", 0.12)  # answered late: it may have arrived then
    assert limiter.chat_wait(7, "sendMessage", 1.1) > 0
    assert limiter.chat_wait(7, "sendMessage", 1.22) == pytest.approx(0.0, abs=1e-9)
    limiter.end_chat(-100, "sendMessage", 5.0)  # groups keep their window: nothing to do
