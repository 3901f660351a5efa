"""agencies (seeded) and support requests: agency of people and invites, requests, their
timeline and their copies

Revision ID: 0008_agencies_support
Revises: 0007_leader_term
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_agencies_support"
down_revision = "0007_leader_term"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)

# code, Indonesian name, English name, aliases (lower case, comma separated)
DEFAULT_AGENCIES = [
    ("kpu", "KPU", "KPU (election commission)", "komisi pemilihan umum,ppk,pps,kpps"),
    ("bawaslu", "Bawaslu", "Bawaslu (election supervisor)", "panwas,panwascam,pengawas"),
    ("pemda", "Pemda/Kesbangpol", "Local government/Kesbangpol", "kesbangpol,pemkab,camat"),
    ("tni", "TNI", "TNI (armed forces)", "kodim,koramil,babinsa,army"),
    ("polri", "POLRI", "POLRI (police)", "polisi,polres,polsek,police"),
    ("bpbd", "BPBD", "BPBD (disaster agency)", "bencana,disaster"),
    ("dishub", "Dinas Perhubungan", "Transport office", "perhubungan,transport"),
    ("diskominfo", "Diskominfo", "Communications office", "kominfo,komunikasi"),
    ("pln", "PLN", "PLN (electricity)", "listrik,electricity"),
    ("dinkes", "Dinas Kesehatan", "Health office", "kesehatan,puskesmas,health"),
]


def upgrade() -> None:
    agency = op.create_table(
        "agency",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("name_id", sa.String(80), nullable=False),
        sa.Column("name_en", sa.String(80), nullable=False),
        sa.Column("aliases", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.bulk_insert(
        agency,
        [
            {
                "code": code,
                "name_id": name_id,
                "name_en": name_en,
                "aliases": aliases,
                "position": position,
                "active": True,
            }
            for position, (code, name_id, name_en, aliases) in enumerate(DEFAULT_AGENCIES, 1)
        ],
    )
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("agency_code", sa.String(16), nullable=True))
        batch.create_foreign_key("fk_person_agency", "agency", ["agency_code"], ["code"])
    with op.batch_alter_table("invite") as batch:
        batch.add_column(sa.Column("agency_code", sa.String(16), nullable=True))
        batch.create_foreign_key("fk_invite_agency", "agency", ["agency_code"], ["code"])
    op.create_table(
        "support_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("requester_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("requester_role", sa.String(16), nullable=False),
        sa.Column("requester_agency", sa.String(16), nullable=True),
        sa.Column("region_code", sa.String(20), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("agency_code", sa.String(16), sa.ForeignKey("agency.code"), nullable=False),
        sa.Column("need", sa.String(4000), nullable=False),
        sa.Column("urgency", sa.String(10), nullable=False),
        sa.Column("deadline_at", UTC_TIME, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("target_region", sa.String(20), nullable=False),
        sa.Column("aspect_code", sa.String(32), nullable=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=True),
        sa.Column("photo_file_ids", sa.JSON(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("taken_by_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("taken_at", UTC_TIME, nullable=True),
        sa.Column("closed_by_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("closed_at", UTC_TIME, nullable=True),
        sa.Column("closing_note", sa.String(4000), nullable=True),
        sa.Column("closing_photo", sa.String(200), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("next_escalation_at", UTC_TIME, nullable=True),
        sa.Column("overdue_told_on", sa.String(10), nullable=True),
        sa.Column("source_update_id", sa.BigInteger(), nullable=True, unique=True),
    )
    op.create_index("ix_support_request_created_at", "support_request", ["created_at"])
    op.create_index(
        "ix_support_request_region_status", "support_request", ["region_code", "status"]
    )
    op.create_index("ix_support_request_escalation", "support_request", ["next_escalation_at"])
    op.create_index("ix_support_request_deadline", "support_request", ["status", "deadline_at"])
    op.create_table(
        "support_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("support_request.id"), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("detail", sa.String(4000), nullable=True),
    )
    op.create_index("ix_support_event_request_id", "support_event", ["request_id"])
    op.create_table(
        "support_copy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("support_request.id"), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("outbox_message.id"), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("handler", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_support_copy_request_id", "support_copy", ["request_id"])


def downgrade() -> None:
    op.drop_table("support_copy")
    op.drop_table("support_event")
    op.drop_table("support_request")
    with op.batch_alter_table("invite") as batch:
        batch.drop_constraint("fk_invite_agency", type_="foreignkey")
        batch.drop_column("agency_code")
    with op.batch_alter_table("person") as batch:
        batch.drop_constraint("fk_person_agency", type_="foreignkey")
        batch.drop_column("agency_code")
    op.drop_table("agency")
