"""The schema: one SQLModel class per table. Migrations in `storage/migrations` create it.

Telegram ids are 64-bit; they use BigInteger so the same schema works on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class RegionLevel(StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"
    DISTRICT = "district"
    VILLAGE = "village"


LEVEL_DEPTH = {
    RegionLevel.PROVINCE: 1,
    RegionLevel.REGENCY: 2,
    RegionLevel.DISTRICT: 3,
    RegionLevel.VILLAGE: 4,
}


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    OFFICER = "officer"


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
