"""/lapor, /status, /ralat, /tarik: readiness reports from the field.

The guided /lapor is a declaration on the draft engine (bot/handlers/drafts.py): its steps,
its card and its submit; the use cases are in bot/services/reports.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Message, Update

from bot.callbacks import REPORT_FLOW, REPORT_WITHDRAW
from bot.context import PoskoContext
from bot.domain.choices import match_choice
from bot.domain.drafts import (
    LOCATION_STEP,
    PHOTO_STEP,
    REGION_STEP,
    SUMMARY_STEP,
    DraftFields,
    StepKind,
)
from bot.domain.lines import Guess, read_report_line
from bot.domain.policy import Action
from bot.domain.reports import (
    MAX_NOTE_LENGTH,
    STATE_EMOJI,
    STATE_FROM_SHORT,
    STATE_SHORT,
    AspectInfo,
    ReportSyntaxError,
    parse_percent,
    progress_text,
    reference,
)
from bot.domain.text import clean
from bot.domain.types import ReportState
from bot.handlers import one_line
from bot.handlers.common import (
    answer_callback,
    pressed_by_actor,
    private_command,
    reply,
    require_actor,
)
from bot.handlers.drafts import Answer, DraftFlow, Step, Turn, location_line, show
from bot.handlers.flow_inputs import aspect_choices, state_choices
from bot.handlers.support_ask import report_offer
from bot.i18n import Html, format_short_moment, plain, t
from bot.render import shorten
from bot.services import drafts
from bot.services.reports import (
    ReportFields,
    Withdrawal,
    correctable_report,
    report_aspects,
    submit_report,
    withdraw,
)
from bot.ui import Button, Keyboard, in_rows, owned

if TYPE_CHECKING:
    from storage.models import Person

NOTE_PREVIEW = 300  # characters of a note shown on a card; the note is stored whole
STATES = (ReportState.READY, ReportState.PARTIAL, ReportState.NOT_READY)


@dataclass
class Draft(DraftFields):
    """A report being put together; stored as the conversation's JSON data."""

    aspect: str | None = None
    state: str | None = None
    progress: int | None = None
    note: str | None = None
    corrects: int | None = None

    def fields(self) -> ReportFields:
        assert self.region and self.aspect and self.state
        return ReportFields(
            region=self.region,
            aspect=self.aspect,
            state=self.state,
            progress=self.progress,
            note=self.note,
            photos=tuple(self.photos),
            latitude=self.latitude,
            longitude=self.longitude,
        )


def _aspect_label(aspects: list[AspectInfo], code: str | None, lang: str) -> str:
    for aspect in aspects:
        if aspect.code == code:
            return aspect.label(lang)
    return code or "—"


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
        await FLOW.start(update, context, command.actor, Draft(photos=command.photos))


async def correct_command(update: Update, context: PoskoContext) -> None:
    """/ralat [same as /lapor]: replace your last report, within the correction window."""
    command = await private_command(update, context)
    if command is None:
        return
    settings = context.services.settings
    last = await correctable_report(context.unit, settings, actor=command.actor)
    if last is None:
        minutes = settings.correction_window_minutes
        reply(update, context, t(context.lang, "report.correct.none", minutes=minutes))
        return
    if command.arguments.strip():
        await _report_in_one_line(
            update,
            context,
            command.actor,
            command.arguments,
            photos=[],
            corrects=(last.id, last.fields.region),
        )
        return
    old = last.fields
    draft = Draft(
        region=old.region,
        aspect=old.aspect,
        state=old.state,
        progress=old.progress,
        note=old.note,
        photos=list(old.photos),
        latitude=old.latitude,
        longitude=old.longitude,
        corrects=last.id,
    )
    await FLOW.start(update, context, command.actor, draft, step=SUMMARY_STEP)


