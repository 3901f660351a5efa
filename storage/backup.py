"""A consistent copy of the SQLite database while the bot runs.

`VACUUM INTO` reads one snapshot of the database (WAL readers never block writers) and
writes a compact, self-contained file: the copy is consistent even during a write storm.
PostgreSQL deployments use `pg_dump` instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class BackupError(Exception):
    pass


def sqlite_path(database_url: str) -> Path:
    if not database_url.startswith("sqlite"):
        raise BackupError(
            "backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. "
            "pg_dump --format=custom --file=posko.dump <database>"
        )
    return Path(database_url.split("///", 1)[1])


def backup_sqlite(source: Path, target: Path) -> int:
    """Write a consistent copy of `source` to `target`; returns its size in bytes."""
    if not source.exists():
        raise BackupError(f"no database at {source}")
    if target.exists():
        raise BackupError(f"{target} exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(source, timeout=30)
    try:
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        connection.close()
    check = sqlite3.connect(target)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        raise BackupError(f"the copy failed its integrity check: {result}")
    return target.stat().st_size
