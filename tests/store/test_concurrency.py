"""Concurrent writers on PostgreSQL: the loser of an insert race reuses the winner's row."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from facts.shapes import ArticleFacts, ArticleText, Partnership, PlaceMention
from store import models
from store.repository import add_article, ensure_place

POSTGRES_URL = os.environ.get("CITYLINK_TEST_DATABASE_URL")
pytestmark = [
    pytest.mark.skipif(not POSTGRES_URL, reason="needs CITYLINK_TEST_DATABASE_URL"),
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]
T = TypeVar("T")
WAIT_SECONDS = 10


def _wait_for_lock_waits(engine, count: int = 1) -> None:
    """Return once `count` other backends of this database wait on a lock."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + WAIT_SECONDS
    with engine.connect() as connection:
        while connection.scalar(query) < count:
            assert time.monotonic() < deadline, "a writer never blocked"
            time.sleep(0.01)
            connection.rollback()


def _race(sessions, engine, write: Callable[[Session], T]) -> tuple[T, T]:
    """Run `write` in two transactions: the second blocks on the first's insert until it commits."""
    with ThreadPoolExecutor(1) as pool, sessions() as first:
        first.begin()
        winner = write(first)
        first.flush()
        loser = pool.submit(_in_transaction, sessions, write)
        _wait_for_lock_waits(engine)
        first.commit()
        return winner, loser.result(timeout=WAIT_SECONDS)


def test_two_writers_adding_the_same_place_end_with_one_row(sessions, engine, rows, places):
    winner, loser = _race(sessions, engine, lambda s: ensure_place(s, places.dunedin).id)
    assert winner == loser
    assert rows(models.Place) == 1


def test_two_forwards_of_the_same_article_at_once_store_it_once(
    sessions, engine, rows, sister_facts, places
):
    facts = sister_facts(places.dunedin, places.shanghai)

    def forward(session):
        return add_article(session, ArticleText("Dunedin and Shanghai."), facts)

    winner, loser = _race(sessions, engine, forward)
    assert winner.created and not loser.created
    assert loser.article_id == winner.article_id
    assert rows(models.Article) == 1
    assert rows(models.Forward) == 2
    assert rows(models.Partnership) == 1


def test_two_articles_reporting_a_new_partnership_at_once_share_it(sessions, engine, rows, places):
    with sessions.begin() as session:
        ensure_place(session, places.dunedin)
        ensure_place(session, places.shanghai)
    reported = iter(["First article.", "Second article."])

    def report(session):
        sentence = next(reported)
        link = Partnership(places.dunedin, places.shanghai, "sister_city", "new", sentence, 2024)
        facts = ArticleFacts(places=[PlaceMention(places.dunedin, 1)], partnerships=[link])
        return add_article(session, ArticleText(sentence), facts)

    winner, loser = _race(sessions, engine, report)
    assert (winner.new_partnerships, loser.new_partnerships) == (1, 0)
    assert rows(models.Article) == 2
    assert rows(models.Partnership) == 1
    assert rows(models.Evidence) == 2


def _in_transaction(sessions, write: Callable[[Session], T]) -> T:
    with sessions.begin() as session:
        return write(session)
