"""Support requests (permintaan dukungan): the one-line syntax, deadlines, urgency windows,
references and who receives a request. Pure functions; no Telegram, no database."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.regions import ancestors_of, is_within
from bot.i18n import Html, format_short_moment, t

REFERENCE = re.compile(r"^[Dd]-?0*(\d{1,9})$")
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


class Urgency:
    CRITICAL = "darurat"
    HIGH = "segera"
    NORMAL = "biasa"


URGENCY_WORDS = {
    "darurat": Urgency.CRITICAL,
    "kritis": Urgency.CRITICAL,
    "critical": Urgency.CRITICAL,
    "urgent": Urgency.CRITICAL,
    "segera": Urgency.HIGH,
    "penting": Urgency.HIGH,
    "high": Urgency.HIGH,
    "soon": Urgency.HIGH,
    "biasa": Urgency.NORMAL,
    "normal": Urgency.NORMAL,
}
URGENCY_EMOJI = {Urgency.CRITICAL: "🚨", Urgency.HIGH: "🟠", Urgency.NORMAL: "🔵"}
# How long a request may wait untaken at one level before it climbs, and the deadline it
# gets when none is written.
TAKE_WINDOW = {
    Urgency.CRITICAL: timedelta(minutes=30),
    Urgency.HIGH: timedelta(hours=2),
    Urgency.NORMAL: timedelta(hours=8),
}
DEFAULT_DEADLINE = {
    Urgency.CRITICAL: timedelta(hours=6),
    Urgency.HIGH: timedelta(days=1),
    Urgency.NORMAL: timedelta(days=3),
}
URGENCY_RANK = {Urgency.CRITICAL: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2}
STATUS_EMOJI = {
    "open": "🆕",
    "taken": "🤝",
    "in_progress": "🛠",
    "done": "✔️",
    "cancelled": "✖️",
}
_HOUR_WORDS = {"jam", "j", "hour", "hours", "h"}
_DAY_WORDS = {"hari", "hr", "day", "days", "d"}


def reference(request_id: int) -> str:
    return f"D-{request_id:04d}"


def parse_reference(text: str) -> int | None:
    match = REFERENCE.match(text.strip())
    return int(match.group(1)) if match else None


class SupportSyntaxError(Exception):
    """What was wrong with a written request; `key` is a catalog key `support.error.<key>`."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(key)
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class AgencyInfo:
    code: str
    name_id: str
    name_en: str
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def words(self) -> set[str]:
        return {self.code.lower(), self.name_id.lower(), *self.aliases}


def find_agency(word: str, agencies: Iterable[AgencyInfo]) -> AgencyInfo | None:
    wanted = word.strip().lower()
    for agency in agencies:
        if wanted in agency.words():
            return agency
    return None


@dataclass(frozen=True)
class ParsedRequest:
    agency: str
    region_code: str | None  # None: the requester's own region
    deadline: datetime | None  # None: from the urgency
    urgency: str
    need: str
    # How the deadline was written, for the "what I understood" answer.
    deadline_words: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def parse_deadline(words: Sequence[str], *, now: datetime, tz: ZoneInfo) -> tuple[datetime, int]:
    """A deadline at the start of `words`: a date (`10/2`, `2024-02-10`: the end of that day),
    a time today (`17:00`) or a duration (`3 jam`, `2 hari`). Returns it (UTC-aware, as
    `now`) and how many words it used; raises SupportSyntaxError for a deadline that is
    written but wrong, and ValueError when the first word is no deadline at all."""
    if not words:
        raise ValueError("no words")
    first = words[0].lower()
    local_now = now.astimezone(tz)
    if match := re.fullmatch(r"(\d{1,3})\s*(jam|hari|hours?|days?|h|d|j|hr)?", first):
        unit_word = match.group(2)
        used = 1
        if unit_word is None:
            if len(words) < 2 or words[1].lower() not in _HOUR_WORDS | _DAY_WORDS:
                raise ValueError(first)
            unit_word, used = words[1].lower(), 2
        amount = int(match.group(1))
        if amount <= 0:
            raise SupportSyntaxError("deadline_past", " ".join(words[:used]))
        delta = timedelta(hours=amount) if unit_word in _HOUR_WORDS else timedelta(days=amount)
        if delta > timedelta(days=366):
            raise SupportSyntaxError("deadline_far", " ".join(words[:used]))
        return now + delta, used
    if match := re.fullmatch(r"(\d{1,2})[:.](\d{2})", first):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise SupportSyntaxError("deadline_invalid", first)
        at = datetime.combine(local_now.date(), time(hour, minute), tz)
        if at <= local_now:
            raise SupportSyntaxError("deadline_past", first)
        return at.astimezone(now.tzinfo), 1
    day: date | None = None
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", first):
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise SupportSyntaxError("deadline_invalid", first) from None
    elif match := re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", first):
        year = int(match.group(3)) if match.group(3) else local_now.year
        try:
            day = date(year, int(match.group(2)), int(match.group(1)))
        except ValueError:
            raise SupportSyntaxError("deadline_invalid", first) from None
        if match.group(3) is None and day < local_now.date():
            day = day.replace(year=year + 1)  # "10/2" written in December: next February
    if day is None:
        raise ValueError(first)
    if day < local_now.date():
        raise SupportSyntaxError("deadline_past", first)
    if day > local_now.date() + timedelta(days=366):
        raise SupportSyntaxError("deadline_far", first)
    at = datetime.combine(day, time(23, 59), tz)
    return at.astimezone(now.tzinfo), 1


