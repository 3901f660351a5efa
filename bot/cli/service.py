"""Running the bot and keeping its database: `run`, `db upgrade|revision`, `backup`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.common import EXIT_ALREADY_RUNNING, EXIT_CONFIG
from bot.config import Settings, WebhookConfig, load_webhook_config
from bot.logs import redact

if TYPE_CHECKING:
    from bot.cli.common import Commands


def add_run(sub: Commands) -> None:
    run = sub.add_parser("run", help="run the bot (long polling, or --webhook)")
    run.add_argument(
        "--webhook",
        action="store_true",
        help="receive updates by webhook (WEBHOOK_URL, WEBHOOK_SECRET) on the web server "
        "(WEB_LISTEN:WEB_PORT, also /healthz, /readyz, /metrics)",
    )
    run.set_defaults(handler=_run_command)


def add_db(sub: Commands) -> None:
    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="apply migrations")
    upgrade.set_defaults(handler=lambda settings, args: _db_upgrade(settings))
    revision = db_sub.add_parser("revision", help="write a new migration from the model changes")
    revision.add_argument("message")
    revision.set_defaults(handler=lambda settings, args: _db_revision(args.message))


def add_backup(sub: Commands) -> None:
    backup = sub.add_parser("backup", help="write a consistent copy of the SQLite database")
    backup.add_argument(
        "--output",
        type=Path,
        default=None,
        help="file to write (default: backups/posko-<UTC time>.db)",
    )
    backup.set_defaults(handler=lambda settings, args: _backup(settings, args.output))


def _run_command(settings: Settings, args: argparse.Namespace) -> Coroutine[Any, Any, int]:
    # The webhook settings are read before the bot starts: a mistake there is a
    # configuration error, said before anything runs.
    webhook = load_webhook_config() if args.webhook else None
    return _run(settings, webhook=webhook)


async def _run(settings: Settings, webhook: WebhookConfig | None = None) -> int:
    from telegram.error import InvalidToken, NetworkError

    from bot.app import PoskoRuntime
    from bot.intake import FatalIntakeError
    from bot.runlock import AlreadyRunning

    runtime = PoskoRuntime(settings=settings, webhook=webhook)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await runtime.start()
        waiter = asyncio.create_task(runtime.wait())
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if waiter in done:
            waiter.result()
        else:
            waiter.cancel()
    except AlreadyRunning as error:
        print(f"posko: {error}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    except (InvalidToken, FatalIntakeError):
        print(
            "posko: Telegram rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    except NetworkError as error:
        message = redact(str(error), settings.secrets())
        print(
            f"posko: cannot reach Telegram at {settings.telegram_api_base_url}: {message}",
            file=sys.stderr,
        )
        return 1
    finally:
        await runtime.stop()
    return 0


async def _db_upgrade(settings: Settings) -> int:
    from bot.app import prepare_database
    from storage.engine import create_engine, create_session_factory
    from storage.migrate import current_revision

    engine = create_engine(settings.database_url)
    try:
        await prepare_database(engine, settings, create_session_factory(engine))
        print(f"database at revision {await current_revision(engine)}")
    finally:
        await engine.dispose()
    return 0


async def _db_revision(message: str) -> int:
    """Autogenerate a migration against a scratch SQLite database brought to head."""
    import tempfile

    from alembic import command

    from storage.engine import create_engine
    from storage.migrate import alembic_config, upgrade_database

    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/scratch.db"
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade_database(engine)
        await engine.dispose()
        config = alembic_config(f"sqlite:///{path}")
        await asyncio.to_thread(command.revision, config, message=message, autogenerate=True)
    return 0


def _backup(settings: Settings, output: Path | None) -> int:
    from datetime import UTC, datetime

    from storage.backup import BackupError, backup_sqlite, sqlite_path

    try:
        source = sqlite_path(settings.database_url)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = output or Path("backups") / f"posko-{stamp}.db"
        size = backup_sqlite(source, target)
    except BackupError as error:
        print(f"posko: {error}", file=sys.stderr)
        return 1
    print(f"backup written: {target} ({size} bytes, integrity ok)")
    return 0
