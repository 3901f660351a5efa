"""The report and draft services on their own (no Telegram): what the dashboard will call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.policy import Action
from bot.services.drafts import (
    RegionCheck,
    check_region,
    current_draft,
    end_expired_drafts,
    save_draft,
)
from bot.services.reports import (
    ReportFields,
    Withdrawal,
    correctable_report,
    submit_report,
    withdraw,
)
from bot.unit import UnitOfWork
from storage.engine import create_engine, create_session_factory
from storage.models import Person
from tests.conftest import make_settings

NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)
VILLAGE = "74.09.01.1005"


async def test_a_report_is_corrected_inside_the_window_and_withdrawn_only_inside_it(
    database_url: str,
) -> None:
    settings = make_settings(database_url, "http://unused")
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        officer = Person(telegram_id=501, role="officer", region_code=VILLAGE, created_at=NOW)
        session.add(officer)
        await session.flush()
        unit = UnitOfWork(session=session, now=NOW)
        fields = ReportFields(region=VILLAGE, aspect="anggaran", state="ready")
        first = await submit_report(unit, settings, actor=officer, fields=fields)
        assert first.corrected is None

        last = await correctable_report(unit, settings, actor=officer)
        assert last is not None and last.id == first.id
        second = await submit_report(unit, settings, actor=officer, fields=fields, corrects=last.id)
        assert second.corrected == first.id

        late = UnitOfWork(session=session, now=NOW + timedelta(minutes=61))
        assert await correctable_report(late, settings, actor=officer) is None
        assert await withdraw(late, settings, actor=officer, report_id=second.id) == (
            Withdrawal.TOO_LATE
        )
        assert await withdraw(unit, settings, actor=officer, report_id=first.id) == (
            Withdrawal.TOO_LATE  # corrected: no longer active
        )
        assert await withdraw(unit, settings, actor=officer, report_id=999) == (
            Withdrawal.NOT_FOUND
        )
        assert await withdraw(unit, settings, actor=officer, report_id=second.id) == (
            Withdrawal.DONE
        )
    await engine.dispose()


async def test_region_checks_and_expired_drafts(database_url: str) -> None:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        officer = Person(
            telegram_id=502, role="officer", region_code="74.09.01", language="en", created_at=NOW
        )
        session.add(officer)
        await session.flush()
        unit = UnitOfWork(session=session, now=NOW)

        async def check(code: str) -> RegionCheck:
            return await check_region(unit, actor=officer, code=code, action=Action.REPORT)

        assert await check(VILLAGE) is RegionCheck.ALLOWED
        assert await check("74.09.02") is RegionCheck.OUTSIDE  # a neighbouring district
        assert await check("74.09.01.9999") is RegionCheck.UNKNOWN
        assert await check("not a code") is RegionCheck.OUTSIDE

        await save_draft(
            unit,
            chat_id=502,
            user_id=502,
            flow="report",
            step="aspect",
            token="t",
            data={},
            minutes=120,
        )
        assert await end_expired_drafts(unit) == []  # not yet
        later = UnitOfWork(session=session, now=NOW + timedelta(minutes=121))
        [expired] = await end_expired_drafts(later)
        assert (expired.draft.flow, expired.language) == ("report", "en")
        assert await current_draft(later, chat_id=502, user_id=502) is None
    await engine.dispose()
