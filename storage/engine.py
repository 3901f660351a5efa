"""Engine and session setup. SQLite: WAL, foreign keys on, and write-ready transactions."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import socket
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from functools import partial
from typing import Any

import aiosqlite
from sqlalchemy import event, make_url, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session
from sqlalchemy.util import await_only

SessionFactory = async_sessionmaker[AsyncSession]
READ_ONLY = "posko_read_only"


# How long a writer waits for another process's write lock (the CLI's import, say).
BUSY_SECONDS = 30.0
# How long SQLite itself may wait inside one call. Calls run on the event loop's thread
# (see `InlineSqliteConnection`), so a longer wait would stop the whole bot; a write lock
# held by another process is waited for in `_begin_immediate`, with the loop running.
SQLITE_BUSY_MS = 50
# An inline call completes without giving the loop a turn; long runs of database work (a
# catch-up building hundreds of digests) let other tasks in at least this often. Shorter
# broke group commits into small pieces (catch-up 38-61 s for 10,000 updates at 5 ms);
# longer let sends bunch up past Telegram's window (one 429 in the fan-out at 50 ms).
YIELD_EVERY_SECONDS = 0.02
# Work nobody waits for (digests built for a broadcast) is background work: it gives the
# loop a turn every couple of milliseconds, and while foreground work (an update being
# stored or handled, a reply or an alert being sent) is under way it lets that go first,
# waiting up to BACKGROUND_WAIT_SECONDS a turn. A reply or an alert needs a dozen turns
# of the loop on its way; behind a digest being built, each waited up to 20 ms.
BACKGROUND_YIELD_SECONDS = 0.002
BACKGROUND_WAIT_SECONDS = 0.01
_background: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "posko_background", default=False
)
_foreground = 0  # foreground work under way in this process


@contextlib.contextmanager
def background_work() -> Iterator[None]:
    """Database work inside this block, and the tasks it starts, is background work."""
    token = _background.set(True)
    try:
        yield
    finally:
        _background.reset(token)


@contextlib.contextmanager
def foreground_work() -> Iterator[None]:
    """Work someone is waiting for: background work lets it go first meanwhile."""
    global _foreground
    _foreground += 1
    try:
        yield
    finally:
        _foreground -= 1


async def yield_to_foreground() -> None:
    """A turn of background work ends: other tasks run, and while foreground work is under
    way this waits for it (boundedly, so that background work still advances)."""
    await asyncio.sleep(0)
    deadline = time.monotonic() + BACKGROUND_WAIT_SECONDS
    # Polled, not an Event: the count is the process's, and tests run many event loops.
    while _foreground and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.001)


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine; on SQLite set the pragmas every connection needs."""
    if database_url.startswith("sqlite"):
        database = make_url(database_url).database or ":memory:"
        engine = create_async_engine(
            database_url, async_creator=partial(_connect_inline, database), **kwargs
        )
        _configure_sqlite(engine)
        return engine
    # Each process names its connections (pg_stat_activity.application_name), so an
    # operator, or a test, can find and terminate one instance's sessions.
    name = f"posko:{socket.gethostname()}:{os.getpid()}"[:63]
    connect_args = {"server_settings": {"application_name": name}}
    engine = create_async_engine(
        database_url, pool_pre_ping=True, connect_args=connect_args, **kwargs
    )
    event.listen(engine.sync_engine, "before_cursor_execute", _background_turn)
    return engine


def _background_turn(*_: Any) -> None:
    """Before each statement of background work (PostgreSQL: each awaits the server, so
    the loop turns anyway), foreground work under way goes first."""
    if _foreground and _background.get():
        await_only(yield_to_foreground())


