"""/ringkasan, /acara, /ingatkan, the reminder's button, and the bot leaving a group."""

from __future__ import annotations

import re
from datetime import date

from telegram import Update

from bot.context import PoskoContext
from bot.domain.countdown import countdown_label, local_date
from bot.domain.policy import Action
from bot.domain.regions import level_of
from bot.domain.text import clean
from bot.handlers.common import (
    answer_callback,
    is_private,
    personal_button,
    policy_decision,
    reply,
    require_actor,
)
from bot.handlers.group_return import GONE, PRESENT, restore_subscriptions
from bot.handlers.region_access import allowed_region
from bot.handlers.reports import start_report
from bot.i18n import Html, format_day, plain, t
from bot.render import split_lines
from bot.services import digests
from bot.services.regions import region_label
from bot.services.subscriptions import pause_chat

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


async def summary_command(update: Update, context: PoskoContext) -> None:
    """/ringkasan [kode]: the digest now — of an area inside one's own, the group's
    subscribed area, or one's own area."""
    actor = await require_actor(update, context)
    chat = update.effective_chat
    if actor is None or chat is None:
        return
    region, lang = actor.region_code, context.lang
    if context.args:
        wanted = context.args[0]
        if not await allowed_region(
            update,
            context,
            actor,
            wanted,
            outside_key="digest.outside_region",
            action=Action.VIEW_DIGEST,
        ):
            return
        await _send_digest(update, context, wanted, lang)
        return
    if not is_private(update):
        message = update.effective_message
        thread = message.message_thread_id if message and message.is_topic_message else None
        area = await digests.summary_area(
            context.unit, actor=actor, group_chat_id=chat.id, thread_id=thread
        )
        region, lang = area.region_code, area.language or lang
    await _send_digest(update, context, region, lang)


async def _send_digest(update: Update, context: PoskoContext, region: str, lang: str) -> None:
    for chunk in await digests.digest_now(
        context.unit, region_code=region, lang=lang, settings=context.services.settings
    ):
        reply(update, context, chunk)


async def elections_command(update: Update, context: PoskoContext) -> None:
    """/acara [tambah JENIS YYYY-MM-DD [kode] NAMA | hapus NOMOR] — admins only."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    args = context.args or []
    if not args:
        await _list_elections(update, context)
        return
    if not policy_decision(update, actor, Action.MANAGE_ELECTIONS):
        reply(update, context, t(lang, "election.admin_only"))
        return
    verb = args[0].lower()
    if verb in ("hapus", "remove", "delete") and len(args) == 2 and args[1].isdigit():
        if not await digests.remove_election(context.unit, election_id=int(args[1])):
            reply(update, context, t(lang, "election.not_found", id=args[1]))
            return
        reply(update, context, t(lang, "election.removed", id=args[1]))
        return
    if verb not in ("tambah", "add") or len(args) < 4:
        reply(update, context, t(lang, "election.usage"))
        return
    kind, day, rest = args[1][:40], args[2], args[3:]
    if not _DATE.match(day) or _parse_date(day) is None:
        reply(update, context, t(lang, "election.bad_date", value=day[:20]))
        return
    region = None
    if rest and level_of(rest[0]) is not None:
        region, rest = rest[0], rest[1:]
        if not await allowed_region(
            update,
            context,
            actor,
            region,
            outside_key="election.outside_region",
            action=Action.MANAGE_ELECTIONS,
        ):
            return
    name = clean(" ".join(rest))[:120]
    if not name:
        reply(update, context, t(lang, "election.usage"))
        return
    voting_day = _parse_date(day)
    assert voting_day is not None
    added = await digests.add_election(
        context.unit, actor=actor, name=name, kind=kind, voting_day=voting_day, region_code=region
    )
    reply(
        update,
        context,
        t(
            lang,
            "election.added",
            name=added.name,
            kind=added.kind,
            date=format_day(added.voting_day, lang),
            scope=added.scope or plain(lang, "election.scope_all"),
        ),
    )


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


async def _list_elections(update: Update, context: PoskoContext) -> None:
    lang = context.lang
    elections = await digests.elections(context.unit)
    if not elections:
        reply(update, context, t(lang, "election.none"))
        return
    today = local_date(context.now, context.services.settings.timezone)
    lines = [t(lang, "election.list_header")]
    for election in elections:
        lines.append(
            t(
                lang,
                "election.line",
                id=election.id,
                name=election.name,
                kind=election.kind,
                date=format_day(election.voting_day, lang),
                label=countdown_label(election.voting_day, today),
                scope=election.scope or plain(lang, "election.scope_all"),
            )
        )
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)


async def remind_command(update: Update, context: PoskoContext) -> None:
    """/ingatkan: remind the officers of one's area who have not reported today."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    if not policy_decision(update, actor, Action.REMIND):
        reply(update, context, t(lang, "reminder.not_allowed"))
        return
    counts = await digests.remind(context.unit, actor=actor, settings=context.services.settings)
    region = await region_label(context.unit, actor.region_code)
    if counts.officers == 0:
        key = "reminder.no_officers"
    elif counts.missing == 0:
        key = "reminder.none"
    else:
        key = "reminder.sent"
    text = t(
        lang,
        key,
        region=region,
        officers=counts.officers,
        missing=counts.missing,
        sent=counts.sent,
        already=counts.already,
    )
    reply(update, context, text)


async def reminder_button(update: Update, context: PoskoContext) -> None:
    """📋 Lapor sekarang, on a reminder: start the guided report."""
    if personal_button(update, context, private=True) is None:
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    answer_callback(context, update)
    await start_report(update, context, actor)


async def bot_membership_changed(update: Update, context: PoskoContext) -> None:
    """The bot was removed from (or blocked in) a chat: pause its subscriptions, tell the
    subscribers. Added back: the paused subscriptions resume as they were."""
    change = update.my_chat_member
    if change is None:
        return
    if change.new_chat_member.status in PRESENT and change.old_chat_member.status in GONE:
        await restore_subscriptions(context, change)
        return
    if change.new_chat_member.status not in GONE:
        return
    reason = change.new_chat_member.status
    for notice in await pause_chat(context.unit, chat_id=change.chat.id, reason=reason):
        context.unit.send(
            notice.telegram_id,
            t(
                notice.language,
                "subscription.bot_removed",
                title=notice.title or str(change.chat.id),
            ),
        )
    context.unit.later(context.services.on_subscriptions_changed)
