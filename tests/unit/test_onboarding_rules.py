"""Who may invite whom where: the pure rule `create_invite` asks (through the policy)."""

from __future__ import annotations

from bot.domain.onboarding import invite_agency, invite_refusal
from bot.domain.policy import Actor
from bot.domain.types import Role

COORDINATOR = Actor(role="coordinator", region_code="74.09")


def test_invite_refusals_name_what_is_wrong() -> None:
    officer = Actor(role="officer", region_code="74.09")
    assert invite_refusal(officer, role=Role.OFFICER, region_code="74.09") == "invite.not_allowed"
    assert (
        invite_refusal(COORDINATOR, role=Role.ADMIN, region_code="74.09")
        == "invite.role_not_allowed"
    )
    assert (
        invite_refusal(COORDINATOR, role=Role.OFFICER, region_code="74.01")
        == "invite.outside_region"
    )
    assert invite_refusal(COORDINATOR, role=Role.OFFICER, region_code="74.09.01") is None
    gone = Actor(role="admin", region_code="74", active=False)
    assert invite_refusal(gone, role=Role.OFFICER, region_code="74.09") == "invite.not_allowed"


def test_the_operators_shell_invites_anyone_but_an_admin() -> None:
    assert invite_refusal(None, role=Role.COORDINATOR, region_code="73") is None
    assert invite_refusal(None, role=Role.ADMIN, region_code="73") == "invite.role_not_allowed"


def test_an_invite_is_for_the_chosen_agency_else_the_inviters_else_kpu() -> None:
    assert invite_agency("tni", "polri") == "tni"
    assert invite_agency(None, "polri") == "polri"
    assert invite_agency(None, None) == "kpu"
