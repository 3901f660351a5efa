"""Simulated people and groups: the handles tests act and read through.

Reading model: every handle (:class:`SimUser`, :class:`SimGroup`) keeps its own cursor per
(chat, thread filter).  :meth:`SimUser.next_message` returns the first *bot* message after the
cursor and advances it, so a test reads the bot's messages one by one, in order, without
missing any and without caring about timing.  A fresh handle starts before the first message
of the chat.  Deleted bot messages are skipped.  Edits do not produce "new" messages: use
:meth:`SimUser.wait_for_edit` / :meth:`SimUser.seen` to read a message's current state.
"""

# The public API takes ``timeout=`` (agreed with the test authors): it is the server-side
# long-poll duration sent in the request, not a local cancellation, so ASYNC109 does not apply.
# ruff: noqa: ASYNC109

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from bot.sandbox.seen import SeenMessage, describe
from bot.sandbox.shapes import (
    JSON,
    BlockBody,
    ChatInfo,
    CommandMenuQuery,
    DocumentBody,
    EditBody,
    FileResult,
    GroupBotBody,
    LocationBody,
    MemberBody,
    NextBotMessageQuery,
    NextBotMessageResult,
    PhotoBody,
    PressBody,
    PressResult,
    Route,
    SendBody,
    SentResult,
    TopicBody,
    UserInfo,
    WaitEditQuery,
    WaitEditResult,
    api_user,
)

if TYPE_CHECKING:  # the client creates the handles; only its type is needed here
    from bot.sandbox.client import SandboxClient

__all__ = ["SimGroup", "SimUser"]


class _Reader:
    """Cursor-based reading of bot messages shared by SimUser and SimGroup."""

    def __init__(self, sandbox: SandboxClient) -> None:
        self._sb = sandbox
        self._cursors: dict[tuple[int, int | None], int] = {}
        self._edit_counts: dict[tuple[int, int], int] = {}

    def _remember(self, msg: SeenMessage) -> SeenMessage:
        self._edit_counts[(msg.chat_id, msg.message_id)] = msg.edit_count
        return msg

    async def _next(self, chat_id: int, thread_id: int | None, timeout: float) -> SeenMessage:
        key = (chat_id, thread_id)
        result: NextBotMessageResult = await self._sb._call(
            "GET",
            Route.NEXT_BOT_MESSAGE.format(chat_id=chat_id),
            params=NextBotMessageQuery(
                after=self._cursors.get(key, 0), thread_id=thread_id, timeout=timeout
            ),
            wait=timeout,
        )
        if result["message"] is None:
            recent = [SeenMessage.from_view(m) for m in result["recent"]]
            where = f"chat {chat_id}" + (f" thread {thread_id}" if thread_id is not None else "")
            raise AssertionError(
                f"no new bot message in {where} within {timeout}s (cursor after "
                f"#{self._cursors.get(key, 0)}); recent messages:\n{describe(recent)}"
            )
        msg = SeenMessage.from_view(result["message"])
        self._cursors[key] = msg.message_id
        return self._remember(msg)

    async def _expect_none(self, chat_id: int, thread_id: int | None, within: float) -> None:
        key = (chat_id, thread_id)
        result: NextBotMessageResult = await self._sb._call(
            "GET",
            Route.NEXT_BOT_MESSAGE.format(chat_id=chat_id),
            params=NextBotMessageQuery(
                after=self._cursors.get(key, 0), thread_id=thread_id, timeout=within
            ),
            wait=within,
        )
        if result["message"] is not None:
            msg = SeenMessage.from_view(result["message"])
            raise AssertionError(f"unexpected bot message in chat {chat_id}: {msg.short()}")

    async def _drain(self, chat_id: int, thread_id: int | None) -> list[SeenMessage]:
        key = (chat_id, thread_id)
        after = self._cursors.get(key, 0)
        fresh = [
            m
            for m in await self._sb.chat_messages(chat_id, thread_id)
            if m.from_bot and m.message_id > after
        ]
        if fresh:
            self._cursors[key] = fresh[-1].message_id
        return [self._remember(m) for m in fresh]

    async def _seen(self, chat_id: int, message_id: int) -> SeenMessage:
        return self._remember(await self._sb.message(chat_id, message_id))

    async def _wait_edit(
        self,
        chat_id: int,
        message_id: int,
        *,
        since_edit_date: int | None,
        after_edit_count: int | None,
        timeout: float,
    ) -> SeenMessage:
        if since_edit_date is None and after_edit_count is None:
            after_edit_count = self._edit_counts.get((chat_id, message_id), 0)
        result: WaitEditResult = await self._sb._call(
            "GET",
            Route.WAIT_EDIT.format(chat_id=chat_id, message_id=message_id),
            params=WaitEditQuery(
                after_edit_count=after_edit_count,
                since_edit_date=since_edit_date,
                timeout=timeout,
            ),
            wait=timeout,
        )
        msg = SeenMessage.from_view(result["message"])
        if not result["edited"]:
            raise AssertionError(
                f"message #{message_id} in chat {chat_id} was not edited within {timeout}s "
                f"(edit_count={msg.edit_count}, waited for > {after_edit_count}); "
                f"now: {msg.short()}"
            )
        return self._remember(msg)


