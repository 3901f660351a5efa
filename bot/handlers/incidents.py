"""/insiden, /insiden_terbuka and the buttons on incident alerts.

Reporting works in one line, with buttons (the guided flow is a declaration on the draft
engine, bot/handlers/drafts.py), and from a photo whose caption is the command. A location
sent on its own offers to report an incident at that spot. Closing an incident asks the
coordinator for a note in a small flow. The use cases are in bot/services/incidents.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from telegram import Message, Update

from bot.alerts import alerted_text
from bot.callbacks import INCIDENT_ALERT, INCIDENT_FLOW, INCIDENT_HERE
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
from bot.domain.geo import Coordinates
from bot.domain.incidents import (
    CLASS_WORDS,
    MAX_DESCRIPTION,
    SEVERITY_EMOJI,
    IncidentSyntaxError,
    TypeInfo,
    reference,
    severity_text,
    status_text,
)
from bot.domain.lines import Guess, read_incident_line
from bot.domain.policy import Action, chat_kind
from bot.domain.text import clean
from bot.domain.types import AthgClass, Severity
from bot.handlers.common import (
    answer_callback,
    pressed_by_actor,
    private_command,
    reply,
    require_actor,
)
from bot.handlers.drafts import Answer, DraftFlow, Step, Turn, location_line, show
from bot.handlers.flow_inputs import severity_choices, type_choices
from bot.handlers.flows import Flow
from bot.handlers.one_line import ask_incident, drop_pending, refuse_incident
from bot.i18n import Html, plain, t
from bot.render import shorten, split_lines
from bot.services import drafts
from bot.services.drafts import OpenDraft
from bot.services.incidents import (
    ACTIONS,
    CLOSE_FLOW,
    IncidentFields,
    Outcome,
    act_on_incident,
    close_incident,
    incident_kinds,
    open_incidents_view,
    submit_incident,
)
from bot.ui import Button, Keyboard, in_rows, owned

if TYPE_CHECKING:
    from storage.models import Person

SEVERITIES = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
# The action letters of an alert's buttons (bot/alerts.py builds them).
ALERT_ACTIONS = dict(zip(("a", "p", "r", "d"), ACTIONS, strict=True))


@dataclass
class IncidentDraft(DraftFields):
    type_code: str | None = None
    severity: str | None = None
    athg: str | None = None
    description: str | None = None

    def fields(self) -> IncidentFields:
        assert self.region and self.type_code and self.severity
        return IncidentFields(
            region=self.region,
            type_code=self.type_code,
            severity=self.severity,
            athg=self.athg,
            description=self.description or "",
            photos=tuple(self.photos),
            latitude=self.latitude,
            longitude=self.longitude,
        )


def _kind_label(types: list[TypeInfo], code: str | None, lang: str, missing: str) -> str:
    return next((k.label(lang) for k in types if k.code == code), missing)


# -- reporting ------------------------------------------------------------------------------


async def incident_command(update: Update, context: PoskoContext) -> None:
    """/insiden [wilayah] keparahan jenis [kelas] keterangan — or /insiden for buttons."""
    command = await private_command(update, context)
    if command is None:
        return
    if command.arguments.strip():
        await _one_line(update, context, command.actor, command.arguments, command.photos)
    else:
        await FLOW.start(update, context, command.actor, IncidentDraft(photos=command.photos))


async def _one_line(
    update: Update, context: PoskoContext, actor: Person, arguments: str, photos: list[str]
) -> None:
    types = await incident_kinds(context.unit)
    await drop_pending(update, context)
    try:
        reading = read_incident_line(arguments, types)
    except IncidentSyntaxError as error:
        refuse_incident(update, context, error, types)
        await FLOW.keep_photos(update, context, actor, photos, "incident.photo_kept")
        return
    first = reading.options[0] if isinstance(reading, Guess) else reading
    region = first.region or actor.region_code
    if await FLOW.region_refused(update, context, actor, region):
        await FLOW.keep_photos(update, context, actor, photos, "incident.photo_kept")
        return
    if isinstance(reading, Guess):
        await ask_incident(update, context, reading, types, region=region, photos=photos)
        return
    draft = IncidentDraft(
        region=region,
        type_code=reading.type_code,
        severity=reading.severity.value,
        athg=reading.athg_class.value,
        description=reading.description,
        photos=photos,
    )
    await _submit(update, context, actor, draft, types)


async def _submit(
    update: Update,
    context: PoskoContext,
    actor: Person,
    draft: IncidentDraft,
    types: list[TypeInfo],
    *,
    edit_message_id: int | None = None,
) -> None:
    """Store the incident, alert at once, and confirm with its reference."""
    lang = context.lang
    incident = await submit_incident(
        context.unit, context.services.settings, actor=actor, fields=draft.fields()
    )
    # The description comes before "you will be told…", so the closing line stays last.
    description = (
        t(lang, "incident.saved.description", description=shorten(incident.description, 300))
        if incident.description
        else Html("")
    )
    text = t(
        lang,
        "incident.saved",
        description=description,
        reference=reference(incident.id),
        recipients=alerted_text(lang, incident.alerted),
        severity=severity_text(lang, incident.severity),
        kind=_kind_label(types, incident.type_code, lang, incident.type_code),
        athg=plain(lang, f"athg.{incident.athg}"),
        region=incident.region,
    )
    if incident.alerted.people == 0:
        text = Html(text + t(lang, "incident.saved_nobody"))
    show(update, context, text, edit_message_id=edit_message_id)


# -- the guided flow: its steps ---------------------------------------------------------------


async def _pick_region(turn: Turn[IncidentDraft], draft: IncidentDraft, code: str) -> str | None:
    draft.region = code
    return "type"


async def _pick_type(turn: Turn[IncidentDraft], draft: IncidentDraft, code: str) -> str | None:
    kind = next((k for k in await incident_kinds(turn.unit) if k.code == code), None)
    if kind is None:
        return None
    draft.type_code, draft.athg = kind.code, kind.default_class
    return "severity"


async def _typed_type(turn: Turn[IncidentDraft], text: str) -> str | None:
    return match_choice(text, type_choices(await incident_kinds(turn.unit)))


async def _pick_severity(turn: Turn[IncidentDraft], draft: IncidentDraft, value: str) -> str | None:
    if value not in {s.value for s in Severity}:
        return None
    draft.severity = value
    return "description"


async def _typed_severity(turn: Turn[IncidentDraft], text: str) -> str | None:
    return match_choice(text, severity_choices())


def _read_description(turn: Turn[IncidentDraft], draft: IncidentDraft, message: Message) -> Answer:
    text = clean(message.text or "")
    if message.photo:
        # A photo here is kept; its caption, if any, is the description.
        draft.add_photo(message.photo[-1].file_id)
        text = clean(message.caption or "")
        if not text:
            kept = t(turn.lang, "incident.photo_kept_at_description", count=len(draft.photos))
            return Answer(say=kept, keep=True)
    if not text or len(text) > MAX_DESCRIPTION:
        return Answer(say=t(turn.lang, "incident.bad.description"))
    draft.description = text
    return Answer(next_step=SUMMARY_STEP)


async def _choose_class(
    turn: Turn[IncidentDraft], draft: IncidentDraft, values: tuple[str, ...]
) -> str | None:
    if not values or values[0] not in {c.value for c in CLASS_WORDS.values()}:
        return None
    draft.athg = values[0]
    return SUMMARY_STEP


async def _card(
    turn: Turn[IncidentDraft], step: str, draft: IncidentDraft
) -> tuple[Html, Keyboard]:
    lang = turn.lang
    types = await incident_kinds(turn.unit)
    region = await drafts.region_name(turn.unit, code=draft.region or turn.actor.region_code)
    kind = _kind_label(types, draft.type_code, lang, "—")
    cancel = turn.cancel_button()
    if step == "type":
        buttons = [turn.button(k.label(lang), "t", k.code) for k in types]
        return t(lang, "incident.choose_type", region=region), [*in_rows(buttons, 2), [cancel]]
    if step == "severity":
        row = [
            turn.button(
                f"{SEVERITY_EMOJI[s.value]} {plain(lang, f'severity.{s.value}')}", "s", s.value
            )
            for s in SEVERITIES
        ]
        text = t(lang, "incident.choose_severity", region=region, kind=kind)
        return text, [row[:2], row[2:], [cancel]]
    severity = plain(lang, f"severity.{draft.severity}") if draft.severity else "—"
    if step == "description":
        text = t(lang, "incident.ask.description", region=region, kind=kind, severity=severity)
        return text, [[cancel]]
    details = ""
    if draft.photos:
        details += str(t(lang, "incident.summary.photos", count=len(draft.photos)))
    details += str(location_line(lang, "incident.summary.location", draft))
    text = t(
        lang,
        "incident.summary",
        region=region,
        kind=kind,
        athg=plain(lang, f"athg.{draft.athg}"),
        emoji=SEVERITY_EMOJI.get(draft.severity or "", ""),
        severity=severity,
        description=shorten(draft.description or "", 600),
        details=Html(details),
    )
    classes = [
        turn.button(
            ("✓ " if draft.athg == c.value else "") + plain(lang, f"athg.{c.value}"), "c", c.value
        )
        for c in AthgClass
    ]
    add_photo = turn.button(plain(lang, "report.button.photo"), "add", PHOTO_STEP)
    add_location = turn.button(plain(lang, "report.button.location"), "add", LOCATION_STEP)
    return text, [
        [turn.button(plain(lang, "incident.button.send"), "send")],
        classes[:2],
        classes[2:],
        [add_photo, add_location],
        [cancel],
    ]


async def _flow_submit(
    turn: Turn[IncidentDraft], draft: IncidentDraft, message_id: int | None
) -> None:
    types = await incident_kinds(turn.unit)
    await _submit(turn.update, turn.context, turn.actor, draft, types, edit_message_id=message_id)


FLOW: DraftFlow[IncidentDraft] = DraftFlow(
    name="incident",
    kind=INCIDENT_FLOW,
    fields=IncidentDraft,
    steps={
        REGION_STEP: Step(StepKind.REGION, pick=_pick_region),
        "type": Step(StepKind.CHOICE, pick=_pick_type, button="t", typed=_typed_type),
        "severity": Step(StepKind.CHOICE, pick=_pick_severity, button="s", typed=_typed_severity),
        "description": Step(StepKind.TEXT, read=_read_description),
        PHOTO_STEP: Step(StepKind.PHOTOS),
        LOCATION_STEP: Step(StepKind.LOCATION),
        SUMMARY_STEP: Step(StepKind.SUMMARY, actions={"c": _choose_class}),
    },
    card=_card,
    submit=_flow_submit,
    access=Action.REPORT_INCIDENT,
    after_region=lambda draft: "type",
    region_key="incident.choose_region",
    outside_key="incident.outside_region",
    cancelled_key="incident.cancelled",
    expired_key="incident.expired",
    additions=(PHOTO_STEP, LOCATION_STEP),
    replaced_key="incident.replaced_draft",
)


async def offer_for_location(update: Update, context: PoskoContext) -> bool:
    """A location sent outside any flow: offer to report an incident there."""
    message = update.effective_message
    if context.actor is None or message is None or message.location is None:
        return False
    latitude, longitude = message.location.latitude, message.location.longitude
    data = INCIDENT_HERE.data(f"{latitude:.5f}", f"{longitude:.5f}")
    button = Button(plain(context.lang, "incident.button.report_here"), data)
    keyboard = owned([[button]], context.actor.telegram_id)
    reply(update, context, t(context.lang, "incident.location_offer"), buttons=keyboard)
    return True


async def location_button(update: Update, context: PoskoContext) -> None:
    pressed = await pressed_by_actor(update, context, private=True)
    if pressed is None:
        return
    data, actor = pressed
    point = _button_point(INCIDENT_HERE.parse(data, count=2))
    if point is None:
        answer_callback(context, update, plain(context.lang, "button.stale"))
        return
    answer_callback(context, update)
    draft = IncidentDraft(latitude=point.latitude, longitude=point.longitude)
    await FLOW.start(update, context, actor, draft)


def _button_point(fields: tuple[str, ...] | None) -> Coordinates | None:
    """The place a "report an incident here" button carries; None when it is not one."""
    try:
        latitude, longitude = (float(value) for value in fields or ())
    except ValueError:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Coordinates(latitude, longitude)


# -- following an incident from its alert ---------------------------------------------------


async def alert_button(update: Update, context: PoskoContext) -> None:
    """`inc1:<id>:<a|p|r|d>` on an alert, in a private chat or a group."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang, actor = context.lang, context.actor
    fields = INCIDENT_ALERT.parse(query.data, count=2)
    if fields is None or not fields[0].isdigit() or fields[1] not in ALERT_ACTIONS:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    action = ALERT_ACTIONS[fields[1]]
    chat = update.effective_chat
    acted = await act_on_incident(
        context.unit,
        context.services.settings,
        actor=actor,
        incident_id=int(fields[0]),
        action=action,
        chat=chat_kind(chat.type if chat else None),
    )
    ref = reference(acted.incident_id or 0)
    if acted.outcome is Outcome.STALE:
        answer_callback(context, update, plain(lang, "button.stale"))
    elif acted.outcome is Outcome.NOT_YOURS:
        # Alerts are shared (groups, several coordinators): the button is for anyone whose
        # role and region may handle the incident, and nobody else.
        answer_callback(context, update, plain(lang, "button.not_yours"))
    elif acted.outcome is Outcome.ALREADY_CLOSED:
        answer_callback(context, update, plain(lang, "incident.already_closed", reference=ref))
    elif acted.outcome is Outcome.NOTE_ASKED:
        assert actor is not None
        ask = t(actor.language, f"incident.ask.{action}", reference=ref)
        context.unit.send(actor.telegram_id, ask)
        in_group = chat is not None and chat.id != actor.telegram_id
        note_where = plain(lang, "incident.note_in_private") if in_group else None
        answer_callback(context, update, note_where)
    elif acted.outcome is Outcome.REFUSED:
        answer_callback(context, update, plain(lang, acted.key, **acted.params), alert=True)
    else:
        answer_callback(context, update, plain(lang, f"incident.done.{action}"))


