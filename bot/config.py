"""Settings: read once from the environment (and a `.env` file), validated, then passed down.

Nothing else in the project reads `os.environ`; a missing or malformed value stops the
program with one line naming the variable, never a traceback, and never the token itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.incidents import DEFAULT_ESCALATION_MINUTES, parse_escalation_minutes

OFFICIAL_API_BASE_URL = "https://api.telegram.org"
DEFAULT_DATABASE_URL = "sqlite:///posko.db"
SUPPORTED_LANGUAGES = ("id", "en")
_TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")
_REGION_CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable, never its secret."""


@dataclass(frozen=True)
class Settings:
    """Validated settings. Build with `load_settings`; tests construct it directly."""

    database_url: str
    telegram_bot_token: str | None = None
    telegram_api_base_url: str = OFFICIAL_API_BASE_URL
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Makassar"))
    admin_telegram_ids: frozenset[int] = frozenset()
    admin_region_code: str = "74"
    default_language: str = "id"
    invite_ttl_days: int = 7
    bot_username: str | None = None
    draft_ttl_minutes: int = 120
    correction_window_minutes: int = 60
    reminder_time: str = "16:00"
    export_dir: str = "exports"
    # Whom a stranger should contact (shown when they write to the bot); None: the
    # catalog's default (the regency's Kesbangpol).
    help_contact: str | None = None
    escalation_minutes: Mapping[str, int] = field(
        default_factory=lambda: dict(DEFAULT_ESCALATION_MINUTES)
    )
    # The web server (webhook, /healthz, /readyz, /metrics). `load_settings` always sets
    # a port (WEB_PORT, default 8080); None, for tests built directly, serves nothing
    # unless in webhook mode. 0 takes any free port.
    web_listen: str = "127.0.0.1"
    web_port: int | None = None
    web_base_url: str | None = None  # the public root of the web server, for links
    # The dashboard: how old a Mini App's initData may be, how long a login link and a
    # browser session last, how many login links a person may ask for per hour.
    webapp_auth_max_age_minutes: int = 60
    login_link_minutes: int = 10
    dashboard_session_hours: int = 12
    login_links_per_hour: int = 5

    @property
    def bot_api_url(self) -> str:
        """Prefix PTB puts the token after (`…/bot<token>/<method>`)."""
        return f"{self.telegram_api_base_url}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.telegram_api_base_url}/file/bot"

    def secrets(self) -> list[str]:
        """Values that must never reach a log line or an error message."""
        return [self.telegram_bot_token] if self.telegram_bot_token else []


def normalize_database_url(url: str) -> str:
    """Accept the URLs people write (`sqlite:///x.db`, `postgresql://…`) and pick async drivers."""
    url = url.strip()
    if url.startswith("sqlite:"):
        return "sqlite+aiosqlite:" + url[len("sqlite:") :]
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    if url.startswith(("sqlite+aiosqlite:", "postgresql+asyncpg:")):
        return url
    raise ConfigError(
        "DATABASE_URL must start with sqlite:/// or postgresql:// (got a URL with another scheme)"
    )


