"""What is written for readers: `digest` (a preview), `export` (XLSX/CSV), `briefing` (PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from bot.cli.common import Commands


def add_digest(sub: Commands) -> None:
    digest = sub.add_parser("digest", help="print the digest of an area (preview)")
    digest.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    digest.add_argument("--date", required=True, help="local date YYYY-MM-DD")
    digest.add_argument("--time", default="07:00", help="local time HH:MM (default 07:00)")
    digest.add_argument("--lang", default="id", choices=["id", "en"])
    digest.add_argument("--html", action="store_true", help="print Telegram HTML, not plain text")
    digest.set_defaults(handler=_digest)


def add_export(sub: Commands) -> None:
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
    export.set_defaults(handler=_export)


def add_briefing(sub: Commands) -> None:
    briefing = sub.add_parser("briefing", help="write the Rakor briefing of a region (A4 PDF)")
    briefing.add_argument("--region", required=True, help="Kemendagri code, e.g. 74.09")
    briefing.add_argument("--date", required=True, help="local day YYYY-MM-DD")
    briefing.add_argument(
        "--since", default=None, help="count changes from this local day (default: a week earlier)"
    )
    briefing.add_argument("--lang", choices=["id", "en"], default="id")
    briefing.add_argument("--output", type=Path, required=True, help="the PDF file to write")
    briefing.set_defaults(handler=_briefing)


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
