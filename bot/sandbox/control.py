"""The control API: the JSON routes tests and the demo use to act as people and look.

Plain HTTP (not method calls) so that a bot running in another process (crash tests) sees
the same world.  Each route is a thin adapter: read the body/query, call the world, answer
a shape from :mod:`bot.sandbox.shapes` that :class:`~bot.sandbox.client.SandboxClient` reads.
"""

from __future__ import annotations

import base64
import json
from typing import Any, cast

from aiohttp import web

from bot.sandbox.bot_api import BotApi
from bot.sandbox.model import ApiError, Chat, ControlError, Message, User
from bot.sandbox.people import People
from bot.sandbox.shapes import (
    CONTROL_PREFIX,
    JSON,
    BlockBody,
    CallRecord,
    CallsQuery,
    ChatInfo,
    ChatMessagesQuery,
    CommandMenuQuery,
    CommandsQuery,
    ConfirmedResult,
    CreateGroupBody,
    CreateUserBody,
    DocumentBody,
    EditBody,
    EditResult,
    FaultsBody,
    FileResult,
    GroupBotBody,
    Handout,
    InjectBody,
    LocationBody,
    MemberBody,
    NextBotMessageQuery,
    NextBotMessageResult,
    PendingResult,
    PhotoBody,
    PressBody,
    PressResult,
    Route,
    SendBody,
    SentResult,
    SwitchBody,
    Toast,
    TopicBody,
    UserInfo,
    WaitConfirmedQuery,
    WaitEditQuery,
    WaitEditResult,
    WaitHandoutQuery,
)


