"""Where an invite is for: a code inside the inviter's area, or a name found there."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.onboarding import InviteRefused
from bot.domain.types import Role
from bot.services.invites import Where, invite_region, issue_invite
from bot.services.onboarding import NewInvite
from bot.unit import UnitOfWork
from storage.engine import create_engine, create_session_factory
from storage.people import add_person

NOW = datetime(2024, 2, 7, 1, 0, tzinfo=UTC)


async def test_the_region_of_an_invite_is_looked_for_inside_the_inviters_area(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        unit = UnitOfWork(session=session, now=NOW)
        koor = await add_person(
            session,
            telegram_id=5550003,
            full_name="Koor",
            username=None,
            role="coordinator",
            region_code="74.09",
            language="id",
            now=NOW,
        )
        assert (await invite_region(unit, actor=koor, query="74.09.01")).code == "74.09.01"
        assert (await invite_region(unit, actor=koor, query="74.01")).where is Where.OUTSIDE
        assert (await invite_region(unit, actor=koor, query="74.09.99")).where is Where.UNKNOWN
        assert (await invite_region(unit, actor=koor, query="Kolaka")).where is Where.UNKNOWN
        found = await invite_region(unit, actor=koor, query="asera")
        assert found.where is Where.AMBIGUOUS and len(found.matches) > 1
        assert all(m.code.startswith("74.09.") for m in found.matches)
        district = await invite_region(unit, actor=koor, query="kecamatan asera")
        assert (district.where, district.code) == (Where.FOUND, "74.09.01")

        issued = await issue_invite(
            unit, actor=koor, role=Role.OFFICER, region_code="74.09.01", ttl_days=7
        )
        assert isinstance(issued, NewInvite) and issued.invite.agency_code == "kpu"
        refused = await issue_invite(
            unit, actor=koor, role=Role.ADMIN, region_code="74.09.01", ttl_days=7
        )
        assert isinstance(refused, InviteRefused) and refused.reason == "invite.role_not_allowed"
    await engine.dispose()
