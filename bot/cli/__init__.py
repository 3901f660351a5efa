"""`python -m bot` (also `posko`): run the bot, the demo, and operator tasks.

Each group of commands lives in its own module, which declares its arguments and the
function that carries the command out (`args.handler`): `service` runs the bot and keeps its
database (run, db, backup), `reference` the data people and reports refer to (agencies,
regions, events), `outputs` what is written for readers (digest, export, briefing), and
`invites` the operator's invite links.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import logging
import sys

from dotenv import load_dotenv

from bot.cli import invites, outputs, reference, service
from bot.cli.common import EXIT_ALREADY_RUNNING, EXIT_CONFIG
from bot.config import ConfigError, Settings, load_settings
from bot.logs import configure_logging, redact

__all__ = ["EXIT_ALREADY_RUNNING", "EXIT_CONFIG", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Posko Pemilu")
    parser.add_argument("--env-file", default=".env", help="settings file (default: .env)")
    sub = parser.add_subparsers(dest="command", required=True)
    service.add_run(sub)
    demo = sub.add_parser(
        "demo", help="play a scripted scenario against the built-in Telegram double"
    )
    demo.add_argument("--quiet", action="store_true", help="print only the transcripts")
    demo.add_argument(
        "--serve",
        action="store_true",
        help="keep the demo's world running and print a dashboard login link",
    )
    # In the order `--help` lists them.
    service.add_db(sub)
    reference.add_agencies(sub)
    reference.add_regions(sub)
    outputs.add_digest(sub)
    reference.add_events(sub)
    outputs.add_export(sub)
    outputs.add_briefing(sub)
    service.add_backup(sub)
    invites.add_invite(sub)
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
        outcome = args.handler(settings, args)
        return asyncio.run(outcome) if inspect.iscoroutine(outcome) else int(outcome)
    except ConfigError as error:
        secrets = settings.secrets() if settings else []
        print(f"posko: configuration error: {redact(str(error), secrets)}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130
