"""The double's side of Telegram Mini Apps: the URL a Telegram client opens for a person.

Telegram opens a Mini App's URL with the launch parameters in its fragment:
`#tgWebAppData=<initData>&tgWebAppVersion=…&tgWebAppPlatform=…`, where initData is a query
string (`query_id`, `user` as JSON, `auth_date`, `hash`) signed with the bot's token:
secret key = HMAC-SHA256(key "WebAppData", token); hash = hex HMAC-SHA256(secret key, the
other fields as sorted `key=value` lines). `webapp_url` builds exactly that for a SimUser.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from urllib.parse import quote, urlencode

from bot.sandbox.client import SimUser


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """`fields` with Telegram's `hash` added, as initData (a query string)."""
    check = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    signed = dict(fields, hash=hmac.new(secret, check.encode(), hashlib.sha256).hexdigest())
    return urlencode(signed, quote_via=quote)


def init_data_for(user: SimUser, bot_token: str, *, auth_date: float | None = None) -> str:
    """The initData a Telegram client hands a Mini App opened by `user`."""
    api_user = {
        k: v
        for k, v in {
            "id": user.id,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.username,
            "language_code": user.language_code,
            "allows_write_to_pm": True,
        }.items()
        if v is not None
    }
    fields = {
        "query_id": "AA" + secrets.token_urlsafe(12),
        "user": json.dumps(api_user, separators=(",", ":"), ensure_ascii=False),
        "auth_date": str(int(auth_date if auth_date is not None else time.time())),
    }
    return sign_init_data(fields, bot_token)


def webapp_url(
    url: str,
    user: SimUser,
    bot_token: str,
    *,
    auth_date: float | None = None,
    platform: str = "android",
) -> str:
    """`url` as a Telegram client opens it for `user`: `url#tgWebAppData=…`."""
    launch = {
        "tgWebAppData": init_data_for(user, bot_token, auth_date=auth_date),
        "tgWebAppVersion": "8.0",
        "tgWebAppPlatform": platform,
        "tgWebAppThemeParams": json.dumps({"bg_color": "#ffffff"}, separators=(",", ":")),
    }
    return f"{url}#{urlencode(launch, quote_via=quote)}"
