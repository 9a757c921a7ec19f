"""Engines and session factories; SQLite gets foreign keys, WAL, a busy timeout, real BEGINs.

An engine made with `answer_within` never waits longer than that for the store: a PostgreSQL
server that stops answering (frozen, or a network that drops packets) fails the statement with
`StoreTimeout` and closes its connection, so request threads are freed and the next request
connects afresh; a SQLite write waits that long for another writer's lock at most.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import psycopg
from sqlalchemy import Connection, Engine, Select, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect, make_url
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
    """`work(connection)`, run again on a fresh connection if the pooled one had been dropped."""

    def once() -> Result:
        with engine.connect() as connection:
            return work(connection)

    return _again_if_dropped(once)


def _again_if_dropped(attempt: Callable[[], Result]) -> Result:
    """`attempt()`, and once more if it failed on a pooled connection the server had dropped
    (the failure emptied the pool, so the second attempt gets a fresh connection)."""
    try:
        return attempt()
    except DBAPIError as error:
        if not error.connection_invalidated or isinstance(error.orig, StoreTimeout):
            raise  # a server that does not answer would not answer a second time either
    return attempt()


class DirectSelect:
    """A SELECT run straight on the pool's DBAPI connection; its rows are plain tuples.

    SQLAlchemy's execution layer (execution context, result and row objects) costs about 0.2 ms
    a statement, as much as PostgreSQL takes to answer an indexed lookup: the read a first
    `/citylink` waits for skips it. The statement is still SQLAlchemy's, compiled once per
    driver and length of each IN list. Nothing converts the values read, so select only columns
    the driver returns as wanted (integers, text). Errors are SQLAlchemy's; when the server has
    dropped a pooled connection, the pool is replaced and the read tried once more.
    """

    def __init__(self, statement: Select):
        self.statement = statement
        self._shapes: dict[tuple, _Shape] = {}

    def rows(self, engine: Engine, params: dict[str, Any]) -> list[tuple]:
        shape = self._shape(engine.dialect, params)
        values = shape.values(params)
        return _again_if_dropped(partial(_fetch, engine, shape.sql, values))

    def _shape(self, dialect: Dialect, params: dict[str, Any]) -> _Shape:
        lengths = tuple((k, len(v)) for k, v in params.items() if isinstance(v, list | tuple))
        key = (dialect.name, dialect.driver, lengths)
        shape = self._shapes.get(key)
        if shape is None:
            expanded = self.statement.compile(dialect=dialect).construct_expanded_state(params)
            given = {n for name in params for n in expanded.parameter_expansion.get(name, [name])}
            shape = self._shapes[key] = _Shape(
                expanded.statement,
                expanded.parameter_expansion,
                {k: v for k, v in expanded.parameters.items() if k not in given},
                expanded.positiontup if dialect.positional else None,
            )
        return shape


@dataclass(frozen=True)
class _Shape:
    """A statement with its IN lists expanded to given lengths, and how its values are passed."""

    sql: str
    expansion: Mapping[str, Sequence[str]]  # an IN list's parameter -> its values' names
    fixed: Mapping[str, Any]  # values the statement carries itself (a LIMIT, a literal)
    order: Sequence[str] | None  # a positional driver's parameter names, in order

    def values(self, params: dict[str, Any]) -> dict[str, Any] | list[Any]:
        named = dict(self.fixed)
        for name, value in params.items():
            if name in self.expansion:
                named.update(zip(self.expansion[name], value, strict=True))
            else:
                named[name] = value
        return named if self.order is None else [named[name] for name in self.order]


def _fetch(engine: Engine, statement: str, values) -> list[tuple]:
    """Every row of `statement` on a pooled DBAPI connection, errors raised as SQLAlchemy's."""
    dialect, connection = engine.dialect, None
    try:
        connection = engine.raw_connection()
        cursor = connection.cursor()
        try:
            cursor.execute(statement, values)
            return cursor.fetchall()
        finally:
            with suppress(dialect.loaded_dbapi.Error):  # a dropped connection's cursor may not
                cursor.close()
    except dialect.loaded_dbapi.Error as error:
        dropped = connection is not None and dialect.is_disconnect(
            error, connection.dbapi_connection, None
        )
        if dropped:  # the server restarted: the pool's other connections are gone too
            connection.invalidate(error)
            engine.dispose()
        raise DBAPIError.instance(statement, values, error, dialect.loaded_dbapi.Error,
                                  hide_parameters=engine.hide_parameters, dialect=dialect,
                                  connection_invalidated=dropped) from error  # fmt: skip
    finally:
        if connection is not None:
            connection.close()
