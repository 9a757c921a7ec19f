"""Engines and session factories; SQLite gets foreign keys, WAL, a busy timeout, real BEGINs.

An engine made with `answer_within` never waits longer than that for the store: a PostgreSQL
server that stops answering (frozen, or a network that drops packets) fails the statement with
`StoreTimeout` and closes its connection, so request threads are freed and the next request
connects afresh; a SQLite write waits that long for another writer's lock at most.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import psycopg
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_SECONDS = 5.0  # how long a SQLite writer waits for another's lock by default
CONNECT_SECONDS = 2  # a new PostgreSQL connection (libpq's minimum)
REQUEST_SECONDS = 1.0  # a store answer a Slack request waits for (Slack gives three seconds)
WORK_SECONDS = 30.0  # a store answer background work (ingestion, digests) waits for
Result = TypeVar("Result")


class StoreTimeout(psycopg.OperationalError):
    """The PostgreSQL server did not answer in time; the connection was closed."""


class _PatientConnection(psycopg.Connection):
    """A psycopg connection that waits at most `answer_within` seconds for each answer."""

    answer_within: float | None = None

    def wait(self, gen, interval: float = 0.1, timeout: float | None = None):
        if timeout is not None or self.answer_within is None:
            return super().wait(gen, interval=interval, timeout=timeout)
        try:
            return super().wait(gen, interval=interval, timeout=self.answer_within)
        except psycopg.errors._WaitTimeout:  # noqa: SLF001 - psycopg's own timeout, made ours
            self.pgconn.finish()  # in an unknown state: closed, so the pool discards it
            waited = f"{self.answer_within:g} s"
            raise StoreTimeout(f"the store did not answer within {waited}") from None


def _configure_sqlite(engine: Engine, busy_seconds: float, writer: bool) -> None:
    """Let SQLAlchemy emit BEGIN itself so SAVEPOINTs and DDL are transactional (sqlite3 quirk).

    A writer's transactions begin IMMEDIATE: they take the lock first, so concurrent writers
    wait for each other (one that read first and wrote second would fail at once, "database is
    locked"); other transactions begin DEFERRED, so readers never wait for a writer.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL's usual pairing: safe on app crash
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_seconds * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql(begin)

    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"


def make_engine(url: str, *, answer_within: float | None = None, writer: bool = False) -> Engine:
    """An engine for `url`, e.g. `sqlite:///citylink.db` or `postgresql+psycopg://…`.

    With `answer_within` (seconds) no statement waits longer for the store (see the module).
    A `writer` engine is for transactions that write what they read (ingestion).
    """
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        _configure_sqlite(engine, answer_within or SQLITE_BUSY_SECONDS, writer)
        return engine
    if answer_within is None:
        return create_engine(url, pool_pre_ping=True)
    # No pre-ping: on a frozen server it would wait once more before the statement does.
    engine = create_engine(url, pool_timeout=answer_within,
                           connect_args={"connect_timeout": CONNECT_SECONDS})  # fmt: skip
    _bound_answers(engine, answer_within)
    return engine


def _bound_answers(engine: Engine, seconds: float) -> None:
    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, cargs, cparams):
        connection = _PatientConnection.connect(*cargs, **cparams)
        connection.answer_within = seconds
        return connection


def insert_or_merge(session: Session, model: type):
    """An INSERT of `model` that can say what to do on a conflict (PostgreSQL's or SQLite's)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory; use `with sessions.begin() as session:` around store calls."""
    return sessionmaker(engine, expire_on_commit=False)


def make_read_engine(url: str, *, answer_within: float | None = None) -> Engine:
    """An engine for one-statement reads: autocommit, so no BEGIN and COMMIT round trips.

    On PostgreSQL it has its own pool and no pre-ping (a round trip per checkout): `read`
    retries once instead when a pooled connection turns out to be dead.
    """
    if make_url(url).get_backend_name() == "sqlite":
        engine = make_engine(url, answer_within=answer_within)
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_timeout=answer_within or 30,
                           connect_args={"connect_timeout": CONNECT_SECONDS})  # fmt: skip
    if answer_within is not None:
        _bound_answers(engine, answer_within)
    return engine


def read(engine: Engine, work: Callable[[Connection], Result]) -> Result:
    """`work(connection)`, and once more on a fresh connection if the pooled one had been
    dropped by the server (the failure emptied the pool); never again after a timeout."""
    try:
        with engine.connect() as connection:
            return work(connection)
    except DBAPIError as error:
        if not error.connection_invalidated or isinstance(error.orig, StoreTimeout):
            raise  # a server that does not answer would not answer a second time either
    with engine.connect() as connection:
        return work(connection)
