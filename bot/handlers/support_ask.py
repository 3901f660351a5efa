"""The guided /dukungan and the "🤝 Minta dukungan" buttons (under a 🔴/🟡 report's
confirmation, a /status cell and an incident alert): agency → what is needed → by when →
✅ Kirim, with an optional 📍 location (shared or typed) before sending. The flow is a
declaration on the draft engine (bot/handlers/drafts.py); its rules (prefill, policy,
submit) are in bot/services/support_ask.py. Each answer gets a new message, as in a chat."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from telegram import Message, Update

from bot.callbacks import SUPPORT_ASK, SUPPORT_FLOW
from bot.context import PoskoContext
from bot.domain.choices import match_choice
from bot.domain.drafts import LOCATION_STEP, SUMMARY_STEP, StepKind
from bot.domain.policy import Action
from bot.domain.support import SupportSyntaxError, parse_deadline, reference
from bot.domain.text import clean
from bot.handlers.common import answer_callback, personal_button, reply, require_actor
from bot.handlers.drafts import Answer, DraftFlow, Step, Turn, location_line
from bot.i18n import Html, format_short_moment, plain, t
from bot.services import support_ask
from bot.services.agencies import agencies
from bot.services.support import SupportRefused
from bot.services.support_ask import AskDraft
from bot.support_render import ASK_CALLBACK
from bot.ui import Button, Keyboard, in_rows, owned

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person

START_CALLBACK = ASK_CALLBACK


def report_offer(report_id: int, state: str, lang: str, owner: int) -> Keyboard | None:
    """The button under a 🔴/🟡 report's confirmation."""
    if state not in ("not_ready", "partial"):
        return None
    button = Button(plain(lang, "support.button.ask"), SUPPORT_ASK.data("r", report_id))
    return owned([[button]], owner)


async def status_offer(context: PoskoContext, *, region_code: str) -> Keyboard | None:
    """Under /status in a private chat: 🤝 for each 🔴/🟡 cell of the region itself."""
    actor = context.actor
    if actor is None:
        return None
    lang = context.lang
    rows = [
        [
            Button(
                plain(
                    lang,
                    "support.button.ask_for",
                    aspect=offer.aspect_en if lang == "en" else offer.aspect,
                ),
                SUPPORT_ASK.data("r", offer.report_id),
            )
        ]
        for offer in await support_ask.offers(context.unit, region_code=region_code)
    ]
    return owned(rows[:10], actor.telegram_id) if rows else None


async def start_guided(update: Update, context: PoskoContext, actor: Person) -> None:
    """/dukungan without words."""
    draft = await support_ask.start(context.unit, actor=actor)
    assert draft is not None
    await FLOW.start(update, context, actor, draft, step="agency", private=True)


