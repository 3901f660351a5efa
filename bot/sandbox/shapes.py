"""The JSON the double's control API speaks, defined once for both sides.

The server (:mod:`bot.sandbox.control`) answers these shapes and reads these bodies; the
client (:mod:`bot.sandbox.client`) builds the bodies and reads the answers.  Keeping them
here means a field renamed on one side cannot silently go missing on the other: mypy sees
both ends of every route.

* :class:`Route` — the control paths; aiohttp's ``{name}`` placeholders double as
  :meth:`str.format` fields, so the server registers and the client fills the same string.
* ``...Body`` — request bodies (``TypedDict``: the JSON on the wire is a plain object).
  Optional keys are ``NotRequired`` because the server also accepts hand-written requests
  that leave them out; the client always sends them all.
* ``...Query`` — the query strings of the GET routes.
* ``...Result`` / ``...Info`` — what a route answers inside ``{"ok": true, "result": ...}``.
* :class:`MessageView` — what a person sees of a message; the client's ``SeenMessage`` is
  this plus reading helpers.
* :func:`api_user` — the Bot API ``User`` object, which the world renders for the bot and the
  client builds for hand-made raw updates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

JSON = dict[str, Any]

CONTROL_PREFIX = "/control"


class Route:
    """Control API paths, relative to :data:`CONTROL_PREFIX`."""

    USERS = "/users"
    USER = "/users/{user_id}"
    USER_BLOCK = "/users/{user_id}/block"
    USER_TOASTS = "/users/{user_id}/toasts"
    USER_COMMAND_MENU = "/users/{user_id}/command_menu"
    GROUPS = "/groups"
    CHAT = "/chats/{chat_id}"
    GROUP_BOT = "/groups/{chat_id}/bot"
    GROUP_MEMBERS = "/groups/{chat_id}/members"
    GROUP_TOPICS = "/groups/{chat_id}/topics"
    ACT_SEND = "/act/send"
    ACT_EDIT = "/act/edit"
    ACT_PHOTO = "/act/photo"
    ACT_DOCUMENT = "/act/document"
    ACT_LOCATION = "/act/location"
    ACT_PRESS = "/act/press"
    UPDATES = "/updates"
    CHAT_MESSAGES = "/chats/{chat_id}/messages"
    CHAT_MESSAGE = "/chats/{chat_id}/messages/{message_id}"
    NEXT_BOT_MESSAGE = "/chats/{chat_id}/next_bot_message"
    WAIT_EDIT = "/chats/{chat_id}/messages/{message_id}/wait_edit"
    FILE = "/files/{file_id}"
    FAULTS = "/faults"
    RATE_LIMITS = "/rate_limits"
    PRIVACY_MODE = "/privacy_mode"
    CALLS = "/calls"
    HANDOUTS = "/handouts"
    WAIT_HANDOUT = "/handouts/wait"
    DELIVERY_COUNTS = "/delivery_counts"
    PENDING = "/pending"
    WAIT_CONFIRMED = "/wait_confirmed"
    COMMANDS = "/commands"
    RESET = "/reset"


def drop_none(data: JSON) -> JSON:
    """Telegram omits absent optional fields instead of sending ``null``."""
    return {k: v for k, v in data.items() if v is not None}


def api_user(
    *,
    id: int,  # the Bot API field name, shadowing the builtin on purpose
    first_name: str,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    is_bot: bool = False,
) -> JSON:
    """The Bot API ``User`` object (bots have no ``language_code``)."""
    return drop_none(
        {
            "id": id,
            "is_bot": is_bot,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": None if is_bot else language_code,
        }
    )


# --------------------------------------------------------------------------------------------
# Request bodies
# --------------------------------------------------------------------------------------------


class CreateUserBody(TypedDict):
    first_name: str
    last_name: NotRequired[str | None]
    username: NotRequired[str | None]
    language_code: NotRequired[str | None]
    user_id: NotRequired[int | None]
    started: NotRequired[bool]


class CreateGroupBody(TypedDict):
    title: str
    members: NotRequired[list[int]]
    admins: NotRequired[list[int]]
    forum: NotRequired[bool]
    supergroup: NotRequired[bool]
    with_bot: NotRequired[bool]
    username: NotRequired[str | None]


class BlockBody(TypedDict):
    blocked: bool


class GroupBotBody(TypedDict):
    action: str  # "add" | "remove" | "promote"
    by: int
    admin: NotRequired[bool]


class MemberBody(TypedDict):
    user_id: int
    status: str
    by: NotRequired[int | None]


class TopicBody(TypedDict):
    name: str
    by: NotRequired[int | None]


class SendBody(TypedDict):
    user_id: int
    text: str
    chat_id: NotRequired[int | None]
    thread_id: NotRequired[int | None]
    reply_to: NotRequired[int | None]
    forward_from: NotRequired[int | None]


class EditBody(TypedDict):
    user_id: int
    message_id: int
    text: str
    chat_id: NotRequired[int | None]


class PhotoBody(TypedDict):
    user_id: int
    data: NotRequired[str | None]  # base64; None sends a tiny PNG
    caption: NotRequired[str | None]
    chat_id: NotRequired[int | None]
    thread_id: NotRequired[int | None]


class DocumentBody(TypedDict):
    user_id: int
    filename: str
    data: str  # base64
    caption: NotRequired[str | None]
    chat_id: NotRequired[int | None]
    thread_id: NotRequired[int | None]
    mime_type: NotRequired[str | None]


class LocationBody(TypedDict):
    user_id: int
    latitude: float
    longitude: float
    chat_id: NotRequired[int | None]
    thread_id: NotRequired[int | None]


class PressBody(TypedDict):
    """A tap: ``button_text`` finds the button; ``callback_data`` forges the data."""

    user_id: int
    chat_id: NotRequired[int | None]
    button_text: NotRequired[str | None]
    callback_data: NotRequired[str | None]
    message_id: NotRequired[int | None]


class InjectBody(TypedDict):
    update: JSON


class FaultsBody(TypedDict, total=False):
    """Keyword arguments of ``set_faults``, all optional."""

    rate_429: float
    retry_after: int
    rate_5xx: float
    rate_slow: float
    slow_seconds: float
    methods: list[str] | None
    include_get_updates: bool
    seed: int


class SwitchBody(TypedDict):
    on: bool


# --------------------------------------------------------------------------------------------
# Query strings of the GET routes
# --------------------------------------------------------------------------------------------
# The client sends these (leaving out None values); the server reads only keys declared here
# (`Control._query`), so a key renamed on one side fails loudly instead of defaulting.


class CommandMenuQuery(TypedDict):
    chat_id: int | None  # None: the private chat


class ChatMessagesQuery(TypedDict):
    thread_id: int | None
    include_deleted: str | None  # "1" to include deleted messages


class NextBotMessageQuery(TypedDict):
    after: int  # the last message id already read
    thread_id: int | None
    timeout: float


class WaitEditQuery(TypedDict):
    after_edit_count: int | None
    since_edit_date: int | None
    timeout: float


class CallsQuery(TypedDict):
    method: str | None  # any case; None: every call


class WaitHandoutQuery(TypedDict):
    after_count: int
    min_updates: int
    timeout: float


class WaitConfirmedQuery(TypedDict):
    timeout: float


class CommandsQuery(TypedDict):
    scope: str | None  # a BotCommandScope as JSON; None: the default scope
    language_code: str


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


class UserInfo(TypedDict):
    """A Bot API ``User`` plus the control-side state of the person's private chat."""

    id: int
    is_bot: bool
    first_name: str
    last_name: NotRequired[str]
    username: NotRequired[str]
    language_code: NotRequired[str]
    chat_id: int
    blocked: bool
    started: bool


