"""Place cards: each place's first card page, kept until an article touches the place.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Every (place, scope) whose articles touch the place. Kept here, as it ran: `store.cards`,
# which held it, went with the cards in 0008.
EVERY_TOUCHED_PLACE = """
INSERT INTO place_cards (place_id, scope, body, version)
SELECT DISTINCT touched.place_id, articles.scope, NULL, 0
FROM (
    SELECT article_id, place_id FROM place_mentions
    UNION SELECT e.article_id, p.place_a_id
    FROM evidence e JOIN partnerships p ON p.id = e.partnership_id
    UNION SELECT e.article_id, p.place_b_id
    FROM evidence e JOIN partnerships p ON p.id = e.partnership_id
    UNION SELECT q.article_id, x.place_id FROM article_people q JOIN people x ON x.id = q.person_id
    UNION SELECT q.article_id, x.place_id
    FROM article_organizations q JOIN organizations x ON x.id = q.organization_id
) AS touched
JOIN articles ON articles.id = touched.article_id
WHERE touched.place_id IS NOT NULL
"""


def upgrade() -> None:
    """Add the place_cards table with a row for every place each scope's articles touch.

    Cards themselves are built by the lookups that need them.
    """
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
    op.execute(EVERY_TOUCHED_PLACE)


def downgrade() -> None:
    """Drop the cards; nothing else depends on them."""
    op.drop_table("place_cards")
