"""The draft engine's declarations: what a stored draft reads back, and that every flow is
registered at the one registration site and declares the steps it leads to."""

import ast
import pathlib
from typing import Any

import pytest

from bot.domain.drafts import DraftFields, StepKind
from bot.domain.reports import MAX_PHOTOS
from bot.handlers import incidents, register_flows, reports, support_ask
from bot.handlers.drafts import DraftFlow
from bot.handlers.flows import FLOWS, OUTSIDE_FLOWS

HANDLERS = pathlib.Path(__file__).resolve().parents[2] / "bot" / "handlers"


def test_a_stored_draft_reads_back_only_the_fields_it_knows() -> None:
    stored = {"aspect": "logistik", "photos": ["a"], "retired_field": 1}
    draft = reports.Draft.load(stored)
    assert (draft.aspect, draft.photos) == ("logistik", ["a"])
    draft.photos.append("b")  # a copy: the stored JSON is not changed behind the ORM's back
    assert stored["photos"] == ["a"]
    assert "retired_field" not in draft.dump()


def test_photos_stop_at_the_limit() -> None:
    draft = DraftFields()
    assert all(draft.add_photo(f"p{n}") for n in range(MAX_PHOTOS))
    assert draft.add_photo("one too many") is False
    assert len(draft.photos) == MAX_PHOTOS


def test_flows_are_registered_at_the_registration_site_only() -> None:
    register_flows()
    assert {
        "report",
        "incident",
        "incident_close",
        "line_guess",
        "support_ask",
        "support_rtl",
        "support_note",
    } <= set(FLOWS)
    assert "location" in OUTSIDE_FLOWS
    for path in HANDLERS.glob("*.py"):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            called = node.func if isinstance(node, ast.Call) else None
            name = getattr(called, "id", getattr(called, "attr", None))
            assert name not in ("register_flow", "register_line_kind", "register_outside_flow"), (
                f"{path.name} registers a flow as an import side effect"
            )


@pytest.mark.parametrize(
    "flow", [reports.FLOW, incidents.FLOW, support_ask.FLOW], ids=lambda flow: flow.name
)
def test_every_step_a_flow_leads_to_is_declared(flow: DraftFlow[Any]) -> None:
    steps = flow.steps
    assert set(flow.additions) <= set(steps)
    assert flow.after_region(flow.fields()) in steps
    assert [name for name, step in steps.items() if step.kind is StepKind.SUMMARY] == ["summary"]
    for step in steps.values():
        if step.kind in (StepKind.REGION, StepKind.CHOICE):
            assert step.pick is not None
        if step.kind is StepKind.CHOICE:
            assert step.button and step.typed is not None
        if step.kind is StepKind.TEXT:
            assert step.read is not None


def test_an_old_support_draft_reads_back_without_its_retired_fields() -> None:
    """A /dukungan draft stored by the hand-written flow (with its `locating` flag) still
    loads on the engine, keeping what was answered."""
    stored = {"region": "74.09", "agency": "tni", "need": "perahu", "locating": True}
    draft = support_ask.FLOW.fields.load(stored)
    assert (draft.region, draft.agency, draft.need, draft.deadline) == (
        "74.09",
        "tni",
        "perahu",
        None,
    )
    assert not support_ask.FLOW.ready(draft)  # no deadline yet: ✅ Kirim is not taken
