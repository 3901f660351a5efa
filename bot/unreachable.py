"""Word about a recipient the bot cannot reach (blocked it, left, the chat is gone): the
people who can do something about it are told, once a day; a group's subscriptions pause.

No Telegram here: everything is written to the outbox inside the caller's unit of work.
"""

from __future__ import annotations

from bot.domain.regions import parent_of
from bot.domain.types import Role
from bot.i18n import t
from bot.render import person_label
from bot.unit import PRIORITY_ALERT, Services, UnitOfWork
from storage.incidents import claim_notice, coordinators_above, subscriptions_of_chat
from storage.people import get_person, get_person_by_telegram_id
from storage.regions import region_label


async def report_unreachable(
    services: Services, unit: UnitOfWork, chat_id: int, reason: str
) -> None:
    """A recipient cannot be reached (blocked the bot, left, chat gone): tell the people who
    can do something about it, once a day; pause a group's subscriptions."""
    settings = services.settings
    day = unit.now.astimezone(settings.timezone).date().isoformat()
    if not await claim_notice(unit.session, key=f"unreachable:{chat_id}:{day}", now=unit.now):
        return
    if chat_id < 0:
        for subscription in await subscriptions_of_chat(unit.session, chat_id=chat_id):
            if not subscription.active:
                continue
            subscription.active, subscription.paused_reason = False, reason[:200]
            unit.session.add(subscription)
            owner = await get_person(unit.session, person_id=subscription.created_by_id)
            if owner is not None and owner.active:
                unit.send(
                    owner.telegram_id,
                    t(
                        owner.language,
                        "subscription.paused",
                        title=subscription.title or str(chat_id),
                    ),
                    priority=PRIORITY_ALERT,
                )
        return
    person = await get_person_by_telegram_id(unit.session, telegram_id=chat_id)
    if person is None or not person.active:
        return
    above = parent_of(person.region_code) if person.role != Role.OFFICER else person.region_code
    for coordinator in await coordinators_above(
        unit.session, region_code=above or person.region_code
    ):
        if coordinator.telegram_id == chat_id:
            continue
        unit.send(
            coordinator.telegram_id,
            t(
                coordinator.language,
                "unreachable.person",
                who=person_label(person, coordinator.language),
                region=await region_label(unit.session, person.region_code),
            ),
            priority=PRIORITY_ALERT,
        )
