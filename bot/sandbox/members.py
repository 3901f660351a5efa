"""Who is where: creating people and groups, membership, the bot joining and leaving.

Every change queues the update Telegram would send the bot (``my_chat_member``,
``chat_member``, service messages), through :meth:`Membership._deliver`, which also decides
whether Telegram would tell the bot about a person's message at all (privacy mode).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import cast

from bot.sandbox.model import Chat, ControlError, Message, User
from bot.sandbox.shapes import JSON
from bot.sandbox.world import World


class Membership(World):
    """Creating people and groups; membership changes and the updates they cause."""

    def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        user_id: int | None = None,
        started: bool = False,
    ) -> User:
        uid = user_id if user_id is not None else next(self._user_ids)
        while user_id is None and uid in self.users:
            uid = next(self._user_ids)
        if uid in self.users or uid <= 0:
            raise ControlError(f"user id {uid} is taken or invalid")
        user = User(uid, first_name, last_name, username, language_code, started=started)
        self.users[uid] = user
        self.chats[uid] = Chat(id=uid, type="private", user_id=uid)
        self._notify()
        return user

    def create_group(
        self,
        title: str,
        *,
        members: Sequence[int],
        admins: Sequence[int] = (),
        forum: bool = False,
        supergroup: bool = True,
        with_bot: bool = False,
        username: str | None = None,
    ) -> Chat:
        if forum and not supergroup:
            raise ControlError("only supergroups can be forums")
        if supergroup:
            chat_id = -1_001_000_000_000 - next(self._supergroup_ids)
        else:
            chat_id = -4_000_000_000 - next(self._group_ids)
        chat = Chat(
            id=chat_id,
            type="supergroup" if supergroup else "group",
            title=title,
            is_forum=forum,
            username=username,
        )
        for index, uid in enumerate(admins):
            self._user(uid)
            chat.members[uid] = "creator" if index == 0 else "administrator"
        for uid in members:
            self._user(uid)
            chat.members.setdefault(uid, "member")
        self.chats[chat_id] = chat
        if with_bot:
            adder = next(iter(chat.members), None)
            if adder is None:
                raise ControlError("with_bot needs at least one member to add the bot")
            self.add_bot(chat_id, by=adder)
        self._notify()
        return chat

    # ------------------------------------------------------------------ membership

    def _set_bot_status(self, chat: Chat, status: str, *, by: User) -> None:
        old = chat.bot_status
        if old == status:
            return
        chat.bot_status = status
        self._queue(
            "my_chat_member",
            {
                "chat": self.chat_api(chat),
                "from": by.api(),
                "date": int(time.time()),
                "old_chat_member": self._member_api(self.bot, old, chat),
                "new_chat_member": self._member_api(self.bot, status, chat),
            },
        )

    def add_bot(self, chat_id: int, *, by: int, admin: bool = False) -> None:
        chat = self._group(chat_id)
        user = self._user(by)
        if chat.members.get(by) not in ("creator", "administrator", "member"):
            raise ControlError(f"user {by} is not a member of {chat.title!r}")
        was_in = chat.bot_status in ("member", "administrator")
        self._set_bot_status(chat, "administrator" if admin else "member", by=user)
        if not was_in:
            msg = self._new_message(
                chat,
                sender_id=by,
                from_bot=False,
                service={"new_chat_members": [self.bot.api()]},
            )
            self._deliver(chat, msg, "message")

    def remove_bot(self, chat_id: int, *, by: int) -> None:
        chat = self._group(chat_id)
        user = self._user(by)
        if chat.members.get(by) not in ("creator", "administrator"):
            raise ControlError(f"user {by} is not an admin of {chat.title!r}")
        if chat.bot_status not in ("member", "administrator"):
            raise ControlError("the bot is not in that group")
        self._set_bot_status(chat, "kicked", by=user)
        self._new_message(
            chat, sender_id=by, from_bot=False, service={"left_chat_member": self.bot.api()}
        )

    def set_member(self, chat_id: int, user_id: int, status: str, *, by: int | None = None) -> None:
        """Set a person's membership status; emits service message / chat_member update."""
        chat = self._group(chat_id)
        user = self._user(user_id)
        if status not in ("creator", "administrator", "member", "left", "kicked"):
            raise ControlError(f"bad status {status}")
        old = chat.members.get(user_id, "left")
        if old == status:
            return
        chat.members[user_id] = status
        actor = self.users.get(by) if by is not None else user
        if self.bot_admin(chat):
            self._queue(
                "chat_member",
                {
                    "chat": self.chat_api(chat),
                    "from": (actor or user).api(),
                    "date": int(time.time()),
                    "old_chat_member": self._member_api(user, old, chat),
                    "new_chat_member": self._member_api(user, status, chat),
                },
            )
        joined = old in ("left", "kicked") and status not in ("left", "kicked")
        left = status in ("left", "kicked") and old not in ("left", "kicked")
        if joined or left:
            service = (
                {"new_chat_members": [user.api()]} if joined else {"left_chat_member": user.api()}
            )
            msg = self._new_message(
                chat, sender_id=(actor or user).id, from_bot=False, service=service
            )
            self._deliver(chat, msg, "message")

    @staticmethod
    def bot_admin(chat: Chat) -> bool:
        return chat.bot_status == "administrator"

    def create_topic(self, chat_id: int, name: str, *, by: int | None = None) -> int:
        chat = self._group(chat_id)
        if not chat.is_forum:
            raise ControlError(f"{chat.title!r} is not a forum")
        sender = (
            by
            if by is not None
            else next(
                (uid for uid, s in chat.members.items() if s == "creator"),
                next(iter(chat.members), self.bot.id),
            )
        )
        msg = self._new_message(
            chat,
            sender_id=sender,
            from_bot=sender == self.bot.id,
            service={"forum_topic_created": {"name": name, "icon_color": 7322096}},
        )
        msg.thread_id = msg.message_id
        msg.is_topic_message = True
        chat.topics[msg.message_id] = name
        self._deliver(chat, msg, "message")
        return msg.message_id

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        user = self._user(user_id)
        if user.blocked == blocked:
            return
        user.blocked = blocked
        chat = self.chats[user_id]
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        self._queue(
            "my_chat_member",
            {
                "chat": self.chat_api(chat),
                "from": user.api(),
                "date": int(time.time()),
                "old_chat_member": self._member_api(self.bot, old, chat),
                "new_chat_member": self._member_api(self.bot, new, chat),
            },
        )

    def _deliver(self, chat: Chat, msg: Message, kind: str) -> int | None:
        """Queue an update about a person's message if Telegram would tell the bot."""
        if chat.type == "private":
            user = self.users[cast(int, chat.user_id)]
            if user.blocked:
                return None
        else:
            if chat.bot_status not in ("member", "administrator"):
                return None
            if self.privacy_mode and chat.bot_status != "administrator" and not msg.service:
                commands = [
                    e for e in (msg.entities or msg.caption_entities) if e["type"] == "bot_command"
                ]
                text = msg.text or msg.caption or ""
                for_us = any(
                    "@" not in self._entity_text(text, e)
                    or self._entity_text(text, e).split("@", 1)[1].lower()
                    == (self.bot.username or "").lower()
                    for e in commands
                )
                replied = chat.messages.get(msg.reply_to) if msg.reply_to else None
                if not for_us and not (replied is not None and replied.from_bot):
                    return None
        return self._queue(kind, self.message_api(msg))

    @staticmethod
    def _entity_text(text: str, entity: JSON) -> str:
        encoded = text.encode("utf-16-le")
        start, length = entity["offset"] * 2, entity["length"] * 2
        return encoded[start : start + length].decode("utf-16-le")
