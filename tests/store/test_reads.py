"""One-statement reads: a connection dropped while pooled is replaced, not an error."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from store.db import make_engine, make_read_engine, read

POSTGRES_URL = os.environ.get("CITYLINK_TEST_DATABASE_URL")
BACKEND_PID = text("SELECT pg_backend_pid()")


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
def test_a_read_outlives_a_server_restart_that_dropped_every_pooled_connection():
    reads, admin = make_read_engine(POSTGRES_URL), make_engine(POSTGRES_URL)
    try:
        held = [reads.raw_connection() for _ in range(3)]
        pids = [_backend_pid(connection) for connection in held]
        for connection in held:
            connection.close()  # back to the pool
        for pid in pids:
            _terminate(admin, pid)
        again = read(reads, lambda connection: connection.scalar(BACKEND_PID))
        assert again not in pids
    finally:
        reads.dispose()
        admin.dispose()


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
