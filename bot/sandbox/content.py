"""What the bot sends: text and parse_mode, reply markup, replies, threads and media.

Validation mirrors the Bot API's answers (same error descriptions), so the bot's handling of
bad requests is tested against what Telegram really says.
"""

from __future__ import annotations

import mimetypes
import re

from bot.sandbox.html import TelegramHtmlError, html_to_entities, strip_text, utf16_len
from bot.sandbox.model import (
    MAX_CALLBACK_DATA,
    MAX_CAPTION,
    MAX_UPLOAD,
    ApiError,
    Chat,
    StoredFile,
    bad,
    image_size,
)
from bot.sandbox.params import Params
from bot.sandbox.shapes import JSON
from bot.sandbox.world import World


class Content(World):
    """Parsing and validating what the bot sends."""

    # ------------------------------------------------------------------ content parsing

    def _formatted(
        self, params: Params, text_key: str, mode_key: str, entities_key: str
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
                raise bad(f"can't parse entities: {err.description}") from None
        elif mode == "":
            text = raw
            given = params.get_json(entities_key)
            entities = list(given) if isinstance(given, list) else []
        else:
            raise bad("unsupported parse_mode")
        text, entities = strip_text(text, entities)
        return text, entities, raw

    def _markup(self, params: Params) -> JSON:
        """Validate reply_markup; returns the parts to store on the message."""
        markup = params.get_json("reply_markup")
        if markup is None:
            return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": False}
        if not isinstance(markup, dict):
            raise bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad(
                    'can\'t parse inline keyboard button: field "inline_keyboard" must be '
                    "an Array of Arrays"
                )
            if sum(len(r) for r in rows) > 100:
                raise bad("reply markup is too long")
            clean_rows: list[list[JSON]] = []
            for row in rows:
                clean_row = []
                for button in row:
                    if not isinstance(button, dict):
                        raise bad(
                            "can't parse inline keyboard button: InlineKeyboardButton "
                            "must be an Object"
                        )
                    text = button.get("text")
                    if not isinstance(text, str) or not text.strip():
                        raise bad("BUTTON_TEXT_INVALID")
                    if "callback_data" in button:
                        data = button["callback_data"]
                        if not isinstance(data, str) or not data:
                            raise bad("BUTTON_DATA_INVALID")
                        if len(data.encode("utf-8")) > MAX_CALLBACK_DATA:
                            raise bad("BUTTON_DATA_INVALID")
                    elif "url" in button:
                        url = button["url"]
                        if not isinstance(url, str) or not re.match(r"^(https?://|tg://)\S+$", url):
                            raise bad(
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
                        raise bad(
                            "can't parse inline keyboard button: Text buttons are unallowed in "
                            "the inline keyboard"
                        )
                    clean_row.append(button)
                clean_rows.append(clean_row)
            return {"inline_keyboard": clean_rows, "reply_keyboard": None, "remove_keyboard": False}
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list):
                raise bad("can't parse reply keyboard markup JSON object")
            texts = [
                [b if isinstance(b, str) else str(b.get("text", "")) for b in row] for row in rows
            ]
            if any(not t for row in texts for t in row):
                raise bad("BUTTON_TEXT_INVALID")
            return {"inline_keyboard": None, "reply_keyboard": texts, "remove_keyboard": False}
        if markup.get("remove_keyboard"):
            return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": True}
        return {"inline_keyboard": None, "reply_keyboard": None, "remove_keyboard": False}

    def _reply_target(self, chat: Chat, params: Params) -> int | None:
        reply = params.get_json("reply_parameters")
        reply_id = None
        allow_missing = params.get_bool("allow_sending_without_reply")
        if isinstance(reply, dict):
            reply_id = reply.get("message_id")
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
            if reply.get("chat_id") not in (None, chat.id, str(chat.id)):
                raise bad("replies to messages in other chats are not supported by the sandbox")
        elif params.has("reply_to_message_id"):
            reply_id = params.get_int("reply_to_message_id")
        if reply_id is None:
            return None
        target = chat.messages.get(int(reply_id))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise bad("message to be replied not found")
        return int(reply_id)

    # ------------------------------------------------------------------ sending

    def _common_send_fields(self, chat: Chat, params: Params) -> JSON:
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

    # ------------------------------------------------------------------ media

    def _media_source(self, params: Params, key: str, kind: str) -> StoredFile:
        """Store an uploaded file, or look up a file_id the bot re-sends."""
        upload = params.upload(key)
        if upload is not None:
            if not upload.data:
                raise bad("file must be non-empty")
            if len(upload.data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            mime = upload.content_type
            if not mime or mime == "application/octet-stream":
                mime = mimetypes.guess_type(upload.filename)[0] or mime
            if kind == "photo" and image_size(upload.data) is None:
                raise bad("IMAGE_PROCESS_FAILED")
            return self._store_file(upload.data, kind, upload.filename, mime)
        ref = params.get_str(key)
        if not ref:
            raise bad(f"there is no {kind} in the request")
        if ref.startswith(("http://", "https://")):
            # The sandbox never fetches URLs; it remembers the URL as the file content.
            name = ref.rsplit("/", 1)[-1] or kind
            return self._store_file(ref.encode(), kind, name, mimetypes.guess_type(name)[0])
        stored = self.files.get(ref)
        if stored is None:
            raise bad("wrong file identifier/HTTP URL specified")
        if kind == "photo" and stored.kind != "photo":
            raise bad(f"can't use file of type {stored.kind.capitalize()} as Photo")
        return stored

    def _caption(self, params: Params) -> tuple[str | None, list[JSON], str | None]:
        caption, entities, raw = self._formatted(
            params, "caption", "parse_mode", "caption_entities"
        )
        if caption is not None and utf16_len(caption) > MAX_CAPTION:
            raise bad("message caption is too long")
        return (caption or None), entities, raw
