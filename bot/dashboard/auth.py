"""Signing in to the dashboard without passwords, and staying signed in.

- A Telegram Mini App sends its `initData`; `validate_init_data` checks it as Telegram
  specifies (secret key = HMAC-SHA256(key "WebAppData", bot token); hash = hex HMAC-SHA256
  (secret key, the data-check string: every other field as `key=value`, sorted, joined by
  newlines)) and that `auth_date` is not older than WEBAPP_AUTH_MAX_AGE_MINUTES.
- `/dasbor` gives a one-time login link (random, stored hashed, LOGIN_LINK_MINUTES, single
  use, at most `login_links_per_hour` per person); `/dasbor layar` a read-only screen that
  lasts until `/dasbor tutup`, which ends all of a person's sessions.
- A session is a random token in an HttpOnly, SameSite=Strict cookie (Secure over https),
  stored hashed; each has its own CSRF token that every action must carry. A session of a
  person whose access ended is refused on the next request.

No telegram import: the chat's /dasbor handler and the web views both call these.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.policy import Action
from bot.services.dashboard import decide_web
from storage.models import Person, WebSession
from storage.people import get_person, get_person_by_telegram_id
from storage.web_sessions import (
    LINK,
    SCREEN,
    SCREEN_LINK,
    SESSION,
    add_web_session,
    claim_link,
    get_by_hash,
    links_since,
    revoke_all,
)

COOKIE = "posko_session"
CSRF_HEADER = "X-CSRF-Token"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


# --- Telegram Mini App initData -------------------------------------------------------------


class InitDataError(Exception):
    """initData cannot be trusted; the message says why (for the log, not the person)."""


@dataclass(frozen=True)
class WebAppUser:
    telegram_id: int
    first_name: str
    language_code: str | None
    auth_date: datetime


def init_data_hash(fields: dict[str, str], bot_token: str) -> str:
    """The hash Telegram puts in initData for these fields (all but `hash`)."""
    check = "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    return hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()


def validate_init_data(
    init_data: str, *, bot_token: str, now: datetime, max_age: timedelta
) -> WebAppUser:
    """The Telegram user of a Mini App's initData, or InitDataError."""
    if not init_data or len(init_data) > 4096:
        raise InitDataError("empty or too long")
    pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=False)
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise InitDataError("a field repeats")
    given = fields.get("hash", "")
    if not given or not hmac.compare_digest(given, init_data_hash(fields, bot_token)):
        raise InitDataError("bad hash")
    try:
        auth_date = datetime.fromtimestamp(int(fields.get("auth_date", "")), tz=now.tzinfo)
    except ValueError:
        raise InitDataError("no auth_date") from None
    if auth_date < now - max_age:
        raise InitDataError("too old")
    if auth_date > now + timedelta(minutes=5):
        raise InitDataError("from the future")
    try:
        user = json.loads(fields.get("user", ""))
        telegram_id = int(user["id"])
    except (ValueError, KeyError, TypeError):
        raise InitDataError("no user") from None
    return WebAppUser(
        telegram_id=telegram_id,
        first_name=str(user.get("first_name", ""))[:100],
        language_code=user.get("language_code") if isinstance(user, dict) else None,
        auth_date=auth_date,
    )


# --- sessions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    """A new token (to put in a cookie or a link: it is stored only hashed)."""

    token: str
    row: WebSession


@dataclass(frozen=True)
class Signed:
    """The person a request is signed in as, and how."""

    person: Person
    session: WebSession

    @property
    def read_only(self) -> bool:
        return self.session.kind == SCREEN


async def _issue(
    session: AsyncSession, *, person: Person, kind: str, now: datetime, lifetime: timedelta | None
) -> Issued:
    assert person.id is not None
    token = new_token()
    row = await add_web_session(
        session,
        token_hash=hash_token(token),
        person_id=person.id,
        kind=kind,
        csrf=secrets.token_urlsafe(24),
        now=now,
        expires_at=now + lifetime if lifetime is not None else None,
    )
    return Issued(token, row)


def may_open(person: Person | None) -> bool:
    return bool(decide_web(person, Action.OPEN_DASHBOARD))


async def issue_link(
    session: AsyncSession,
    *,
    person: Person,
    settings: Settings,
    now: datetime,
    screen: bool = False,
) -> Issued | None:
    """A one-time login link's token (for a wall screen: one that starts a read-only
    session lasting until revoked); None when the person asked too often this hour."""
    assert person.id is not None
    recent = await links_since(session, person_id=person.id, since=now - timedelta(hours=1))
    if recent >= settings.login_links_per_hour:
        return None
    return await _issue(
        session,
        person=person,
        kind=SCREEN_LINK if screen else LINK,
        now=now,
        lifetime=timedelta(minutes=settings.login_link_minutes),
    )


async def start_session(
    session: AsyncSession, *, person: Person, settings: Settings, now: datetime, screen: bool
) -> Issued:
    if screen:
        return await _issue(session, person=person, kind=SCREEN, now=now, lifetime=None)
    return await _issue(
        session,
        person=person,
        kind=SESSION,
        now=now,
        lifetime=timedelta(hours=settings.dashboard_session_hours),
    )


async def use_link(
    session: AsyncSession, *, token: str, settings: Settings, now: datetime
) -> Issued | None:
    """Trade a login link for a session (once); None when it is unknown, used, expired or
    revoked, or its person may no longer open the dashboard."""
    row = await get_by_hash(session, token_hash=hash_token(token))
    if row is None or row.kind not in (LINK, SCREEN_LINK) or row.revoked_at is not None:
        return None
    if row.used_at is not None or (row.expires_at is not None and row.expires_at <= now):
        return None
    person = await get_person(session, person_id=row.person_id)
    if not may_open(person) or person is None:
        return None
    assert row.id is not None
    if not await claim_link(session, link_id=row.id, now=now):
        return None
    return await start_session(
        session, person=person, settings=settings, now=now, screen=row.kind == SCREEN_LINK
    )


async def sign_in_webapp(
    session: AsyncSession, *, init_data: str, settings: Settings, now: datetime
) -> Issued | None:
    """A session for a Mini App's initData; None when it is not valid or its user is not
    someone who may open the dashboard."""
    assert settings.telegram_bot_token is not None
    try:
        user = validate_init_data(
            init_data,
            bot_token=settings.telegram_bot_token,
            now=now,
            max_age=timedelta(minutes=settings.webapp_auth_max_age_minutes),
        )
    except InitDataError:
        return None
    person = await get_person_by_telegram_id(session, telegram_id=user.telegram_id)
    if person is None or not may_open(person):
        return None
    return await start_session(session, person=person, settings=settings, now=now, screen=False)


async def authenticate(session: AsyncSession, *, token: str | None, now: datetime) -> Signed | None:
    """Who a session cookie belongs to, if it is still good and they may still open the
    dashboard (a deactivated person's sessions end at once)."""
    if not token or len(token) > 100:
        return None
    row = await get_by_hash(session, token_hash=hash_token(token))
    if row is None or row.kind not in (SESSION, SCREEN) or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= now:
        return None
    person = await get_person(session, person_id=row.person_id)
    if person is None or not may_open(person):
        return None
    return Signed(person, row)


def csrf_ok(signed: Signed, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(signed.session.csrf, given or "")


async def end_sessions(session: AsyncSession, *, person: Person, now: datetime) -> int:
    """`/dasbor tutup`: every session, screen and unused link of the person ends now."""
    assert person.id is not None
    return await revoke_all(session, person_id=person.id, now=now)