class _RunNow:
    """Stands in for aiosqlite's queue to its worker thread: runs each call at once."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:
            if future is None:
                raise
            future.set_exception(error)
        else:
            if future is not None:
                future.set_result(result)


class InlineSqliteConnection(aiosqlite.Connection):
    """aiosqlite's connection, with every call made on the event loop's thread.

    aiosqlite hands each call to a worker thread and wakes the loop when it returns; for
    the bot's statements (a few microseconds of SQLite work each) that hand-over cost more
    CPU than the work, about 0.3 ms a statement, and was most of the cost of a stored
    report. SQLite never waits on the network, and in WAL mode readers never wait for
    writers; writers of this process queue on the `WriteGate` without blocking the loop,
    and a lock held by another process is waited for with the loop running. What now
    blocks the loop is SQLite's own work: microseconds for the bot's statements, tens of
    milliseconds for the heaviest read (a national-scale digest summary), which a worker
    thread used to run beside the loop.
    """

    _turn_began = 0.0  # shared by all connections: the loop's turn is the loop's

    def __init__(self, connector: Callable[[], sqlite3.Connection]):
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()  # type: ignore[assignment]

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        background = _background.get()
        turn = BACKGROUND_YIELD_SECONDS if background else YIELD_EVERY_SECONDS
        if time.monotonic() - InlineSqliteConnection._turn_began > turn:
            if background:
                await yield_to_foreground()
            else:
                await asyncio.sleep(0)  # an alert waiting to be handled gets its turn
            InlineSqliteConnection._turn_began = time.monotonic()
        return fn(*args, **kwargs)

    def __await__(self) -> Generator[Any, None, aiosqlite.Connection]:
        return self._connect().__await__()  # no worker thread to start


async def _connect_inline(database: str) -> aiosqlite.Connection:
    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, timeout=SQLITE_BUSY_MS / 1000, check_same_thread=False)

    return await InlineSqliteConnection(connector)


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
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
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
            _begin_immediate(connection)
        except BaseException:
            gate.leave(connection.connection)
            raise


def _begin_immediate(connection: Any) -> None:
    """BEGIN IMMEDIATE, waiting (with the loop running) while another process writes."""
    deadline = time.monotonic() + BUSY_SECONDS
    delay = 0.005
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        while time.monotonic() < deadline:
            try:
                cursor.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
            await_only(asyncio.sleep(delay))
            delay = min(delay * 2, 0.1)
    finally:
        cursor.close()
    connection.exec_driver_sql("BEGIN IMMEDIATE")  # one last try, failing as SQLAlchemy does


# Open dashboards show these tables' rows (bot/dashboard/live.py watches their newest ids):
# a commit that changed one of them tells every listening process on PostgreSQL.
DASHBOARD_CHANNEL = "posko_dashboard"
DASHBOARD_TABLES = frozenset(
    {"report", "incident", "incident_event", "support_request", "support_event"}
)
_CHANGED = "posko_dashboard_changed"


class PoskoSession(Session):
    """The sessions Posko works with: on PostgreSQL, a commit that stored a report, an
    incident or a support request (or one of their events) also sends
    `NOTIFY posko_dashboard`, in the same transaction, so that it is heard exactly when the
    change is visible, by every process (a standby serving the web, another instance)."""


@event.listens_for(PoskoSession, "after_flush")
def _note_dashboard_change(session: Session, _context: Any) -> None:
    if session.info.get(_CHANGED):
        return
    for row in (*session.new, *session.dirty, *session.deleted):
        if getattr(row, "__tablename__", None) in DASHBOARD_TABLES:
            session.info[_CHANGED] = True
            return


@event.listens_for(PoskoSession, "do_orm_execute")
def _note_dashboard_statement(state: Any) -> None:
    """An INSERT/UPDATE/DELETE run through the session (bulk writes skip the flush)."""
    table = getattr(state.statement, "table", None)
    writes = state.is_insert or state.is_update or state.is_delete
    if writes and getattr(table, "name", None) in DASHBOARD_TABLES:
        state.session.info[_CHANGED] = True


@event.listens_for(PoskoSession, "before_commit")
def _notify_dashboards(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    session.flush()  # what is still pending is part of this commit
    if session.info.pop(_CHANGED, False):
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": DASHBOARD_CHANNEL})


@event.listens_for(PoskoSession, "after_rollback")
def _forget_dashboard_change(session: Session) -> None:
    session.info.pop(_CHANGED, None)


def create_session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(
        engine, class_=AsyncSession, sync_session_class=PoskoSession, expire_on_commit=False
    )


@contextlib.asynccontextmanager
async def read_session(factory: SessionFactory) -> AsyncIterator[AsyncSession]:
    """A session for work that only reads: on SQLite it takes no write lock."""
    async with factory() as session:
        await session.connection(execution_options={READ_ONLY: True})
        yield session


# What an outage of the database looks like from here: the server restarted or our
# connections were terminated (SQLAlchemy marks those invalidated), the server cannot be
# reached, or SQLite's disk is full. Work that meets one waits and is retried; it is
# never given up, since nothing is wrong with the work itself.
_OUTAGE_MARKERS = ("database or disk is full", "disk i/o error", "unable to open database")


def is_outage(error: BaseException) -> bool:
    for cause in (error, error.__cause__, error.__context__):
        if cause is None:
            continue
        if isinstance(cause, DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, OSError | TimeoutError):
            return True
        if any(marker in str(cause).lower() for marker in _OUTAGE_MARKERS):
            return True
    return False


def is_transient(error: BaseException) -> bool:
    """Worth trying again: an outage, or a lock or serialization conflict."""
    return isinstance(error, OperationalError | OSError | TimeoutError) or is_outage(error)
