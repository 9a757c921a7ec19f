"""Engines and session factories; SQLite gets foreign keys, WAL, a busy timeout, real BEGINs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 5000
Result = TypeVar("Result")


def _configure_sqlite(engine: Engine) -> None:
    """Let SQLAlchemy emit BEGIN itself so SAVEPOINTs and DDL are transactional (sqlite3 quirk)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL's usual pairing: safe on app crash
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for `url`, e.g. `sqlite:///citylink.db` or `postgresql+psycopg://…`."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def insert_or_merge(session: Session, model: type):
    """An INSERT of `model` that can say what to do on a conflict (PostgreSQL's or SQLite's)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory; use `with sessions.begin() as session:` around store calls."""
    return sessionmaker(engine, expire_on_commit=False)


def make_read_engine(url: str) -> Engine:
    """An engine for one-statement reads: autocommit, so no BEGIN and COMMIT round trips.

    On PostgreSQL it has its own pool and no pre-ping (a round trip per checkout): `read`
    retries once instead when a pooled connection turns out to be dead.
    """
    if make_url(url).get_backend_name() == "sqlite":
        return make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    return create_engine(url, isolation_level="AUTOCOMMIT")


def read(engine: Engine, work: Callable[[Connection], Result]) -> Result:
    """`work(connection)`, run again on a fresh connection if the pooled one had been dropped."""
    try:
        with engine.connect() as connection:
            return work(connection)
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
    with engine.connect() as connection:  # the pool has been emptied: a fresh connection
        return work(connection)
