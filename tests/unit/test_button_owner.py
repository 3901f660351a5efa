"""Personal buttons carry their owner's Telegram id; URL buttons are left alone."""

from __future__ import annotations

import pytest

from bot.ui import MAX_CALLBACK_BYTES, OWNER_MARK, Button, inline_markup, owned


def test_owned_marks_every_callback_button_and_leaves_links() -> None:
    keyboard = [
        [Button("Ya", "leave1:yes"), Button("Batal", "leave1:no")],
        [Button("Buka", url="https://t.me/posko_pemilu_bot")],
    ]
    marked = owned(keyboard, 5550001)
    assert [[b.data for b in row] for row in marked] == [
        ["leave1:yes@5550001", "leave1:no@5550001"],
        [None],
    ]
    assert marked[1][0].url == "https://t.me/posko_pemilu_bot"
    assert keyboard[0][0].data == "leave1:yes"  # the original is not changed


def test_the_longest_callback_data_with_an_owner_fits_telegrams_limit() -> None:
    # The longest data the bot builds: a region picker page inside an invite, or an aspect
    # of a report draft (codes are at most 32 characters), with a 13-digit Telegram id.
    longest = [
        "inv1:n:o:74.09.01.1005:99",
        "rep1:Ab3dE6fG:n:74.09.01.1005:99",
        "rep1:Ab3dE6fG:a:" + "x" * 32,
        "insloc1:-89.99999:-179.99999",
    ]
    for data in longest:
        [[button]] = owned([[Button("b", data)]], 9_999_999_999_999)
        assert len(button.data.encode()) <= MAX_CALLBACK_BYTES, button.data
        assert button.data.count(OWNER_MARK) == 1
        inline_markup([[button]])  # does not raise


def test_data_over_the_limit_is_refused_before_it_reaches_telegram() -> None:
    with pytest.raises(ValueError):
        inline_markup(owned([[Button("b", "rep1:" + "x" * 60)]], 5550001))
