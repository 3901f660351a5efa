"""The one module of callback data: unique prefixes, and the 64-byte limit where data is built."""

import re

import pytest

from bot import callbacks
from bot.callbacks import ALL_KINDS, CallbackDataError, CallbackKind


def test_every_kind_has_its_own_prefix() -> None:
    prefixes = [kind.prefix for kind in ALL_KINDS]
    assert len(prefixes) == len(set(prefixes)) == 17


def test_data_is_built_and_parsed_back() -> None:
    data = callbacks.REPORT_FLOW.data("tok123", "a", "logistik")
    assert data == "rep1:tok123:a:logistik"
    assert callbacks.REPORT_FLOW.parse(data) == ("tok123", "a", "logistik")
    assert callbacks.REPORT_FLOW.parse(data, count=2) is None  # a stale shape
    assert callbacks.INCIDENT_FLOW.parse(data) is None  # another kind's data


@pytest.mark.parametrize("field", ["a:b", "x@1", ""])
def test_a_field_that_would_be_misread_is_refused(field: str) -> None:
    with pytest.raises(CallbackDataError):
        callbacks.SUPPORT_ACTION.data(field)


def test_the_limit_leaves_room_for_a_personal_buttons_owner_mark() -> None:
    shared = CallbackKind("x1", "x1:<text>")
    personal = CallbackKind("y1", "y1:<text>", personal=True)
    assert len(shared.data("a" * 61)) == 64
    with pytest.raises(CallbackDataError):
        shared.data("a" * 62)
    owned = personal.data("a" * 40) + "@" + "9" * 20  # the longest owner mark
    assert len(owned.encode()) == 64
    with pytest.raises(CallbackDataError):
        personal.data("a" * 41)


def test_the_pattern_matches_only_its_own_prefix() -> None:
    pattern = callbacks.INCIDENT_ALERT.pattern
    assert re.match(pattern, "inc1:7:a") and re.match(pattern, "inc1")
    assert not re.match(pattern, "incm1:7")
