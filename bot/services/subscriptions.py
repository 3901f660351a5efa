"""Group subscriptions: a group follows an area's daily digest and, if asked, its alerts.

The digest job of a changed subscription is (re)scheduled by the caller, which holds the
job queue: each use case returns the subscriptions it changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.policy import Action, ChatKind, may
from bot.i18n import plain
from bot.services.people import policy_actor
from bot.services.regions import region_label
from bot.unit import UnitOfWork
from storage.incidents import get_subscription, subscriptions_of_chat
from storage.models import Person, Subscription
from storage.people import get_person

# What /berhenti records as the reason a subscription stopped (a group that removed the bot
# and added it back resumes every other paused subscription).
STOPPED_REASON = plain("en", "subscription.stopped")


async def subscribe_group(
    unit: UnitOfWork,
    *,
    actor: Person,
    chat_id: int,
    thread_id: int | None,
    title: str | None,
    region_code: str,
    digest_time: str,
    alerts: bool,
    language: str,
) -> Subscription:
    """Subscribe the group (or its topic), or change its subscription; it is active again.
    The caller has asked the policy (and Telegram, for group admin) first."""
    assert actor.id is not None
    subscription = await get_subscription(unit.session, chat_id=chat_id, thread_id=thread_id)
    if subscription is None:
        subscription = Subscription(
            chat_id=chat_id,
            thread_id=thread_id,
            region_code=region_code,
            created_by_id=actor.id,
            created_at=unit.now,
        )
    subscription.title = title
    subscription.region_code, subscription.digest_time, subscription.alerts = (
        region_code,
        digest_time,
        alerts,
    )
    subscription.digest, subscription.active, subscription.paused_reason = True, True, None
    subscription.language, subscription.created_by_id = language, actor.id
    unit.session.add(subscription)
    await unit.session.flush()
    return subscription


async def stop_group(
    unit: UnitOfWork, *, chat_id: int, thread_id: int | None
) -> Subscription | None:
    """/berhenti: the group's (or topic's) active subscription stops; None when it has none."""
    subscription = await get_subscription(unit.session, chat_id=chat_id, thread_id=thread_id)
    if subscription is None or not subscription.active:
        return None
    subscription.active = False
    subscription.paused_reason = STOPPED_REASON
    unit.session.add(subscription)
    return subscription


@dataclass(frozen=True)
class SubscriberNotice:
    """Tell a subscriber that the bot can no longer reach their group."""

    telegram_id: int
    language: str
    title: str | None


async def pause_chat(unit: UnitOfWork, *, chat_id: int, reason: str) -> list[SubscriberNotice]:
    """The bot was removed from (or blocked in) the chat: its active subscriptions pause
    with `reason`; returns whom to tell (their subscribers still active)."""
    notices = []
    for subscription in await subscriptions_of_chat(unit.session, chat_id=chat_id):
        if not subscription.active:
            continue
        subscription.active, subscription.paused_reason = False, reason
        unit.session.add(subscription)
        owner = await get_person(unit.session, person_id=subscription.created_by_id)
        if owner is not None and owner.active:
            notices.append(SubscriberNotice(owner.telegram_id, owner.language, subscription.title))
    return notices


@dataclass(frozen=True)
class Restored:
    subscription: Subscription
    region: str  # its area's label


async def restore_chat(unit: UnitOfWork, *, chat_id: int) -> list[Restored]:
    """The bot is back in the chat: each subscription paused because the bot could not
    reach it resumes as it was, if its subscriber may still hold it (a subscription
    stopped with /berhenti stays stopped)."""
    restored = []
    for subscription in await subscriptions_of_chat(unit.session, chat_id=chat_id):
        if subscription.active or subscription.paused_reason in (None, STOPPED_REASON):
            continue
        owner = await get_person(unit.session, person_id=subscription.created_by_id)
        if owner is None or not may(
            policy_actor(owner),
            Action.SUBSCRIBE_GROUP,
            chat=ChatKind.GROUP,
            region=subscription.region_code,
        ):
            continue
        subscription.active, subscription.paused_reason = True, None
        unit.session.add(subscription)
        await unit.session.flush()
        restored.append(Restored(subscription, await region_label(unit, subscription.region_code)))
    return restored


async def set_group_language(unit: UnitOfWork, *, chat_id: int, language: str) -> bool:
    """The group's digests, alerts and replies in `language`; False when it has no
    subscription (the language is kept on its subscriptions)."""
    subscriptions = await subscriptions_of_chat(unit.session, chat_id=chat_id)
    for subscription in subscriptions:
        subscription.language = language
        unit.session.add(subscription)
    return bool(subscriptions)
