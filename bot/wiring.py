"""Builds the long-lived parts once per process: the store's sessions, the place index, spaCy."""

from __future__ import annotations

import gc
import os
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.slack_retries import TIMEOUT_SECONDS, retry_handlers
from bot.workspaces import team_clients
from facts.shapes import ArticleFacts, ArticleText
from handlers.context import Services
from ingest.fetch import fetch_article, fetch_page
from places.gazetteer import load_gazetteer
from places.index import PlaceIndex
from services.corrections import CorrectionService
from services.deliveries import Deliveries
from services.digests import DigestService
from services.feeds import FeedService
from services.forwarding import ForwardService
from services.inbox import ForwardInbox, deliver
from services.ingesting import IngestService
from services.lookups import LookupService
from services.subscriptions import SubscriptionService
from store.db import (
    REQUEST_SECONDS,
    WORK_SECONDS,
    make_engine,
    make_read_engine,
    make_sessions,
)
from store.migrate import upgrade
from store.queue import ItemQueue

if TYPE_CHECKING:
    from ingest.extract import Extractor


def store_sessions(
    settings: Settings, answer_within: float = WORK_SECONDS, *, writer: bool = True
) -> sessionmaker[Session]:
    """Sessions on the configured store, migrated to the newest schema first; no statement
    waits longer than `answer_within` seconds for the store (`make_engine` says more)."""
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url, answer_within=answer_within, writer=writer)
    return make_sessions(engine)


@lru_cache(maxsize=2)
def place_index(cache_dir: str) -> PlaceIndex:
    """The lookup index over every name and alias; built once per process.

    Its ~600k objects live as long as the process: frozen, full collections skip them
    (one took ~55 ms with them, 0.0003 ms without, in the request that triggered it).
    """
    index = PlaceIndex.build(load_gazetteer(Path(cache_dir), every_alias=True))
    gc.freeze()
    return index


class LazyExtractor:
    """Loads spaCy on first use, so a server that only answers lookups starts fast and small."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def get(self) -> Extractor:
        from ingest.extract import Extractor  # spaCy: imported here, by the first use only
        from ingest.pipeline import build_nlp

        with self._lock:
            if self._extractor is None:
                nlp = build_nlp(self.settings.citylink_spacy_model,
                                str(self.settings.citylink_cache_dir))  # fmt: skip
                self._extractor = Extractor(nlp)
            return self._extractor

    def __call__(self, article: ArticleText) -> ArticleFacts:
        return self.get()(article)

    def pipe(self, articles: Iterable[ArticleText]) -> Iterator[ArticleFacts]:
        return self.get().pipe(articles)


def make_services(settings: Settings, extractor: LazyExtractor | None = None) -> Services:
    """What Slack's requests use. What a person waits for gives up on the store within about a
    second (Slack allows three); reading a forward after the acknowledgement may take longer."""
    sessions = store_sessions(settings, REQUEST_SECONDS, writer=False)
    reads = make_read_engine(settings.database_url, answer_within=REQUEST_SECONDS)
    lookups = LookupService(sessions, place_index(str(settings.citylink_cache_dir)), reads=reads,
                            confirm_below=settings.citylink_confirm_below)  # fmt: skip
    working = make_sessions(make_engine(settings.database_url, answer_within=WORK_SECONDS,
                                        writer=True))  # fmt: skip
    ingesting = IngestService(working, extractor or LazyExtractor(settings))
    fetch = partial(fetch_article, allow_hosts=frozenset(settings.citylink_fetch_allow_hosts))
    forwarding = ForwardService(ingesting, fetch, api_url=settings.slack_api_url)
    subscribing = SubscriptionService(sessions, lookups)
    request_writes = make_sessions(make_engine(
        settings.database_url, answer_within=REQUEST_SECONDS, writer=True))  # fmt: skip
    correcting = CorrectionService(request_writes, lookups)
    return Services(lookups=lookups, forwarding=forwarding,
                    inbox=ForwardInbox(sessions, forwarding), subscribing=subscribing,
                    deliveries=Deliveries(sessions), correcting=correcting,
                    feeds=feed_service(settings, ingesting, request_writes))  # fmt: skip


def feed_service(
    settings: Settings, ingesting: IngestService | None = None, sessions=None
) -> FeedService:
    """Feeds polled through the safe fetcher (and its allowed hosts), ingested as the teams':
    by `citylink work` processes through the queue on PostgreSQL, by the poller on SQLite."""
    sessions = sessions or store_sessions(settings)
    ingesting = ingesting or IngestService(sessions, LazyExtractor(settings))
    hosts = frozenset(settings.citylink_fetch_allow_hosts)
    return FeedService(sessions, ingesting, partial(fetch_page, allow_hosts=hosts),
                       partial(fetch_article, allow_hosts=hosts),
                       interval_minutes=settings.citylink_feed_interval_minutes,
                       queue=item_queue(settings))  # fmt: skip


def item_queue(settings: Settings) -> ItemQueue | None:
    """The feed-item queue, kept in PostgreSQL; none on SQLite."""
    if settings.database_url.startswith("postgresql"):
        return ItemQueue(settings.database_url)
    return None


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """The Web API client: `SLACK_API_URL`, retrying each call as bot/slack_retries.py allows."""
    return WebClient(
        token=token or settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(),
    )


def digest_service(settings: Settings) -> DigestService:
    """Digests posted by this process, named for the claims it makes."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    sessions = store_sessions(settings)
    clients = team_clients(settings, sessions.kw["bind"], partial(web_client, settings))
    return DigestService(sessions, clients, worker=worker,
                         confirm_below=settings.citylink_confirm_below)  # fmt: skip


def forward_resumer(settings: Settings) -> Callable[[], int]:
    """What the clock runs every minute: read and answer the forwards nobody is reading (given
    back while the store was down, or left by a worker that was killed); how many it answered."""
    sessions = store_sessions(settings)
    ingesting = IngestService(sessions, LazyExtractor(settings))
    fetch = partial(fetch_article, allow_hosts=frozenset(settings.citylink_fetch_allow_hosts))
    inbox = ForwardInbox(sessions, ForwardService(ingesting, fetch, api_url=settings.slack_api_url))
    clients = team_clients(settings, sessions.kw["bind"], partial(web_client, settings))

    def resume() -> int:
        answered = 0
        for answer in inbox.resume(lambda team: clients(team).token):
            deliver(clients(answer.forward.scope), answer)
            answered += answer.done
        return answered

    return resume
