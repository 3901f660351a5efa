"""The schema: one SQLModel class per table. Migrations in `storage/migrations` create it.

Telegram ids are 64-bit; they use BigInteger so the same schema works on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

from bot.domain.types import (  # noqa: F401  (re-exported: the schema's vocabulary)
    LEVEL_DEPTH,
    OPEN_INCIDENT_STATUSES,
    OPEN_SUPPORT_STATUSES,
    AthgClass,
    IncidentStatus,
    RegionLevel,
    ReportState,
    ReportStatus,
    Role,
    Severity,
    SupportStatus,
)
from storage.types import UTCDateTime


def _utc_column(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class Region(SQLModel, table=True):
    """A Kemendagri region. Codes nest by prefix: `74.09.01` lies inside `74.09`."""

    code: str = Field(sa_column=Column(String(20), primary_key=True))
    parent_code: str | None = Field(
        default=None, sa_column=Column(String(20), ForeignKey("region.code"), index=True)
    )
    name: str = Field(max_length=120)
    level: str = Field(max_length=10)


class Agency(SQLModel, table=True):
    """An agency (instansi) a person belongs to and a support request can be asked of.
    Shipped with the Rakor's parties; admins add more with `agencies add`."""

    code: str = Field(sa_column=Column(String(16), primary_key=True))
    name_id: str = Field(max_length=80)
    name_en: str = Field(max_length=80)
    aliases: str = Field(default="", max_length=300)  # comma separated, lower case
    position: int = Field(default=0)
    active: bool = Field(default=True)


class RegionBoundary(SQLModel, table=True):
    """A region's outline for maps: a GeoJSON MultiPolygon's coordinates ([lon, lat]), its
    bounding box and a centroid. Loaded with `python -m bot regions boundaries FILE`."""

    __tablename__ = "region_boundary"

    code: str = Field(sa_column=Column(String(20), ForeignKey("region.code"), primary_key=True))
    level: str = Field(max_length=10)
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    lon: float
    lat: float
    polygons: list[Any] = Field(sa_column=Column(JSON, nullable=False))


class Person(SQLModel, table=True):
    """Someone who may use the bot: registered through an invite, or an admin by setting."""

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, unique=True, nullable=False))
    full_name: str | None = Field(default=None, max_length=200)
    username: str | None = Field(default=None, max_length=64)
    role: str = Field(max_length=16)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    language: str = Field(default="id", max_length=5)
    active: bool = Field(default=True)
    invited_by_id: int | None = Field(default=None, foreign_key="person.id")
    # Plain column, no foreign key: invite.created_by_id already points at person, and a
    # cycle of foreign keys makes table creation order ambiguous.
    invite_id: int | None = Field(default=None)
    created_at: datetime = _utc_column()
    deactivated_at: datetime | None = _utc_column(nullable=True)
    left_at: datetime | None = _utc_column(nullable=True)  # left on their own (/keluar)
    # The agency (instansi) they belong to; None for people registered before agencies,
    # who are asked once.
    agency_code: str | None = Field(
        default=None, sa_column=Column(String(16), ForeignKey("agency.code"), nullable=True)
    )


