"""An in-process / standalone double of the Telegram Bot API.

``TelegramDouble`` keeps a small simulated Telegram world (users, private chats, groups,
forum topics, messages, files) and serves two HTTP surfaces from one aiohttp app:

* ``/bot{token}/{method}`` and ``/file/bot{token}/{path}`` — the Bot API, answered the way
  the real server answers (same JSON shapes, status codes and error descriptions), so that
  python-telegram-bot talks to it unchanged;
* ``/control/...`` — JSON routes the tests and the demo use to act as people (send, press
  buttons, block the bot...) and to read what every chat shows.  They are plain HTTP so that a
  bot running in another process (crash tests) sees the same world.

Everything runs on one asyncio loop, so the state needs no locks; long polls wait on an
``asyncio.Event`` that is replaced every time the world changes.

This module is only the wiring: the aiohttp app, the two Bot API entry points (decode the
request, record the call, inject faults, dispatch) and the lifecycle.  The rest is split by
concern, each a mixin on top of the previous ones:

* :mod:`~bot.sandbox.model` — the world's objects and the error types;
* :mod:`~bot.sandbox.world` — state, change notification, rendering, update queue, access;
* :mod:`~bot.sandbox.members` — people, groups, membership and the bot joining/leaving;
* :mod:`~bot.sandbox.people` — people acting (send, edit, media, location, button taps);
* :mod:`~bot.sandbox.limits` — fault injection and Telegram's send limits;
* :mod:`~bot.sandbox.content` / :mod:`~bot.sandbox.params` — decoding what the bot sends;
* :mod:`~bot.sandbox.bot_api` — the Bot API methods;
* :mod:`~bot.sandbox.control` — the control routes, answering :mod:`~bot.sandbox.shapes`.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from typing import Any, cast

from aiohttp import web

from bot.sandbox.control import Control
from bot.sandbox.model import (
    MAX_CALLBACK_DATA,
    MAX_CAPTION,
    MAX_TEXT,
    MAX_UPLOAD,
    ApiError,
    ControlError,
    User,
    command_entities,
)
from bot.sandbox.params import read_params
from bot.sandbox.shapes import CONTROL_PREFIX, JSON, CallRecord

# Re-exported: they used to be defined here and are part of what the module offers.
__all__ = [
    "JSON",
    "MAX_CALLBACK_DATA",
    "MAX_CAPTION",
    "MAX_TEXT",
    "MAX_UPLOAD",
    "ApiError",
    "ControlError",
    "TelegramDouble",
    "command_entities",
]

_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")


_METHOD_NAMES = [
    "getMe",
    "getUpdates",
    "deleteWebhook",
    "setWebhook",
    "getWebhookInfo",
    "logOut",
    "close",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "editMessageCaption",
    "deleteMessage",
    "answerCallbackQuery",
    "sendPhoto",
    "sendDocument",
    "getFile",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "setChatMenuButton",
    "getChatMember",
    "getChat",
    "getChatAdministrators",
    "sendChatAction",
    "leaveChat",
]
_CANONICAL = {name.lower(): name for name in _METHOD_NAMES}
_SENDING_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


class TelegramDouble(Control):
    """A fake Telegram Bot API server plus the simulated people around the bot.

    ``privacy_mode`` mirrors BotFather's group privacy (on by default, as for every new bot):
    in groups the bot only receives commands, replies to its own messages and service
    messages, unless it is an administrator.
    """

    def __init__(
        self,
        bot_username: str = "posko_pemilu_bot",
        bot_first_name: str = "Posko Pemilu",
        bot_id: int = 7000000001,
        *,
        privacy_mode: bool = True,
    ) -> None:
        self.bot = User(id=bot_id, first_name=bot_first_name, username=bot_username, is_bot=True)
        self.privacy_mode = privacy_mode
        self.base_url: str = ""
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Event()
        self._stopping = False
        # Bumped by every getUpdates call; a waiting call that sees a newer generation ends
        # with 409 Conflict.  Deliberately not part of reset(): a reset must not kill a poll.
        self._poll_generation = 0
        # A random-looking but reproducible base, so tests never rely on ids starting at 1.
        # Never reset: a running bot's offset must not swallow updates after reset().
        self._next_update_id = 100_000_000 + random.Random(7).randrange(1_000_000)
        self.app = self._make_app()
        self._reset_state()

    # ------------------------------------------------------------------ lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Bind the HTTP server; ``port=0`` picks a free port.  Sets :attr:`base_url`."""
        self._stopping = False
        # handler_cancellation: a client that hangs up (killed bot process, cancelled long
        # poll) must not leave a getUpdates handler around that later "hands out" updates.
        self._runner = web.AppRunner(self.app, handler_cancellation=True, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = cast(Any, site)._server
        sockname = server.sockets[0].getsockname()
        self.base_url = f"http://{host}:{sockname[1]}"

    async def stop(self) -> None:
        """Wake every long poll (they answer empty) and shut the server down."""
        self._stopping = True
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramDouble:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ app

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self.add_control_routes(app, CONTROL_PREFIX)
        return app

    # ------------------------------------------------------------------ Bot API entry

    async def _handle_api(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        name = _CANONICAL.get(request.match_info["method"].lower())
        if not _TOKEN_RE.match(token) or name is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        record: CallRecord = {
            "seq": next(self._call_seq),
            "method": name,
            "chat_id": None,
            "status": None,
            "description": None,
            "fault": None,
            "monotonic": time.monotonic(),
            "wall": time.time(),
            "params": {},
            "instance": request.headers.get("X-Posko-Instance"),  # which bot process
        }
        self.calls.append(record)
        try:
            params = await read_params(request)
            record["params"] = params.summary()
            chat_id = params.raw.get("chat_id")
            if isinstance(chat_id, str) and re.fullmatch(r"-?\d+", chat_id):
                chat_id = int(chat_id)
            record["chat_id"] = chat_id
            await self._maybe_fault(name, record)
            handler = getattr(self, "_api_" + name)
            if name == "getUpdates":
                result = await handler(params, request)
            else:
                result = handler(params)
        except ApiError as err:
            record["status"] = err.code
            record["description"] = err.description
            self._notify()
            return web.json_response(err.body(), status=err.code)
        record["status"] = 200
        self._notify()
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        if not _TOKEN_RE.match(request.match_info["token"]):
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )
