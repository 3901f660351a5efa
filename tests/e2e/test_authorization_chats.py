"""The authorization matrix's other two dimensions: the kind of chat (private / group) and,
for buttons, who pressed (the person the button was shown to / another registered person /
a stranger). Every button prefix and every command is checked in both kinds of chat, and
each cell's outcome is read from the database and from what the people saw (README, "Who
may do what").

In a private chat Telegram lets only that chat's person press a button; another person's
press there can only be forged, so it is forged (an injected callback query carrying the
card's message), and the answer is read from the double's call log."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import SQLModel, col

from bot.app import PoskoRuntime
from bot.i18n import plain
from bot.sandbox import SandboxClient, SeenMessage, SimGroup, SimUser
from storage.models import (
    Conversation,
    InboundUpdate,
    Incident,
    Invite,
    OutboxMessage,
    Person,
    Report,
    Subscription,
)
from tests.factories import make_admin, make_group, make_officer, register
from tests.helpers import count_rows, fetch_all

PRESSERS = ("owner", "other", "stranger")
CHATS = ("private", "group")
BUTTONS = ("lang1", "lang1:g", "inv1", "rep1", "wd1", "inc1", "ins1", "insloc1", "rem1", "leave1")
# Buttons of a private chat's guided flows: refused anywhere else, even for their owner.
PRIVATE_BUTTONS = {"lang1", "inv1", "rep1", "ins1", "insloc1", "rem1"}


def expected_press(button: str, chat: str, presser: str) -> tuple[bool, str | None]:
    """(did it change anything, the toast's catalog key; None: not checked). The owner is
    the person the card was shown to; for an alert (inc1), a coordinator of its region; for
    a group's language (lang1:g), a group admin who is a coordinator."""
    if presser != "owner":
        return False, "button.not_yours"
    if (button in PRIVATE_BUTTONS and chat == "group") or (
        button == "lang1:g" and chat == "private"
    ):
        return False, "button.stale"
    return True, None


@dataclass
class Card:
    """A button to press, on a message in a chat, and what it would change."""

    message: SeenMessage
    data: str
    holder: SimUser  # whose private chat holds the message (private cards)
    owner: SimUser
    other: SimUser
    effect: Callable[[], Awaitable[Any]]


class Buttons:
    def __init__(self, sandbox: SandboxClient, url: str, cast: dict[str, SimUser], group: SimGroup):
        self.sandbox, self.url, self.group = sandbox, url, group
        self.cast = cast
        self.query_ids = itertools.count(9_000_000)
        self.reminder: tuple[SeenMessage, str] | None = None

    # -- reading -------------------------------------------------------------------------

    async def rows(self, model: type[SQLModel], *fields: str) -> list[tuple[Any, ...]]:
        found = await fetch_all(self.url, model)
        return sorted(tuple(getattr(row, f) for f in fields) for row in found)

    async def conversations(self) -> list[tuple[Any, ...]]:
        return await self.rows(Conversation, "chat_id", "user_id", "flow", "step")

    async def languages(self) -> list[tuple[Any, ...]]:
        people = await self.rows(Person, "telegram_id", "language")
        return [*people, *await self.rows(Subscription, "chat_id", "language")]

    async def private_card(
        self, user: SimUser, command: str, prefix: str
    ) -> tuple[SeenMessage, str]:
        await user.drain()
        await user.send(command)
        return await self.card_in(user, prefix)

    async def group_card(self, user: SimUser, command: str, prefix: str) -> tuple[SeenMessage, str]:
        await self.group.drain()
        await user.send(command, chat=self.group)
        return await self.card_in(self.group, prefix)

    async def card_in(self, reader: SimUser | SimGroup, prefix: str) -> tuple[SeenMessage, str]:
        """The next message in the chat with a button whose data starts with `prefix`."""
        while True:
            message = await reader.next_message(timeout=15)
            for row in message.buttons:
                for button in row:
                    if button.get("callback_data", "").startswith(prefix):
                        return message, button["callback_data"]

    async def group_anchor(self) -> SeenMessage:
        return [m for m in await self.group.transcript() if m.from_bot][-1]

    async def idle(self, user: SimUser) -> None:
        """End whatever flow the person has in their private chat."""
        await user.send("/batal")
        await user.next_message()

    # -- pressing ------------------------------------------------------------------------

    async def press(self, card: Card, chat: str, presser: SimUser) -> str:
        """Press the card's button as `presser`; the text the press was answered with."""
        if chat == "group" or presser.id == card.holder.id:
            before = len(await presser.toasts())
            where = self.group if chat == "group" else None
            await presser.press_data(card.data, message_id=card.message.message_id, chat=where)
            for _ in range(300):
                toasts = await presser.toasts()
                if len(toasts) > before:
                    return toasts[-1].get("text") or ""
                await asyncio.sleep(0.05)
            raise AssertionError(f"no answer to {card.data} by {presser}")
        query_id = str(next(self.query_ids))
        await self.sandbox.inject_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": presser.as_api_user(),
                    "message": card.message.raw,
                    "chat_instance": "1",
                    "data": card.data,
                }
            }
        )
        for _ in range(300):
            for call in await self.sandbox.calls("answerCallbackQuery"):
                if str(call["params"].get("callback_query_id")) == query_id:
                    return str(call["params"].get("text") or "")
            await asyncio.sleep(0.05)
        raise AssertionError(f"no answer to the forged {card.data} by {presser}")

    # -- the cards, one per button and chat ----------------------------------------------

    async def card(self, button: str, chat: str) -> Card:
        c = self.cast
        owner, other = c["owner"], c["other"]
        if button == "lang1":
            message, data = await self.private_card(owner, "/bahasa", "lang1:en")
            if chat == "group":
                message = await self.group_anchor()
            return Card(message, data, owner, owner, other, self.languages)
        if button == "lang1:g":
            if chat == "group":
                message, data = await self.group_card(owner, "/bahasa", "lang1:g:en")
            else:
                await owner.drain()
                await owner.send("/bantuan")
                message, data = await owner.next_message(), "lang1:g:en"
            return Card(message, data, owner, owner, other, self.languages)
        if button == "inv1":
            role_card, role = await self.private_card(owner, "/undang", "inv1:r:o")
            await owner.press_data(role, message_id=role_card.message_id)
            await owner.wait_for_edit(role_card.message_id)
            message = await owner.seen(role_card.message_id)
            [data] = [
                b["callback_data"]
                for row in message.buttons
                for b in row
                if b["callback_data"].startswith("inv1:p:o:")
            ]
            # The invite is made at the last step, the agency (inv1:g:…), after the region.
            picked, mark, owner_id = data.rpartition("@")
            data = f"{picked.replace('inv1:p:', 'inv1:g:', 1)}:kpu{mark}{owner_id}"
            if chat == "group":
                message = await self.group_anchor()

            async def invites() -> int:
                return await count_rows(self.url, Invite)

            return Card(message, data, owner, owner, other, invites)
        if button in ("rep1", "ins1"):
            await self.idle(owner)
            command = "/lapor" if button == "rep1" else "/insiden"
            message, data = await self.private_card(owner, command, f"{button}:")
            [data] = [
                b["callback_data"]
                for row in message.buttons
                for b in row
                if b["callback_data"].split(":")[2] == "p"
            ]
            if chat == "group":
                message = await self.group_anchor()
            return Card(message, data, owner, owner, other, self.conversations)
        if button == "insloc1":
            await self.idle(owner)
            await owner.drain()
            await owner.send_location(-3.42, 122.07)
            message, data = await self.card_in(owner, "insloc1:")
            if chat == "group":
                message = await self.group_anchor()
            return Card(message, data, owner, owner, other, self.conversations)
        if button == "rem1":
            officer = c["officer"]
            if self.reminder is None:  # one reminder a day: both chats use today's
                await self.idle(officer)
                await officer.drain()
                await owner.send("/ingatkan")
                self.reminder = await self.card_in(officer, "rem1:")
            message, data = self.reminder
            if chat == "group":
                message = await self.group_anchor()
            return Card(message, data, officer, officer, other, self.conversations)
        if button == "wd1":
            await owner.send("/lapor 74.09 logistik siap")
            await owner.next_message()
            if chat == "group":
                message, data = await self.group_card(owner, "/tarik", "wd1:")
            else:
                message, data = await self.private_card(owner, "/tarik", "wd1:")

            async def reports() -> list[tuple[Any, ...]]:
                return await self.rows(Report, "id", "status")

            return Card(message, data, owner, owner, other, reports)
        if button == "inc1":
            officer = c["officer"]
            await owner.drain()
            await self.group.drain()
            before = await count_rows(self.url, Incident)
            await officer.send(f"/insiden 74.09.01 rendah lainnya uji {chat}")
            for _ in range(300):
                if await count_rows(self.url, Incident) > before:
                    break
                await asyncio.sleep(0.05)
            newest = max(row[0] for row in await self.rows(Incident, "id"))
            alerted = self.group if chat == "group" else owner
            message, data = await self.card_in(alerted, f"inc1:{newest}:a")  # ✅ Terima

            async def statuses() -> list[tuple[Any, ...]]:
                return await self.rows(Incident, "id", "status")

            # Whom an alert's role and region do not allow: a registered officer.
            return Card(message, data, owner, owner, officer, statuses)
        if button == "leave1":
            leaver = c[f"leaver {chat}"]
            if chat == "group":
                message, data = await self.group_card(leaver, "/keluar", "leave1:yes")
            else:
                message, data = await self.private_card(leaver, "/keluar", "leave1:yes")

            async def people() -> list[tuple[Any, ...]]:
                return await self.rows(Person, "telegram_id", "active", "full_name")

            return Card(message, data, leaver, leaver, other, people)
        raise AssertionError(button)


