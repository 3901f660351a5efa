"""/ekspor: reports, readiness and incidents of one's region as XLSX or CSV documents.

The export is built by a job after the command's transaction commits (a large export
must not hold the database), then sent through the outbox as documents.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import cast

from telegram import Update
from telegram.ext import JobQueue

from bot.context import PRIORITY_BULK, PoskoContext, UnitOfWork, run_in_unit
from bot.domain.policy import Action
from bot.exports import ExportRequest, write_export
from bot.handlers.common import policy_decision, private_actor, reply
from bot.i18n import Html, format_day, t
from bot.services.exports import ExportRefusal, document_payloads, plan_export
from bot.services.regions import region_label

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportJob:
    chat_id: int
    thread_id: int | None
    request: ExportRequest


async def export_command(update: Update, context: PoskoContext) -> None:
    """/ekspor [xlsx|csv] [koma|titikkoma] [DARI [SAMPAI]] [kode wilayah] — in a private chat
    only: the files hold names, notes and coordinates."""
    actor = await private_actor(update, context)
    chat = update.effective_chat
    if actor is None or chat is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    if not policy_decision(update, actor, Action.EXPORT):
        reply(update, context, t(lang, "export.not_allowed"))
        return
    plan = await plan_export(context.unit, actor=actor, words=context.args or [], lang=lang, tz=tz)
    if isinstance(plan, ExportRefusal):
        reply(update, context, _explain(lang, plan))
        return
    request, fmt = plan.request, plan.request.fmt
    reply(
        update,
        context,
        t(
            lang,
            "export.preparing",
            format=fmt.upper(),
            separator=_separated(lang, request) if fmt == "csv" else "",
            region=plan.region,
            since=format_day(plan.first, lang),
            until=format_day(plan.last, lang),
        ),
    )
    message = update.effective_message
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    job = ExportJob(chat.id, thread, request)
    job_queue = cast("JobQueue[PoskoContext]", context.application.job_queue)

    async def schedule() -> None:
        job_queue.run_once(export_job, 0, data=job, name=f"export:{chat.id}:{secrets.token_hex(3)}")

    context.unit.later(schedule)


def _separated(lang: str, request: ExportRequest) -> Html:
    name = "semicolon" if request.csv_separator == ";" else "comma"
    return t(lang, f"export.separated.{name}")


def _explain(lang: str, problem: ExportRefusal) -> Html:
    """What was wrong, then the usage: "region X is outside your area", "the end date is
    before the start", "the word … was not understood"."""
    params: dict[str, object] = {"word": problem.word}
    if problem.kind == "outside":
        params["region"], params["own"] = problem.region, problem.own
    if problem.kind == "reversed":
        since, until = problem.dates
        params = {"since": format_day(since, lang), "until": format_day(until, lang)}
    return t(
        lang,
        "export.bad",
        problem=t(lang, f"export.problem.{problem.kind}", **params),
        usage=t(lang, "export.usage"),
    )


async def export_job(context: PoskoContext) -> None:
    services = context.services
    assert context.job is not None and isinstance(context.job.data, ExportJob)
    job: ExportJob = context.job.data
    request = job.request
    directory = Path(services.settings.export_dir) / secrets.token_hex(8)
    try:
        paths = await write_export(services.session_factory, request, directory)
    except Exception:  # tell the person; the error itself goes to the log
        log.exception("export for chat %s failed", job.chat_id)
        paths = []

    async def deliver(unit: UnitOfWork) -> None:
        if not paths:
            unit.send(job.chat_id, t(request.lang, "export.failed"), thread_id=job.thread_id)
            return
        region = await region_label(unit, request.root)
        last_day = (request.until - timedelta(days=1)).date()
        caption = t(
            request.lang,
            "export.caption",
            region=region,
            since=format_day(request.since.date(), request.lang),
            until=format_day(last_day, request.lang),
        )
        for payload in document_payloads(job.chat_id, job.thread_id, paths, str(caption)):
            unit.call(job.chat_id, "sendDocument", payload, priority=PRIORITY_BULK)

    await run_in_unit(services, deliver)
