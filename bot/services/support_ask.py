"""The guided /dukungan: a small durable draft (the `conversation` table) that asks, in
order, the agency, what is needed and by when, then sends it after ✅ Kirim; a location
(📍, optional) may be added before sending. It may start prefilled from a 🔴/🟡 report or
an incident alert (whose location it inherits)."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.config import Settings
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.support import ParsedRequest, Urgency
from bot.domain.types import ReportState, Severity
from bot.services.support import Asked, SupportRefused, ask_support, policy_actor
from bot.unit import UnitOfWork
from storage.aspects import active_aspects
from storage.conversations import end_conversation, get_conversation, save_conversation
from storage.incidents import get_incident
from storage.models import Person
from storage.reports import get_report
from storage.support import unready_cells

FLOW = "support_ask"
# The steps, in order; each asks for the field of the same name. "location" is reached only
# from the confirmation (📍), and leads back to it.
STEPS = ("agency", "need", "deadline", "location", "confirm")
DEADLINE_CHOICES = {"3j": timedelta(hours=3), "1h": timedelta(days=1), "3h": timedelta(days=3)}
_SEVERITY_URGENCY = {
    Severity.CRITICAL.value: Urgency.CRITICAL,
    Severity.HIGH.value: Urgency.HIGH,
}


@dataclass
class AskDraft:
    region: str
    agency: str | None = None
    need: str | None = None
    suggested_need: str | None = None  # from the report or incident it started from
    deadline: str | None = None  # ISO, UTC
    urgency: str = Urgency.NORMAL
    aspect: str | None = None
    incident: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    locating: bool = False  # 📍 pressed: waiting for a location (or Lewati)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AskDraft:
        return cls(**data)

    def next_step(self) -> str:
        if self.agency is None:
            return "agency"
        if self.need is None:
            return "need"
        if self.deadline is None:
            return "deadline"
        if self.locating:
            return "location"
        return "confirm"

    @property
    def location(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude


@dataclass(frozen=True)
class DraftState:
    token: str
    step: str
    draft: AskDraft


def _check(actor: Person, region: str) -> None:
    decision = decide(
        policy_actor(actor), Action.REQUEST_SUPPORT, chat=ChatKind.PRIVATE, region=region
    )
    if decision.refusal is not None:
        raise SupportRefused(
            f"support.refused.{decision.refusal.value}", region=region, own=actor.region_code
        )


async def start(
    unit: UnitOfWork,
    *,
    actor: Person,
    minutes: int,
    report_id: int | None = None,
    incident_id: int | None = None,
) -> DraftState | None:
    """A new draft for the actor (in their private chat); prefilled from a report or an
    incident inside their area. None when that report or incident is not theirs to see."""
    draft = AskDraft(region=actor.region_code)
    if report_id is not None:
        report = await get_report(unit.session, report_id=report_id)
        if report is None or report.state == ReportState.READY:
            return None
        aspects = {a.code: a.label_id for a in await active_aspects(unit.session)}
        draft = AskDraft(
            region=report.region_code,
            aspect=report.aspect_code,
            suggested_need=f"{aspects.get(report.aspect_code, report.aspect_code)}: "
            + (
                report.note
                or ("belum siap" if report.state == ReportState.NOT_READY else "sebagian")
            ),
            urgency=Urgency.HIGH if report.state == ReportState.NOT_READY else Urgency.NORMAL,
        )
    elif incident_id is not None:
        incident = await get_incident(unit.session, incident_id=incident_id)
        if incident is None:
            return None
        draft = AskDraft(
            region=incident.region_code,
            incident=incident.id,
            suggested_need=incident.description[:300],
            urgency=_SEVERITY_URGENCY.get(incident.severity, Urgency.NORMAL),
            latitude=incident.latitude,
            longitude=incident.longitude,
        )
    _check(actor, draft.region)
    return await store(unit, actor=actor, draft=draft, minutes=minutes)


async def store(unit: UnitOfWork, *, actor: Person, draft: AskDraft, minutes: int) -> DraftState:
    token = secrets.token_urlsafe(6)[:8]
    step = draft.next_step()
    await save_conversation(
        unit.session,
        chat_id=actor.telegram_id,
        user_id=actor.telegram_id,
        flow=FLOW,
        step=step,
        token=token,
        data=asdict(draft),
        now=unit.now,
        expires_at=unit.now + timedelta(minutes=minutes),
    )
    return DraftState(token, step, draft)


async def current(
    unit: UnitOfWork, *, actor: Person, token: str | None = None
) -> DraftState | None:
    conversation = await get_conversation(
        unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id
    )
    if conversation is None or conversation.flow != FLOW:
        return None
    if token is not None and conversation.token != token:
        return None
    return DraftState(conversation.token, conversation.step, AskDraft.from_data(conversation.data))


async def submit(
    unit: UnitOfWork, settings: Settings, *, actor: Person, state: DraftState
) -> Asked:
    draft = state.draft
    assert draft.agency and draft.need and draft.deadline
    await end_conversation(unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id)
    return await ask_support(
        unit,
        settings,
        actor=actor,
        parsed=ParsedRequest(
            agency=draft.agency,
            region_code=draft.region,
            deadline=datetime.fromisoformat(draft.deadline),
            urgency=draft.urgency,
            need=draft.need,
        ),
        aspect_code=draft.aspect,
        incident_id=draft.incident,
        location=draft.location,
    )


async def drop(unit: UnitOfWork, *, actor: Person) -> None:
    await end_conversation(unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id)


@dataclass(frozen=True)
class Offer:
    report_id: int
    aspect: str  # its name in Indonesian and English
    aspect_en: str
    state: str


async def offers(unit: UnitOfWork, *, region_code: str) -> list[Offer]:
    """The 🔴/🟡 cells of a region a /status reader may ask support for, each with the
    report behind it (🤝 Minta dukungan starts prefilled from that report)."""
    names = {a.code: a for a in await active_aspects(unit.session)}
    found = []
    for cell in await unready_cells(unit.session, region_code=region_code):
        aspect = names.get(cell.aspect_code)
        if aspect is not None:
            found.append(Offer(cell.report_id, aspect.label_id, aspect.label_en, cell.state))
    return found
