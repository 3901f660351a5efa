"""The simulated world's objects and the errors both HTTP surfaces answer with.

Plain data: what a user, chat, message, stored file and callback query *are*.  What happens
to them lives in the mixins (``world``, ``members``, ``people``, ``bot_api``...), so that
every module can import these without importing behaviour.
"""

from __future__ import annotations

import random
import re
import struct
from dataclasses import dataclass, field

from bot.sandbox.html import utf16_len
from bot.sandbox.shapes import JSON, api_user

_COMMAND_RE = re.compile(r"(?<![\w/@])/([A-Za-z0-9_]{1,64})(@[A-Za-z0-9_]{3,32})?(?![\w/@])")

# Telegram's documented limits.
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_UPLOAD = 50 * 1024 * 1024


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


def bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


class ControlError(Exception):
    """A mistake in a control request (e.g. pressing a button that is not there)."""


# --------------------------------------------------------------------------------------------
# World objects
# --------------------------------------------------------------------------------------------


@dataclass
class User:
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
        return api_user(
            id=self.id,
            is_bot=self.is_bot,
            first_name=self.first_name,
            last_name=self.last_name,
            username=self.username,
            language_code=self.language_code,
        )


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    kind: str  # "photo" or "document"
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class Message:
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
class Chat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    user_id: int | None = None  # for private chats
    members: dict[int, str] = field(default_factory=dict)
    bot_status: str = "left"
    topics: dict[int, str] = field(default_factory=dict)
    messages: dict[int, Message] = field(default_factory=dict)
    next_message_id: int = 1

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")


@dataclass
class Query:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    answered: bool = False


@dataclass
class Faults:
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


def image_size(data: bytes) -> tuple[int, int] | None:
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
