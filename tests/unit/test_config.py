from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


def test_defaults() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.database_url == "sqlite+aiosqlite:///posko.db"
    assert str(settings.timezone) == "Asia/Makassar"
    assert settings.default_language == "id"
    assert settings.bot_api_url == "https://api.telegram.org/bot"
    assert settings.admin_telegram_ids == frozenset()


def test_values_are_parsed() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/",
            "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
            "ADMIN_TELEGRAM_IDS": "1, 22 333",
            "TIMEZONE": "Asia/Jakarta",
            "DEFAULT_LANGUAGE": "EN",
        }
    )
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081"
    assert settings.database_url == "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    assert settings.admin_telegram_ids == frozenset({1, 22, 333})
    assert settings.default_language == "en"


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TIMEZONE": "Mars/Olympus"}, "TIMEZONE"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_TELEGRAM_IDS": "12,abc"}, "ADMIN_TELEGRAM_IDS"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "DEFAULT_LANGUAGE": "fr"}, "DEFAULT_LANGUAGE"),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x"},
            "TELEGRAM_API_BASE_URL",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_REGION_CODE": "74-09"}, "ADMIN_REGION_CODE"),
    ],
)
def test_bad_settings_name_the_variable_and_hide_the_token(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(env)
    assert names in str(raised.value)
    assert TOKEN not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_token_optional_for_operator_commands() -> None:
    assert load_settings({}, require_token=False).telegram_bot_token is None
