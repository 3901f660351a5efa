"""/undang: invite coordinators and officers, with buttons or in one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Update

from bot.callbacks import INVITE
from bot.context import PoskoContext
from bot.domain.invites import deep_link
from bot.domain.onboarding import InviteRefused, invite_agency
from bot.domain.regions import level_of
from bot.domain.roles import parse_role
from bot.domain.types import Role
from bot.handlers.common import (
    answer_callback,
    personal_press,
    private_actor,
    reply,
    reply_or_edit,
)
from bot.handlers.region_access import choice_labels, described_region
from bot.handlers.region_picker import picker_keyboard
from bot.i18n import format_moment, plain, t
from bot.services.agencies import agencies, agency_name, agency_named
from bot.services.invites import Where, invite_region, issue_invite, may_invite
from bot.services.regions import region_exists, region_label
from bot.ui import Button, owned

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person

CALLBACK = INVITE.prefix
# The steps of inv1 buttons: choose a role, open a region, pick it, give the invite, cancel.
ROLE_STEP, OPEN_STEP, PICK_STEP, GIVE_STEP, CANCEL_STEP = "r", "n", "p", "g", "x"
_ROLE_KEYS = {"c": Role.COORDINATOR, "o": Role.OFFICER}


async def invite_command(update: Update, context: PoskoContext) -> None:
    """/undang [peran wilayah] — in a private chat only: anyone who saw the link could use it."""
    actor = await private_actor(update, context)
    if actor is None:
        return
    lang = context.lang
    if not may_invite(actor):
        reply(
            update, context, t(lang, "invite.not_allowed", role=plain(lang, f"role.{actor.role}"))
        )
        return
    args = context.args or []
    if not args:
        buttons = [
            [
                Button(plain(lang, "role.coordinator"), INVITE.data(ROLE_STEP, "c")),
                Button(plain(lang, "role.officer"), INVITE.data(ROLE_STEP, "o")),
            ],
            [Button(plain(lang, "picker.cancel"), INVITE.data(CANCEL_STEP))],
        ]
        reply(
            update,
            context,
            t(lang, "invite.choose_role"),
            buttons=owned(buttons, actor.telegram_id),
        )
        return
    role = parse_role(args[0])
    if role is None or role == Role.ADMIN:
        reply(update, context, t(lang, "invite.usage", problem=t(lang, "invite.usage.role")))
        return
    agency_code = None
    if len(args) >= 3:  # `/undang koordinator 74.09 tni`: the agency is the last word
        agency = await agency_named(context.unit, args[-1])
        if agency is not None:
            agency_code, args = agency.code, args[:-1]
    query = " ".join(args[1:]).strip()
    if not query:
        reply(
            update, context, t(lang, "invite.usage", problem=t(lang, "invite.usage.region_missing"))
        )
        return
    region_code = await _resolve_region(
        update, context, actor, query, role=role, word=args[0], agency_code=agency_code
    )
    if region_code is not None:
        await _issue(update, context, actor, role, region_code, agency_code=agency_code)


async def _resolve_region(
    update: Update,
    context: PoskoContext,
    actor: Person,
    query: str,
    *,
    role: Role,
    word: str,
    agency_code: str | None = None,
) -> str | None:
    lang = context.lang
    found = await invite_region(context.unit, actor=actor, query=query)
    if found.where is Where.OUTSIDE:
        reply(
            update, context, t(lang, "invite.outside_region", region=query, own=actor.region_code)
        )
        return None
    if found.where is Where.UNKNOWN:
        reply(update, context, t(lang, "invite.region_unknown", query=query[:120]))
        return None
    if found.where is Where.AMBIGUOUS:
        matches = found.matches
        labels = await choice_labels(context, matches)
        role_key = next(key for key, value in _ROLE_KEYS.items() if value == role)
        # A choice of the one-line form issues the invite at once, for the line's agency.
        agency = invite_agency(agency_code, actor.agency_code)
        buttons = [
            [Button(label, INVITE.data(GIVE_STEP, role_key, match.code, agency))]
            for label, match in zip(labels, matches, strict=True)
        ]
        buttons.append([Button(plain(lang, "picker.cancel"), INVITE.data(CANCEL_STEP))])
        reply(
            update,
            context,
            t(
                lang,
                "invite.region_ambiguous",
                query=query[:120],
                options="\n".join(f"• {label}" for label in labels),
                role=word[:20],
                code=matches[0].code,
            ),
            buttons=buttons,
        )
        return None
    return found.code


async def _issue(
    update: Update,
    context: PoskoContext,
    actor: Person,
    role: Role,
    region_code: str,
    *,
    edit_message_id: int | None = None,
    agency_code: str | None = None,
) -> None:
    lang = context.lang
    settings = context.services.settings
    created = await issue_invite(
        context.unit,
        actor=actor,
        role=role,
        region_code=region_code,
        ttl_days=settings.invite_ttl_days,
        agency_code=agency_code,
    )
    if isinstance(created, InviteRefused):
        refusal = created
        text = t(
            lang,
            refusal.reason,
            # "Your role (Officer) cannot…" names the actor; "You cannot invite an Admin".
            role=plain(
                lang,
                f"role.{actor.role}"
                if refusal.reason == "invite.not_allowed"
                else f"role.{role.value}.a",
            ),
            region=region_code,
            own=actor.region_code,
            query=region_code,
        )
        reply(update, context, text)
        return
    link = deep_link(context.services.bot_username, created.code)
    text = t(
        lang,
        "invite.created",
        role=plain(lang, f"role.{role.value}.a"),
        agency=await agency_name(context.unit, created.invite.agency_code, lang),
        region=await described_region(context, region_code),
        code=region_code,
        link=link,
        expires=format_moment(created.invite.expires_at, lang, settings.timezone),
        uses=created.invite.max_uses,
    )
    reply_or_edit(update, context, text, edit_message_id=edit_message_id)


async def invite_button(update: Update, context: PoskoContext) -> None:
    """Buttons of the /undang message: role, region navigation, pick, cancel."""
    press = await personal_press(update, context, private=True)
    if press is None:
        return
    actor, chat_id, message_id = press.actor, press.chat_id, press.message_id
    lang = context.lang
    fields = INVITE.parse(press.data) or ("",)
    action, parts = fields[0], fields[1:]
    if not may_invite(actor):
        answer_callback(context, update, plain(lang, "button.not_yours"))
        return
    if action == CANCEL_STEP and not parts:
        context.unit.edit(chat_id, message_id, t(lang, "cancel.done"))
        answer_callback(context, update)
        return
    if action == ROLE_STEP and len(parts) == 1 and parts[0] in _ROLE_KEYS:
        await _show_picker(context, actor, parts[0], actor.region_code, 0, chat_id, message_id)
        answer_callback(context, update)
        return
    if action == OPEN_STEP and len(parts) == 3 and parts[0] in _ROLE_KEYS and parts[2].isdigit():
        code = parts[1]
        if level_of(code) is None or not may_invite(actor, region_code=code):
            answer_callback(context, update, plain(lang, "button.stale"))
            return
        await _show_picker(context, actor, parts[0], code, int(parts[2]), chat_id, message_id)
        answer_callback(context, update)
        return
    if action == PICK_STEP and len(parts) == 2 and parts[0] in _ROLE_KEYS:
        code = parts[1]
        if level_of(code) is None:
            answer_callback(context, update, plain(lang, "button.stale"))
            return
        if not may_invite(actor, region_code=code):  # a forged press: refused as /undang is
            reply(
                update,
                context,
                t(lang, "invite.outside_region", region=code, own=actor.region_code),
            )
            answer_callback(context, update)
            return
        await _show_agencies(context, actor, parts[0], code, chat_id, message_id)
        answer_callback(context, update)
        return
    if action == GIVE_STEP and len(parts) == 3 and parts[0] in _ROLE_KEYS:
        code = parts[1]
        if level_of(code) is None:
            answer_callback(context, update, plain(lang, "button.stale"))
            return
        await _issue(
            update,
            context,
            actor,
            _ROLE_KEYS[parts[0]],
            code,
            edit_message_id=message_id,
            agency_code=parts[2],
        )
        answer_callback(context, update)
        return
    answer_callback(context, update, plain(lang, "button.stale"))


async def _show_picker(
    context: PoskoContext,
    actor: Person,
    role_key: str,
    code: str,
    page: int,
    chat_id: int,
    message_id: int,
) -> None:
    lang = context.lang
    if not await region_exists(context.unit, code):
        return
    keyboard = await picker_keyboard(
        context.session,
        lang=lang,
        open_prefix=INVITE.data(OPEN_STEP, role_key),
        pick_prefix=INVITE.data(PICK_STEP, role_key),
        cancel_data=INVITE.data(CANCEL_STEP),
        root=actor.region_code,
        current=code,
        page=page,
    )
    text = t(
        lang,
        "invite.choose_region",
        role=plain(lang, f"role.{_ROLE_KEYS[role_key].value}.a"),
        region=await region_label(context.unit, code),
    )
    context.unit.edit(chat_id, message_id, text, buttons=owned(keyboard, actor.telegram_id))


async def _show_agencies(
    context: PoskoContext, actor: Person, role_key: str, code: str, chat_id: int, message_id: int
) -> None:
    """The last step of the buttons: which agency the invited person belongs to."""
    lang = context.lang
    choices = [
        Button(agency.name(lang), INVITE.data(GIVE_STEP, role_key, code, agency.code))
        for agency in await agencies(context.unit)
    ]
    keyboard = [choices[i : i + 2] for i in range(0, len(choices), 2)]
    keyboard.append([Button(plain(lang, "picker.cancel"), INVITE.data(CANCEL_STEP))])
    text = t(
        lang,
        "invite.choose_agency",
        role=plain(lang, f"role.{_ROLE_KEYS[role_key].value}.a"),
        region=await region_label(context.unit, code),
    )
    context.unit.edit(chat_id, message_id, text, buttons=owned(keyboard, actor.telegram_id))