def parse_request_line(
    text: str, *, agencies: Sequence[AgencyInfo], now: datetime, tz: ZoneInfo
) -> ParsedRequest:
    """`<instansi> [kode wilayah] [tenggat] [urgensi] <apa yang dibutuhkan>`."""
    words = text.split()
    if not words:
        raise SupportSyntaxError("empty")
    agency = find_agency(words[0], agencies)
    if agency is None:
        raise SupportSyntaxError("agency", words[0])
    rest = words[1:]
    region = None
    if rest and REGION_CODE.match(rest[0]):
        region, rest = rest[0], rest[1:]
    deadline = None
    deadline_words = None
    if rest:
        try:
            deadline, used = parse_deadline(rest, now=now, tz=tz)
        except ValueError:
            pass
        else:
            deadline_words, rest = " ".join(rest[:used]), rest[used:]
    urgency = Urgency.NORMAL
    if rest and rest[0].lower() in URGENCY_WORDS:
        urgency, rest = URGENCY_WORDS[rest[0].lower()], rest[1:]
    need = " ".join(rest).strip()
    if not need:
        raise SupportSyntaxError("need")
    if len(need) > 4000:
        raise SupportSyntaxError("too_long")
    return ParsedRequest(
        agency=agency.code,
        region_code=region,
        deadline=deadline,
        urgency=urgency,
        need=need,
        deadline_words=deadline_words,
    )


def default_deadline(urgency: str, now: datetime) -> datetime:
    return now + DEFAULT_DEADLINE[urgency]


def take_window(urgency: str) -> timedelta:
    return TAKE_WINDOW[urgency]


# -- routing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A coordinator (or admin), as routing needs to know them."""

    person_id: int
    telegram_id: int
    region_code: str
    agency_code: str | None
    language: str


def staffed_levels(region_code: str, agency: str, members: Iterable[Member]) -> list[str]:
    """Region codes, deepest first, from the request's region up, that have a coordinator of
    `agency`: the chain an untaken or declined request climbs."""
    chain = [region_code, *reversed(ancestors_of(region_code))]
    staffed = {m.region_code for m in members if m.agency_code == agency}
    return [code for code in chain if code in staffed]


def next_level(
    region_code: str, agency: str, members: Iterable[Member], current: str
) -> str | None:
    """The staffed level of `agency` above `current`, or None at the top."""
    levels = staffed_levels(region_code, agency, members)
    above = [code for code in levels if len(code) < len(current) and is_within(current, code)]
    return above[0] if above else None


def handlers_at(level: str, agency: str, members: Iterable[Member]) -> list[Member]:
    found = [m for m in members if m.region_code == level and m.agency_code == agency]
    return sorted({m.telegram_id: m for m in found}.values(), key=lambda m: m.telegram_id)


ORGANISER = "kpu"  # the election organiser follows every request in its area


def followers(
    region_code: str,
    requester_agency: str | None,
    members: Iterable[Member],
    *,
    exclude: Iterable[int] = (),
) -> list[Member]:
    """The requester's own coordinators: the nearest staffed level above the request of the
    requester's agency, and of the election organiser (KPU), who follows every request."""
    excluded = set(exclude)
    pool = [m for m in members if m.telegram_id not in excluded]
    chosen: dict[int, Member] = {}
    for agency in dict.fromkeys(a for a in (requester_agency, ORGANISER) if a):
        levels = staffed_levels(region_code, agency, pool)
        if levels:
            for member in handlers_at(levels[0], agency, pool):
                chosen.setdefault(member.telegram_id, member)
    return sorted(chosen.values(), key=lambda m: m.telegram_id)


def is_overdue(status: str, deadline: datetime, now: datetime) -> bool:
    return status in ("open", "taken", "in_progress") and deadline < now


def open_order_key(overdue: bool, urgency: str, deadline: datetime) -> tuple[int, int, datetime]:
    """Overdue first, then the most urgent, then the nearest deadline."""
    return (0 if overdue else 1, URGENCY_RANK.get(urgency, 9), deadline)


# -- the digest's section ----------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueLine:
    reference: str
    place: str
    need: str
    deadline: datetime


@dataclass(frozen=True)
class AgencyLine:
    name_id: str
    name_en: str
    open: int
    overdue: tuple[OverdueLine, ...]
    done: int

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


def render_support_digest(rows: Sequence[AgencyLine], lang: str, tz: ZoneInfo) -> list[Html]:
    """Open requests by agency, the overdue ones named, done since yesterday."""
    lines = [t(lang, "digest.support.header", count=sum(r.open for r in rows))]
    if not rows:
        lines.append(t(lang, "digest.support.none"))
    for row in rows:
        lines.append(
            t(
                lang,
                "digest.support.agency",
                agency=row.name(lang),
                open=row.open,
                overdue=len(row.overdue),
                done=row.done,
            )
        )
        for item in row.overdue:
            lines.append(
                t(
                    lang,
                    "digest.support.overdue",
                    reference=item.reference,
                    place=item.place,
                    need=item.need[:120],
                    deadline=format_short_moment(item.deadline, lang, tz),
                )
            )
    return lines
