"""The simulated world's state and the rules every surface shares.

:class:`World` is the bottom of the double's mixins: it owns the state (users, chats,
messages, files, the update queue, the call log), the change notification long polls wait
on, how world objects render as Bot API JSON, and the access checks Telegram applies to the
bot.  The other mixins (``members``, ``people``, ``limits``, ``content``, ``bot_api``,
``control``) build on it; ``server.TelegramDouble`` puts them together.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import re
import secrets
import time
from typing import Any, cast

from bot.sandbox.model import (
    ApiError,
    Chat,
    ControlError,
    Faults,
    Message,
    Query,
    StoredFile,
    User,
    bad,
    image_size,
)
from bot.sandbox.params import Params
from bot.sandbox.shapes import JSON, CallRecord, Handout, MessageView, Toast, drop_none

#: Update kinds Telegram leaves out unless ``allowed_updates`` names them explicitly.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class World:
    """State, change notification, rendering, the update queue and access checks."""

    # Set once by TelegramDouble.__init__ (they survive reset()); declared here because
    # every mixin reads them.
    bot: User
    privacy_mode: bool
    _changed: asyncio.Event
    _stopping: bool
    _poll_generation: int
    _next_update_id: int

    # ------------------------------------------------------------------ state

    def _reset_state(self) -> None:
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._queries: dict[str, Query] = {}
        self._toasts: dict[int, list[Toast]] = collections.defaultdict(list)
        self._updates: list[JSON] = []
        self._allowed_updates: frozenset[str] | None = None
        self._webhook_url = ""
        self.calls: list[CallRecord] = []
        self.handouts: list[Handout] = []
        self.delivery_counts: collections.Counter[int] = collections.Counter()
        self._faults = Faults()
        self.enforce_rate_limits = False
        self._sent_global: collections.deque[float] = collections.deque()
        self._sent_group: dict[int, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._private_bucket: dict[int, tuple[float, float]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        # setChatMenuButton: the button of each private chat (None: the default for all).
        self.menu_buttons: dict[int | None, JSON] = {}
        self._user_ids = itertools.count(500_000_001)
        self._supergroup_ids = itertools.count(1)
        self._group_ids = itertools.count(1)
        self._file_counter = itertools.count(1)
        self._query_counter = itertools.count(1)
        self._call_seq = itertools.count(1)
        self._notify()

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

    # ------------------------------------------------------------------ object rendering

    def chat_api(self, chat: Chat) -> JSON:
        if chat.type == "private":
            user = self.users[cast(int, chat.user_id)]
            return drop_none(
                {
                    "id": chat.id,
                    "type": "private",
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    "username": user.username,
                }
            )
        return drop_none(
            {
                "id": chat.id,
                "type": chat.type,
                "title": chat.title,
                "username": chat.username,
                "is_forum": True if chat.is_forum else None,
            }
        )

    def _sender(self, msg: Message) -> User:
        return self.bot if msg.from_bot else self.users[msg.sender_id]

    def message_api(self, msg: Message, *, nested: bool = False) -> JSON:
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

    def message_view(self, msg: Message) -> JSON:
        """What a person sees of a message (:class:`~bot.sandbox.shapes.MessageView` as JSON)."""
        buttons = [
            [
                drop_none(
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
        view = MessageView(
            chat_id=msg.chat_id,
            message_id=msg.message_id,
            from_bot=msg.from_bot,
            sender_id=msg.sender_id,
            text=msg.text,
            html=msg.html,
            buttons=buttons,
            thread_id=msg.thread_id,
            photo=msg.photo is not None,
            document=(
                {k: msg.document.get(k) for k in ("file_id", "file_name", "mime_type")}
                if msg.document
                else None
            ),
            caption=msg.caption,
            edit_count=msg.edit_count,
            date=msg.date,
            edit_date=msg.edit_date,
            entities=msg.entities or msg.caption_entities,
            reply_keyboard=msg.reply_keyboard,
            remove_keyboard=msg.remove_keyboard,
            reply_to_message_id=msg.reply_to,
            location=msg.location,
            photo_file_id=msg.photo[-1]["file_id"] if msg.photo else None,
            service=msg.service,
            previous_texts=[h.get("text") or h.get("caption") for h in msg.history],
            deleted=msg.deleted,
            disable_notification=msg.disable_notification,
            raw=self.message_api(msg),
        )
        return view.to_json()

    def _member_api(self, user: User, status: str, chat: Chat) -> JSON:
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
        raise bad("chat not found")

    def _chat_for_bot(self, params: Params, *, key: str = "chat_id") -> Chat:
        """The chat the bot addresses, or the error Telegram would give."""
        if not params.has(key):
            raise bad("chat_id is empty")
        chat = self.chats.get(self._resolve_chat_id(params.raw[key]))
        if chat is None:
            raise bad("chat not found")
        self._check_bot_access(chat)
        return chat

    def _check_bot_access(self, chat: Chat) -> None:
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

    def _check_thread(self, chat: Chat, thread_id: int | None) -> tuple[int | None, bool]:
        """Validate ``message_thread_id``; returns (thread id, is_topic_message)."""
        if thread_id is None:
            return None, False
        if chat.is_forum:
            if thread_id in chat.topics:
                return thread_id, True
            raise bad("message thread not found")
        if chat.type == "supergroup":
            root = chat.messages.get(thread_id)
            if root is not None and not root.deleted:
                return thread_id, False
        raise bad("message thread not found")

    # ------------------------------------------------------------------ messages

    def _new_message(self, chat: Chat, *, sender_id: int, from_bot: bool, **fields: Any) -> Message:
        msg = Message(
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

    # ------------------------------------------------------------------ lookups

    def _user(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise ControlError(f"unknown user {user_id}")
        return user

    def _chat(self, chat_id: int) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ControlError(f"unknown chat {chat_id}")
        return chat

    def _group(self, chat_id: int) -> Chat:
        chat = self._chat(chat_id)
        if not chat.is_group:
            raise ControlError(f"chat {chat_id} is not a group")
        return chat

    # ------------------------------------------------------------------ files

    def _store_file(self, data: bytes, kind: str, name: str | None, mime: str | None) -> StoredFile:
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
        stored = StoredFile(file_id, unique, data, path, kind, name, mime)
        self.files[file_id] = stored
        self._files_by_path[path] = stored
        return stored

    def _photo_sizes(self, stored: StoredFile) -> list[JSON]:
        """2–3 PhotoSize objects like Telegram's thumbnails, smallest first.

        The sandbox does not rescale: every size downloads the same bytes, only the reported
        dimensions differ.
        """
        width, height = image_size(stored.data) or (1280, 960)
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

    def _document_api(self, stored: StoredFile) -> JSON:
        return drop_none(
            {
                "file_name": stored.file_name,
                "mime_type": stored.mime_type,
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.data),
            }
        )
