"""/insiden, /insiden_terbuka and the buttons on incident alerts.

Reporting works in one line, with buttons (drafts kept in the database like reports), and
from a photo whose caption is the command. A location sent on its own offers to report an
incident at that spot. Closing an incident asks the coordinator for a note in a small flow.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from telegram import Update

from bot.alerts import CALLBACK as ALERT_CALLBACK
from bot.alerts import (
    ActionRefused,
    act,
    alerted_text,
    incident_types,
    may_handle,
    raise_alert,
)
from bot.callbacks import INCIDENT_FLOW, INCIDENT_HERE
from bot.context import PoskoContext
from bot.domain.geo import Coordinates
from bot.domain.incidents import (
    CLASS_WORDS,
    MAX_DESCRIPTION,
    SEVERITY_EMOJI,
    IncidentSyntaxError,
    TypeInfo,
    open_order_key,
    reference,
    severity_text,
    status_text,
)
from bot.domain.lines import Guess, read_incident_line
from bot.domain.regions import is_within, level_of
from bot.domain.reports import MAX_PHOTOS
from bot.domain.text import clean
from bot.domain.types import AthgClass, Severity
from bot.handlers import one_line
from bot.handlers.common import (
    answer_callback,
    location_keyboard,
    personal_button,
    private_command,
    reply,
    require_actor,
)
from bot.handlers.flow_inputs import location_answer, say_unclear, typed_choice
from bot.handlers.flows import OUTSIDE_FLOWS, Flow, draft_expiry, register_flow
from bot.handlers.region_picker import picker_keyboard
from bot.i18n import Html, plain, t
from bot.render import shorten, split_lines
from bot.ui import Button, Keyboard, in_rows, owned
from storage.conversations import end_conversation, get_conversation, save_conversation
from storage.incidents import (
    add_event,
    add_incident,
    get_incident,
    open_incidents_in_subtree,
)
from storage.models import Conversation, Incident, Person
from storage.regions import child_regions, get_region, region_label

FLOW = "incident"
CLOSE_FLOW = "incident_close"
CALLBACK = INCIDENT_FLOW.prefix  # the reporting flow's buttons
LOCATION_CALLBACK = INCIDENT_HERE.prefix
SEVERITIES = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)


@dataclass
class IncidentDraft:
    region: str | None = None
    type_code: str | None = None
    severity: str | None = None
    athg: str | None = None
    description: str | None = None
    photos: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def load(cls, data: dict[str, Any]) -> IncidentDraft:
        known = {k: copy.deepcopy(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


# -- reporting ------------------------------------------------------------------------------


async def incident_command(update: Update, context: PoskoContext) -> None:
    """/insiden [wilayah] keparahan jenis [kelas] keterangan — or /insiden for buttons."""
    command = await private_command(update, context)
    if command is None:
        return
    if command.arguments.strip():
        await _one_line(update, context, command.actor, command.arguments, command.photos)
    else:
        await _start(update, context, command.actor, IncidentDraft(photos=command.photos))


async def _one_line(
    update: Update, context: PoskoContext, actor: Person, arguments: str, photos: list[str]
) -> None:
    types = await incident_types(context.session)
    await one_line.drop_pending(update, context)
    try:
        reading = read_incident_line(arguments, types)
    except IncidentSyntaxError as error:
        one_line.refuse_incident(update, context, error, types)
        await _keep_photos(update, context, actor, photos)
        return
    first = reading.options[0] if isinstance(reading, Guess) else reading
    region = first.region or actor.region_code
    if not await _region_allowed(update, context, actor, region):
        await _keep_photos(update, context, actor, photos)
        return
    if isinstance(reading, Guess):
        await one_line.ask_incident(update, context, reading, types, region=region, photos=photos)
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


async def _keep_photos(
    update: Update, context: PoskoContext, actor: Person, photos: list[str]
) -> None:
    """A photo whose caption could not be used starts the guided report, attached."""
    if photos:
        reply(update, context, t(context.lang, "incident.photo_kept"))
        await _start(update, context, actor, IncidentDraft(photos=photos))


async def _store_confirmed(
    update: Update, context: PoskoContext, actor: Person, payload: dict[str, Any], message_id: int
) -> None:
    """A reading the person chose after "Maksud Anda …?"."""
    draft = IncidentDraft.load(payload)
    if draft.region is None or not await _region_allowed(update, context, actor, draft.region):
        return
    types = await incident_types(context.session)
    await _submit(update, context, actor, draft, types, edit_message_id=message_id)


one_line.register_line_kind(one_line.LineKind("incident", _store_confirmed, "incident.cancelled"))


async def _region_allowed(
    update: Update, context: PoskoContext, actor: Person, region: str
) -> bool:
    if level_of(region) is None or not is_within(region, actor.region_code):
        reply(
            update,
            context,
            t(
                context.lang,
                "incident.outside_region",
                region=await one_line.region_named(context.session, region),
                own=await region_label(context.session, actor.region_code),
            ),
        )
        return False
    if await get_region(context.session, code=region) is None:
        reply(update, context, t(context.lang, "report.region_unknown", region=region))
        return False
    return True


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
    assert actor.id is not None and draft.region and draft.type_code and draft.severity
    lang = context.lang
    incident = await add_incident(
        context.session,
        incident=Incident(
            reporter_id=actor.id,
            reporter_role=actor.role,
            region_code=draft.region,
            athg_class=draft.athg
            or next(k.default_class for k in types if k.code == draft.type_code),
            type_code=draft.type_code,
            severity=draft.severity,
            description=draft.description or "",
            photo_file_ids=list(draft.photos),
            latitude=draft.latitude,
            longitude=draft.longitude,
            created_at=context.now,
            source_update_id=context.unit.update_id,
        ),
    )
    assert incident.id is not None
    await add_event(
        context.session, incident_id=incident.id, at=context.now, kind="reported", actor_id=actor.id
    )
    alerted = await raise_alert(context.unit, context.services.settings, incident)
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
        recipients=alerted_text(lang, alerted),
        severity=severity_text(lang, incident.severity),
        kind=next(k.label(lang) for k in types if k.code == incident.type_code),
        athg=plain(lang, f"athg.{incident.athg_class}"),
        region=await region_label(context.session, incident.region_code),
    )
    if alerted.people == 0:
        text = Html(text + t(lang, "incident.saved_nobody"))
    chat = update.effective_chat
    assert chat is not None
    if edit_message_id is not None:
        context.unit.edit(chat.id, edit_message_id, text)
    else:
        reply(update, context, text)


async def _start(
    update: Update, context: PoskoContext, actor: Person, draft: IncidentDraft
) -> None:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    if draft.region is None and not await child_regions(context.session, code=actor.region_code):
        draft.region = actor.region_code
    step = "region" if draft.region is None else "type"
    conversation = await _store(context, chat.id, user.id, step, _token(), draft)
    text, buttons = await _card(context, actor, conversation)
    reply(update, context, text, buttons=buttons)


def _token() -> str:
    return secrets.token_urlsafe(6)[:8]


async def _store(
    context: PoskoContext, chat_id: int, user_id: int, step: str, token: str, draft: IncidentDraft
) -> Conversation:
    return await save_conversation(
        context.session,
        chat_id=chat_id,
        user_id=user_id,
        flow=FLOW,
        step=step,
        token=token,
        data=asdict(draft),
        now=context.now,
        expires_at=context.now + draft_expiry(context),
    )


async def _card(
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    *,
    at: str | None = None,
    page: int = 0,
) -> tuple[Html, Keyboard | None]:
    """The message for the step the draft is at; its buttons are for the draft's owner."""
    text, buttons = await _step_card(context, actor, conversation, at=at, page=page)
    return text, owned(buttons, conversation.user_id) if buttons else buttons


