"""The bot added back to a group it was removed from: the subscription that was paused when
it left comes back as it was (area, digest time, alerts, language, topic), the digest job
with it, and the group is told so. A subscription stopped with /berhenti stays stopped."""

from __future__ import annotations

from babel.dates import format_datetime
from telegram import ChatMemberUpdated

from bot.context import PoskoContext
from bot.digest_schedule import schedule_digest
from bot.domain.regions import is_within
from bot.domain.types import Role
from bot.i18n import plain, t
from storage.incidents import subscriptions_of_chat
from storage.people import get_person
from storage.regions import region_label

GONE = ("left", "kicked")
PRESENT = ("member", "administrator")


def zone_abbreviation(context: PoskoContext) -> str:
    """'WITA' for Asia/Makassar (Indonesian abbreviations are the ones people use)."""
    tz = context.services.settings.timezone
    return format_datetime(context.now, "zzz", tzinfo=tz, locale="id")


async def restore_subscriptions(context: PoskoContext, change: ChatMemberUpdated) -> None:
    """Resume each subscription of the chat that was paused because the bot could not
    reach it, if its subscriber may still hold it."""
    stopped = plain("en", "subscription.stopped")  # what /berhenti records
    restored = False
    for subscription in await subscriptions_of_chat(context.session, chat_id=change.chat.id):
        if subscription.active or subscription.paused_reason in (None, stopped):
            continue
        owner = await get_person(context.session, person_id=subscription.created_by_id)
        if (
            owner is None
            or not owner.active
            or owner.role not in (Role.COORDINATOR, Role.ADMIN)
            or not is_within(subscription.region_code, owner.region_code)
        ):
            continue
        subscription.active, subscription.paused_reason = True, None
        context.session.add(subscription)
        await context.session.flush()
        schedule_digest(context.application.job_queue, subscription, context.services)
        lang = subscription.language
        context.unit.send(
            change.chat.id,
            t(
                lang,
                "subscription.restored",
                region=await region_label(context.session, subscription.region_code),
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
        restored = True
    if restored:
        context.unit.later(context.services.on_subscriptions_changed)
