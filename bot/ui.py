"""Inline keyboards as plain data, so replies can be stored in the outbox as JSON."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# One definition of the callback data limits, kept with the callback kinds. A personal
# button's data ends with OWNER_MARK and the Telegram id of the person it was shown to
# (`leave1:yes@5550001`), so that it acts only for them (bot/handlers/common.py,
# personal_button).
from bot.callbacks import MAX_CALLBACK_BYTES, OWNER_MARK


@dataclass(frozen=True)
class Button:
    text: str
    data: str | None = None
    url: str | None = None
    web_app: str | None = None  # a Mini App's https URL (private chats only)

    def to_api(self) -> dict[str, Any]:
        if self.web_app is not None:
            return {"text": self.text, "web_app": {"url": self.web_app}}
        if self.url is not None:
            return {"text": self.text, "url": self.url}
        assert self.data is not None
        if len(self.data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {self.data!r}")
        return {"text": self.text, "callback_data": self.data}


Keyboard = list[list[Button]]


def inline_markup(rows: Keyboard | None) -> dict[str, Any] | None:
    if rows is None:
        return None
    return {"inline_keyboard": [[b.to_api() for b in row] for row in rows]}


def in_rows(buttons: list[Button], per_row: int) -> Keyboard:
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]


def owned(keyboard: Keyboard, owner_id: int) -> Keyboard:
    """The keyboard with every callback button bound to `owner_id` (URL buttons unchanged)."""
    return [
        [
            replace(b, data=f"{b.data}{OWNER_MARK}{owner_id}") if b.data is not None else b
            for b in row
        ]
        for row in keyboard
    ]
