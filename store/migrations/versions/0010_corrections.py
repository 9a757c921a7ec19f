"""Corrections: a team's confirmations, hidden facts, edits and additions, one row each.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None
UTC_DATETIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("place_a_id", sa.Integer(), nullable=False),
        sa.Column("place_b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["place_a_id"],
            ["places.id"],
            name=op.f("fk_corrections_place_a_id_places"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_b_id"],
            ["places.id"],
            name=op.f("fk_corrections_place_b_id_places"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_index(
        "ix_corrections_scope_created_at", "corrections", ["scope", "created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_corrections_scope_created_at", table_name="corrections")
    op.drop_table("corrections")
