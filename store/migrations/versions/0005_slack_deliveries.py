"""Slack event ids already received, so a retry reaching another worker process is dropped.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_deliveries",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_deliveries")),
    )
    op.create_index(op.f("ix_slack_deliveries_received_at"), "slack_deliveries", ["received_at"])


def downgrade() -> None:
    op.drop_table("slack_deliveries")
