"""/dukungan (/support): ask another agency for help; the request's buttons (🤝 Sanggup,
🛠 Dalam proses, ✔️ Selesai, ✖️ Tidak bisa) and the notes they ask for; /riwayat D-0001.
Thin: parse → bot.services.support → render."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import SUPPORT_ACTION
from bot.context import PoskoContext
from bot.domain.policy import ChatKind, chat_kind
from bot.domain.support import SupportSyntaxError, parse_reference, parse_request_line, reference
from bot.domain.text import clean
from bot.handlers.common import (
    answer_callback,
    private_chat_only,
    private_command,
    reply,
    require_actor,
)
from bot.handlers.flows import Flow
from bot.handlers.support_ask import start_guided
from bot.i18n import Html, format_short_moment, plain, t
from bot.services.agencies import agencies, agency_named
from bot.services.support import SupportRefused, ask_support, support_timeline
from bot.services.support_followup import (
    NOTE_FLOW,
    NOTE_STEPS,
    await_note,
    check_handler,
    decline,
    finish,
    forget_note,
    progress,
    reassign,
    take,
    visible_request,
)
from bot.support_render import CALLBACK

BUTTON_PATTERN = rf"^{CALLBACK}:\d+:[tpdx]$"


async def support_command(update: Update, context: PoskoContext) -> None:
    """/dukungan <instansi> [kode wilayah] [tenggat] <apa yang dibutuhkan>."""
    command = await private_command(update, context)
    if command is None:
        return
    if not command.arguments.strip():
        await start_guided(update, context, command.actor)
        return
    await ask_line(update, context, command.arguments, photos=tuple(command.photos))


async def ask_line(
    update: Update,
    context: PoskoContext,
    line: str,
    *,
    photos: tuple[str, ...] = (),
    aspect_code: str | None = None,
    incident_id: int | None = None,
) -> bool:
    """One request written in one line: recorded and sent, or the reason why not."""
    actor = context.actor
    assert actor is not None
    lang = context.lang
    settings = context.services.settings
    try:
        parsed = parse_request_line(
            clean(line),
            agencies=await agencies(context.unit),
            now=context.now,
            tz=settings.timezone,
        )
        asked = await ask_support(
            context.unit,
            settings,
            actor=actor,
            parsed=parsed,
            chat=ChatKind.PRIVATE,
            aspect_code=aspect_code,
            incident_id=incident_id,
            photos=photos,
            source_update_id=update.update_id,
        )
    except SupportSyntaxError as error:
        problem = t(lang, f"support.error.{error.key}", word=error.detail[:40])
        reply(update, context, Html(f"{problem}\n\n{t(lang, 'support.usage')}"))
        return False
    except SupportRefused as refusal:
        reply(update, context, t(lang, refusal.key, **refusal.params))
        return False
    request = asked.request
    assert request.id is not None
    key = "support.asked" if asked.handlers else "support.asked_nobody"
    reply(
        update,
        context,
        t(
            lang,
            key,
            reference=reference(request.id),
            agency=next(
                (
                    a.name(lang)
                    for a in await agencies(context.unit)
                    if a.code == request.agency_code
                ),
                request.agency_code,
            ),
            target=asked.target,
            handlers=asked.handlers,
            followers=asked.followers,
            deadline=format_short_moment(request.deadline_at, lang, settings.timezone),
        ),
    )
    return True


async def support_button(update: Update, context: PoskoContext) -> None:
    """A button of a request's copy. Role- and agency-based (like incident alerts): the
    policy decides on the press, whoever presses it."""
    query = update.callback_query
    assert query is not None and query.data is not None
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    fields = SUPPORT_ACTION.parse(query.data, count=2)
    if fields is None or not fields[0].isdigit() or fields[1] not in ("t", "p", "d", "x"):
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    request_id, action = fields
    request = await visible_request(context.unit, actor=actor, request_id=int(request_id))
    chat = update.effective_chat
    kind = chat_kind(chat.type if chat else None)
    settings = context.services.settings
    if request is None:
        answer_callback(context, update, plain(lang, "support.refused.region"), alert=True)
        return
    try:
        if action == "t":
            await take(context.unit, settings, actor=actor, request=request, chat=kind)
            answer_callback(context, update, plain(lang, "support.taken_toast"))
            return
        check_handler(actor, request, kind)
    except SupportRefused as refusal:
        answer_callback(context, update, plain(lang, refusal.key, **refusal.params), alert=True)
        return
    step = NOTE_STEPS[action]
    await await_note(
        context.unit,
        user_id=actor.telegram_id,
        step=step,
        request_id=int(request_id),
        minutes=settings.draft_ttl_minutes,
    )
    context.unit.send(
        actor.telegram_id, t(lang, f"support.ask_note.{step}", reference=reference(int(request_id)))
    )
    answer_callback(context, update)


async def note_input(update: Update, context: PoskoContext, conversation: object) -> None:
    """The note a button asked for: progress, closing (with an optional photo), or reason."""
    actor = await require_actor(update, context)
    message = update.effective_message
    if actor is None or message is None:
        return
    lang = context.lang
    step = getattr(conversation, "step", "")
    data = getattr(conversation, "data", {})
    note = clean(message.text or message.caption or "")[:4000]
    photo = message.photo[-1].file_id if message.photo else None
    if not note:
        reply(
            update,
            context,
            t(lang, f"support.ask_note.{step}", reference=reference(data["request"])),
        )
        return
    settings = context.services.settings
    await forget_note(context.unit, user_id=actor.telegram_id)
    request = await visible_request(context.unit, actor=actor, request_id=int(data["request"]))
    if request is None:
        reply(update, context, t(lang, "support.refused.region"))
        return
    assert request.id is not None
    ref = reference(request.id)
    try:
        if step == "progress":
            await progress(
                context.unit,
                settings,
                actor=actor,
                request=request,
                note=note,
                chat=ChatKind.PRIVATE,
            )
            reply(update, context, t(lang, "support.noted.progress", reference=ref))
        elif step == "done":
            await finish(
                context.unit,
                settings,
                actor=actor,
                request=request,
                note=note,
                photo=photo,
                chat=ChatKind.PRIVATE,
            )
            reply(update, context, t(lang, "support.noted.done", reference=ref))
        else:
            climbed = await decline(
                context.unit,
                settings,
                actor=actor,
                request=request,
                reason=note,
                chat=ChatKind.PRIVATE,
            )
            key = "support.noted.declined" if climbed else "support.noted.declined_top"
            reply(update, context, t(lang, key, reference=ref, region=climbed or "—"))
    except SupportRefused as refusal:
        reply(update, context, t(lang, refusal.key, **refusal.params))


async def note_cancelled(update: Update, context: PoskoContext, conversation: object) -> None:
    reply(update, context, t(context.lang, "cancel.done"))


NOTE_ROUTE = Flow(
    name=NOTE_FLOW,
    on_input=note_input,  # type: ignore[arg-type]
    on_cancel=note_cancelled,  # type: ignore[arg-type]
    expired_key="support.note_expired",
)


async def support_history(update: Update, context: PoskoContext, argument: str) -> bool:
    """/riwayat D-0001: True when `argument` names a support request (answered here)."""
    request_id = parse_reference(argument)
    if request_id is None or not argument.upper().startswith("D"):
        return False
    if not private_chat_only(update, context):
        return True
    actor = await require_actor(update, context)
    if actor is None:
        return True
    lang = context.lang
    text = await support_timeline(
        context.unit,
        actor=actor,
        request_id=request_id,
        lang=lang,
        tz=context.services.settings.timezone,
    )
    if text is None:
        reply(
            update, context, t(lang, "support.history.not_found", reference=reference(request_id))
        )
        return True
    reply(update, context, text)
    return True


async def reassign_command(update: Update, context: PoskoContext) -> None:
    """/alihkan D-0001 polri — admins give a request to another agency."""
    command = await private_command(update, context)
    if command is None:
        return
    lang = context.lang
    words = command.arguments.split()
    request_id = parse_reference(words[0]) if words else None
    if len(words) != 2 or request_id is None:
        reply(update, context, t(lang, "support.reassign.usage"))
        return
    agency = await agency_named(context.unit, words[1])
    request = await visible_request(context.unit, actor=command.actor, request_id=request_id)
    if request is None:
        reply(
            update, context, t(lang, "support.history.not_found", reference=reference(request_id))
        )
        return
    try:
        label = await reassign(
            context.unit,
            context.services.settings,
            actor=command.actor,
            request=request,
            agency=agency.code if agency else words[1][:16].lower(),
            chat=ChatKind.PRIVATE,
        )
    except SupportRefused as refusal:
        reply(update, context, t(lang, refusal.key, **refusal.params))
        return
    reply(
        update,
        context,
        t(
            lang,
            "support.reassign.done",
            reference=reference(request_id),
            agency=agency.name(lang) if agency else words[1],
            region=label,
        ),
    )
