"""Shared set-up for benchmarks: the double, a fresh database, the real runtime."""

from __future__ import annotations

import asyncio
import contextlib
import platform
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import BUNDLED_REGIONS, PoskoRuntime, import_regions_text
from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient, TelegramDouble
from storage.engine import create_engine, create_session_factory
from storage.migrate import upgrade_database
from storage.models import Person, Subscription

TOKEN = "123456789:BENCH-token_for_the_double_0000000000"


def machine() -> str:
    return f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"


@dataclass
class Stack:
    double: TelegramDouble
    sandbox: SandboxClient
    runtime: PoskoRuntime
    database_url: str
    clock: ManualClock


async def prepare(database_url: str, regions_csv: Path = BUNDLED_REGIONS) -> None:
    engine = create_engine(database_url)
    await upgrade_database(engine)
    async with create_session_factory(engine)() as session:
        text = await asyncio.to_thread(regions_csv.read_text, encoding="utf-8")
        await import_regions_text(session, text)
        await session.commit()
    await engine.dispose()


async def empty_database(database_url: str) -> None:
    """A scratch PostgreSQL database, emptied: the benchmark migrates it from nothing."""
    from sqlalchemy import text

    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@contextlib.asynccontextmanager
async def stack(database_url: str | None = None, *, start: bool = True) -> AsyncIterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="posko-bench-") as folder:
        url = database_url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        await prepare(url)
        double = TelegramDouble()
        await double.start()
        clock = ManualClock()
        settings = Settings(
            database_url=url,
            telegram_bot_token=TOKEN,
            telegram_api_base_url=double.base_url,
            timezone=ZoneInfo("Asia/Makassar"),
            admin_region_code="74.09",
            export_dir=str(Path(folder) / "exports"),
        )
        runtime = PoskoRuntime(settings=settings, clock=clock, poll_timeout=1)
        if start:
            await runtime.start()
        async with SandboxClient(double.base_url) as sandbox:
            try:
                yield Stack(double, sandbox, runtime, url, clock)
            finally:
                if runtime.application is not None:
                    await runtime.stop()
                await double.stop()


async def add_people(database_url: str, rows: list[tuple[int, str, str]]) -> dict[int, int]:
    """(telegram id, role, region) → person ids, inserted directly (set-up, not measured)."""
    engine = create_engine(database_url)
    ids = {}
    async with create_session_factory(engine)() as session:
        for telegram_id, role, region in rows:
            person = Person(
                telegram_id=telegram_id,
                full_name=f"P{telegram_id}",
                role=role,
                region_code=region,
                created_at=datetime.now(UTC),
            )
            session.add(person)
            await session.flush()
            assert person.id is not None
            ids[telegram_id] = person.id
        await session.commit()
    await engine.dispose()
    return ids


async def add_subscriptions(
    database_url: str, chats: list[int], *, region: str, owner: int, digest_time: str = "07:00"
) -> None:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        for chat_id in chats:
            session.add(
                Subscription(
                    chat_id=chat_id,
                    region_code=region,
                    created_by_id=owner,
                    created_at=datetime.now(UTC),
                    alerts=False,
                    digest_time=digest_time,
                )
            )
        await session.commit()
    await engine.dispose()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