class Control(BotApi, People):
    """Control routes (``/control/...``) on top of the whole world."""

    def add_control_routes(self, app: web.Application, prefix: str = CONTROL_PREFIX) -> None:
        """Register every control route on ``app`` under ``prefix``."""
        routes: list[tuple[str, str, Any]] = [
            ("POST", Route.USERS, self._c_create_user),
            ("GET", Route.USER, self._c_get_user),
            ("POST", Route.USER_BLOCK, self._c_block),
            ("GET", Route.USER_TOASTS, self._c_toasts),
            ("GET", Route.USER_COMMAND_MENU, self._c_command_menu),
            ("POST", Route.GROUPS, self._c_create_group),
            ("GET", Route.CHAT, self._c_get_chat),
            ("POST", Route.GROUP_BOT, self._c_group_bot),
            ("POST", Route.GROUP_MEMBERS, self._c_group_member),
            ("POST", Route.GROUP_TOPICS, self._c_create_topic),
            ("POST", Route.ACT_SEND, self._c_send),
            ("POST", Route.ACT_EDIT, self._c_edit),
            ("POST", Route.ACT_PHOTO, self._c_photo),
            ("POST", Route.ACT_DOCUMENT, self._c_document),
            ("POST", Route.ACT_LOCATION, self._c_location),
            ("POST", Route.ACT_PRESS, self._c_press),
            ("POST", Route.UPDATES, self._c_inject),
            ("GET", Route.CHAT_MESSAGES, self._c_messages),
            ("GET", Route.CHAT_MESSAGE, self._c_message),
            ("GET", Route.NEXT_BOT_MESSAGE, self._c_next_bot_message),
            ("GET", Route.WAIT_EDIT, self._c_wait_edit),
            ("GET", Route.FILE, self._c_file),
            ("POST", Route.FAULTS, self._c_set_faults),
            ("DELETE", Route.FAULTS, self._c_clear_faults),
            ("POST", Route.RATE_LIMITS, self._c_rate_limits),
            ("POST", Route.PRIVACY_MODE, self._c_privacy_mode),
            ("GET", Route.CALLS, self._c_calls),
            ("GET", Route.HANDOUTS, self._c_handouts),
            ("GET", Route.WAIT_HANDOUT, self._c_wait_handout),
            ("GET", Route.DELIVERY_COUNTS, self._c_delivery_counts),
            ("GET", Route.PENDING, self._c_pending),
            ("GET", Route.WAIT_CONFIRMED, self._c_wait_confirmed),
            ("GET", Route.COMMANDS, self._c_commands),
            ("POST", Route.RESET, self._c_reset),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, prefix + path, self._control(handler))

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
    def _query(request: web.Request, shape: type[Any], key: str) -> str | None:
        """The query value `key`, which the route's `shape` (bot/sandbox/shapes.py) must
        declare: the client builds the query from the same shape."""
        if key not in shape.__required_keys__ | shape.__optional_keys__:
            raise KeyError(f"{shape.__name__} has no {key!r}")
        return request.query.get(key)

    @classmethod
    def _q_int(
        cls, request: web.Request, shape: type[Any], key: str, default: int | None = None
    ) -> int | None:
        value = cls._query(request, shape, key)
        return int(value) if value not in (None, "", "null") else default

    @classmethod
    def _q_float(cls, request: web.Request, shape: type[Any], key: str, default: float) -> float:
        value = cls._query(request, shape, key)
        return float(value) if value not in (None, "") else default

    def _user_info(self, user: User) -> UserInfo:
        # cast: user.api() is the Bot API User, typed loosely as JSON by the world.
        info = {**user.api(), "chat_id": user.id, "blocked": user.blocked, "started": user.started}
        return cast(UserInfo, info)

    def _chat_info(self, chat: Chat) -> ChatInfo:
        info = {
            **self.chat_api(chat),
            "is_forum": chat.is_forum,
            "members": {str(k): v for k, v in chat.members.items()},
            "bot_status": chat.bot_status,
            "topics": {str(k): v for k, v in chat.topics.items()},
        }
        return cast(ChatInfo, info)

    async def _c_create_user(self, request: web.Request, body: CreateUserBody) -> UserInfo:
        user = self.create_user(
            body["first_name"],
            last_name=body.get("last_name"),
            username=body.get("username"),
            language_code=body.get("language_code", "id"),
            user_id=body.get("user_id"),
            started=bool(body.get("started", False)),
        )
        return self._user_info(user)

    async def _c_get_user(self, request: web.Request, body: JSON) -> UserInfo:
        return self._user_info(self._user(int(request.match_info["user_id"])))

    async def _c_block(self, request: web.Request, body: BlockBody) -> bool:
        self.set_blocked(int(request.match_info["user_id"]), bool(body["blocked"]))
        return True

    async def _c_toasts(self, request: web.Request, body: JSON) -> list[Toast]:
        return list(self._toasts.get(int(request.match_info["user_id"]), []))

    async def _c_command_menu(self, request: web.Request, body: JSON) -> list[JSON]:
        return self.command_menu(
            int(request.match_info["user_id"]), self._q_int(request, CommandMenuQuery, "chat_id")
        )

    async def _c_create_group(self, request: web.Request, body: CreateGroupBody) -> ChatInfo:
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

    async def _c_get_chat(self, request: web.Request, body: JSON) -> ChatInfo:
        return self._chat_info(self._chat(int(request.match_info["chat_id"])))

    async def _c_group_bot(self, request: web.Request, body: GroupBotBody) -> bool:
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

    async def _c_group_member(self, request: web.Request, body: MemberBody) -> bool:
        by = body.get("by")
        self.set_member(
            int(request.match_info["chat_id"]),
            int(body["user_id"]),
            body["status"],
            by=int(by) if by is not None else None,
        )
        return True

    async def _c_create_topic(self, request: web.Request, body: TopicBody) -> int:
        by = body.get("by")
        return self.create_topic(
            int(request.match_info["chat_id"]), body["name"], by=int(by) if by else None
        )

    async def _c_send(self, request: web.Request, body: SendBody) -> SentResult:
        message_id, update_id = self.user_send(
            int(body["user_id"]),
            body["text"],
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
            reply_to=body.get("reply_to"),
            forward_from=body.get("forward_from"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_edit(self, request: web.Request, body: EditBody) -> EditResult:
        update_id = self.user_edit(
            int(body["user_id"]), int(body["message_id"]), body["text"], chat_id=body.get("chat_id")
        )
        return {"update_id": update_id}

    async def _c_photo(self, request: web.Request, body: PhotoBody) -> SentResult:
        encoded = body.get("data")
        data = base64.b64decode(encoded) if encoded else None
        message_id, update_id = self.user_photo(
            int(body["user_id"]),
            data=data,
            caption=body.get("caption"),
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_document(self, request: web.Request, body: DocumentBody) -> SentResult:
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

    async def _c_location(self, request: web.Request, body: LocationBody) -> SentResult:
        message_id, update_id = self.user_location(
            int(body["user_id"]),
            float(body["latitude"]),
            float(body["longitude"]),
            chat_id=body.get("chat_id"),
            thread_id=body.get("thread_id"),
        )
        return {"message_id": message_id, "update_id": update_id}

    async def _c_press(self, request: web.Request, body: PressBody) -> PressResult:
        query_id, update_id = self.user_press(
            int(body["user_id"]),
            chat_id=body.get("chat_id"),
            button_text=body.get("button_text"),
            callback_data=body.get("callback_data"),
            message_id=body.get("message_id"),
        )
        return {"query_id": query_id, "update_id": update_id}

    async def _c_inject(self, request: web.Request, body: InjectBody) -> int:
        return self.inject_update(body["update"])

    def _visible(self, chat: Chat, thread_id: int | None) -> list[Message]:
        return [
            m
            for m in chat.messages.values()
            if not m.deleted and (thread_id is None or m.thread_id == thread_id)
        ]

    async def _c_messages(self, request: web.Request, body: JSON) -> list[JSON]:
        chat = self._chat(int(request.match_info["chat_id"]))
        thread_id = self._q_int(request, ChatMessagesQuery, "thread_id")
        include_deleted = self._query(request, ChatMessagesQuery, "include_deleted") == "1"
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

    async def _c_next_bot_message(self, request: web.Request, body: JSON) -> NextBotMessageResult:
        """Long poll for the first bot message with id > ``after`` (optionally in a thread)."""
        chat = self._chat(int(request.match_info["chat_id"]))
        after = self._q_int(request, NextBotMessageQuery, "after", 0) or 0
        thread_id = self._q_int(request, NextBotMessageQuery, "thread_id")
        timeout = self._q_float(request, NextBotMessageQuery, "timeout", 5.0)

        def first() -> Message | None:
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

    async def _c_wait_edit(self, request: web.Request, body: JSON) -> WaitEditResult:
        chat = self._chat(int(request.match_info["chat_id"]))
        message_id = int(request.match_info["message_id"])
        msg = chat.messages.get(message_id)
        if msg is None:
            raise ControlError(f"no message {message_id} in chat {chat.id}")
        after_count = self._q_int(request, WaitEditQuery, "after_edit_count")
        since_date = self._q_int(request, WaitEditQuery, "since_edit_date")
        timeout = self._q_float(request, WaitEditQuery, "timeout", 5.0)

        def edited() -> bool:
            if after_count is not None and msg.edit_count <= after_count:
                return False
            if since_date is not None and (msg.edit_date or 0) <= since_date:
                return False
            return msg.edit_count > 0

        ok = await self._wait_until(edited, timeout)
        return {"edited": ok, "message": self.message_view(msg)}

    async def _c_file(self, request: web.Request, body: JSON) -> FileResult:
        stored = self.files.get(request.match_info["file_id"])
        if stored is None:
            raise ControlError(f"unknown file_id {request.match_info['file_id']}")
        return {
            "data": base64.b64encode(stored.data).decode(),
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
        }

    async def _c_set_faults(self, request: web.Request, body: FaultsBody) -> bool:
        self.set_faults(**body)
        return True

    async def _c_clear_faults(self, request: web.Request, body: JSON) -> bool:
        self.clear_faults()
        return True

    async def _c_rate_limits(self, request: web.Request, body: SwitchBody) -> bool:
        self.set_rate_limits(bool(body["on"]))
        return True

    async def _c_privacy_mode(self, request: web.Request, body: SwitchBody) -> bool:
        self.privacy_mode = bool(body["on"])
        return True

    async def _c_calls(self, request: web.Request, body: JSON) -> list[CallRecord]:
        method = self._query(request, CallsQuery, "method")
        if method:
            return [c for c in self.calls if c["method"].lower() == method.lower()]
        return list(self.calls)

    async def _c_handouts(self, request: web.Request, body: JSON) -> list[Handout]:
        return list(self.handouts)

    async def _c_wait_handout(self, request: web.Request, body: JSON) -> Handout | None:
        after = self._q_int(request, WaitHandoutQuery, "after_count", 0) or 0
        min_updates = self._q_int(request, WaitHandoutQuery, "min_updates", 1) or 1
        timeout = self._q_float(request, WaitHandoutQuery, "timeout", 10.0)

        def found() -> Handout | None:
            for index, handout in enumerate(self.handouts[after:], start=after):
                if len(handout["update_ids"]) >= min_updates:
                    return {**handout, "index": index}
            return None

        await self._wait_until(lambda: found() is not None, timeout)
        return found()

    async def _c_delivery_counts(self, request: web.Request, body: JSON) -> JSON:
        return {str(k): v for k, v in self.delivery_counts.items()}

    async def _c_pending(self, request: web.Request, body: JSON) -> PendingResult:
        return {
            "count": len(self._updates),
            "update_ids": [u["update_id"] for u in self._updates],
        }

    async def _c_wait_confirmed(self, request: web.Request, body: JSON) -> ConfirmedResult:
        timeout = self._q_float(request, WaitConfirmedQuery, "timeout", 10.0)
        ok = await self._wait_until(lambda: not self._updates, timeout)
        return {"confirmed": ok, "pending": [u["update_id"] for u in self._updates]}

    async def _c_commands(self, request: web.Request, body: JSON) -> list[JSON]:
        scope_text = self._query(request, CommandsQuery, "scope")
        scope = json.loads(scope_text) if scope_text else None
        try:
            key = self.scope_key(scope, self._query(request, CommandsQuery, "language_code") or "")
        except ApiError as err:
            raise ControlError(err.description) from None
        return list(self._commands.get(key, []))

    async def _c_reset(self, request: web.Request, body: JSON) -> bool:
        self.reset()
        return True
