"""Readiness reports: submit, correct within the window, withdraw, and the /status view.

A report can be corrected (/ralat) or withdrawn (/tarik) by its author while it is active
and younger than the correction window (`Settings.correction_window_minutes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.config import Settings
from bot.domain.policy import Action, ChatKind, decide
from bot.domain.reports import AreaRollup, AspectInfo, roll_up_cells, roll_up_whole
from bot.domain.types import ReportStatus
from bot.services.support import policy_actor
from bot.unit import UnitOfWork
from storage.aspects import active_aspects
from storage.models import Person, Report
from storage.regions import child_regions, region_label
from storage.reports import (
    add_report,
    correct_report,
    get_report,
    last_active_report_by,
    readiness_summary,
    withdraw_report,
)


@dataclass(frozen=True)
class ReportFields:
    """What a report says, whether it came from a line or from the guided flow."""

    region: str
    aspect: str
    state: str
    progress: int | None = None
    note: str | None = None
    photos: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class StoredReport:
    id: int
    fields: ReportFields
    region: str  # the region's label
    created_at: datetime
    corrected: int | None = None  # the report this one replaced


@dataclass(frozen=True)
class CorrectableReport:
    """The author's last report, still inside the correction window."""

    id: int
    fields: ReportFields
    region: str  # the region's label


class Withdrawal(StrEnum):
    DONE = "done"
    TOO_LATE = "too_late"  # past the correction window (or no longer active)
    NOT_FOUND = "not_found"  # no such report of this person's


@dataclass(frozen=True)
class StatusView:
    """/status: readiness by aspect in an area, and the areas below it."""

    region: str  # the area's label
    aspects: list[AspectInfo]
    whole: AreaRollup
    areas: list[AreaRollup] = field(default_factory=list)


async def report_aspects(unit: UnitOfWork) -> list[AspectInfo]:
    return [
        AspectInfo(a.code, a.label_id, a.label_en, tuple(filter(None, a.aliases.split(","))))
        for a in await active_aspects(unit.session)
    ]


def _within_window(settings: Settings, report: Report, now: datetime) -> bool:
    window = timedelta(minutes=settings.correction_window_minutes)
    return report.status == ReportStatus.ACTIVE and now - report.created_at <= window


def _fields(report: Report) -> ReportFields:
    return ReportFields(
        region=report.region_code,
        aspect=report.aspect_code,
        state=report.state,
        progress=report.progress,
        note=report.note,
        photos=tuple(report.photo_file_ids),
        latitude=report.latitude,
        longitude=report.longitude,
    )


async def correctable_report(
    unit: UnitOfWork, settings: Settings, *, actor: Person
) -> CorrectableReport | None:
    """The report /ralat and /tarik act on; None when there is none inside the window."""
    assert actor.id is not None
    last = await last_active_report_by(unit.session, person_id=actor.id)
    if last is None or last.id is None or not _within_window(settings, last, unit.now):
        return None
    return CorrectableReport(
        last.id, _fields(last), await region_label(unit.session, last.region_code)
    )


async def submit_report(
    unit: UnitOfWork,
    settings: Settings,
    *,
    actor: Person,
    fields: ReportFields,
    corrects: int | None = None,
) -> StoredReport:
    """Store the report; with `corrects`, as the correction of that report when it is the
    author's and still inside the window (otherwise as a new report)."""
    assert actor.id is not None
    report = Report(
        person_id=actor.id,
        reporter_role=actor.role,
        region_code=fields.region,
        aspect_code=fields.aspect,
        state=fields.state,
        progress=fields.progress,
        note=fields.note,
        latitude=fields.latitude,
        longitude=fields.longitude,
        photo_file_ids=list(fields.photos),
        created_at=unit.now,
        source_update_id=unit.update_id,
    )
    old = await get_report(unit.session, report_id=corrects) if corrects else None
    corrected = None
    if old is not None and old.person_id == actor.id and _within_window(settings, old, unit.now):
        corrected = old.id
        report = await correct_report(unit.session, old=old, new=report)
    else:
        report = await add_report(unit.session, report=report)
    assert report.id is not None
    return StoredReport(
        id=report.id,
        fields=_fields(report),
        region=await region_label(unit.session, report.region_code),
        created_at=report.created_at,
        corrected=corrected,
    )


async def withdraw(
    unit: UnitOfWork, settings: Settings, *, actor: Person, report_id: int
) -> Withdrawal:
    report = await get_report(unit.session, report_id=report_id)
    if report is None or report.person_id != actor.id:
        return Withdrawal.NOT_FOUND
    if not _within_window(settings, report, unit.now):
        return Withdrawal.TOO_LATE
    await withdraw_report(unit.session, report=report, now=unit.now)
    return Withdrawal.DONE


async def status_view(
    unit: UnitOfWork, *, actor: Person, root: str, chat: ChatKind
) -> StatusView | None:
    """Readiness in `root` (the person's area or one inside it); None when not allowed."""
    if not decide(policy_actor(actor), Action.VIEW_STATUS, chat=chat, region=root):
        return None
    aspects = await report_aspects(unit)
    codes = [a.code for a in aspects]
    areas = [(c.code, c.name) for c in await child_regions(unit.session, code=root)]
    cells = await readiness_summary(unit.session, root=root, area_codes={code for code, _ in areas})
    return StatusView(
        region=await region_label(unit.session, root),
        aspects=aspects,
        whole=roll_up_whole(root, root, codes, cells),
        areas=roll_up_cells(areas, codes, cells) if areas else [],
    )
