"""/dataku, /keluar, /nonaktifkan and /undangan: people's data, handled with care."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import LEAVE
from bot.context import PoskoContext
from bot.domain.regions import is_within
from bot.domain.types import Role
from bot.handlers.common import (
    answer_callback,
    personal_button,
    private_chat_only,
    reply,
    require_actor,
)
from bot.i18n import Html, format_moment, format_short_moment, plain, t
from bot.render import split_lines
from bot.ui import Button, owned
from storage.conversations import end_conversation
from storage.people import (
    deactivate_person,
    get_person,
    get_person_by_telegram_id,
    people_invited_in_subtree,
)
from storage.privacy import held_data
from storage.regions import region_label

LEAVE_CALLBACK = LEAVE.prefix
MESSAGE_RETENTION_DAYS = 7


async def my_data(update: Update, context: PoskoContext) -> None:
    """/dataku: everything the bot holds about the person (in a private chat only)."""
    if not private_chat_only(update, context):
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    assert actor.id is not None
    lang, tz = context.lang, context.services.settings.timezone
    held = await held_data(context.session, person_id=actor.id)
    inviter = await get_person(context.session, person_id=actor.invited_by_id or 0)
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
            region=await region_label(context.session, actor.region_code),
            code=actor.region_code,
            language=plain(lang, f"language.{actor.language}"),
            since=format_moment(actor.created_at, lang, tz),
            invited_by=t(lang, "profile.invited_by", name=inviter.full_name or "—")
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
            Button(plain(lang, "leave.yes"), f"{LEAVE_CALLBACK}:yes"),
            Button(plain(lang, "report.button.cancel"), f"{LEAVE_CALLBACK}:no"),
        ]
    ]
    reply(update, context, t(lang, "leave.confirm"), buttons=owned(buttons, actor.telegram_id))


async def leave_button(update: Update, context: PoskoContext) -> None:
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
    answer_callback(context, update)
    if data != f"{LEAVE_CALLBACK}:yes":
        context.unit.edit(chat_id, message_id, t(lang, "leave.cancelled"))
        return
    await deactivate_person(context.session, person=actor, now=context.now, erase_name=True)
    await end_conversation(context.session, chat_id=actor.telegram_id, user_id=actor.telegram_id)
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
    if not private_chat_only(update, context):
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    if actor.role != Role.ADMIN:
        reply(update, context, t(lang, "deactivate.admin_only"))
        return
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        reply(update, context, t(lang, "deactivate.usage"))
        return
    target = await get_person_by_telegram_id(context.session, telegram_id=int(args[0]))
    if target is None or not target.active or not is_within(target.region_code, actor.region_code):
        reply(update, context, t(lang, "deactivate.not_found", id=args[0][:20]))
        return
    if target.id == actor.id:
        reply(update, context, t(lang, "deactivate.self"))
        return
    revoked = await deactivate_person(
        context.session, person=target, now=context.now, erase_name=False
    )
    await end_conversation(context.session, chat_id=target.telegram_id, user_id=target.telegram_id)
    context.unit.call(
        target.telegram_id,
        "deleteMyCommands",
        {"scope": {"type": "chat", "chat_id": target.telegram_id}},
        priority=0,
    )
    who = f"{target.full_name or '—'} ({plain(lang, f'role.{target.role}')})"
    reply(update, context, t(lang, "deactivate.done", who=who, invites=revoked))


async def invitations(update: Update, context: PoskoContext) -> None:
    """/undangan: who invited whom, in the admin's region (in a private chat only: it lists
    names and Telegram ids)."""
    if not private_chat_only(update, context):
        return
    actor = await require_actor(update, context)
    if actor is None:
        return
    lang, tz = context.lang, context.services.settings.timezone
    if actor.role != Role.ADMIN:
        reply(update, context, t(lang, "invites.admin_only"))
        return
    people = await people_invited_in_subtree(context.session, root=actor.region_code)
    names = {p.id: p.full_name or plain(lang, "invites.removed_name") for p in people}
    lines = [
        t(lang, "invites.header", region=await region_label(context.session, actor.region_code))
    ]
    for person in people:
        if person.invited_by_id is not None:
            if person.invited_by_id not in names:  # invited from above the region
                other = await get_person(context.session, person_id=person.invited_by_id)
                names[person.invited_by_id] = (other.full_name if other else None) or "—"
            inviter = names[person.invited_by_id]
        elif person.role == Role.ADMIN:
            inviter = plain(lang, "invites.by_setting")
        else:
            inviter = plain(lang, "invites.by_shell")
        lines.append(
            t(
                lang,
                "invites.line",
                status="✅" if person.active else "⛔",
                telegram_id=person.telegram_id,
                name=person.full_name or plain(lang, "invites.removed_name"),
                role=plain(lang, f"role.{person.role}"),
                region=person.region_code,
                inviter=inviter,
                since=format_short_moment(person.created_at, lang, tz),
            )
        )
    for chunk in split_lines(Html("\n".join(lines))):
        reply(update, context, chunk)