async def _step_card(
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    *,
    at: str | None,
    page: int,
) -> tuple[Html, Keyboard | None]:
    lang = context.lang
    draft = IncidentDraft.load(conversation.data)
    prefix = f"{CALLBACK}:{conversation.token}"
    cancel = Button(plain(lang, "report.button.cancel"), f"{prefix}:x")
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
        return t(
            lang, "incident.choose_region", region=await region_label(context.session, current)
        ), keyboard
    types = await incident_types(context.session)
    region = await region_label(context.session, draft.region or actor.region_code)
    kind = next((k.label(lang) for k in types if k.code == draft.type_code), "—")
    if step == "type":
        buttons = [Button(k.label(lang), f"{prefix}:t:{k.code}") for k in types]
        return t(lang, "incident.choose_type", region=region), [*in_rows(buttons, 2), [cancel]]
    if step == "severity":
        row = [
            Button(
                f"{SEVERITY_EMOJI[s.value]} {plain(lang, f'severity.{s.value}')}",
                f"{prefix}:s:{s.value}",
            )
            for s in SEVERITIES
        ]
        return t(lang, "incident.choose_severity", region=region, kind=kind), [
            row[:2],
            row[2:],
            [cancel],
        ]
    severity = plain(lang, f"severity.{draft.severity}") if draft.severity else "—"
    if step == "description":
        return t(lang, "incident.ask.description", region=region, kind=kind, severity=severity), [
            [cancel]
        ]
    if step == "photo":
        skip = Button(plain(lang, "report.button.skip"), f"{prefix}:skip")
        return t(lang, "report.ask.photo"), [
            [Button(plain(lang, "report.button.photos_done"), f"{prefix}:done"), skip]
        ]
    details = ""
    if draft.photos:
        details += str(t(lang, "incident.summary.photos", count=len(draft.photos)))
    if draft.latitude is not None and draft.longitude is not None:
        details += str(
            t(
                lang,
                "incident.summary.location",
                latitude=f"{draft.latitude:.5f}",
                longitude=f"{draft.longitude:.5f}",
            )
        )
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
        Button(
            ("✓ " if draft.athg == c.value else "") + plain(lang, f"athg.{c.value}"),
            f"{prefix}:c:{c.value}",
        )
        for c in AthgClass
    ]
    keyboard = [
        [Button(plain(lang, "incident.button.send"), f"{prefix}:send")],
        classes[:2],
        classes[2:],
        [
            Button(plain(lang, "report.button.photo"), f"{prefix}:add:photo"),
            Button(plain(lang, "report.button.location"), f"{prefix}:add:location"),
        ],
        [cancel],
    ]
    return text, keyboard


