"""region_boundary: region outlines for the dashboard's maps and the briefing

Revision ID: 0009_region_boundary
Revises: 0008_agencies_support
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_region_boundary"
down_revision = "0008_agencies_support"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region_boundary",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("min_lon", sa.Float(), nullable=False),
        sa.Column("min_lat", sa.Float(), nullable=False),
        sa.Column("max_lon", sa.Float(), nullable=False),
        sa.Column("max_lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("polygons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["code"], ["region.code"]),
        sa.PrimaryKeyConstraint("code"),
    )


def downgrade() -> None:
    op.drop_table("region_boundary")
