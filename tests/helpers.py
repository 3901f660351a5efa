"""Helpers for tests: reading the database behind the bot, pulling codes out of messages."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import SQLModel

from storage.engine import create_engine, create_session_factory

ROOT = Path(__file__).resolve().parents[1]
_INVITE_LINK = re.compile(r"https://t\.me/(\w+)\?start=([A-Za-z0-9_-]+)")


def invite_code(text: str) -> str:
    match = _INVITE_LINK.search(text)
    assert match, f"no invite link in: {text!r}"
    return match.group(2)


async def count_rows(database_url: str, model: type[SQLModel], *where: Any) -> int:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            statement = select(func.count()).select_from(model)
            for condition in where:
                statement = statement.where(condition)
            return int((await session.execute(statement)).scalar_one())
    finally:
        await engine.dispose()


async def fetch_all(database_url: str, model: type[SQLModel], *where: Any) -> list[Any]:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            statement = select(model)
            for condition in where:
                statement = statement.where(condition)
            return list((await session.execute(statement)).scalars())
    finally:
        await engine.dispose()


async def shell_invites(
    database_url: str, *, role: str, region: str, count: int = 1, agency: str | None = None
) -> list[str]:
    """Invite codes made as the operator's `invite` command makes them."""
    from datetime import UTC, datetime

    from bot.services.onboarding import create_invite
    from storage.models import Role

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            codes = [
                (
                    await create_invite(
                        session,
                        actor=None,
                        role=Role(role),
                        region_code=region,
                        now=datetime.now(UTC),
                        ttl_days=7,
                        agency_code=agency,
                    )
                ).code
                for _ in range(count)
            ]
            await session.commit()
        return codes
    finally:
        await engine.dispose()


class BotProcess:
    """`python -m bot run` as its own process against the double, for kill tests."""

    def __init__(
        self, database_url: str, base_url: str, log: Path, env: dict[str, str] | None = None
    ):
        self.database_url, self.base_url, self.log = database_url, base_url, log
        self.extra_env = env or {}
        self.process: asyncio.subprocess.Process | None = None

    @property
    def instance(self) -> str:
        """How this process names itself (X-Posko-Instance, application_name)."""
        import socket

        assert self.process is not None
        return f"posko:{socket.gethostname()}:{self.process.pid}"[:63]

    async def wait_for_log(self, text: str, *, within: float = 60.0, after: int = 0) -> int:
        """Wait until the log holds `text` (past offset `after`); returns where it ends."""
        deadline = asyncio.get_running_loop().time() + within
        while asyncio.get_running_loop().time() < deadline:
            content = self.log.read_text(errors="replace") if self.log.exists() else ""
            found = content.find(text, after)
            if found >= 0:
                return found + len(text)
            if self.process is not None and self.process.returncode is not None:
                raise AssertionError(f"bot exited ({self.process.returncode}):\n{content[-3000:]}")
            await asyncio.sleep(0.05)
        raise AssertionError(f"{text!r} not in the log within {within}s")

    async def start(self) -> None:
        from tests.conftest import ADMIN_TELEGRAM_ID, TEST_TOKEN

        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=TEST_TOKEN,
            TELEGRAM_API_BASE_URL=self.base_url,
            DATABASE_URL=self.database_url,
            ADMIN_TELEGRAM_IDS=str(ADMIN_TELEGRAM_ID),
            ADMIN_REGION_CODE="74.09",
            PYTHONUNBUFFERED="1",
            WEB_PORT="0",  # any free port: tests run side by side
        )
        env.update(self.extra_env)
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--env-file",
            "/nonexistent",
            "run",
            cwd=ROOT,
            env=env,
            stdout=self.log.open("ab"),
            stderr=asyncio.subprocess.STDOUT,
        )

    async def kill(self) -> None:
        """SIGKILL: no chance to store, process or confirm anything more."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 30)


TOAST_WAIT_SECONDS = 10.0


async def toasts_seen(person: Any, count: int = 1) -> list[str]:
    """The texts of the toasts `person` has seen, once there are at least `count` (a press is
    answered when the bot has handled it, which on a busy machine can take a while); what
    there is after TOAST_WAIT_SECONDS."""
    deadline = asyncio.get_running_loop().time() + TOAST_WAIT_SECONDS
    while True:
        texts = [toast.get("text") or "" for toast in await person.toasts()]
        if len(texts) >= count or asyncio.get_running_loop().time() > deadline:
            return texts
        await asyncio.sleep(0.05)
