"""HELP_CONTACT: whom a stranger is told to contact."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


def test_help_contact_is_optional_and_one_line() -> None:
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).help_contact is None
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "HELP_CONTACT": "  "}).help_contact is None
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "HELP_CONTACT": " Kesbangpol Konut,   WA 0812 "}
    )
    assert settings.help_contact == "Kesbangpol Konut, WA 0812"


@pytest.mark.parametrize("value", ["x" * 301, "Kesbangpol <b>Konut</b>", "Kesbangpol\x07"])
def test_a_bad_help_contact_names_the_variable(value: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "HELP_CONTACT": value})
    assert "HELP_CONTACT" in str(raised.value) and "\n" not in str(raised.value)
