"""The bot added back to a group it was removed from: the subscription that was paused when
it left comes back as it was (area, digest time, alerts, language, topic), the digest job
with it, and the group is told so. A subscription stopped with /berhenti stays stopped."""

from __future__ import annotations

from babel.dates import format_datetime
from telegram import ChatMemberUpdated

from bot.context import PoskoContext
from bot.digest_schedule import schedule_digest
from bot.i18n import t
from bot.services.subscriptions import restore_chat

GONE = ("left", "kicked")
PRESENT = ("member", "administrator")


def zone_abbreviation(context: PoskoContext) -> str:
    """'WITA' for Asia/Makassar (Indonesian abbreviations are the ones people use)."""
    tz = context.services.settings.timezone
    return format_datetime(context.now, "zzz", tzinfo=tz, locale="id")


async def restore_subscriptions(context: PoskoContext, change: ChatMemberUpdated) -> None:
    """Resume each subscription of the chat that was paused because the bot could not
    reach it, if its subscriber may still hold it; its digest job with it."""
    restored = await restore_chat(context.unit, chat_id=change.chat.id)
    for item in restored:
        subscription = item.subscription
        schedule_digest(context.application.job_queue, subscription, context.services)
        lang = subscription.language
        context.unit.send(
            change.chat.id,
            t(
                lang,
                "subscription.restored",
                region=item.region,
                time=subscription.digest_time,
                zone=zone_abbreviation(context),
                alerts=t(
                    lang,
                    "subscription.restored.alerts_on"
                    if subscription.alerts
                    else "subscription.restored.alerts_off",
                ),
            ),
            thread_id=subscription.thread_id,
        )
    if restored:
        context.unit.later(context.services.on_subscriptions_changed)
