"""One-statement reads: a PostgreSQL connection dropped while pooled is replaced, not an error;
a direct select answers as SQLAlchemy would, and fails as SQLAlchemy would."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import bindparam, func, literal, select, text
from sqlalchemy.exc import OperationalError

from store import models
from store.db import DirectSelect, make_engine, make_read_engine, read

POSTGRES_URL = os.environ.get("CITYLINK_TEST_DATABASE_URL")
BACKEND_PID = text("SELECT pg_backend_pid()")
PLACES_BY_KEY = DirectSelect(
    select(models.Place.key, models.Place.name)
    .where(models.Place.key.in_(bindparam("keys", expanding=True)))
    .where(models.Place.kind == bindparam("kind"))
    .order_by(models.Place.key)
)


@pytest.mark.skipif(not POSTGRES_URL, reason="needs CITYLINK_TEST_DATABASE_URL")
def test_a_read_outlives_a_server_dropping_its_pooled_connection():
    reads, admin = make_read_engine(POSTGRES_URL), make_engine(POSTGRES_URL)
    try:
        first = read(reads, lambda connection: connection.scalar(BACKEND_PID))
        _terminate(admin, first)
        again = read(reads, lambda connection: connection.scalar(BACKEND_PID))
        assert again != first
    finally:
        reads.dispose()
        admin.dispose()


@pytest.mark.skipif(not POSTGRES_URL, reason="needs CITYLINK_TEST_DATABASE_URL")
def test_a_direct_select_outlives_a_server_restart_that_dropped_every_pooled_connection():
    reads, admin = make_read_engine(POSTGRES_URL), make_engine(POSTGRES_URL)
    backend = DirectSelect(select(func.pg_backend_pid()))
    try:
        held = [reads.raw_connection() for _ in range(3)]
        pids = [_backend_pid(connection) for connection in held]
        for connection in held:
            connection.close()  # back to the pool
        for pid in pids:
            _terminate(admin, pid)
        [(again,)] = backend.rows(reads, {})
        assert again not in pids
    finally:
        reads.dispose()
        admin.dispose()


def test_a_direct_select_expands_each_length_of_list_it_is_given(engine):
    with engine.begin() as connection:
        connection.execute(models.Place.__table__.insert(), [
            {"key": f"test:{n}", "name": f"Town {n}", "folded_name": f"town {n}", "country": "NZ",
             "kind": "city"}
            for n in range(4)
        ])  # fmt: skip
    reads = make_read_engine(engine.url.render_as_string(hide_password=False))
    try:
        one = PLACES_BY_KEY.rows(reads, {"keys": ["test:2"], "kind": "city"})
        three = PLACES_BY_KEY.rows(reads, {"keys": ["test:0", "test:3", "test:9"], "kind": "city"})
        one_again = PLACES_BY_KEY.rows(reads, {"keys": ["test:1"], "kind": "city"})
        none = PLACES_BY_KEY.rows(reads, {"keys": ["test:1", "test:2"], "kind": "region"})
    finally:
        reads.dispose()
    assert one == [("test:2", "Town 2")]
    assert three == [("test:0", "Town 0"), ("test:3", "Town 3")]
    assert one_again == [("test:1", "Town 1")]
    assert none == []


def test_a_direct_select_outlives_every_pooled_sqlite_connection_closing(tmp_path):
    reads = make_read_engine(f"sqlite:///{tmp_path / 'closed.db'}")
    try:
        held = [reads.raw_connection() for _ in range(3)]
        drivers = [connection.dbapi_connection for connection in held]
        for connection in held:
            connection.close()  # back to the pool, open
        for driver in drivers:
            driver.close()
        assert DirectSelect(select(literal(2))).rows(reads, {}) == [(2,)]
    finally:
        reads.dispose()


def test_a_direct_select_sends_the_values_its_statement_carries(engine):
    words = select(literal("one")).union_all(select(literal("two")), select(literal("three")))
    first_two = DirectSelect(words.limit(2))
    assert len(first_two.rows(engine, {})) == 2


def test_a_direct_select_on_an_unreachable_store_fails_as_sqlalchemy_does():
    unreachable = make_read_engine("postgresql+psycopg://nobody@127.0.0.1:9/none")
    try:
        with pytest.raises(OperationalError):
            DirectSelect(select(literal(1))).rows(unreachable, {})
    finally:
        unreachable.dispose()


def _backend_pid(connection) -> int:
    cursor = connection.cursor()
    cursor.execute("SELECT pg_backend_pid()")
    [(pid,)] = cursor.fetchall()
    cursor.close()
    return pid


def _terminate(admin, pid: int) -> None:
    """What a server restart does to every connection."""
    with admin.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
