"""The guided /dukungan and the "🤝 Minta dukungan" buttons (under a 🔴/🟡 report's
confirmation and an incident alert): agency → what is needed → by when → ✅ Kirim, with an
optional 📍 location (shared or typed, as in the incident flow) before sending."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from telegram import Update

from bot.callbacks import SUPPORT_ASK, SUPPORT_FLOW
from bot.context import PoskoContext
from bot.domain.geo import Coordinates
from bot.domain.support import SupportSyntaxError, parse_deadline, reference
from bot.domain.text import clean
from bot.handlers.common import (
    answer_callback,
    location_keyboard,
    personal_button,
    pressed_by_actor,
    reply,
    require_actor,
)
from bot.handlers.flow_inputs import REMOVE_KEYBOARD, location_answer
from bot.handlers.flows import Flow
from bot.i18n import Html, format_short_moment, plain, t
from bot.services import support_ask as drafts
from bot.services.agencies import agencies
from bot.services.support import SupportRefused
from bot.support_render import ASK_CALLBACK
from bot.ui import Button, Keyboard, in_rows, owned

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person

START_CALLBACK = ASK_CALLBACK
STEP_CALLBACK = SUPPORT_FLOW.prefix


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
        for offer in await drafts.offers(context.unit, region_code=region_code)
    ]
    return owned(rows[:10], actor.telegram_id) if rows else None


async def start_guided(update: Update, context: PoskoContext, actor: Person) -> None:
    """/dukungan without words."""
    state = await drafts.start(
        context.unit, actor=actor, minutes=context.services.settings.draft_ttl_minutes
    )
    assert state is not None
    await _show(context, actor, state)


async def start_button(update: Update, context: PoskoContext) -> None:
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
    minutes = context.services.settings.draft_ttl_minutes
    try:
        state = await drafts.start(
            context.unit,
            actor=actor,
            minutes=minutes,
            report_id=int(source_id) if source == "r" else None,
            incident_id=int(source_id) if source == "i" else None,
        )
    except SupportRefused as refusal:
        answer_callback(context, update, plain(lang, refusal.key, **refusal.params), alert=True)
        return
    if state is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    await _show(context, actor, state)
    answer_callback(context, update)


async def _show(context: PoskoContext, actor: Person, state: drafts.DraftState) -> None:
    """The question of the draft's step, in the person's private chat."""
    lang = context.lang
    tz = context.services.settings.timezone
    token = state.token
    cancel = Button(plain(lang, "picker.cancel"), SUPPORT_FLOW.data(token, "x"))
    draft = state.draft
    keyboard: Keyboard
    if state.step == "agency":
        choices = [
            Button(a.name(lang), SUPPORT_FLOW.data(token, "g", a.code))
            for a in await agencies(context.unit)
        ]
        keyboard = [*in_rows(choices, 2), [cancel]]
        text = t(lang, "support.ask.agency")
    elif state.step == "need":
        keyboard = [[cancel]]
        text = t(lang, "support.ask.need")
        if draft.suggested_need:
            text = Html(text + t(lang, "support.ask.need_suggested", need=draft.suggested_need))
            keyboard = [
                [Button(plain(lang, "support.ask.use_suggestion"), SUPPORT_FLOW.data(token, "n"))],
                [cancel],
            ]
    elif state.step == "deadline":
        keyboard = [
            [
                Button(
                    plain(lang, f"support.ask.deadline.{key}"), SUPPORT_FLOW.data(token, "d", key)
                )
                for key in drafts.DEADLINE_CHOICES
            ],
            [cancel],
        ]
        text = t(lang, "support.ask.deadline")
    elif state.step == "location":
        text = t(lang, "report.ask.location")
        context.unit.send(actor.telegram_id, text, reply_markup=location_keyboard(lang))
        return
    else:
        names = {a.code: a.name(lang) for a in await agencies(context.unit)}
        assert draft.deadline is not None
        text = t(
            lang,
            "support.ask.confirm",
            agency=names.get(draft.agency or "", draft.agency or ""),
            region=draft.region,
            need=draft.need or "",
            deadline=format_short_moment(datetime.fromisoformat(draft.deadline), lang, tz),
            urgency=plain(lang, f"support.urgency.{draft.urgency}"),
        )
        if draft.location is not None:
            latitude, longitude = draft.location
            location = t(
                lang,
                "report.summary.location",
                latitude=f"{latitude:.5f}",
                longitude=f"{longitude:.5f}",
            )
            text = Html(f"{text}\n{location}")
        keyboard = [
            [Button(plain(lang, "support.ask.send"), SUPPORT_FLOW.data(token, "s")), cancel],
            [Button(plain(lang, "report.button.location"), SUPPORT_FLOW.data(token, "l"))],
        ]
    context.unit.send(actor.telegram_id, text, buttons=owned(keyboard, actor.telegram_id))


async def step_button(update: Update, context: PoskoContext) -> None:
    pressed = await pressed_by_actor(update, context, private=True)
    if pressed is None:
        return
    data, actor = pressed
    lang = context.lang
    parts = SUPPORT_FLOW.parse(data) or ()
    state = await drafts.current(
        context.unit, actor=actor, token=parts[0] if len(parts) > 1 else ""
    )
    if state is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    action = parts[1]
    draft = state.draft
    minutes = context.services.settings.draft_ttl_minutes
    if action == "x":
        await drafts.drop(context.unit, actor=actor)
        reply(update, context, t(lang, "cancel.done"))
    elif action == "s" and state.step == "confirm":
        try:
            asked = await drafts.submit(
                context.unit, context.services.settings, actor=actor, state=state
            )
        except SupportRefused as refusal:
            reply(update, context, t(lang, refusal.key, **refusal.params))
        else:
            assert asked.request.id is not None
            reply(
                update,
                context,
                t(
                    lang,
                    "support.ask.sent",
                    reference=reference(asked.request.id),
                    target=asked.target,
                    handlers=asked.handlers,
                ),
            )
    elif action == "l" and state.step == "confirm":
        draft.locating = True
        await _show(
            context,
            actor,
            await drafts.store(context.unit, actor=actor, draft=draft, minutes=minutes),
        )
    elif action == "g" and len(parts) == 3 and state.step == "agency":
        draft.agency = parts[2]
        await _show(
            context,
            actor,
            await drafts.store(context.unit, actor=actor, draft=draft, minutes=minutes),
        )
    elif action == "n" and state.step == "need" and draft.suggested_need:
        draft.need = draft.suggested_need
        await _show(
            context,
            actor,
            await drafts.store(context.unit, actor=actor, draft=draft, minutes=minutes),
        )
    elif (
        action == "d"
        and len(parts) == 3
        and parts[2] in drafts.DEADLINE_CHOICES
        and state.step == "deadline"
    ):
        draft.deadline = (context.now + drafts.DEADLINE_CHOICES[parts[2]]).isoformat()
        await _show(
            context,
            actor,
            await drafts.store(context.unit, actor=actor, draft=draft, minutes=minutes),
        )
    else:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    answer_callback(context, update)


async def typed(update: Update, context: PoskoContext, conversation: object) -> None:
    """A message while the draft waits: what is needed, a deadline in words, or (at the
    location step, or with the confirmation showing) a location."""
    actor = await require_actor(update, context)
    message = update.effective_message
    if actor is None or message is None:
        return
    lang = context.lang
    state = await drafts.current(context.unit, actor=actor)
    assert state is not None
    text = clean(message.text or "")
    draft = state.draft
    minutes = context.services.settings.draft_ttl_minutes
    if state.step == "location" or (state.step == "confirm" and message.location is not None):
        point = await location_answer(update, context)
        if point is None:
            return
        if isinstance(point, Coordinates):
            draft.latitude, draft.longitude = point.latitude, point.longitude
        draft.locating = False
    elif state.step == "need" and text:
        draft.need = text[:4000]
    elif state.step == "deadline" and text:
        try:
            deadline, _ = parse_deadline(text.split(), now=context.now, tz=_tz(context))
        except SupportSyntaxError as error:
            reply(update, context, t(lang, f"support.error.{error.key}", word=error.detail[:40]))
            return
        except ValueError:
            reply(update, context, t(lang, "support.ask.deadline_unclear", text=text[:40]))
            return
        draft.deadline = deadline.isoformat()
    else:
        reply(update, context, t(lang, "support.ask.use_buttons"))
        return
    await _show(
        context, actor, await drafts.store(context.unit, actor=actor, draft=draft, minutes=minutes)
    )


def _tz(context: PoskoContext) -> ZoneInfo:
    return context.services.settings.timezone


async def cancelled(update: Update, context: PoskoContext, conversation: object) -> None:
    at_location = getattr(conversation, "step", None) == "location"
    reply(
        update,
        context,
        t(context.lang, "cancel.done"),
        reply_markup=REMOVE_KEYBOARD if at_location else None,
    )


ROUTE = Flow(
    name=drafts.FLOW,
    on_input=typed,  # type: ignore[arg-type]
    on_cancel=cancelled,  # type: ignore[arg-type]
    expired_key="support.ask.expired",
)
