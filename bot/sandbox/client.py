"""Test-side handle on a :class:`~bot.sandbox.server.TelegramDouble`, over its control API.

Everything goes over HTTP so the same code drives a double running in-process (unit tests,
demo) and one in another process (crash tests that SIGKILL the bot).

The people it creates (:class:`~bot.sandbox.sim.SimUser`, :class:`~bot.sandbox.sim.SimGroup`)
act and read through it; :mod:`bot.sandbox.sim` explains how they read the bot's messages.
The routes, bodies and answers are :mod:`bot.sandbox.shapes`, shared with the double.
"""

# The public API takes ``timeout=`` (agreed with the test authors): it is the server-side
# long-poll duration sent in the request, not a local cancellation, so ASYNC109 does not apply.
# ruff: noqa: ASYNC109

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from bot.sandbox.seen import SandboxError, SeenMessage
from bot.sandbox.shapes import (
    CONTROL_PREFIX,
    JSON,
    CallsQuery,
    ChatInfo,
    ChatMessagesQuery,
    CommandsQuery,
    ConfirmedResult,
    CreateGroupBody,
    CreateUserBody,
    FaultsBody,
    Handout,
    InjectBody,
    Route,
    SwitchBody,
    UserInfo,
    WaitConfirmedQuery,
    WaitHandoutQuery,
)
from bot.sandbox.sim import SimGroup, SimUser

# SandboxError, SeenMessage, SimGroup and SimUser live in seen.py / sim.py; they are
# re-exported here because ``bot.sandbox.client`` has always offered them.
__all__ = ["SandboxClient", "SandboxError", "SeenMessage", "SimGroup", "SimUser"]


