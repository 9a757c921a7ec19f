"""Migrations: an empty database upgrades to the models, and downgrades to nothing and back."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from store.db import make_engine
from store.migrate import current, downgrade, upgrade
from store.models import Base

HEAD = "0007"  # the newest revision in store/migrations/versions


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_empty_database_upgrades_to_head_matching_the_models(database_url):
    assert current(database_url) is None
    upgrade(database_url)
    assert current(database_url) == HEAD
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_upgrading_twice_is_harmless(database_url):
    upgrade(database_url)
    upgrade(database_url)
    assert current(database_url) == HEAD


def test_downgrade_to_base_and_back(database_url, add, sister_facts, places):
    # `add` upgrades first (via the engine fixture); a stored article must not block the drop.
    add("Dunedin and Shanghai are sister cities.", sister_facts(places.dunedin, places.shanghai))
    assert _tables(database_url) == set(Base.metadata.tables)

    downgrade(database_url, "base")
    assert current(database_url) is None
    assert _tables(database_url) == set()

    upgrade(database_url)
    assert current(database_url) == HEAD
    assert _tables(database_url) == set(Base.metadata.tables)
