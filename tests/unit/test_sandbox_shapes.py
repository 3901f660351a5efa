"""The double and its client speak the shapes of ``bot.sandbox.shapes``, and nothing else.

The split of the double into modules keeps its behaviour (``test_sandbox.py`` and the e2e
suite prove that); these tests pin the contract the split introduced: every control route is
one :class:`Route` constant, a message view on the wire has exactly :class:`MessageView`'s
fields, and the call log records which bot process called.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.sandbox import SandboxClient, SeenMessage, TelegramDouble
from bot.sandbox.shapes import CONTROL_PREFIX, MessageView, Route

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.fixture
async def double() -> AsyncIterator[TelegramDouble]:
    d = TelegramDouble()
    await d.start()
    yield d
    await d.stop()


@pytest.fixture
async def sb(double: TelegramDouble) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(double.base_url) as client:
        yield client


def test_every_control_route_is_a_shared_route_constant() -> None:
    served = {
        resource.canonical
        for resource in TelegramDouble().app.router.resources()
        if resource.canonical.startswith(CONTROL_PREFIX + "/")
    }
    shared = {
        CONTROL_PREFIX + value
        for name, value in vars(Route).items()
        if name.isupper() and isinstance(value, str)
    }
    assert served == shared


async def test_a_message_view_on_the_wire_has_exactly_the_shared_fields(
    double: TelegramDouble, sb: SandboxClient
) -> None:
    siti = await sb.create_user("Siti")
    await siti.send("/start")
    async with httpx.AsyncClient(base_url=double.base_url) as http:
        answer = (await http.get(f"{CONTROL_PREFIX}/chats/{siti.id}/messages")).json()
    assert answer["ok"] is True
    (wire,) = answer["result"]
    assert list(wire) == [f.name for f in dataclasses.fields(MessageView)]
    seen = SeenMessage.from_view(wire)
    assert seen.text == "/start" and seen.sender_id == siti.id and not seen.from_bot
    assert seen.to_json() == wire


async def test_the_call_log_names_the_calling_bot_process(
    double: TelegramDouble, sb: SandboxClient
) -> None:
    async with httpx.AsyncClient(base_url=double.base_url) as http:
        await http.get(f"/bot{TOKEN}/getMe", headers={"X-Posko-Instance": "posko-2"})
        await http.get(f"/bot{TOKEN}/getMe")
    calls = await sb.calls("getMe")
    assert [c["instance"] for c in calls] == ["posko-2", None]
    assert [c["status"] for c in calls] == [200, 200]


def test_the_control_routes_read_only_query_keys_their_shape_declares() -> None:
    from aiohttp.test_utils import make_mocked_request

    from bot.sandbox.control import Control
    from bot.sandbox.shapes import CallsQuery, WaitHandoutQuery

    request = make_mocked_request("GET", f"{CONTROL_PREFIX}/handouts/wait?after_count=3")
    assert Control._q_int(request, WaitHandoutQuery, "after_count", 0) == 3
    assert Control._q_float(request, WaitHandoutQuery, "timeout", 10.0) == 10.0
    with pytest.raises(KeyError, match="after"):
        Control._q_int(request, WaitHandoutQuery, "after", 0)  # NextBotMessageQuery's key
    with pytest.raises(KeyError, match="methods"):
        Control._query(request, CallsQuery, "methods")
