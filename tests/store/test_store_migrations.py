"""Migrations: an empty database upgrades to the models, and downgrades to nothing and back."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from store.db import make_engine
from store.migrate import current, downgrade, upgrade
from store.models import Base
from store.queue import is_queue_object

HEAD = "0013"  # the newest revision in store/migrations/versions


def _tables(url: str, *, queue: bool = False) -> set[str]:
    """The tables of the models (and the task queue's, with `queue`)."""
    engine = make_engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {name for name in names if queue or not is_queue_object(name)}
    finally:
        engine.dispose()


def test_empty_database_upgrades_to_head_matching_the_models(database_url):
    assert current(database_url) is None
    upgrade(database_url)
    assert current(database_url) == HEAD
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, kind, _: kind != "table" or not is_queue_object(name),
        })  # fmt: skip
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
    assert _tables(database_url, queue=True) == set()

    upgrade(database_url)
    assert current(database_url) == HEAD
    assert _tables(database_url) == set(Base.metadata.tables)


def test_a_downgrade_past_0008_gives_older_code_the_card_rows_it_ranks_by(
    database_url, add, sister_facts, places, sessions
):
    """A release rolled back finds a card row wherever a scope's articles touch a place."""
    add("Dunedin and Shanghai are sister cities.", sister_facts(places.dunedin, places.shanghai))
    add("Dunedin and Stirling.", sister_facts(places.dunedin, places.stirling), team_id="T1")
    sessions.kw["bind"].dispose()

    downgrade(database_url, "0007")
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT places.name, place_cards.scope, place_cards.body FROM place_cards "
                "JOIN places ON places.id = place_cards.place_id"
            )).all()  # fmt: skip
    finally:
        engine.dispose()
    assert sorted(rows) == [("Dunedin", "", None), ("Dunedin", "T1", None),
                            ("Shanghai", "", None), ("Stirling", "T1", None)]  # fmt: skip

    upgrade(database_url)
    assert current(database_url) == HEAD
    assert _tables(database_url) == set(Base.metadata.tables)
