"""Simpler reads: no place cards kept in the store; a lookup reads the facts every time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop the kept cards: whether a team knows a place is now read from its articles."""
    op.drop_table("place_cards")


def downgrade() -> None:
    """The table as 0004 made it, with a row for every place each scope's articles touch (the
    older code ranks known places by them); the cards themselves are built by lookups again."""
    op.create_table(
        "place_cards",
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_place_cards_place_id_places"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("place_id", "scope", name=op.f("pk_place_cards")),
    )  # fmt: skip
    op.execute(context.script.get_revision("0004").module.EVERY_TOUCHED_PLACE)
