"""Incidents (ATHG): the words people use, the one-line syntax, who is alerted, and when an
unacknowledged incident escalates. Pure functions; no Telegram, no database."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.regions import ancestors_of, is_within
from bot.domain.types import AthgClass, IncidentStatus, Role, Severity
from bot.i18n import plain

SEVERITY_WORDS: dict[str, Severity] = {
    "kritis": Severity.CRITICAL,
    "critical": Severity.CRITICAL,
    "darurat": Severity.CRITICAL,
    "tinggi": Severity.HIGH,
    "high": Severity.HIGH,
    "berat": Severity.HIGH,
    "sedang": Severity.MEDIUM,
    "medium": Severity.MEDIUM,
    "rendah": Severity.LOW,
    "low": Severity.LOW,
    "ringan": Severity.LOW,
}
CLASS_WORDS: dict[str, AthgClass] = {
    "ancaman": AthgClass.THREAT,
    "threat": AthgClass.THREAT,
    "gangguan": AthgClass.DISTURBANCE,
    "disturbance": AthgClass.DISTURBANCE,
    "hambatan": AthgClass.OBSTACLE,
    "obstacle": AthgClass.OBSTACLE,
    "tantangan": AthgClass.CHALLENGE,
    "challenge": AthgClass.CHALLENGE,
}
SEVERITY_RANK = {
    Severity.CRITICAL.value: 0,
    Severity.HIGH.value: 1,
    Severity.MEDIUM.value: 2,
    Severity.LOW.value: 3,
}
SEVERITY_EMOJI = {
    Severity.CRITICAL.value: "🚨",
    Severity.HIGH.value: "🟠",
    Severity.MEDIUM.value: "🟡",
    Severity.LOW.value: "🟢",
}
STATUS_EMOJI = {
    IncidentStatus.NEW.value: "🆕",
    IncidentStatus.ACKNOWLEDGED.value: "👀",
    IncidentStatus.IN_PROGRESS.value: "🛠",
    IncidentStatus.RESOLVED.value: "✅",
    IncidentStatus.DISMISSED.value: "✖️",
}
DEFAULT_ESCALATION_MINUTES: Mapping[str, int] = {
    Severity.CRITICAL.value: 10,
    Severity.HIGH.value: 30,
    Severity.MEDIUM.value: 120,
}
MAX_DESCRIPTION = 4000
COORDINATING_ROLES = (Role.COORDINATOR.value, Role.ADMIN.value)


def severity_text(lang: str, severity: str) -> str:
    return f"{SEVERITY_EMOJI[severity]} {plain(lang, f'severity.{severity}')}"


def status_text(lang: str, status: str) -> str:
    return f"{STATUS_EMOJI[status]} {plain(lang, f'incident.status.{status}')}"


def reference(incident_id: int) -> str:
    return f"I-{incident_id:04d}"


@dataclass(frozen=True)
class TypeInfo:
    code: str
    label_id: str
    label_en: str
    default_class: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class ParsedIncident:
    severity: Severity
    type_code: str
    athg_class: AthgClass
    description: str
    region: str | None = None


class IncidentSyntaxError(Exception):
    def __init__(self, key: str, detail: str = ""):
        super().__init__(key)
        self.key = key
        self.detail = detail


# -- routing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coordinator:
    person_id: int
    telegram_id: int
    region_code: str
    language: str


@dataclass(frozen=True)
class GroupFeed:
    chat_id: int
    thread_id: int | None
    region_code: str
    language: str


@dataclass(frozen=True)
class Recipients:
    people: tuple[Coordinator, ...]
    groups: tuple[GroupFeed, ...]


def alert_recipients(
    region_code: str,
    coordinators: Iterable[Coordinator],
    groups: Iterable[GroupFeed],
    *,
    reporter_telegram_id: int | None = None,
) -> Recipients:
    """Every coordinator (or admin) whose region contains the incident's, and every group
    subscribed to alerts for an area that contains it. The reporter is not alerted about
    their own incident (they get the confirmation instead). Deepest regions first."""
    people = sorted(
        (
            c
            for c in coordinators
            if is_within(region_code, c.region_code) and c.telegram_id != reporter_telegram_id
        ),
        key=lambda c: (-c.region_code.count("."), c.telegram_id),
    )
    unique_people = tuple({c.telegram_id: c for c in people}.values())
    feeds = tuple(g for g in groups if is_within(region_code, g.region_code))
    return Recipients(people=unique_people, groups=feeds)


def first_recipients(
    region_code: str,
    coordinators: Iterable[Coordinator],
    groups: Iterable[GroupFeed],
    *,
    reporter_telegram_id: int | None = None,
) -> Recipients:
    """Who is alerted at once: the coordinators (and admins) of the nearest staffed region
    that contains the incident's (the reporter left out), and every group subscribed to
    alerts for an area containing it. The levels above hear of it when it escalates."""
    others = [c for c in coordinators if c.telegram_id != reporter_telegram_id]
    levels = coordinator_levels(region_code, others)
    nearest = [c for c in others if levels and c.region_code == levels[0]]
    return alert_recipients(region_code, nearest, groups)


def escalation_recipients(
    target: str, coordinators: Iterable[Coordinator], *, reporter_telegram_id: int | None = None
) -> tuple[Coordinator, ...]:
    """The coordinators (and admins) of the staffed region an escalation reaches."""
    found = sorted(
        (
            c
            for c in coordinators
            if c.region_code == target and c.telegram_id != reporter_telegram_id
        ),
        key=lambda c: c.telegram_id,
    )
    return tuple({c.telegram_id: c for c in found}.values())


def escalation_levels(
    region_code: str, coordinators: Iterable[Coordinator], *, reporter_telegram_id: int | None
) -> list[str]:
    """The staffed levels an alert climbs, not counting the reporter as staff."""
    return coordinator_levels(
        region_code, [c for c in coordinators if c.telegram_id != reporter_telegram_id]
    )


def escalation_detail(target: str, count: int) -> str:
    """How an escalation is written in the timeline: '74.09 (2)'."""
    return f"{target} ({count})"


def parse_escalation_detail(detail: str | None) -> tuple[str, int | None] | None:
    """The region code and the number of people reached, from `escalation_detail` (older
    rows hold only the code)."""
    match = re.fullmatch(r"([\d.]+)(?: \((\d+)\))?", (detail or "").strip())
    if match is None:
        return None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def coordinator_levels(region_code: str, coordinators: Iterable[Coordinator]) -> list[str]:
    """Region codes, deepest first, from the incident's own region up to the top, that have
    at least one coordinator: the chain an escalation climbs."""
    chain = [region_code, *reversed(ancestors_of(region_code))]
    staffed = {c.region_code for c in coordinators}
    return [code for code in chain if code in staffed]


def escalation_delay(severity: str, minutes: Mapping[str, int]) -> timedelta | None:
    value = minutes.get(severity)
    return timedelta(minutes=value) if value else None


def next_escalation(
    *,
    levels: Sequence[str],
    current_level: int,
    severity: str,
    now: datetime,
    minutes: Mapping[str, int],
) -> tuple[int, datetime | None]:
    """After reaching `levels[current_level]`: the next level index and when it is due
    (None when nothing is left to climb or the severity does not escalate)."""
    delay = escalation_delay(severity, minutes)
    following = current_level + 1
    if delay is None or following >= len(levels):
        return following, None
    return following, now + delay


def open_order_key(severity: str, created_at: datetime) -> tuple[int, datetime]:
    """Open incidents: most severe first, then oldest first."""
    return SEVERITY_RANK[severity], created_at


def parse_escalation_minutes(text: str) -> dict[str, int]:
    """'kritis=10,tinggi=30,sedang=120' → minutes per severity (0 = never escalates)."""
    result: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\w+)\s*=\s*(\d{1,5})", part)
        if not match or match.group(1).lower() not in SEVERITY_WORDS:
            raise ValueError(part)
        result[SEVERITY_WORDS[match.group(1).lower()].value] = int(match.group(2))
    return result
