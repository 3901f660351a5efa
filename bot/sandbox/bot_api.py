"""The Bot API methods the double implements, one ``_api_<method>`` each.

``server.TelegramDouble._handle_api`` looks the method up by name; every method takes the
decoded :class:`~bot.sandbox.params.Params` (``getUpdates`` also the request, to notice a
client that hung up) and returns the ``result`` or raises :class:`~bot.sandbox.model.ApiError`.
"""

from __future__ import annotations

import json
import re
import time

from aiohttp import web

from bot.sandbox.content import Content
from bot.sandbox.html import utf16_len
from bot.sandbox.limits import Limits
from bot.sandbox.members import Membership
from bot.sandbox.model import MAX_TEXT, ApiError, Message, bad
from bot.sandbox.params import Params
from bot.sandbox.shapes import JSON

_BOT_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")

_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)


class BotApi(Content, Limits, Membership):
    """The Bot API methods (getUpdates, send*, edit*, commands, chats...)."""

    # ------------------------------------------------------------------ me, updates, webhook

    def _api_getMe(self, params: Params) -> JSON:
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

    async def _api_getUpdates(self, params: Params, request: web.Request) -> list[JSON]:
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

    def _api_deleteWebhook(self, params: Params) -> bool:
        self._webhook_url = ""
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_setWebhook(self, params: Params) -> bool:
        url = params.get_str("url") or ""
        if url and not url.startswith("https://"):
            raise bad("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_getWebhookInfo(self, params: Params) -> JSON:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _api_logOut(self, params: Params) -> bool:
        return True

    def _api_close(self, params: Params) -> bool:
        return True

    # ------------------------------------------------------------------ sending

    def _api_sendMessage(self, params: Params) -> JSON:
        chat = self._chat_for_bot(params)
        text, entities, raw = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise bad("message is too long")
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

    def _api_sendPhoto(self, params: Params) -> JSON:
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

    def _api_sendDocument(self, params: Params) -> JSON:
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

    # ------------------------------------------------------------------ editing and deleting

    def _message_to_edit(self, params: Params) -> Message:
        if params.has("inline_message_id"):
            raise bad("message to edit not found")
        chat = self._chat_for_bot(params)
        message_id = params.get_int("message_id")
        msg = chat.messages.get(message_id) if message_id is not None else None
        if msg is None or msg.deleted or msg.service:
            raise bad("message to edit not found")
        if not msg.from_bot:
            raise bad("message can't be edited")
        return msg

    def _apply_edit(self, msg: Message, compared: JSON, extra: JSON | None = None) -> JSON:
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

    def _api_editMessageText(self, params: Params) -> JSON:
        msg = self._message_to_edit(params)
        text, entities, raw = self._formatted(params, "text", "parse_mode", "entities")
        if not text:
            raise bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise bad("message is too long")
        if msg.text is None:
            raise bad("there is no text in the message to edit")
        markup = self._markup(params)
        # No reply_markup in an edit removes the inline keyboard, exactly like Telegram.
        return self._apply_edit(
            msg,
            {"text": text, "entities": entities, "inline_keyboard": markup["inline_keyboard"]},
            {"html": raw, "parse_mode": params.get_str("parse_mode")},
        )

    def _api_editMessageCaption(self, params: Params) -> JSON:
        msg = self._message_to_edit(params)
        if msg.photo is None and msg.document is None:
            raise bad("there is no caption in the message to edit")
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

    def _api_editMessageReplyMarkup(self, params: Params) -> JSON:
        msg = self._message_to_edit(params)
        markup = self._markup(params)
        return self._apply_edit(msg, {"inline_keyboard": markup["inline_keyboard"]})

    def _api_deleteMessage(self, params: Params) -> bool:
        chat = self._chat_for_bot(params)
        msg = chat.messages.get(params.get_int("message_id") or 0)
        if msg is None or msg.deleted:
            raise bad("message to delete not found")
        if chat.is_group and not msg.from_bot and chat.bot_status != "administrator":
            raise bad("message can't be deleted")
        msg.deleted = True
        self._notify()
        return True

    # ------------------------------------------------------------------ callback queries and files

    def _api_answerCallbackQuery(self, params: Params) -> bool:
        query = self._queries.get(params.get_str("callback_query_id") or "")
        if query is None or query.answered:
            raise ApiError(400, _QUERY_TOO_OLD)
        text = params.get_str("text")
        if text is not None and len(text) > 200:
            raise bad("MESSAGE_TOO_LONG")
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

    def _api_getFile(self, params: Params) -> JSON:
        stored = self.files.get(params.get_str("file_id") or "")
        if stored is None:
            raise bad("wrong file_id or the file is temporarily unavailable")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    # ------------------------------------------------------------------ command menus

    def _scope_key(self, params: Params) -> tuple[str, str]:
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
            raise bad("unsupported scope type")
        if "chat_id" in scope:
            scope["chat_id"] = self._resolve_chat_id(scope["chat_id"])
        if "user_id" in scope:
            scope["user_id"] = int(scope["user_id"])
        if language_code and not re.fullmatch(r"[a-z]{2}", language_code):
            raise bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language_code

    def _api_setMyCommands(self, params: Params) -> bool:
        commands = params.get_json("commands")
        if not isinstance(commands, list):
            raise bad("commands must be an array")
        if len(commands) > 100:
            raise bad("too many commands")
        clean = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad("BOT_COMMAND_INVALID")
            name = str(command.get("command", ""))
            description = str(command.get("description", ""))
            if not _BOT_COMMAND_NAME_RE.match(name):
                raise bad("BOT_COMMAND_INVALID")
            if not description.strip() or len(description) > 256:
                raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": description})
        key = self._scope_key(params)
        if clean:
            self._commands[key] = clean
        else:
            self._commands.pop(key, None)
        return True

    def _api_getMyCommands(self, params: Params) -> list[JSON]:
        return list(self._commands.get(self._scope_key(params), []))

    def _api_deleteMyCommands(self, params: Params) -> bool:
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

    # ------------------------------------------------------------------ menu button

    def _api_setChatMenuButton(self, params: Params) -> bool:
        """The button beside a private chat's text field (a Mini App's, for the dashboard);
        without `chat_id` the default for every private chat. Kept in `menu_buttons`."""
        chat_id = params.get_int("chat_id")
        button = params.get_json("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            raise bad("menu button type is invalid")
        if button["type"] == "web_app":
            url = (button.get("web_app") or {}).get("url", "")
            if not isinstance(url, str) or not url.startswith("https://"):
                raise bad("WEB_APP_URL_INVALID: Mini Apps must use https")
            if not str(button.get("text", "")).strip():
                raise bad("menu button text is empty")
        if chat_id is not None and chat_id not in self.chats:
            raise bad("chat not found")
        self.menu_buttons[chat_id] = button
        return True

    # ------------------------------------------------------------------ chats and members

    def _api_getChatMember(self, params: Params) -> JSON:
        chat = self._chat_for_bot(params)
        user_id = params.get_int("user_id")
        if user_id == self.bot.id:
            status = "member" if chat.type == "private" else chat.bot_status
            return self._member_api(self.bot, status, chat)
        user = self.users.get(user_id or 0)
        if user is None:
            raise bad("user not found")
        if chat.type == "private":
            if user.id != chat.user_id:
                raise bad("user not found")
            return self._member_api(user, "member", chat)
        return self._member_api(user, chat.members.get(user.id, "left"), chat)

    def _api_getChat(self, params: Params) -> JSON:
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

    def _api_getChatAdministrators(self, params: Params) -> list[JSON]:
        chat = self._chat_for_bot(params)
        if not chat.is_group:
            raise bad("there are no administrators in the private chat")
        out = [
            self._member_api(self.users[uid], status, chat)
            for uid, status in chat.members.items()
            if status in ("creator", "administrator")
        ]
        if chat.bot_status == "administrator":
            out.append(self._member_api(self.bot, "administrator", chat))
        return out

    def _api_sendChatAction(self, params: Params) -> bool:
        chat = self._chat_for_bot(params)
        self._check_thread(chat, params.get_int("message_thread_id"))
        return True

    def _api_leaveChat(self, params: Params) -> bool:
        chat = self._chat_for_bot(params)
        if not chat.is_group:
            raise bad("chat member status can't be changed in private chats")
        self._set_bot_status(chat, "left", by=self.bot)
        return True
