"""One-statement reads: a PostgreSQL connection dropped while pooled is replaced, not an error."""

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
        with admin.begin() as connection:  # what a server restart does to every connection
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        again = read(reads, lambda connection: connection.scalar(BACKEND_PID))
        assert again != first
    finally:
        reads.dispose()
        admin.dispose()