class WebSession(SQLModel, table=True):
    """A way into the dashboard. `kind` "link" is a one-time login link (used once, valid
    minutes); "session" a signed-in browser or Mini App; "screen" a read-only wall screen
    that lasts until revoked. Only the SHA-256 of the random token is stored."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=10)
    csrf: str = Field(max_length=64)
    created_at: datetime = _utc_column()
    expires_at: datetime | None = _utc_column(nullable=True)
    used_at: datetime | None = _utc_column(nullable=True)
    revoked_at: datetime | None = _utc_column(nullable=True)


class Invite(SQLModel, table=True):
    """A deep-link invite. Only a hash of the code is kept: a leaked database grants nothing."""

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    role: str = Field(max_length=16)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = _utc_column()
    expires_at: datetime = _utc_column()
    max_uses: int = Field(default=1)
    use_count: int = Field(default=0)
    revoked_at: datetime | None = _utc_column(nullable=True)
    agency_code: str | None = Field(
        default=None, sa_column=Column(String(16), ForeignKey("agency.code"), nullable=True)
    )


class InboundUpdate(SQLModel, table=True):
    """Every update Telegram handed us, stored before its offset is confirmed."""

    __tablename__ = "inbound_update"
    __table_args__ = (Index("ix_inbound_update_pending", "processed_at", "update_id"),)

    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    received_at: datetime = _utc_column()
    processed_at: datetime | None = _utc_column(nullable=True)
    attempts: int = Field(default=0)
    error: str | None = Field(default=None, max_length=500)


class LeaderTerm(SQLModel, table=True):
    """Who leads on PostgreSQL (one row): the fencing token and the leader's lease.

    The leader holds a session advisory lock; `epoch` grows by one with every new leader,
    and work only a leader may do (marking an update processed, sending) checks it.
    `renewed_at` is the leader's last heartbeat: a new leader waits until it is older than
    the lease, so the previous one has stopped sending before the new one starts.
    """

    __tablename__ = "leader_term"

    id: int = Field(default=1, primary_key=True)
    epoch: int = Field(sa_column=Column(BigInteger, nullable=False))
    holder: str = Field(max_length=200)
    renewed_at: datetime = _utc_column()
    released: bool = Field(default=False)


class OutboxMessage(SQLModel, table=True):
    """A Bot API call the bot owes someone; written with the change that caused it."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_pending", "status", "chat_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    method: str = Field(max_length=40)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    priority: int = Field(default=0)
    status: str = Field(default="pending", max_length=10)
    attempts: int = Field(default=0)
    created_at: datetime = _utc_column()
    # Transport time (real clock) before which the sender must not retry; NULL = due now.
    not_before: datetime | None = _utc_column(nullable=True)
    sent_at: datetime | None = _utc_column(nullable=True)
    sent_message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    error: str | None = Field(default=None, max_length=500)


class Aspect(SQLModel, table=True):
    """A readiness aspect from the Rakor agenda; configurable with `aspects import`."""

    code: str = Field(sa_column=Column(String(32), primary_key=True))
    label_id: str = Field(max_length=80)
    label_en: str = Field(max_length=80)
    aliases: str = Field(default="", max_length=300)  # comma separated, lower case
    position: int = Field(default=0)
    active: bool = Field(default=True)


class Report(SQLModel, table=True):
    """One status report. Never updated in place except for its status: a correction is a
    new report naming the one it corrects, so the history stays whole."""

    __table_args__ = (
        Index("ix_report_region_aspect", "region_code", "aspect_code", "id"),
        # A subtree's reports of a day, read from the index alone (digest "changes").
        Index("ix_report_region_aspect_created", "region_code", "aspect_code", "created_at"),
        Index("ix_report_person", "person_id", "id"),
        # A day's reports per area, read from the index alone (the dashboard's today and
        # trends: the day's entries, not a lookup of every row).
        Index("ix_report_day", "created_at", "region_code", "state", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    reporter_role: str = Field(max_length=16)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    aspect_code: str = Field(
        sa_column=Column(String(32), ForeignKey("aspect.code"), nullable=False)
    )
    state: str = Field(max_length=10)
    progress: int | None = Field(default=None)
    note: str | None = Field(default=None, max_length=4000)
    latitude: float | None = Field(default=None)
    longitude: float | None = Field(default=None)
    photo_file_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default=ReportStatus.ACTIVE.value, max_length=10)
    corrects_id: int | None = Field(default=None, foreign_key="report.id")
    created_at: datetime = _utc_column(index=True)
    withdrawn_at: datetime | None = _utc_column(nullable=True)
    source_update_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, unique=True, nullable=True)
    )


