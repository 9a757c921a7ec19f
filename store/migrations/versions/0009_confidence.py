"""Confidence: how likely the extractor thinks each stated link and each named person is right.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """A nullable confidence on each piece of evidence and each article's naming of a person;
    facts stored before have none."""
    op.add_column("evidence", sa.Column("confidence", sa.Double(), nullable=True))
    op.add_column("article_people", sa.Column("confidence", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article_people") as table:
        table.drop_column("confidence")
    with op.batch_alter_table("evidence") as table:
        table.drop_column("confidence")