async def flow_button(update: Update, context: PoskoContext) -> None:
    """Buttons of the reporting flow: `ins1:<token>:<action>[:<argument>[:<page>]]`."""
    query = update.callback_query
    assert query is not None
    data = personal_button(update, context, private=True)
    if data is None:
        return
    actor = await require_actor(update, context)
    user = update.effective_user
    if actor is None or query.message is None or user is None:
        return
    lang = context.lang
    chat_id, message_id = query.message.chat.id, query.message.message_id
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
        reply(
            update,
            context,
            t(lang, "incident.expired", minutes=context.services.settings.draft_ttl_minutes),
        )
        answer_callback(context, update)
        return
    draft = IncidentDraft.load(conversation.data)
    action, arguments = parts[2], parts[3:]
    types = await incident_types(context.session)
    step = await _next_step(context, actor, conversation.step, draft, action, arguments, types)
    if step is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    answer_callback(context, update)
    if step == "cancelled":
        await end_conversation(context.session, chat_id=chat_id, user_id=user.id)
        context.unit.edit(chat_id, message_id, t(lang, "incident.cancelled"))
        return
    if step == "send":
        await end_conversation(context.session, chat_id=chat_id, user_id=user.id)
        await _submit(update, context, actor, draft, types, edit_message_id=message_id)
        return
    conversation = await _store(context, chat_id, user.id, step, conversation.token, draft)
    if step == "location":
        context.unit.edit(chat_id, message_id, t(lang, "report.location_pending"))
        reply(update, context, t(lang, "report.ask.location"), reply_markup=location_keyboard(lang))
        return
    at = arguments[0] if action == "n" and arguments else None
    page = (
        int(arguments[1]) if action == "n" and len(arguments) > 1 and arguments[1].isdigit() else 0
    )
    text, buttons = await _card(context, actor, conversation, at=at, page=page)
    context.unit.edit(chat_id, message_id, text, buttons=buttons)


