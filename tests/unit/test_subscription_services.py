"""Group subscriptions as use cases: stopping is not pausing, and a paused subscription
comes back only while its subscriber may still hold it (the policy decides)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.subscriptions import pause_chat, restore_chat, stop_group, subscribe_group
from bot.unit import UnitOfWork
from storage.engine import create_engine, create_session_factory
from storage.models import Person
from storage.people import add_person

NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)
GROUP = -100500


async def _coordinator(unit: UnitOfWork, telegram_id: int, region: str) -> Person:
    return await add_person(
        unit.session,
        telegram_id=telegram_id,
        full_name="Koor",
        username=None,
        role="coordinator",
        region_code=region,
        language="id",
        now=NOW,
    )


async def test_a_stopped_subscription_stays_stopped_a_paused_one_returns(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        unit = UnitOfWork(session=session, now=NOW)
        koor = await _coordinator(unit, 5550001, "74.09")
        for thread in (None, 7):
            await subscribe_group(
                unit,
                actor=koor,
                chat_id=GROUP,
                thread_id=thread,
                title="Posko",
                region_code="74.09.01",
                digest_time="07:00",
                alerts=True,
                language="id",
            )
        stopped = await stop_group(unit, chat_id=GROUP, thread_id=7)
        assert stopped is not None and not stopped.active
        assert await stop_group(unit, chat_id=GROUP, thread_id=7) is None  # already stopped

        notices = await pause_chat(unit, chat_id=GROUP, reason="kicked")
        assert [(n.telegram_id, n.title) for n in notices] == [(5550001, "Posko")]

        restored = await restore_chat(unit, chat_id=GROUP)
        assert [(r.subscription.thread_id, r.subscription.active) for r in restored] == [
            (None, True)
        ]
        assert restored[0].region != "74.09.01"  # the area's name, not its code
    await engine.dispose()


async def test_a_subscription_does_not_return_for_a_subscriber_who_may_no_longer_hold_it(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        unit = UnitOfWork(session=session, now=NOW)
        koor = await _coordinator(unit, 5550002, "74.09")
        await subscribe_group(
            unit,
            actor=koor,
            chat_id=GROUP,
            thread_id=None,
            title=None,
            region_code="74.09",
            digest_time="07:00",
            alerts=False,
            language="id",
        )
        await pause_chat(unit, chat_id=GROUP, reason="left")
        koor.region_code = "74.09.01"  # moved below the subscribed area
        session.add(koor)
        assert await restore_chat(unit, chat_id=GROUP) == []
        koor.region_code, koor.role = "74.09", "officer"
        session.add(koor)
        assert await restore_chat(unit, chat_id=GROUP) == []
        koor.role = "coordinator"
        session.add(koor)
        assert len(await restore_chat(unit, chat_id=GROUP)) == 1
    await engine.dispose()
