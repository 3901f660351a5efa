"""Every button's callback data, encoded and parsed in one place.

A button's data is `<prefix>:<field>:<field>…`, optionally followed by `@<telegram id>` when
the button is personal (it acts only for the person it was shown to; see
`bot/handlers/common.py: personal_button`). The prefix carries a version digit (`rep1`):
when the fields of a kind change, the digit changes, and buttons still on people's screens
from before are recognised as stale instead of being misread.

Each kind is declared once below, with the shape of its fields. Handlers build data with
`KIND.data(...)`, register with `KIND.pattern`, and read a press with `KIND.parse(...)`;
nobody splits on ":" elsewhere. Telegram allows 64 bytes of callback data: `data()` checks
the limit where the data is built, leaving room for the owner mark of a personal button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CALLBACK_BYTES = 64
SEPARATOR = ":"
OWNER_MARK = "@"
# The owner mark is "@" and a Telegram id: ids fit in 64 bits, so at most 20 digits.
OWNER_ROOM = 1 + 20


class CallbackDataError(ValueError):
    """Data that cannot be built: a field with a separator in it, or over 64 bytes."""


@dataclass(frozen=True)
class CallbackKind:
    """One kind of button. `shape` documents its fields (for the README and for readers);
    `personal` buttons get their owner's mark appended by `bot.ui.owned`."""

    prefix: str
    shape: str
    personal: bool = False

    def data(self, *fields: str | int) -> str:
        """The callback data for these fields, checked against Telegram's limit."""
        parts = [self.prefix]
        for value in fields:
            text = str(value)
            if SEPARATOR in text or OWNER_MARK in text or text == "":
                raise CallbackDataError(f"{self.prefix}: field {text!r} cannot be encoded")
            parts.append(text)
        encoded = SEPARATOR.join(parts)
        room = MAX_CALLBACK_BYTES - (OWNER_ROOM if self.personal else 0)
        if len(encoded.encode()) > room:
            raise CallbackDataError(f"{self.prefix}: {encoded!r} over {room} bytes")
        return encoded

    @property
    def pattern(self) -> str:
        """The regular expression a CallbackQueryHandler registers for this kind."""
        return rf"^{re.escape(self.prefix)}(:|@|$)"

    def parse(self, data: str, *, count: int | None = None) -> tuple[str, ...] | None:
        """The fields of `data` (owner mark already removed), or None when it is not this
        kind or, with `count`, does not have exactly that many fields (a stale shape)."""
        head, *fields = data.split(SEPARATOR)
        if head != self.prefix:
            return None
        if count is not None and len(fields) != count:
            return None
        return tuple(fields)


# ---- the kinds ---------------------------------------------------------------------------
# Sorted by prefix. The handlers' prefix constants are taken from here, so each prefix is
# written once; tests/unit/test_callbacks.py checks that no two kinds share one.
AGENCY_CHOICE = CallbackKind("agy1", "agy1:<agency code>", personal=True)
ONE_LINE_GUESS = CallbackKind("ask1", "ask1:<token>:<choice index>|x", personal=True)
INCIDENT_ALERT = CallbackKind("inc1", "inc1:<incident id>:<action>")
INCIDENT_MORE = CallbackKind("incm1", "incm1:<incident id>")
INCIDENT_FLOW = CallbackKind("ins1", "ins1:<token>:<step action>[:<value>]", personal=True)
INCIDENT_HERE = CallbackKind("insloc1", "insloc1:<latitude>:<longitude>", personal=True)
INVITE = CallbackKind("inv1", "inv1:<step>[:<role>[:<region code>[:<agency>]]]", personal=True)
LANGUAGE = CallbackKind("lang1", "lang1:[g:]<language>", personal=True)
LEAVE = CallbackKind("leave1", "leave1:yes|no", personal=True)
REMINDER = CallbackKind("rem1", "rem1:lapor", personal=True)
REPORT_FLOW = CallbackKind("rep1", "rep1:<token>:<step action>[:<value>]", personal=True)
SUPPORT_BULK = CallbackKind("rtl1", "rtl1:<token>:s|x", personal=True)
SUPPORT_ACTION = CallbackKind("sup1", "sup1:<request id>:t|p|d|x")
SUPPORT_ASK = CallbackKind("supa1", "supa1:r|i:<report or incident id>")
SUPPORT_FLOW = CallbackKind("supg1", "supg1:<token>:<action>[:<value>]", personal=True)
SUPPORT_OPEN = CallbackKind("supo1", "supo1:<request id>", personal=True)
REPORT_WITHDRAW = CallbackKind("wd1", "wd1:<report id>|x", personal=True)

ALL_KINDS: tuple[CallbackKind, ...] = tuple(
    value for value in globals().values() if isinstance(value, CallbackKind)
)
