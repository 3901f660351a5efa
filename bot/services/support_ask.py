"""The rules of the guided /dukungan (its steps are declared on the draft engine in
bot/handlers/support_ask.py): what a draft holds, how it starts prefilled from a 🔴/🟡
report or an incident alert (whose location it inherits), who may start it (the policy),
and sending it after ✅ Kirim."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import Settings
from bot.domain.drafts import DraftFields
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.support import ParsedRequest, Urgency
from bot.domain.types import ReportState, Severity
from bot.services.support import Asked, SupportRefused, ask_support, policy_actor
from bot.unit import UnitOfWork
from storage.aspects import active_aspects
from storage.incidents import get_incident
from storage.models import Person
from storage.reports import get_report
from storage.support import unready_cells

FLOW = "support_ask"
DEADLINE_CHOICES = {"3j": timedelta(hours=3), "1h": timedelta(days=1), "3h": timedelta(days=3)}
_SEVERITY_URGENCY = {
    Severity.CRITICAL.value: Urgency.CRITICAL,
    Severity.HIGH.value: Urgency.HIGH,
}


@dataclass
class AskDraft(DraftFields):
    agency: str | None = None
    need: str | None = None
    suggested_need: str | None = None  # from the report or incident it started from
    deadline: str | None = None  # ISO, UTC
    urgency: str = Urgency.NORMAL
    aspect: str | None = None
    incident: int | None = None

    @property
    def location(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude

    @property
    def complete(self) -> bool:
        return bool(self.region and self.agency and self.need and self.deadline)


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
    report_id: int | None = None,
    incident_id: int | None = None,
) -> AskDraft | None:
    """A new draft for the actor, prefilled from a report or an incident inside their area.
    None when that report or incident is not one to ask support for; SupportRefused when
    the policy does not let the actor ask for support in its region."""
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
    assert draft.region is not None
    _check(actor, draft.region)
    return draft


async def submit(unit: UnitOfWork, settings: Settings, *, actor: Person, draft: AskDraft) -> Asked:
    """Send the finished draft (the policy is asked again, by ask_support)."""
    assert draft.region and draft.agency and draft.need and draft.deadline
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
