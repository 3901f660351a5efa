"""Small helpers every handler module uses: identity, region labels, replies, menus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import Update, User

from bot.context import PoskoContext
from bot.domain.onboarding import Identity
from bot.domain.policy import Action, Decision, chat_kind, decide
from bot.domain.text import clean
from bot.domain.types import Role
from bot.i18n import Html, normalize_language, plain, t
from bot.i18n.commands import command_name
from bot.services.people import policy_actor
from bot.ui import OWNER_MARK, Button, Keyboard

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person

# Commands per audience, in menu order. Each name's description is catalog key cmd.<name>.
GUEST_COMMANDS = ("start", "bantuan")
GROUP_COMMANDS = ("ringkasan", "status", "insiden_terbuka", "langganan", "berhenti")
_EVERYONE = ("bantuan", "profil", "dataku", "bahasa", "keluar", "batal")
_REPORTING = (
    "lapor",
    "insiden",
    "dukungan",
    "tindaklanjut",
    "status",
    "dasbor",
    "insiden_terbuka",
    "riwayat",
    "ralat",
    "tarik",
)
_LEADING = ("rtl", "ringkasan", "ekspor", "paparan", "ingatkan", "undang")
ROLE_COMMANDS: dict[Role, tuple[str, ...]] = {
    Role.OFFICER: (*_REPORTING, "ringkasan", *_EVERYONE),
    Role.COORDINATOR: (*_REPORTING, *_LEADING, *_EVERYONE),
    Role.ADMIN: (
        *_REPORTING,
        *_LEADING,
        "undangan",
        "nonaktifkan",
        "acara",
        "alihkan",
        *_EVERYONE,
    ),
}


def identity_of(user: User, default_language: str) -> Identity:
    return Identity(
        telegram_id=user.id,
        full_name=clean(user.full_name or "")[:200] or None,
        username=clean(user.username or "")[:64] or None,
        language=normalize_language(user.language_code, default_language),
    )


def command_menu(names: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    """Telegram's menu: English readers see the English names (the Indonesian ones work too)."""
    return [
        {"command": command_name(name, lang), "description": plain(lang, f"cmd.{name}")}
        for name in names
    ]


def set_person_menu(context: PoskoContext, person: Person) -> None:
    """Owe the person a command menu for their role, in their language."""
    context.unit.call(
        person.telegram_id,
        "setMyCommands",
        {
            "commands": command_menu(ROLE_COMMANDS[Role(person.role)], person.language),
            "scope": {"type": "chat", "chat_id": person.telegram_id},
        },
        priority=0,
    )
    menu_button_call(context, person)


def mini_app_url(base_url: str | None) -> str | None:
    """The Mini App's address, when the server has a public https one (Telegram opens
    Mini Apps only over https)."""
    if base_url and base_url.startswith("https://"):
        return f"{base_url}/dasbor/app"
    return None


def menu_button_call(context: PoskoContext, person: Person) -> None:
    """Owe the person a chat menu button that opens the dashboard (https servers only)."""
    url = mini_app_url(context.services.settings.web_base_url)
    if url is None:
        return
    context.unit.call(
        person.telegram_id,
        "setChatMenuButton",
        {
            "chat_id": person.telegram_id,
            "menu_button": {
                "type": "web_app",
                "text": plain(person.language, "dashboard.button.menu"),
                "web_app": {"url": url},
            },
        },
        priority=0,
    )


def reply(
    update: Update,
    context: PoskoContext,
    text: Html,
    *,
    buttons: Keyboard | None = None,
    reply_markup: dict[str, Any] | None = None,
) -> None:
    """Answer in the chat (and forum topic) the update came from."""
    chat = update.effective_chat
    if chat is None:
        return
    message = update.effective_message
    thread_id = (
        message.message_thread_id if message is not None and message.is_topic_message else None
    )
    context.unit.send(
        chat.id, text, buttons=buttons, thread_id=thread_id, reply_markup=reply_markup
    )


def reply_or_edit(
    update: Update, context: PoskoContext, text: Html, *, edit_message_id: int | None
) -> None:
    """Edit message `edit_message_id` of the update's chat into `text`, or (None) reply."""
    chat = update.effective_chat
    if edit_message_id is not None and chat is not None:
        context.unit.edit(chat.id, edit_message_id, text)
    else:
        reply(update, context, text)


def answer_callback(
    context: PoskoContext, update: Update, text: str | None = None, *, alert: bool = False
) -> None:
    """Answer the button press after the transaction commits (never holds the database)."""
    query = update.callback_query
    if query is None:
        return

    async def _answer() -> Any:
        return await query.answer(text=text, show_alert=alert)

    context.unit.later(_answer)


