"""Test-side handle on a :class:`~bot.sandbox.server.TelegramDouble`, over its control API.

Everything goes over HTTP so the same code drives a double running in-process (unit tests,
demo) and one in another process (crash tests that SIGKILL the bot).

Reading model: every handle (:class:`SimUser`, :class:`SimGroup`) keeps its own cursor per
(chat, thread filter).  :meth:`SimUser.next_message` returns the first *bot* message after the
cursor and advances it, so a test reads the bot's messages one by one, in order, without
missing any and without caring about timing.  A fresh handle starts before the first message
of the chat.  Deleted bot messages are skipped.  Edits do not produce "new" messages: use
:meth:`SimUser.wait_for_edit` / :meth:`SimUser.seen` to read a message's current state.
"""

# The public API takes ``timeout=`` (agreed with the test authors): it is the server-side
# long-poll duration sent in the request, not a local cancellation, so ASYNC109 does not apply.
# ruff: noqa: ASYNC109

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = ["SandboxClient", "SandboxError", "SeenMessage", "SimGroup", "SimUser"]

JSON = dict[str, Any]


class SandboxError(AssertionError):
    """The double refused a control request (e.g. no such button).

    It is an ``AssertionError`` because in a test it means the expectation was wrong.
    """


@dataclass
class SeenMessage:
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

    @classmethod
    def from_view(cls, data: JSON) -> SeenMessage:
        return cls(**data)

    def button_texts(self) -> list[str]:
        """All inline button labels, row by row, flattened."""
        return [button["text"] for row in self.buttons for button in row]

    def button(self, text: str) -> dict[str, str]:
        """The inline button with exactly this label (AssertionError if absent)."""
        for row in self.buttons:
            for button in row:
                if button["text"] == text:
                    return button
        raise AssertionError(f"no button {text!r} on message {self.message_id}: {self.buttons}")

    @property
    def body(self) -> str:
        """Text or caption, whichever the message has ("" for neither)."""
        return self.text if self.text is not None else (self.caption or "")

    def short(self) -> str:
        """One line for assertion messages."""
        who = "bot" if self.from_bot else f"user {self.sender_id}"
        extra = ""
        if self.photo:
            extra += " [photo]"
        if self.document:
            extra += f" [document {self.document.get('file_name')}]"
        if self.service:
            extra += f" [service {sorted(self.service)}]"
        if self.buttons:
            extra += f" buttons={self.button_texts()}"
        thread = f" thread={self.thread_id}" if self.thread_id is not None else ""
        return f"#{self.message_id} {who}{thread}: {self.body!r}{extra}"


def _describe(messages: Sequence[SeenMessage]) -> str:
    return "\n".join("  " + m.short() for m in messages) or "  (no messages)"


