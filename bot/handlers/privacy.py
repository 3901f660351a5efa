"""/dataku, /keluar, /nonaktifkan and /undangan: people's data, handled with care."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import LEAVE
from bot.context import PoskoContext
from bot.domain.policy import Action
from bot.handlers.common import (
    answer_callback,
    personal_press,
    policy_decision,
    private_actor,
    reply,
    require_actor,
)
from bot.i18n import Html, format_moment, format_short_moment, plain, t
from bot.render import split_lines
from bot.services import privacy
from bot.services.privacy import Deactivation, InvitedBy
from bot.services.regions import region_label
from bot.ui import Button, owned

LEAVE_CALLBACK = LEAVE.prefix
YES, NO = "yes", "no"  # the fields of leave1 buttons
MESSAGE_RETENTION_DAYS = 7


async def my_data(update: Update, context: PoskoContext) -> None:
    """/dataku: everything the bot holds about the person (in a private chat only)."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    data = await privacy.my_data(context.unit, actor=actor)
    held, inviter = data.held, data.inviter
    reply(
        update,
        context,
        t(
            lang,
            "mydata",
            telegram_id=actor.telegram_id,
            name=actor.full_name or "—",
            username=f"@{actor.username}" if actor.username else "—",
            role=plain(lang, f"role.{actor.role}"),
            region=data.region,
            code=actor.region_code,
            language=plain(lang, f"language.{actor.language}"),
            since=format_moment(actor.created_at, lang, tz),
            invited_by=t(lang, "profile.invited_by", name=inviter.name or "—")
            if inviter
            else Html(""),
            reports=held.reports,
            reports_located=held.reports_with_location,
            reports_photos=held.reports_with_photos,
            incidents=held.incidents,
            incidents_located=held.incidents_with_location,
            invites=held.invites_created,
            days=MESSAGE_RETENTION_DAYS,
        ),
    )


async def leave(update: Update, context: PoskoContext) -> None:
    """/keluar: asks to confirm, then removes the name and ends access."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    buttons = [
        [
            Button(plain(lang, "leave.yes"), LEAVE.data(YES)),
            Button(plain(lang, "report.button.cancel"), LEAVE.data(NO)),
        ]
    ]
    reply(update, context, t(lang, "leave.confirm"), buttons=owned(buttons, actor.telegram_id))


async def leave_button(update: Update, context: PoskoContext) -> None:
    press = await personal_press(update, context)
    if press is None:
        return
    actor, chat_id, message_id = press.actor, press.chat_id, press.message_id
    lang = context.lang
    answer_callback(context, update)
    if LEAVE.parse(press.data, count=1) != (YES,):
        context.unit.edit(chat_id, message_id, t(lang, "leave.cancelled"))
        return
    await privacy.leave(context.unit, actor=actor)
    context.unit.edit(chat_id, message_id, t(lang, "leave.done"))
    # Back to the guest menu: the person-scoped one is removed.
    context.unit.call(
        actor.telegram_id,
        "deleteMyCommands",
        {"scope": {"type": "chat", "chat_id": actor.telegram_id}},
        priority=0,
    )


async def deactivate(update: Update, context: PoskoContext) -> None:
    """/nonaktifkan TELEGRAM_ID: an admin ends someone's access at once (in a private chat:
    the answer names the person)."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    if not policy_decision(update, actor, Action.DEACTIVATE):
        reply(update, context, t(lang, "deactivate.admin_only"))
        return
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        reply(update, context, t(lang, "deactivate.usage"))
        return
    done = await privacy.deactivate(context.unit, actor=actor, telegram_id=int(args[0]))
    if done.outcome is Deactivation.NOT_FOUND:
        reply(update, context, t(lang, "deactivate.not_found", id=args[0][:20]))
        return
    if done.outcome is Deactivation.SELF:
        reply(update, context, t(lang, "deactivate.self"))
        return
    context.unit.call(
        done.telegram_id,
        "deleteMyCommands",
        {"scope": {"type": "chat", "chat_id": done.telegram_id}},
        priority=0,
    )
    who = f"{done.name or '—'} ({plain(lang, f'role.{done.role}')})"
    reply(update, context, t(lang, "deactivate.done", who=who, invites=done.revoked_invites))


async def invitations(update: Update, context: PoskoContext) -> None:
    """/undangan: who invited whom, in the admin's region (in a private chat only: it lists
    names and Telegram ids)."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    if not policy_decision(update, actor, Action.VIEW_INVITATIONS):
        reply(update, context, t(lang, "invites.admin_only"))
        return
    removed = plain(lang, "invites.removed_name")
    lines = [t(lang, "invites.header", region=await region_label(context.unit, actor.region_code))]
    for person in await privacy.invitations(context.unit, actor=actor):
        if person.invited_by is InvitedBy.PERSON:
            inviter = person.inviter or (removed if person.inviter_in_area else "—")
        elif person.invited_by is InvitedBy.SETTING:
            inviter = plain(lang, "invites.by_setting")
        else:
            inviter = plain(lang, "invites.by_shell")
        lines.append(
            t(
                lang,
                "invites.line",
                status="✅" if person.active else "⛔",
                telegram_id=person.telegram_id,
                name=person.name or removed,
                role=plain(lang, f"role.{person.role}"),
                region=person.region_code,
                inviter=inviter,
                since=format_short_moment(person.since, lang, tz),
            )
        )
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)
