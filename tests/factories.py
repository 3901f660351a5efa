"""Factories for the worlds the end-to-end tests build: people, regions, groups, runtimes.

People are made the way people join (an operator's invite opened with /start, or the admin
named in the settings writing /start), so a test starts from what a real deployment holds.
The region codes are the bundled regions the test database is built with.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from bot.app import PoskoRuntime, import_regions_text
from bot.clock import Clock, ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient, SimGroup, SimUser
from storage.engine import create_engine, create_session_factory
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.helpers import shell_invites

SULTRA = "74"  # Provinsi Sulawesi Tenggara
KONUT = "74.09"  # Kabupaten Konawe Utara, the admin's region in the test settings
ASERA = "74.09.01"  # a district of Konawe Utara
WANGGUDU = "74.09.01.1005"  # a village of Asera
KOLAKA = "74.01"  # another regency of the province


async def register(
    sandbox: SandboxClient,
    database_url: str,
    *,
    name: str,
    role: str,
    region: str,
    agency: str | None = None,
    language_code: str = "id",
) -> SimUser:
    """A person registered the way people register: an invite (made as the operator's
    shell makes it, for `agency`, default KPU), opened with /start from a Telegram in
    `language_code`. The welcome (consumed) says ✅, in English when Telegram is."""
    [code] = await shell_invites(database_url, role=role, region=region, agency=agency)
    person = await sandbox.create_user(name, language_code=language_code)
    await person.send(f"/start {code}")
    text = (await person.next_message()).text or ""
    assert "✅" in text, text
    if language_code == "en":
        assert "Welcome" in text and "/help" in text, text
    return person


async def make_officer(
    sandbox: SandboxClient,
    database_url: str,
    *,
    name: str = "Petugas",
    region: str = WANGGUDU,
    agency: str | None = None,
    language_code: str = "id",
) -> SimUser:
    return await register(
        sandbox,
        database_url,
        name=name,
        role="officer",
        region=region,
        agency=agency,
        language_code=language_code,
    )


async def make_coordinator(
    sandbox: SandboxClient,
    database_url: str,
    *,
    name: str = "Koor Konut",
    region: str = KONUT,
    agency: str | None = None,
    language_code: str = "id",
) -> SimUser:
    return await register(
        sandbox,
        database_url,
        name=name,
        role="coordinator",
        region=region,
        agency=agency,
        language_code=language_code,
    )


async def make_admin(
    sandbox: SandboxClient,
    *,
    name: str = "Rina",
    language_code: str = "id",
    welcome_within: float | None = None,
    **user: Any,
) -> SimUser:
    """The admin named in the test settings (ADMIN_TELEGRAM_ID), after their first /start
    (registered then, in the settings' region; the welcome is consumed). `welcome_within`:
    how long to wait for the welcome (a bot still starting up)."""
    person = await sandbox.create_user(
        name, user_id=ADMIN_TELEGRAM_ID, language_code=language_code, **user
    )
    await person.send("/start")
    if welcome_within is None:
        await person.next_message()
    else:
        await person.next_message(timeout=welcome_within)
    return person


async def make_group(
    sandbox: SandboxClient,
    title: str,
    *,
    members: Sequence[SimUser] = (),
    admins: Sequence[SimUser] = (),
    **options: Any,
) -> SimGroup:
    """A group with the bot in it (added by its first admin, else its first member)."""
    return await sandbox.create_group(
        title, members=members, admins=admins, with_bot=True, **options
    )


async def add_regions(database_url: str, *rows: str) -> None:
    """Regions beyond the bundled ones, each row `code,parent_code,name,level` as in the
    regions CSV."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            await import_regions_text(session, "\n".join(["code,parent_code,name,level", *rows]))
            await session.commit()
    finally:
        await engine.dispose()


@asynccontextmanager
async def running(
    settings: Settings, clock: Clock | None = None, **overrides: Any
) -> AsyncIterator[PoskoRuntime]:
    """The real bot polling the double (`overrides` replace settings fields), stopped at
    the end of the block."""
    runtime = PoskoRuntime(
        settings=replace(settings, **overrides) if overrides else settings,
        clock=clock or ManualClock(),
        poll_timeout=1,
    )
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.stop()
