"""Who may poll, send and run jobs: one leader, and standbys that take over.

SQLite is one process's database: `SoleLeader` takes the file's run lock and always leads.

On PostgreSQL any number of `run` processes share the database. `PostgresLeadership`
holds a session advisory lock on a connection of its own (not the pool's); the process
holding it leads, the others stand by, ready, and try for the lock every second. A leader
that dies (SIGKILL, a lost machine) loses its session, and with it the lock.

Fencing: every new leader bumps `leader_term.epoch`. Marking an update processed checks
the epoch in the same statement, under a share lock of the row that the bump must wait
for, so a leader that lost the lock cannot confirm anything after another took over. A
send is made only while the leader's lease is fresh: the lease is renewed by a heartbeat
every `HEARTBEAT_SECONDS` and lapses `LEASE_SECONDS` after the last renewal that
succeeded; a new leader waits until the previous leader's last renewal is older than the
lease, so the old one has stopped sending before the new one starts. Between them
Telegram's at-least-once remains: a send in flight when the lease lapses may still land.

A leader whose lock connection breaks (the database restarted, its connections
terminated) stops at once, reconnects with backoff, and leads again if no other process
took over meanwhile; otherwise it stands by.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol

from sqlalchemy import make_url

from bot.runlock import RunLock, sqlite_run_lock

log = logging.getLogger(__name__)

# The advisory lock's key: any constant all Posko processes agree on ("POSKO" in ASCII).
LOCK_KEY = 0x504F534B4F
HEARTBEAT_SECONDS = 0.5
LEASE_SECONDS = 2.0
TRY_LOCK_SECONDS = 1.0
MAX_RECONNECT_SECONDS = 10.0
STAND_DOWN_SECONDS = 2.5
INSTANCE_HEADER = "X-Posko-Instance"
LEADER = "leader"
STANDBY = "standby"


class Leadership(Protocol):
    """What the rest of the process asks: `SoleLeader` or `PostgresLeadership`."""

    def active(self) -> bool: ...
    def epoch(self) -> int | None: ...
    @property
    def role(self) -> str: ...
    @property
    def database_reachable(self) -> bool: ...


class SoleLeader:
    """SQLite: the only process, holding the database file's run lock."""

    def __init__(self, database_url: str):
        self._lock: RunLock | None = sqlite_run_lock(database_url)

    def acquire(self) -> None:
        if self._lock is not None:
            self._lock.acquire()

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def active(self) -> bool:
        return True

    def epoch(self) -> int | None:
        return None  # nothing to fence: nobody else can lead

    @property
    def role(self) -> str:
        return LEADER

    @property
    def database_reachable(self) -> bool:
        return True


def instance_name() -> str:
    """This process, as the logs, the database (application_name) and calls name it."""
    return f"posko:{socket.gethostname()}:{os.getpid()}"[:63]


