"""SQLite is one process's database: a second `run` on the same file is refused.

Two bots on one SQLite file would both poll Telegram (each taking the other's updates)
and both send the outbox. A lock file beside the database, held with an exclusive
`flock` for as long as the bot runs, makes the second `run` stop with one clear line. The
kernel drops the lock when the process ends, however it ends (SIGKILL included), so a
stale lock file never blocks a restart. The operator's other commands (backup, invite,
import) do not take it: SQLite's own locking keeps their few writes safe.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class AlreadyRunning(Exception):
    """Another `run` holds the database; the message is the one line to show."""


class RunLock:
    def __init__(self, database: Path):
        self.path = database.with_name(database.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise AlreadyRunning(
                f"another `python -m bot run` (pid {holder}) is using {self.path.with_suffix('')}"
                f"; SQLite allows one bot per database file (lock: {self.path})"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing drops the flock
            self._fd = None


def sqlite_run_lock(database_url: str) -> RunLock | None:
    """The lock for a SQLite file database; None for PostgreSQL or an in-memory one."""
    if not database_url.startswith("sqlite"):
        return None
    database = database_url.split("///", 1)[1] if "///" in database_url else ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return RunLock(Path(database))