class ChatInfo(TypedDict):
    """A Bot API ``Chat`` plus members (str(user id) -> status), bot status and topics."""

    id: int
    type: str
    title: NotRequired[str]
    username: NotRequired[str]
    first_name: NotRequired[str]
    last_name: NotRequired[str]
    is_forum: bool
    members: dict[str, str]
    bot_status: str
    topics: dict[str, str]


class SentResult(TypedDict):
    """A person's new message; ``update_id`` is None when Telegram would not tell the bot."""

    message_id: int
    update_id: int | None


class EditResult(TypedDict):
    update_id: int | None


class PressResult(TypedDict):
    query_id: str
    update_id: int | None


class NextBotMessageResult(TypedDict):
    """The first bot message after the cursor (None on timeout) and the chat's last ones."""

    message: JSON | None
    recent: list[JSON]


class WaitEditResult(TypedDict):
    edited: bool
    message: JSON


class FileResult(TypedDict):
    data: str  # base64
    file_name: str | None
    mime_type: str | None


class PendingResult(TypedDict):
    count: int
    update_ids: list[int]


class ConfirmedResult(TypedDict):
    confirmed: bool
    pending: list[int]


class Handout(TypedDict):
    """One getUpdates answer that carried updates (``index`` only from ``/handouts/wait``)."""

    update_ids: list[int]
    monotonic: float
    wall: float
    index: NotRequired[int]


class Toast(TypedDict):
    """An answerCallbackQuery answer, as the person who tapped saw it."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    chat_id: int
    message_id: int
    monotonic: float


class CallRecord(TypedDict):
    """One Bot API call in the double's call log (``GET /calls``)."""

    seq: int
    method: str
    chat_id: Any
    status: int | None
    description: str | None
    fault: str | None  # "429" | "500" | "502" | "slow"
    monotonic: float
    wall: float
    params: JSON
    instance: str | None


# --------------------------------------------------------------------------------------------
# What a person sees of a message
# --------------------------------------------------------------------------------------------


@dataclass
class MessageView:
    """A message as a person in the chat sees it right now (after edits).

    ``html`` is the raw string the bot sent (its text, or its caption for media), whatever
    the parse_mode was; ``None`` for people's messages.  ``buttons`` are the inline keyboard
    rows, each button ``{"text", "callback_data"}`` or ``{"text", "url"}``.
    """

    chat_id: int
    message_id: int
    from_bot: bool
    sender_id: int
    text: str | None
    html: str | None
    buttons: list[list[dict[str, str]]]
    thread_id: int | None
    photo: bool
    document: dict[str, Any] | None
    caption: str | None
    edit_count: int
    date: int
    edit_date: int | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    #: Rows of a reply keyboard (``ReplyKeyboardMarkup``) sent with this message, if any.
    reply_keyboard: list[list[str]] | None = None
    #: True when the message carried ``ReplyKeyboardRemove``.
    remove_keyboard: bool = False
    reply_to_message_id: int | None = None
    location: dict[str, float] | None = None
    #: file_id of the largest PhotoSize, for :meth:`SimUser.download`.
    photo_file_id: str | None = None
    #: Service fields (``new_chat_members``, ``forum_topic_created``...) or None.
    service: dict[str, Any] | None = None
    #: Text (or caption) of each earlier version, oldest first.
    previous_texts: list[str | None] = field(default_factory=list)
    deleted: bool = False
    disable_notification: bool = False
    #: The Bot API ``Message`` object as the bot would receive it.
    raw: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> JSON:
        """The wire form: one key per field, in field order (shallow; no copies)."""
        return dict(vars(self))
