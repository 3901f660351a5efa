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
from typing import Any
from urllib.parse import quote, urlencode

from bot.sandbox import server
from bot.sandbox.client import SimUser
from bot.sandbox.model import bad
from bot.sandbox.server import TelegramDouble


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


# --- the menu button -----------------------------------------------------------------------
# The double's server (bot/sandbox/server.py) does not know setChatMenuButton; this module
# teaches it, so that the double's file stays as it is while it is being split. Fold this
# into the server when the split has landed.


def _set_chat_menu_button(self: TelegramDouble, params: Any) -> bool:
    chat_id = params.get_int("chat_id")
    button = params.get_json("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("default", "commands", "web_app"):
        raise bad("menu button type is invalid")
    if button["type"] == "web_app":
        url = (button.get("web_app") or {}).get("url", "")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise bad("WEB_APP_URL_INVALID: Mini Apps must use https")
        if not str(button.get("text", "")).strip():
            raise bad("menu button text is empty")
    if chat_id is not None and chat_id not in self.chats:
        raise bad("chat not found")
    menu_buttons(self)[chat_id] = button
    return True


def menu_buttons(double: TelegramDouble) -> dict[int | None, dict[str, Any]]:
    """The menu button set for each private chat (None: the default for all)."""
    found: dict[int | None, dict[str, Any]] | None = getattr(double, "_menu_buttons", None)
    if found is None:
        found = {}
        double._menu_buttons = found  # type: ignore[attr-defined]
    return found


def support_menu_buttons() -> None:
    """Let the double answer setChatMenuButton (idempotent)."""
    server._CANONICAL["setchatmenubutton"] = "setChatMenuButton"
    TelegramDouble._api_setChatMenuButton = _set_chat_menu_button  # type: ignore[attr-defined]


support_menu_buttons()
