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
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import itertools
import json
import math
import mimetypes
import random
import re
import secrets
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from aiohttp import BodyPartReader, web

from bot.sandbox.html import TelegramHtmlError, html_to_entities, strip_text, utf16_len

__all__ = ["TelegramDouble"]

JSON = dict[str, Any]

_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_COMMAND_RE = re.compile(r"(?<![\w/@])/([A-Za-z0-9_]{1,64})(@[A-Za-z0-9_]{3,32})?(?![\w/@])")
_BOT_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_UPLOAD = 50 * 1024 * 1024

#: Update kinds Telegram leaves out unless ``allowed_updates`` names them explicitly.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)

# Tiny valid 1x1 PNG used when a simulated user sends a photo without giving bytes.
_DEFAULT_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class ApiError(Exception):
    """A Bot API error answer: HTTP status plus Telegram's description."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        out: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


class ControlError(Exception):
    """A mistake in a control request (e.g. pressing a button that is not there)."""


def _drop_none(data: JSON) -> JSON:
    """Telegram omits absent optional fields instead of sending ``null``."""
    return {k: v for k, v in data.items() if v is not None}


# --------------------------------------------------------------------------------------------
# World state
# --------------------------------------------------------------------------------------------


@dataclass
class _User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    # Private chat state: the bot may only write after the user wrote first (``started``).
    started: bool = False
    blocked: bool = False

    def api(self) -> JSON:
        return _drop_none(
            {
                "id": self.id,
                "is_bot": self.is_bot,
                "first_name": self.first_name,
                "last_name": self.last_name,
                "username": self.username,
                "language_code": None if self.is_bot else self.language_code,
            }
        )


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    kind: str  # "photo" or "document"
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class _Message:
    chat_id: int
    message_id: int
    sender_id: int
    from_bot: bool
    date: int
    text: str | None = None
    html: str | None = None  # the raw string the bot sent (text or caption)
    parse_mode: str | None = None
    entities: list[JSON] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[JSON] = field(default_factory=list)
    inline_keyboard: list[list[JSON]] | None = None
    reply_keyboard: list[list[str]] | None = None
    remove_keyboard: bool = False
    thread_id: int | None = None
    is_topic_message: bool = False
    reply_to: int | None = None
    photo: list[JSON] | None = None
    document: JSON | None = None
    location: JSON | None = None
    forward_origin: JSON | None = None
    service: JSON | None = None
    edit_date: int | None = None
    edit_count: int = 0
    history: list[JSON] = field(default_factory=list)
    deleted: bool = False
    disable_notification: bool = False
    link_preview_options: JSON | None = None


@dataclass
class _Chat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    user_id: int | None = None  # for private chats
    members: dict[int, str] = field(default_factory=dict)
    bot_status: str = "left"
    topics: dict[int, str] = field(default_factory=dict)
    messages: dict[int, _Message] = field(default_factory=dict)
    next_message_id: int = 1

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")


@dataclass
class _Query:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    answered: bool = False


@dataclass
class _Faults:
    rate_429: float = 0.0
    retry_after: int = 1
    rate_5xx: float = 0.0
    rate_slow: float = 0.0
    slow_seconds: float = 0.0
    methods: frozenset[str] | None = None
    include_get_updates: bool = False
    rng: random.Random = field(default_factory=lambda: random.Random(0))

    @property
    def active(self) -> bool:
        return bool(self.rate_429 or self.rate_5xx or self.rate_slow)


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
    "getChatMember",
    "getChat",
    "getChatAdministrators",
    "sendChatAction",
    "leaveChat",
]
_CANONICAL = {name.lower(): name for name in _METHOD_NAMES}
_SENDING_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


# --------------------------------------------------------------------------------------------
# Parameter decoding
# --------------------------------------------------------------------------------------------


@dataclass
class _Upload:
    filename: str
    content_type: str | None
    data: bytes


class _Params:
    """Typed access to Bot API parameters, whatever the transport encoding was.

    PTB sends ``application/x-www-form-urlencoded`` (or multipart when uploading) where every
    non-string value is JSON text: ``chat_id=123``, ``reply_markup={"inline_keyboard":...}``,
    ``disable_notification=true``.  Plain JSON bodies carry real JSON values.  Both work here.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def has(self, key: str) -> bool:
        return self.raw.get(key) not in (None, "")

    def get_str(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None or isinstance(value, _Upload):
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def get_int(self, key: str, default: int | None = None) -> int | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _bad(f"invalid {key} specified") from None

    def get_float(self, key: str, default: float | None = None) -> float | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _bad(f"invalid {key} specified") from None

    def get_bool(self, key: str, default: bool = False) -> bool:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")

    def get_json(self, key: str) -> Any:
        value = self.raw.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise _bad(f"can't parse {key} JSON object") from None
        return value

    def upload(self, key: str) -> _Upload | None:
        """The uploaded file for ``key``, following PTB's ``attach://name`` indirection."""
        value = self.raw.get(key)
        if isinstance(value, _Upload):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            attached = self.raw.get(value[len("attach://") :])
            if isinstance(attached, _Upload):
                return attached
            raise _bad(f"file {value} not found in the request")
        return None

    def summary(self) -> JSON:
        """A compact copy for the call log (no file bytes, long strings cut)."""
        out: JSON = {}
        for key, value in self.raw.items():
            if isinstance(value, _Upload):
                out[key] = {"upload": value.filename, "size": len(value.data)}
            elif isinstance(value, str) and len(value) > 500:
                out[key] = value[:500] + "…"
            else:
                out[key] = value
        return out


async def _read_params(request: web.Request) -> _Params:
    raw: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.body_exists:
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise _bad("can't parse JSON") from None
            if isinstance(body, dict):
                raw.update(body)
        elif ctype.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    data = await part.read(decode=False)
                    raw[part.name] = _Upload(
                        part.filename, part.headers.get("Content-Type"), bytes(data)
                    )
                else:
                    raw[part.name] = await part.text()
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    raw[key] = value
                elif isinstance(value, bytes | bytearray):
                    raw[key] = bytes(value).decode("utf-8", "replace")
                else:
                    raw[key] = _Upload(value.filename, value.content_type, value.file.read())
    return _Params(raw)


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def command_entities(text: str) -> list[JSON]:
    """``bot_command`` entities Telegram's clients/server attach to a user's text."""
    entities = []
    for match in _COMMAND_RE.finditer(text):
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group(0)),
            }
        )
    return entities


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) for PNG/GIF/JPEG bytes, or ``None`` if it is not an image we know."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(width), int(height)
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            i += 2 + length
        return (1280, 960)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return (512, 512)
    if data.startswith(b"BM"):
        return (640, 480)
    return None


# --------------------------------------------------------------------------------------------
# The double
# --------------------------------------------------------------------------------------------


