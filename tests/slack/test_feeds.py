"""Feeds: `/citylink feed add|list|remove`, and polls that ingest each new item once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from bot.app import build_app
from bot.wiring import make_services
from store import models
from tests.articles_server import ArticleServer, article_html
from tests.slack.conftest import Slack, all_text

STORIES = {
    "kumamoto": "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years "
    "after the two cities first signed it. The mayor of Kumamoto, visiting Suwon with a "
    "delegation of twenty business leaders, said the two cities would open a joint trade "
    "office next spring and expand student exchanges between their universities.",
    "turku": "Turku and Gothenburg signed a memorandum of understanding on port cooperation on "
    "Monday, the city of Turku said. The mayors of the two cities met in Gothenburg with a "
    "delegation of business leaders and agreed to share research on clean shipping and to "
    "open a joint office for students of both universities next autumn.",
    "lyon": "Lyon and Birmingham celebrated thirty years as sister cities on Friday, the city of "
    "Lyon said. The mayor of Lyon, visiting Birmingham with a delegation of artists, said "
    "the two cities would expand student exchanges and hold a joint festival next summer "
    "to mark the anniversary of the twinning signed in 1994.",
}


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link><guid>{link}</guid>"
                    "</item>" for n, link in enumerate(links))  # fmt: skip
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>City news</title>'
            f"<link>https://example.org/</link>{items}</channel></rss>").encode()  # fmt: skip


def atom(*links: str) -> bytes:
    entries = "".join(f'<entry><title>Story {n}</title><id>urn:story:{n}</id><link href="{link}"'
                      "/><updated>2026-12-01T09:00:00Z</updated></entry>"
                      for n, link in enumerate(links))  # fmt: skip
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Twinning news</title><id>urn:feed</id>{entries}</feed>").encode()  # fmt: skip


def alerts(*links: str) -> bytes:
    """A Google Alerts feed: Atom whose links are Google redirects to the article."""
    redirects = [f"https://www.google.com/url?rct=j&amp;sa=t&amp;url={link}&amp;ct=ga"
                 for link in links]  # fmt: skip
    return atom(*redirects).replace(b"urn:story", b"tag:google.com,2013:googlealerts/feed:1")


@pytest.fixture
def server():
    server = ArticleServer()
    for name, text in STORIES.items():
        server.add(f"/{name}", article_html(f"{name.title()} news\n\n{text}"))
    yield server
    server.stop()


@pytest.fixture
def feeding(settings, standin):
    """The app with the local server allowed, as CITYLINK_FETCH_ALLOW_HOSTS would."""
    allowed = settings.model_copy(update={"citylink_fetch_allow_hosts": ["127.0.0.1"]})
    services = make_services(allowed)
    return Slack(build_app(allowed, services), standin), services


def team_articles(services, team="T111") -> int:
    with services.lookups.sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(models.Article)
                              .where(models.Article.scope == team))  # fmt: skip


def due_again(services) -> None:
    """As if an hour had passed: every feed is due."""
    with services.feeds.sessions.begin() as session:
        past = models.utcnow() - timedelta(minutes=1)
        session.execute(update(models.Feed).values(next_check_at=past))


def test_rss_atom_and_alerts_items_are_each_ingested_once(feeding, server):
    slack, services = feeding
    url = server.origin
    server.add("/rss", rss(f"{url}/kumamoto", f"{url}/turku"), "application/rss+xml")
    server.add("/atom", atom(f"{url}/turku", f"{url}/lyon"), "application/atom+xml")
    server.add("/alerts", alerts(f"{url}/lyon"), "application/atom+xml")
    for path in ("/rss", "/atom", "/alerts"):
        assert "Following" in all_text(slack.answer(f"feed add {url}{path}")["blocks"])
    polled = services.feeds.poll_due()
    assert sorted(p.new for p in polled) == [0, 1, 2]  # each story once, whichever feed first
    assert team_articles(services) == 3
    assert sorted(server.hits).count("/lyon") == 1  # the Alerts redirect was unwrapped
    due_again(services)
    assert sum(p.new for p in services.feeds.poll_due()) == 0
    assert team_articles(services) == 3 and server.hits.count("/turku") == 1
    listed = all_text(slack.answer("feed list")["blocks"])
    assert "3." in listed and "2 items taken" in listed


def test_a_feed_answering_304_costs_no_ingestion(feeding, server):
    slack, services = feeding
    feed = server.add("/rss", rss(f"{server.origin}/kumamoto"), "application/rss+xml",
                      headers={"ETag": '"v1"'})  # fmt: skip
    slack.answer(f"feed add {feed}")
    assert services.feeds.poll_due()[0].new == 1
    due_again(services)
    again = services.feeds.poll_due()[0]
    assert again.not_modified and server.not_modified == ["/rss"]
    assert server.hits.count("/kumamoto") == 1


def test_a_failing_feed_backs_off_and_says_so(feeding, server):
    slack, services = feeding
    feed = server.add("/broken", b"oops", "text/plain", status=500)
    slack.answer(f"feed add {feed}")
    first = services.feeds.poll_due()[0]
    assert first.error and "server error" in first.error
    assert services.feeds.poll_due() == []  # not due again at once
    listed = all_text(slack.answer("feed list")["blocks"])
    assert "last error" in listed and "1 time in a row" in listed
    due_again(services)
    services.feeds.poll_due()
    (followed,) = services.feeds.of_team("T111")
    assert followed.failures == 2
    assert followed.next_check_at - followed.checked_at >= timedelta(minutes=4 * 60)


def test_an_item_pointing_to_a_private_address_is_refused(feeding, server):
    slack, services = feeding
    feed = server.add("/rss", rss("http://10.0.0.7/intranet"), "application/rss+xml")
    slack.answer(f"feed add {feed}")
    assert services.feeds.poll_due()[0].new == 0
    with services.feeds.sessions.begin() as session:
        outcome = session.scalar(select(models.FeedItem.outcome))
    assert "public internet" in outcome
    assert team_articles(services) == 0


def test_feeds_belong_to_their_team_and_can_be_removed(feeding, server):
    slack, _ = feeding
    feed = server.add("/rss", rss(f"{server.origin}/kumamoto"), "application/rss+xml")
    slack.answer(f"feed add {feed}")
    assert "follows no feed" in all_text(slack.answer("feed list", team="T222")["blocks"])
    assert "already" in all_text(slack.answer(f"feed add {feed}")["blocks"])
    assert "Stopped following" in all_text(slack.answer("feed remove 1")["blocks"])
    assert "follows no feed" in all_text(slack.answer("feed list")["blocks"])
    assert "http://" in all_text(slack.answer("feed add ftp://example.org/x")["blocks"])


def test_a_link_slack_escaped_is_followed_as_the_address_it_stands_for(feeding, server):
    slack, services = feeding
    feed = server.add("/rss", rss(f"{server.origin}/kumamoto"), "application/rss+xml")
    slack.answer(f"feed add <{feed}?topic=twinning&amp;lang=en|City news>")
    (followed,) = services.feeds.of_team("T111")
    assert followed.url == f"{feed}?topic=twinning&lang=en"
    assert "Stopped following" in all_text(
        slack.answer(f"feed remove {feed}?topic=twinning&amp;lang=en")["blocks"])  # fmt: skip


def test_an_item_whose_reading_failed_is_read_again_later(feeding, server, monkeypatch):
    slack, services = feeding
    feed = server.add("/rss", rss(f"{server.origin}/kumamoto"), "application/rss+xml")
    slack.answer(f"feed add {feed}")

    def store_gone(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("the store went away"))

    monkeypatch.setattr(services.feeds.ingesting, "ingest", store_gone)
    assert services.feeds.poll_due()[0].new == 0
    monkeypatch.undo()
    due_again(services)
    assert services.feeds.poll_due()[0].new == 0  # taken a moment ago: its poller may be at it
    with services.feeds.sessions.begin() as session:
        an_hour_ago = models.utcnow() - timedelta(hours=1)
        session.execute(update(models.FeedItem).values(seen_at=an_hour_ago))
    due_again(services)
    assert services.feeds.poll_due()[0].new == 1
    assert team_articles(services) == 1
    (followed,) = services.feeds.of_team("T111")
    assert followed.items_taken == 1  # read on its second try, taken once
