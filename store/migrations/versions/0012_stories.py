"""Stories: each article's MinHash signature, and the story (its first article) it belongs to.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nullable: articles stored before have no signature, and are each a story of their own."""
    op.add_column("articles", sa.Column("story_id", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("signature", sa.JSON(), nullable=True))
    op.create_index(op.f("ix_articles_story_id"), "articles", ["story_id"], unique=False)


def downgrade() -> None:
    """Plain DROP COLUMN (SQLite 3.35+): a batch copy would drop `articles`, and with it, by
    cascade, every row that refers to an article."""
    op.drop_index(op.f("ix_articles_story_id"), table_name="articles")
    op.drop_column("articles", "signature")
    op.drop_column("articles", "story_id")