async def test_every_button_acts_only_for_whom_it_is_in_both_kinds_of_chat(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    cast: dict[str, SimUser] = {}
    for key, name, role, region in (
        ("owner", "Koor Pemilik", "coordinator", "74.09"),
        ("other", "Koor Lain", "coordinator", "74.09"),
        ("officer", "Petugas Asera", "officer", "74.09.01"),
        ("leaver private", "Koor Pamit Satu", "coordinator", "74.09"),
        ("leaver group", "Koor Pamit Dua", "coordinator", "74.09"),
    ):
        cast[key] = await register(sandbox, database_url, name=name, role=role, region=region)
    stranger = cast["stranger"] = await sandbox.create_user("Tamu")
    owner = cast["owner"]
    group = await make_group(
        sandbox,
        "Forkopimda Konut",
        members=[cast["other"], cast["officer"], stranger, cast["leaver group"]],
        admins=[owner],
    )
    await owner.send("/langganan 74.09 insiden", chat=group)
    assert "peringatan insiden: ya" in (await group.next_message()).text
    buttons = Buttons(sandbox, database_url, cast, group)

    observed: list[tuple[str, str, str, bool, str]] = []
    # The language buttons last: they change the owner's and the group's language.
    for button in (*(b for b in BUTTONS if not b.startswith("lang1")), "lang1", "lang1:g"):
        for chat in ("group", "private"):
            card = await buttons.card(button, chat)
            for presser_kind in ("other", "stranger", "owner"):
                presser = {"owner": card.owner, "other": card.other, "stranger": stranger}[
                    presser_kind
                ]
                before = await card.effect()
                toast = await buttons.press(card, chat, presser)
                changed = await card.effect() != before
                observed.append((button, chat, presser_kind, changed, toast))

    wrong = []
    for button, chat, presser, changed, toast in observed:
        should_change, toast_key = expected_press(button, chat, presser)
        toasts = {plain(lang, toast_key) for lang in ("id", "en")} if toast_key else None
        if changed != should_change or (toasts is not None and toast not in toasts):
            wrong.append(
                f"{button:<8} {chat:<8} {presser:<9} "
                f"{'changed' if changed else 'unchanged'}, answered {toast!r}"
            )
    assert len(observed) == len(BUTTONS) * len(CHATS) * len(PRESSERS)
    assert not wrong, "\n" + "\n".join(wrong)


# -- commands ------------------------------------------------------------------------------

# Commands whose answer is personal data, a file or an invite link: private chats only.
PRIVATE_COMMANDS = {
    "profil",
    "dataku",
    "undang",
    "lapor",
    "ralat",
    "insiden",
    "riwayat",
    "ekspor",
    "paparan",
    "undangan",
    "nonaktifkan",
}
GROUP_ONLY_COMMANDS = {"langganan", "berhenti"}
FOR_GUESTS = {"start", "bantuan", "batal"}
MARKERS = {
    "private only": plain("id", "private_only"),
    "not registered": plain("id", "not_registered"),
    "group only": plain("id", "group_only"),
    "group only ": plain("id", "subscription.stop_group_only"),  # /berhenti's own words
    "not group admin": "Hanya admin grup",
}


def is_alert(message: SeenMessage) -> bool:
    """An incident alert (coordinators and admins get them at any moment)."""
    return any(
        b.get("callback_data", "").startswith("inc1:") for row in message.buttons for b in row
    )


def expected_command(command: str, chat: str, who: str) -> str:
    """How a command is answered: 'answered', 'silent', or one of MARKERS' refusals."""
    if command == "start" and chat == "group":
        return "silent"
    if command in PRIVATE_COMMANDS and chat == "group":
        return "private only"
    if command in GROUP_ONLY_COMMANDS:
        if chat == "private":
            return "group only"
        return "answered" if who == "admin" else "not group admin"
    if who == "stranger" and command not in FOR_GUESTS:
        return "not registered"
    return "answered"


def expected_effect(command: str, chat: str, who: str) -> str | None:
    """Which count a command changes (None: nothing)."""
    if who != "admin":
        return None
    if chat == "private":
        effects = {
            "lapor": "reports",
            "insiden": "incidents",
            "undang": "invites",
            "nonaktifkan": "people",
            "ekspor": "documents",
            "paparan": "documents",
        }
        return effects.get(command)
    return {"langganan": "subscriptions", "berhenti": "subscriptions"}.get(command)


async def test_every_command_in_both_kinds_of_chat(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await make_admin(sandbox)
    target = await make_officer(sandbox, database_url, name="Sasaran", region="74.09")
    stranger = await sandbox.create_user("Tamu")
    groups: list[SimGroup] = []

    async def new_group() -> SimGroup:
        groups.append(
            await make_group(
                sandbox, f"Grup {len(groups)}", members=[target, stranger], admins=[admin]
            )
        )
        return groups[-1]

    await admin.send("/lapor 74.09.01 logistik siap")  # for /tarik
    await admin.next_message()
    await target.send("/insiden 74.09.01 rendah lainnya untuk riwayat")
    await target.next_message()
    [incident] = await fetch_all(database_url, Incident)
    assert posko.application is not None
    username = posko.application.bot.username
    commands = {
        "start": "/start",
        "bantuan": "/bantuan",
        "profil": "/profil",
        "dataku": "/dataku",
        "bahasa": "/bahasa",
        "undang": "/undang petugas 74.09.01",
        "lapor": "/lapor 74.09.01 logistik siap",
        "status": "/status",
        "ralat": "/ralat",
        "tarik": "/tarik",
        "insiden": "/insiden 74.09.01 rendah lainnya uji",
        "insiden_terbuka": "/insiden_terbuka",
        "riwayat": f"/riwayat I-{incident.id:04d}",
        "langganan": "/langganan 74.09",
        "berhenti": "/berhenti",
        "ringkasan": "/ringkasan",
        "acara": "/acara",
        "ingatkan": "/ingatkan",
        "ekspor": "/ekspor",
        "paparan": "/paparan",
        "undangan": "/undangan",
        "keluar": "/keluar",
        "batal": "/batal",
        "nonaktifkan": f"/nonaktifkan {target.id}",
    }

    async def counts(reader: SimUser | SimGroup) -> dict[str, int]:
        transcript = await reader.transcript()
        return {
            "reports": await count_rows(database_url, Report),
            "incidents": await count_rows(database_url, Incident),
            "invites": await count_rows(database_url, Invite),
            "people": await count_rows(database_url, Person, col(Person.active).is_(True)),
            "subscriptions": await count_rows(
                database_url, Subscription, col(Subscription.active).is_(True)
            ),
            "documents": sum(m.document is not None for m in transcript),
        }

    async def settle() -> None:
        """Until every update is processed and every message owed is sent."""
        for _ in range(1200):
            await sandbox.wait_until_confirmed()
            unprocessed = await count_rows(
                database_url, InboundUpdate, col(InboundUpdate.processed_at).is_(None)
            )
            owed = await count_rows(
                database_url, OutboxMessage, col(OutboxMessage.status) == "pending"
            )
            if not unprocessed and not owed:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the bot did not settle")

    link = {"text": plain("id", "private_only.button"), "url": f"https://t.me/{username}"}
    observed: list[tuple[str, str, str, str, list[str], str]] = []
    for who, user in (("stranger", stranger), ("admin", admin)):
        subscribed: SimGroup | None = None
        for chat in CHATS:
            for name, text in commands.items():
                reader: SimUser | SimGroup = user
                if chat == "group":
                    # A group of its own for each command (a group gets 20 messages a minute);
                    # /berhenti where /langganan subscribed.
                    reader = subscribed if name == "berhenti" and subscribed else await new_group()
                    if name == "langganan":
                        subscribed = reader
                await settle()
                await reader.drain()
                before = await counts(reader)
                await user.send(text, chat=reader if isinstance(reader, SimGroup) else None)
                seen: list[SeenMessage] = []
                if name in ("ekspor", "paparan") and who == "admin" and chat == "private":
                    # The export's and briefing's documents come after the command's answer.
                    while seen[-1:] == [] or seen[-1].document is None:
                        seen.append(await user.next_message(timeout=20))
                await settle()
                seen += await reader.drain()
                answers = [m for m in seen if not is_alert(m)]
                answer = answers[0] if answers else None
                outcome = "silent" if answer is None else "answered"
                for label, marker in MARKERS.items():
                    if answer is not None and marker[:40] in answer.body:
                        outcome = label.strip()
                if outcome == "private only" and answer is not None and answer.buttons != [[link]]:
                    outcome = "private only, without the link to the private chat"
                after = await counts(reader)
                changed = [key for key in after if after[key] != before[key]]
                observed.append(
                    (name, chat, who, outcome, changed, answer.short() if answer else "")
                )

    wrong = []
    for name, chat, who, outcome, changed, seen in observed:
        effect = expected_effect(name, chat, who)
        if outcome != expected_command(name, chat, who) or changed != ([effect] if effect else []):
            wrong.append(f"/{name:<16} {chat:<8} {who:<9} {outcome}, changed {changed}: {seen}")
    assert len(observed) == len(commands) * len(CHATS) * 2
    assert not wrong, "\n" + "\n".join(wrong)
    # No Telegram id, and no file, ever reached a group.
    in_groups = [m for g in groups for m in await g.transcript() if m.from_bot]
    assert not [m for m in in_groups if m.document is not None]
    assert not [m for m in in_groups if str(admin.id) in m.body or str(target.id) in m.body]