class Readiness(SQLModel, table=True):
    """The current state of one region and aspect: its latest active report. Kept in step
    with `report` in the same transaction, so summaries never scan the history."""

    # Summaries per area and aspect read the index alone, not the table.
    __table_args__ = (
        Index(
            "ix_readiness_summary", "region_code", "aspect_code", "state", "progress", "reported_at"
        ),
    )

    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), primary_key=True)
    )
    aspect_code: str = Field(
        sa_column=Column(String(32), ForeignKey("aspect.code"), primary_key=True)
    )
    report_id: int = Field(foreign_key="report.id")
    state: str = Field(max_length=10)
    progress: int | None = Field(default=None)
    reported_at: datetime = _utc_column()


class Conversation(SQLModel, table=True):
    """A guided flow in progress (e.g. a report draft), kept in the database so that it
    survives a restart. One per person and chat."""

    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    flow: str = Field(max_length=20)
    step: str = Field(max_length=20)
    token: str = Field(max_length=12)  # in every button of the flow: old buttons go stale
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = _utc_column()
    expires_at: datetime = _utc_column(index=True)


class IncidentType(SQLModel, table=True):
    """A kind of incident (configurable), with the ATHG class it usually belongs to."""

    __tablename__ = "incident_type"

    code: str = Field(sa_column=Column(String(32), primary_key=True))
    label_id: str = Field(max_length=80)
    label_en: str = Field(max_length=80)
    aliases: str = Field(default="", max_length=300)
    default_class: str = Field(max_length=10)
    position: int = Field(default=0)
    active: bool = Field(default=True)


class Incident(SQLModel, table=True):
    __table_args__ = (
        Index("ix_incident_region_status", "region_code", "status"),
        Index("ix_incident_escalation", "next_escalation_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reporter_id: int = Field(foreign_key="person.id")
    reporter_role: str = Field(max_length=16)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    athg_class: str = Field(max_length=10)
    type_code: str = Field(
        sa_column=Column(String(32), ForeignKey("incident_type.code"), nullable=False)
    )
    severity: str = Field(max_length=10)
    description: str = Field(max_length=4000)
    photo_file_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    latitude: float | None = Field(default=None)
    longitude: float | None = Field(default=None)
    status: str = Field(default=IncidentStatus.NEW.value, max_length=12)
    created_at: datetime = _utc_column(index=True)
    acknowledged_by_id: int | None = Field(default=None, foreign_key="person.id")
    acknowledged_at: datetime | None = _utc_column(nullable=True)
    closed_by_id: int | None = Field(default=None, foreign_key="person.id")
    closed_at: datetime | None = _utc_column(nullable=True)
    closing_note: str | None = Field(default=None, max_length=4000)
    # Region level (code depth) whose coordinators the next escalation goes to, and when.
    escalation_level: int = Field(default=0)
    next_escalation_at: datetime | None = _utc_column(nullable=True)
    source_update_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, unique=True, nullable=True)
    )


class IncidentEvent(SQLModel, table=True):
    """The timeline of an incident: who did what, when."""

    __tablename__ = "incident_event"

    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id", index=True)
    at: datetime = _utc_column()
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    kind: str = Field(max_length=20)
    detail: str | None = Field(default=None, max_length=4000)


class AlertCopy(SQLModel, table=True):
    """One chat's copy of an incident alert, so every copy can be updated later."""

    __tablename__ = "alert_copy"

    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id", index=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    outbox_id: int = Field(foreign_key="outbox_message.id")
    language: str = Field(default="id", max_length=5)