async def _next_step(
    context: PoskoContext,
    actor: Person,
    step: str,
    draft: IncidentDraft,
    action: str,
    arguments: list[str],
    types: list[TypeInfo],
) -> str | None:
    """Apply a button to the draft; the next step, or None when the press is stale."""
    argument = arguments[0] if arguments else ""
    if action == "x":
        return "cancelled"
    if action in ("n", "p") and step == "region":
        if level_of(argument) is None or not is_within(argument, actor.region_code):
            return None
        if await get_region(context.session, code=argument) is None:
            return None
        if action == "n":
            return "region"
        draft.region = argument
        return "type"
    if action == "t" and step == "type":
        kind = next((k for k in types if k.code == argument), None)
        if kind is None:
            return None
        draft.type_code, draft.athg = kind.code, kind.default_class
        return "severity"
    if action == "s" and step == "severity" and argument in {s.value for s in Severity}:
        draft.severity = argument
        return "description"
    if step == "summary":
        if action == "send":
            return "send"
        if action == "c" and argument in {c.value for c in CLASS_WORDS.values()}:
            draft.athg = argument
            return "summary"
        if action == "add" and argument in ("photo", "location"):
            return argument
    if action in ("skip", "done") and step == "photo":
        return "summary"
    return None


async def flow_input(update: Update, context: PoskoContext, conversation: Conversation) -> None:
    """A message while an incident draft waits: the description, photos or the location."""
    actor = context.actor
    message = update.effective_message
    chat, user = update.effective_chat, update.effective_user
    if actor is None or message is None or chat is None or user is None:
        return
    lang = context.lang
    draft = IncidentDraft.load(conversation.data)
    text = clean(message.text or "")
    if conversation.step == "description":
        if message.photo:
            # A photo here is kept; its caption, if any, is the description.
            if len(draft.photos) < MAX_PHOTOS:
                draft.photos.append(message.photo[-1].file_id)
            text = clean(message.caption or "")
            if not text:
                await _store(context, chat.id, user.id, "description", conversation.token, draft)
                reply(
                    update,
                    context,
                    t(lang, "incident.photo_kept_at_description", count=len(draft.photos)),
                )
                return
        if not text or len(text) > MAX_DESCRIPTION:
            reply(update, context, t(lang, "incident.bad.description"))
            return
        draft.description = text
    elif conversation.step == "photo":
        if not message.photo:
            reply(update, context, t(lang, "report.bad.expected_photo"))
            return
        if len(draft.photos) >= MAX_PHOTOS:
            reply(update, context, t(lang, "report.photo_limit"))
            return
        draft.photos.append(message.photo[-1].file_id)
        await _store(context, chat.id, user.id, "photo", conversation.token, draft)
        done = Button(
            plain(lang, "report.button.photos_done"), f"{CALLBACK}:{conversation.token}:done"
        )
        reply(
            update,
            context,
            t(lang, "report.photo_added", count=len(draft.photos)),
            buttons=owned([[done]], user.id),
        )
        return
    elif conversation.step == "location":
        point = await location_answer(update, context)
        if point is None:
            return
        if isinstance(point, Coordinates):
            draft.latitude, draft.longitude = point.latitude, point.longitude
    elif conversation.step in ("region", "type", "severity", "summary") and text:
        await _typed_choice(update, context, actor, conversation, draft, text)
        return
    else:
        reply(update, context, t(lang, "report.bad.expected_button"))
        return
    # A new card with a new token: the buttons of the previous card go stale.
    conversation = await _store(context, chat.id, user.id, "summary", _token(), draft)
    card, buttons = await _card(context, actor, conversation)
    reply(update, context, card, buttons=buttons)


