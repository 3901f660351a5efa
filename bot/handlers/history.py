"""/riwayat I-0031 (an incident with its whole timeline) and the alert's "Read more" button
(the whole description, sent to whoever pressed it). Both only for people whose region
contains the incident's."""

from __future__ import annotations

from telegram import Update

from bot.alerts import render_alert
from bot.callbacks import INCIDENT_MORE
from bot.context import PoskoContext
from bot.domain.incidents import reference
from bot.domain.policy import chat_kind
from bot.handlers.common import answer_callback, private_actor, reply
from bot.handlers.support import support_history
from bot.i18n import Html, escape, format_short_moment, plain, t
from bot.render import TELEGRAM_TEXT_LIMIT, shorten, split_lines
from bot.services.history import (
    Hidden,
    HistoryEvent,
    IncidentHistory,
    incident_description,
    incident_history,
)

MORE_PATTERN = INCIDENT_MORE.pattern
_HEADER_ROOM = 300  # characters kept free in each part for its header


async def history_command(update: Update, context: PoskoContext) -> None:
    """/riwayat I-0031: an incident and its whole timeline (who did what, when) — in a
    private chat only: it names everyone who touched the incident, and their notes."""
    actor = await private_actor(update, context)
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
        history = await incident_history(context.unit, actor=actor, incident_id=int(wanted))
        if history is not None:
            _send_history(update, context, history)
            return
        problem = t(lang, "history.not_found", reference=reference(int(wanted)))
    reply(update, context, Html(f"{problem}\n{t(lang, 'history.usage')}"))


def _send_history(update: Update, context: PoskoContext, history: IncidentHistory) -> None:
    lang = context.lang
    lines = [
        render_alert(history.view, lang, context.services.settings, full=True),
        Html(""),
        t(lang, "history.header"),
    ]
    lines += [_event_line(context, event) for event in history.events]
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)


def _event_line(context: PoskoContext, event: HistoryEvent) -> Html:
    lang, tz = context.lang, context.services.settings.timezone
    time = format_short_moment(event.at, lang, tz)
    name = plain(lang, f"export.event.{event.kind}")
    if event.escalation is not None:
        region, count = event.escalation
        counted = t(lang, "history.escalated_count", count=count) if count else Html("")
        what = t(lang, "history.escalated", region=region, count=counted)
        return t(lang, "history.line_system", time=time, event=what, detail="")
    if event.kind == "alerted" and (event.detail or "").isdigit():
        what = t(lang, "history.alerted", count=event.detail)
        return t(lang, "history.line_system", time=time, event=what, detail="")
    detail = f": {shorten(event.detail, 200)}" if event.detail else ""
    if not event.by_person:
        return t(lang, "history.line_system", time=time, event=name, detail=detail)
    return t(
        lang,
        "history.line",
        time=time,
        event=name,
        who=event.who or plain(lang, "history.removed_name"),
        detail=detail,
    )


async def more_button(update: Update, context: PoskoContext) -> None:
    """`incm1:<id>` on an alert: the whole description, in the presser's private chat."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    actor = context.actor
    fields = INCIDENT_MORE.parse(query.data, count=1)
    argument = fields[0] if fields is not None else ""
    chat = update.effective_chat
    found = (
        await incident_description(
            context.unit,
            actor=actor,
            incident_id=int(argument),
            chat=chat_kind(chat.type if chat is not None else None),
        )
        if argument.isdigit() and len(argument) <= 9
        else Hidden.STALE
    )
    if found is Hidden.STALE:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    if actor is None or found is Hidden.NOT_YOURS:
        answer_callback(context, update, plain(lang, "incident.more.not_yours"), alert=True)
        return
    assert not isinstance(found, Hidden)
    own = actor.language
    parts = split_lines(escape(found.text), TELEGRAM_TEXT_LIMIT - _HEADER_ROOM)
    for number, part in enumerate(parts, start=1):
        header = t(
            own,
            "incident.more.header",
            reference=reference(found.incident_id),
            part=number,
            parts=len(parts),
        )
        context.unit.send(actor.telegram_id, Html(f"{header}\n{part}"))
    in_private = chat is not None and chat.id == actor.telegram_id
    answer_callback(context, update, None if in_private else plain(lang, "incident.more.sent"))
