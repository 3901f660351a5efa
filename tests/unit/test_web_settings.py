"""WEB_LISTEN, WEB_PORT and WEB_BASE_URL: defaults, and one clear line for a bad value."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


def test_the_web_server_listens_on_localhost_8080_by_default() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert (settings.web_listen, settings.web_port, settings.web_base_url) == (
        "127.0.0.1",
        8080,
        None,
    )


def test_web_settings_are_read() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "WEB_LISTEN": "0.0.0.0",
            "WEB_PORT": "9100",
            "WEB_BASE_URL": "https://posko.example.id/",
        }
    )
    assert (settings.web_listen, settings.web_port) == ("0.0.0.0", 9100)
    assert settings.web_base_url == "https://posko.example.id"


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"WEB_PORT": "80800"}, "WEB_PORT"),
        ({"WEB_PORT": "eighty"}, "WEB_PORT"),
        ({"WEB_LISTEN": "local host"}, "WEB_LISTEN"),
        ({"WEB_BASE_URL": "posko.example.id"}, "WEB_BASE_URL"),
        ({"WEB_BASE_URL": "ftp://posko.example.id"}, "WEB_BASE_URL"),
    ],
)
def test_a_bad_web_setting_names_the_variable(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, **env})
    assert str(error.value).startswith(name)
    assert "\n" not in str(error.value)
