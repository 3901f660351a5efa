"""status reports: aspects (seeded with the Rakor agenda), reports, readiness, drafts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)

# code, Indonesian label, English label, aliases people type
DEFAULT_ASPECTS = [
    ("tata_kelola", "Tata kelola", "Governance", "tatakelola,kelola,governance,tk"),
    ("petugas", "Kesiapan petugas", "Officers", "officers,sdm,personel,kpps"),
    ("logistik", "Ketersediaan logistik", "Logistics on hand", "logistics,stok,stock"),
    ("distribusi", "Distribusi logistik", "Logistics delivered", "distribution,delivery,kirim"),
    ("sistem", "Sistem & teknologi", "Systems & technology", "teknologi,it,system,technology,ti"),
    ("keamanan", "Keamanan & ketertiban", "Security", "security,kamtib,ketertiban"),
    ("anggaran", "Anggaran", "Budget", "budget,dana"),
    ("data_penduduk", "Data kependudukan", "Population data", "data,dpt,penduduk,population"),
    ("regulasi", "Regulasi", "Regulation", "regulation,aturan,hukum"),
    ("sengketa", "Penanganan sengketa", "Dispute handling", "dispute,disputes,gakkumdu"),
]


def upgrade() -> None:
    aspect = op.create_table(
        "aspect",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("label_id", sa.String(80), nullable=False),
        sa.Column("label_en", sa.String(80), nullable=False),
        sa.Column("aliases", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.bulk_insert(
        aspect,
        [
            {
                "code": code,
                "label_id": label_id,
                "label_en": label_en,
                "aliases": aliases,
                "position": position,
                "active": True,
            }
            for position, (code, label_id, label_en, aliases) in enumerate(DEFAULT_ASPECTS, 1)
        ],
    )

    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("reporter_role", sa.String(16), nullable=False),
        sa.Column("region_code", sa.String(20), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("aspect_code", sa.String(32), sa.ForeignKey("aspect.code"), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(4000), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("photo_file_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("corrects_id", sa.Integer(), sa.ForeignKey("report.id"), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("withdrawn_at", UTC_TIME, nullable=True),
        sa.Column("source_update_id", sa.BigInteger(), nullable=True, unique=True),
    )
    op.create_index("ix_report_region_aspect", "report", ["region_code", "aspect_code", "id"])
    op.create_index("ix_report_person", "report", ["person_id", "id"])
    op.create_index("ix_report_created_at", "report", ["created_at"])

    op.create_table(
        "readiness",
        sa.Column("region_code", sa.String(20), sa.ForeignKey("region.code"), primary_key=True),
        sa.Column("aspect_code", sa.String(32), sa.ForeignKey("aspect.code"), primary_key=True),
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("report.id"), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=True),
        sa.Column("reported_at", UTC_TIME, nullable=False),
    )

    op.create_table(
        "conversation",
        sa.Column("chat_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("flow", sa.String(20), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("token", sa.String(12), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.Column("expires_at", UTC_TIME, nullable=False),
    )
    op.create_index("ix_conversation_expires_at", "conversation", ["expires_at"])


def downgrade() -> None:
    op.drop_table("conversation")
    op.drop_table("readiness")
    op.drop_table("report")
    op.drop_table("aspect")