class SandboxClient:
    """Async client for the double's control API.

    ``async with SandboxClient(double.base_url) as sb: ...``
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url + "/control", timeout=timeout)

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # ------------------------------------------------------------------ transport

    async def _call(
        self,
        method: str,
        path: str,
        *,
        body: JSON | None = None,
        params: dict[str, Any] | None = None,
        wait: float = 0.0,
    ) -> Any:
        query = {k: v for k, v in (params or {}).items() if v is not None}
        timeout = self._http.timeout.read or 30.0
        response = await self._http.request(
            method,
            path,
            json=body,
            params=query,
            timeout=max(timeout, wait + 10.0),
        )
        data = response.json()
        if not data.get("ok"):
            raise SandboxError(data.get("error", response.text))
        return data["result"]

    # ------------------------------------------------------------------ world

    async def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        user_id: int | None = None,
        started: bool = False,
    ) -> SimUser:
        """A new person with a private chat (chat id == user id).

        Like on Telegram the bot cannot write to them first (403 ``bot can't initiate
        conversation with a user``) until they send something in the private chat, unless
        ``started=True``.
        """
        info = await self._call(
            "POST",
            "/users",
            body={
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
                "user_id": user_id,
                "started": started,
            },
        )
        return SimUser(self, info)

    async def user(self, user_id: int) -> SimUser:
        """A (new) handle for an existing simulated user, with fresh cursors."""
        return SimUser(self, await self._call("GET", f"/users/{user_id}"))

    async def create_group(
        self,
        title: str,
        *,
        members: Sequence[SimUser],
        admins: Sequence[SimUser] = (),
        forum: bool = False,
        supergroup: bool = True,
        with_bot: bool = False,
        username: str | None = None,
    ) -> SimGroup:
        """A group; the first admin is its creator.  ``with_bot`` adds the bot (by the first
        admin, or first member), which queues ``my_chat_member`` plus the service message."""
        info = await self._call(
            "POST",
            "/groups",
            body={
                "title": title,
                "members": [u.id for u in members],
                "admins": [u.id for u in admins],
                "forum": forum,
                "supergroup": supergroup,
                "with_bot": with_bot,
                "username": username,
            },
        )
        return SimGroup(self, info)

    async def inject_update(self, raw: JSON) -> int:
        """Queue ``raw`` as-is (update_id assigned when missing); returns the update_id."""
        return int(await self._call("POST", "/updates", body={"update": raw}))

    async def set_privacy_mode(self, on: bool) -> None:
        """Group privacy (default on): in groups the bot then only gets commands, replies to
        its messages and service messages, unless it is an admin."""
        await self._call("POST", "/privacy_mode", body={"on": on})

    async def reset(self) -> None:
        """Forget users, chats, updates, calls and settings (the server keeps running)."""
        await self._call("POST", "/reset", body={})

    # ------------------------------------------------------------------ faults and limits

    async def set_faults(
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
        """Make a seeded share of Bot API calls fail (429 / 500-502) or answer late.

        Failed calls take no effect.  ``methods`` limits faults to those methods (any case);
        getUpdates is spared unless ``include_get_updates``.
        """
        await self._call(
            "POST",
            "/faults",
            body={
                "rate_429": rate_429,
                "retry_after": retry_after,
                "rate_5xx": rate_5xx,
                "rate_slow": rate_slow,
                "slow_seconds": slow_seconds,
                "methods": methods,
                "include_get_updates": include_get_updates,
                "seed": seed,
            },
        )

    async def clear_faults(self) -> None:
        await self._call("DELETE", "/faults")

    async def enforce_rate_limits(self, on: bool) -> None:
        """Answer 429 past 30 sends/s overall, 20/min per group, 1/s per private chat
        (bursts of 3)."""
        await self._call("POST", "/rate_limits", body={"on": on})

    # ------------------------------------------------------------------ observation

    async def calls(self, method: str | None = None) -> list[JSON]:
        """Every Bot API call so far: seq, method, chat_id, status (HTTP code), description,
        fault ("429"/"500"/"502"/"slow"/None), monotonic, wall, params (summary), instance
        (the calling bot process's X-Posko-Instance header, or None)."""
        return list(await self._call("GET", "/calls", params={"method": method}))

    async def handouts(self) -> list[JSON]:
        """Each getUpdates answer that carried updates: {"update_ids", "monotonic", "wall"}."""
        return list(await self._call("GET", "/handouts"))

    async def wait_for_handout(
        self, *, after_count: int = 0, min_updates: int = 1, timeout: float = 10.0
    ) -> JSON:
        """Wait for handout number ``after_count + 1`` or later with >= ``min_updates`` ids.

        Returns it with its 0-based ``index`` added.
        """
        result = await self._call(
            "GET",
            "/handouts/wait",
            params={"after_count": after_count, "min_updates": min_updates, "timeout": timeout},
            wait=timeout,
        )
        if result is None:
            raise AssertionError(
                f"no getUpdates handout #{after_count + 1}+ with >= {min_updates} updates "
                f"within {timeout}s; handouts so far: {await self.handouts()}"
            )
        return dict(result)

    async def delivery_counts(self) -> dict[int, int]:
        """update_id -> how many times getUpdates handed it out."""
        data = await self._call("GET", "/delivery_counts")
        return {int(k): int(v) for k, v in data.items()}

    async def pending_update_count(self) -> int:
        """Updates queued and not yet confirmed by the bot's offset."""
        return int((await self._call("GET", "/pending"))["count"])

    async def wait_until_confirmed(self, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed (via getUpdates offset) every queued update."""
        result = await self._call(
            "GET", "/wait_confirmed", params={"timeout": timeout}, wait=timeout
        )
        if not result["confirmed"]:
            raise AssertionError(f"updates still unconfirmed after {timeout}s: {result['pending']}")

    async def bot_commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands set for exactly this scope + language (like getMyCommands, no fallback)."""
        return list(
            await self._call(
                "GET",
                "/commands",
                params={
                    "scope": json.dumps(scope) if scope is not None else None,
                    "language_code": language_code,
                },
            )
        )

    async def chat_messages(
        self, chat_id: int, thread_id: int | None = None, *, include_deleted: bool = False
    ) -> list[SeenMessage]:
        """The whole chat, both directions, in order, current state."""
        data = await self._call(
            "GET",
            f"/chats/{chat_id}/messages",
            params={"thread_id": thread_id, "include_deleted": "1" if include_deleted else None},
        )
        return [SeenMessage.from_view(m) for m in data]

    async def message(self, chat_id: int, message_id: int) -> SeenMessage:
        return SeenMessage.from_view(
            await self._call("GET", f"/chats/{chat_id}/messages/{message_id}")
        )

    async def chat_info(self, chat_id: int) -> JSON:
        """Control view of a chat: members and statuses, bot_status, topics."""
        return dict(await self._call("GET", f"/chats/{chat_id}"))


class _Reader:
    """Cursor-based reading of bot messages shared by SimUser and SimGroup."""

    def __init__(self, sandbox: SandboxClient) -> None:
        self._sb = sandbox
        self._cursors: dict[tuple[int, int | None], int] = {}
        self._edit_counts: dict[tuple[int, int], int] = {}

    def _remember(self, msg: SeenMessage) -> SeenMessage:
        self._edit_counts[(msg.chat_id, msg.message_id)] = msg.edit_count
        return msg

    async def _next(self, chat_id: int, thread_id: int | None, timeout: float) -> SeenMessage:
        key = (chat_id, thread_id)
        result = await self._sb._call(
            "GET",
            f"/chats/{chat_id}/next_bot_message",
            params={"after": self._cursors.get(key, 0), "thread_id": thread_id, "timeout": timeout},
            wait=timeout,
        )
        if result["message"] is None:
            recent = [SeenMessage.from_view(m) for m in result["recent"]]
            where = f"chat {chat_id}" + (f" thread {thread_id}" if thread_id is not None else "")
            raise AssertionError(
                f"no new bot message in {where} within {timeout}s (cursor after "
                f"#{self._cursors.get(key, 0)}); recent messages:\n{_describe(recent)}"
            )
        msg = SeenMessage.from_view(result["message"])
        self._cursors[key] = msg.message_id
        return self._remember(msg)

    async def _expect_none(self, chat_id: int, thread_id: int | None, within: float) -> None:
        key = (chat_id, thread_id)
        result = await self._sb._call(
            "GET",
            f"/chats/{chat_id}/next_bot_message",
            params={"after": self._cursors.get(key, 0), "thread_id": thread_id, "timeout": within},
            wait=within,
        )
        if result["message"] is not None:
            msg = SeenMessage.from_view(result["message"])
            raise AssertionError(f"unexpected bot message in chat {chat_id}: {msg.short()}")

    async def _drain(self, chat_id: int, thread_id: int | None) -> list[SeenMessage]:
        key = (chat_id, thread_id)
        after = self._cursors.get(key, 0)
        fresh = [
            m
            for m in await self._sb.chat_messages(chat_id, thread_id)
            if m.from_bot and m.message_id > after
        ]
        if fresh:
            self._cursors[key] = fresh[-1].message_id
        return [self._remember(m) for m in fresh]

    async def _seen(self, chat_id: int, message_id: int) -> SeenMessage:
        return self._remember(await self._sb.message(chat_id, message_id))

    async def _wait_edit(
        self,
        chat_id: int,
        message_id: int,
        *,
        since_edit_date: int | None,
        after_edit_count: int | None,
        timeout: float,
    ) -> SeenMessage:
        if since_edit_date is None and after_edit_count is None:
            after_edit_count = self._edit_counts.get((chat_id, message_id), 0)
        result = await self._sb._call(
            "GET",
            f"/chats/{chat_id}/messages/{message_id}/wait_edit",
            params={
                "after_edit_count": after_edit_count,
                "since_edit_date": since_edit_date,
                "timeout": timeout,
            },
            wait=timeout,
        )
        msg = SeenMessage.from_view(result["message"])
        if not result["edited"]:
            raise AssertionError(
                f"message #{message_id} in chat {chat_id} was not edited within {timeout}s "
                f"(edit_count={msg.edit_count}, waited for > {after_edit_count}); "
                f"now: {msg.short()}"
            )
        return self._remember(msg)


class SimUser(_Reader):
    """A simulated person.  Their private chat with the bot has ``chat_id == id``."""

    def __init__(self, sandbox: SandboxClient, info: JSON) -> None:
        super().__init__(sandbox)
        self.id: int = int(info["id"])
        self.first_name: str = info["first_name"]
        self.last_name: str | None = info.get("last_name")
        self.username: str | None = info.get("username")
        self.language_code: str | None = info.get("language_code")
        self.chat_id: int = self.id

    def __repr__(self) -> str:
        return f"SimUser(id={self.id}, first_name={self.first_name!r})"

    def _chat_id(self, chat: SimGroup | None) -> int:
        return chat.id if chat is not None else self.id

    def as_api_user(self) -> JSON:
        """The Bot API ``User`` dict for this person (handy for raw updates)."""
        return {
            k: v
            for k, v in {
                "id": self.id,
                "is_bot": False,
                "first_name": self.first_name,
                "last_name": self.last_name,
                "username": self.username,
                "language_code": self.language_code,
            }.items()
            if v is not None
        }

    # ------------------------------------------------------------------ acting

    async def send(
        self,
        text: str,
        *,
        chat: SimGroup | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
        forward_from: SimUser | None = None,
    ) -> int:
        """Send a text message (private chat by default); returns its message_id.

        Commands get ``bot_command`` entities.  A blocked bot is unblocked first, the way
        Telegram's "Restart" button does it.
        """
        result = await self._sb._call(
            "POST",
            "/act/send",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "text": text,
                "thread_id": thread_id,
                "reply_to": reply_to,
                "forward_from": forward_from.id if forward_from is not None else None,
            },
        )
        return int(result["message_id"])

    async def edit(self, message_id: int, new_text: str, *, chat: SimGroup | None = None) -> None:
        """Edit one of this person's text messages (queues ``edited_message``)."""
        await self._sb._call(
            "POST",
            "/act/edit",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "message_id": message_id,
                "text": new_text,
            },
        )

    async def send_photo(
        self,
        *,
        caption: str | None = None,
        chat: SimGroup | None = None,
        data: bytes | None = None,
        thread_id: int | None = None,
    ) -> int:
        """Send a photo (a tiny PNG unless ``data`` is given); returns its message_id."""
        result = await self._sb._call(
            "POST",
            "/act/photo",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "caption": caption,
                "data": base64.b64encode(data).decode() if data is not None else None,
                "thread_id": thread_id,
            },
        )
        return int(result["message_id"])

    async def send_document(
        self,
        filename: str,
        data: bytes,
        *,
        caption: str | None = None,
        chat: SimGroup | None = None,
        mime_type: str | None = None,
        thread_id: int | None = None,
    ) -> int:
        result = await self._sb._call(
            "POST",
            "/act/document",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "filename": filename,
                "data": base64.b64encode(data).decode(),
                "caption": caption,
                "mime_type": mime_type,
                "thread_id": thread_id,
            },
        )
        return int(result["message_id"])

    async def send_location(
        self,
        latitude: float,
        longitude: float,
        *,
        chat: SimGroup | None = None,
        thread_id: int | None = None,
    ) -> int:
        result = await self._sb._call(
            "POST",
            "/act/location",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "latitude": latitude,
                "longitude": longitude,
                "thread_id": thread_id,
            },
        )
        return int(result["message_id"])

    async def press(
        self, button_text: str, *, message_id: int | None = None, chat: SimGroup | None = None
    ) -> str:
        """Tap the inline button labelled exactly ``button_text``; returns the query id.

        Without ``message_id`` the newest bot message in the chat that has such a button is
        used.  Raises AssertionError listing the buttons seen when there is none.
        """
        result = await self._sb._call(
            "POST",
            "/act/press",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "button_text": button_text,
                "message_id": message_id,
            },
        )
        return str(result["query_id"])

    async def press_data(
        self, callback_data: str, *, message_id: int, chat: SimGroup | None = None
    ) -> str:
        """Send a callback_query with arbitrary (forged) data for that message."""
        result = await self._sb._call(
            "POST",
            "/act/press",
            body={
                "user_id": self.id,
                "chat_id": self._chat_id(chat),
                "callback_data": callback_data,
                "message_id": message_id,
            },
        )
        return str(result["query_id"])

    async def block_bot(self) -> None:
        """Block the bot: queues ``my_chat_member`` (kicked); sends then fail with 403."""
        await self._sb._call("POST", f"/users/{self.id}/block", body={"blocked": True})

    async def unblock_bot(self) -> None:
        await self._sb._call("POST", f"/users/{self.id}/block", body={"blocked": False})

    # ------------------------------------------------------------------ reading

    async def next_message(
        self, *, timeout: float = 5.0, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> SeenMessage:
        """The next bot message in the chat after the last one this handle consumed.

        ``thread_id=None`` means any thread; a thread id only matches messages in it (and has
        its own cursor).
        """
        return await self._next(self._chat_id(chat), thread_id, timeout)

    async def expect_no_message(
        self, *, within: float = 0.5, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> None:
        """Assert that no unread bot message exists or arrives within ``within`` seconds."""
        await self._expect_none(self._chat_id(chat), thread_id, within)

    async def drain(
        self, *, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> list[SeenMessage]:
        """Consume (and return) every bot message already in the chat, without waiting."""
        return await self._drain(self._chat_id(chat), thread_id)

    async def seen(self, message_id: int, *, chat: SimGroup | None = None) -> SeenMessage:
        """Current state of a message in the chat."""
        return await self._seen(self._chat_id(chat), message_id)

    async def wait_for_edit(
        self,
        message_id: int,
        *,
        since_edit_date: int | None = None,
        after_edit_count: int | None = None,
        timeout: float = 5.0,
        chat: SimGroup | None = None,
    ) -> SeenMessage:
        """Wait until the message is edited beyond what this handle last saw of it.

        By default "last saw" is the ``edit_count`` this handle observed for that message
        (through next_message/seen/wait_for_edit; 0 if never), so an edit that happened
        before the call still counts if it was not yet observed.  ``after_edit_count=n``
        waits for ``edit_count > n``; ``since_edit_date=t`` (unix seconds) for
        ``edit_date > t``.
        """
        return await self._wait_edit(
            self._chat_id(chat),
            message_id,
            since_edit_date=since_edit_date,
            after_edit_count=after_edit_count,
            timeout=timeout,
        )

    async def toasts(self) -> list[JSON]:
        """answerCallbackQuery answers to this person's taps, oldest first:
        {"query_id", "text" (None if no text), "show_alert", "url", "chat_id", "message_id"}."""
        return list(await self._sb._call("GET", f"/users/{self.id}/toasts"))

    async def transcript(self) -> list[SeenMessage]:
        """The private chat, both directions."""
        return await self._sb.chat_messages(self.id)

    async def download(self, file_id: str) -> bytes:
        """Bytes of any file the person can see (sent by the bot or by people)."""
        result = await self._sb._call("GET", f"/files/{file_id}")
        return base64.b64decode(result["data"])

    async def command_menu(self, *, chat: SimGroup | None = None) -> list[JSON]:
        """The bot's command list this person's client would show in that chat
        (scope + language fallback as Telegram documents it)."""
        return list(
            await self._sb._call(
                "GET",
                f"/users/{self.id}/command_menu",
                params={"chat_id": chat.id if chat is not None else None},
            )
        )


class SimGroup(_Reader):
    """A simulated group / supergroup (optionally a forum)."""

    def __init__(self, sandbox: SandboxClient, info: JSON) -> None:
        super().__init__(sandbox)
        self.id: int = int(info["id"])
        self.title: str = info["title"]
        self.is_forum: bool = bool(info.get("is_forum"))
        self.type: str = info["type"]

    def __repr__(self) -> str:
        return f"SimGroup(id={self.id}, title={self.title!r})"

    async def add_bot(self, by: SimUser, *, admin: bool = False) -> None:
        """``by`` adds the bot: queues ``my_chat_member`` and a ``new_chat_members`` message."""
        await self._sb._call(
            "POST", f"/groups/{self.id}/bot", body={"action": "add", "by": by.id, "admin": admin}
        )

    async def remove_bot(self, by: SimUser) -> None:
        """An admin kicks the bot: ``my_chat_member`` (kicked); sends then fail with 403."""
        await self._sb._call(
            "POST", f"/groups/{self.id}/bot", body={"action": "remove", "by": by.id}
        )

    async def promote_bot(self, by: SimUser, *, admin: bool = True) -> None:
        """Make the bot an administrator (or demote it): ``my_chat_member`` update."""
        await self._sb._call(
            "POST",
            f"/groups/{self.id}/bot",
            body={"action": "promote", "by": by.id, "admin": admin},
        )

    async def add_member(self, u: SimUser, *, admin: bool = False) -> None:
        await self._set_status(u, "administrator" if admin else "member")

    async def remove_member(self, u: SimUser, *, kicked: bool = False) -> None:
        await self._set_status(u, "kicked" if kicked else "left")

    async def set_admin(self, u: SimUser, admin: bool) -> None:
        await self._set_status(u, "administrator" if admin else "member")

    async def _set_status(self, u: SimUser, status: str) -> None:
        await self._sb._call(
            "POST", f"/groups/{self.id}/members", body={"user_id": u.id, "status": status}
        )

    async def create_topic(self, name: str, *, by: SimUser | None = None) -> int:
        """New forum topic; returns its message_thread_id (the id of its service message)."""
        return int(
            await self._sb._call(
                "POST",
                f"/groups/{self.id}/topics",
                body={"name": name, "by": by.id if by is not None else None},
            )
        )

    async def member_status(self, u: SimUser) -> str:
        info = await self._sb.chat_info(self.id)
        return str(info["members"].get(str(u.id), "left"))

    async def next_message(
        self, *, timeout: float = 5.0, thread_id: int | None = None
    ) -> SeenMessage:
        """Next bot message in the group after this handle's cursor (see module doc)."""
        return await self._next(self.id, thread_id, timeout)

    async def expect_no_message(self, *, within: float = 0.5, thread_id: int | None = None) -> None:
        await self._expect_none(self.id, thread_id, within)

    async def drain(self, *, thread_id: int | None = None) -> list[SeenMessage]:
        return await self._drain(self.id, thread_id)

    async def seen(self, message_id: int) -> SeenMessage:
        return await self._seen(self.id, message_id)

    async def wait_for_edit(
        self,
        message_id: int,
        *,
        since_edit_date: int | None = None,
        after_edit_count: int | None = None,
        timeout: float = 5.0,
    ) -> SeenMessage:
        return await self._wait_edit(
            self.id,
            message_id,
            since_edit_date=since_edit_date,
            after_edit_count=after_edit_count,
            timeout=timeout,
        )

    async def transcript(self, thread_id: int | None = None) -> list[SeenMessage]:
        return await self._sb.chat_messages(self.id, thread_id)
