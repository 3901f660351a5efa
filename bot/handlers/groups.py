"""/langganan and /berhenti: a group follows an area's daily digest and, if asked, its
incident alerts. Only someone who is both an admin of the group and a Posko coordinator
or admin may change that, and only for an area inside their own region."""

from __future__ import annotations

import re

from telegram import Update
from telegram.error import TelegramError

from bot.context import PoskoContext
from bot.digest_schedule import schedule_digest
from bot.domain.policy import Action
from bot.domain.regions import level_of
from bot.domain.text import clean
from bot.handlers.common import policy_decision, reply
from bot.handlers.region_access import allowed_region
from bot.i18n import t, zone_name
from bot.services.regions import region_label
from bot.services.subscriptions import stop_group, subscribe_group

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
ALERT_WORDS = {"insiden", "alert", "alerts", "peringatan", "+insiden"}


def _thread_of(update: Update) -> int | None:
    message = update.effective_message
    return message.message_thread_id if message is not None and message.is_topic_message else None


async def may_manage_group(
    update: Update,
    context: PoskoContext,
    *,
    tell: bool = True,
    refusal: str = "subscription.not_admin",
) -> bool:
    """A group admin (Telegram) who is a coordinator or admin (Posko). With `tell`, a
    refusal (catalog entry `refusal`) is posted in the group (for commands; a button press
    gets a toast instead)."""
    chat, user, actor = update.effective_chat, update.effective_user, context.actor
    if chat is None or user is None:
        return False
    if not policy_decision(update, actor, Action.SUBSCRIBE_GROUP):
        if tell:
            reply(update, context, t(context.lang, refusal))
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        member = None
    if member is None or member.status not in ("creator", "administrator"):
        if tell:
            reply(update, context, t(context.lang, refusal))
        return False
    return True


async def subscribe(update: Update, context: PoskoContext) -> None:
    """/langganan [kode wilayah] [JJ:MM] [insiden]"""
    chat = update.effective_chat
    if chat is None or chat.type == "private":
        reply(update, context, t(context.lang, "group_only"))
        return
    if not await may_manage_group(update, context):
        return
    actor = context.actor
    assert actor is not None and actor.id is not None
    lang = context.lang
    region, digest_time, alerts = actor.region_code, "07:00", False
    for word in context.args or []:
        if level_of(word) is not None:
            region = word
        elif match := _TIME.match(word):
            digest_time = f"{int(match.group(1)):02d}:{match.group(2)}"
        elif word.lower() in ALERT_WORDS:
            alerts = True
        elif re.match(r"^\d{1,2}[:.]\d{1,2}$", word):
            reply(update, context, t(lang, "subscription.bad_time", value=word))
            return
    if not await allowed_region(
        update,
        context,
        actor,
        region,
        outside_key="subscription.outside_region",
        action=Action.SUBSCRIBE_GROUP,
    ):
        return
    subscription = await subscribe_group(
        context.unit,
        actor=actor,
        chat_id=chat.id,
        thread_id=_thread_of(update),
        title=clean(chat.title or "")[:200] or None,
        region_code=region,
        digest_time=digest_time,
        alerts=alerts,
        language=lang,
    )
    schedule_digest(context.application.job_queue, subscription, context.services)
    zone = zone_name(context.services.settings.timezone, context.now)
    reply(
        update,
        context,
        t(
            lang,
            "subscription.done",
            region=await region_label(context.unit, region),
            time=digest_time,
            zone=zone,
            alerts=t(lang, "subscription.alerts_on" if alerts else "subscription.alerts_off"),
        ),
    )
    context.unit.later(context.services.on_subscriptions_changed)


async def unsubscribe(update: Update, context: PoskoContext) -> None:
    """/berhenti: stop this group's (or topic's) subscription."""
    chat = update.effective_chat
    if chat is None or chat.type == "private":
        reply(update, context, t(context.lang, "subscription.stop_group_only"))
        return
    if not await may_manage_group(update, context):
        return
    subscription = await stop_group(context.unit, chat_id=chat.id, thread_id=_thread_of(update))
    if subscription is None:
        reply(update, context, t(context.lang, "subscription.none"))
        return
    schedule_digest(context.application.job_queue, subscription, context.services)
    reply(update, context, t(context.lang, "subscription.stopped"))
    context.unit.later(context.services.on_subscriptions_changed)
