"""Helpers for tests: reading the database behind the bot, pulling codes out of messages."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlmodel import SQLModel

from storage.engine import create_engine, create_session_factory

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


async def register(sandbox: Any, database_url: str, *, name: str, role: str, region: str) -> Any:
    """A person registered the way people register: an invite (made as the operator's
    shell makes it), opened with /start. Returns the SimUser, welcome message consumed."""
    from datetime import UTC, datetime

    from bot.domain.onboarding import create_invite
    from storage.models import Role

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            created = await create_invite(
                session,
                actor=None,
                role=Role(role),
                region_code=region,
                now=datetime.now(UTC),
                ttl_days=7,
            )
            await session.commit()
    finally:
        await engine.dispose()
    person = await sandbox.create_user(name)
    await person.send(f"/start {created.code}")
    welcome = await person.next_message()
    assert "✅" in welcome.text, welcome.text
    return person