class SandboxClient:
    """Async client for the double's control API.

    ``async with SandboxClient(double.base_url) as sb: ...``
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url + CONTROL_PREFIX, timeout=timeout)

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # ------------------------------------------------------------------ transport

    async def _call(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        wait: float = 0.0,
    ) -> Any:
        query = {k: v for k, v in (params or {}).items() if v is not None}
        timeout = self._http.timeout.read or 30.0
        response = await self._http.request(
            method,
            path,
            json=body,
            params=query,
            timeout=max(timeout, wait + 10.0),
        )
        data = response.json()
        if not data.get("ok"):
            raise SandboxError(data.get("error", response.text))
        return data["result"]

    # ------------------------------------------------------------------ world

    async def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "id",
        user_id: int | None = None,
        started: bool = False,
    ) -> SimUser:
        """A new person with a private chat (chat id == user id).

        Like on Telegram the bot cannot write to them first (403 ``bot can't initiate
        conversation with a user``) until they send something in the private chat, unless
        ``started=True``.
        """
        info: UserInfo = await self._call(
            "POST",
            Route.USERS,
            body=CreateUserBody(
                first_name=first_name,
                last_name=last_name,
                username=username,
                language_code=language_code,
                user_id=user_id,
                started=started,
            ),
        )
        return SimUser(self, info)

    async def user(self, user_id: int) -> SimUser:
        """A (new) handle for an existing simulated user, with fresh cursors."""
        return SimUser(self, await self._call("GET", Route.USER.format(user_id=user_id)))

    async def create_group(
        self,
        title: str,
        *,
        members: Sequence[SimUser],
        admins: Sequence[SimUser] = (),
        forum: bool = False,
        supergroup: bool = True,
        with_bot: bool = False,
        username: str | None = None,
    ) -> SimGroup:
        """A group; the first admin is its creator.  ``with_bot`` adds the bot (by the first
        admin, or first member), which queues ``my_chat_member`` plus the service message."""
        info: ChatInfo = await self._call(
            "POST",
            Route.GROUPS,
            body=CreateGroupBody(
                title=title,
                members=[u.id for u in members],
                admins=[u.id for u in admins],
                forum=forum,
                supergroup=supergroup,
                with_bot=with_bot,
                username=username,
            ),
        )
        return SimGroup(self, info)

    async def inject_update(self, raw: JSON) -> int:
        """Queue ``raw`` as-is (update_id assigned when missing); returns the update_id."""
        return int(await self._call("POST", Route.UPDATES, body=InjectBody(update=raw)))

    async def set_privacy_mode(self, on: bool) -> None:
        """Group privacy (default on): in groups the bot then only gets commands, replies to
        its messages and service messages, unless it is an admin."""
        await self._call("POST", Route.PRIVACY_MODE, body=SwitchBody(on=on))

    async def reset(self) -> None:
        """Forget users, chats, updates, calls and settings (the server keeps running)."""
        await self._call("POST", Route.RESET, body={})

    # ------------------------------------------------------------------ faults and limits

    async def set_faults(
        self,
        *,
        rate_429: float = 0.0,
        retry_after: int = 1,
        rate_5xx: float = 0.0,
        rate_slow: float = 0.0,
        slow_seconds: float = 0.0,
        methods: list[str] | None = None,
        include_get_updates: bool = False,
        seed: int = 0,
    ) -> None:
        """Make a seeded share of Bot API calls fail (429 / 500-502) or answer late.

        Failed calls take no effect.  ``methods`` limits faults to those methods (any case);
        getUpdates is spared unless ``include_get_updates``.
        """
        await self._call(
            "POST",
            Route.FAULTS,
            body=FaultsBody(
                rate_429=rate_429,
                retry_after=retry_after,
                rate_5xx=rate_5xx,
                rate_slow=rate_slow,
                slow_seconds=slow_seconds,
                methods=methods,
                include_get_updates=include_get_updates,
                seed=seed,
            ),
        )

    async def clear_faults(self) -> None:
        await self._call("DELETE", Route.FAULTS)

    async def enforce_rate_limits(self, on: bool) -> None:
        """Answer 429 past 30 sends/s overall, 20/min per group, 1/s per private chat
        (bursts of 3)."""
        await self._call("POST", Route.RATE_LIMITS, body=SwitchBody(on=on))

    # ------------------------------------------------------------------ observation

    async def calls(self, method: str | None = None) -> list[JSON]:
        """Every Bot API call so far: seq, method, chat_id, status (HTTP code), description,
        fault ("429"/"500"/"502"/"slow"/None), monotonic, wall, params (summary), instance (the
        calling bot process's X-Posko-Instance header, or None)."""
        return list(await self._call("GET", Route.CALLS, params=CallsQuery(method=method)))

    async def handouts(self) -> list[JSON]:
        """Each getUpdates answer that carried updates: {"update_ids", "monotonic", "wall"}."""
        return list(await self._call("GET", Route.HANDOUTS))

    async def wait_for_handout(
        self, *, after_count: int = 0, min_updates: int = 1, timeout: float = 10.0
    ) -> JSON:
        """Wait for handout number ``after_count + 1`` or later with >= ``min_updates`` ids.

        Returns it with its 0-based ``index`` added.
        """
        result: Handout | None = await self._call(
            "GET",
            Route.WAIT_HANDOUT,
            params=WaitHandoutQuery(
                after_count=after_count, min_updates=min_updates, timeout=timeout
            ),
            wait=timeout,
        )
        if result is None:
            raise AssertionError(
                f"no getUpdates handout #{after_count + 1}+ with >= {min_updates} updates "
                f"within {timeout}s; handouts so far: {await self.handouts()}"
            )
        return dict(result)

    async def delivery_counts(self) -> dict[int, int]:
        """update_id -> how many times getUpdates handed it out."""
        data = await self._call("GET", Route.DELIVERY_COUNTS)
        return {int(k): int(v) for k, v in data.items()}

    async def pending_update_count(self) -> int:
        """Updates queued and not yet confirmed by the bot's offset."""
        return int((await self._call("GET", Route.PENDING))["count"])

    async def wait_until_confirmed(self, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed (via getUpdates offset) every queued update."""
        result: ConfirmedResult = await self._call(
            "GET", Route.WAIT_CONFIRMED, params=WaitConfirmedQuery(timeout=timeout), wait=timeout
        )
        if not result["confirmed"]:
            raise AssertionError(f"updates still unconfirmed after {timeout}s: {result['pending']}")

    async def bot_commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands set for exactly this scope + language (like getMyCommands, no fallback)."""
        return list(
            await self._call(
                "GET",
                Route.COMMANDS,
                params=CommandsQuery(
                    scope=json.dumps(scope) if scope is not None else None,
                    language_code=language_code,
                ),
            )
        )

    async def chat_messages(
        self, chat_id: int, thread_id: int | None = None, *, include_deleted: bool = False
    ) -> list[SeenMessage]:
        """The whole chat, both directions, in order, current state."""
        data = await self._call(
            "GET",
            Route.CHAT_MESSAGES.format(chat_id=chat_id),
            params=ChatMessagesQuery(
                thread_id=thread_id, include_deleted="1" if include_deleted else None
            ),
        )
        return [SeenMessage.from_view(m) for m in data]

    async def message(self, chat_id: int, message_id: int) -> SeenMessage:
        return SeenMessage.from_view(
            await self._call(
                "GET", Route.CHAT_MESSAGE.format(chat_id=chat_id, message_id=message_id)
            )
        )

    async def chat_info(self, chat_id: int) -> JSON:
        """Control view of a chat: members and statuses, bot_status, topics."""
        return dict(await self._call("GET", Route.CHAT.format(chat_id=chat_id)))
