"""The feed-item queue on PostgreSQL: the poller only queues new items, `citylink work`
processes read them, each once, and an item whose worker was killed is read later."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import func, select, text

from ingest.fetch import fetch_article, fetch_page
from services.feeds import LEASE, FeedService
from services.ingesting import IngestService
from store import models
from store.queue import ItemQueue
from tests.articles_server import ArticleServer, article_html
from tests.conftest import POSTGRES_URL, _reset_postgres
from tests.slack.test_feeds import STORIES, rss
from views.feeds import feed_line

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="the queue is kept in PostgreSQL")
LOCAL = frozenset({"127.0.0.1"})


@pytest.fixture
def database_url():
    """PostgreSQL only: on SQLite there is no queue."""
    _reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def server():
    server = ArticleServer()
    yield server
    server.stop()


def poller(sessions, extractor, database_url, now=models.utcnow) -> FeedService:
    return FeedService(sessions, IngestService(sessions, extractor),
                       partial(fetch_page, allow_hosts=LOCAL),
                       partial(fetch_article, allow_hosts=LOCAL),
                       queue=ItemQueue(database_url), now=now)  # fmt: skip


def workers(database_url: str, count: int, *args: str) -> list[subprocess.Popen]:
    env = {**os.environ, "DATABASE_URL": database_url, "CITYLINK_FETCH_ALLOW_HOSTS": "127.0.0.1"}
    return [subprocess.Popen([sys.executable, "-m", "bot", "work", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for _ in range(count)]  # fmt: skip


def articles(sessions) -> int:
    with sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(models.Article))


def outcomes(sessions) -> list[str | None]:
    with sessions.begin() as session:
        return list(session.scalars(select(models.FeedItem.outcome).order_by(models.FeedItem.id)))


def jobs(sessions, status: str | None = None) -> int:
    """The queue's rows (of one status)."""
    query = "SELECT status::text FROM procrastinate_jobs"
    with sessions.begin() as session:
        found = session.scalars(text(query)).all()
    return sum(status in (None, row) for row in found)


def stories(server: ArticleServer, copies: int, delay: float = 0.0) -> list[str]:
    """`copies` different articles per story (each its own text, so none is a duplicate)."""
    return [server.add(f"/{name}-{n}", article_html(f"{name} {n}\n\nReport {n}. {body}"),
                       delay=delay)
            for n in range(copies) for name, body in STORIES.items()]  # fmt: skip


def test_the_poller_queues_items_and_two_workers_read_each_once(
    database_url, sessions, extractor, server
):
    links = stories(server, 4, delay=0.1)
    service = poller(sessions, extractor, database_url)
    service.add("T1", "U1", server.add("/rss", rss(*links), "application/rss+xml"))

    polled = service.poll_due()
    assert [(p.queued, p.new) for p in polled] == [(len(links), 0)]
    assert articles(sessions) == 0  # the poller only found them
    (followed,) = service.of_team("T1")
    assert f"{len(links)} waiting to be read" in feed_line(1, followed)  # as `feed list` says

    runs = workers(database_url, 2, "--until-empty")
    for run in runs:
        assert run.wait(timeout=240) == 0, run.stderr.read().decode()
    assert outcomes(sessions) == ["new"] * len(links)
    assert "waiting" not in feed_line(1, service.of_team("T1")[0])
    assert jobs(sessions) == 0  # what an item gave is kept on the item, not in the queue
    assert articles(sessions) == len(links)
    assert server.hits.count("/kumamoto-0") == 1  # each article fetched once

    service.now = lambda: models.utcnow() + timedelta(hours=2)  # due again: nothing new
    assert [p.queued for p in service.poll_due()] == [0]


def test_an_item_queued_twice_is_one_job(database_url, sessions, extractor, server):
    service = poller(sessions, extractor, database_url)
    service.add("T1", "U1", server.add("/rss", rss(*stories(server, 1)), "application/rss+xml"))
    service.poll_due()
    with sessions.begin() as session:
        first = session.scalar(select(func.min(models.FeedItem.id)))
    assert service.queue.send([first]) == 0  # already waiting


def test_an_item_whose_worker_was_killed_is_read_later(database_url, sessions, extractor, server):
    slow = server.add("/slow", article_html(f"Slow\n\n{STORIES['turku']}"), delay=60)
    clock = [models.utcnow()]
    service = poller(sessions, extractor, database_url, now=lambda: clock[0])
    service.add("T1", "U1", server.add("/rss", rss(slow), "application/rss+xml"))
    assert service.poll_due()[0].queued == 1

    (run,) = workers(database_url, 1)
    deadline = time.monotonic() + 120
    while "/slow" not in server.hits:  # the worker is at it: fetching the slow article
        assert run.poll() is None and time.monotonic() < deadline, run.stderr.read()
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    assert run.wait(timeout=10) == -signal.SIGKILL
    assert outcomes(sessions) == [None]

    server.add("/slow", article_html(f"Slow\n\n{STORIES['turku']}"))  # answers at once now
    clock[0] += max(LEASE, timedelta(minutes=service.interval_minutes)) + timedelta(minutes=1)
    assert service.poll_due()[0].queued == 1  # its next poll finds it unread and queues it
    (run,) = workers(database_url, 1, "--until-empty")
    assert run.wait(timeout=240) == 0, run.stderr.read().decode()
    assert outcomes(sessions) == ["new"]
    assert articles(sessions) == 1
    assert jobs(sessions, "todo") == 0