async def _typed_choice(
    update: Update,
    context: PoskoContext,
    actor: Person,
    conversation: Conversation,
    draft: IncidentDraft,
    text: str,
) -> None:
    """A region, kind or severity typed instead of pressed: taken when it matches one
    button (or region); otherwise said so, with the buttons again."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    types = await incident_types(context.session)
    step = conversation.step
    choice = await typed_choice(context, actor, step, text, types=types)
    if choice is None:
        say_unclear(update, context)
    elif step == "region":
        draft.region, step = choice, "type"
    elif step == "type":
        kind = next(k for k in types if k.code == choice)
        draft.type_code, draft.athg, step = kind.code, kind.default_class, "severity"
    else:
        draft.severity, step = choice, "description"
    conversation = await _store(context, chat.id, user.id, step, _token(), draft)
    card, buttons = await _card(context, actor, conversation)
    reply(update, context, card, buttons=buttons)


async def _cancelled(update: Update, context: PoskoContext, conversation: Conversation) -> None:
    markup = {"remove_keyboard": True} if conversation.step == "location" else None
    reply(update, context, t(context.lang, "incident.cancelled"), reply_markup=markup)


register_flow(
    Flow(name=FLOW, on_input=flow_input, on_cancel=_cancelled, expired_key="incident.expired")
)


async def offer_for_location(update: Update, context: PoskoContext) -> bool:
    """A location sent outside any flow: offer to report an incident there."""
    message = update.effective_message
    if context.actor is None or message is None or message.location is None:
        return False
    latitude, longitude = message.location.latitude, message.location.longitude
    data = f"{LOCATION_CALLBACK}:{latitude:.5f}:{longitude:.5f}"
    button = Button(plain(context.lang, "incident.button.report_here"), data)
    keyboard = owned([[button]], context.actor.telegram_id)
    reply(update, context, t(context.lang, "incident.location_offer"), buttons=keyboard)
    return True


OUTSIDE_FLOWS["location"] = offer_for_location


async def location_button(update: Update, context: PoskoContext) -> None:
    data = personal_button(update, context, private=True)
    if data is None:
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    try:
        _, latitude, longitude = data.split(":")
        point = (float(latitude), float(longitude))
    except ValueError:
        answer_callback(context, update, plain(context.lang, "button.stale"))
        return
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        answer_callback(context, update, plain(context.lang, "button.stale"))
        return
    answer_callback(context, update)
    await _start(update, context, actor, IncidentDraft(latitude=point[0], longitude=point[1]))


# -- following an incident from its alert ---------------------------------------------------


async def alert_button(update: Update, context: PoskoContext) -> None:
    """`inc1:<id>:<a|p|r|d>` on an alert, in a private chat or a group."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    actor = context.actor
    parts = query.data.split(":")
    incident = None
    if len(parts) == 3 and parts[1].isdigit() and parts[2] in ("a", "p", "r", "d"):
        incident = await get_incident(context.session, incident_id=int(parts[1]))
    if incident is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    if actor is None or not may_handle(actor, incident):
        # Alerts are shared (groups, several coordinators): the button is for anyone whose
        # role and region may handle the incident, and nobody else.
        answer_callback(context, update, plain(lang, "button.not_yours"))
        return
    assert incident.id is not None
    action = {"a": "acknowledge", "p": "progress", "r": "resolve", "d": "dismiss"}[parts[2]]
    if action in ("resolve", "dismiss"):
        if incident.status not in ("new", "acknowledged", "in_progress"):
            answer_callback(
                context,
                update,
                plain(lang, "incident.already_closed", reference=reference(incident.id)),
            )
            return
        # The note is asked for in the coordinator's private chat, wherever they pressed.
        await save_conversation(
            context.session,
            chat_id=actor.telegram_id,
            user_id=actor.telegram_id,
            flow=CLOSE_FLOW,
            step=action,
            token=_token(),
            data={"incident": incident.id},
            now=context.now,
            expires_at=context.now + draft_expiry(context),
        )
        context.unit.send(
            actor.telegram_id,
            t(actor.language, f"incident.ask.{action}", reference=reference(incident.id)),
        )
        in_group = (
            update.effective_chat is not None and update.effective_chat.id != actor.telegram_id
        )
        answer_callback(
            context, update, plain(lang, "incident.note_in_private") if in_group else None
        )
        return
    try:
        await act(context.unit, context.services.settings, incident, actor, action)
    except ActionRefused as refusal:
        answer_callback(context, update, plain(lang, refusal.key, **refusal.params), alert=True)
        return
    answer_callback(context, update, plain(lang, f"incident.done.{action}"))


