"""indexes for summaries at national scale: a day's reports of a subtree, and readiness
summarised per area and aspect, both read from an index alone

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_report_region_aspect_created", "report", ["region_code", "aspect_code", "created_at"]
    )
    op.create_index(
        "ix_readiness_summary",
        "readiness",
        ["region_code", "aspect_code", "state", "progress", "reported_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_readiness_summary", table_name="readiness")
    op.drop_index("ix_report_region_aspect_created", table_name="report")
