"""What a support request looks like in a chat: its copies, their buttons, its timeline.
No Telegram, no database: plain views in, Html out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.callbacks import SUPPORT_ACTION, SUPPORT_ASK
from bot.domain.support import STATUS_EMOJI, URGENCY_EMOJI, is_overdue, reference
from bot.domain.types import OPEN_SUPPORT_STATUSES, SupportStatus
from bot.i18n import Html, format_short_moment, plain, t
from bot.render import shorten
from bot.ui import Button, Keyboard
from storage.models import SupportEvent, SupportRequest

CALLBACK = SUPPORT_ACTION.prefix
ASK_CALLBACK = (
    SUPPORT_ASK.prefix
)  # supa1:r:<report id> (personal), supa1:i:<incident id> (an alert's)
ACTIONS = {"t": "take", "p": "progress", "d": "done", "x": "decline"}
NEED_PREVIEW = 1500


@dataclass(frozen=True)
class PersonView:
    name: str
    role: str
    agency: str | None  # the agency's name


@dataclass(frozen=True)
class RequestView:
    """Everything a copy shows, loaded once and rendered per language."""

    request: SupportRequest
    region: str
    target: str  # the label of the level that holds it
    agency_id: str  # the target agency's names
    agency_en: str
    requester: PersonView | None
    taker: PersonView | None
    closer: PersonView | None
    progress_note: str | None
    aspect: str | None
    now: datetime

    def agency(self, lang: str) -> str:
        return self.agency_en if lang == "en" else self.agency_id


def who(person: PersonView | None, lang: str) -> str:
    if person is None:
        return "—"
    role = plain(lang, f"role.{person.role}")
    return (
        f"{person.name} ({role}, {person.agency})" if person.agency else f"{person.name} ({role})"
    )


def render_request(view: RequestView, lang: str, tz: ZoneInfo, *, climbed: bool = False) -> Html:
    request = view.request
    assert request.id is not None
    lines = []
    if climbed:
        lines.append(t(lang, "support.copy.climbed", region=view.target))
    lines.append(
        t(
            lang,
            "support.copy.header",
            reference=reference(request.id),
            emoji=URGENCY_EMOJI.get(request.urgency, ""),
            urgency=plain(lang, f"support.urgency.{request.urgency}"),
        )
    )
    lines.append(t(lang, "support.copy.to", agency=view.agency(lang), target=view.target))
    lines.append(t(lang, "support.copy.where", region=view.region, code=request.region_code))
    lines.append(t(lang, "support.copy.need", need=shorten(request.need, NEED_PREVIEW)))
    deadline = format_short_moment(request.deadline_at, lang, tz)
    if is_overdue(request.status, request.deadline_at, view.now):
        lines.append(t(lang, "support.copy.deadline_passed", deadline=deadline))
    else:
        lines.append(t(lang, "support.copy.deadline", deadline=deadline))
    if view.aspect or request.incident_id:
        links = [view.aspect] if view.aspect else []
        if request.incident_id:
            links.append(f"I-{request.incident_id:04d}")
        lines.append(t(lang, "support.copy.linked", links=", ".join(links)))
    if request.photo_file_ids:
        lines.append(t(lang, "support.copy.photos", count=len(request.photo_file_ids)))
    if request.latitude is not None and request.longitude is not None:
        lines.append(
            t(
                lang,
                "support.copy.location",
                latitude=f"{request.latitude:.5f}",
                longitude=f"{request.longitude:.5f}",
            )
        )
    lines.append(
        t(
            lang,
            "support.copy.asked",
            who=who(view.requester, lang),
            time=format_short_moment(request.created_at, lang, tz),
        )
    )
    lines.append(status_line(view, lang, tz))
    return Html("\n".join(lines))


def status_line(view: RequestView, lang: str, tz: ZoneInfo) -> Html:
    request = view.request
    emoji = STATUS_EMOJI[request.status]
    label = plain(lang, f"support.status.{request.status}")
    if request.status == SupportStatus.DONE and request.closed_at is not None:
        return t(
            lang,
            "support.copy.done",
            emoji=emoji,
            status=label,
            who=who(view.closer, lang),
            time=format_short_moment(request.closed_at, lang, tz),
            note=request.closing_note or "—",
        )
    if request.status == SupportStatus.IN_PROGRESS:
        return t(
            lang,
            "support.copy.progress",
            emoji=emoji,
            status=label,
            who=who(view.taker, lang),
            note=view.progress_note or "—",
        )
    if request.status == SupportStatus.TAKEN and request.taken_at is not None:
        return t(
            lang,
            "support.copy.taken",
            emoji=emoji,
            status=label,
            who=who(view.taker, lang),
            time=format_short_moment(request.taken_at, lang, tz),
        )
    return t(lang, "support.copy.status", emoji=emoji, status=label)


def request_buttons(request: SupportRequest, lang: str) -> Keyboard | None:
    """The agency's buttons; none once it is done."""
    if request.status not in OPEN_SUPPORT_STATUSES:
        return None
    assert request.id is not None
    decline = Button(plain(lang, "support.button.decline"), SUPPORT_ACTION.data(request.id, "x"))
    if request.status == SupportStatus.OPEN:
        return [
            [
                Button(plain(lang, "support.button.take"), SUPPORT_ACTION.data(request.id, "t")),
                decline,
            ]
        ]
    return [
        [
            Button(plain(lang, "support.button.progress"), SUPPORT_ACTION.data(request.id, "p")),
            Button(plain(lang, "support.button.done"), SUPPORT_ACTION.data(request.id, "d")),
        ],
        [decline],
    ]


def render_timeline(
    view: RequestView,
    events: list[SupportEvent],
    names: dict[int, PersonView],
    lang: str,
    tz: ZoneInfo,
) -> Html:
    """/riwayat D-0001: the request, then who did what, when."""
    lines = [render_request(view, lang, tz), Html(""), t(lang, "support.history.header")]
    for event in events:
        actor = names.get(event.actor_id) if event.actor_id is not None else None
        lines.append(
            t(
                lang,
                "support.history.line",
                time=format_short_moment(event.at, lang, tz),
                what=plain(lang, f"support.event.{event.kind}"),
                who=f" ({actor.name})" if actor else "",
                detail=f": {event.detail}" if event.detail else "",
            )
        )
    return Html("\n".join(lines))
