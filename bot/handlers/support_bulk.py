"""/rtl: several support requests at once (a Rakor's action list), one per line, created
after one ✅ Simpan."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import SUPPORT_BULK
from bot.context import PoskoContext
from bot.domain.support import reference
from bot.handlers.common import (
    answer_callback,
    personal_press,
    private_command,
    reply,
)
from bot.handlers.flows import Flow
from bot.i18n import Html, format_short_moment, plain, t
from bot.services.agencies import agencies
from bot.services.support_bulk import FLOW, discard, preview, save
from bot.ui import Button, owned

CALLBACK = SUPPORT_BULK.prefix


async def rtl_command(update: Update, context: PoskoContext) -> None:
    """/rtl, then one request per line: `<instansi> [kode wilayah] [tenggat] <kebutuhan>`."""
    command = await private_command(update, context)
    if command is None:
        return
    lang = context.lang
    settings = context.services.settings
    if not command.arguments.strip():
        reply(update, context, t(lang, "support.rtl.usage"))
        return
    result = await preview(
        context.unit,
        settings,
        actor=command.actor,
        text=command.arguments,
        minutes=settings.draft_ttl_minutes,
    )
    names = {a.code: a.name(lang) for a in await agencies(context.unit)}
    lines = [t(lang, "support.rtl.header", count=len(result.lines))]
    for line in result.lines:
        if line.parsed is None:
            problem = t(lang, line.problem or "support.error.empty", **(line.params or {}))
            lines.append(
                t(
                    lang,
                    "support.rtl.wrong",
                    number=line.number,
                    text=line.text[:80],
                    problem=problem,
                )
            )
            continue
        assert line.parsed.deadline is not None
        lines.append(
            t(
                lang,
                "support.rtl.line",
                number=line.number,
                agency=names.get(line.parsed.agency, line.parsed.agency),
                region=line.region or "",
                deadline=format_short_moment(line.parsed.deadline, lang, settings.timezone),
                urgency=plain(lang, f"support.urgency.{line.parsed.urgency}"),
                need=line.parsed.need[:200],
            )
        )
    if not result.valid:
        lines.append(t(lang, "support.rtl.nothing"))
        reply(update, context, Html("\n".join(lines)))
        return
    lines.append(t(lang, "support.rtl.confirm", count=result.valid))
    buttons = [
        [
            Button(plain(lang, "support.rtl.save"), SUPPORT_BULK.data(result.token, "s")),
            Button(plain(lang, "picker.cancel"), SUPPORT_BULK.data(result.token, "x")),
        ]
    ]
    reply(
        update, context, Html("\n".join(lines)), buttons=owned(buttons, command.actor.telegram_id)
    )


async def rtl_button(update: Update, context: PoskoContext) -> None:
    press = await personal_press(update, context, private=True)
    if press is None:
        return
    actor, lang = press.actor, context.lang
    fields = SUPPORT_BULK.parse(press.data, count=2)
    if fields is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    token, action = fields
    chat_id, message_id = press.chat_id, press.message_id
    if action == "x":
        if await discard(context.unit, actor=actor, token=token):
            context.unit.edit(chat_id, message_id, t(lang, "cancel.done"))
            answer_callback(context, update)
        else:
            answer_callback(context, update, plain(lang, "button.stale"))
        return
    created = await save(context.unit, context.services.settings, actor=actor, token=token)
    if created is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    references = ", ".join(reference(a.request.id or 0) for a in created)
    context.unit.edit(
        chat_id, message_id, t(lang, "support.rtl.saved", count=len(created), references=references)
    )
    answer_callback(context, update)


async def _typed(update: Update, context: PoskoContext, conversation: object) -> None:
    reply(update, context, t(context.lang, "support.rtl.waiting"))


async def _cancelled(update: Update, context: PoskoContext, conversation: object) -> None:
    reply(update, context, t(context.lang, "cancel.done"))


ROUTE = Flow(
    name=FLOW,
    on_input=_typed,  # type: ignore[arg-type]
    on_cancel=_cancelled,  # type: ignore[arg-type]
    expired_key="support.rtl.expired",
)
