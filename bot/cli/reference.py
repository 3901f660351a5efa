"""The data people and reports refer to: `agencies list|add`, `regions import|boundaries`,
`events list|add`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from bot.cli.common import Commands


def add_agencies(sub: Commands) -> None:
    agencies = sub.add_parser("agencies", help="the agencies (instansi) people belong to")
    agencies_sub = agencies.add_subparsers(dest="agencies_command", required=True)
    agencies_sub.add_parser("list", help="print the agencies")
    agency_add = agencies_sub.add_parser("add", help="add an agency")
    agency_add.add_argument("code", help="short code, lower case, e.g. basarnas")
    agency_add.add_argument("name_id", help="the name in Indonesian")
    agency_add.add_argument("name_en", help="the name in English")
    agencies.set_defaults(handler=_agencies)


def add_regions(sub: Commands) -> None:
    regions = sub.add_parser("regions", help="region tasks")
    regions_sub = regions.add_subparsers(dest="regions_command", required=True)
    region_import = regions_sub.add_parser(
        "import", help="import a CSV: code,parent_code,name,level"
    )
    region_import.add_argument("file", type=Path)
    region_import.set_defaults(handler=lambda settings, args: _regions_import(settings, args.file))
    boundaries = regions_sub.add_parser(
        "boundaries",
        help="load region outlines for maps: a GeoJSON FeatureCollection (.geojson or "
        ".geojson.gz) whose features carry properties.code (Kemendagri codes)",
    )
    boundaries.add_argument("file", type=Path)
    boundaries.set_defaults(handler=lambda settings, args: _regions_boundaries(settings, args.file))


def add_events(sub: Commands) -> None:
    events = sub.add_parser("events", help="elections the digests count down to")
    events_sub = events.add_subparsers(dest="events_command", required=True)
    events_sub.add_parser("list", help="list them")
    event_add = events_sub.add_parser("add", help="add one")
    event_add.add_argument("--name", required=True, help='e.g. "Pemilu 2024"')
    event_add.add_argument("--kind", required=True, help="Pemilu, Pilkada, …")
    event_add.add_argument("--date", required=True, help="voting day YYYY-MM-DD")
    event_add.add_argument("--region", default=None, help="scope (default: the whole country)")
    events.set_defaults(handler=_events)


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
                _print_problems(f"posko: nothing imported from {file}:", error.problems)
                return 1
            await session.commit()
        print(
            f"regions: {counts.added} added, {counts.renamed} renamed, {counts.unchanged} unchanged"
        )
    finally:
        await engine.dispose()
    return 0


SHOWN_PROBLEMS = 50


def _print_problems(heading: str, problems: Sequence[object]) -> None:
    """A refused file's problems on stderr, the first SHOWN_PROBLEMS of them."""
    print(heading, file=sys.stderr)
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(problems) > SHOWN_PROBLEMS:
        print(f"  … and {len(problems) - SHOWN_PROBLEMS} more", file=sys.stderr)


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
                _print_problems(f"posko: nothing loaded from {file}:", error.problems)
                return 1
            await session.commit()
        print(f"boundaries: {counts.added} added, {counts.replaced} replaced")
    finally:
        await engine.dispose()
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
