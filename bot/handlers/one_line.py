"""One-line /lapor and /insiden: the refusal of a line that cannot be read, and the
"Maksud Anda …?" question for a line that reads only with a near miss.

The question is a small durable flow: its readings wait in the `conversation` table (so a
restart keeps them), its buttons carry the flow's token and are looked up by the person
who pressed them (so they act only for the person asked), and nothing is stored until a
reading is chosen. Each kind of line registers how a chosen reading is stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.callbacks import ONE_LINE_GUESS
from bot.context import PoskoContext
from bot.domain.incidents import IncidentSyntaxError, ParsedIncident, TypeInfo, severity_text
from bot.domain.lines import Guess
from bot.domain.reports import STATE_EMOJI, AspectInfo, ParsedReport, ReportSyntaxError
from bot.domain.vocabulary import aspect_words, kind_words
from bot.handlers.common import answer_callback, reply, require_actor
from bot.handlers.flows import Flow, draft_expiry, expired_message
from bot.i18n import Html, plain, t
from bot.render import shorten
from bot.services import line_guess
from bot.services.drafts import OpenDraft
from bot.services.line_guess import CANCEL, FLOW, Answer
from bot.services.regions import region_label, typed_region
from bot.ui import Button, Keyboard

if TYPE_CHECKING:  # as the services return them; no storage import at run time
    from storage.models import Person

CALLBACK = ONE_LINE_GUESS.prefix
PREVIEW = 300  # characters of a note or description shown in the question

# Store a chosen reading (the payload given to `ask`), editing the question's message.
Store = Callable[[Update, PoskoContext, "Person", dict[str, Any], int], Awaitable[None]]


@dataclass(frozen=True)
class LineKind:
    name: str  # "report", "incident"
    store: Store
    cancelled_key: str  # catalog message when the person cancels


KINDS: dict[str, LineKind] = {}


def register_line_kind(kind: LineKind) -> None:
    KINDS[kind.name] = kind


# -- refusals -------------------------------------------------------------------------------


async def region_named(session: AsyncSession, code: str) -> str:
    """A region a person typed, by its name and code ('Wiwirano, Kabupaten Konawe Utara
    (74.09.02)'); what they typed, cut short, when it names no region."""
    return await typed_region(session, code)


def refuse_report(
    update: Update, context: PoskoContext, error: ReportSyntaxError, aspects: Sequence[AspectInfo]
) -> None:
    lang = context.lang
    problem = t(lang, error.key, detail=error.detail)
    names = aspect_words(aspects, lang)
    reply(update, context, t(lang, "report.syntax", problem=problem, aspects=names))


def refuse_incident(
    update: Update, context: PoskoContext, error: IncidentSyntaxError, types: Sequence[TypeInfo]
) -> None:
    lang = context.lang
    problem = t(lang, error.key, detail=error.detail[:40])
    names = kind_words(types, lang)
    reply(update, context, t(lang, "incident.syntax", problem=problem, types=names))


# -- the question -----------------------------------------------------------------------------


def _guessed_label(
    lang: str, guessed: tuple[str, ...], aspects: Sequence[AspectInfo], types: Sequence[TypeInfo]
) -> str:
    labels = []
    for item in guessed:
        field, value = item.split(":", 1)
        if field == "aspect":
            labels.append(next((a.label(lang) for a in aspects if a.code == value), value))
        elif field == "kind":
            labels.append(next((k.label(lang) for k in types if k.code == value), value))
        elif field == "state":
            labels.append(plain(lang, f"state.{value}"))
        else:
            labels.append(plain(lang, f"severity.{value}"))
    return " · ".join(labels)


async def ask_report(
    update: Update,
    context: PoskoContext,
    guess: Guess[ParsedReport],
    aspects: Sequence[AspectInfo],
    *,
    region: str,
    photos: list[str],
    corrects: int | None,
) -> None:
    """'Maksud Anda Keamanan & ketertiban?' with a button per reading, and Cancel."""
    lang = context.lang
    labels = [_guessed_label(lang, guessed, aspects, ()) for guessed in guess.guessed]
    readings = [
        {
            "region": region,
            "aspect": parsed.aspect,
            "state": parsed.state.value,
            "progress": parsed.progress,
            "note": parsed.note,
            "photos": photos,
            "corrects": corrects,
        }
        for parsed in guess.options
    ]
    choices = list(zip(labels, readings, strict=True))
    top = guess.options[0]
    question = t(
        lang,
        "report.guess",
        guess=choices[0][0],
        region=await region_label(context.unit, region),
        aspect=next(a.label(lang) for a in aspects if a.code == top.aspect),
        emoji=STATE_EMOJI[top.state.value],
        state=plain(lang, f"state.{top.state.value}"),
        progress=f" ({top.progress}%)" if top.progress is not None else "",
        note=t(lang, "report.guess.note", note=shorten(top.note, PREVIEW))
        if top.note
        else Html(""),
    )
    await _ask(update, context, kind="report", question=question, choices=choices)


async def ask_incident(
    update: Update,
    context: PoskoContext,
    guess: Guess[ParsedIncident],
    types: Sequence[TypeInfo],
    *,
    region: str,
    photos: list[str],
) -> None:
    lang = context.lang
    readings = [
        {
            "region": region,
            "type_code": parsed.type_code,
            "severity": parsed.severity.value,
            "athg": parsed.athg_class.value,
            "description": parsed.description,
            "photos": photos,
        }
        for parsed in guess.options
    ]
    labels = [_guessed_label(lang, guessed, (), types) for guessed in guess.guessed]
    choices = list(zip(labels, readings, strict=True))
    top = guess.options[0]
    question = t(
        lang,
        "incident.guess",
        guess=choices[0][0],
        severity=severity_text(lang, top.severity.value),
        kind=next(k.label(lang) for k in types if k.code == top.type_code),
        athg=plain(lang, f"athg.{top.athg_class.value}"),
        region=await region_label(context.unit, region),
        description=shorten(top.description, PREVIEW),
    )
    await _ask(update, context, kind="incident", question=question, choices=choices)


async def _ask(
    update: Update,
    context: PoskoContext,
    *,
    kind: str,
    question: Html,
    choices: list[tuple[str, dict[str, Any]]],
) -> None:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    lang = context.lang
    asked = await line_guess.ask(
        context.unit,
        chat_id=chat.id,
        user_id=user.id,
        kind=kind,
        options=[payload for _, payload in choices],
        expires_at=context.now + draft_expiry(context),
    )
    if asked.replaced_draft:
        reply(update, context, t(lang, "report.replaced_draft"))  # one draft per person
    token = asked.token
    buttons: Keyboard = [
        [
            Button(
                plain(lang, "report.guess.yes", choice=choices[0][0]),
                ONE_LINE_GUESS.data(token, 0),
            )
        ]
    ]
    buttons += [
        [Button(label, ONE_LINE_GUESS.data(token, i))] for i, (label, _) in enumerate(choices) if i
    ]
    buttons.append(
        [Button(plain(lang, "report.button.cancel"), ONE_LINE_GUESS.data(token, CANCEL))]
    )
    reply(update, context, question, buttons=buttons)


async def drop_pending(update: Update, context: PoskoContext) -> None:
    """A new one-line command replaces an unanswered question (its buttons go stale)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    await line_guess.drop_pending(context.unit, chat_id=chat.id, user_id=user.id)


async def guess_button(update: Update, context: PoskoContext) -> None:
    """`ask1:<token>:<n|x>`: store reading n, or cancel."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None
    actor = await require_actor(update, context)
    if actor is None or query.message is None or user is None:
        return
    lang, chat_id, message_id = context.lang, query.message.chat.id, query.message.message_id
    fields = ONE_LINE_GUESS.parse(query.data, count=2)
    answered = (
        await line_guess.answer(
            context.unit,
            chat_id=chat_id,
            user_id=user.id,
            token=fields[0],
            choice=fields[1],
            kinds=KINDS,
        )
        if fields is not None
        else None
    )
    if answered is None or answered.answer is Answer.STALE:
        answer_callback(context, update, plain(lang, "button.stale"))
        return
    kind = KINDS[answered.kind]
    if answered.answer is Answer.EXPIRED:
        assert answered.conversation is not None
        reply(update, context, expired_message(context, answered.conversation))
        answer_callback(context, update)
        return
    if answered.answer is Answer.CANCELLED:
        context.unit.edit(chat_id, message_id, t(lang, kind.cancelled_key))
        answer_callback(context, update)
        return
    answer_callback(context, update)
    await kind.store(update, context, actor, answered.reading, message_id)


async def _typed(update: Update, context: PoskoContext, conversation: OpenDraft) -> None:
    reply(update, context, t(context.lang, "report.bad.expected_button"))


async def _cancelled(update: Update, context: PoskoContext, conversation: OpenDraft) -> None:
    kind = KINDS.get(str(conversation.data.get("kind")))
    reply(update, context, t(context.lang, kind.cancelled_key if kind else "report.cancelled"))


ROUTE = Flow(name=FLOW, on_input=_typed, on_cancel=_cancelled, expired_key="report.guess.expired")
