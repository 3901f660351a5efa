"""/lapor, /status, /ralat, /tarik: readiness reports from the field.

The guided flow keeps its draft in the `conversation` table, so a restart in the middle
loses nothing. Every button carries the draft's token: a button from an old message (an
earlier draft, or a card that was replaced) is answered "no longer valid" and changes
nothing.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.callbacks import REPORT_FLOW, REPORT_WITHDRAW
from bot.context import PoskoContext
from bot.domain.geo import Coordinates
from bot.domain.lines import Guess, read_report_line
from bot.domain.regions import is_within, level_of
from bot.domain.reports import (
    MAX_PHOTOS,
    STATE_EMOJI,
    STATE_FROM_SHORT,
    STATE_SHORT,
    AspectInfo,
    ReportSyntaxError,
    parse_percent,
    reference,
    roll_up_cells,
    roll_up_whole,
)
from bot.domain.text import clean
from bot.domain.types import ReportState, ReportStatus
from bot.handlers import one_line
from bot.handlers.common import (
    answer_callback,
    is_private,
    location_keyboard,
    personal_button,
    private_command,
    reply,
    require_actor,
)
from bot.handlers.flow_inputs import location_answer, say_unclear, typed_choice
from bot.handlers.flows import Flow, draft_expiry, expired_message, register_flow
from bot.handlers.region_access import allowed_region
from bot.handlers.region_picker import picker_keyboard
from bot.handlers.support_ask import report_offer, status_offer
from bot.i18n import Html, format_short_moment, plain, t
from bot.render import shorten, split_lines
from bot.ui import Button, Keyboard, in_rows, owned
from storage.aspects import active_aspects
from storage.conversations import end_conversation, get_conversation, save_conversation
from storage.models import Conversation, Person, Report
from storage.regions import child_regions, get_region, region_label
from storage.reports import (
    add_report,
    correct_report,
    get_report,
    last_active_report_by,
    readiness_summary,
    withdraw_report,
)

FLOW = "report"
NOTE_PREVIEW = 300  # characters of a note shown on a card; the note is stored whole
CALLBACK = REPORT_FLOW.prefix
WITHDRAW_CALLBACK = REPORT_WITHDRAW.prefix


@dataclass
class Draft:
    """A report being put together; stored as the conversation's JSON data."""

    region: str | None = None
    aspect: str | None = None
    state: str | None = None
    progress: int | None = None
    note: str | None = None
    photos: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    corrects: int | None = None

    @classmethod
    def load(cls, data: dict[str, Any]) -> Draft:
        # A deep copy: mutating the loaded JSON in place would hide the change from the ORM.
        known = {k: copy.deepcopy(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def dump(self) -> dict[str, Any]:
        return asdict(self)


async def _aspects(session: AsyncSession) -> list[AspectInfo]:
    return [
        AspectInfo(a.code, a.label_id, a.label_en, tuple(filter(None, a.aliases.split(","))))
        for a in await active_aspects(session)
    ]


def _aspect_label(aspects: list[AspectInfo], code: str | None, lang: str) -> str:
    for aspect in aspects:
        if aspect.code == code:
            return aspect.label(lang)
    return code or "—"


def _progress_text(progress: int | None) -> str:
    return f" ({progress}%)" if progress is not None else ""


def _new_token() -> str:
    return secrets.token_urlsafe(6)[:8]


# -- entry points ----------------------------------------------------------------------------


async def report_command(update: Update, context: PoskoContext) -> None:
    """/lapor [wilayah] aspek status [persen] [catatan] — or /lapor alone for buttons."""
    command = await private_command(update, context)
    if command is None:
        return
    if command.arguments.strip():
        await _report_in_one_line(
            update, context, command.actor, command.arguments, photos=command.photos
        )
    else:
        await _start_flow(update, context, command.actor, Draft(photos=command.photos))


async def correct_command(update: Update, context: PoskoContext) -> None:
    """/ralat [same as /lapor]: replace your last report, within the correction window."""
    command = await private_command(update, context)
    if command is None:
        return
    actor = command.actor
    last = await _correctable_report(context, actor)
    if last is None:
        minutes = context.services.settings.correction_window_minutes
        reply(update, context, t(context.lang, "report.correct.none", minutes=minutes))
        return
    assert last.id is not None
    if command.arguments.strip():
        await _report_in_one_line(
            update, context, actor, command.arguments, photos=[], corrects=last
        )
        return
    draft = Draft(
        region=last.region_code,
        aspect=last.aspect_code,
        state=last.state,
        progress=last.progress,
        note=last.note,
        photos=list(last.photo_file_ids),
        latitude=last.latitude,
        longitude=last.longitude,
        corrects=last.id,
    )
    await _start_flow(update, context, actor, draft, step="summary")


async def withdraw_command(update: Update, context: PoskoContext) -> None:
    """/tarik: withdraw your last report (asks to confirm)."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    last = await _correctable_report(context, actor)
    if last is None:
        minutes = context.services.settings.correction_window_minutes
        reply(update, context, t(lang, "report.withdraw.none", minutes=minutes))
        return
    assert last.id is not None
    aspects = await _aspects(context.session)
    ref = reference(last.id)
    text = t(
        lang,
        "report.withdraw.confirm",
        reference=ref,
        aspect=_aspect_label(aspects, last.aspect_code, lang),
        state=plain(lang, f"state.{last.state}"),
        region=await region_label(context.session, last.region_code),
    )
    buttons = [
        [
            Button(
                plain(lang, "report.withdraw.yes", reference=ref), f"{WITHDRAW_CALLBACK}:{last.id}"
            )
        ],
        [Button(plain(lang, "report.button.cancel"), f"{WITHDRAW_CALLBACK}:x")],
    ]
    reply(update, context, text, buttons=owned(buttons, actor.telegram_id))


async def withdraw_button(update: Update, context: PoskoContext) -> None:
    query = update.callback_query
    assert query is not None
    data = personal_button(update, context)
    if data is None:
        return
    actor = await require_actor(update, context)
    if actor is None or query.message is None:
        return
    lang = context.lang
    chat_id, message_id = query.message.chat.id, query.message.message_id
    argument = data.split(":", 1)[1] if ":" in data else ""
    if argument == "x":
        context.unit.edit(chat_id, message_id, t(lang, "cancel.done"))
        answer_callback(context, update)
        return
    report = (
        await get_report(context.session, report_id=int(argument)) if argument.isdigit() else None
    )
    if report is None or report.person_id != actor.id:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    assert report.id is not None
    minutes = context.services.settings.correction_window_minutes
    if not _within_window(context, report):
        context.unit.edit(
            chat_id,
            message_id,
            t(lang, "report.withdraw.too_late", reference=reference(report.id), minutes=minutes),
        )
        answer_callback(context, update)
        return
    await withdraw_report(context.session, report=report, now=context.now)
    context.unit.edit(
        chat_id, message_id, t(lang, "report.withdraw.done", reference=reference(report.id))
    )
    answer_callback(context, update)


async def _correctable_report(context: PoskoContext, actor: Person) -> Report | None:
    assert actor.id is not None
    last = await last_active_report_by(context.session, person_id=actor.id)
    if last is None or not _within_window(context, last):
        return None
    return last


def _within_window(context: PoskoContext, report: Report) -> bool:
    window = timedelta(minutes=context.services.settings.correction_window_minutes)
    return report.status == ReportStatus.ACTIVE and context.now - report.created_at <= window


async def start_report(update: Update, context: PoskoContext, actor: Person) -> None:
    """Start the guided report (e.g. from a reminder's button)."""
    await _start_flow(update, context, actor, Draft())


# -- one line ---------------------------------------------------------------------------------


async def _report_in_one_line(
    update: Update,
    context: PoskoContext,
    actor: Person,
    arguments: str,
    *,
    photos: list[str],
    corrects: Report | None = None,
) -> None:
    aspects = await _aspects(context.session)
    await one_line.drop_pending(update, context)
    try:
        reading = read_report_line(arguments, aspects)
    except ReportSyntaxError as error:
        one_line.refuse_report(update, context, error, aspects)
        await _keep_photos(update, context, actor, photos)
        return
    first = reading.options[0] if isinstance(reading, Guess) else reading
    region = first.region or (corrects.region_code if corrects else actor.region_code)
    if not await _region_allowed(update, context, actor, region):
        await _keep_photos(update, context, actor, photos)
        return
    corrects_id = corrects.id if corrects else None
    if isinstance(reading, Guess):
        await one_line.ask_report(
            update, context, reading, aspects, region=region, photos=photos, corrects=corrects_id
        )
        return
    draft = Draft(
        region=region,
        aspect=reading.aspect,
        state=reading.state.value,
        progress=reading.progress,
        note=reading.note,
        photos=photos,
        corrects=corrects_id,
    )
    await _save(update, context, actor, draft, aspects)


async def _keep_photos(
    update: Update, context: PoskoContext, actor: Person, photos: list[str]
) -> None:
    """A photo whose caption could not be used is not thrown away: it starts the guided
    report, attached."""
    if photos:
        reply(update, context, t(context.lang, "report.photo_kept"))
        await _start_flow(update, context, actor, Draft(photos=photos))


async def _store_confirmed(
    update: Update, context: PoskoContext, actor: Person, payload: dict[str, Any], message_id: int
) -> None:
    """A reading the person chose after "Maksud Anda …?"."""
    draft = Draft.load(payload)
    if draft.region is None or not await _region_allowed(update, context, actor, draft.region):
        return
    aspects = await _aspects(context.session)
    await _save(update, context, actor, draft, aspects, edit_message_id=message_id)


one_line.register_line_kind(one_line.LineKind("report", _store_confirmed, "report.cancelled"))


async def _region_allowed(
    update: Update, context: PoskoContext, actor: Person, region: str
) -> bool:
    lang, session = context.lang, context.session
    if level_of(region) is None or not is_within(region, actor.region_code):
        reply(
            update,
            context,
            t(
                lang,
                "report.outside_region",
                region=await one_line.region_named(session, region),
                own=await region_label(session, actor.region_code),
            ),
        )
        return False
    if await get_region(session, code=region) is None:
        reply(update, context, t(lang, "report.region_unknown", region=region))
        return False
    return True


async def _save(
    update: Update,
    context: PoskoContext,
    actor: Person,
    draft: Draft,
    aspects: list[AspectInfo],
    *,
    edit_message_id: int | None = None,
) -> None:
    """Store the report (or the correction) and confirm it with its reference."""
    assert actor.id is not None and draft.region and draft.aspect and draft.state
    lang = context.lang
    report = Report(
        person_id=actor.id,
        reporter_role=actor.role,
        region_code=draft.region,
        aspect_code=draft.aspect,
        state=draft.state,
        progress=draft.progress,
        note=draft.note,
        latitude=draft.latitude,
        longitude=draft.longitude,
        photo_file_ids=list(draft.photos),
        created_at=context.now,
        source_update_id=context.unit.update_id,
    )
    corrects_text = Html("")
    old = await get_report(context.session, report_id=draft.corrects) if draft.corrects else None
    if old is not None and old.person_id == actor.id and _within_window(context, old):
        assert old.id is not None
        report = await correct_report(context.session, old=old, new=report)
        corrects_text = t(lang, "report.saved.corrects", reference=reference(old.id))
    else:
        report = await add_report(context.session, report=report)
    assert report.id is not None
    text = t(
        lang,
        "report.saved",
        reference=reference(report.id),
        corrects=corrects_text,
        region=await region_label(context.session, report.region_code),
        aspect=_aspect_label(aspects, report.aspect_code, lang),
        emoji=STATE_EMOJI[report.state],
        state=plain(lang, f"state.{report.state}"),
        progress=_progress_text(report.progress),
        time=format_short_moment(report.created_at, lang, context.services.settings.timezone),
    )
    if report.note:
        text = Html(text + t(lang, "report.saved.note", note=shorten(report.note, NOTE_PREVIEW)))
    if report.photo_file_ids:
        text = Html(text + t(lang, "report.saved.photos", count=len(report.photo_file_ids)))
    chat = update.effective_chat
    assert chat is not None
    offer = report_offer(report.id, report.state, lang, actor.telegram_id)  # 🤝 for 🔴/🟡
    if edit_message_id is not None:
        context.unit.edit(chat.id, edit_message_id, text, buttons=offer)
    else:
        reply(update, context, text, buttons=offer)


# -- the guided flow --------------------------------------------------------------------------


async def _start_flow(
    update: Update, context: PoskoContext, actor: Person, draft: Draft, *, step: str | None = None
) -> None:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    previous = await get_conversation(context.session, chat_id=chat.id, user_id=user.id)
    if previous is not None and previous.flow == FLOW and previous.expires_at > context.now:
        reply(update, context, t(context.lang, "report.replaced_draft"))
    if step is None:
        has_choice = bool(await child_regions(context.session, code=actor.region_code))
        if draft.region is None and not has_choice:
            draft.region = actor.region_code
        step = "region" if draft.region is None else "aspect"
    conversation = await _store(context, chat.id, user.id, step, _new_token(), draft)
    text, buttons = await _card(context, actor, conversation)
    reply(update, context, text, buttons=buttons)


async def _store(
    context: PoskoContext, chat_id: int, user_id: int, step: str, token: str, draft: Draft
) -> Conversation:
    return await save_conversation(
        context.session,
        chat_id=chat_id,
        user_id=user_id,
        flow=FLOW,
        step=step,
        token=token,
        data=draft.dump(),
        now=context.now,
        expires_at=context.now + draft_expiry(context),
    )


async def _card(
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    *,
    page: int = 0,
    at: str | None = None,
) -> tuple[Html, Keyboard | None]:
    """The message for the step the draft is at; its buttons are for the draft's owner."""
    text, buttons = await _step_card(context, actor, conversation, page=page, at=at)
    return text, owned(buttons, conversation.user_id) if buttons else buttons


async def _step_card(
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    *,
    page: int,
    at: str | None,
) -> tuple[Html, Keyboard | None]:
    lang = context.lang
    draft = Draft.load(conversation.data)
    prefix = f"{CALLBACK}:{conversation.token}"
    cancel = Button(plain(lang, "report.button.cancel"), f"{prefix}:x")
    skip = Button(plain(lang, "report.button.skip"), f"{prefix}:skip")
    step = conversation.step
    if step == "region":
        current = at or actor.region_code
        keyboard = await picker_keyboard(
            context.session,
            lang=lang,
            open_prefix=f"{prefix}:n",
            pick_prefix=f"{prefix}:p",
            cancel_data=f"{prefix}:x",
            root=actor.region_code,
            current=current,
            page=page,
        )
        region = await region_label(context.session, current)
        return t(lang, "report.choose_region", region=region), keyboard
    aspects = await _aspects(context.session)
    region = await region_label(context.session, draft.region or actor.region_code)
    if step == "aspect":
        buttons = [Button(a.label(lang), f"{prefix}:a:{a.code}") for a in aspects]
        return t(lang, "report.choose_aspect", region=region), [*in_rows(buttons, 2), [cancel]]
    aspect = _aspect_label(aspects, draft.aspect, lang)
    if step == "state":
        row = [
            Button(
                f"{STATE_EMOJI[s.value]} {plain(lang, f'state.{s.value}')}",
                f"{prefix}:s:{STATE_SHORT[s]}",
            )
            for s in (ReportState.READY, ReportState.PARTIAL, ReportState.NOT_READY)
        ]
        return t(lang, "report.choose_state", region=region, aspect=aspect), [row, [cancel]]
    if step == "percent":
        return t(lang, "report.ask.percent"), [[skip]]
    if step == "note":
        return t(lang, "report.ask.note"), [[skip]]
    if step == "photo":
        return t(lang, "report.ask.photo"), [
            [Button(plain(lang, "report.button.photos_done"), f"{prefix}:done"), skip]
        ]
    return await _summary(context, draft, region, aspect), _summary_buttons(lang, prefix)


async def _summary(context: PoskoContext, draft: Draft, region: str, aspect: str) -> Html:
    lang = context.lang
    details: list[Html] = []
    if draft.corrects is not None:
        details.insert(0, t(lang, "report.summary.correction", reference=reference(draft.corrects)))
    if draft.note:
        details.append(t(lang, "report.summary.note", note=shorten(draft.note, NOTE_PREVIEW)))
    if draft.photos:
        details.append(t(lang, "report.summary.photos", count=len(draft.photos)))
    if draft.latitude is not None and draft.longitude is not None:
        details.append(
            t(
                lang,
                "report.summary.location",
                latitude=f"{draft.latitude:.5f}",
                longitude=f"{draft.longitude:.5f}",
            )
        )
    if not details:
        details.append(t(lang, "report.summary.no_details"))
    return t(
        lang,
        "report.summary",
        region=region,
        aspect=aspect,
        emoji=STATE_EMOJI[draft.state],
        state=plain(lang, f"state.{draft.state}"),
        progress=_progress_text(draft.progress),
        details=Html("\n".join(details)),
    )


def _summary_buttons(lang: str, prefix: str) -> Keyboard:
    def button(key: str, action: str) -> Button:
        return Button(plain(lang, f"report.button.{key}"), f"{prefix}:{action}")

    return [
        [button("send", "send")],
        [button("percent", "add:percent"), button("note", "add:note")],
        [button("photo", "add:photo"), button("location", "add:location")],
        [button("change", "change"), button("cancel", "x")],
    ]


async def report_button(update: Update, context: PoskoContext) -> None:
    """Every button of the guided flow: `rep1:<token>:<action>[:<argument>[:<page>]]`."""
    query = update.callback_query
    assert query is not None
    data = personal_button(update, context, private=True)
    if data is None:
        return
    actor = await require_actor(update, context)
    if actor is None or query.message is None:
        return
    lang = context.lang
    chat_id, message_id = query.message.chat.id, query.message.message_id
    user = update.effective_user
    assert user is not None
    parts = data.split(":")
    conversation = await get_conversation(context.session, chat_id=chat_id, user_id=user.id)
    if (
        len(parts) < 3
        or conversation is None
        or conversation.flow != FLOW
        or conversation.token != parts[1]
    ):
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    if conversation.expires_at <= context.now:
        await end_conversation(context.session, chat_id=chat_id, user_id=user.id)
        reply(update, context, expired_message(context, conversation))
        answer_callback(context, update)
        return
    draft = Draft.load(conversation.data)
    action, arguments = parts[2], parts[3:]
    step = await _apply_button(context, actor, conversation, draft, action, arguments)
    if step is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    answer_callback(context, update)
    if step == "cancelled":
        await end_conversation(context.session, chat_id=chat_id, user_id=user.id)
        context.unit.edit(chat_id, message_id, t(lang, "report.cancelled"))
        return
    if step == "send":
        await end_conversation(context.session, chat_id=chat_id, user_id=user.id)
        await _save(
            update,
            context,
            actor,
            draft,
            await _aspects(context.session),
            edit_message_id=message_id,
        )
        return
    if step == "location":
        # A location can only be asked for with a reply keyboard, which needs a new message.
        conversation = await _store(context, chat_id, user.id, step, conversation.token, draft)
        context.unit.edit(chat_id, message_id, t(lang, "report.location_pending"))
        reply(update, context, t(lang, "report.ask.location"), reply_markup=location_keyboard(lang))
        return
    at = arguments[0] if action == "n" and arguments else None
    page = (
        int(arguments[1]) if action == "n" and len(arguments) > 1 and arguments[1].isdigit() else 0
    )
    conversation = await _store(context, chat_id, user.id, step, conversation.token, draft)
    text, buttons = await _card(context, actor, conversation, page=page, at=at)
    context.unit.edit(chat_id, message_id, text, buttons=buttons)


async def _apply_button(
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    draft: Draft,
    action: str,
    arguments: list[str],
) -> str | None:
    """Change the draft for a button; return the next step, or None for a stale press."""
    step = conversation.step
    if action == "x":
        return "cancelled"
    if action == "n" and step == "region" and arguments:
        code = arguments[0]
        if level_of(code) is None or not is_within(code, actor.region_code):
            return None
        return "region" if await get_region(context.session, code=code) else None
    if action == "p" and step == "region" and arguments:
        code = arguments[0]
        if level_of(code) is None or not is_within(code, actor.region_code):
            return None
        if await get_region(context.session, code=code) is None:
            return None
        draft.region = code
        return "aspect" if draft.state is None else "summary"
    if action == "a" and step == "aspect" and arguments:
        if arguments[0] not in {a.code for a in await _aspects(context.session)}:
            return None
        draft.aspect = arguments[0]
        return "state"
    if action == "s" and step == "state" and arguments and arguments[0] in STATE_FROM_SHORT:
        draft.state = STATE_FROM_SHORT[arguments[0]].value
        return "summary"
    if step == "summary":
        if action == "send":
            return "send" if draft.region and draft.aspect and draft.state else None
        if (
            action == "add"
            and arguments
            and arguments[0] in ("percent", "note", "photo", "location")
        ):
            return arguments[0]
        if action == "change":
            has_choice = bool(await child_regions(context.session, code=actor.region_code))
            return "region" if has_choice else "aspect"
    if action == "skip" and step in ("percent", "note", "photo", "location"):
        return "summary"
    if action == "done" and step == "photo":
        return "summary"
    return None


async def flow_input(update: Update, context: PoskoContext, conversation: Conversation) -> None:
    """Text, a photo or a location while a report draft is open."""
    actor = context.actor
    message = update.effective_message
    chat, user = update.effective_chat, update.effective_user
    if actor is None or message is None or chat is None or user is None:
        return
    lang = context.lang
    draft = Draft.load(conversation.data)
    step = conversation.step
    text = (message.text or "").strip()
    if step == "location":
        point = await location_answer(update, context)
        if point is None:
            return
        if isinstance(point, Coordinates):
            draft.latitude, draft.longitude = point.latitude, point.longitude
        await _next_card(update, context, actor, chat.id, user.id, "summary", draft)
        return
    if step == "photo":
        if not message.photo:
            reply(update, context, t(lang, "report.bad.expected_photo"))
            return
        if len(draft.photos) >= MAX_PHOTOS:
            reply(update, context, t(lang, "report.photo_limit"))
            return
        draft.photos.append(message.photo[-1].file_id)
        conversation = await _store(context, chat.id, user.id, "photo", conversation.token, draft)
        prefix = f"{CALLBACK}:{conversation.token}"
        done = Button(plain(lang, "report.button.photos_done"), f"{prefix}:done")
        reply(
            update,
            context,
            t(lang, "report.photo_added", count=len(draft.photos)),
            buttons=owned([[done]], user.id),
        )
        return
    if step in ("percent", "note") and not text:
        reply(update, context, t(lang, "report.bad.expected_text"))
        return
    if step == "percent":
        progress = parse_percent(text)
        if progress is None:
            reply(update, context, t(lang, "report.bad.percent"))
            return
        draft.progress = progress
        await _next_card(update, context, actor, chat.id, user.id, "summary", draft)
        return
    if step == "note":
        note = clean(message.text or "")
        if len(note) > 4000:
            reply(update, context, t(lang, "report.bad.note", length=len(note)))
            return
        draft.note = note
        await _next_card(update, context, actor, chat.id, user.id, "summary", draft)
        return
    if step in ("region", "aspect", "state", "summary") and text:
        # A name typed instead of pressing: taken when it matches one button of the step.
        aspects = await _aspects(context.session)
        choice = await typed_choice(context, actor, step, text, aspects=aspects)
        if choice is None:
            say_unclear(update, context)
        elif step == "region":
            draft.region, step = choice, "aspect" if draft.state is None else "summary"
        elif step == "aspect":
            draft.aspect, step = choice, "state"
        else:
            draft.state, step = choice, "summary"
        await _next_card(update, context, actor, chat.id, user.id, step, draft)
        return
    reply(update, context, t(lang, "report.bad.expected_button"))


async def _next_card(
    update: Update,
    context: PoskoContext,
    actor: Person,
    chat_id: int,
    user_id: int,
    step: str,
    draft: Draft,
) -> None:
    """Continue with a new message; a new token makes the previous card's buttons stale."""
    conversation = await _store(context, chat_id, user_id, step, _new_token(), draft)
    text, buttons = await _card(context, actor, conversation)
    reply(update, context, text, buttons=buttons)


async def _cancelled(update: Update, context: PoskoContext, conversation: Conversation) -> None:
    markup = {"remove_keyboard": True} if conversation.step == "location" else None
    reply(update, context, t(context.lang, "report.cancelled"), reply_markup=markup)


register_flow(
    Flow(name=FLOW, on_input=flow_input, on_cancel=_cancelled, expired_key="report.expired")
)


# -- status ----------------------------------------------------------------------------------


async def status_command(update: Update, context: PoskoContext) -> None:
    """/status [kode wilayah]: readiness by aspect, and the areas below, worst first."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    root = actor.region_code
    if context.args:
        wanted = context.args[0]
        if not await allowed_region(
            update, context, actor, wanted, outside_key="status.outside_region"
        ):
            return
        root = wanted
    chunks = split_lines(await _render_status(context, root=root))
    offer = await status_offer(context, region_code=root) if is_private(update) else None
    for number, chunk in enumerate(chunks, start=1):  # 🤝 under the last part, for 🔴/🟡
        reply(update, context, chunk, buttons=offer if number == len(chunks) else None)


async def _render_status(context: PoskoContext, *, root: str) -> Html:
    session, lang = context.session, context.lang
    tz = context.services.settings.timezone
    aspects = await _aspects(session)
    codes = [a.code for a in aspects]
    children = await child_regions(session, code=root)
    areas = [(c.code, c.name) for c in children]
    cells = await readiness_summary(session, root=root, area_codes={code for code, _ in areas})
    own = roll_up_whole(root, root, codes, cells)
    lines = [
        t(
            lang,
            "status.header",
            region=await region_label(session, root),
            time=format_short_moment(context.now, lang, tz),
        )
    ]
    for aspect in aspects:
        rollup = own.aspects[aspect.code]
        when = (
            t(lang, "status.last", time=format_short_moment(rollup.last_at, lang, tz))
            if rollup.last_at
            else Html("")
        )
        count = t(lang, "status.reports", count=rollup.reports) if rollup.reports > 1 else Html("")
        lines.append(
            t(
                lang,
                "status.aspect_line",
                emoji=STATE_EMOJI[rollup.state],
                aspect=aspect.label(lang),
                state=plain(lang, f"state.{rollup.state or 'none'}"),
                progress=Html(str(_progress_text(rollup.progress)) + str(count)),
                when=when,
            )
        )
    if areas:
        lines.append(t(lang, "status.below_header"))
        for area in roll_up_cells(areas, codes, cells):
            if area.last_at is None:
                lines.append(t(lang, "status.area_none", emoji=STATE_EMOJI[None], name=area.name))
                continue
            counts = " ".join(
                f"{STATE_EMOJI[state]}{area.count(state)}"
                for state in (
                    ReportState.NOT_READY.value,
                    ReportState.PARTIAL.value,
                    ReportState.READY.value,
                    None,
                )
                if area.count(state)
            )
            lines.append(
                t(
                    lang,
                    "status.area_line",
                    emoji=STATE_EMOJI[area.worst],
                    name=area.name,
                    counts=counts,
                    when=t(lang, "status.last", time=format_short_moment(area.last_at, lang, tz)),
                )
            )
    lines.append(t(lang, "status.legend"))
    return Html("\n".join(lines))
