"""An edited /lapor message: which report, if any, its original stored."""

from __future__ import annotations

from bot.unit import UnitOfWork
from storage.models import Person
from storage.origins import report_from_message


async def report_of_message(
    unit: UnitOfWork, *, person: Person, chat_id: int, message_id: int
) -> int | None:
    """The id of the person's report stored from that message (or an earlier edit of it);
    None when the message stored nothing."""
    if person.id is None:
        return None
    stored = await report_from_message(
        unit.session, person_id=person.id, chat_id=chat_id, message_id=message_id
    )
    return stored.id if stored is not None else None
