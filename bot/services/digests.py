"""The digest on demand (/ringkasan), reminders (/ingatkan) and the elections the digests
count down to (/acara)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.config import Settings
from bot.digests import ReminderCount, digest_messages, remind_officers
from bot.domain.policy import Action, ChatKind, may
from bot.i18n import Html
from bot.services.people import policy_actor
from bot.services.regions import region_label
from bot.unit import UnitOfWork
from storage import elections as stored
from storage.incidents import get_subscription
from storage.models import Election, Person


@dataclass(frozen=True)
class DigestArea:
    region_code: str
    language: str | None  # the group's, when the digest is its subscribed area's


async def summary_area(
    unit: UnitOfWork, *, actor: Person, group_chat_id: int | None, thread_id: int | None
) -> DigestArea:
    """/ringkasan without a region: in a subscribed group, its area (in its language) when
    the person may read it; otherwise the person's own area."""
    if group_chat_id is not None:
        subscription = await get_subscription(
            unit.session, chat_id=group_chat_id, thread_id=thread_id
        )
        if subscription is not None and may(
            policy_actor(actor),
            Action.VIEW_DIGEST,
            chat=ChatKind.GROUP,
            region=subscription.region_code,
        ):
            return DigestArea(subscription.region_code, subscription.language)
    return DigestArea(actor.region_code, None)


async def digest_now(
    unit: UnitOfWork, *, region_code: str, lang: str, settings: Settings
) -> list[Html]:
    """The digest of `region_code` as of now, in message-sized parts."""
    return await digest_messages(
        unit.session, region_code=region_code, now=unit.now, lang=lang, settings=settings
    )


async def remind(unit: UnitOfWork, *, actor: Person, settings: Settings) -> ReminderCount:
    """Remind the officers of the actor's area who have not reported today (the caller has
    asked the policy)."""
    return await remind_officers(unit, settings, root=actor.region_code)


@dataclass(frozen=True)
class ElectionItem:
    id: int
    name: str
    kind: str
    voting_day: date
    scope: str | None  # the label of its region; None: the whole country


async def _item(unit: UnitOfWork, election: Election) -> ElectionItem:
    assert election.id is not None
    scope = await region_label(unit, election.region_code) if election.region_code else None
    return ElectionItem(
        election.id,
        election.name,
        election.kind,
        date.fromisoformat(election.voting_date),
        scope,
    )


async def elections(unit: UnitOfWork) -> list[ElectionItem]:
    """The active elections, in the order of their voting days."""
    return [await _item(unit, election) for election in await stored.active_elections(unit.session)]


async def add_election(
    unit: UnitOfWork,
    *,
    actor: Person,
    name: str,
    kind: str,
    voting_day: date,
    region_code: str | None,
) -> ElectionItem:
    """Add an election (the caller has asked the policy for the actor and the region)."""
    election = await stored.add_election(
        unit.session,
        election=Election(
            name=name,
            kind=kind,
            voting_date=voting_day.isoformat(),
            region_code=region_code,
            created_by_id=actor.id,
            created_at=unit.now,
        ),
    )
    return await _item(unit, election)


async def remove_election(unit: UnitOfWork, *, election_id: int) -> bool:
    """False when no active election has that number."""
    election = await stored.get_election(unit.session, election_id=election_id)
    if election is None or not election.active:
        return False
    election.active = False
    unit.session.add(election)
    return True
