"""/ekspor: what an export asks for (checked against the policy and the region table), and
the documents it delivers once written (the writing itself is bot/exports.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.countdown import local_date
from bot.domain.export_args import ExportArgs, ExportProblem, parse_export_args
from bot.exports import ExportRequest
from bot.services.regions import region_exists, region_label
from bot.unit import UnitOfWork
from storage.models import Person
from storage.outbox import DOCUMENT_PATH


@dataclass(frozen=True)
class ExportRefusal:
    """What was wrong with the words: `export.problem.<kind>`; `region` and `own` are
    labels for an area outside the person's, `dates` the reversed dates."""

    kind: str
    word: str = ""
    region: str = ""
    own: str = ""
    dates: tuple[date, ...] = field(default=())


@dataclass(frozen=True)
class ExportPlan:
    request: ExportRequest
    first: date
    last: date
    region: str  # the label of the exported area


async def _refusal(unit: UnitOfWork, own: str, problem: ExportProblem) -> ExportRefusal:
    if problem.kind == "outside":
        if not await region_exists(unit, problem.word):
            return ExportRefusal("unknown_region", problem.word)
        return ExportRefusal(
            "outside",
            problem.word,
            region=await region_label(unit, problem.word),
            own=await region_label(unit, own),
        )
    return ExportRefusal(problem.kind, problem.word, dates=problem.dates)


async def plan_export(
    unit: UnitOfWork, *, actor: Person, words: Sequence[str], lang: str, tz: ZoneInfo
) -> ExportPlan | ExportRefusal:
    """The export `/ekspor <words>` asks for, inside the actor's area (the caller has asked
    the policy whether the actor may export at all)."""
    parsed = parse_export_args(words, own_region=actor.region_code, today=local_date(unit.now, tz))
    if isinstance(parsed, ExportArgs) and not await region_exists(unit, parsed.region):
        parsed = ExportProblem("unknown_region", parsed.region)
    if isinstance(parsed, ExportProblem):
        return await _refusal(unit, actor.region_code, parsed)
    request = ExportRequest(
        root=parsed.region,
        since=datetime.combine(parsed.first, time(0), tzinfo=tz),
        until=datetime.combine(parsed.last + timedelta(days=1), time(0), tzinfo=tz),
        fmt=parsed.fmt,
        lang=lang,
        tz=tz,
        separator=parsed.separator,
    )
    return ExportPlan(request, parsed.first, parsed.last, await region_label(unit, parsed.region))


def document_payloads(
    chat_id: int, thread_id: int | None, paths: Sequence[Path], caption: str
) -> list[dict[str, object]]:
    """The outbox's sendDocument calls for written export files (the sender uploads them)."""
    payloads: list[dict[str, object]] = []
    for path in paths:
        payload: dict[str, object] = {
            "chat_id": chat_id,
            DOCUMENT_PATH: str(path),
            "filename": path.name,
            "caption": caption[:1024],
        }
        if thread_id is not None:
            payload["message_thread_id"] = thread_id
        payloads.append(payload)
    return payloads