async def start_button(update: Update, context: PoskoContext) -> None:
    """🤝 under a report's confirmation, a /status cell or an incident alert (which may be
    in a group: the draft then goes on in the person's private chat)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    personal = "@" in query.data
    data = personal_button(update, context) if personal else query.data
    if data is None:
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    fields = SUPPORT_ASK.parse(data, count=2)
    if fields is None or fields[0] not in ("r", "i") or not fields[1].isdigit():
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    source, source_id = fields
    try:
        draft = await support_ask.start(
            context.unit,
            actor=actor,
            report_id=int(source_id) if source == "r" else None,
            incident_id=int(source_id) if source == "i" else None,
        )
    except SupportRefused as refusal:
        answer_callback(context, update, plain(lang, refusal.key, **refusal.params), alert=True)
        return
    if draft is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    await FLOW.start(update, context, actor, draft, step="agency", private=True)
    answer_callback(context, update)


# -- the guided flow: its steps ---------------------------------------------------------------


async def _pick_agency(turn: Turn[AskDraft], draft: AskDraft, code: str) -> str | None:
    if code not in {a.code for a in await agencies(turn.unit)}:
        return None
    draft.agency = code
    return "need"


async def _typed_agency(turn: Turn[AskDraft], text: str) -> str | None:
    choices = {
        a.code: [a.code, a.name_id, a.name_en, *a.aliases] for a in await agencies(turn.unit)
    }
    return match_choice(text, choices)


def _read_need(turn: Turn[AskDraft], draft: AskDraft, message: Message) -> Answer:
    text = clean(message.text or "")
    if not text:
        return Answer(say=t(turn.lang, "support.ask.use_buttons"))
    draft.need = text[:4000]
    return Answer(next_step="deadline")


async def _use_suggestion(
    turn: Turn[AskDraft], draft: AskDraft, values: tuple[str, ...]
) -> str | None:
    if not draft.suggested_need:
        return None
    draft.need = draft.suggested_need
    return "deadline"


def _read_deadline(turn: Turn[AskDraft], draft: AskDraft, message: Message) -> Answer:
    text = clean(message.text or "")
    lang = turn.lang
    if not text:
        return Answer(say=t(lang, "support.ask.use_buttons"))
    try:
        deadline, _ = parse_deadline(
            text.split(), now=turn.context.now, tz=turn.context.services.settings.timezone
        )
    except SupportSyntaxError as error:
        return Answer(say=t(lang, f"support.error.{error.key}", word=error.detail[:40]))
    except ValueError:
        return Answer(say=t(lang, "support.ask.deadline_unclear", text=text[:40]))
    draft.deadline = deadline.isoformat()
    return Answer(next_step=SUMMARY_STEP)


async def _choose_deadline(
    turn: Turn[AskDraft], draft: AskDraft, values: tuple[str, ...]
) -> str | None:
    if not values or values[0] not in support_ask.DEADLINE_CHOICES:
        return None
    draft.deadline = (turn.context.now + support_ask.DEADLINE_CHOICES[values[0]]).isoformat()
    return SUMMARY_STEP


async def _card(turn: Turn[AskDraft], step: str, draft: AskDraft) -> tuple[Html, Keyboard]:
    lang = turn.lang
    cancel = turn.cancel_button()
    if step == "agency":
        choices = [turn.button(a.name(lang), "g", a.code) for a in await agencies(turn.unit)]
        return t(lang, "support.ask.agency"), [*in_rows(choices, 2), [cancel]]
    if step == "need":
        text = t(lang, "support.ask.need")
        if not draft.suggested_need:
            return text, [[cancel]]
        text = Html(text + t(lang, "support.ask.need_suggested", need=draft.suggested_need))
        return text, [[turn.button(plain(lang, "support.ask.use_suggestion"), "n")], [cancel]]
    if step == "deadline":
        row = [
            turn.button(plain(lang, f"support.ask.deadline.{key}"), "d", key)
            for key in support_ask.DEADLINE_CHOICES
        ]
        return t(lang, "support.ask.deadline"), [row, [cancel]]
    names = {a.code: a.name(lang) for a in await agencies(turn.unit)}
    assert draft.deadline is not None
    tz = turn.context.services.settings.timezone
    text = t(
        lang,
        "support.ask.confirm",
        agency=names.get(draft.agency or "", draft.agency or ""),
        region=draft.region or "",
        need=draft.need or "",
        deadline=format_short_moment(datetime.fromisoformat(draft.deadline), lang, tz),
        urgency=plain(lang, f"support.urgency.{draft.urgency}"),
    )
    location = location_line(lang, "report.summary.location", draft)
    if location:
        text = Html(f"{text}\n{location}")
    add_location = turn.button(plain(lang, "report.button.location"), "add", LOCATION_STEP)
    return text, [[turn.button(plain(lang, "support.ask.send"), "send"), cancel], [add_location]]


async def _submit(turn: Turn[AskDraft], draft: AskDraft, message_id: int | None) -> None:
    """Sent as a new message, under the card (which stays as the person checked it)."""
    lang = turn.lang
    try:
        asked = await support_ask.submit(
            turn.unit, turn.context.services.settings, actor=turn.actor, draft=draft
        )
    except SupportRefused as refusal:
        reply(turn.update, turn.context, t(lang, refusal.key, **refusal.params))
        return
    assert asked.request.id is not None
    sent = t(
        lang,
        "support.ask.sent",
        reference=reference(asked.request.id),
        target=asked.target,
        handlers=asked.handlers,
    )
    reply(turn.update, turn.context, sent)


FLOW: DraftFlow[AskDraft] = DraftFlow(
    name=support_ask.FLOW,
    kind=SUPPORT_FLOW,
    fields=AskDraft,
    steps={
        "agency": Step(StepKind.CHOICE, pick=_pick_agency, button="g", typed=_typed_agency),
        "need": Step(StepKind.TEXT, read=_read_need, actions={"n": _use_suggestion}),
        "deadline": Step(StepKind.TEXT, read=_read_deadline, actions={"d": _choose_deadline}),
        LOCATION_STEP: Step(StepKind.LOCATION),
        SUMMARY_STEP: Step(StepKind.SUMMARY),
    },
    card=_card,
    submit=_submit,
    access=Action.REQUEST_SUPPORT,
    # The draft's region comes with it (the person's own, or the report's or incident's):
    # the flow never asks for one.
    after_region=lambda draft: "agency",
    region_key="support.ask.agency",
    outside_key="support.refused.region",
    cancelled_key="cancel.done",
    expired_key="support.ask.expired",
    additions=(LOCATION_STEP,),
    ready=lambda draft: draft.complete,
    new_card_on_press=True,
)
