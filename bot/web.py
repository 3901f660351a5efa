"""The process's one web server: the webhook, health, readiness and metrics.

Every process serves it, leader or standby (WEB_LISTEN:WEB_PORT). Routes are registered in
one ordered place, `register_routes`; later pages (the dashboard) are added there.

- `GET /healthz`: the process is alive (200 while its loop turns), with its role and, when
  the database answers, the unprocessed updates and pending outbox messages.
- `GET /readyz`: 200 when the database is reachable and nothing waits for it; 503 with
  the reason otherwise (a load balancer sends webhook traffic elsewhere meanwhile).
- `GET /metrics`: Prometheus text (bot/metrics.py).
- `POST /telegram/webhook`: in webhook mode, updates from Telegram (bot/webhook.py).
- `/dasbor/…`: the dashboard and Telegram Mini App (bot/dashboard/views.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from sqlalchemy import text

from bot import metrics
from bot.config import WEBHOOK_PATH
from bot.dashboard.views import register_dashboard
from bot.unit import Services
from bot.webhook import WebhookIntake
from storage.engine import SessionFactory, read_session
from storage.outbox import pending_count
from storage.updates import unprocessed_count

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"
DATABASE_TIMEOUT_SECONDS = 2.0
Page = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class WebState:
    """What the pages report about the process; read when a page is asked for."""

    session_factory: SessionFactory
    role: Callable[[], str]
    degraded: Callable[[], bool]
    webhook: WebhookIntake | None = None
    services: Services | None = None  # the dashboard is served when given


def register_routes(app: web.Application, state: WebState) -> None:
    """Every route of the web server, in order (the dashboard adds its pages here)."""
    if state.webhook is not None:
        app.router.add_post(WEBHOOK_PATH, state.webhook.receive)
    app.router.add_get(HEALTH_PATH, _health(state))
    app.router.add_get(READY_PATH, _ready(state))
    app.router.add_get(METRICS_PATH, _metrics(state))
    if state.services is not None:
        register_dashboard(app, state.services)


def _health(state: WebState) -> Page:
    async def health(_request: web.Request) -> web.Response:
        body: dict[str, object] = {"ok": True, "role": state.role()}
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
                async with read_session(state.session_factory) as session:
                    body["unprocessed_updates"] = await unprocessed_count(session)
                    body["outbox_pending"] = await pending_count(session)
        except Exception as error:  # alive all the same: readiness says the rest
            body["database"] = f"unavailable ({type(error).__name__})"
        return web.json_response(body)

    return health


def _ready(state: WebState) -> Page:
    async def ready(_request: web.Request) -> web.Response:
        reachable = await database_reachable(state.session_factory)
        degraded = state.degraded()
        body = {
            "ok": reachable and not degraded,
            "role": state.role(),
            "database": "up" if reachable else "down",
            "degraded": degraded,
        }
        return web.json_response(body, status=200 if body["ok"] else 503)

    return ready


def _metrics(state: WebState) -> Page:
    async def page(_request: web.Request) -> web.Response:
        await metrics.read_database_figures(state.session_factory)
        metrics.LEADER.set(1 if state.role() == "leader" else 0)
        metrics.DEGRADED.set(1 if state.degraded() else 0)
        body, content_type = metrics.exposition()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    return page


async def database_reachable(session_factory: SessionFactory) -> bool:
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
            async with read_session(session_factory) as session:
                await session.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


class WebServer:
    def __init__(self, *, listen: str, port: int, state: WebState):
        self._listen, self._port, self._state = listen, port, state
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=2 * 1024 * 1024)
        register_routes(app, self._state)
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._listen, self._port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self._port
        log.info("web server listening on %s:%s", self._listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
