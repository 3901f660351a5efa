"""The one access policy: the rules that hold for every action, and a few table cells."""

from __future__ import annotations

import pytest

from bot.domain.policy import (
    POLICY,
    Action,
    Actor,
    ChatKind,
    Refusal,
    chat_kind,
    decide,
    may,
    policy_table,
)

OFFICER = Actor(role="officer", region_code="74.09.01")
COORDINATOR = Actor(role="coordinator", region_code="74.09", agency_code="tni")
ADMIN = Actor(role="admin", region_code="74")


def test_every_action_has_a_rule() -> None:
    assert set(POLICY) == set(Action)
    assert {row[0] for row in policy_table()} == {a.value for a in Action}


@pytest.mark.parametrize("action", list(Action))
def test_nobody_and_the_deactivated_may_do_nothing(action: Action) -> None:
    for chat in ChatKind:
        assert decide(None, action, chat=chat).refusal is Refusal.NOT_REGISTERED
        gone = Actor(role="admin", region_code="74", active=False)
        assert decide(gone, action, chat=chat).refusal is Refusal.INACTIVE


@pytest.mark.parametrize("action", list(Action))
def test_nobody_acts_outside_their_area(action: Action) -> None:
    for actor in (OFFICER, COORDINATOR, ADMIN):
        for chat in POLICY[action].chats:
            if actor.role not in {r.value for r in POLICY[action].roles}:
                continue
            assert decide(actor, action, chat=chat, region="73.01").refusal is Refusal.REGION
            assert may(actor, action, chat=chat, region=actor.region_code + ".01")


def test_personal_data_and_files_never_go_to_a_group() -> None:
    for action in (Action.EXPORT, Action.VIEW_OWN_DATA, Action.VIEW_INVITATIONS, Action.INVITE):
        assert decide(ADMIN, action, chat=ChatKind.GROUP).refusal is Refusal.CHAT
        assert may(ADMIN, action, chat=ChatKind.PRIVATE)


def test_roles() -> None:
    assert decide(OFFICER, Action.HANDLE_INCIDENT, chat=ChatKind.PRIVATE).refusal is Refusal.ROLE
    assert may(COORDINATOR, Action.HANDLE_INCIDENT, chat=ChatKind.GROUP, region="74.09.01")
    assert not may(COORDINATOR, Action.MANAGE_ELECTIONS, chat=ChatKind.PRIVATE)
    assert may(ADMIN, Action.MANAGE_ELECTIONS, chat=ChatKind.PRIVATE, region="74.09")
    # /acara works in a group too (the README's "Which chat"): elections are no one's data.
    assert may(ADMIN, Action.MANAGE_ELECTIONS, chat=ChatKind.GROUP)
    assert decide(COORDINATOR, Action.MANAGE_ELECTIONS, chat=ChatKind.GROUP).refusal is Refusal.ROLE


def test_support_requests_are_handled_by_the_target_agency_only() -> None:
    polri = Actor(role="coordinator", region_code="74.09", agency_code="polri")
    assert may(COORDINATOR, Action.HANDLE_SUPPORT, chat=ChatKind.PRIVATE, agency="tni")
    refused = decide(polri, Action.HANDLE_SUPPORT, chat=ChatKind.PRIVATE, agency="tni")
    assert refused.refusal is Refusal.AGENCY
    assert may(ADMIN, Action.HANDLE_SUPPORT, chat=ChatKind.PRIVATE, agency="tni")
    # Anyone registered may ask any agency for help inside their area.
    assert may(OFFICER, Action.REQUEST_SUPPORT, chat=ChatKind.PRIVATE, agency="tni")


def test_chat_kinds() -> None:
    assert chat_kind("private") is ChatKind.PRIVATE
    for kind in ("group", "supergroup", "channel", None):
        assert chat_kind(kind) is ChatKind.GROUP