def asyncpg_dsn(database_url: str) -> str:
    """The SQLAlchemy URL as a DSN asyncpg's own `connect` takes."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


Prepare = Callable[[], Awaitable[bool]]  # False: this process must never lead
Hook = Callable[[], Coroutine[Any, Any, None]]


class PostgresLeadership:
    def __init__(
        self,
        database_url: str,
        *,
        prepare: Prepare,
        on_active: Hook,
        on_inactive: Callable[[], None],
        name: str | None = None,
    ):
        self._dsn = asyncpg_dsn(database_url)
        self._prepare = prepare
        self._on_active = on_active
        self._on_inactive = on_inactive
        self.name = name or instance_name()
        self._epoch: int | None = None
        self._lease_from = float("-inf")  # monotonic time the last good renewal was sent
        self._connection: Any = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._never_lead = False
        self.reachable = False
        self.terms = 0  # how many times this process became leader
        self._activation: asyncio.Task[None] | None = None
        # Set once this process knows its first role: standby, or leading with its work
        # taken up (the runtime sets it then), so that `start` returns in a known state.
        self.settled = asyncio.Event()

    # -- what the rest of the process asks ------------------------------------------------
    def active(self) -> bool:
        """True while this process leads and its lease is fresh."""
        return self._epoch is not None and time.monotonic() - self._lease_from < LEASE_SECONDS

    def epoch(self) -> int | None:
        return self._epoch

    @property
    def role(self) -> str:
        return LEADER if self.active() else STANDBY

    @property
    def database_reachable(self) -> bool:
        return self.reachable

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="leadership")

    async def stop(self) -> None:
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._release()

    async def _release(self) -> None:
        connection, self._connection = self._connection, None
        epoch, self._epoch = self._epoch, None
        if connection is None:
            return
        with contextlib.suppress(Exception):
            if epoch is not None:  # a clean hand-over: the next leader need not wait
                await connection.execute(
                    "UPDATE leader_term SET released = true WHERE id = 1 AND epoch = $1", epoch
                )
            await asyncio.wait_for(connection.close(), 5)

    async def _run(self) -> None:
        import asyncpg

        delay = 0.5
        while not self._stopping:
            try:
                self._connection = await asyncpg.connect(
                    self._dsn, timeout=5, server_settings={"application_name": self.name}
                )
                self.reachable = True
                delay = 0.5
                await self._stand_by()
                await self._lead()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                self.reachable = False
                if self._lose(f"{type(error).__name__}"):
                    # Give the standbys the first chance: the one whose connection broke
                    # is the likelier to be in trouble. Alone, it leads again after this.
                    delay = max(delay, STAND_DOWN_SECONDS)
                log.warning(
                    "leadership: database connection lost (%s); retrying in %.1fs",
                    type(error).__name__,
                    delay,
                )
            connection, self._connection = self._connection, None
            if connection is not None:
                connection.terminate()  # the lock goes with the session
            if not self._stopping:
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RECONNECT_SECONDS)

    async def _stand_by(self) -> None:
        """Until the lock is ours (and this process may lead)."""
        while not self._stopping:
            if not self._never_lead and await self._connection.fetchval(
                "SELECT pg_try_advisory_lock($1)", LOCK_KEY
            ):
                if await self._prepare():
                    return
                self._never_lead = True
                await self._connection.execute("SELECT pg_advisory_unlock($1)", LOCK_KEY)
            else:
                self.settled.set()  # another process leads: this one is a standby
            await asyncio.sleep(TRY_LOCK_SECONDS)

    async def _lead(self) -> None:
        connection = self._connection
        await connection.execute(
            "INSERT INTO leader_term (id, epoch, holder, renewed_at, released) "
            "VALUES (1, 0, '', now(), true) ON CONFLICT (id) DO NOTHING"
        )
        # The previous leader may still be sending until its lease lapses.
        remaining = await connection.fetchval(
            "SELECT GREATEST(0, EXTRACT(EPOCH FROM renewed_at - now()) + $1::float8) "
            "FROM leader_term WHERE id = 1 AND NOT released",
            LEASE_SECONDS,
        )
        if remaining:
            log.info("leadership: waiting %.1fs for the previous leader's lease", remaining)
            await asyncio.sleep(float(remaining))
        async with connection.transaction():
            # FOR UPDATE waits for every claim still checking the old epoch (FOR KEY SHARE).
            await connection.execute("SELECT epoch FROM leader_term WHERE id = 1 FOR UPDATE")
            sent = time.monotonic()
            epoch = await connection.fetchval(
                "UPDATE leader_term SET epoch = epoch + 1, holder = $1, renewed_at = now(), "
                "released = false WHERE id = 1 RETURNING epoch",
                self.name,
            )
        self._epoch, self._lease_from = int(epoch), sent
        self.terms += 1
        log.info("leadership: leading (term %d, epoch %d)", self.terms, self._epoch)
        # Not awaited here: the heartbeat must go on while the process takes up the work.
        self._activation = asyncio.create_task(self._take_up(), name="activation")
        while not self._stopping:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            sent = time.monotonic()
            renewed = await asyncio.wait_for(
                connection.execute(
                    "UPDATE leader_term SET renewed_at = now() WHERE id = 1 AND epoch = $1",
                    self._epoch,
                ),
                LEASE_SECONDS,
            )
            if renewed != "UPDATE 1":
                raise RuntimeError("another process took over")  # fenced out
            self._lease_from = sent

    async def _take_up(self) -> None:
        try:
            await self._on_active()
        except Exception:  # the lease goes on; intake and outbox follow it on their own
            log.exception("leadership: taking up the work failed in part")
        finally:
            self.settled.set()

    def _lose(self, why: str) -> bool:
        """Stop leading, if this process led; returns whether it did."""
        if self._epoch is None:
            return False
        log.warning("leadership: stopped leading (%s)", why)
        self._epoch = None
        self._lease_from = float("-inf")
        self._on_inactive()
        return True
