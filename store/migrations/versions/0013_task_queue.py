"""The task queue that `citylink work` processes share: procrastinate's tables, in PostgreSQL
only (on SQLite the clock reads feed items in its own process).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op
from procrastinate.schema import SchemaManager

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The schema of the procrastinate release installed (pinned to 3.10 in pyproject.toml: a
    newer release brings schema changes of its own, for a migration after this one to apply)."""
    if op.get_bind().dialect.name == "postgresql":
        op.get_bind().exec_driver_sql(SchemaManager.get_schema().replace("%", "%%"))


def downgrade() -> None:
    """Every procrastinate table, function and type (its tables' row types gone with them),
    found by their common prefix."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for sql in (
        "SELECT 'DROP TABLE IF EXISTS ' || tablename || ' CASCADE' FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate%%'",
        "SELECT 'DROP FUNCTION IF EXISTS ' || p.oid::regprocedure || ' CASCADE' FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%%'",
        "SELECT 'DROP TYPE IF EXISTS ' || typname || ' CASCADE' FROM pg_type t "
        "JOIN pg_namespace n ON n.oid = t.typnamespace "
        "WHERE n.nspname = current_schema() AND typname LIKE 'procrastinate%%'",
    ):
        for (statement,) in bind.exec_driver_sql(sql).all():
            bind.exec_driver_sql(statement)
