"""/ekspor: reports, readiness and incidents of one's region as XLSX or CSV documents.

The export is built by a job after the command's transaction commits (a large export
must not hold the database), then sent through the outbox as documents.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

from telegram import Update
from telegram.ext import JobQueue

from bot.context import PRIORITY_BULK, PoskoContext, UnitOfWork, run_in_unit
from bot.domain.countdown import local_date
from bot.domain.regions import is_within, level_of
from bot.exports import ExportRequest, write_export
from bot.handlers.common import private_chat_only, reply, require_actor
from bot.i18n import format_day, t
from storage.models import Role
from storage.outbox import DOCUMENT_PATH
from storage.regions import get_region, region_label

log = logging.getLogger(__name__)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class ExportJob:
    chat_id: int
    thread_id: int | None
    request: ExportRequest


async def export_command(update: Update, context: PoskoContext) -> None:
    """/ekspor [xlsx|csv] [DARI [SAMPAI]] [kode wilayah] — in a private chat only: the
    files hold names, notes and coordinates."""
    if not private_chat_only(update, context):
        return
    actor = await require_actor(update, context)
    chat = update.effective_chat
    if actor is None or chat is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    if actor.role not in (Role.COORDINATOR, Role.ADMIN):
        reply(update, context, t(lang, "export.not_allowed"))
        return
    fmt, dates, root = "xlsx", [], actor.region_code
    for word in context.args or []:
        if word.lower() in ("xlsx", "csv", "excel"):
            fmt = "csv" if word.lower() == "csv" else "xlsx"
        elif _DATE.match(word):
            try:
                dates.append(date.fromisoformat(word))
            except ValueError:
                reply(update, context, t(lang, "export.usage"))
                return
        elif level_of(word) is not None and is_within(word, actor.region_code):
            root = word
        else:
            reply(update, context, t(lang, "export.usage"))
            return
    today = local_date(context.now, tz)
    first = dates[0] if dates else today - timedelta(days=DEFAULT_DAYS - 1)
    last = dates[1] if len(dates) > 1 else (first if len(dates) == 1 else today)
    if last < first or len(dates) > 2 or await get_region(context.session, code=root) is None:
        reply(update, context, t(lang, "export.usage"))
        return
    request = ExportRequest(
        root=root,
        since=datetime.combine(first, time(0), tzinfo=tz),
        until=datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz),
        fmt=fmt,
        lang=lang,
        tz=tz,
    )
    region = await region_label(context.session, root)
    reply(
        update,
        context,
        t(
            lang,
            "export.preparing",
            format=fmt.upper(),
            region=region,
            since=format_day(first, lang),
            until=format_day(last, lang),
        ),
    )
    message = update.effective_message
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    job = ExportJob(chat.id, thread, request)
    job_queue = cast("JobQueue[PoskoContext]", context.application.job_queue)

    async def schedule() -> None:
        job_queue.run_once(export_job, 0, data=job, name=f"export:{chat.id}:{secrets.token_hex(3)}")

    context.unit.later(schedule)


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
        region = await region_label(unit.session, request.root)
        last_day = (request.until - timedelta(days=1)).date()
        caption = t(
            request.lang,
            "export.caption",
            region=region,
            since=format_day(request.since.date(), request.lang),
            until=format_day(last_day, request.lang),
        )
        for path in paths:
            payload = {
                "chat_id": job.chat_id,
                DOCUMENT_PATH: str(path),
                "filename": path.name,
                "caption": str(caption)[:1024],
            }
            if job.thread_id is not None:
                payload["message_thread_id"] = job.thread_id
            unit.call(job.chat_id, "sendDocument", payload, priority=PRIORITY_BULK)

    await run_in_unit(services, deliver)
