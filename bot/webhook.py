"""Webhook mode: Telegram POSTs updates to us instead of us polling.

The same exactly-once intake: an update is stored before we answer 200, so Telegram
redelivers anything we did not store, and a redelivered update is stored (and processed)
once. Requests without Telegram's secret-token header are refused with nothing stored.
Every process, leader or standby, may take updates: they go to the shared database, and
the leader processes them. The route is served by the process's web server (bot/web.py).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot import metrics
from bot.clock import Clock
from bot.config import WebhookConfig
from storage.engine import SessionFactory, is_transient
from storage.updates import store_updates

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookIntake:
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

    async def receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._config.secret.encode()):
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        try:
            update: Any = json.loads(await request.read())
            update_id = int(update["update_id"])
        except (ValueError, TypeError, KeyError):
            # Telegram never sends this; answering 200 stops it from being redelivered.
            return web.json_response({"ok": False, "error": "not an update"}, status=200)
        try:
            async with self._session_factory() as session:
                added = await store_updates(
                    session, updates=[{**update, "update_id": update_id}], now=self._clock.now()
                )
                await session.commit()
        except Exception as error:
            if not is_transient(error):
                raise
            # Not stored: Telegram keeps it and delivers it again later.
            log.warning("webhook: database unavailable (%s); answered 503", type(error).__name__)
            return web.json_response({"ok": False, "error": "unavailable"}, status=503)
        metrics.UPDATES_RECEIVED.inc(added)
        self._on_stored()
        return web.json_response({"ok": True})
