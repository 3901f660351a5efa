"""Short-lived copies of reference rows (regions, aspects) that nearly every update reads.

They change only through an import or a migration, so each process keeps what it read for
a minute: a region renamed by `regions import` in another process shows within that
minute, and changes made in this process clear the copies at once. Unknown keys are never
cached, so a region imported a moment ago is found at once. Entries are per engine, so two
databases in one process (tests) never share them.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

TTL_SECONDS = 60.0


class ReferenceCache:
    def __init__(self, ttl: float = TTL_SECONDS):
        self._ttl = ttl
        self._by_engine: weakref.WeakKeyDictionary[Any, dict[Any, tuple[float, Any]]] = (
            weakref.WeakKeyDictionary()
        )

    def _entries(self, session: AsyncSession) -> dict[Any, tuple[float, Any]] | None:
        bind = session.bind
        if bind is None:
            return None
        engine = getattr(bind, "sync_engine", bind)
        return self._by_engine.setdefault(engine, {})

    def get(self, session: AsyncSession, key: Any) -> Any | None:
        entries = self._entries(session)
        if entries is None:
            return None
        found = entries.get(key)
        if found is None:
            return None
        stored_at, value = found
        if time.monotonic() - stored_at > self._ttl:
            del entries[key]
            return None
        return value

    def put(self, session: AsyncSession, key: Any, value: Any) -> None:
        entries = self._entries(session)
        if entries is not None:
            entries[key] = (time.monotonic(), value)

    def clear(self, session: AsyncSession) -> None:
        entries = self._entries(session)
        if entries is not None:
            entries.clear()


reference_cache = ReferenceCache()
