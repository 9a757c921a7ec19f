"""Indexes for the read path: visible articles by arrival, mentions and quotes by place and person.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (old single-column index, its table and column, the covering index that replaces it)
WIDENED = (
    ("ix_place_mentions_place_id", "place_mentions", "place_id", "article_id"),
    ("ix_article_people_person_id", "article_people", "person_id", "article_id"),
)


def upgrade() -> None:
    """Add the arrival index; widen two link-table indexes so they cover their joins."""
    op.create_index("ix_articles_scope_ingested_at", "articles", ["scope", "ingested_at"])
    for old, table, column, also in WIDENED:
        op.create_index(f"ix_{table}_{column}_{also}", table, [column, also])
        op.drop_index(old, table_name=table)


def downgrade() -> None:
    """Back to the indexes of 0002."""
    for old, table, column, also in WIDENED:
        op.create_index(old, table, [column])
        op.drop_index(f"ix_{table}_{column}_{also}", table_name=table)
    op.drop_index("ix_articles_scope_ingested_at", table_name="articles")