async def require_actor(update: Update, context: PoskoContext) -> Person | None:
    """The registered person behind the update, or None after telling them how to join."""
    if context.actor is None:
        if update.callback_query is not None:
            answer_callback(context, update, plain(context.lang, "button.not_yours"))
        else:
            reply(update, context, t(context.lang, "not_registered"))
    return context.actor


async def private_actor(update: Update, context: PoskoContext) -> Person | None:
    """The registered person behind a command that works only in a private chat; None
    after telling them why not (in a group: that it is for private chats)."""
    if not private_chat_only(update, context):
        return None
    return await require_actor(update, context)


def personal_button(update: Update, context: PoskoContext, *, private: bool = False) -> str | None:
    """The pressed button's data without its owner mark, when the presser is the person it
    was shown to; None (after a toast, and with nothing changed) otherwise.

    Every handler of a personal button calls this first. A button without a mark (sent
    before buttons were bound) is accepted only in a private chat, where Telegram lets
    nobody but that chat's person press it; in a group its owner is unknown, so it is
    refused as no longer valid. With `private`, the button belongs to a private chat (a
    guided flow, an invite): pressed anywhere else, even by its owner, it is refused."""
    query = update.callback_query
    if query is None or query.data is None:
        return None
    data, mark, owner = query.data.rpartition(OWNER_MARK)
    if not mark:  # unmarked: the person of the private chat it is in, if it is in one
        if not is_private(update) or query.message is None:
            answer_callback(context, update, plain(context.lang, "button.stale"))
            return None
        data, owner = query.data, str(query.message.chat.id)
    if not owner.isdigit() or int(owner) != query.from_user.id:
        answer_callback(context, update, plain(context.lang, "button.not_yours"))
        return None
    if private and not is_private(update):
        answer_callback(context, update, plain(context.lang, "button.stale"))
        return None
    return data


async def pressed_by_actor(
    update: Update, context: PoskoContext, *, private: bool = False
) -> tuple[str, Person] | None:
    """`personal_button`, then `require_actor`: the data and the registered person who
    pressed it, or None after telling them why not."""
    data = personal_button(update, context, private=private)
    actor = await require_actor(update, context) if data is not None else None
    return (data, actor) if data is not None and actor is not None else None


def policy_decision(
    update: Update, actor: Person | None, action: Action, *, region: str | None = None
) -> Decision:
    """The policy's answer for `actor` doing `action` (on `region`) in the update's chat."""
    chat = update.effective_chat
    return decide(
        policy_actor(actor) if actor is not None else None,
        action,
        chat=chat_kind(chat.type if chat is not None else None),
        region=region,
    )


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == "private"


def private_chat_only(update: Update, context: PoskoContext) -> bool:
    """True in a private chat. In a group, answers that the command works only in a private
    chat, with a button that opens it (the command's answer would be personal data or a
    file that every member could read), and returns False."""
    if is_private(update):
        return True
    username = context.services.bot_username
    buttons = (
        [[Button(plain(context.lang, "private_only.button"), url=f"https://t.me/{username}")]]
        if username
        else None
    )
    reply(update, context, t(context.lang, "private_only"), buttons=buttons)
    return False


def location_keyboard(lang: str) -> dict[str, Any]:
    """A reply keyboard with Telegram's own 'send my location' button, and Skip."""
    return {
        "keyboard": [
            [{"text": plain(lang, "report.button.share_location"), "request_location": True}],
            [{"text": plain(lang, "report.button.skip")}],
        ],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }


def skip_words() -> set[str]:
    """What a person types (or the reply keyboard sends) to skip a step, in any language."""
    return {plain(code, "report.button.skip").lower() for code in ("id", "en")}


@dataclass(frozen=True)
class Press:
    """A personal button pressed by the registered person it was shown to."""

    actor: Person
    data: str  # without the owner mark
    chat_id: int
    message_id: int


async def personal_press(
    update: Update, context: PoskoContext, *, private: bool = False
) -> Press | None:
    """The press of a personal button (see `personal_button`) by a registered person, on a
    message Telegram still shows; None after telling them why not."""
    query = update.callback_query
    pressed = await pressed_by_actor(update, context, private=private)
    if query is None or pressed is None or query.message is None:
        return None
    data, actor = pressed
    return Press(actor, data, query.message.chat.id, query.message.message_id)


@dataclass(frozen=True)
class CommandInput:
    actor: Person
    arguments: str  # everything after the command word, spacing and quotes kept
    photos: list[str]  # the photo a captioned command came with


async def private_command(update: Update, context: PoskoContext) -> CommandInput | None:
    """A registered person's command in a private chat (text, or a photo's caption); None
    after telling the person why not."""
    actor = await private_actor(update, context)
    if actor is None:
        return None
    message = update.effective_message
    assert message is not None
    parts = (message.text if message.text is not None else message.caption or "").split(maxsplit=1)
    photos = [message.photo[-1].file_id] if message.photo else []
    return CommandInput(actor, parts[1] if len(parts) > 1 else "", photos)