def _parse_admin_ids(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in re.split(r"[,\s]+", raw.strip()):
        if not part:
            continue
        if not re.fullmatch(r"\d{1,20}", part):
            raise ConfigError(
                f"ADMIN_TELEGRAM_IDS must be numeric Telegram user ids separated by commas "
                f"(bad entry: {part[:20]!r})"
            )
        ids.add(int(part))
    return frozenset(ids)


def load_settings(env: Mapping[str, str] | None = None, *, require_token: bool = True) -> Settings:
    """Validate the environment into `Settings`; raise `ConfigError` with one clear line."""
    source = os.environ if env is None else env

    def get(name: str, default: str = "") -> str:
        return source.get(name, default).strip()

    token = get("TELEGRAM_BOT_TOKEN") or None
    if token is None and require_token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set (get one from @BotFather; "
            "or run `python -m bot demo`, which needs none)"
        )
    if token is not None and not _TOKEN_PATTERN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed (expected <digits>:<35 characters>)")

    base_url = get("TELEGRAM_API_BASE_URL", OFFICIAL_API_BASE_URL).rstrip("/")
    if not re.match(r"^https?://[^\s/]+", base_url):
        raise ConfigError(
            "TELEGRAM_API_BASE_URL must be an http(s) URL such as https://api.telegram.org"
        )

    tz_name = get("TIMEZONE", "Asia/Makassar")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"TIMEZONE {tz_name[:40]!r} is not a known time zone (e.g. Asia/Makassar)"
        ) from None

    language = get("DEFAULT_LANGUAGE", "id").lower()
    if language not in SUPPORTED_LANGUAGES:
        raise ConfigError(f"DEFAULT_LANGUAGE must be one of {', '.join(SUPPORTED_LANGUAGES)}")

    admin_region = get("ADMIN_REGION_CODE", "74")
    if not _REGION_CODE_PATTERN.match(admin_region):
        raise ConfigError("ADMIN_REGION_CODE must be a Kemendagri code such as 74 or 74.09")

    ttl_raw = get("INVITE_TTL_DAYS", "7")
    if not ttl_raw.isdigit() or not 1 <= int(ttl_raw) <= 90:
        raise ConfigError("INVITE_TTL_DAYS must be a whole number of days from 1 to 90")

    draft_ttl = _minutes(get("DRAFT_TTL_MINUTES", "120"), "DRAFT_TTL_MINUTES", 5, 24 * 60)
    window = _minutes(
        get("CORRECTION_WINDOW_MINUTES", "60"), "CORRECTION_WINDOW_MINUTES", 0, 7 * 24 * 60
    )

    escalation_raw = get("ESCALATION_MINUTES", "kritis=10,tinggi=30,sedang=120")
    try:
        escalation = parse_escalation_minutes(escalation_raw)
    except ValueError as error:
        raise ConfigError(
            f"ESCALATION_MINUTES must look like kritis=10,tinggi=30,sedang=120 (bad: {error})"
        ) from None

    reminder_time = get("REMINDER_TIME", "16:00")
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", reminder_time):
        raise ConfigError("REMINDER_TIME must be a local time HH:MM, e.g. 16:00")

    web_listen, web_port, web_base_url = _web_settings(get)
    webapp_age = _minutes(
        get("WEBAPP_AUTH_MAX_AGE_MINUTES", "60"), "WEBAPP_AUTH_MAX_AGE_MINUTES", 1, 1440
    )
    link_minutes = _minutes(get("LOGIN_LINK_MINUTES", "10"), "LOGIN_LINK_MINUTES", 1, 60)
    session_hours_raw = get("DASHBOARD_SESSION_HOURS", "12")
    if not session_hours_raw.isdigit() or not 1 <= int(session_hours_raw) <= 168:
        raise ConfigError("DASHBOARD_SESSION_HOURS must be a whole number of hours from 1 to 168")

    username = get("TELEGRAM_BOT_USERNAME").lstrip("@") or None
    if username is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}", username):
        raise ConfigError("TELEGRAM_BOT_USERNAME must be the bot's @username without spaces")

    help_contact = " ".join(get("HELP_CONTACT").split()) or None
    if help_contact is not None and (
        len(help_contact) > 300 or not help_contact.isprintable() or "<" in help_contact
    ):
        raise ConfigError(
            "HELP_CONTACT must be one line of at most 300 characters without '<', e.g. "
            "Kesbangpol Konawe Utara, telepon/WA 0812-0000-0000"
        )

    return Settings(
        telegram_bot_token=token,
        telegram_api_base_url=base_url,
        database_url=normalize_database_url(get("DATABASE_URL", DEFAULT_DATABASE_URL)),
        timezone=tz,
        admin_telegram_ids=_parse_admin_ids(get("ADMIN_TELEGRAM_IDS")),
        admin_region_code=admin_region,
        default_language=language,
        invite_ttl_days=int(ttl_raw),
        bot_username=username,
        draft_ttl_minutes=draft_ttl,
        correction_window_minutes=window,
        escalation_minutes=escalation,
        reminder_time=reminder_time,
        export_dir=get("EXPORT_DIR", "exports") or "exports",
        help_contact=help_contact,
        web_listen=web_listen,
        web_port=web_port,
        web_base_url=web_base_url,
        webapp_auth_max_age_minutes=webapp_age,
        login_link_minutes=link_minutes,
        dashboard_session_hours=int(session_hours_raw),
    )


def _web_settings(get: Callable[..., str]) -> tuple[str, int, str | None]:
    # WEBHOOK_LISTEN/WEBHOOK_PORT named the socket before the web server served more than
    # the webhook; they still count when the WEB_ names are not set.
    listen = get("WEB_LISTEN") or get("WEBHOOK_LISTEN") or "127.0.0.1"
    if not re.fullmatch(r"[A-Za-z0-9.:\[\]-]{1,255}", listen):
        raise ConfigError("WEB_LISTEN must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0")
    port = get("WEB_PORT") or get("WEBHOOK_PORT") or "8080"
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ConfigError("WEB_PORT must be a port number from 0 to 65535 (default 8080)")
    base_url = get("WEB_BASE_URL").rstrip("/") or None
    if base_url is not None and not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", base_url):
        raise ConfigError("WEB_BASE_URL must be an http(s) URL such as https://posko.example.id")
    return listen, int(port), base_url


def _minutes(raw: str, name: str, low: int, high: int) -> int:
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ConfigError(f"{name} must be a whole number of minutes from {low} to {high}")
    return int(raw)


WEBHOOK_PATH = "/telegram/webhook"


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # the public HTTPS URL Telegram posts to (ends with WEBHOOK_PATH)
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443


def load_webhook_config(env: Mapping[str, str] | None = None) -> WebhookConfig:
    """Webhook settings, read only in webhook mode; a missing one stops with one line."""
    source = os.environ if env is None else env
    url = source.get("WEBHOOK_URL", "").strip()
    secret = source.get("WEBHOOK_SECRET", "").strip()
    if not url.startswith(("https://", "http://")) or not url.endswith(WEBHOOK_PATH):
        raise ConfigError(f"WEBHOOK_URL must be the public URL ending in {WEBHOOK_PATH}")
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise ConfigError("WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
    port = source.get("WEBHOOK_PORT", "8443").strip()
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ConfigError("WEBHOOK_PORT must be a port number")
    listen = source.get("WEBHOOK_LISTEN", "127.0.0.1").strip() or "127.0.0.1"
    return WebhookConfig(url=url, secret=secret, listen=listen, port=int(port))
