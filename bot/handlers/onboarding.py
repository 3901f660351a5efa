"""/start (with or without an invite), /bantuan, /profil, /bahasa, /batal, and fallbacks."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.callbacks import LANGUAGE
from bot.context import PoskoContext
from bot.domain.policy import Action, ChatKind, may
from bot.domain.types import Role
from bot.handlers.access_ended import turned_away
from bot.handlers.common import (
    GROUP_COMMANDS,
    ROLE_COMMANDS,
    answer_callback,
    identity_of,
    is_private,
    personal_press,
    private_actor,
    reply,
    require_actor,
    set_person_menu,
)
from bot.handlers.edits import is_edited_report
from bot.handlers.groups import may_manage_group
from bot.i18n import LANGUAGES, Html, format_moment, normalize_language, plain, t
from bot.i18n.commands import command_name
from bot.services.agencies import agency_name
from bot.services.onboarding import accept_invite, identify
from bot.services.people import choose_language, inviter_of, policy_actor
from bot.services.regions import region_label
from bot.services.subscriptions import set_group_language
from bot.ui import Button, owned

LANGUAGE_CALLBACK = LANGUAGE.prefix
GROUP_SCOPE = "g"  # lang1:g:<language> is a group's language card


async def gatekeeper(update: Update, context: PoskoContext) -> None:
    """Runs first for every update: drops what no person sent, loads who is talking."""
    user = update.effective_user
    edited = update.edited_message is not None and not is_edited_report(update)
    if user is None or user.is_bot or edited:
        # Channel posts, anonymous group admins, other bots, edits (but of /lapor): nobody
        # to answer.
        raise ApplicationHandlerStop
    message = update.message
    if message is not None and message.forward_origin is not None:
        # A forwarded "/lapor …" is someone else's words, not this person's command.
        if message.chat.type == "private":
            reply(update, context, t(context.lang, "forwarded"))
        raise ApplicationHandlerStop
    settings = context.services.settings
    unit = context.unit
    unit.language = normalize_language(user.language_code, settings.default_language)
    chat = update.effective_chat
    speaker = await identify(
        unit,
        identity=identity_of(user, settings.default_language),
        admin_ids=settings.admin_telegram_ids,
        admin_region=settings.admin_region_code,
        group_chat_id=chat.id if chat is not None and chat.type != "private" else None,
    )
    person = speaker.person
    if person is not None and speaker.just_registered:
        set_person_menu(context, person)
    if person is not None:
        unit.language = person.language
        unit.actor = person if person.active else None
    if speaker.group_language is not None:
        # In a group, the group's language (set with /bahasa there) wins.
        unit.language = speaker.group_language
    if (
        person is not None
        and not person.active
        and turned_away(update, context, left=person.left_at is not None)
    ):
        raise ApplicationHandlerStop


async def start(update: Update, context: PoskoContext) -> None:
    """/start [code]: join with an invite, or learn how to get one."""
    user = update.effective_user
    assert user is not None
    if not is_private(update):
        return
    lang = context.lang
    actor = context.actor
    code = context.args[0] if context.args else None
    if (
        actor is not None
        and actor.role == Role.ADMIN
        and actor.telegram_id in context.services.settings.admin_telegram_ids
        and code is None
    ):
        region = await region_label(context.unit, actor.region_code)
        reply(update, context, t(lang, "start.welcome_admin", name=user.full_name, region=region))
        return
    if code is None:
        if actor is not None:
            region = await region_label(context.unit, actor.region_code)
            role = plain(lang, f"role.{actor.role}")
            reply(
                update,
                context,
                t(lang, "start.known", name=user.full_name, role=role, region=region),
            )
        else:
            # Stores nothing: only explains how to get access.
            reply(update, context, t(lang, "start.no_access", name=user.first_name))
        return
    identity = identity_of(user, context.services.settings.default_language)
    outcome = await accept_invite(context.unit, code=code, identity=identity)
    if outcome.problem is not None:
        reply(update, context, t(lang, f"invite.problem.{outcome.problem.value}"))
        return
    person = outcome.person
    assert person is not None
    region = await region_label(context.unit, person.region_code)
    role = plain(person.language, f"role.{person.role}")
    if outcome.already_registered:
        reply(update, context, t(lang, "start.already_registered", role=role, region=region))
        return
    context.unit.actor = person
    context.unit.language = person.language
    reply(
        update,
        context,
        t(person.language, "start.welcome", name=user.full_name, role=role, region=region),
    )
    set_person_menu(context, person)


async def help_command(update: Update, context: PoskoContext) -> None:
    """/bantuan: the commands this person can use."""
    lang = context.lang
    actor = context.actor
    if not is_private(update):
        reply(update, context, _group_help(lang))
        return
    if actor is None:
        reply(update, context, t(lang, "help.guest"))
        return
    lines = [t(lang, "help.header", role=plain(lang, f"role.{actor.role}"))]
    for name in ROLE_COMMANDS[Role(actor.role)]:
        lines.append(Html(f"/{command_name(name, lang)} — {t(lang, f'cmd.{name}')}"))
    if may(policy_actor(actor), Action.SUBSCRIBE_GROUP, chat=ChatKind.GROUP):
        lines.append(t(lang, "help.groups"))  # how to subscribe a group
    region = await region_label(context.unit, actor.region_code)
    lines.append(t(lang, "help.footer", region=region))
    reply(update, context, Html("\n".join(lines)))


def _group_help(lang: str) -> Html:
    """/bantuan in a group: what works there, and who may subscribe it."""
    lines = [t(lang, "help.group_header")]
    lines += [
        Html(f"/{command_name(name, lang)} — {t(lang, f'cmd.{name}')}") for name in GROUP_COMMANDS
    ]
    lines.append(t(lang, "help.group_footer"))
    return Html("\n".join(lines))


async def profile(update: Update, context: PoskoContext) -> None:
    """/profil: what the bot knows of the person (in a private chat only)."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    invited_by = Html("")
    inviter = await inviter_of(context.unit, actor)
    if inviter is not None:
        invited_by = t(lang, "profile.invited_by", name=inviter.name or "—")
    reply(
        update,
        context,
        t(
            lang,
            "profile",
            name=actor.full_name or "—",
            role=plain(lang, f"role.{actor.role}"),
            agency=await agency_name(context.unit, actor.agency_code, lang),
            region=await region_label(context.unit, actor.region_code),
            code=actor.region_code,
            language=plain(lang, f"language.{actor.language}"),
            since=format_moment(actor.created_at, lang, context.services.settings.timezone),
            invited_by=invited_by,
        ),
    )


