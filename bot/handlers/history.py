"""/riwayat I-0031 (an incident with its whole timeline) and the alert's "Read more" button
(the whole description, sent to whoever pressed it). Both only for people whose region
contains the incident's."""

from __future__ import annotations

from telegram import Update

from bot.alerts import MORE_CALLBACK, load_view, render_alert
from bot.context import PoskoContext
from bot.domain.incidents import parse_escalation_detail, reference
from bot.domain.regions import is_within
from bot.handlers.common import answer_callback, private_chat_only, reply, require_actor
from bot.handlers.support import support_history
from bot.i18n import Html, escape, format_short_moment, plain, t
from bot.render import TELEGRAM_TEXT_LIMIT, shorten, split_lines
from storage.incidents import get_incident, incident_events
from storage.models import Incident, IncidentEvent, Person
from storage.people import get_person
from storage.regions import region_label

MORE_PATTERN = rf"^{MORE_CALLBACK}:"
_HEADER_ROOM = 300  # characters kept free in each part for its header


def _visible(incident: Incident | None, actor: Person) -> bool:
    return incident is not None and is_within(incident.region_code, actor.region_code)


async def history_command(update: Update, context: PoskoContext) -> None:
    """/riwayat I-0031: an incident and its whole timeline (who did what, when) — in a
    private chat only: it names everyone who touched the incident, and their notes."""
    if not private_chat_only(update, context):
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    argument = (context.args or [""])[0]
    if await support_history(update, context, argument):  # D-0001: a support request
        return
    wanted = argument.upper().removeprefix("I-")
    if not argument:
        problem = t(lang, "history.missing")
    elif not wanted.isdigit() or len(wanted) > 9:
        problem = t(lang, "history.not_reference", text=argument[:40])
    else:
        incident = await get_incident(context.session, incident_id=int(wanted))
        if incident is not None and _visible(incident, actor):
            await _send_history(update, context, incident)
            return
        problem = t(lang, "history.not_found", reference=reference(int(wanted)))
    reply(update, context, Html(f"{problem}\n{t(lang, 'history.usage')}"))


async def _send_history(update: Update, context: PoskoContext, incident: Incident) -> None:
    assert incident.id is not None
    lang = context.lang
    view = await load_view(context.session, incident)
    lines = [
        render_alert(view, lang, context.services.settings, full=True),
        Html(""),
        t(lang, "history.header"),
    ]
    for event in await incident_events(context.session, incident_id=incident.id):
        lines.append(await _event_line(context, event))
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)


async def _event_line(context: PoskoContext, event: IncidentEvent) -> Html:
    lang, tz = context.lang, context.services.settings.timezone
    time = format_short_moment(event.at, lang, tz)
    name = plain(lang, f"export.event.{event.kind}")
    if event.kind == "escalated" and (parsed := parse_escalation_detail(event.detail)):
        code, count = parsed
        counted = t(lang, "history.escalated_count", count=count) if count else Html("")
        region = await region_label(context.session, code)
        what = t(lang, "history.escalated", region=region, count=counted)
        return t(lang, "history.line_system", time=time, event=what, detail="")
    if event.kind == "alerted" and (event.detail or "").isdigit():
        what = t(lang, "history.alerted", count=event.detail)
        return t(lang, "history.line_system", time=time, event=what, detail="")
    detail = f": {shorten(event.detail, 200)}" if event.detail else ""
    if event.actor_id is None:
        return t(lang, "history.line_system", time=time, event=name, detail=detail)
    who = await get_person(context.session, person_id=event.actor_id)
    return t(
        lang,
        "history.line",
        time=time,
        event=name,
        who=(who.full_name if who and who.full_name else plain(lang, "history.removed_name")),
        detail=detail,
    )


async def more_button(update: Update, context: PoskoContext) -> None:
    """`incm1:<id>` on an alert: the whole description, in the presser's private chat."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    actor = context.actor
    argument = query.data.split(":", 1)[1]
    incident = (
        await get_incident(context.session, incident_id=int(argument))
        if argument.isdigit() and len(argument) <= 9
        else None
    )
    if incident is None or incident.id is None:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    if actor is None or not _visible(incident, actor):
        answer_callback(context, update, plain(lang, "incident.more.not_yours"), alert=True)
        return
    own = actor.language
    parts = split_lines(escape(incident.description), TELEGRAM_TEXT_LIMIT - _HEADER_ROOM)
    for number, part in enumerate(parts, start=1):
        header = t(
            own,
            "incident.more.header",
            reference=reference(incident.id),
            part=number,
            parts=len(parts),
        )
        context.unit.send(actor.telegram_id, Html(f"{header}\n{part}"))
    chat = update.effective_chat
    in_private = chat is not None and chat.id == actor.telegram_id
    answer_callback(context, update, None if in_private else plain(lang, "incident.more.sent"))
