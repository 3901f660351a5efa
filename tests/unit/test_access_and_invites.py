from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.access import may_invite
from bot.domain.invites import InviteProblem, hash_code, invite_problem, looks_like_code, new_code
from bot.domain.types import Role

NOW = datetime(2024, 2, 7, tzinfo=UTC)


def test_who_may_invite_whom_where() -> None:
    assert may_invite(
        actor_role=Role.ADMIN, actor_region="74", role=Role.COORDINATOR, region="74.09"
    )
    assert may_invite(
        actor_role=Role.COORDINATOR, actor_region="74.09", role=Role.OFFICER, region="74.09.01"
    )
    assert may_invite(
        actor_role=Role.COORDINATOR, actor_region="74.09", role=Role.COORDINATOR, region="74.09"
    )
    assert not may_invite(
        actor_role=Role.COORDINATOR, actor_region="74.09.01", role=Role.OFFICER, region="74.09"
    )
    assert not may_invite(
        actor_role=Role.COORDINATOR, actor_region="74.09", role=Role.OFFICER, region="74.01.01"
    )
    assert not may_invite(
        actor_role=Role.COORDINATOR, actor_region="74.09", role=Role.ADMIN, region="74.09"
    )
    assert not may_invite(
        actor_role=Role.OFFICER, actor_region="74.09", role=Role.OFFICER, region="74.09"
    )


def test_codes_are_random_url_safe_and_hashed() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(looks_like_code(c) and len(c) <= 64 for c in codes)
    code = codes.pop()
    assert hash_code(code) != code and len(hash_code(code)) == 64
    assert not looks_like_code("<script>") and not looks_like_code("short")


def test_invite_problems_in_order_of_precedence() -> None:
    later = NOW + timedelta(days=7)
    assert (
        invite_problem(expires_at=later, use_count=0, max_uses=1, revoked_at=None, now=NOW) is None
    )
    assert (
        invite_problem(expires_at=later, use_count=1, max_uses=1, revoked_at=None, now=NOW)
        == InviteProblem.USED
    )
    assert (
        invite_problem(expires_at=NOW, use_count=0, max_uses=1, revoked_at=None, now=NOW)
        == InviteProblem.EXPIRED
    )
    assert (
        invite_problem(expires_at=later, use_count=0, max_uses=1, revoked_at=NOW, now=NOW)
        == InviteProblem.REVOKED
    )