async def close_input(update: Update, context: PoskoContext, conversation: Conversation) -> None:
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
    await end_conversation(
        context.session, chat_id=conversation.chat_id, user_id=conversation.user_id
    )
    incident = await get_incident(context.session, incident_id=int(conversation.data["incident"]))
    if incident is None or incident.id is None:
        reply(update, context, t(lang, "button.stale"))
        return
    try:
        await act(context.unit, context.services.settings, incident, actor, conversation.step, note)
    except ActionRefused as refusal:
        reply(update, context, t(lang, refusal.key, **refusal.params))
        return
    reply(
        update,
        context,
        t(lang, f"incident.closed.{conversation.step}", reference=reference(incident.id)),
    )


async def _close_cancelled(
    update: Update, context: PoskoContext, conversation: Conversation
) -> None:
    reply(update, context, t(context.lang, "incident.close_cancelled"))


register_flow(
    Flow(
        name=CLOSE_FLOW,
        on_input=close_input,
        on_cancel=_close_cancelled,
        expired_key="incident.close_expired",
    )
)


# -- open incidents ----------------------------------------------------------------------------


async def open_incidents(update: Update, context: PoskoContext) -> None:
    """/insiden_terbuka: open incidents in one's area, most severe and oldest first."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    region = await region_label(context.session, actor.region_code)
    incidents = sorted(
        await open_incidents_in_subtree(context.session, root=actor.region_code),
        key=lambda i: open_order_key(i.severity, i.created_at),
    )
    if not incidents:
        reply(update, context, t(lang, "open.none", region=region))
        return
    types = await incident_types(context.session)
    lines = [t(lang, "open.header", region=region, count=len(incidents))]
    for incident in incidents:
        assert incident.id is not None
        lines.append(
            t(
                lang,
                "open.line",
                emoji=SEVERITY_EMOJI[incident.severity],
                reference=reference(incident.id),
                kind=next(
                    (k.label(lang) for k in types if k.code == incident.type_code),
                    incident.type_code,
                ),
                place=await region_label(context.session, incident.region_code),
                status=status_text(lang, incident.status),
                age=_age(lang, context.now - incident.created_at),
            )
        )
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)


def _age(lang: str, delta: Any) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return plain(lang, "age.minutes", n=max(minutes, 0))
    if minutes < 48 * 60:
        return plain(lang, "age.hours", n=minutes // 60)
    return plain(lang, "age.days", n=minutes // (24 * 60))


ALERT_BUTTON_PATTERN = rf"^{ALERT_CALLBACK}:"
