"""The double answers setChatMenuButton as Telegram does (the dashboard's Mini App button)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, MenuButtonDefault, MenuButtonWebApp, WebAppInfo
from telegram.error import BadRequest

from bot.sandbox import SandboxClient, TelegramDouble

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.fixture
async def double() -> AsyncIterator[TelegramDouble]:
    server = TelegramDouble()
    await server.start()
    yield server
    await server.stop()


async def test_a_web_app_menu_button_is_kept_per_chat_and_bad_ones_are_refused(
    double: TelegramDouble,
) -> None:
    async with SandboxClient(double.base_url) as sandbox:
        person = await sandbox.create_user("Rina")
    app = MenuButtonWebApp("Dasbor", WebAppInfo("https://posko.example.id/dasbor/app"))
    async with Bot(TOKEN, base_url=f"{double.base_url}/bot") as bot:
        assert await bot.set_chat_menu_button(chat_id=person.id, menu_button=app)
        assert await bot.set_chat_menu_button(menu_button=MenuButtonDefault())
        plain_http = MenuButtonWebApp("Dasbor", WebAppInfo("http://posko.example.id/dasbor/app"))
        with pytest.raises(BadRequest, match="https"):
            await bot.set_chat_menu_button(chat_id=person.id, menu_button=plain_http)
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.set_chat_menu_button(chat_id=424242, menu_button=app)
    assert double.menu_buttons == {
        person.id: {
            "type": "web_app",
            "text": "Dasbor",
            "web_app": {"url": "https://posko.example.id/dasbor/app"},
        },
        None: {"type": "default"},
    }
    double.reset()
    assert double.menu_buttons == {}