class Subscription(SQLModel, table=True):
    """A group chat following an area: its daily digest, and optionally its alerts."""

    __table_args__ = (Index("ix_subscription_chat", "chat_id", "thread_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    thread_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    title: str | None = Field(default=None, max_length=200)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    digest: bool = Field(default=True)
    digest_time: str = Field(default="07:00", max_length=5)
    alerts: bool = Field(default=False)
    language: str = Field(default="id", max_length=5)
    created_by_id: int = Field(foreign_key="person.id")
    created_at: datetime = _utc_column()
    active: bool = Field(default=True)
    paused_reason: str | None = Field(default=None, max_length=200)
    last_digest_on: str | None = Field(default=None, max_length=10)  # local date, YYYY-MM-DD


class Notice(SQLModel, table=True):
    """Notices sent once per subject and day (e.g. 'X is unreachable'), to avoid storms."""

    key: str = Field(sa_column=Column(String(120), primary_key=True))
    at: datetime = _utc_column()


class Election(SQLModel, table=True):
    """An election (event) whose voting day the digests count down to."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    kind: str = Field(max_length=40)
    voting_date: str = Field(max_length=10)  # local calendar date, YYYY-MM-DD
    region_code: str | None = Field(
        default=None, sa_column=Column(String(20), ForeignKey("region.code"), nullable=True)
    )  # None: the whole country
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = _utc_column()
    active: bool = Field(default=True)


class SupportRequest(SQLModel, table=True):
    """A support request (permintaan dukungan, `D-0001`): what is needed, where, from which
    agency, by when."""

    __tablename__ = "support_request"
    __table_args__ = (
        Index("ix_support_request_region_status", "region_code", "status"),
        Index("ix_support_request_escalation", "next_escalation_at"),
        Index("ix_support_request_deadline", "status", "deadline_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    requester_id: int = Field(foreign_key="person.id")
    requester_role: str = Field(max_length=16)
    requester_agency: str | None = Field(default=None, max_length=16)
    region_code: str = Field(
        sa_column=Column(String(20), ForeignKey("region.code"), nullable=False)
    )
    agency_code: str = Field(
        sa_column=Column(String(16), ForeignKey("agency.code"), nullable=False)
    )
    need: str = Field(max_length=4000)
    urgency: str = Field(max_length=10)
    deadline_at: datetime = _utc_column()
    status: str = Field(default=SupportStatus.OPEN.value, max_length=12)
    # The region whose agency coordinators hold it now (the nearest staffed level first).
    target_region: str = Field(max_length=20)
    aspect_code: str | None = Field(default=None, max_length=32)  # a readiness cell
    incident_id: int | None = Field(default=None, foreign_key="incident.id")
    photo_file_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    latitude: float | None = Field(default=None)
    longitude: float | None = Field(default=None)
    taken_by_id: int | None = Field(default=None, foreign_key="person.id")
    taken_at: datetime | None = _utc_column(nullable=True)
    closed_by_id: int | None = Field(default=None, foreign_key="person.id")
    closed_at: datetime | None = _utc_column(nullable=True)
    closing_note: str | None = Field(default=None, max_length=4000)
    closing_photo: str | None = Field(default=None, max_length=200)
    created_at: datetime = _utc_column(index=True)
    # When an untaken request climbs one staffed level (NULL: taken, or nowhere to go).
    next_escalation_at: datetime | None = _utc_column(nullable=True)
    # Local date (YYYY-MM-DD) the last "overdue" word went out: once, then daily.
    overdue_told_on: str | None = Field(default=None, max_length=10)
    source_update_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, unique=True, nullable=True)
    )


class SupportEvent(SQLModel, table=True):
    """The timeline of a support request."""

    __tablename__ = "support_event"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="support_request.id", index=True)
    at: datetime = _utc_column()
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    kind: str = Field(max_length=20)
    detail: str | None = Field(default=None, max_length=4000)


class SupportCopy(SQLModel, table=True):
    """One chat's copy of a support request, so every copy can be updated."""

    __tablename__ = "support_copy"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="support_request.id", index=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    outbox_id: int = Field(foreign_key="outbox_message.id")
    language: str = Field(default="id", max_length=5)
    handler: bool = Field(default=False)  # a copy with the agency's buttons