async def close_input(update: Update, context: PoskoContext, stored: OpenDraft) -> None:
    """The closing note (resolve) or the reason (dismiss)."""
    actor = context.actor
    message = update.effective_message
    lang = context.lang
    if actor is None or message is None:
        return
    note = clean(message.text or "")
    if not note or len(note) > MAX_DESCRIPTION:
        reply(update, context, t(lang, "incident.bad.note"))
        return
    await drafts.end_draft(context.unit, chat_id=stored.chat_id, user_id=stored.user_id)
    acted = await close_incident(
        context.unit,
        context.services.settings,
        actor=actor,
        incident_id=int(stored.data["incident"]),
        action=stored.step,
        note=note,
        chat=chat_kind(update.effective_chat.type if update.effective_chat else None),
    )
    if acted.outcome is Outcome.STALE:
        reply(update, context, t(lang, "button.stale"))
    elif acted.outcome is Outcome.REFUSED:
        reply(update, context, t(lang, acted.key, **acted.params))
    else:
        ref = reference(acted.incident_id or 0)
        reply(update, context, t(lang, f"incident.closed.{stored.step}", reference=ref))


async def _close_cancelled(update: Update, context: PoskoContext, stored: OpenDraft) -> None:
    reply(update, context, t(context.lang, "incident.close_cancelled"))


