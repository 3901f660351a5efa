"""Webhook mode: Telegram POSTs updates to us instead of us polling.

The same exactly-once intake: an update is stored before we answer 200, so Telegram
redelivers anything we did not store, and a redelivered update is stored (and processed)
once. Requests without Telegram's secret-token header are refused with nothing stored.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.clock import Clock
from bot.config import WEBHOOK_PATH, WebhookConfig
from storage.engine import SessionFactory
from storage.outbox import pending_count
from storage.updates import store_updates, unprocessed_count

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"


class WebhookServer:
    def __init__(
        self,
        *,
        config: WebhookConfig,
        session_factory: SessionFactory,
        clock: Clock,
        on_stored: Callable[[], None],
    ):
        self._config = config
        self._session_factory = session_factory
        self._clock = clock
        self._on_stored = on_stored
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=2 * 1024 * 1024)
        app.router.add_post(WEBHOOK_PATH, self._receive)
        app.router.add_get(HEALTH_PATH, self._health)
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._config.listen, self._config.port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self._config.port
        log.info("webhook listening on %s:%s", self._config.listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._config.secret.encode()):
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        try:
            update: Any = json.loads(await request.read())
            update_id = int(update["update_id"])
        except (ValueError, TypeError, KeyError):
            # Telegram never sends this; answering 200 stops it from being redelivered.
            return web.json_response({"ok": False, "error": "not an update"}, status=200)
        async with self._session_factory() as session:
            await store_updates(
                session, updates=[{**update, "update_id": update_id}], now=self._clock.now()
            )
            await session.commit()
        self._on_stored()
        return web.json_response({"ok": True})

    async def _health(self, request: web.Request) -> web.Response:
        async with self._session_factory() as session:
            updates = await unprocessed_count(session)
            outbox = await pending_count(session)
        return web.json_response(
            {"ok": True, "unprocessed_updates": updates, "outbox_pending": outbox}
        )
