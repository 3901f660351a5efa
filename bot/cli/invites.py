"""`invite`: an invite link made from the operator's shell."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.logs import redact

if TYPE_CHECKING:
    from bot.cli.common import Commands


def add_invite(sub: Commands) -> None:
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
    invite.set_defaults(
        handler=lambda settings, args: _invite(
            settings, args.role, args.region, args.uses, args.days, args.agency
        )
    )


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
