"""Live dashboards: every open dashboard of an area hears of a report, an incident, a
support request or a status change inside it within a second, whichever process made it.

One watcher per process looks at the newest report, incident, incident-event, support
request and support-event ids twice a second (five index-only reads, whatever the number
of open dashboards) and tells the
subscribers whose area contains a changed region. Because it reads the database, a change
made by another process (the leader, while a standby serves the web; a CLI) is seen as
well. On PostgreSQL the watcher also LISTENs on `posko_dashboard`, which every commit
storing a report, an incident or a support request change NOTIFYs (storage/engine.py,
`PoskoSession`): another process's change wakes it at once, and the half-second look
remains the guarantee (a NOTIFY lost with a dropped listening connection, SQLite).

The page hears of it over server-sent events (`GET /dasbor/live/{code}`) and fetches its
parts again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from bot.domain.regions import is_within
from storage.dashboard import LatestIds, latest_ids, regions_changed_since
from storage.engine import DASHBOARD_CHANNEL, SessionFactory, read_session

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
CHANNEL = DASHBOARD_CHANNEL
ENDED = ""  # what a subscriber's queue receives when the server stops


class LiveHub:
    def __init__(self, session_factory: SessionFactory, *, database_url: str = ""):
        self._session_factory = session_factory
        self._database_url = database_url
        self._subscribers: dict[asyncio.Queue[str], str] = {}
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    @contextlib.asynccontextmanager
    async def subscribe(self, root: str) -> AsyncIterator[asyncio.Queue[str]]:
        """A queue that receives the code of each changed region inside `root`."""
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize=100)
        self._subscribers[queue] = root
        self._ensure_running()
        try:
            yield queue
        finally:
            self._subscribers.pop(queue, None)

    def poke(self) -> None:
        """Look now (a change was committed in this process)."""
        self._wake.set()

    def publish(self, changed: set[str]) -> None:
        for queue, root in list(self._subscribers.items()):
            hits = sorted(code for code in changed if is_within(code, root))
            if hits:
                with contextlib.suppress(asyncio.QueueFull):
                    queue.put_nowait(hits[0])

    def _ensure_running(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch(), name="dashboard-live")

    async def stop(self) -> None:
        """Stop watching and end every open stream (each queue gets the empty string)."""
        for queue in list(self._subscribers):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(ENDED)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _watch(self) -> None:
        listener = await self._listen()
        try:
            last: LatestIds | None = None
            while True:
                try:
                    async with read_session(self._session_factory) as session:
                        now = await latest_ids(session)
                        if last is not None and now != last:
                            changed = await regions_changed_since(session, last)
                            self.publish(changed)
                        last = now
                except asyncio.CancelledError:
                    raise
                except Exception:  # the database is away: look again later
                    log.warning("dashboard live watcher: database read failed", exc_info=True)
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
        finally:
            if listener is not None:
                with contextlib.suppress(Exception):
                    await listener.close()

    async def _listen(self) -> Any:
        """On PostgreSQL, LISTEN so that a NOTIFY wakes the watcher at once."""
        if not self._database_url.startswith("postgresql"):
            return None
        try:
            import asyncpg

            url = self._database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
            connection = await asyncpg.connect(url)
            await connection.add_listener(CHANNEL, lambda *_: self._wake.set())
            return connection
        except Exception:
            log.warning("dashboard live: LISTEN failed; looking every %ss", POLL_SECONDS)
            return None