class TelegramDouble:
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
        self.bot = _User(id=bot_id, first_name=bot_first_name, username=bot_username, is_bot=True)
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

    def _reset_state(self) -> None:
        self.users: dict[int, _User] = {}
        self.chats: dict[int, _Chat] = {}
        self.files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._queries: dict[str, _Query] = {}
        self._toasts: dict[int, list[JSON]] = collections.defaultdict(list)
        self._updates: list[JSON] = []
        self._allowed_updates: frozenset[str] | None = None
        self._webhook_url = ""
        self.calls: list[JSON] = []
        self.handouts: list[JSON] = []
        self.delivery_counts: collections.Counter[int] = collections.Counter()
        self._faults = _Faults()
        self.enforce_rate_limits = False
        self._sent_global: collections.deque[float] = collections.deque()
        self._sent_group: dict[int, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._private_bucket: dict[int, tuple[float, float]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._user_ids = itertools.count(500_000_001)
        self._supergroup_ids = itertools.count(1)
        self._group_ids = itertools.count(1)
        self._file_counter = itertools.count(1)
        self._query_counter = itertools.count(1)
        self._call_seq = itertools.count(1)
        self._notify()

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

    def reset(self) -> None:
        """Forget the whole simulated world (keeps the server and the bot identity)."""
        self._reset_state()

    # ------------------------------------------------------------------ change notification

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, predicate: Any, seconds: float) -> bool:
        """Wait until ``predicate()`` is true or ``seconds`` elapse; returns the predicate."""
        deadline = time.monotonic() + seconds
        while True:
            if predicate():
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._stopping:
                return bool(predicate())
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    # ------------------------------------------------------------------ app

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        c = "/control"
        routes: list[tuple[str, str, Any]] = [
            ("POST", "/users", self._c_create_user),
            ("GET", "/users/{user_id}", self._c_get_user),
            ("POST", "/users/{user_id}/block", self._c_block),
            ("GET", "/users/{user_id}/toasts", self._c_toasts),
            ("GET", "/users/{user_id}/command_menu", self._c_command_menu),
            ("POST", "/groups", self._c_create_group),
            ("GET", "/chats/{chat_id}", self._c_get_chat),
            ("POST", "/groups/{chat_id}/bot", self._c_group_bot),
            ("POST", "/groups/{chat_id}/members", self._c_group_member),
            ("POST", "/groups/{chat_id}/topics", self._c_create_topic),
            ("POST", "/act/send", self._c_send),
            ("POST", "/act/edit", self._c_edit),
            ("POST", "/act/photo", self._c_photo),
            ("POST", "/act/document", self._c_document),
            ("POST", "/act/location", self._c_location),
            ("POST", "/act/press", self._c_press),
            ("POST", "/updates", self._c_inject),
            ("GET", "/chats/{chat_id}/messages", self._c_messages),
            ("GET", "/chats/{chat_id}/messages/{message_id}", self._c_message),
            ("GET", "/chats/{chat_id}/next_bot_message", self._c_next_bot_message),
            ("GET", "/chats/{chat_id}/messages/{message_id}/wait_edit", self._c_wait_edit),
            ("GET", "/files/{file_id}", self._c_file),
            ("POST", "/faults", self._c_set_faults),
            ("DELETE", "/faults", self._c_clear_faults),
            ("POST", "/rate_limits", self._c_rate_limits),
            ("POST", "/privacy_mode", self._c_privacy_mode),
            ("GET", "/calls", self._c_calls),
            ("GET", "/handouts", self._c_handouts),
            ("GET", "/handouts/wait", self._c_wait_handout),
            ("GET", "/delivery_counts", self._c_delivery_counts),
            ("GET", "/pending", self._c_pending),
            ("GET", "/wait_confirmed", self._c_wait_confirmed),
            ("GET", "/commands", self._c_commands),
            ("POST", "/reset", self._c_reset),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, c + path, self._control(handler))
        return app

    # ------------------------------------------------------------------ Bot API entry

    async def _handle_api(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        name = _CANONICAL.get(request.match_info["method"].lower())
        if not _TOKEN_RE.match(token) or name is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        record: JSON = {
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
            params = await _read_params(request)
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

    async def _maybe_fault(self, name: str, record: JSON) -> None:
        """Inject a configured fault; a faulted call raises before it can take effect."""
        faults = self._faults
        if not faults.active:
            return
        if name == "getUpdates" and not faults.include_get_updates:
            return
        if faults.methods is not None and name.lower() not in faults.methods:
            return
        roll = faults.rng.random()
        kind = faults.rng.random()
        slow_roll = faults.rng.random()
        if roll < faults.rate_429:
            record["fault"] = "429"
            retry = faults.retry_after
            raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        if roll < faults.rate_429 + faults.rate_5xx:
            if kind < 0.5:
                record["fault"] = "500"
                raise ApiError(500, "Internal Server Error")
            record["fault"] = "502"
            raise ApiError(502, "Bad Gateway")
        if slow_roll < faults.rate_slow and faults.slow_seconds > 0:
            record["fault"] = "slow"
            await asyncio.sleep(faults.slow_seconds)

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

    # ------------------------------------------------------------------ object rendering

    def chat_api(self, chat: _Chat) -> JSON:
        if chat.type == "private":
            user = self.users[cast(int, chat.user_id)]
            return _drop_none(
                {
                    "id": chat.id,
                    "type": "private",
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    "username": user.username,
                }
            )
        return _drop_none(
            {
                "id": chat.id,
                "type": chat.type,
                "title": chat.title,
                "username": chat.username,
                "is_forum": True if chat.is_forum else None,
            }
        )

    def _sender(self, msg: _Message) -> _User:
        return self.bot if msg.from_bot else self.users[msg.sender_id]

    def message_api(self, msg: _Message, *, nested: bool = False) -> JSON:
        """The Message object as the Bot API renders it."""
        chat = self.chats[msg.chat_id]
        out: JSON = {
            "message_id": msg.message_id,
            "from": self._sender(msg).api(),
            "chat": self.chat_api(chat),
            "date": msg.date,
        }
        if msg.thread_id is not None:
            out["message_thread_id"] = msg.thread_id
            if msg.is_topic_message:
                out["is_topic_message"] = True
        if msg.forward_origin is not None:
            out["forward_origin"] = msg.forward_origin
        if msg.reply_to is not None and not nested:
            replied = chat.messages.get(msg.reply_to)
            if replied is not None and not replied.deleted:
                out["reply_to_message"] = self.message_api(replied, nested=True)
        if msg.edit_date is not None:
            out["edit_date"] = msg.edit_date
        if msg.text is not None:
            out["text"] = msg.text
            if msg.entities:
                out["entities"] = msg.entities
        if msg.link_preview_options is not None:
            out["link_preview_options"] = msg.link_preview_options
        if msg.photo is not None:
            out["photo"] = msg.photo
        if msg.document is not None:
            out["document"] = msg.document
        if msg.caption is not None:
            out["caption"] = msg.caption
            if msg.caption_entities:
                out["caption_entities"] = msg.caption_entities
        if msg.location is not None:
            out["location"] = msg.location
        if msg.service:
            out.update(msg.service)
        if msg.inline_keyboard is not None:
            out["reply_markup"] = {"inline_keyboard": msg.inline_keyboard}
        return out

    def message_view(self, msg: _Message) -> JSON:
        """What a person sees of a message — the shape behind ``SeenMessage``."""
        buttons = [
            [
                _drop_none(
                    {
                        "text": b.get("text"),
                        "callback_data": b.get("callback_data"),
                        "url": b.get("url"),
                    }
                )
                for b in row
            ]
            for row in (msg.inline_keyboard or [])
        ]
        return {
            "chat_id": msg.chat_id,
            "message_id": msg.message_id,
            "from_bot": msg.from_bot,
            "sender_id": msg.sender_id,
            "text": msg.text,
            "html": msg.html,
            "buttons": buttons,
            "thread_id": msg.thread_id,
            "photo": msg.photo is not None,
            "document": (
                {k: msg.document.get(k) for k in ("file_id", "file_name", "mime_type")}
                if msg.document
                else None
            ),
            "caption": msg.caption,
            "edit_count": msg.edit_count,
            "date": msg.date,
            "edit_date": msg.edit_date,
            "entities": msg.entities or msg.caption_entities,
            "reply_keyboard": msg.reply_keyboard,
            "remove_keyboard": msg.remove_keyboard,
            "reply_to_message_id": msg.reply_to,
            "location": msg.location,
            "photo_file_id": msg.photo[-1]["file_id"] if msg.photo else None,
            "service": msg.service,
            "previous_texts": [h.get("text") or h.get("caption") for h in msg.history],
            "deleted": msg.deleted,
            "disable_notification": msg.disable_notification,
            "raw": self.message_api(msg),
        }

    def _member_api(self, user: _User, status: str, chat: _Chat) -> JSON:
        if status == "creator":
            return {"user": user.api(), "status": "creator", "is_anonymous": False}
        if status == "administrator":
            out = {
                "user": user.api(),
                "status": "administrator",
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": True,
                "can_edit_stories": True,
                "can_delete_stories": True,
                "can_pin_messages": True,
            }
            if chat.type == "supergroup":
                out["can_manage_topics"] = True
            return out
        if status == "kicked":
            return {"user": user.api(), "status": "kicked", "until_date": 0}
        return {"user": user.api(), "status": status}

    # ------------------------------------------------------------------ updates

    def _queue(self, kind: str, payload: JSON) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        self._updates.append({"update_id": update_id, kind: payload})
        self._notify()
        return update_id

    def _allowed(self, update: JSON) -> bool:
        kinds = [k for k in update if k != "update_id"]
        kind = kinds[0] if kinds else ""
        if self._allowed_updates is None:
            return kind not in _OPT_IN_UPDATES
        return kind in self._allowed_updates

    def _confirm(self, offset: int | None) -> None:
        if offset is None:
            return
        if offset < 0:
            keep = -offset
            self._updates = self._updates[-keep:] if keep else []
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        self._notify()

    def _batch(self, limit: int) -> list[JSON]:
        # Updates of kinds the bot did not ask for are never delivered: drop them for good.
        self._updates = [u for u in self._updates if self._allowed(u)]
        return self._updates[:limit]

    # ------------------------------------------------------------------ access checks

    def _resolve_chat_id(self, value: Any) -> int:
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            if re.fullmatch(r"-?\d+", value.strip()):
                return int(value)
            if value.startswith("@"):
                for chat in self.chats.values():
                    if chat.username and chat.username.lower() == value[1:].lower():
                        return chat.id
        raise _bad("chat not found")

    def _chat_for_bot(self, params: _Params, *, key: str = "chat_id") -> _Chat:
        """The chat the bot addresses, or the error Telegram would give."""
        if not params.has(key):
            raise _bad("chat_id is empty")
        chat = self.chats.get(self._resolve_chat_id(params.raw[key]))
        if chat is None:
            raise _bad("chat not found")
        self._check_bot_access(chat)
        return chat

    def _check_bot_access(self, chat: _Chat) -> None:
        if chat.type == "private":
            user = self.users[cast(int, chat.user_id)]
            if user.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if not user.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            return
        kind = "supergroup" if chat.type == "supergroup" else "group"
        if chat.bot_status == "kicked":
            raise ApiError(403, f"Forbidden: bot was kicked from the {kind} chat")
        if chat.bot_status not in ("member", "administrator"):
            raise ApiError(403, f"Forbidden: bot is not a member of the {kind} chat")

    def _check_thread(self, chat: _Chat, thread_id: int | None) -> tuple[int | None, bool]:
        """Validate ``message_thread_id``; returns (thread id, is_topic_message)."""
        if thread_id is None:
            return None, False
        if chat.is_forum:
            if thread_id in chat.topics:
                return thread_id, True
            raise _bad("message thread not found")
        if chat.type == "supergroup":
            root = chat.messages.get(thread_id)
            if root is not None and not root.deleted:
                return thread_id, False
        raise _bad("message thread not found")

    def _check_flood(self, chat: _Chat) -> None:
        """Telegram's documented send limits, enforced only when switched on."""
        if not self.enforce_rate_limits:
            return
        now = time.monotonic()
        glob = self._sent_global
        while glob and glob[0] <= now - 1.0:
            glob.popleft()
        if len(glob) >= 30:
            self._flood(glob[0] + 1.0 - now)
        if chat.is_group:
            window = self._sent_group[chat.id]
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= 20:
                self._flood(window[0] + 60.0 - now)
            window.append(now)
        else:
            # Token bucket: 1 message/s sustained, bursts of up to 3.
            tokens, last = self._private_bucket.get(chat.id, (3.0, now))
            tokens = min(3.0, tokens + (now - last))
            if tokens < 1.0:
                self._private_bucket[chat.id] = (tokens, now)
                self._flood(1.0 - tokens)
            self._private_bucket[chat.id] = (tokens - 1.0, now)
        glob.append(now)

    @staticmethod
    def _flood(seconds: float) -> None:
        retry = max(1, math.ceil(seconds))
        raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})

    # ------------------------------------------------------------------ content parsing

    def _formatted(
        self, params: _Params, text_key: str, mode_key: str, entities_key: str
    ) -> tuple[str | None, list[JSON], str | None]:
        """(plain text, entities, raw text) after parse_mode handling and trimming."""
        raw = params.get_str(text_key)
        if raw is None:
            return None, [], None
        mode = (params.get_str(mode_key) or "").strip()
        if mode.lower() == "html":
            try:
                text, entities = html_to_entities(raw)
            except TelegramHtmlError as err:
                raise _bad(f"can't parse entities: {err.description}") from None
        elif mode == "":
            text = raw
            given = params.get_json(entities_key)
            entities = list(given) if isinstance(given, list) else []
        else:
            raise _bad("unsupported parse_mode")
        text, entities = strip_text(text, entities)
        return text, entities, raw

    def _markup(self, params: _Params) -> JSON:
        """Validate reply_markup; returns the parts to store on the message."""
        markup = params.get_json("reply_markup")
        if markup is None:
            return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": False}
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad(
                    'can\'t parse inline keyboard button: field "inline_keyboard" must be '
                    "an Array of Arrays"
                )
            if sum(len(r) for r in rows) > 100:
                raise _bad("reply markup is too long")
            clean_rows: list[list[JSON]] = []
            for row in rows:
                clean_row = []
                for button in row:
                    if not isinstance(button, dict):
                        raise _bad(
                            "can't parse inline keyboard button: InlineKeyboardButton "
                            "must be an Object"
                        )
                    text = button.get("text")
                    if not isinstance(text, str) or not text.strip():
                        raise _bad("BUTTON_TEXT_INVALID")
                    if "callback_data" in button:
                        data = button["callback_data"]
                        if not isinstance(data, str) or not data:
                            raise _bad("BUTTON_DATA_INVALID")
                        if len(data.encode("utf-8")) > MAX_CALLBACK_DATA:
                            raise _bad("BUTTON_DATA_INVALID")
                    elif "url" in button:
                        url = button["url"]
                        if not isinstance(url, str) or not re.match(r"^(https?://|tg://)\S+$", url):
                            raise _bad(
                                f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL"
                            )
                    elif not any(
                        k in button
                        for k in (
                            "switch_inline_query",
                            "switch_inline_query_current_chat",
                            "login_url",
                            "web_app",
                            "copy_text",
                            "pay",
                            "callback_game",
                        )
                    ):
                        raise _bad(
                            "can't parse inline keyboard button: Text buttons are unallowed in "
                            "the inline keyboard"
                        )
                    clean_row.append(button)
                clean_rows.append(clean_row)
            return {"inline_keyboard": clean_rows, "reply_keyboard": None, "remove_keyboard": False}
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list):
                raise _bad("can't parse reply keyboard markup JSON object")
            texts = [
                [b if isinstance(b, str) else str(b.get("text", "")) for b in row] for row in rows
            ]
            if any(not t for row in texts for t in row):
                raise _bad("BUTTON_TEXT_INVALID")
            return {"inline_keyboard": None, "reply_keyboard": texts, "remove_keyboard": False}
        if markup.get("remove_keyboard"):
            return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": True}
        return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": False}

    def _reply_target(self, chat: _Chat, params: _Params) -> int | None:
        reply = params.get_json("reply_parameters")
        reply_id = None
        allow_missing = params.get_bool("allow_sending_without_reply")
        if isinstance(reply, dict):
            reply_id = reply.get("message_id")
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
            if reply.get("chat_id") not in (None, chat.id, str(chat.id)):
                raise _bad("replies to messages in other chats are not supported by the sandbox")
        elif params.has("reply_to_message_id"):
            reply_id = params.get_int("reply_to_message_id")
        if reply_id is None:
            return None
        target = chat.messages.get(int(reply_id))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise _bad("message to be replied not found")
        return int(reply_id)

    def _new_message(
        self, chat: _Chat, *, sender_id: int, from_bot: bool, **fields: Any
    ) -> _Message:
        msg = _Message(
            chat_id=chat.id,
            message_id=chat.next_message_id,
            sender_id=sender_id,
            from_bot=from_bot,
            date=int(time.time()),
            **fields,
        )
        chat.next_message_id += 1
        chat.messages[msg.message_id] = msg
        self._notify()
        return msg

    # ------------------------------------------------------------------ Bot API methods

    def _api_getMe(self, params: _Params) -> JSON:
        me = self.bot.api()
        me.update(
            {
                "can_join_groups": True,
                "can_read_all_group_messages": not self.privacy_mode,
                "supports_inline_queries": False,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )
        return me

    async def _api_getUpdates(self, params: _Params, request: web.Request) -> list[JSON]:
        if self._webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = params.get_int("offset")
        limit = max(1, min(100, params.get_int("limit", 100) or 100))
        timeout = max(0.0, params.get_float("timeout", 0.0) or 0.0)
        allowed = params.get_json("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = frozenset(allowed) if allowed else None
        # A newer getUpdates call ends an older one still waiting, as on Telegram.
        self._poll_generation += 1
        generation = self._poll_generation
        self._confirm(offset)

        def ready() -> bool:
            return bool(self._batch(limit)) or generation != self._poll_generation

        await self._wait_until(ready, timeout)
        if generation != self._poll_generation and not self._stopping:
            raise ApiError(409, _CONFLICT_POLL)
        if request.transport is None or request.transport.is_closing():
            return []  # nobody is listening any more; do not count a handout
        batch = [] if self._stopping else self._batch(limit)
        if batch:
            ids = [u["update_id"] for u in batch]
            self.handouts.append(
                {"update_ids": ids, "monotonic": time.monotonic(), "wall": time.time()}
            )
            for update_id in ids:
                self.delivery_counts[update_id] += 1
        return batch

    def _api_deleteWebhook(self, params: _Params) -> bool:
        self._webhook_url = ""
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_setWebhook(self, params: _Params) -> bool:
        url = params.get_str("url") or ""
        if url and not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_getWebhookInfo(self, params: _Params) -> JSON:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _api_logOut(self, params: _Params) -> bool:
        return True

    def _api_close(self, params: _Params) -> bool:
        return True

    def _common_send_fields(self, chat: _Chat, params: _Params) -> JSON:
        thread_id, is_topic = self._check_thread(chat, params.get_int("message_thread_id"))
        reply_to = self._reply_target(chat, params)
        if thread_id is None and reply_to is not None and chat.type == "supergroup":
            replied = chat.messages[reply_to]
            thread_id = replied.thread_id if replied.thread_id is not None else reply_to
            is_topic = replied.is_topic_message
        markup = self._markup(params)
        return {
            "thread_id": thread_id,
            "is_topic_message": is_topic,
            "reply_to": reply_to,
            "disable_notification": params.get_bool("disable_notification"),
            **markup,
        }

    def _api_sendMessage(self, params: _Params) -> JSON:
        chat = self._chat_for_bot(params)
        text, entities, raw = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise _bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise _bad("message is too long")
        common = self._common_send_fields(chat, params)
        lpo = params.get_json("link_preview_options")
        self._check_flood(chat)
        msg = self._new_message(
            chat,
            sender_id=self.bot.id,
            from_bot=True,
            text=text,
            html=raw,
            parse_mode=params.get_str("parse_mode"),
            entities=entities,
            link_preview_options=lpo if isinstance(lpo, dict) else None,
            **common,
        )
        return self.message_api(msg)

    def _media_source(self, params: _Params, key: str, kind: str) -> _StoredFile:
        """Store an uploaded file, or look up a file_id the bot re-sends."""
        upload = params.upload(key)
        if upload is not None:
            if not upload.data:
                raise _bad("file must be non-empty")
            if len(upload.data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            mime = upload.content_type
            if not mime or mime == "application/octet-stream":
                mime = mimetypes.guess_type(upload.filename)[0] or mime
            if kind == "photo" and _image_size(upload.data) is None:
                raise _bad("IMAGE_PROCESS_FAILED")
            return self._store_file(upload.data, kind, upload.filename, mime)
        ref = params.get_str(key)
        if not ref:
            raise _bad(f"there is no {kind} in the request")
        if ref.startswith(("http://", "https://")):
            # The sandbox never fetches URLs; it remembers the URL as the file content.
            name = ref.rsplit("/", 1)[-1] or kind
            return self._store_file(ref.encode(), kind, name, mimetypes.guess_type(name)[0])
        stored = self.files.get(ref)
        if stored is None:
            raise _bad("wrong file identifier/HTTP URL specified")
        if kind == "photo" and stored.kind != "photo":
            raise _bad(f"can't use file of type {stored.kind.capitalize()} as Photo")
        return stored

    def _store_file(
        self, data: bytes, kind: str, name: str | None, mime: str | None
    ) -> _StoredFile:
        n = next(self._file_counter)
        prefix = "AgACAgIAAxkB" if kind == "photo" else "BQACAgIAAxkB"
        file_id = f"{prefix}{n:06d}{secrets.token_urlsafe(24)}"
        unique = f"AQAD{n:06d}{secrets.token_hex(4)}"
        if name and "." in name:
            ext = name.rsplit(".", 1)[-1]
        else:
            ext = "jpg" if kind == "photo" else "bin"
        folder = "photos" if kind == "photo" else "documents"
        path = f"{folder}/file_{n}.{ext}"
        stored = _StoredFile(file_id, unique, data, path, kind, name, mime)
        self.files[file_id] = stored
        self._files_by_path[path] = stored
        return stored

    def _photo_sizes(self, stored: _StoredFile) -> list[JSON]:
        """2–3 PhotoSize objects like Telegram's thumbnails, smallest first.

        The sandbox does not rescale: every size downloads the same bytes, only the reported
        dimensions differ.
        """
        width, height = _image_size(stored.data) or (1280, 960)
        longest = max(width, height)
        targets = [t for t in (90, 320) if t < longest] or [longest]
        files = [
            self._store_file(stored.data, "photo", stored.file_name, stored.mime_type)
            for _ in targets
        ]
        out = []
        for size, target in zip([*files, stored], [*targets, longest], strict=True):
            factor = target / longest
            out.append(
                {
                    "file_id": size.file_id,
                    "file_unique_id": size.file_unique_id,
                    "file_size": len(size.data),
                    "width": max(1, round(width * factor)),
                    "height": max(1, round(height * factor)),
                }
            )
        return out

    def _document_api(self, stored: _StoredFile) -> JSON:
        return _drop_none(
            {
                "file_name": stored.file_name,
                "mime_type": stored.mime_type,
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.data),
            }
        )

    def _caption(self, params: _Params) -> tuple[str | None, list[JSON], str | None]:
        caption, entities, raw = self._formatted(
            params, "caption", "parse_mode", "caption_entities"
        )
        if caption is not None and utf16_len(caption) > MAX_CAPTION:
            raise _bad("message caption is too long")
        return (caption or None), entities, raw

    def _api_sendPhoto(self, params: _Params) -> JSON:
        chat = self._chat_for_bot(params)
        caption, entities, raw = self._caption(params)
        common = self._common_send_fields(chat, params)
        stored = self._media_source(params, "photo", "photo")
        self._check_flood(chat)
        msg = self._new_message(
            chat,
            sender_id=self.bot.id,
            from_bot=True,
            photo=self._photo_sizes(stored),
            caption=caption,
            caption_entities=entities,
            html=raw,
            parse_mode=params.get_str("parse_mode"),
            **common,
        )
        return self.message_api(msg)

    def _api_sendDocument(self, params: _Params) -> JSON:
        chat = self._chat_for_bot(params)
        caption, entities, raw = self._caption(params)
        common = self._common_send_fields(chat, params)
        stored = self._media_source(params, "document", "document")
        self._check_flood(chat)
        msg = self._new_message(
            chat,
            sender_id=self.bot.id,
            from_bot=True,
            document=self._document_api(stored),
            caption=caption,
            caption_entities=entities,
            html=raw,
            parse_mode=params.get_str("parse_mode"),
            **common,
        )
        return self.message_api(msg)

    def _message_to_edit(self, params: _Params) -> _Message:
        if params.has("inline_message_id"):
            raise _bad("message to edit not found")
        chat = self._chat_for_bot(params)
        message_id = params.get_int("message_id")
        msg = chat.messages.get(message_id) if message_id is not None else None
        if msg is None or msg.deleted or msg.service:
            raise _bad("message to edit not found")
        if not msg.from_bot:
            raise _bad("message can't be edited")
        return msg

    def _apply_edit(self, msg: _Message, compared: JSON, extra: JSON | None = None) -> JSON:
        """Apply an edit unless it changes nothing Telegram compares (then 400 not modified).

        ``compared`` holds the fields Telegram looks at (text/caption, entities, inline
        keyboard); ``extra`` is bookkeeping (raw HTML) that does not count as a change.
        """
        if all(getattr(msg, key) == value for key, value in compared.items()):
            raise ApiError(400, _NOT_MODIFIED)
        msg.history.append(
            {"text": msg.text, "caption": msg.caption, "html": msg.html, "edit_date": msg.edit_date}
        )
        for key, value in {**compared, **(extra or {})}.items():
            setattr(msg, key, value)
        msg.edit_date = int(time.time())
        msg.edit_count += 1
        self._notify()
        return self.message_api(msg)

    def _api_editMessageText(self, params: _Params) -> JSON:
        msg = self._message_to_edit(params)
        text, entities, raw = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise _bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise _bad("message is too long")
        if msg.text is None:
            raise _bad("there is no text in the message to edit")
        markup = self._markup(params)
        # No reply_markup in an edit removes the inline keyboard, exactly like Telegram.
        return self._apply_edit(
            msg,
            {"text": text, "entities": entities, "inline_keyboard": markup["inline_keyboard"]},
            {"html": raw, "parse_mode": params.get_str("parse_mode")},
        )

    def _api_editMessageCaption(self, params: _Params) -> JSON:
        msg = self._message_to_edit(params)
        if msg.photo is None and msg.document is None:
            raise _bad("there is no caption in the message to edit")
        caption, entities, raw = self._caption(params)
        markup = self._markup(params)
        return self._apply_edit(
            msg,
            {
                "caption": caption,
                "caption_entities": entities,
                "inline_keyboard": markup["inline_keyboard"],
            },
            {"html": raw, "parse_mode": params.get_str("parse_mode")},
        )

    def _api_editMessageReplyMarkup(self, params: _Params) -> JSON:
        msg = self._message_to_edit(params)
        markup = self._markup(params)
        return self._apply_edit(msg, {"inline_keyboard": markup["inline_keyboard"]})

    def _api_deleteMessage(self, params: _Params) -> bool:
        chat = self._chat_for_bot(params)
        msg = chat.messages.get(params.get_int("message_id") or 0)
        if msg is None or msg.deleted:
            raise _bad("message to delete not found")
        if chat.is_group and not msg.from_bot and chat.bot_status != "administrator":
            raise _bad("message can't be deleted")
        msg.deleted = True
        self._notify()
        return True

    def _api_answerCallbackQuery(self, params: _Params) -> bool:
        query = self._queries.get(params.get_str("callback_query_id") or "")
        if query is None or query.answered:
            raise ApiError(400, _QUERY_TOO_OLD)
        text = params.get_str("text")
        if text is not None and len(text) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        query.answered = True
        self._toasts[query.user_id].append(
            {
                "query_id": query.id,
                "text": text,
                "show_alert": params.get_bool("show_alert"),
                "url": params.get_str("url"),
                "chat_id": query.chat_id,
                "message_id": query.message_id,
                "monotonic": time.monotonic(),
            }
        )
        self._notify()
        return True

    def _api_getFile(self, params: _Params) -> JSON:
        stored = self.files.get(params.get_str("file_id") or "")
        if stored is None:
            raise _bad("wrong file_id or the file is temporarily unavailable")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def _scope_key(self, params: _Params) -> tuple[str, str]:
        scope = params.get_json("scope") or {"type": "default"}
        return self.scope_key(scope, params.get_str("language_code") or "")

    def scope_key(self, scope: JSON | None, language_code: str) -> tuple[str, str]:
        """Canonical storage key for a BotCommandScope + language."""
        scope = dict(scope or {"type": "default"})
        valid = {
            "default",
            "all_private_chats",
            "all_group_chats",
            "all_chat_administrators",
            "chat",
            "chat_administrators",
            "chat_member",
        }
        if scope.get("type") not in valid:
            raise _bad("unsupported scope type")
        if "chat_id" in scope:
            scope["chat_id"] = self._resolve_chat_id(scope["chat_id"])
        if "user_id" in scope:
            scope["user_id"] = int(scope["user_id"])
        if language_code and not re.fullmatch(r"[a-z]{2}", language_code):
            raise _bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language_code

    def _api_setMyCommands(self, params: _Params) -> bool:
        commands = params.get_json("commands")
        if not isinstance(commands, list):
            raise _bad("commands must be an array")
        if len(commands) > 100:
            raise _bad("too many commands")
        clean = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad("BOT_COMMAND_INVALID")
            name = str(command.get("command", ""))
            description = str(command.get("description", ""))
            if not _BOT_COMMAND_NAME_RE.match(name):
                raise _bad("BOT_COMMAND_INVALID")
            if not description.strip() or len(description) > 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": description})
        key = self._scope_key(params)
        if clean:
            self._commands[key] = clean
        else:
            self._commands.pop(key, None)
        return True

    def _api_getMyCommands(self, params: _Params) -> list[JSON]:
        return list(self._commands.get(self._scope_key(params), []))

    def _api_deleteMyCommands(self, params: _Params) -> bool:
        self._commands.pop(self._scope_key(params), None)
        return True

    def command_menu(self, user_id: int, chat_id: int | None = None) -> list[JSON]:
        """The command list a user's client shows, resolving scopes as Telegram documents."""
        user = self.users[user_id]
        chat = self.chats.get(chat_id if chat_id is not None else user_id)
        lang = user.language_code or ""
        candidates: list[JSON] = []
        if chat is None or chat.type == "private":
            cid = user_id
            candidates = [{"type": "chat", "chat_id": cid}, {"type": "all_private_chats"}]
        else:
            status = chat.members.get(user_id, "left")
            candidates = [
                {"type": "chat_member", "chat_id": chat.id, "user_id": user_id},
            ]
            if status in ("creator", "administrator"):
                candidates.append({"type": "chat_administrators", "chat_id": chat.id})
            candidates.append({"type": "chat", "chat_id": chat.id})
            if status in ("creator", "administrator"):
                candidates.append({"type": "all_chat_administrators"})
            candidates.append({"type": "all_group_chats"})
        candidates.append({"type": "default"})
        for scope in candidates:
            for language in [lang, ""] if lang else [""]:
                key = (json.dumps(scope, sort_keys=True), language)
                if key in self._commands:
                    return list(self._commands[key])
        return []

    def _api_getChatMember(self, params: _Params) -> JSON:
        chat = self._chat_for_bot(params)
        user_id = params.get_int("user_id")
        if user_id == self.bot.id:
            status = "member" if chat.type == "private" else chat.bot_status
            return self._member_api(self.bot, status, chat)
        user = self.users.get(user_id or 0)
        if user is None:
            raise _bad("user not found")
        if chat.type == "private":
            if user.id != chat.user_id:
                raise _bad("user not found")
            return self._member_api(user, "member", chat)
        return self._member_api(user, chat.members.get(user.id, "left"), chat)

    def _api_getChat(self, params: _Params) -> JSON:
        chat = self._chat_for_bot(params)
        info = self.chat_api(chat)
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return info

    def _api_getChatAdministrators(self, params: _Params) -> list[JSON]:
        chat = self._chat_for_bot(params)
        if not chat.is_group:
            raise _bad("there are no administrators in the private chat")
        out = [
            self._member_api(self.users[uid], status, chat)
            for uid, status in chat.members.items()
            if status in ("creator", "administrator")
        ]
        if chat.bot_status == "administrator":
            out.append(self._member_api(self.bot, "administrator", chat))
        return out

    def _api_sendChatAction(self, params: _Params) -> bool:
        chat = self._chat_for_bot(params)
        self._check_thread(chat, params.get_int("message_thread_id"))
        return True

    def _api_leaveChat(self, params: _Params) -> bool:
        chat = self._chat_for_bot(params)
        if not chat.is_group:
            raise _bad("chat member status can't be changed in private chats")
        self._set_bot_status(chat, "left", by=self.bot)
        return True

    # ------------------------------------------------------------------ simulated world

    def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        user_id: int | None = None,
        started: bool = False,
    ) -> _User:
        uid = user_id if user_id is not None else next(self._user_ids)
        while user_id is None and uid in self.users:
            uid = next(self._user_ids)
        if uid in self.users or uid <= 0:
            raise ControlError(f"user id {uid} is taken or invalid")
        user = _User(uid, first_name, last_name, username, language_code, started=started)
        self.users[uid] = user
        self.chats[uid] = _Chat(id=uid, type="private", user_id=uid)
        self._notify()
        return user

    def create_group(
        self,
        title: str,
        *,
        members: Sequence[int],
        admins: Sequence[int] = (),
        forum: bool = False,
        supergroup: bool = True,
        with_bot: bool = False,
        username: str | None = None,
    ) -> _Chat:
        if forum and not supergroup:
            raise ControlError("only supergroups can be forums")
        if supergroup:
            chat_id = -1_001_000_000_000 - next(self._supergroup_ids)
        else:
            chat_id = -4_000_000_000 - next(self._group_ids)
        chat = _Chat(
            id=chat_id,
            type="supergroup" if supergroup else "group",
            title=title,
            is_forum=forum,
            username=username,
        )
        for index, uid in enumerate(admins):
            self._user(uid)
            chat.members[uid] = "creator" if index == 0 else "administrator"
        for uid in members:
            self._user(uid)
            chat.members.setdefault(uid, "member")
        self.chats[chat_id] = chat
        if with_bot:
            adder = next(iter(chat.members), None)
            if adder is None:
                raise ControlError("with_bot needs at least one member to add the bot")
            self.add_bot(chat_id, by=adder)
        self._notify()
        return chat

    def _user(self, user_id: int) -> _User:
        user = self.users.get(user_id)
        if user is None:
            raise ControlError(f"unknown user {user_id}")
        return user

    def _chat(self, chat_id: int) -> _Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ControlError(f"unknown chat {chat_id}")
        return chat

    def _group(self, chat_id: int) -> _Chat:
        chat = self._chat(chat_id)
        if not chat.is_group:
            raise ControlError(f"chat {chat_id} is not a group")
        return chat

    def _set_bot_status(self, chat: _Chat, status: str, *, by: _User) -> None:
        old = chat.bot_status
        if old == status:
            return
        chat.bot_status = status
        self._queue(
            "my_chat_member",
            {
                "chat": self.chat_api(chat),
                "from": by.api(),
                "date": int(time.time()),
                "old_chat_member": self._member_api(self.bot, old, chat),
                "new_chat_member": self._member_api(self.bot, status, chat),
            },
        )

    def add_bot(self, chat_id: int, *, by: int, admin: bool = False) -> None:
        chat = self._group(chat_id)
        user = self._user(by)
        if chat.members.get(by) not in ("creator", "administrator", "member"):
            raise ControlError(f"user {by} is not a member of {chat.title!r}")
        was_in = chat.bot_status in ("member", "administrator")
        self._set_bot_status(chat, "administrator" if admin else "member", by=user)
        if not was_in:
            msg = self._new_message(
                chat,
                sender_id=by,
                from_bot=False,
                service={"new_chat_members": [self.bot.api()]},
            )
            self._deliver(chat, msg, "message")

    def remove_bot(self, chat_id: int, *, by: int) -> None:
        chat = self._group(chat_id)
        user = self._user(by)
        if chat.members.get(by) not in ("creator", "administrator"):
            raise ControlError(f"user {by} is not an admin of {chat.title!r}")
        if chat.bot_status not in ("member", "administrator"):
            raise ControlError("the bot is not in that group")
        self._set_bot_status(chat, "kicked", by=user)
        self._new_message(
            chat, sender_id=by, from_bot=False, service={"left_chat_member": self.bot.api()}
        )

    def set_member(self, chat_id: int, user_id: int, status: str, *, by: int | None = None) -> None:
        """Set a person's membership status; emits service message / chat_member update."""
        chat = self._group(chat_id)
        user = self._user(user_id)
        if status not in ("creator", "administrator", "member", "left", "kicked"):
            raise ControlError(f"bad status {status}")
        old = chat.members.get(user_id, "left")
        if old == status:
            return
        chat.members[user_id] = status
        actor = self.users.get(by) if by is not None else user
        if self.bot_admin(chat):
            self._queue(
                "chat_member",
                {
                    "chat": self.chat_api(chat),
                    "from": (actor or user).api(),
                    "date": int(time.time()),
                    "old_chat_member": self._member_api(user, old, chat),
                    "new_chat_member": self._member_api(user, status, chat),
                },
            )
        joined = old in ("left", "kicked") and status not in ("left", "kicked")
        left = status in ("left", "kicked") and old not in ("left", "kicked")
        if joined or left:
            service = (
                {"new_chat_members": [user.api()]} if joined else {"left_chat_member": user.api()}
            )
            msg = self._new_message(
                chat, sender_id=(actor or user).id, from_bot=False, service=service
            )
            self._deliver(chat, msg, "message")

    @staticmethod
    def bot_admin(chat: _Chat) -> bool:
        return chat.bot_status == "administrator"

    def create_topic(self, chat_id: int, name: str, *, by: int | None = None) -> int:
        chat = self._group(chat_id)
        if not chat.is_forum:
            raise ControlError(f"{chat.title!r} is not a forum")
        sender = (
            by
            if by is not None
            else next(
                (uid for uid, s in chat.members.items() if s == "creator"),
                next(iter(chat.members), self.bot.id),
            )
        )
        msg = self._new_message(
            chat,
            sender_id=sender,
            from_bot=sender == self.bot.id,
            service={"forum_topic_created": {"name": name, "icon_color": 7322096}},
        )
        msg.thread_id = msg.message_id
        msg.is_topic_message = True
        chat.topics[msg.message_id] = name
        self._deliver(chat, msg, "message")
        return msg.message_id

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        user = self._user(user_id)
        if user.blocked == blocked:
            return
        user.blocked = blocked
        chat = self.chats[user_id]
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        self._queue(
            "my_chat_member",
            {
                "chat": self.chat_api(chat),
                "from": user.api(),
                "date": int(time.time()),
                "old_chat_member": self._member_api(self.bot, old, chat),
                "new_chat_member": self._member_api(self.bot, new, chat),
            },
        )

    def _deliver(self, chat: _Chat, msg: _Message, kind: str) -> int | None:
        """Queue an update about a person's message if Telegram would tell the bot."""
        if chat.type == "private":
            user = self.users[cast(int, chat.user_id)]
            if user.blocked:
                return None
        else:
            if chat.bot_status not in ("member", "administrator"):
                return None
            if self.privacy_mode and chat.bot_status != "administrator" and not msg.service:
                commands = [
                    e for e in (msg.entities or msg.caption_entities) if e["type"] == "bot_command"
                ]
                text = msg.text or msg.caption or ""
                for_us = any(
                    "@" not in self._entity_text(text, e)
                    or self._entity_text(text, e).split("@", 1)[1].lower()
                    == (self.bot.username or "").lower()
                    for e in commands
                )
                replied = chat.messages.get(msg.reply_to) if msg.reply_to else None
                if not for_us and not (replied is not None and replied.from_bot):
                    return None
        return self._queue(kind, self.message_api(msg))

    @staticmethod
    def _entity_text(text: str, entity: JSON) -> str:
        encoded = text.encode("utf-16-le")
        start, length = entity["offset"] * 2, entity["length"] * 2
        return encoded[start : start + length].decode("utf-16-le")

    def _person_chat(self, user: _User, chat_id: int | None) -> _Chat:
        """The chat a person acts in; opening/unblocking the private chat as a client would."""
        if chat_id is None or chat_id == user.id:
            chat = self.chats[user.id]
            if user.blocked:
                # Writing to a blocked bot means pressing "Restart" first, which unblocks it.
                self.set_blocked(user.id, False)
            user.started = True
            return chat
        chat = self._chat(chat_id)
        if chat.members.get(user.id) not in ("creator", "administrator", "member"):
            raise ControlError(f"user {user.id} is not a member of {chat.title!r}")
        return chat

    def _person_message(
        self,
        user_id: int,
        chat_id: int | None,
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
        **fields: Any,
    ) -> tuple[_Message, int | None]:
        user = self._user(user_id)
        chat = self._person_chat(user, chat_id)
        is_topic = False
        if thread_id is not None:
            try:
                thread_id, is_topic = self._check_thread(chat, thread_id)
            except ApiError:
                raise ControlError(f"no thread {thread_id} in chat {chat.id}") from None
        if reply_to is not None:
            replied = chat.messages.get(reply_to)
            if replied is None or replied.deleted:
                raise ControlError(f"no message {reply_to} in chat {chat.id} to reply to")
            if thread_id is None and chat.type == "supergroup":
                thread_id = replied.thread_id if replied.thread_id is not None else reply_to
                is_topic = replied.is_topic_message
        msg = self._new_message(
            chat,
            sender_id=user.id,
            from_bot=False,
            thread_id=thread_id,
            is_topic_message=is_topic,
            reply_to=reply_to,
            **fields,
        )
        return msg, self._deliver(chat, msg, "message")

    def user_send(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
        forward_from: int | None = None,
    ) -> tuple[int, int | None]:
        if not text:
            raise ControlError("a person cannot send an empty message")
        origin = None
        if forward_from is not None:
            source = self._user(forward_from)
            origin = {"type": "user", "sender_user": source.api(), "date": int(time.time()) - 60}
        msg, update_id = self._person_message(
            user_id,
            chat_id,
            thread_id=thread_id,
            reply_to=reply_to,
            text=text,
            entities=command_entities(text) if origin is None else [],
            forward_origin=origin,
        )
        return msg.message_id, update_id

    def user_edit(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> int | None:
        user = self._user(user_id)
        chat = self.chats[chat_id if chat_id is not None else user.id]
        msg = chat.messages.get(message_id)
        if msg is None or msg.deleted or msg.from_bot or msg.sender_id != user_id:
            raise ControlError(f"user {user_id} has no message {message_id} in chat {chat.id}")
        if msg.text is None:
            raise ControlError("only text messages can be edited by the sandbox")
        msg.history.append({"text": msg.text, "edit_date": msg.edit_date})
        msg.text = text
        msg.entities = command_entities(text)
        msg.edit_date = int(time.time())
        msg.edit_count += 1
        self._notify()
        return self._deliver(chat, msg, "edited_message")

    def user_photo(
        self,
        user_id: int,
        *,
        data: bytes | None = None,
        caption: str | None = None,
        chat_id: int | None = None,
        thread_id: int | None = None,
    ) -> tuple[int, int | None]:
        stored = self._store_file(data or _DEFAULT_PNG, "photo", "photo.jpg", "image/jpeg")
        msg, update_id = self._person_message(
            user_id,
            chat_id,
            thread_id=thread_id,
            photo=self._photo_sizes(stored),
            caption=caption or None,
            caption_entities=command_entities(caption) if caption else [],
        )
        return msg.message_id, update_id

    def user_document(
        self,
        user_id: int,
        filename: str,
        data: bytes,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
        thread_id: int | None = None,
        mime_type: str | None = None,
    ) -> tuple[int, int | None]:
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = self._store_file(data, "document", filename, mime)
        msg, update_id = self._person_message(
            user_id,
            chat_id,
            thread_id=thread_id,
            document=self._document_api(stored),
            caption=caption or None,
            caption_entities=command_entities(caption) if caption else [],
        )
        return msg.message_id, update_id

    def user_location(
        self,
        user_id: int,
        latitude: float,
        longitude: float,
        *,
        chat_id: int | None = None,
        thread_id: int | None = None,
    ) -> tuple[int, int | None]:
        msg, update_id = self._person_message(
            user_id,
            chat_id,
            thread_id=thread_id,
            location={"latitude": latitude, "longitude": longitude},
        )
        return msg.message_id, update_id

    def user_press(
        self,
        user_id: int,
        *,
        chat_id: int | None = None,
        button_text: str | None = None,
        callback_data: str | None = None,
        message_id: int | None = None,
    ) -> tuple[str, int | None]:
        """A person taps an inline button; returns (callback query id, update id)."""
        user = self._user(user_id)
        chat = self._person_chat(user, chat_id)
        if button_text is not None:
            msg, data = self._find_button(chat, button_text, message_id)
        else:
            target = chat.messages.get(message_id or 0)
            if target is None or target.deleted:
                raise ControlError(f"no message {message_id} in chat {chat.id}")
            msg, data = target, cast(str, callback_data)
        query_id = str(4_000_000_000_000_000_000 + next(self._query_counter) * 7919)
        self._queries[query_id] = _Query(query_id, user.id, chat.id, msg.message_id)
        payload = {
            "id": query_id,
            "from": user.api(),
            "message": self.message_api(msg),
            "chat_instance": str(abs(chat.id) * 2654435761 % 10**19),
            "data": data,
        }
        update_id = None
        if chat.type == "private" or chat.bot_status in ("member", "administrator"):
            update_id = self._queue("callback_query", payload)
        return query_id, update_id

    def _find_button(
        self, chat: _Chat, button_text: str, message_id: int | None
    ) -> tuple[_Message, str]:
        def buttons_of(msg: _Message) -> list[JSON]:
            return [b for row in (msg.inline_keyboard or []) for b in row]

        if message_id is not None:
            candidates = [chat.messages.get(message_id)]
            if candidates[0] is None or candidates[0].deleted:
                raise ControlError(f"no message {message_id} in chat {chat.id}")
        else:
            candidates = [
                m
                for m in reversed(chat.messages.values())
                if m.from_bot and not m.deleted and m.inline_keyboard
            ]
        for msg in candidates:
            assert msg is not None
            for button in buttons_of(msg):
                if button.get("text") == button_text:
                    if "callback_data" not in button:
                        raise ControlError(
                            f"button {button_text!r} on message {msg.message_id} is not a "
                            f"callback button: {button}"
                        )
                    return msg, button["callback_data"]
        seen = {
            m.message_id: [b.get("text") for b in buttons_of(m)]
            for m in candidates[:5]
            if m is not None
        }
        where = f"message {message_id}" if message_id is not None else "any bot message"
        raise ControlError(
            f"no button {button_text!r} on {where} in chat {chat.id}; buttons seen "
            f"(message_id: texts): {seen}"
        )

    def inject_update(self, raw: JSON) -> int:
        """Queue a raw update exactly as given (hostile-input tests)."""
        update = dict(raw)
        if "update_id" not in update:
            update["update_id"] = self._next_update_id
        self._next_update_id = max(self._next_update_id, int(update["update_id"])) + 1
        self._updates.append(update)
        self._notify()
        return int(update["update_id"])

    def set_faults(
        self,
        *,
        rate_429: float = 0.0,
        retry_after: int = 1,
        rate_5xx: float = 0.0,
        rate_slow: float = 0.0,
        slow_seconds: float = 0.0,
        methods: list[str] | None = None,
        include_get_updates: bool = False,
        seed: int = 0,
    ) -> None:
        self._faults = _Faults(
            rate_429=rate_429,
            retry_after=retry_after,
            rate_5xx=rate_5xx,
            rate_slow=rate_slow,
            slow_seconds=slow_seconds,
            methods=frozenset(m.lower() for m in methods) if methods is not None else None,
            include_get_updates=include_get_updates,
            rng=random.Random(seed),
        )

    def bot_messages(self, chat_id: int) -> list[_Message]:
        return [m for m in self._chat(chat_id).messages.values() if m.from_bot]

    # ------------------------------------------------------------------ control routes

    def _control(self, handler: Any) -> Any:
        async def wrapped(request: web.Request) -> web.Response:
            try:
                body: JSON = {}
                if request.method in ("POST", "DELETE") and request.body_exists:
                    body = await request.json()
                result = await handler(request, body)
            except ControlError as err:
                return web.json_response({"ok": False, "error": str(err)}, status=400)
            except (KeyError, TypeError, ValueError) as err:
                return web.json_response(
                    {"ok": False, "error": f"bad control request: {err!r}"}, status=400
                )
            self._notify()
            return web.json_response({"ok": True, "result": result})

        return wrapped

    @staticmethod
    def _q_int(request: web.Request, key: str, default: int | None = None) -> int | None:
        value = request.query.get(key)
        return int(value) if value not in (None, "", "null") else default

    @staticmethod
    def _q_float(request: web.Request, key: str, default: float) -> float:
        value = request.query.get(key)
        return float(value) if value not in (None, "") else default

    def _user_info(self, user: _User) -> JSON:
        return {**user.api(), "chat_id": user.id, "blocked": user.blocked, "started": user.started}

    def _chat_info(self, chat: _Chat) -> JSON:
        return {
            **self.chat_api(chat),
            "is_forum": chat.is_forum,
            "members": {str(k): v for k, v in chat.members.items()},
            "bot_status": chat.bot_status,
            "topics": {str(k): v for k, v in chat.topics.items()},
        }

    async def _c_create_user(self, request: web.Request, body: JSON) -> JSON:
        user = self.create_user(
            body["first_name"],
            last_name=body.get("last_name"),
            username=body.get("username"),
            language_code=body.get("language_code", "id"),
            user_id=body.get("user_id"),
            started=bool(body.get("started", False)),
        )
        return self._user_info(user)

    async def _c_get_user(self, request: web.Request, body: JSON) -> JSON:
        return self._user_info(self._user(int(request.match_info["user_id"])))

    async def _c_block(self, request: web.Request, body: JSON) -> bool:
        self.set_blocked(int(request.match_info["user_id"]), bool(body["blocked"]))
        return True

    async def _c_toasts(self, request: web.Request, body: JSON) -> list[JSON]:
        return list(self._toasts.get(int(request.match_info["user_id"]), []))

    async def _c_command_menu(self, request: web.Request, body: JSON) -> list[JSON]:
        return self.command_menu(
            int(request.match_info["user_id"]), self._q_int(request, "chat_id")
        )

    async def _c_create_group(self, request: web.Request, body: JSON) -> JSON:
        chat = self.create_group(
            body["title"],
            members=[int(u) for u in body.get("members", [])],
            admins=[int(u) for u in body.get("admins", [])],
            forum=bool(body.get("forum", False)),
            supergroup=bool(body.get("supergroup", True)),
            with_bot=bool(body.get("with_bot", False)),
            username=body.get("username"),
        )
        return self._chat_info(chat)

    async def _c_get_chat(self, request: web.Request, body: JSON) -> JSON:
        return self._chat_info(self._chat(int(request.match_info["chat_id"])))

    async def _c_group_bot(self, request: web.Request, body: JSON) -> bool:
        chat_id = int(request.match_info["chat_id"])
        action = body["action"]
        if action == "add":
            self.add_bot(chat_id, by=int(body["by"]), admin=bool(body.get("admin", False)))
        elif action == "remove":
            self.remove_bot(chat_id, by=int(body["by"]))
        elif action == "promote":
            chat = self._group(chat_id)
            if chat.bot_status not in ("member", "administrator"):
                raise ControlError("the bot is not in that group")
            status = "administrator" if body.get("admin", True) else "member"
            self._set_bot_status(chat, status, by=self._user(int(body["by"])))
        else:
            raise ControlError(f"unknown action {action!r}")
        return True

    async def _c_group_member(self, request: web.Request, body: JSON) -> bool:
        by = body.get("by")
        self.set_member(
            int(request.match_info["chat_id"]),
            int(body["user_id"]),
            body["status"],
            by=int(by) if by is not None else None,
        )
        return True

    async def _c_create_topic(self, request: web.Request, body: JSON) -> int:
        by = body.get("by")
        return self.create_topic(
            int(request.match_info["chat_id"]), body["name"], by=int(by) if by else None
        )

    async def _c_send(self, request: web.Request, body: JSON) -> JSON:
        message_id, update_id = self.user_send(
            int(body["user_id"]),
            body["text"],
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
            reply_to=body.get("reply_to"),
            forward_from=body.get("forward_from"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_edit(self, request: web.Request, body: JSON) -> JSON:
        update_id = self.user_edit(
            int(body["user_id"]), int(body["message_id"]), body["text"], chat_id=body.get("chat_id")
        )
        return {"update_id": update_id}

    async def _c_photo(self, request: web.Request, body: JSON) -> JSON:
        data = base64.b64decode(body["data"]) if body.get("data") else None
        message_id, update_id = self.user_photo(
            int(body["user_id"]),
            data=data,
            caption=body.get("caption"),
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_document(self, request: web.Request, body: JSON) -> JSON:
        message_id, update_id = self.user_document(
            int(body["user_id"]),
            body["filename"],
            base64.b64decode(body["data"]),
            caption=body.get("caption"),
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
            mime_type=body.get("mime_type"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_location(self, request: web.Request, body: JSON) -> JSON:
        message_id, update_id = self.user_location(
            int(body["user_id"]),
            float(body["latitude"]),
            float(body["longitude"]),
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_press(self, request: web.Request, body: JSON) -> JSON:
        query_id, update_id = self.user_press(
            int(body["user_id"]),
            chat_id=body.get("chat_id"),
            button_text=body.get("button_text"),
            callback_data=body.get("callback_data"),
            message_id=body.get("message_id"),
        )
        return {"query_id": query_id, "update_id": update_id}

    async def _c_inject(self, request: web.Request, body: JSON) -> int:
        return self.inject_update(body["update"])

    def _visible(self, chat: _Chat, thread_id: int | None) -> list[_Message]:
        return [
            m
            for m in chat.messages.values()
            if not m.deleted and (thread_id is None or m.thread_id == thread_id)
        ]

    async def _c_messages(self, request: web.Request, body: JSON) -> list[JSON]:
        chat = self._chat(int(request.match_info["chat_id"]))
        thread_id = self._q_int(request, "thread_id")
        include_deleted = request.query.get("include_deleted") == "1"
        messages = (
            list(chat.messages.values()) if include_deleted else self._visible(chat, thread_id)
        )
        return [self.message_view(m) for m in messages]

    async def _c_message(self, request: web.Request, body: JSON) -> JSON:
        chat = self._chat(int(request.match_info["chat_id"]))
        msg = chat.messages.get(int(request.match_info["message_id"]))
        if msg is None:
            raise ControlError(f"no message {request.match_info['message_id']} in chat {chat.id}")
        return self.message_view(msg)

    async def _c_next_bot_message(self, request: web.Request, body: JSON) -> JSON:
        """Long poll for the first bot message with id > ``after`` (optionally in a thread)."""
        chat = self._chat(int(request.match_info["chat_id"]))
        after = self._q_int(request, "after", 0) or 0
        thread_id = self._q_int(request, "thread_id")
        timeout = self._q_float(request, "timeout", 5.0)

        def first() -> _Message | None:
            for msg in chat.messages.values():
                if (
                    msg.message_id > after
                    and msg.from_bot
                    and not msg.deleted
                    and (thread_id is None or msg.thread_id == thread_id)
                ):
                    return msg
            return None

        await self._wait_until(lambda: first() is not None, timeout)
        found = first()
        recent = [self.message_view(m) for m in list(chat.messages.values())[-8:]]
        return {
            "message": self.message_view(found) if found else None,
            "recent": recent,
        }

    async def _c_wait_edit(self, request: web.Request, body: JSON) -> JSON:
        chat = self._chat(int(request.match_info["chat_id"]))
        message_id = int(request.match_info["message_id"])
        msg = chat.messages.get(message_id)
        if msg is None:
            raise ControlError(f"no message {message_id} in chat {chat.id}")
        after_count = self._q_int(request, "after_edit_count")
        since_date = self._q_int(request, "since_edit_date")
        timeout = self._q_float(request, "timeout", 5.0)

        def edited() -> bool:
            if after_count is not None and msg.edit_count <= after_count:
                return False
            if since_date is not None and (msg.edit_date or 0) <= since_date:
                return False
            return msg.edit_count > 0

        ok = await self._wait_until(edited, timeout)
        return {"edited": ok, "message": self.message_view(msg)}

    async def _c_file(self, request: web.Request, body: JSON) -> JSON:
        stored = self.files.get(request.match_info["file_id"])
        if stored is None:
            raise ControlError(f"unknown file_id {request.match_info['file_id']}")
        return {
            "data": base64.b64encode(stored.data).decode(),
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
        }

    async def _c_set_faults(self, request: web.Request, body: JSON) -> bool:
        self.set_faults(**body)
        return True

    async def _c_clear_faults(self, request: web.Request, body: JSON) -> bool:
        self._faults = _Faults()
        return True

    async def _c_rate_limits(self, request: web.Request, body: JSON) -> bool:
        self.enforce_rate_limits = bool(body["on"])
        self._sent_global.clear()
        self._sent_group.clear()
        self._private_bucket.clear()
        return True

    async def _c_privacy_mode(self, request: web.Request, body: JSON) -> bool:
        self.privacy_mode = bool(body["on"])
        return True

    async def _c_calls(self, request: web.Request, body: JSON) -> list[JSON]:
        method = request.query.get("method")
        if method:
            return [c for c in self.calls if c["method"].lower() == method.lower()]
        return list(self.calls)

    async def _c_handouts(self, request: web.Request, body: JSON) -> list[JSON]:
        return list(self.handouts)

    async def _c_wait_handout(self, request: web.Request, body: JSON) -> JSON | None:
        after = self._q_int(request, "after_count", 0) or 0
        min_updates = self._q_int(request, "min_updates", 1) or 1
        timeout = self._q_float(request, "timeout", 10.0)

        def found() -> JSON | None:
            for index, handout in enumerate(self.handouts[after:], start=after):
                if len(handout["update_ids"]) >= min_updates:
                    return {**handout, "index": index}
            return None

        await self._wait_until(lambda: found() is not None, timeout)
        return found()

    async def _c_delivery_counts(self, request: web.Request, body: JSON) -> JSON:
        return {str(k): v for k, v in self.delivery_counts.items()}

    async def _c_pending(self, request: web.Request, body: JSON) -> JSON:
        return {
            "count": len(self._updates),
            "update_ids": [u["update_id"] for u in self._updates],
        }

    async def _c_wait_confirmed(self, request: web.Request, body: JSON) -> JSON:
        timeout = self._q_float(request, "timeout", 10.0)
        ok = await self._wait_until(lambda: not self._updates, timeout)
        return {"confirmed": ok, "pending": [u["update_id"] for u in self._updates]}

    async def _c_commands(self, request: web.Request, body: JSON) -> list[JSON]:
        scope_text = request.query.get("scope")
        scope = json.loads(scope_text) if scope_text else None
        try:
            key = self.scope_key(scope, request.query.get("language_code", ""))
        except ApiError as err:
            raise ControlError(err.description) from None
        return list(self._commands.get(key, []))

    async def _c_reset(self, request: web.Request, body: JSON) -> bool:
        self.reset()
        return True