class SimUser(_Reader):
    """A simulated person.  Their private chat with the bot has ``chat_id == id``."""

    def __init__(self, sandbox: SandboxClient, info: UserInfo) -> None:
        super().__init__(sandbox)
        self.id: int = int(info["id"])
        self.first_name: str = info["first_name"]
        self.last_name: str | None = info.get("last_name")
        self.username: str | None = info.get("username")
        self.language_code: str | None = info.get("language_code")
        self.chat_id: int = self.id

    def __repr__(self) -> str:
        return f"SimUser(id={self.id}, first_name={self.first_name!r})"

    def _chat_id(self, chat: SimGroup | None) -> int:
        return chat.id if chat is not None else self.id

    def as_api_user(self) -> JSON:
        """The Bot API ``User`` dict for this person (handy for raw updates)."""
        return api_user(
            id=self.id,
            first_name=self.first_name,
            last_name=self.last_name,
            username=self.username,
            language_code=self.language_code,
        )

    # ------------------------------------------------------------------ acting

    async def send(
        self,
        text: str,
        *,
        chat: SimGroup | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
        forward_from: SimUser | None = None,
    ) -> int:
        """Send a text message (private chat by default); returns its message_id.

        Commands get ``bot_command`` entities.  A blocked bot is unblocked first, the way
        Telegram's "Restart" button does it.
        """
        result: SentResult = await self._sb._call(
            "POST",
            Route.ACT_SEND,
            body=SendBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                text=text,
                thread_id=thread_id,
                reply_to=reply_to,
                forward_from=forward_from.id if forward_from is not None else None,
            ),
        )
        return int(result["message_id"])

    async def edit(self, message_id: int, new_text: str, *, chat: SimGroup | None = None) -> None:
        """Edit one of this person's text messages (queues ``edited_message``)."""
        await self._sb._call(
            "POST",
            Route.ACT_EDIT,
            body=EditBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                message_id=message_id,
                text=new_text,
            ),
        )

    async def send_photo(
        self,
        *,
        caption: str | None = None,
        chat: SimGroup | None = None,
        data: bytes | None = None,
        thread_id: int | None = None,
    ) -> int:
        """Send a photo (a tiny PNG unless ``data`` is given); returns its message_id."""
        result: SentResult = await self._sb._call(
            "POST",
            Route.ACT_PHOTO,
            body=PhotoBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                caption=caption,
                data=base64.b64encode(data).decode() if data is not None else None,
                thread_id=thread_id,
            ),
        )
        return int(result["message_id"])

    async def send_document(
        self,
        filename: str,
        data: bytes,
        *,
        caption: str | None = None,
        chat: SimGroup | None = None,
        mime_type: str | None = None,
        thread_id: int | None = None,
    ) -> int:
        result: SentResult = await self._sb._call(
            "POST",
            Route.ACT_DOCUMENT,
            body=DocumentBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                filename=filename,
                data=base64.b64encode(data).decode(),
                caption=caption,
                mime_type=mime_type,
                thread_id=thread_id,
            ),
        )
        return int(result["message_id"])

    async def send_location(
        self,
        latitude: float,
        longitude: float,
        *,
        chat: SimGroup | None = None,
        thread_id: int | None = None,
    ) -> int:
        result: SentResult = await self._sb._call(
            "POST",
            Route.ACT_LOCATION,
            body=LocationBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                latitude=latitude,
                longitude=longitude,
                thread_id=thread_id,
            ),
        )
        return int(result["message_id"])

    async def press(
        self, button_text: str, *, message_id: int | None = None, chat: SimGroup | None = None
    ) -> str:
        """Tap the inline button labelled exactly ``button_text``; returns the query id.

        Without ``message_id`` the newest bot message in the chat that has such a button is
        used.  Raises AssertionError listing the buttons seen when there is none.
        """
        result: PressResult = await self._sb._call(
            "POST",
            Route.ACT_PRESS,
            body=PressBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                button_text=button_text,
                message_id=message_id,
            ),
        )
        return str(result["query_id"])

    async def press_data(
        self, callback_data: str, *, message_id: int, chat: SimGroup | None = None
    ) -> str:
        """Send a callback_query with arbitrary (forged) data for that message."""
        result: PressResult = await self._sb._call(
            "POST",
            Route.ACT_PRESS,
            body=PressBody(
                user_id=self.id,
                chat_id=self._chat_id(chat),
                callback_data=callback_data,
                message_id=message_id,
            ),
        )
        return str(result["query_id"])

    async def block_bot(self) -> None:
        """Block the bot: queues ``my_chat_member`` (kicked); sends then fail with 403."""
        await self._sb._call(
            "POST", Route.USER_BLOCK.format(user_id=self.id), body=BlockBody(blocked=True)
        )

    async def unblock_bot(self) -> None:
        await self._sb._call(
            "POST", Route.USER_BLOCK.format(user_id=self.id), body=BlockBody(blocked=False)
        )

    # ------------------------------------------------------------------ reading

    async def next_message(
        self, *, timeout: float = 5.0, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> SeenMessage:
        """The next bot message in the chat after the last one this handle consumed.

        ``thread_id=None`` means any thread; a thread id only matches messages in it (and has
        its own cursor).
        """
        return await self._next(self._chat_id(chat), thread_id, timeout)

    async def expect_no_message(
        self, *, within: float = 0.5, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> None:
        """Assert that no unread bot message exists or arrives within ``within`` seconds."""
        await self._expect_none(self._chat_id(chat), thread_id, within)

    async def drain(
        self, *, chat: SimGroup | None = None, thread_id: int | None = None
    ) -> list[SeenMessage]:
        """Consume (and return) every bot message already in the chat, without waiting."""
        return await self._drain(self._chat_id(chat), thread_id)

    async def seen(self, message_id: int, *, chat: SimGroup | None = None) -> SeenMessage:
        """Current state of a message in the chat."""
        return await self._seen(self._chat_id(chat), message_id)

    async def wait_for_edit(
        self,
        message_id: int,
        *,
        since_edit_date: int | None = None,
        after_edit_count: int | None = None,
        timeout: float = 5.0,
        chat: SimGroup | None = None,
    ) -> SeenMessage:
        """Wait until the message is edited beyond what this handle last saw of it.

        By default "last saw" is the ``edit_count`` this handle observed for that message
        (through next_message/seen/wait_for_edit; 0 if never), so an edit that happened
        before the call still counts if it was not yet observed.  ``after_edit_count=n``
        waits for ``edit_count > n``; ``since_edit_date=t`` (unix seconds) for
        ``edit_date > t``.
        """
        return await self._wait_edit(
            self._chat_id(chat),
            message_id,
            since_edit_date=since_edit_date,
            after_edit_count=after_edit_count,
            timeout=timeout,
        )

    async def toasts(self) -> list[JSON]:
        """answerCallbackQuery answers to this person's taps, oldest first:
        {"query_id", "text" (None if no text), "show_alert", "url", "chat_id", "message_id"}."""
        return list(await self._sb._call("GET", Route.USER_TOASTS.format(user_id=self.id)))

    async def transcript(self) -> list[SeenMessage]:
        """The private chat, both directions."""
        return await self._sb.chat_messages(self.id)

    async def download(self, file_id: str) -> bytes:
        """Bytes of any file the person can see (sent by the bot or by people)."""
        result: FileResult = await self._sb._call("GET", Route.FILE.format(file_id=file_id))
        return base64.b64decode(result["data"])

    async def command_menu(self, *, chat: SimGroup | None = None) -> list[JSON]:
        """The bot's command list this person's client would show in that chat
        (scope + language fallback as Telegram documents it)."""
        return list(
            await self._sb._call(
                "GET",
                Route.USER_COMMAND_MENU.format(user_id=self.id),
                params=CommandMenuQuery(chat_id=chat.id if chat is not None else None),
            )
        )


class SimGroup(_Reader):
    """A simulated group / supergroup (optionally a forum)."""

    def __init__(self, sandbox: SandboxClient, info: ChatInfo) -> None:
        super().__init__(sandbox)
        self.id: int = int(info["id"])
        self.title: str = info["title"]
        self.is_forum: bool = bool(info.get("is_forum"))
        self.type: str = info["type"]

    def __repr__(self) -> str:
        return f"SimGroup(id={self.id}, title={self.title!r})"

    async def add_bot(self, by: SimUser, *, admin: bool = False) -> None:
        """``by`` adds the bot: queues ``my_chat_member`` and a ``new_chat_members`` message."""
        await self._sb._call(
            "POST",
            Route.GROUP_BOT.format(chat_id=self.id),
            body=GroupBotBody(action="add", by=by.id, admin=admin),
        )

    async def remove_bot(self, by: SimUser) -> None:
        """An admin kicks the bot: ``my_chat_member`` (kicked); sends then fail with 403."""
        await self._sb._call(
            "POST",
            Route.GROUP_BOT.format(chat_id=self.id),
            body=GroupBotBody(action="remove", by=by.id),
        )

    async def promote_bot(self, by: SimUser, *, admin: bool = True) -> None:
        """Make the bot an administrator (or demote it): ``my_chat_member`` update."""
        await self._sb._call(
            "POST",
            Route.GROUP_BOT.format(chat_id=self.id),
            body=GroupBotBody(action="promote", by=by.id, admin=admin),
        )

    async def add_member(self, u: SimUser, *, admin: bool = False) -> None:
        await self._set_status(u, "administrator" if admin else "member")

    async def remove_member(self, u: SimUser, *, kicked: bool = False) -> None:
        await self._set_status(u, "kicked" if kicked else "left")

    async def set_admin(self, u: SimUser, admin: bool) -> None:
        await self._set_status(u, "administrator" if admin else "member")

    async def _set_status(self, u: SimUser, status: str) -> None:
        await self._sb._call(
            "POST",
            Route.GROUP_MEMBERS.format(chat_id=self.id),
            body=MemberBody(user_id=u.id, status=status),
        )

    async def create_topic(self, name: str, *, by: SimUser | None = None) -> int:
        """New forum topic; returns its message_thread_id (the id of its service message)."""
        return int(
            await self._sb._call(
                "POST",
                Route.GROUP_TOPICS.format(chat_id=self.id),
                body=TopicBody(name=name, by=by.id if by is not None else None),
            )
        )

    async def member_status(self, u: SimUser) -> str:
        info = await self._sb.chat_info(self.id)
        return str(info["members"].get(str(u.id), "left"))

    async def next_message(
        self, *, timeout: float = 5.0, thread_id: int | None = None
    ) -> SeenMessage:
        """Next bot message in the group after this handle's cursor (see module doc)."""
        return await self._next(self.id, thread_id, timeout)

    async def expect_no_message(self, *, within: float = 0.5, thread_id: int | None = None) -> None:
        await self._expect_none(self.id, thread_id, within)

    async def drain(self, *, thread_id: int | None = None) -> list[SeenMessage]:
        return await self._drain(self.id, thread_id)

    async def seen(self, message_id: int) -> SeenMessage:
        return await self._seen(self.id, message_id)

    async def wait_for_edit(
        self,
        message_id: int,
        *,
        since_edit_date: int | None = None,
        after_edit_count: int | None = None,
        timeout: float = 5.0,
    ) -> SeenMessage:
        return await self._wait_edit(
            self.id,
            message_id,
            since_edit_date=since_edit_date,
            after_edit_count=after_edit_count,
            timeout=timeout,
        )

    async def transcript(self, thread_id: int | None = None) -> list[SeenMessage]:
        return await self._sb.chat_messages(self.id, thread_id)
