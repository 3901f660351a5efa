"""The draft engine: a guided flow (/lapor, /insiden) is declared as its steps, its card and
its submit; the engine does the rest the same way for every flow.

The engine owns: the draft's token (every button carries it: a button from an older card is
answered "no longer valid" and changes nothing), loading and storing the draft in the
`conversation` table (bot/services/drafts.py), expiry, the region picker, the photo and
location steps and their skip, cancelling (a button, or /batal), and the card edited in
place after a press (a typed answer gets a new card, with a new token).

Button data is the flow's callback kind: `<prefix>:<token>:<action>[:<value>[:<page>]]`.
The actions the engine knows are `x` (cancel), `n`/`p` (open / pick a region), `skip`,
`done` (photos), `add:<step>` and `send` (the summary); a step declares its own (`actions`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from telegram import Message, Update

from bot.callbacks import CallbackKind
from bot.context import PoskoContext
from bot.domain.drafts import LOCATION_STEP, REGION_STEP, SUMMARY_STEP, DraftFields, StepKind
from bot.domain.geo import Coordinates
from bot.domain.policy import Action
from bot.domain.text import clean
from bot.handlers.common import (
    answer_callback,
    location_keyboard,
    pressed_by_actor,
    reply,
    skip_words,
)
from bot.handlers.flow_inputs import REMOVE_KEYBOARD, location_answer, say_unclear, typed_region
from bot.handlers.flows import Flow, end_expired
from bot.handlers.one_line import LineKind, region_named
from bot.handlers.region_picker import picker_keyboard
from bot.i18n import Html, plain, t
from bot.services import drafts
from bot.ui import Button, Keyboard, owned
from bot.unit import UnitOfWork

if TYPE_CHECKING:
    from storage.models import Person

D = TypeVar("D", bound=DraftFields)

# What a press can lead to besides a step.
CANCELLED = "cancelled"
SEND = "send"


@dataclass(frozen=True)
class Answer:
    """What a typed answer at a TEXT step did."""

    next_step: str | None = None  # None: the step asks again
    say: Html | None = None  # said first (what was wrong, or what was kept)
    keep: bool = False  # the draft changed although the step stays: store it


@dataclass(frozen=True)
class Turn(Generic[D]):
    """One press or message on a draft: who, where, and the buttons of its card."""

    update: Update
    context: PoskoContext
    actor: Person
    flow: DraftFlow[D]
    token: str
    chat_id: int | None = None  # the draft's chat, when not the update's (opened privately)

    @property
    def lang(self) -> str:
        return self.context.lang

    @property
    def unit(self) -> UnitOfWork:
        return self.context.unit

    def data(self, action: str, *values: str | int) -> str:
        return self.flow.kind.data(self.token, action, *values)

    def button(self, label: str, action: str, *values: str | int) -> Button:
        return Button(label, self.data(action, *values))

    def cancel_button(self) -> Button:
        return self.button(plain(self.lang, "report.button.cancel"), "x")

    def skip_button(self) -> Button:
        return self.button(plain(self.lang, "report.button.skip"), "skip")

    def done_button(self) -> Button:
        return self.button(plain(self.lang, "report.button.photos_done"), "done")


# A value chosen at a REGION or CHOICE step (pressed or typed): change the draft, and return
# the next step, or None when the value is not one the step offers (a stale or forged press).
Pick = Callable[[Turn[D], D, str], Awaitable[str | None]]
# The value a typed name picks at a CHOICE step; None when it matches no button, or several.
Typed = Callable[[Turn[D], str], Awaitable[str | None]]
Read = Callable[[Turn[D], D, Message], Answer]
# A flow's own button at a step (e.g. "change" at the summary): change the draft, return the
# next step, or None for a stale press.
StepAction = Callable[[Turn[D], D, tuple[str, ...]], Awaitable[str | None]]
Card = Callable[[Turn[D], str, D], Awaitable[tuple[Html, Keyboard]]]
Submit = Callable[[Turn[D], D, int | None], Awaitable[None]]


def _same(value: str) -> str | None:
    return value


@dataclass(frozen=True)
class Step(Generic[D]):
    kind: StepKind
    pick: Pick[D] | None = None  # REGION, CHOICE
    button: str = ""  # CHOICE: the action of its buttons
    from_button: Callable[[str], str | None] = _same  # CHOICE: a button's value → the value
    typed: Typed[D] | None = None  # CHOICE
    read: Read[D] | None = None  # TEXT
    skip: bool = False  # TEXT: a Skip button back to the summary
    actions: Mapping[str, StepAction[D]] = field(default_factory=dict)  # any step


@dataclass(frozen=True)
class DraftFlow(Generic[D]):
    """A guided flow, declared. `card` draws the flow's own steps (the engine draws the
    region, photo and location steps); `submit` stores the finished draft, editing the
    card's message when it has one."""

    name: str  # the conversation row's `flow`
    kind: CallbackKind
    fields: type[D]
    steps: Mapping[str, Step[D]]
    card: Card[D]
    submit: Submit[D]
    access: Action  # what the person does, for the policy's region check
    after_region: Callable[[D], str]  # the step after the region is known
    region_key: str  # the region step's question (takes {region})
    outside_key: str  # a region outside the person's own (takes {region} and {own})
    cancelled_key: str
    expired_key: str  # takes {minutes}
    additions: tuple[str, ...] = ()  # the steps the summary's "add" buttons open
    ready: Callable[[D], bool] = lambda draft: True  # whether Send may store it
    replaced_key: str | None = None  # said when a new draft replaces an open one
    new_card_on_press: bool = False  # a press gets a new message (chat-like), not an edit

    # -- entry points -----------------------------------------------------------------------

    async def start(
        self,
        update: Update,
        context: PoskoContext,
        actor: Person,
        draft: D,
        *,
        step: str | None = None,
        private: bool = False,
    ) -> None:
        """Open a draft (replacing any other of this person in this chat) and show its card;
        `private`: in the person's private chat, wherever the update came from."""
        chat, user = update.effective_chat, update.effective_user
        assert chat is not None and user is not None
        here = actor.telegram_id if private else chat.id
        previous = await drafts.current_draft(context.unit, chat_id=here, user_id=user.id)
        if (
            self.replaced_key is not None
            and previous is not None
            and previous.flow == self.name
            and not previous.expired(context.now)
        ):
            reply(update, context, t(context.lang, self.replaced_key))
        if step is None:
            if draft.region is None and not await drafts.has_regions_below(
                context.unit, code=actor.region_code
            ):
                draft.region = actor.region_code
            step = REGION_STEP if draft.region is None else self.after_region(draft)
        turn = Turn(update, context, actor, self, drafts.new_token(), here if private else None)
        await self._new_card(turn, step, draft)

    async def keep_photos(
        self, update: Update, context: PoskoContext, actor: Person, photos: list[str], key: str
    ) -> None:
        """A photo whose caption could not be used is not thrown away: it starts the guided
        flow, attached (`key` says so)."""
        if photos:
            reply(update, context, t(context.lang, key))
            await self.start(update, context, actor, self.fields(photos=list(photos)))

    async def region_refused(
        self, update: Update, context: PoskoContext, actor: Person, region: str
    ) -> bool:
        """True, after saying why, when the person may not use `region` in this flow (a
        region typed in a line, or kept in a chosen reading)."""
        check = await drafts.check_region(
            context.unit, actor=actor, code=region, action=self.access
        )
        if check is drafts.RegionCheck.OUTSIDE:
            named = await region_named(context.session, region)
            own = await drafts.region_name(context.unit, code=actor.region_code)
            reply(update, context, t(context.lang, self.outside_key, region=named, own=own))
        elif check is drafts.RegionCheck.UNKNOWN:
            reply(update, context, t(context.lang, "report.region_unknown", region=region))
        return check is not drafts.RegionCheck.ALLOWED

    def line_kind(self) -> LineKind:
        """How a reading chosen after "Maksud Anda …?" (one_line) is submitted: as this
        flow's draft, when its region is still the person's to use."""

        async def store(
            update: Update, context: PoskoContext, actor: Person, payload: dict[str, Any], at: int
        ) -> None:
            draft = self.fields.load(payload)
            if draft.region is None or await self.region_refused(
                update, context, actor, draft.region
            ):
                return
            await self.submit(Turn(update, context, actor, self, ""), draft, at)

        return LineKind(self.name, store, self.cancelled_key)

    def route(self) -> Flow:
        """How the flow router reaches this flow (typed input and /batal)."""
        return Flow(
            name=self.name,
            on_input=self.on_input,
            on_cancel=self.on_cancel,
            expired_key=self.expired_key,
        )

    async def on_button(self, update: Update, context: PoskoContext) -> None:
        """Every button of the flow's cards."""
        query, user = update.callback_query, update.effective_user
        assert query is not None
        pressed = await pressed_by_actor(update, context, private=True)
        if pressed is None or query.message is None or user is None:
            return
        data, actor = pressed
        lang = context.lang
        chat_id, message_id = query.message.chat.id, query.message.message_id
        fields = self.kind.parse(data)
        stored = await drafts.current_draft(context.unit, chat_id=chat_id, user_id=user.id)
        if (
            fields is None
            or len(fields) < 2
            or stored is None
            or stored.flow != self.name
            or stored.token != fields[0]
        ):
            answer_callback(context, update, plain(lang, "button.stale"))
            return
        if stored.expired(context.now):
            await end_expired(update, context, stored)
            answer_callback(context, update)
            return
        action, values = fields[1], fields[2:]
        draft = self.fields.load(stored.data)
        turn = Turn(update, context, actor, self, stored.token)
        step = await self._press(turn, stored.step, draft, action, values)
        if step is None:
            answer_callback(context, update, plain(lang, "button.stale"))
            return
        answer_callback(context, update)
        if step in (CANCELLED, SEND):
            await drafts.end_draft(context.unit, chat_id=chat_id, user_id=user.id)
            if step == CANCELLED:
                context.unit.edit(chat_id, message_id, t(lang, self.cancelled_key))
            else:
                await self.submit(turn, draft, message_id)
            return
        kind = self.steps[step].kind  # (the region picker always pages within its card)
        if self.new_card_on_press and kind not in (StepKind.LOCATION, StepKind.REGION):
            await self._new_card(turn, step, draft)
            return
        await self._store(turn, step, draft)
        if kind is StepKind.LOCATION:
            # A location can only be asked for with a reply keyboard, which needs a new message.
            context.unit.edit(chat_id, message_id, t(lang, "report.location_pending"))
            reply(
                update,
                context,
                t(lang, "report.ask.location"),
                reply_markup=location_keyboard(lang),
            )
            return
        opened = action == "n" and bool(values)
        at = values[0] if opened else None
        page = int(values[1]) if opened and len(values) > 1 and values[1].isdigit() else 0
        text, buttons = await self._card(turn, step, draft, at=at, page=page)
        context.unit.edit(chat_id, message_id, text, buttons=buttons)

    async def on_input(
        self, update: Update, context: PoskoContext, stored: drafts.OpenDraft
    ) -> None:
        """Text, a photo or a location while the draft waits."""
        actor, message = context.actor, update.effective_message
        if actor is None or message is None:
            return
        lang = context.lang
        draft = self.fields.load(stored.data)
        turn = Turn(update, context, actor, self, stored.token)
        step = self.steps.get(stored.step)
        typed = clean(message.text or "")
        if step is None:
            reply(update, context, t(lang, "report.bad.expected_button"))
        elif typed.lower() in skip_words() and (step.skip or step.kind is StepKind.PHOTOS):
            # The Skip button's word typed: the same as pressing it, where the step has one.
            await self._new_card(turn, SUMMARY_STEP, draft)
        elif self._takes_location(step, message):
            point = await location_answer(update, context)
            if point is None:
                return
            if isinstance(point, Coordinates):
                draft.latitude, draft.longitude = point.latitude, point.longitude
            await self._new_card(turn, SUMMARY_STEP, draft)
        elif step.kind is StepKind.PHOTOS:
            await self._photo(turn, stored.step, draft, message)
        elif step.kind is StepKind.TEXT:
            await self._read(turn, stored.step, step, draft, message)
        elif typed:
            await self._typed(turn, stored.step, step, draft, typed)
        else:
            reply(update, context, t(lang, "report.bad.expected_button"))

    async def on_cancel(
        self, update: Update, context: PoskoContext, stored: drafts.OpenDraft
    ) -> None:
        """After /batal (the router has ended the draft)."""
        markup = REMOVE_KEYBOARD if stored.step == LOCATION_STEP else None
        reply(update, context, t(context.lang, self.cancelled_key), reply_markup=markup)

    # -- the engine -------------------------------------------------------------------------

    def _takes_location(self, step: Step[D], message: Message) -> bool:
        """At the location step; or shared at a summary that can add one (as after 📍)."""
        at_summary = step.kind is StepKind.SUMMARY and LOCATION_STEP in self.additions
        return step.kind is StepKind.LOCATION or (at_summary and message.location is not None)

    async def _press(
        self, turn: Turn[D], at: str, draft: D, action: str, values: tuple[str, ...]
    ) -> str | None:
        """Change the draft for a button; the next step, or None for a stale press."""
        if action == "x":
            return CANCELLED
        step = self.steps.get(at)
        if step is None:
            return None
        value = values[0] if values else None
        if step.kind is StepKind.REGION and action in ("n", "p") and value is not None:
            reach = await drafts.check_region(
                turn.unit, actor=turn.actor, code=value, action=self.access
            )
            if reach is not drafts.RegionCheck.ALLOWED:
                return None
            if action == "n":
                return at
            assert step.pick is not None
            return await step.pick(turn, draft, value)
        if step.kind is StepKind.CHOICE and action == step.button and value is not None:
            chosen = step.from_button(value)
            assert step.pick is not None
            return None if chosen is None else await step.pick(turn, draft, chosen)
        if step.kind is StepKind.SUMMARY:
            if action == SEND:
                return SEND if self.ready(draft) else None
            if action == "add":
                return value if value in self.additions else None
        if action in step.actions:
            return await step.actions[action](turn, draft, values)
        skippable = step.skip or step.kind in (StepKind.PHOTOS, StepKind.LOCATION)
        if action == "skip" and skippable:
            return SUMMARY_STEP
        if action == "done" and step.kind is StepKind.PHOTOS:
            return SUMMARY_STEP
        return None

    async def _read(
        self, turn: Turn[D], at: str, step: Step[D], draft: D, message: Message
    ) -> None:
        assert step.read is not None
        answer = step.read(turn, draft, message)
        if answer.say is not None:
            reply(turn.update, turn.context, answer.say)
        if answer.next_step is not None:
            await self._new_card(turn, answer.next_step, draft)
        elif answer.keep:
            await self._store(turn, at, draft)

    async def _typed(self, turn: Turn[D], at: str, step: Step[D], draft: D, text: str) -> None:
        """A name typed instead of pressing: taken when it matches one button of the step;
        otherwise said so, with the step's card again."""
        if step.kind is StepKind.REGION:
            value = await typed_region(turn.context, turn.actor, text)
        elif step.kind is StepKind.CHOICE and step.typed is not None:
            value = await step.typed(turn, text)
        else:
            value = None  # the summary takes no typed answer
        following = None
        if value is not None and step.pick is not None:
            following = await step.pick(turn, draft, value)
        if following is None:
            say_unclear(turn.update, turn.context)
        await self._new_card(turn, following or at, draft)

    async def _photo(self, turn: Turn[D], at: str, draft: D, message: Message) -> None:
        if not message.photo:
            reply(turn.update, turn.context, t(turn.lang, "report.bad.expected_photo"))
            return
        if not draft.add_photo(message.photo[-1].file_id):
            reply(turn.update, turn.context, t(turn.lang, "report.photo_limit"))
            return
        await self._store(turn, at, draft)
        reply(
            turn.update,
            turn.context,
            t(turn.lang, "report.photo_added", count=len(draft.photos)),
            buttons=owned([[turn.done_button()]], turn.actor.telegram_id),
        )

    async def _store(self, turn: Turn[D], step: str, draft: D) -> None:
        chat, user = turn.update.effective_chat, turn.update.effective_user
        assert chat is not None and user is not None
        await drafts.save_draft(
            turn.unit,
            chat_id=turn.chat_id or chat.id,
            user_id=user.id,
            flow=self.name,
            step=step,
            token=turn.token,
            data=draft.dump(),
            minutes=turn.context.services.settings.draft_ttl_minutes,
        )

    async def _new_card(self, turn: Turn[D], step: str, draft: D) -> None:
        """Continue with a new message; a new token makes the previous card's buttons stale."""
        turn = Turn(turn.update, turn.context, turn.actor, self, drafts.new_token(), turn.chat_id)
        await self._store(turn, step, draft)
        text, buttons = await self._card(turn, step, draft)
        if turn.chat_id is None:
            reply(turn.update, turn.context, text, buttons=buttons)
        else:
            turn.unit.send(turn.chat_id, text, buttons=buttons)

    async def _card(
        self, turn: Turn[D], step: str, draft: D, *, at: str | None = None, page: int = 0
    ) -> tuple[Html, Keyboard | None]:
        """The message for the step the draft is at; its buttons are for the draft's owner."""
        kind = self.steps[step].kind
        if kind is StepKind.REGION:
            current = at or turn.actor.region_code
            buttons = await picker_keyboard(
                turn.context.session,
                lang=turn.lang,
                open_prefix=turn.data("n"),
                pick_prefix=turn.data("p"),
                cancel_data=turn.data("x"),
                root=turn.actor.region_code,
                current=current,
                page=page,
            )
            region = await drafts.region_name(turn.unit, code=current)
            text = t(turn.lang, self.region_key, region=region)
        elif kind is StepKind.PHOTOS:
            text = t(turn.lang, "report.ask.photo")
            buttons = [[turn.done_button(), turn.skip_button()]]
        else:
            text, buttons = await self.card(turn, step, draft)
        user = turn.update.effective_user
        assert user is not None
        return text, owned(buttons, user.id) if buttons else None


def show(
    update: Update,
    context: PoskoContext,
    text: Html,
    *,
    edit_message_id: int | None,
    buttons: Keyboard | None = None,
) -> None:
    """A flow's result: in place of the card or question it came from, or as a new message."""
    chat = update.effective_chat
    assert chat is not None
    if edit_message_id is not None:
        context.unit.edit(chat.id, edit_message_id, text, buttons=buttons)
    else:
        reply(update, context, text, buttons=buttons)


def location_line(lang: str, key: str, draft: DraftFields) -> Html:
    """A summary's line for the draft's location (`key` takes {latitude} and {longitude});
    empty when it has none."""
    if draft.latitude is None or draft.longitude is None:
        return Html("")
    return t(lang, key, latitude=f"{draft.latitude:.5f}", longitude=f"{draft.longitude:.5f}")
