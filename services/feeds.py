"""Feeds: news that arrives by itself. A team adds a feed; the clock polls the ones that are due
(conditionally, through the safe fetcher, backing off after errors) and each new item's article
is ingested once, as a forward of that team's: by `citylink work` processes sharing a queue, or,
with no queue (SQLite), by the poller itself."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy.orm import Session, sessionmaker

from facts.shapes import ArticleText
from ingest.errors import IngestError
from ingest.feeds import read_feed
from ingest.fetch import FEED_TYPES, FetchedPage
from services.ingesting import Forward, IngestService
from services.links import typed_link
from store import feeds
from store.feeds import FeedResult
from store.models import utcnow
from store.queue import ItemQueue, QueueUnavailable

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=15)  # a feed being polled is left alone this long by other pollers
MAX_FEEDS = 50  # per team
URL_CHARS = 2000

FetchPage = Callable[..., FetchedPage]  # `ingest.fetch.fetch_page` with its allowed hosts
FetchArticle = Callable[[str], ArticleText]  # `ingest.fetch.fetch_article` likewise


@dataclass(frozen=True)
class Polled:
    feed: FeedResult
    new: int = 0  # articles ingested by the poller (no queue)
    queued: int = 0  # items sent to the workers
    not_modified: bool = False
    error: str | None = None


class FeedService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        ingesting: IngestService,
        fetch_page: FetchPage,
        fetch_article: FetchArticle,
        *,
        interval_minutes: int = 60,
        queue: ItemQueue | None = None,
        now: Callable[[], datetime] = utcnow,
    ):
        self.sessions, self.ingesting, self.queue = sessions, ingesting, queue
        self.fetch_page, self.fetch_article = fetch_page, fetch_article
        self.interval_minutes, self.now = interval_minutes, now

    def add(self, team: str, user: str, url: str) -> tuple[FeedResult, bool] | str:
        """Follow a feed (checked at the next poll); a sentence when the link cannot be one."""
        url = typed_link(url) or url.strip()
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host or (
                len(url) > URL_CHARS or parsed.userinfo):  # fmt: skip
            return "A feed is a web link starting with http:// or https://."
        with self.sessions.begin() as session:
            if len(feeds.of_team(session, team)) >= MAX_FEEDS:
                return f"A workspace follows at most {MAX_FEEDS} feeds: remove one first."
            return feeds.add(session, team, url, user=user, now=self.now(),
                             interval_minutes=self.interval_minutes)  # fmt: skip

    def of_team(self, team: str) -> list[FeedResult]:
        with self.sessions.begin() as session:
            return feeds.of_team(session, team)

    def remove(self, team: str, which: str) -> FeedResult | None:
        """Stop following a feed, named by its number in `feed list` or its link."""
        followed, which = self.of_team(team), typed_link(which) or which.strip()
        chosen = next((f for n, f in enumerate(followed, 1) if which in (str(n), f.url)), None)
        if chosen is not None:
            with self.sessions.begin() as session:
                feeds.remove(session, team, chosen.id)
        return chosen

    def poll_due(self) -> list[Polled]:
        """Poll every feed that is due, once: `citylink feeds poll`, and the clock each minute."""
        with self.sessions.begin() as session:
            due = feeds.claim_due(session, self.now(), LEASE)
        return [self.poll(feed) for feed in due]

    def poll(self, feed: FeedResult) -> Polled:
        try:
            page = self.fetch_page(feed.url, types=FEED_TYPES, etag=feed.etag,
                                   last_modified=feed.last_modified)  # fmt: skip
            entries = [] if page.not_modified else read_feed(page.body, page.final_url)
        except IngestError as exc:
            with self.sessions.begin() as session:
                feeds.checked(session, feed.id, now=self.now(), error=exc.reason)
            return Polled(feed, error=exc.reason)
        with self.sessions.begin() as session:
            fresh = feeds.take_new(session, feed.id, [(e.key, e.url) for e in entries],
                                   self.now())  # fmt: skip
            # ...and those a poller took but never read (it died, or the store went away)
            taken = fresh + feeds.unread(session, feed.id, before=self.now() - LEASE)
        new = queued = 0
        if self.queue is None:
            new = sum(self._read(feed.scope, item_id, url) for item_id, url in taken)
        else:
            try:
                queued = self.queue.send(item_id for item_id, _ in taken)
            except QueueUnavailable as exc:  # the items stay unread: queued again next time
                error = f"could not queue its items for reading: {exc}"
                with self.sessions.begin() as session:
                    feeds.checked(session, feed.id, now=self.now(), taken=len(fresh), error=error)
                return Polled(feed, error=error)
        with self.sessions.begin() as session:
            feeds.checked(session, feed.id, now=self.now(), taken=len(fresh), etag=page.etag,
                          last_modified=page.last_modified)  # fmt: skip
        return Polled(feed, new=new, queued=queued, not_modified=page.not_modified)

    def read_item(self, item_id: int) -> bool:
        """A worker's task: read a queued item unless it was read already (or its feed removed);
        whether its article was new."""
        with self.sessions.begin() as session:
            item = feeds.item(session, item_id)
        if item is None or item.outcome is not None:
            return False
        return self._read(item.scope, item_id, item.url)

    def _read(self, scope: str, item_id: int, url: str) -> bool:
        """Fetch and ingest one item's article as the team's; whether it was new."""
        forward = Forward(via="feed", user_id="feed", team_id=scope or None)
        try:
            if self.ingesting.has_link(url, forward.team_id):  # another feed had it: no fetch
                said = "known"
            else:
                outcome = self.ingesting.ingest(self.fetch_article(url), forward)
                said = "new" if outcome.result.created else "known"
        except IngestError as exc:
            said = exc.reason
        except Exception:  # the store or the extractor failed: the item stays unread, for later
            log.exception("feed item %d: reading %s failed", item_id, url)
            return False
        with self.sessions.begin() as session:
            feeds.item_read(session, item_id, said)
        return said == "new"
