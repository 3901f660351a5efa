"""Answers a guided flow understands although its step asked for something else:
coordinates typed (or a maps link pasted) at the location step, and a name typed instead
of pressing a button. Used by the draft engine (bot/handlers/drafts.py) and its flows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from telegram import Update

from bot.context import PoskoContext
from bot.domain.geo import Coordinates, CoordinatesOutOfRange, parse_coordinates
from bot.domain.incidents import SEVERITY_WORDS, TypeInfo
from bot.domain.lines import catalog_words
from bot.domain.reports import AspectInfo
from bot.domain.text import clean
from bot.domain.types import ReportState
from bot.handlers.common import reply, skip_words
from bot.i18n import LANGUAGES, plain, t
from bot.services.regions import region_answered

if TYPE_CHECKING:  # the person as the services return it; no storage import at run time
    from storage.models import Person

SKIPPED = "skipped"
REMOVE_KEYBOARD = {"remove_keyboard": True}


async def location_answer(update: Update, context: PoskoContext) -> Coordinates | str | None:
    """At the location step: the point (shared, or typed as coordinates), SKIPPED, or None
    after telling the person what was wrong. Says what was recorded, and removes the
    location keyboard, when it is settled."""
    message = update.effective_message
    assert message is not None
    lang = context.lang
    text = clean(message.text or "")
    if message.location is not None:
        point = Coordinates(message.location.latitude, message.location.longitude)
    elif text.lower() in skip_words():
        reply(update, context, t(lang, "report.location_skipped"), reply_markup=REMOVE_KEYBOARD)
        return SKIPPED
    else:
        try:
            found = parse_coordinates(text)
        except CoordinatesOutOfRange:
            reply(update, context, t(lang, "report.bad.coordinates", text=text[:80]))
            return None
        if found is None:
            reply(update, context, t(lang, "report.bad.expected_location"))
            return None
        point = found
    reply(
        update,
        context,
        t(
            lang,
            "report.location_recorded_at",
            latitude=f"{point.latitude:.5f}",
            longitude=f"{point.longitude:.5f}",
        ),
        reply_markup=REMOVE_KEYBOARD,
    )
    return point


def _labels(key: str) -> list[str]:
    return [plain(lang, key) for lang in LANGUAGES]


def aspect_choices(aspects: Iterable[AspectInfo]) -> Mapping[str, list[str]]:
    return {a.code: [a.code, a.label_id, a.label_en, *a.aliases] for a in aspects}


def state_choices() -> Mapping[str, list[str]]:
    choices: dict[str, list[str]] = {}
    for state in ReportState:
        choices[state.value] = _labels(f"state.{state.value}")
        choices[state.value] += catalog_words(f"state.words.{state.value}")
    return choices


def type_choices(types: Iterable[TypeInfo]) -> Mapping[str, list[str]]:
    return {k.code: [k.code, k.label_id, k.label_en, *k.aliases] for k in types}


def severity_choices() -> Mapping[str, list[str]]:
    choices: dict[str, list[str]] = {}
    for word, severity in SEVERITY_WORDS.items():
        choices.setdefault(severity.value, _labels(f"severity.{severity.value}")).append(word)
    return choices


async def typed_region(context: PoskoContext, actor: Person, text: str) -> str | None:
    """At the region step: a region code, or the name of one region, inside the person's
    own region (exactly one); None when it is neither."""
    return await region_answered(context.session, within=actor.region_code, text=text)


def say_unclear(update: Update, context: PoskoContext) -> None:
    """A typed answer that matches no button (or several): say so; the caller shows the
    buttons again."""
    message = update.effective_message
    text = clean(message.text or "") if message is not None else ""
    reply(update, context, t(context.lang, "report.bad.typed_unclear", text=text[:80]))
