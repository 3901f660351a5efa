"""Apply the Alembic migrations shipped in this package (on start and by `db upgrade`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade_database(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to `revision`; a no-op when it is already there."""

    def _upgrade(sync_connection: Any) -> None:
        config = alembic_config()
        config.attributes["connection"] = sync_connection
        command.upgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    def _current(sync_connection: Any) -> str | None:
        return MigrationContext.configure(sync_connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(_current)


SCHEMA_CURRENT = "current"  # at the newest revision this code knows
SCHEMA_BEHIND = "behind"  # empty, or at an older revision: `upgrade_database` brings it up
SCHEMA_NEWER = "newer"  # at a revision this code does not know: a newer version migrated


async def schema_state(engine: AsyncEngine) -> str:
    """Where the database's schema stands against the migrations shipped here."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    current = await current_revision(engine)
    if current == script.get_current_head():
        return SCHEMA_CURRENT
    if current is None:
        return SCHEMA_BEHIND
    try:
        script.get_revision(current)
    except CommandError:
        return SCHEMA_NEWER
    return SCHEMA_BEHIND
