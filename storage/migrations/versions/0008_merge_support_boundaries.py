"""Merge the heads of the support-requests and region-boundary branches (no schema change).

Revision ID: 0008_merge_support_boundaries
Revises: 0007_agencies_support, 0007_region_boundary
"""

from __future__ import annotations

revision = "0008_merge_support_boundaries"
down_revision = ("0007_agencies_support", "0007_region_boundary")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
