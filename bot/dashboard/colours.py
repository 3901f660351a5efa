"""How the map colours an area: by the worst state (one aspect's, or the worst reported of
all aspects), or by the share of current reports that say "ready" (one aspect's, or all
aspects'), in five steps. Each way has its legend; the matrix's "ready" column holds the
same shares, so what the colour says can be read as a number too."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.reports import AreaRollup
from bot.i18n import plain
from bot.services.dashboard import COLOUR_MODES

MODES = COLOUR_MODES
WORST, SHARE = MODES
# Colours people read on a projector as well as a phone (WCAG contrast against the white
# outlines and the dark labels); the state's name is always written next to it too.
FILL = {"ready": "#2e7d32", "partial": "#f9a825", "not_ready": "#c62828", None: "#9e9e9e"}
STATES = ("not_ready", "partial", "ready", None)
# Share ready, from none to all: (lowest percent of the step, its colour, its legend key).
SHARE_STEPS = (
    (100, "#2e7d32", "dashboard.share.all"),
    (75, "#7cb342", "dashboard.share.75"),
    (50, "#f9a825", "dashboard.share.50"),
    (25, "#ef6c00", "dashboard.share.25"),
    (0, "#c62828", "dashboard.share.0"),
)
NO_REPORT = "#9e9e9e"


@dataclass(frozen=True)
class AreaColour:
    fill: str
    state: str  # data-state on the map: a state, "share-<lowest percent>" or "none"
    label: str  # what the colour says, in words (the area's title)


def state_name(lang: str, state: str | None) -> str:
    return plain(lang, f"state.{state or 'none'}")


def worst_state(area: AreaRollup, aspect: str | None) -> str | None:
    """One aspect's worst state; for all aspects, the worst state reported (grey only when
    nothing was reported: the matrix and the title say which aspects are missing)."""
    if aspect is not None:
        return area.aspects[aspect].state if aspect in area.aspects else None
    reported = [a.state for a in area.aspects.values() if a.state is not None]
    return min(reported, key=lambda s: STATES.index(s)) if reported else None


def percent(ready: int, reported: int) -> int:
    """Rounded down, so that 100 % means every report says ready."""
    return ready * 100 // reported if reported else 0


def share_text(lang: str, ready: int, reported: int) -> str:
    if not reported:
        return plain(lang, "state.none")
    return plain(
        lang,
        "dashboard.share.value",
        ready=ready,
        reported=reported,
        percent=percent(ready, reported),
    )


def area_colour(area: AreaRollup, aspect: str | None, mode: str, lang: str) -> AreaColour:
    if mode != SHARE:
        state = worst_state(area, aspect)
        return AreaColour(FILL[state], state or "none", state_name(lang, state))
    ready, reported = area.share_ready(aspect)
    if not reported:
        return AreaColour(NO_REPORT, "none", state_name(lang, None))
    share = percent(ready, reported)
    lowest, fill, _ = next(step for step in SHARE_STEPS if share >= step[0])
    return AreaColour(fill, f"share-{lowest}", share_text(lang, ready, reported))


def legend(mode: str, lang: str) -> list[tuple[str, str]]:
    """(fill, words) for each colour the map may use in this mode."""
    if mode != SHARE:
        return [(FILL[state], state_name(lang, state)) for state in STATES]
    return [(fill, plain(lang, key)) for _, fill, key in SHARE_STEPS] + [
        (NO_REPORT, state_name(lang, None))
    ]
