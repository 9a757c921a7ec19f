"""Digest fixtures: a real store (SQLite, and PostgreSQL when configured), a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.config import load_settings
from bot.standin import WebAPIStandIn
from bot.wiring import web_client
from facts.shapes import ArticleFacts, ArticleText, Partnership, PlaceMention
from services.digests import DEFAULTS, DigestService
from store import digests, models
from store.repository import add_article
from tests.blockkit import assert_valid_ids
from tests.store.conftest import DUNEDIN, SHANGHAI, STIRLING

MONDAY_9 = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # a Monday


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self, now: datetime):
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY_9 - timedelta(days=30))


@pytest.fixture(autouse=True)
def posted_block_kit_is_valid(request):
    """After each test: every digest the stand-in received has ids Slack accepts."""
    standin = request.getfixturevalue("standin") if "standin" in request.fixturenames else None
    yield
    for call in standin.calls if standin else ():
        assert_valid_ids(call.params, call.method)


@pytest.fixture
def service(sessions, standin, clock) -> DigestService:
    client = web_client(load_settings(slack_api_url=standin.url, slack_bot_token="xoxb-test"))
    return DigestService(sessions, lambda team: client, worker="test", now=clock,
                         sleep=clock.sleep)  # fmt: skip


@pytest.fixture
def subscribe(sessions, clock):
    def subscribe(channel="C1", **fields):
        with sessions.begin() as session:
            return digests.subscribe(session, "", channel, user_id="U1", now=clock(),
                                     **{**DEFAULTS, **fields})  # fmt: skip

    return subscribe


@pytest.fixture
def report(sessions):
    """Add an article reporting `links` ((a, b, kind, status), ...) as arriving at `at`."""

    def report(at: datetime, *links, title="News", sentence="{a} and {b} signed a deal."):
        facts = ArticleFacts(title=title, places=[PlaceMention(DUNEDIN, 1)], partnerships=[
            Partnership(a, b, kind, status, sentence.format(a=a.name, b=b.name), at.year)
            for a, b, kind, status in links
        ])  # fmt: skip
        text = f"{title} {at.isoformat()} {links}"
        with sessions.begin() as session:
            result = add_article(session, ArticleText(text=text, title=title), facts)
            session.execute(update(models.Article).where(models.Article.id == result.article_id)
                            .values(ingested_at=at))  # fmt: skip
        return result

    return report


def posts(standin: WebAPIStandIn) -> list[dict]:
    return [c.params for c in standin.calls_to("chat.postMessage") if c.status == 200]


__all__ = ["DUNEDIN", "SHANGHAI", "STIRLING", "MONDAY_9", "posts"]
