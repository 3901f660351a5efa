"""a day's reports read from one index: the dashboard's "today" counts per area (and its
trends) scan the day's index entries alone instead of looking up every row of the day

Revision ID: 0011_report_day_index
Revises: 0010_web_session
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0011_report_day_index"
down_revision = "0010_web_session"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_report_day", "report", ["created_at", "region_code", "state", "status"])


def downgrade() -> None:
    op.drop_index("ix_report_day", table_name="report")
