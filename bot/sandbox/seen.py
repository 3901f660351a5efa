"""What a person sees of a message, as the test side reads it.

:class:`SeenMessage` is :class:`~bot.sandbox.shapes.MessageView` (the JSON the double
answers) plus the helpers a test reads it with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.sandbox.shapes import JSON, MessageView

__all__ = ["SandboxError", "SeenMessage", "describe"]


class SandboxError(AssertionError):
    """The double refused a control request (e.g. no such button).

    It is an ``AssertionError`` because in a test it means the expectation was wrong.
    """


@dataclass
class SeenMessage(MessageView):
    """A message as a person in the chat sees it right now (after edits).

    ``html`` is the raw string the bot sent (its text, or its caption for media), whatever
    the parse_mode was; ``None`` for people's messages.  ``buttons`` are the inline keyboard
    rows, each button ``{"text", "callback_data"}`` or ``{"text", "url"}``.

    The fields are :class:`~bot.sandbox.shapes.MessageView`'s (the JSON the double answers);
    this class adds the reading helpers.
    """

    @classmethod
    def from_view(cls, data: JSON) -> SeenMessage:
        """From the JSON of :meth:`MessageView.to_json` (what the control routes answer)."""
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


def describe(messages: Sequence[SeenMessage]) -> str:
    """One line per message, for assertion messages."""
    return "\n".join("  " + m.short() for m in messages) or "  (no messages)"
