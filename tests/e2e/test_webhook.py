"""Webhook mode: the same exactly-once intake; requests without Telegram's secret refused."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import WEBHOOK_PATH, Settings, WebhookConfig
from bot.sandbox import SandboxClient
from bot.webhook import SECRET_HEADER
from storage.models import InboundUpdate, Report
from tests.helpers import count_rows

SECRET = "s3cret-token_for-the-webhook"


@pytest.fixture
async def webhook_bot(settings: Settings, clock: ManualClock) -> AsyncIterator[PoskoRuntime]:
    config = WebhookConfig(url=f"https://posko.example{WEBHOOK_PATH}", secret=SECRET, port=0)
    runtime = PoskoRuntime(settings=settings, clock=clock, webhook=config)
    await runtime.start()
    yield runtime
    await runtime.stop()


async def test_webhook_takes_updates_once_and_refuses_forgeries(
    webhook_bot: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    assert webhook_bot.webhook_server is not None and webhook_bot.webhook_server.port
    base = f"http://127.0.0.1:{webhook_bot.webhook_server.port}"
    # Registration needs the bot to see /start: deliver it the way Telegram would.
    officer = await sandbox.create_user("Petugas", started=True)  # updates bypass the double

    def update(update_id: int, text: str) -> dict[str, object]:
        return {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "text": text,
                "chat": {"id": officer.id, "type": "private", "first_name": "Petugas"},
                "from": officer.as_api_user(),
                "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
            },
        }

    async with httpx.AsyncClient(base_url=base) as client:
        forged = await client.post(
            WEBHOOK_PATH, json=update(1, "/lapor logistik siap"), headers={SECRET_HEADER: "wrong"}
        )
        assert forged.status_code == 403
        assert (await client.post(WEBHOOK_PATH, json=update(2, "/start"))).status_code == 403
        assert await count_rows(database_url, InboundUpdate) == 0

        body = update(10, "/start")
        for _ in range(2):  # Telegram redelivers when unsure: stored and answered once
            response = await client.post(WEBHOOK_PATH, json=body, headers={SECRET_HEADER: SECRET})
            assert response.status_code == 200
        assert "tautan undangan" in (await officer.next_message(timeout=10)).text
        await officer.expect_no_message(within=1.0)
        assert await count_rows(database_url, InboundUpdate) == 1

        junk = await client.post(
            WEBHOOK_PATH, content=b"{not json", headers={SECRET_HEADER: SECRET}
        )
        assert junk.status_code == 200  # acknowledged so it is not redelivered; nothing stored
        health = (await client.get("/healthz")).json()
        assert health["ok"] is True and health["unprocessed_updates"] == 0
    assert await count_rows(database_url, Report) == 0
