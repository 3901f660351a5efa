"""People acting: sending, editing, sending media and locations, tapping buttons.

What the control routes ``/act/...`` call.  Each action stores the person's message in the
chat and queues the update Telegram would deliver to the bot (if it would).
"""

from __future__ import annotations

import base64
import mimetypes
import time
from typing import Any, cast

from bot.sandbox.members import Membership
from bot.sandbox.model import (
    ApiError,
    Chat,
    ControlError,
    Message,
    Query,
    User,
    command_entities,
)
from bot.sandbox.shapes import JSON

# Tiny valid 1x1 PNG used when a simulated user sends a photo without giving bytes.
DEFAULT_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class People(Membership):
    """Simulated people acting in their chats."""

    def _person_chat(self, user: User, chat_id: int | None) -> Chat:
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
    ) -> tuple[Message, int | None]:
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
        stored = self._store_file(data or DEFAULT_PNG, "photo", "photo.jpg", "image/jpeg")
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
        self._queries[query_id] = Query(query_id, user.id, chat.id, msg.message_id)
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
        self, chat: Chat, button_text: str, message_id: int | None
    ) -> tuple[Message, str]:
        def buttons_of(msg: Message) -> list[JSON]:
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

    def bot_messages(self, chat_id: int) -> list[Message]:
        return [m for m in self._chat(chat_id).messages.values() if m.from_bot]