CLOSE_ROUTE = Flow(
    name=CLOSE_FLOW,
    on_input=close_input,
    on_cancel=_close_cancelled,
    expired_key="incident.close_expired",
)


# -- open incidents ----------------------------------------------------------------------------


async def open_incidents(update: Update, context: PoskoContext) -> None:
    """/insiden_terbuka: open incidents in one's area, most severe and oldest first."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang, chat = context.lang, update.effective_chat
    view = await open_incidents_view(
        context.unit, actor=actor, chat=chat_kind(chat.type if chat else None)
    )
    if view is None:  # the policy lets everyone see their own area's incidents, anywhere
        return
    if not view.incidents:
        reply(update, context, t(lang, "open.none", region=view.region))
        return
    lines = [t(lang, "open.header", region=view.region, count=len(view.incidents))]
    for incident in view.incidents:
        lines.append(
            t(
                lang,
                "open.line",
                emoji=SEVERITY_EMOJI[incident.severity],
                reference=reference(incident.id),
                kind=_kind_label(view.types, incident.type_code, lang, incident.type_code),
                place=incident.region,
                status=status_text(lang, incident.status),
                age=_age(lang, context.now - incident.created_at),
            )
        )
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)


def _age(lang: str, delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return plain(lang, "age.minutes", n=max(minutes, 0))
    if minutes < 48 * 60:
        return plain(lang, "age.hours", n=minutes // 60)
    return plain(lang, "age.days", n=minutes // (24 * 60))
