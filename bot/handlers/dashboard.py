"""/dasbor (/dashboard): the way into the live dashboard from a private chat.

- `/dasbor`: the Mini App button (when WEB_BASE_URL is https) and a one-time login link
  for any browser;
- `/dasbor layar` (`screen`): a link for a meeting-room screen, read-only, that lasts
  until revoked;
- `/dasbor tutup` (`close`): every dashboard session of the person ends now.

Thin: parse → bot.dashboard.auth → reply. The links themselves are stored only hashed.
"""

from __future__ import annotations

from telegram import Update

from bot.context import PoskoContext
from bot.dashboard.auth import end_sessions, issue_link
from bot.dashboard.render import BASE
from bot.domain.policy import Action
from bot.handlers.common import (
    menu_button_call,
    mini_app_url,
    policy_decision,
    private_actor,
    reply,
)
from bot.i18n import Html, plain, t
from bot.services.dashboard import region_title
from bot.ui import Button, Keyboard

SCREEN_WORDS = ("layar", "screen")
CLOSE_WORDS = ("tutup", "close")


async def dashboard_command(update: Update, context: PoskoContext) -> None:
    """/dasbor [layar|tutup]."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    if not policy_decision(update, actor, Action.OPEN_DASHBOARD):
        reply(update, context, t(lang, "dashboard.refused.other"))
        return
    settings = context.services.settings
    word = " ".join(context.args or []).strip().lower()
    if word in CLOSE_WORDS:
        count = await end_sessions(context.session, person=actor, now=context.now)
        key = "dashboard.cmd.closed" if count else "dashboard.cmd.closed_none"
        reply(update, context, t(lang, key, count=count))
        return
    if word and word not in SCREEN_WORDS:
        reply(update, context, t(lang, "dashboard.cmd.usage", text=word[:40]))
        return
    if not settings.web_base_url:
        reply(update, context, t(lang, "dashboard.cmd.no_server"))
        return
    screen = word in SCREEN_WORDS
    issued = await issue_link(
        context.session, person=actor, settings=settings, now=context.now, screen=screen
    )
    if issued is None:
        reply(
            update, context, t(lang, "dashboard.cmd.too_many", count=settings.login_links_per_hour)
        )
        return
    link = f"{settings.web_base_url}{BASE}/masuk?t={issued.token}"
    region = await region_title(context.session, actor.region_code)
    lines = [
        t(lang, "dashboard.cmd.offer", region=region),
        t(
            lang,
            "dashboard.cmd.screen" if screen else "dashboard.cmd.link",
            minutes=settings.login_link_minutes,
            url=link,
        ),
    ]
    buttons: Keyboard = []
    app_url = mini_app_url(settings.web_base_url)
    if app_url is not None and not screen:
        buttons.append([Button(plain(lang, "dashboard.button.open"), web_app=app_url)])
        menu_button_call(context, actor)
    reply(update, context, Html("\n\n".join(lines)), buttons=buttons or None)
