"""/paparan (/briefing) [kode wilayah] [sejak TANGGAL]: the Rakor briefing as a PDF.

Thin: the policy says who may (coordinators and admins, in a private chat), the service
reads the words and builds the document; the PDF is made by a job after the command's
transaction commits (off the event loop, in a worker thread) and arrives through the
outbox, after a "sedang disusun…" message.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from telegram import Update
from telegram.ext import JobQueue

from bot.context import PRIORITY_BULK, PoskoContext, UnitOfWork, run_in_unit
from bot.domain.countdown import local_date
from bot.domain.policy import Action, chat_kind, decide
from bot.handlers.common import private_actor, reply
from bot.i18n import format_day, plain, t
from bot.services.briefing import (
    BriefingRefusal,
    BriefingRequest,
    briefing_target,
    document_payload,
    write_briefing,
)
from bot.services.people import policy_actor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BriefingJob:
    chat_id: int
    request: BriefingRequest
    region_name: str


async def briefing_command(update: Update, context: PoskoContext) -> None:
    """/paparan [kode wilayah] [sejak TANGGAL] — the PDF for the Rakor table. Like every
    command whose answer is a file, a group hears first that it is for private chats."""
    person = await private_actor(update, context)
    chat = update.effective_chat
    if person is None or chat is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    actor = policy_actor(person)
    if not decide(actor, Action.BRIEFING, chat=chat_kind(chat.type)):
        reply(update, context, t(lang, "briefing.not_allowed"))
        return
    today = local_date(context.now, tz)
    target = await briefing_target(
        context.session, actor=actor, words=context.args or [], today=today
    )
    if isinstance(target, BriefingRefusal):
        problem = t(lang, f"briefing.problem.{target.kind}", **target.params)
        reply(
            update,
            context,
            t(lang, "briefing.bad", problem=problem, usage=t(lang, "briefing.usage")),
        )
        return
    role = plain(lang, f"role.{person.role}")
    request = BriefingRequest(
        root=target.region,
        day=today,
        since=target.since,
        lang=lang,
        tz=tz,
        producer=f"{person.full_name or role} ({role})",
    )
    reply(
        update,
        context,
        t(lang, "briefing.preparing", region=target.region_name, date=format_day(today, lang)),
    )
    job = BriefingJob(chat.id, request, target.region_name)
    job_queue = cast("JobQueue[PoskoContext]", context.application.job_queue)

    async def schedule() -> None:
        job_queue.run_once(
            briefing_job, 0, data=job, name=f"briefing:{chat.id}:{secrets.token_hex(3)}"
        )

    context.unit.later(schedule)


async def briefing_job(context: PoskoContext) -> None:
    services = context.services
    assert context.job is not None and isinstance(context.job.data, BriefingJob)
    job: BriefingJob = context.job.data
    request = job.request
    name = f"paparan-{request.root}-{request.day.isoformat()}.pdf"
    path = Path(services.settings.export_dir) / secrets.token_hex(8) / name
    written: Path | None
    try:
        written = await write_briefing(
            services.settings.database_url, request, now=services.clock.now(), path=path
        )
    except Exception:  # tell the person; the error itself goes to the log
        log.exception("briefing for chat %s failed", job.chat_id)
        written = None

    async def deliver(unit: UnitOfWork) -> None:
        if written is None:
            unit.send(job.chat_id, t(request.lang, "briefing.failed"))
            return
        caption = t(
            request.lang,
            "briefing.caption",
            region=job.region_name,
            date=format_day(request.day, request.lang),
        )
        payload = document_payload(job.chat_id, written, str(caption))
        unit.call(job.chat_id, "sendDocument", payload, priority=PRIORITY_BULK)

    await run_in_unit(services, deliver)
