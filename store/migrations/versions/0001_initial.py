"""Initial schema: places, articles, forwards, mentions, people, organizations, partnerships.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
AMOUNT = sa.Numeric(precision=20, scale=2, asdecimal=False)


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_{table}_{column}_{target}")
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=name, ondelete=ondelete)


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{columns[0]}"), table, list(columns), unique=False)


def upgrade() -> None:
    """Create every table and index."""
    op.create_table(
        "places",
        _id(),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("folded_name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("population", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("geonameid", name=op.f("uq_places_geonameid")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    _index("places", "folded_name")
    op.create_table(
        "articles",
        _id(),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.String(length=2000), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ingested_at", UTC_DATETIME, nullable=False),
        sa.Column("ingested_by", sa.String(length=64), nullable=False),
        sa.Column("ingested_via", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("scope", "canonical_url", name=op.f("uq_articles_scope_canonical_url")),
        sa.UniqueConstraint("scope", "content_hash", name=op.f("uq_articles_scope_content_hash")),
    )
    _index("articles", "ingested_at")
    _index("articles", "published_on")
    op.create_table(
        "forwards",
        _id(),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=True),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=True),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        _fk("forwards", "article_id", "articles"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forwards")),
    )
    _index("forwards", "article_id")
    op.create_table(
        "place_mentions",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        _fk("place_mentions", "article_id", "articles"),
        _fk("place_mentions", "place_id", "places"),
        sa.PrimaryKeyConstraint("article_id", "place_id", name=op.f("pk_place_mentions")),
    )
    _index("place_mentions", "place_id")
    _create_named("people", sa.Column("role", sa.String(length=200), nullable=True))
    _create_named("organizations")
    _create_link("article_people", "person_id", "people")
    _create_link("article_organizations", "organization_id", "organizations")
    _create_partnerships()
    _create_evidence()


def _create_named(table: str, *extra: sa.Column) -> None:
    """People and organizations: a name, at a place or none."""
    op.create_table(
        table,
        _id(),
        sa.Column("name", sa.String(length=200 if table == "people" else 300), nullable=False),
        *extra,
        sa.Column("place_id", sa.Integer(), nullable=True),
        _fk(table, "place_id", "places", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )
    _index(table, "name")
    _index(table, "place_id")


def _create_link(table: str, column: str, target: str) -> None:
    """Which articles name which people or organizations."""
    op.create_table(
        table,
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column(column, sa.Integer(), nullable=False),
        _fk(table, "article_id", "articles"),
        _fk(table, column, target),
        sa.PrimaryKeyConstraint("article_id", column, name=op.f(f"pk_{table}")),
    )
    _index(table, column)


def _stated_columns() -> list[sa.Column]:
    """What a partnership and each piece of its evidence state."""
    return [
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("amount_value", AMOUNT, nullable=True),
        sa.Column("amount_currency", sa.String(length=3), nullable=True),
    ]


def _create_partnerships() -> None:
    op.create_table(
        "partnerships",
        _id(),
        sa.Column("place_a_id", sa.Integer(), nullable=False),
        sa.Column("place_b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        *_stated_columns(),
        sa.Column("first_seen_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        _fk("partnerships", "place_a_id", "places"),
        _fk("partnerships", "place_b_id", "places"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerships")),
        sa.UniqueConstraint(
            "place_a_id", "place_b_id", "kind",
            name=op.f("uq_partnerships_place_a_id_place_b_id_kind"),
        ),
    )  # fmt: skip
    _index("partnerships", "place_b_id")
    _index("partnerships", "updated_at")


def _create_evidence() -> None:
    op.create_table(
        "evidence",
        _id(),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        *_stated_columns(),
        _fk("evidence", "article_id", "articles"),
        _fk("evidence", "partnership_id", "partnerships"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint(
            "partnership_id", "article_id", "sentence",
            name=op.f("uq_evidence_partnership_id_article_id_sentence"),
        ),
    )  # fmt: skip
    _index("evidence", "article_id")


def downgrade() -> None:
    """Drop everything, dependents first."""
    for table in (
        "evidence", "partnerships", "article_organizations", "article_people", "organizations",
        "people", "place_mentions", "forwards", "articles", "places",
    ):  # fmt: skip
        op.drop_table(table)
