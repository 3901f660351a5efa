"""Shared fixtures: a migrated database with the bundled regions, the Telegram double, and
the real bot runtime talking to the double over HTTP.

The suite runs on SQLite by default and on PostgreSQL when POSKO_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from bot.app import (
    BUNDLED_BOUNDARIES,
    BUNDLED_REGIONS,
    PoskoRuntime,
    import_boundaries_text,
    import_regions_text,
    read_boundary_file,
)
from bot.clock import ManualClock
from bot.config import Settings, normalize_database_url
from bot.sandbox import SandboxClient, TelegramDouble
from storage.engine import create_engine, create_session_factory
from storage.migrate import upgrade_database

POSTGRES_URL = os.environ.get("POSKO_TEST_DATABASE_URL")
TEST_TOKEN = "123456789:TEST-token_for_the_double_000000000"
# Reference data loaded once per session and kept between PostgreSQL tests; every other
# table is emptied before each test.
_REFERENCE_TABLES = {"region", "region_boundary", "aspect", "incident_type", "agency"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run tests marked slow")
    parser.addoption(
        "--require-postgres",
        action="store_true",
        help="fail unless POSKO_TEST_DATABASE_URL points at a reachable PostgreSQL",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--require-postgres"):
        return
    if not POSTGRES_URL or not POSTGRES_URL.startswith(("postgresql", "postgres:")):
        raise pytest.UsageError("--require-postgres: POSKO_TEST_DATABASE_URL is not PostgreSQL")

    async def ping() -> None:
        engine = create_engine(normalize_database_url(POSTGRES_URL or ""))
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        finally:
            await engine.dispose()

    try:
        asyncio.run(ping())
    except Exception as error:
        raise pytest.UsageError(f"--require-postgres: PostgreSQL unreachable: {error}") from None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


async def _build_template(url: str) -> None:
    engine = create_engine(url)
    try:
        if url.startswith("postgresql"):
            async with engine.begin() as connection:
                await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
        await upgrade_database(engine)
        async with create_session_factory(engine)() as session:
            await import_regions_text(session, BUNDLED_REGIONS.read_text(encoding="utf-8"))
            await import_boundaries_text(session, read_boundary_file(BUNDLED_BOUNDARIES))
            await session.commit()
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database holding the bundled regions, built once per test session."""
    if POSTGRES_URL:
        url = normalize_database_url(POSTGRES_URL)
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    asyncio.run(_build_template(url))
    yield url


@pytest.fixture
async def database_url(database_template: str, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database for one test: a copy of the template (SQLite), or the template with
    everything but the regions emptied (PostgreSQL)."""
    if database_template.startswith("postgresql"):
        engine = create_engine(database_template)
        tables = ", ".join(
            table for table in SQLModel.metadata.tables if table not in _REFERENCE_TABLES
        )
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        await engine.dispose()
        yield database_template
        return
    source = Path(database_template.split("///", 1)[1])
    target = tmp_path / "posko.db"
    shutil.copyfile(source, target)
    yield f"sqlite+aiosqlite:///{target}"


@pytest.fixture
async def double() -> AsyncIterator[TelegramDouble]:
    server = TelegramDouble()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def sandbox(double: TelegramDouble) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(double.base_url) as client:
        yield client


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


ADMIN_TELEGRAM_ID = 5550001


def make_settings(database_url: str, base_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "telegram_bot_token": TEST_TOKEN,
        "telegram_api_base_url": base_url,
        "timezone": ZoneInfo("Asia/Makassar"),
        "admin_telegram_ids": frozenset({ADMIN_TELEGRAM_ID}),
        "admin_region_code": "74.09",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(database_url: str, double: TelegramDouble) -> Settings:
    return make_settings(database_url, double.base_url)


@pytest.fixture
async def posko(settings: Settings, clock: ManualClock) -> AsyncIterator[PoskoRuntime]:
    """The real bot: the Application, the intake and the outbox, polling the double."""
    runtime = PoskoRuntime(settings=settings, clock=clock, poll_timeout=1)
    await runtime.start()
    yield runtime
    await runtime.stop()
