"""Engine and session setup. SQLite: WAL, foreign keys on, and write-ready transactions."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util import await_only

SessionFactory = async_sessionmaker[AsyncSession]
READ_ONLY = "posko_read_only"


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine; on SQLite set the pragmas every connection needs."""
    if database_url.startswith("sqlite"):
        engine = create_async_engine(database_url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_async_engine(database_url, pool_pre_ping=True, **kwargs)


class WriteGate:
    """One write transaction at a time in this process, queued in arrival order.

    SQLite has one writer; a BEGIN IMMEDIATE that finds the lock taken is retried by
    SQLite's busy handler, which sleeps 1, 2, 5 … up to 100 ms between tries. Under a
    digest broadcast (hundreds of short writes) those sleeps, not the work, were what an
    alert waited for. Writers of this process queue here instead, on the event loop, and
    are let in the moment the previous one commits or rolls back. Other processes (the CLI)
    still meet SQLite's own lock.
    """

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._holder: int | None = None

    def enter(self, connection: Any) -> None:
        """Called in SQLAlchemy's greenlet, where an await is made with `await_only`."""
        await_only(self._lock.acquire())
        self._holder = _key(connection)

    def leave(self, connection: Any) -> None:
        if self._holder is not None and self._holder == _key(connection):
            self._holder = None
            self._lock.release()


def _key(connection: Any) -> int:
    return id(getattr(connection, "dbapi_connection", connection))


def _configure_sqlite(engine: AsyncEngine) -> None:
    gate = WriteGate()
    dialect = engine.sync_engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        try:
            commit(dbapi_connection)
        finally:
            gate.leave(dbapi_connection)

    def do_rollback(dbapi_connection: Any) -> None:
        try:
            rollback(dbapi_connection)
        finally:
            gate.leave(dbapi_connection)

    # The dialect has no events for the end of a transaction; these wrap its two ends.
    dialect.do_commit = do_commit  # type: ignore[method-assign]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign]

    @event.listens_for(engine.sync_engine.pool, "checkin")
    def _on_checkin(dbapi_connection: Any, _record: Any) -> None:
        gate.leave(dbapi_connection)  # never keep the gate past a connection's use

    @event.listens_for(engine.sync_engine.pool, "invalidate")
    def _on_invalidate(dbapi_connection: Any, _record: Any, _error: Any) -> None:
        gate.leave(dbapi_connection)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level so that we emit BEGIN ourselves (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Several tasks write concurrently (intake, processing, outbox). A deferred
        # transaction that reads and then writes fails at once with SQLITE_BUSY when another
        # writer committed in between; BEGIN IMMEDIATE waits for the lock instead. Work that
        # only reads (see `read_session`) begins deferred: in WAL mode it neither waits for
        # writers nor holds them up.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        gate.enter(connection.connection)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            gate.leave(connection.connection)
            raise


def create_session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


@contextlib.asynccontextmanager
async def read_session(factory: SessionFactory) -> AsyncIterator[AsyncSession]:
    """A session for work that only reads: on SQLite it takes no write lock."""
    async with factory() as session:
        await session.connection(execution_options={READ_ONLY: True})
        yield session
