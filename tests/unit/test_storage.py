"""Storage: migrations match the models, updates are stored once, UTC is enforced."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import make_url, text
from sqlmodel import SQLModel

from storage.engine import create_engine, create_session_factory, read_session
from storage.migrate import upgrade_database
from storage.types import UTCDateTime
from storage.updates import claim_update, highest_update_id, pending_updates, store_updates

NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)


async def test_migrations_create_exactly_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    await upgrade_database(engine)  # idempotent on an up-to-date database

    def diff(connection: object) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})  # type: ignore[arg-type]
        return list(compare_metadata(context, SQLModel.metadata))

    async with engine.connect() as connection:
        assert await connection.run_sync(diff) == []
    await engine.dispose()


async def test_the_day_index_migration_keeps_the_reports(tmp_path: object) -> None:
    """0011 adds an index to a table that already holds reports: they are all still there,
    and a day's reports per area are then read from that index alone (SQLite's plan)."""
    url = f"sqlite+aiosqlite:///{tmp_path}/old.db"
    engine = create_engine(url)
    await upgrade_database(engine, "0010_web_session")
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO region (code, name, level, parent_code) "
                "VALUES ('74', 'Sultra', 'province', NULL)"
            )
        )
        await connection.execute(
            text(
                "INSERT INTO person (telegram_id, full_name, role, region_code, language, active, "
                "created_at) VALUES (1, 'P', 'officer', '74', 'id', 1, '2024-02-07 01:00:00')"
            )
        )
        for n in range(3):
            await connection.execute(
                text(
                    "INSERT INTO report (person_id, reporter_role, region_code, aspect_code, "
                    "state, photo_file_ids, status, created_at) VALUES (1, 'officer', '74', "
                    f"'distribusi', 'ready', '[]', 'active', '2024-02-07 0{n}:00:00')"
                )
            )
    await upgrade_database(engine)
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT count(*) FROM report"))).scalar() == 3
        plan = await connection.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT substr(region_code, 1, 5), count(*) FROM report "
                "WHERE region_code >= '74' AND region_code < '74/' AND created_at >= '2024-02-07' "
                "AND created_at < '2024-02-08' AND status != 'withdrawn' AND state = 'ready' "
                "GROUP BY 1"
            )
        )
        assert any("COVERING INDEX ix_report_day" in str(row) for row in plan.all())
    await engine.dispose()


async def test_updates_are_stored_once_and_claimed_once(database_url: str) -> None:
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    batch = [
        {"update_id": 10, "message": {"text": "a"}},
        {"update_id": 11, "message": {"text": "b"}},
    ]
    async with factory() as session:
        assert await store_updates(session, updates=batch, now=NOW) == 2
        assert await store_updates(session, updates=batch, now=NOW) == 0  # delivered again
        await session.commit()
    async with factory() as session:
        assert await highest_update_id(session) == 11
        assert [u.update_id for u in await pending_updates(session)] == [10, 11]
        assert await claim_update(session, update_id=10, now=NOW)
        assert not await claim_update(session, update_id=10, now=NOW)
        await session.commit()
    async with factory() as session:
        assert [u.update_id for u in await pending_updates(session)] == [11]
    await engine.dispose()


def test_naive_datetimes_are_refused() -> None:
    column = UTCDateTime()
    with pytest.raises(ValueError):
        column.process_bind_param(datetime(2024, 2, 7), None)  # type: ignore[arg-type]


async def test_a_writer_waits_for_another_process_lock_while_the_loop_runs(
    database_url: str,
) -> None:
    """SQLite calls run on the loop's thread; a write lock held elsewhere (the CLI, say)
    must be waited for with the loop free, and the write must then go through."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    path = make_url(database_url).database
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)  # another process's connection
    other.execute("BEGIN IMMEDIATE")
    engine = create_engine(database_url)
    factory = create_session_factory(engine)

    async def write() -> None:
        async with factory() as session:
            await store_updates(session, updates=[{"update_id": 77, "message": {}}], now=NOW)
            await session.commit()

    writer = asyncio.create_task(write())
    ticks = 0
    for _ in range(20):  # the loop keeps running other work while the writer waits
        await asyncio.sleep(0.01)
        ticks += 1
    assert ticks == 20 and not writer.done()
    async with read_session(factory) as session:  # readers are not held up either
        assert await highest_update_id(session) is None
    other.rollback()
    other.close()
    await asyncio.wait_for(writer, 5)
    async with read_session(factory) as session:
        assert await highest_update_id(session) == 77
    await engine.dispose()