async def withdraw_command(update: Update, context: PoskoContext) -> None:
    """/tarik: withdraw your last report (asks to confirm)."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang, settings = context.lang, context.services.settings
    last = await correctable_report(context.unit, settings, actor=actor)
    if last is None:
        minutes = settings.correction_window_minutes
        reply(update, context, t(lang, "report.withdraw.none", minutes=minutes))
        return
    aspects = await report_aspects(context.unit)
    ref = reference(last.id)
    text = t(
        lang,
        "report.withdraw.confirm",
        reference=ref,
        aspect=_aspect_label(aspects, last.fields.aspect, lang),
        state=plain(lang, f"state.{last.fields.state}"),
        region=last.region,
    )
    buttons = [
        [Button(plain(lang, "report.withdraw.yes", reference=ref), REPORT_WITHDRAW.data(last.id))],
        [Button(plain(lang, "report.button.cancel"), REPORT_WITHDRAW.data("x"))],
    ]
    reply(update, context, text, buttons=owned(buttons, actor.telegram_id))


async def withdraw_button(update: Update, context: PoskoContext) -> None:
    query = update.callback_query
    assert query is not None
    pressed = await pressed_by_actor(update, context)
    if pressed is None or query.message is None:
        return
    data, actor = pressed
    lang, settings = context.lang, context.services.settings
    chat_id, message_id = query.message.chat.id, query.message.message_id
    fields = REPORT_WITHDRAW.parse(data)
    argument = fields[0] if fields else ""
    if argument == "x":
        context.unit.edit(chat_id, message_id, t(lang, "cancel.done"))
        answer_callback(context, update)
        return
    outcome = (
        await withdraw(context.unit, settings, actor=actor, report_id=int(argument))
        if argument.isdigit()
        else Withdrawal.NOT_FOUND
    )
    if outcome is Withdrawal.NOT_FOUND:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    ref = reference(int(argument))
    minutes = settings.correction_window_minutes
    text = (
        t(lang, "report.withdraw.done", reference=ref)
        if outcome is Withdrawal.DONE
        else t(lang, "report.withdraw.too_late", reference=ref, minutes=minutes)
    )
    context.unit.edit(chat_id, message_id, text)
    answer_callback(context, update)


async def start_report(update: Update, context: PoskoContext, actor: Person) -> None:
    """Start the guided report (e.g. from a reminder's button)."""
    await FLOW.start(update, context, actor, Draft())


# -- one line ---------------------------------------------------------------------------------


async def _report_in_one_line(
    update: Update,
    context: PoskoContext,
    actor: Person,
    arguments: str,
    *,
    photos: list[str],
    corrects: tuple[int, str] | None = None,  # the report corrected, and its region
) -> None:
    aspects = await report_aspects(context.unit)
    await one_line.drop_pending(update, context)
    try:
        reading = read_report_line(arguments, aspects)
    except ReportSyntaxError as error:
        one_line.refuse_report(update, context, error, aspects)
        await FLOW.keep_photos(update, context, actor, photos, "report.photo_kept")
        return
    first = reading.options[0] if isinstance(reading, Guess) else reading
    region = first.region or (corrects[1] if corrects else actor.region_code)
    if await FLOW.region_refused(update, context, actor, region):
        await FLOW.keep_photos(update, context, actor, photos, "report.photo_kept")
        return
    corrects_id = corrects[0] if corrects else None
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
    lang, settings = context.lang, context.services.settings
    saved = await submit_report(
        context.unit, settings, actor=actor, fields=draft.fields(), corrects=draft.corrects
    )
    report = saved.fields
    corrects_text = (
        t(lang, "report.saved.corrects", reference=reference(saved.corrected))
        if saved.corrected is not None
        else Html("")
    )
    text = t(
        lang,
        "report.saved",
        reference=reference(saved.id),
        corrects=corrects_text,
        region=saved.region,
        aspect=_aspect_label(aspects, report.aspect, lang),
        emoji=STATE_EMOJI[report.state],
        state=plain(lang, f"state.{report.state}"),
        progress=progress_text(report.progress),
        time=format_short_moment(saved.created_at, lang, settings.timezone),
    )
    if report.note:
        text = Html(text + t(lang, "report.saved.note", note=shorten(report.note, NOTE_PREVIEW)))
    if report.photos:
        text = Html(text + t(lang, "report.saved.photos", count=len(report.photos)))
    offer = report_offer(saved.id, report.state, lang, actor.telegram_id)  # 🤝 for 🔴/🟡
    show(update, context, text, edit_message_id=edit_message_id, buttons=offer)


# -- the guided flow: its steps ---------------------------------------------------------------


async def _pick_region(turn: Turn[Draft], draft: Draft, code: str) -> str | None:
    draft.region = code
    return "aspect" if draft.state is None else SUMMARY_STEP


async def _pick_aspect(turn: Turn[Draft], draft: Draft, code: str) -> str | None:
    if code not in {a.code for a in await report_aspects(turn.unit)}:
        return None
    draft.aspect = code
    return "state"


async def _typed_aspect(turn: Turn[Draft], text: str) -> str | None:
    return match_choice(text, aspect_choices(await report_aspects(turn.unit)))


def _state_of_button(short: str) -> str | None:
    state = STATE_FROM_SHORT.get(short)
    return state.value if state is not None else None


async def _pick_state(turn: Turn[Draft], draft: Draft, value: str) -> str | None:
    if value not in {s.value for s in ReportState}:
        return None
    draft.state = value
    return SUMMARY_STEP


async def _typed_state(turn: Turn[Draft], text: str) -> str | None:
    return match_choice(text, state_choices())


def _read_percent(turn: Turn[Draft], draft: Draft, message: Message) -> Answer:
    text = (message.text or "").strip()
    if not text:
        return Answer(say=t(turn.lang, "report.bad.expected_text"))
    progress = parse_percent(text)
    if progress is None:
        return Answer(say=t(turn.lang, "report.bad.percent"))
    draft.progress = progress
    return Answer(next_step=SUMMARY_STEP)


def _read_note(turn: Turn[Draft], draft: Draft, message: Message) -> Answer:
    if not (message.text or "").strip():
        return Answer(say=t(turn.lang, "report.bad.expected_text"))
    note = clean(message.text or "")
    if len(note) > MAX_NOTE_LENGTH:
        return Answer(say=t(turn.lang, "report.bad.note", length=len(note)))
    draft.note = note
    return Answer(next_step=SUMMARY_STEP)


async def _change(turn: Turn[Draft], draft: Draft, values: tuple[str, ...]) -> str | None:
    below = await drafts.has_regions_below(turn.unit, code=turn.actor.region_code)
    return REGION_STEP if below else "aspect"


async def _card(turn: Turn[Draft], step: str, draft: Draft) -> tuple[Html, Keyboard]:
    lang = turn.lang
    aspects = await report_aspects(turn.unit)
    region = await drafts.region_name(turn.unit, code=draft.region or turn.actor.region_code)
    cancel = turn.cancel_button()
    if step == "aspect":
        buttons = [turn.button(a.label(lang), "a", a.code) for a in aspects]
        return t(lang, "report.choose_aspect", region=region), [*in_rows(buttons, 2), [cancel]]
    aspect = _aspect_label(aspects, draft.aspect, lang)
    if step == "state":
        row = [
            turn.button(
                f"{STATE_EMOJI[s.value]} {plain(lang, f'state.{s.value}')}", "s", STATE_SHORT[s]
            )
            for s in STATES
        ]
        return t(lang, "report.choose_state", region=region, aspect=aspect), [row, [cancel]]
    if step in ("percent", "note"):
        return t(lang, f"report.ask.{step}"), [[turn.skip_button()]]
    return _summary(lang, draft, region, aspect), _summary_buttons(turn)


def _summary(lang: str, draft: Draft, region: str, aspect: str) -> Html:
    details: list[Html] = []
    if draft.corrects is not None:
        details.append(t(lang, "report.summary.correction", reference=reference(draft.corrects)))
    if draft.note:
        details.append(t(lang, "report.summary.note", note=shorten(draft.note, NOTE_PREVIEW)))
    if draft.photos:
        details.append(t(lang, "report.summary.photos", count=len(draft.photos)))
    if draft.has_location:
        details.append(location_line(lang, "report.summary.location", draft))
    if not details:
        details.append(t(lang, "report.summary.no_details"))
    return t(
        lang,
        "report.summary",
        region=region,
        aspect=aspect,
        emoji=STATE_EMOJI[draft.state],
        state=plain(lang, f"state.{draft.state}"),
        progress=progress_text(draft.progress),
        details=Html("\n".join(details)),
    )


def _summary_buttons(turn: Turn[Draft]) -> Keyboard:
    def button(key: str, action: str, *values: str) -> Button:
        return turn.button(plain(turn.lang, f"report.button.{key}"), action, *values)

    return [
        [button("send", "send")],
        [button("percent", "add", "percent"), button("note", "add", "note")],
        [button("photo", "add", PHOTO_STEP), button("location", "add", LOCATION_STEP)],
        [button("change", "change"), button("cancel", "x")],
    ]


async def _submit(turn: Turn[Draft], draft: Draft, message_id: int | None) -> None:
    aspects = await report_aspects(turn.unit)
    await _save(turn.update, turn.context, turn.actor, draft, aspects, edit_message_id=message_id)


FLOW: DraftFlow[Draft] = DraftFlow(
    name="report",
    kind=REPORT_FLOW,
    fields=Draft,
    steps={
        REGION_STEP: Step(StepKind.REGION, pick=_pick_region),
        "aspect": Step(StepKind.CHOICE, pick=_pick_aspect, button="a", typed=_typed_aspect),
        "state": Step(
            StepKind.CHOICE,
            pick=_pick_state,
            button="s",
            from_button=_state_of_button,
            typed=_typed_state,
        ),
        "percent": Step(StepKind.TEXT, read=_read_percent, skip=True),
        "note": Step(StepKind.TEXT, read=_read_note, skip=True),
        PHOTO_STEP: Step(StepKind.PHOTOS),
        LOCATION_STEP: Step(StepKind.LOCATION),
        SUMMARY_STEP: Step(StepKind.SUMMARY, actions={"change": _change}),
    },
    card=_card,
    submit=_submit,
    access=Action.REPORT,
    after_region=lambda draft: "aspect",
    region_key="report.choose_region",
    outside_key="report.outside_region",
    cancelled_key="report.cancelled",
    expired_key="report.expired",
    additions=("percent", "note", PHOTO_STEP, LOCATION_STEP),
    ready=lambda draft: bool(draft.region and draft.aspect and draft.state),
    replaced_key="report.replaced_draft",
)
