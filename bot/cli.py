"""`python -m bot` (also `posko`): run the bot, the demo, and operator tasks."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path

from dotenv import load_dotenv

from bot.config import ConfigError, Settings, WebhookConfig, load_settings, load_webhook_config
from bot.logs import configure_logging, redact

EXIT_CONFIG = 2
EXIT_ALREADY_RUNNING = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Posko Pemilu")
    parser.add_argument("--env-file", default=".env", help="settings file (default: .env)")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (long polling, or --webhook)")
    run.add_argument(
        "--webhook",
        action="store_true",
        help="receive updates by webhook (WEBHOOK_URL, WEBHOOK_SECRET) on the web server "
        "(WEB_LISTEN:WEB_PORT, also /healthz, /readyz, /metrics)",
    )

    demo = sub.add_parser(
        "demo", help="play a scripted scenario against the built-in Telegram double"
    )
    demo.add_argument("--quiet", action="store_true", help="print only the transcripts")
    demo.add_argument(
        "--serve",
        action="store_true",
        help="keep the demo's world running and print a dashboard login link",
    )

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply migrations")
    revision = db_sub.add_parser("revision", help="write a new migration from the model changes")
    revision.add_argument("message")

    agencies = sub.add_parser("agencies", help="the agencies (instansi) people belong to")
    agencies_sub = agencies.add_subparsers(dest="agencies_command", required=True)
    agencies_sub.add_parser("list", help="print the agencies")
    agency_add = agencies_sub.add_parser("add", help="add an agency")
    agency_add.add_argument("code", help="short code, lower case, e.g. basarnas")
    agency_add.add_argument("name_id", help="the name in Indonesian")
    agency_add.add_argument("name_en", help="the name in English")

    regions = sub.add_parser("regions", help="region tasks")
    regions_sub = regions.add_subparsers(dest="regions_command", required=True)
    region_import = regions_sub.add_parser(
        "import", help="import a CSV: code,parent_code,name,level"
    )
    region_import.add_argument("file", type=Path)
    boundaries = regions_sub.add_parser(
        "boundaries",
        help="load region outlines for maps: a GeoJSON FeatureCollection (.geojson or "
        ".geojson.gz) whose features carry properties.code (Kemendagri codes)",
    )
    boundaries.add_argument("file", type=Path)

    digest = sub.add_parser("digest", help="print the digest of an area (preview)")
    digest.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    digest.add_argument("--date", required=True, help="local date YYYY-MM-DD")
    digest.add_argument("--time", default="07:00", help="local time HH:MM (default 07:00)")
    digest.add_argument("--lang", default="id", choices=["id", "en"])
    digest.add_argument("--html", action="store_true", help="print Telegram HTML, not plain text")

    events = sub.add_parser("events", help="elections the digests count down to")
    events_sub = events.add_subparsers(dest="events_command", required=True)
    events_sub.add_parser("list", help="list them")
    event_add = events_sub.add_parser("add", help="add one")
    event_add.add_argument("--name", required=True, help='e.g. "Pemilu 2024"')
    event_add.add_argument("--kind", required=True, help="Pemilu, Pilkada, …")
    event_add.add_argument("--date", required=True, help="voting day YYYY-MM-DD")
    event_add.add_argument("--region", default=None, help="scope (default: the whole country)")

    export = sub.add_parser("export", help="write reports, readiness and incidents (XLSX/CSV)")
    export.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    export.add_argument("--from", dest="first", required=True, help="first local day YYYY-MM-DD")
    export.add_argument("--to", dest="last", required=True, help="last local day YYYY-MM-DD")
    export.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    export.add_argument("--lang", choices=["id", "en"], default="id")
    export.add_argument(
        "--separator",
        choices=[";", ",", "semicolon", "comma"],
        help="CSV separator (default: ';' for --lang id, as Indonesian Excel expects; ',' for en)",
    )
    export.add_argument("--output", type=Path, default=Path("."), help="folder (default: here)")

    briefing = sub.add_parser("briefing", help="write the Rakor briefing of a region (A4 PDF)")
    briefing.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    briefing.add_argument("--date", required=True, help="local day YYYY-MM-DD")
    briefing.add_argument(
        "--since", default=None, help="count changes from this local day (default: a week earlier)"
    )
    briefing.add_argument("--lang", choices=["id", "en"], default="id")
    briefing.add_argument("--output", type=Path, required=True, help="the PDF file to write")

    backup = sub.add_parser("backup", help="write a consistent copy of the SQLite database")
    backup.add_argument(
        "--output",
        type=Path,
        default=None,
        help="file to write (default: backups/posko-<UTC time>.db)",
    )

    invite = sub.add_parser("invite", help="create an invite link from the shell")
    invite.add_argument("--role", required=True, help="koordinator/coordinator or petugas/officer")
    invite.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    invite.add_argument(
        "--agency", default=None, help="agency code, e.g. tni, polri, pemda (default kpu)"
    )
    invite.add_argument(
        "--uses", type=int, default=1, help="how many people may use it (default 1)"
    )
    invite.add_argument(
        "--days", type=int, default=None, help="valid for N days (default INVITE_TTL_DAYS)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    load_dotenv(args.env_file, override=False)
    settings: Settings | None = None
    try:
        if args.command == "demo":
            from bot.demo import run_demo

            configure_logging(level=logging.WARNING)
            return asyncio.run(run_demo(quiet=args.quiet, serve=args.serve))
        settings = load_settings(require_token=args.command == "run")
        configure_logging(secrets=settings.secrets(), level=logging.INFO)
        if args.command == "run":
            webhook = load_webhook_config() if args.webhook else None
            return asyncio.run(_run(settings, webhook=webhook))
        if args.command == "db" and args.db_command == "revision":
            return asyncio.run(_db_revision(args.message))
        if args.command == "db":
            return asyncio.run(_db_upgrade(settings))
        if args.command == "regions" and args.regions_command == "boundaries":
            return asyncio.run(_regions_boundaries(settings, args.file))
        if args.command == "agencies":
            return asyncio.run(_agencies(settings, args))
        if args.command == "regions":
            return asyncio.run(_regions_import(settings, args.file))
        if args.command == "digest":
            return asyncio.run(_digest(settings, args))
        if args.command == "events":
            return asyncio.run(_events(settings, args))
        if args.command == "export":
            return asyncio.run(_export(settings, args))
        if args.command == "briefing":
            return asyncio.run(_briefing(settings, args))
        if args.command == "backup":
            return _backup(settings, args.output)
        if args.command == "invite":
            return asyncio.run(
                _invite(settings, args.role, args.region, args.uses, args.days, args.agency)
            )
    except ConfigError as error:
        secrets = settings.secrets() if settings else []
        print(f"posko: configuration error: {redact(str(error), secrets)}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130
    return 1


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


async def _agencies(settings: Settings, args: argparse.Namespace) -> int:
    import re

    from bot.services.agencies import agencies, create_agency
    from storage.engine import create_engine, create_session_factory
    from storage.migrate import upgrade_database

    engine = create_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        async with create_session_factory(engine)() as session:
            if args.agencies_command == "add":
                code = args.code.strip().lower()
                if not re.fullmatch(r"[a-z][a-z0-9_]{1,15}", code):
                    print("posko: the code is 2 to 16 letters, digits or _", file=sys.stderr)
                    return 1
                if not await create_agency(
                    session, code=code, name_id=args.name_id[:80], name_en=args.name_en[:80]
                ):
                    print(f"posko: agency {code} exists already", file=sys.stderr)
                    return 1
                await session.commit()
                print(f"agency {code} added")
                return 0
            for agency in await agencies(session):
                print(f"{agency.code:<12} {agency.name_id} / {agency.name_en}")
    finally:
        await engine.dispose()
    return 0


async def _regions_import(settings: Settings, file: Path) -> int:
    from bot.app import import_regions_text
    from bot.domain.regions import RegionFileError
    from storage.engine import create_engine, create_session_factory
    from storage.migrate import upgrade_database

    try:
        text = await asyncio.to_thread(file.read_text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"posko: cannot read {file}: {error}", file=sys.stderr)
        return 1
    engine = create_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        async with create_session_factory(engine)() as session:
            try:
                counts = await import_regions_text(session, text)
            except RegionFileError as error:
                print(f"posko: nothing imported from {file}:", file=sys.stderr)
                for problem in error.problems[:50]:
                    print(f"  {problem}", file=sys.stderr)
                if len(error.problems) > 50:
                    print(f"  … and {len(error.problems) - 50} more", file=sys.stderr)
                return 1
            await session.commit()
        print(
            f"regions: {counts.added} added, {counts.renamed} renamed, {counts.unchanged} unchanged"
        )
    finally:
        await engine.dispose()
    return 0


async def _regions_boundaries(settings: Settings, file: Path) -> int:
    from bot.app import import_boundaries_text, read_boundary_file
    from bot.domain.maps import BoundaryFileError
    from storage.engine import create_engine, create_session_factory
    from storage.migrate import upgrade_database

    try:
        text = await asyncio.to_thread(read_boundary_file, file)
    except (OSError, UnicodeDecodeError, EOFError) as error:
        print(f"posko: cannot read {file}: {error}", file=sys.stderr)
        return 1
    engine = create_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        async with create_session_factory(engine)() as session:
            try:
                counts = await import_boundaries_text(session, text)
            except BoundaryFileError as error:
                print(f"posko: nothing loaded from {file}:", file=sys.stderr)
                for problem in error.problems[:50]:
                    print(f"  {problem}", file=sys.stderr)
                if len(error.problems) > 50:
                    print(f"  … and {len(error.problems) - 50} more", file=sys.stderr)
                return 1
            await session.commit()
        print(f"boundaries: {counts.added} added, {counts.replaced} replaced")
    finally:
        await engine.dispose()
    return 0


async def _digest(settings: Settings, args: argparse.Namespace) -> int:
    import html
    import re
    from datetime import date, datetime, time

    from bot.app import prepare_database
    from bot.digests import digest_messages
    from storage.engine import create_engine, create_session_factory
    from storage.regions import get_region

    try:
        day = date.fromisoformat(args.date)
        hour, minute = (int(x) for x in args.time.split(":"))
        moment = datetime.combine(day, time(hour, minute), tzinfo=settings.timezone)
    except ValueError:
        print("posko: --date must be YYYY-MM-DD and --time HH:MM", file=sys.stderr)
        return 1
    engine = create_engine(settings.database_url)
    try:
        factory = create_session_factory(engine)
        await prepare_database(engine, settings, factory)
        async with factory() as session:
            if await get_region(session, code=args.region) is None:
                print(f"posko: region {args.region} is not in the region table", file=sys.stderr)
                return 1
            chunks = await digest_messages(
                session, region_code=args.region, now=moment, lang=args.lang, settings=settings
            )
    finally:
        await engine.dispose()
    for index, chunk in enumerate(chunks):
        if index:
            print("\n--- (pesan berikutnya) ---\n")
        print(chunk if args.html else html.unescape(re.sub(r"<[^>]+>", "", chunk)))
    return 0


async def _events(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import UTC, date, datetime

    from bot.app import prepare_database
    from storage.elections import active_elections, add_election
    from storage.engine import create_engine, create_session_factory
    from storage.models import Election
    from storage.regions import get_region

    engine = create_engine(settings.database_url)
    try:
        factory = create_session_factory(engine)
        await prepare_database(engine, settings, factory)
        async with factory() as session:
            if args.events_command == "add":
                try:
                    date.fromisoformat(args.date)
                except ValueError:
                    print("posko: --date must be YYYY-MM-DD", file=sys.stderr)
                    return 1
                if args.region and await get_region(session, code=args.region) is None:
                    print(
                        f"posko: region {args.region} is not in the region table", file=sys.stderr
                    )
                    return 1
                election = await add_election(
                    session,
                    election=Election(
                        name=args.name[:120],
                        kind=args.kind[:40],
                        voting_date=args.date,
                        region_code=args.region,
                        created_at=datetime.now(UTC),
                    ),
                )
                await session.commit()
                print(f"#{election.id} {election.name} ({election.kind}) {election.voting_date}")
                return 0
            for election in await active_elections(session):
                scope = election.region_code or "all"
                name = f"{election.name} ({election.kind})"
                print(f"#{election.id} {name} {election.voting_date} {scope}")
    finally:
        await engine.dispose()
    return 0


async def _export(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import date, datetime, time, timedelta

    from bot.app import prepare_database
    from bot.exports import ExportRequest, write_export
    from storage.engine import create_engine, create_session_factory

    try:
        first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    except ValueError:
        print("posko: --from and --to must be YYYY-MM-DD", file=sys.stderr)
        return 1
    if last < first:
        print("posko: --to is before --from", file=sys.stderr)
        return 1
    tz = settings.timezone
    request = ExportRequest(
        root=args.region,
        since=datetime.combine(first, time(0), tzinfo=tz),
        until=datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz),
        fmt=args.format,
        lang=args.lang,
        tz=tz,
        separator={"semicolon": ";", "comma": ","}.get(args.separator, args.separator),
    )
    engine = create_engine(settings.database_url)
    try:
        factory = create_session_factory(engine)
        await prepare_database(engine, settings, factory)
        try:
            paths = await write_export(factory, request, args.output)
        except ValueError as error:
            print(f"posko: {error}", file=sys.stderr)
            return 1
    finally:
        await engine.dispose()
    for path in paths:
        print(path)
    return 0


async def _briefing(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import date, timedelta

    from bot.app import prepare_database
    from bot.clock import SystemClock
    from bot.domain.briefing import DEFAULT_SINCE_DAYS
    from bot.i18n import plain
    from bot.services.briefing import BriefingRequest, write_briefing
    from storage.engine import create_engine, create_session_factory
    from storage.regions import get_region

    try:
        day = date.fromisoformat(args.date)
        since = (
            date.fromisoformat(args.since)
            if args.since
            else day - timedelta(days=DEFAULT_SINCE_DAYS)
        )
    except ValueError:
        print("posko: --date and --since must be YYYY-MM-DD", file=sys.stderr)
        return 1
    if since >= day:
        print("posko: --since must be before --date", file=sys.stderr)
        return 1
    request = BriefingRequest(
        root=args.region,
        day=day,
        since=since,
        lang=args.lang,
        tz=settings.timezone,
        producer=plain(args.lang, "briefing.cli_producer"),
    )
    engine = create_engine(settings.database_url)
    try:
        factory = create_session_factory(engine)
        await prepare_database(engine, settings, factory)
        async with factory() as session:
            if await get_region(session, code=args.region) is None:
                print(f"posko: region {args.region} is not in the region table", file=sys.stderr)
                return 1
        path = await write_briefing(
            settings.database_url, request, now=SystemClock().now(), path=args.output
        )
    finally:
        await engine.dispose()
    print(path)
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


async def _invite(
    settings: Settings,
    role_word: str,
    region: str,
    uses: int,
    days: int | None,
    agency: str | None = None,
) -> int:
    from bot.app import prepare_database
    from bot.clock import SystemClock
    from bot.domain.invites import deep_link
    from bot.domain.onboarding import InviteRefused
    from bot.domain.roles import parse_role
    from bot.i18n import format_moment
    from bot.services.onboarding import create_invite
    from storage.engine import create_engine, create_session_factory
    from storage.models import Role

    role = parse_role(role_word)
    if role is None or role == Role.ADMIN:
        print("posko: --role must be koordinator/coordinator or petugas/officer", file=sys.stderr)
        return 1
    if not 1 <= uses <= 500:
        print("posko: --uses must be from 1 to 500", file=sys.stderr)
        return 1
    ttl = days if days is not None else settings.invite_ttl_days
    if not 1 <= ttl <= 90:
        print("posko: --days must be from 1 to 90", file=sys.stderr)
        return 1
    username = settings.bot_username or await _fetch_bot_username(settings)
    if username is None:
        return 1
    engine = create_engine(settings.database_url)
    try:
        session_factory = create_session_factory(engine)
        await prepare_database(engine, settings, session_factory)
        async with session_factory() as session:
            try:
                created = await create_invite(
                    session,
                    actor=None,
                    role=role,
                    region_code=region,
                    now=SystemClock().now(),
                    ttl_days=ttl,
                    max_uses=uses,
                    agency_code=agency.lower() if agency else None,
                )
            except InviteRefused as refusal:
                if refusal.reason == "invite.agency_unknown":
                    print(f"posko: agency {agency} is not in the agency table", file=sys.stderr)
                else:
                    print(f"posko: region {region} is not in the region table", file=sys.stderr)
                return 1
            await session.commit()
        expires = format_moment(created.invite.expires_at, "en", settings.timezone)
        place = f"{created.region.name} ({region})"
        agency_code = created.invite.agency_code or ""
        print(
            f"{role.value} ({agency_code.upper()}) of {place}, {uses} use(s), "
            f"valid until {expires}:"
        )
        print(deep_link(username, created.code))
    finally:
        await engine.dispose()
    return 0


async def _fetch_bot_username(settings: Settings) -> str | None:
    from telegram import Bot
    from telegram.error import TelegramError

    if settings.telegram_bot_token is None:
        print(
            "posko: set TELEGRAM_BOT_USERNAME (or TELEGRAM_BOT_TOKEN, to look it up)",
            file=sys.stderr,
        )
        return None
    bot = Bot(settings.telegram_bot_token, base_url=settings.bot_api_url)
    try:
        async with bot:
            return bot.username
    except TelegramError as error:
        print(
            f"posko: cannot look up the bot's username: {redact(str(error), settings.secrets())}",
            file=sys.stderr,
        )
        return None
