"""Two pollers at once (two clock processes' worth): every item is ingested once."""

from __future__ import annotations

import threading
from functools import partial

from sqlalchemy import func, select

from ingest.fetch import fetch_article, fetch_page
from services.feeds import FeedService
from services.ingesting import IngestService
from store import models
from store.db import make_engine, make_sessions
from store.queue import ItemQueue
from tests.articles_server import ArticleServer, article_html
from tests.slack.test_feeds import STORIES, rss

LOCAL = frozenset({"127.0.0.1"})


def poller(database_url: str, extractor, queue: ItemQueue | None = None) -> FeedService:
    sessions = make_sessions(make_engine(database_url, writer=True))
    return FeedService(sessions, IngestService(sessions, extractor),
                       partial(fetch_page, allow_hosts=LOCAL),
                       partial(fetch_article, allow_hosts=LOCAL), queue=queue)  # fmt: skip


def test_two_pollers_ingest_each_item_once(database_url, sessions, extractor):
    server = ArticleServer()
    try:
        links = [server.add(f"/{name}", article_html(f"{name}\n\n{text}"), delay=0.05)
                 for name, text in STORIES.items()]  # fmt: skip
        feed = server.add("/rss", rss(*links), "application/rss+xml", delay=0.2)
        first, second = poller(database_url, extractor), poller(database_url, extractor)
        first.add("T1", "U1", feed)
        results: list = []
        threads = [threading.Thread(target=lambda p=p: results.extend(p.poll_due()))
                   for p in (first, second)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sum(r.new for r in results) == len(STORIES)
        with sessions.begin() as session:
            assert session.scalar(select(func.count()).select_from(models.Article)) == 3
        assert server.hits.count("/rss") == 1  # the feed was polled by one of them only
    finally:
        server.stop()


def test_a_queue_that_does_not_answer_is_reported_and_its_items_wait(
    database_url, sessions, extractor
):
    server = ArticleServer()
    try:
        links = [server.add(f"/{name}", article_html(f"{name}\n\n{text}"))
                 for name, text in STORIES.items()]  # fmt: skip
        feed = server.add("/rss", rss(*links), "application/rss+xml")
        closed = ItemQueue("postgresql+psycopg://nobody@127.0.0.1:1/none", answer_within=1)
        service = poller(database_url, extractor, closed)
        service.add("T1", "U1", feed)
        (polled,) = service.poll_due()
        assert "could not queue its items" in polled.error and polled.queued == 0
        (followed,) = service.of_team("T1")
        assert followed.last_error == polled.error and followed.failures == 1
        assert (followed.items_taken, followed.waiting) == (3, 3)  # taken, kept for later
        with sessions.begin() as session:
            assert session.scalar(select(func.count()).select_from(models.Article)) == 0
    finally:
        server.stop()