async def language_command(update: Update, context: PoskoContext) -> None:
    """/bahasa: choose Indonesian or English — for oneself, or (in a group, by a group admin
    who is a coordinator) for the group's digests, alerts and replies."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    scope: tuple[str, ...] = ()
    if not is_private(update):
        if not await may_manage_group(update, context, refusal="language.group_not_admin"):
            return
        scope = (GROUP_SCOPE,)
    buttons = [
        [Button(plain(code, f"language.{code}"), LANGUAGE.data(*scope, code)) for code in LANGUAGES]
    ]
    # A group's buttons are for whoever may manage the group (checked on the press); a
    # person's own are for that person only.
    keyboard = buttons if scope else owned(buttons, actor.telegram_id)
    reply(update, context, t(context.lang, "language.choose"), buttons=keyboard)


async def language_chosen(update: Update, context: PoskoContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    group_choice = LANGUAGE.parse(query.data, count=2)
    if (
        group_choice is not None
        and group_choice[0] == GROUP_SCOPE
        and group_choice[1] in LANGUAGES
        and not is_private(update)
    ):
        await _group_language_chosen(update, context, group_choice[1])
        return
    press = await personal_press(update, context, private=True)
    if press is None:
        return
    fields = LANGUAGE.parse(press.data, count=1)
    choice = fields[0] if fields is not None else ""
    if choice not in LANGUAGES:
        answer_callback(context, update, plain(context.lang, "button.stale"))
        return
    await choose_language(context.unit, person=press.actor, language=choice)
    context.unit.language = choice
    context.unit.edit(press.chat_id, press.message_id, t(choice, "language.set"))
    set_person_menu(context, press.actor)
    answer_callback(context, update)


async def _group_language_chosen(update: Update, context: PoskoContext, choice: str) -> None:
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    if query.message is None or not await may_manage_group(update, context, tell=False):
        answer_callback(context, update, plain(context.lang, "button.not_yours"))
        return
    if not await set_group_language(context.unit, chat_id=chat.id, language=choice):
        answer_callback(context, update)
        reply(update, context, t(context.lang, "language.group_unsubscribed"))
        return
    context.unit.language = choice
    context.unit.edit(chat.id, query.message.message_id, t(choice, "language.group_set"))
    answer_callback(context, update)


async def unknown_command(update: Update, context: PoskoContext) -> None:
    reply(update, context, t(context.lang, "unknown_command"))


async def stale_button(update: Update, context: PoskoContext) -> None:
    """A button no handler claims: an old message, or forged data."""
    answer_callback(context, update, plain(context.lang, "button.stale"))
