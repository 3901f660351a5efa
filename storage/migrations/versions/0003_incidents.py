"""incidents: types (seeded), incidents, timeline, alert copies, group subscriptions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)

# code, Indonesian label, English label, aliases, the ATHG class it usually is
DEFAULT_TYPES = [
    (
        "logistik",
        "Logistik rusak/hilang/terlambat",
        "Logistics damaged/lost/late",
        "logistics,surat suara,kotak suara",
        "hambatan",
    ),
    (
        "akses",
        "Akses/transportasi",
        "Access/transport",
        "transport,jalan,jembatan,road",
        "hambatan",
    ),
    (
        "bencana",
        "Bencana alam",
        "Natural disaster",
        "banjir,longsor,gempa,disaster,flood",
        "gangguan",
    ),
    (
        "kekerasan",
        "Kekerasan/konflik",
        "Violence/conflict",
        "konflik,bentrok,violence,conflict",
        "ancaman",
    ),
    (
        "hoaks",
        "Hoaks/disinformasi",
        "Hoax/disinformation",
        "hoax,hoaks,disinformasi,fitnah",
        "ancaman",
    ),
    (
        "politik_uang",
        "Politik uang",
        "Money politics",
        "money,uang,serangan fajar,politikuang",
        "ancaman",
    ),
    ("sara", "Politik identitas/SARA", "Identity politics/SARA", "identitas,identity", "ancaman"),
    ("petugas", "Petugas tidak hadir", "Officers absent", "absen,absent,officer", "hambatan"),
    (
        "sistem",
        "Gangguan sistem/jaringan",
        "System/network failure",
        "jaringan,network,system,sirekap,listrik",
        "gangguan",
    ),
    ("lainnya", "Lainnya", "Other", "lain,other", "tantangan"),
]


def upgrade() -> None:
    incident_type = op.create_table(
        "incident_type",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("label_id", sa.String(80), nullable=False),
        sa.Column("label_en", sa.String(80), nullable=False),
        sa.Column("aliases", sa.String(300), nullable=False),
        sa.Column("default_class", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.bulk_insert(
        incident_type,
        [
            {
                "code": code,
                "label_id": label_id,
                "label_en": label_en,
                "aliases": aliases,
                "default_class": athg,
                "position": position,
                "active": True,
            }
            for position, (code, label_id, label_en, aliases, athg) in enumerate(DEFAULT_TYPES, 1)
        ],
    )

    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reporter_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("reporter_role", sa.String(16), nullable=False),
        sa.Column("region_code", sa.String(20), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("athg_class", sa.String(10), nullable=False),
        sa.Column("type_code", sa.String(32), sa.ForeignKey("incident_type.code"), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        sa.Column("photo_file_ids", sa.JSON(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("acknowledged_by_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("acknowledged_at", UTC_TIME, nullable=True),
        sa.Column("closed_by_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("closed_at", UTC_TIME, nullable=True),
        sa.Column("closing_note", sa.String(4000), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("next_escalation_at", UTC_TIME, nullable=True),
        sa.Column("source_update_id", sa.BigInteger(), nullable=True, unique=True),
    )
    op.create_index("ix_incident_region_status", "incident", ["region_code", "status"])
    op.create_index("ix_incident_escalation", "incident", ["next_escalation_at"])
    op.create_index("ix_incident_created_at", "incident", ["created_at"])

    op.create_table(
        "incident_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("detail", sa.String(4000), nullable=True),
    )
    op.create_index("ix_incident_event_incident_id", "incident_event", ["incident_id"])

    op.create_table(
        "alert_copy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("outbox_message.id"), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
    )
    op.create_index("ix_alert_copy_incident_id", "alert_copy", ["incident_id"])

    op.create_table(
        "subscription",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("thread_id", sa.BigInteger(), nullable=True),
        sa.Column("title", sa.String(200), nullable=True),
        sa.Column("region_code", sa.String(20), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("digest", sa.Boolean(), nullable=False),
        sa.Column("digest_time", sa.String(5), nullable=False),
        sa.Column("alerts", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("paused_reason", sa.String(200), nullable=True),
        sa.Column("last_digest_on", sa.String(10), nullable=True),
    )
    op.create_index("ix_subscription_chat", "subscription", ["chat_id", "thread_id"], unique=True)

    op.create_table(
        "notice",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("at", UTC_TIME, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "notice",
        "subscription",
        "alert_copy",
        "incident_event",
        "incident",
        "incident_type",
    ):
        op.drop_table(table)
