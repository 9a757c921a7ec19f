"""The digest's chart: drawn from the store's links of the last twelve periods, shared in the
digest's thread, and never in the way of the digest's text."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from PIL import Image
from sqlalchemy import update

from services.digest_chart import chart_data
from store import models
from tests.digests.conftest import DUNEDIN, MONDAY_9, SHANGHAI, STIRLING, posts
from views.digest_chart import COLOURS, draw


def data(sessions, subscription, end=MONDAY_9):
    with sessions.begin() as session:
        return chart_data(session, subscription, end)


def uploads(standin) -> list[bytes]:
    return [c.params["_body"] for c in standin.calls if c.method.startswith("/upload/")]


def test_the_chart_counts_each_periods_new_links_by_kind(sessions, subscribe, report):
    subscription = subscribe()
    report(MONDAY_9 - timedelta(days=3), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    report(MONDAY_9 - timedelta(days=4), (STIRLING, SHANGHAI, "mou", "new"))
    report(MONDAY_9 - timedelta(weeks=5, days=1), (DUNEDIN, STIRLING, "visit", "new"))
    report(MONDAY_9 - timedelta(weeks=20), (STIRLING, DUNEDIN, "mou", "new"))  # too old
    # News again of a link known for weeks is not a new link.
    report(MONDAY_9 - timedelta(days=1), (DUNEDIN, STIRLING, "visit", "new"))

    chart = data(sessions, subscription)
    assert len(chart.starts) == 12 and chart.starts[-1] == MONDAY_9 - timedelta(weeks=1)
    assert chart.counts == {
        "sister_city": (0,) * 11 + (1,),
        "mou": (0,) * 11 + (1,),
        "visit": (0,) * 6 + (1,) + (0,) * 5,
    }
    assert chart.busiest == (("Dunedin", 2), ("Shanghai", 2), ("Stirling", 2))


def test_old_news_is_no_new_link_and_periods_start_in_the_digests_zone(sessions, subscribe, report):
    subscription = subscribe(frequency="daily", time_of_day="08:00", timezone="Asia/Tokyo")
    archive = report(MONDAY_9 - timedelta(hours=3), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    with sessions.begin() as session:  # an article of 2019, forwarded only now
        session.execute(update(models.Article).where(models.Article.id == archive.article_id)
                        .values(published_on=date(2019, 5, 1)))  # fmt: skip
    report(MONDAY_9 - timedelta(hours=4), (STIRLING, SHANGHAI, "mou", "new"))
    chart = data(sessions, subscription, end=MONDAY_9)
    assert chart.counts == {"mou": (0,) * 11 + (1,)}
    assert {(start.hour, start.utcoffset()) for start in chart.starts} == {
        (18, timedelta(hours=9))
    }  # MONDAY_9 is 09:00 UTC: 18:00 in Tokyo


def test_the_chart_keeps_to_the_subscriptions_filters(sessions, subscribe, report):
    subscription = subscribe(kinds=["mou"])
    report(MONDAY_9 - timedelta(days=3), (DUNEDIN, SHANGHAI, "sister_city", "new"),
           (STIRLING, SHANGHAI, "mou", "new"))  # fmt: skip
    assert data(sessions, subscription).counts == {"mou": (0,) * 11 + (1,)}


def test_the_image_is_drawn_from_the_store_and_changes_with_it(sessions, subscribe, report):
    subscription = subscribe()
    report(MONDAY_9 - timedelta(days=3), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    before = draw(data(sessions, subscription))
    assert draw(data(sessions, subscription)) == before  # the same data, the same picture
    image = Image.open(BytesIO(before))
    assert (image.format, image.size) == ("PNG", (1000, 400))

    report(MONDAY_9 - timedelta(weeks=2), (STIRLING, SHANGHAI, "trade_deal", "new"))
    after = draw(data(sessions, subscription))
    assert after != before
    trade = COLOURS["trade_deal"]
    assert not _shows(before, trade) and _shows(after, trade)  # a bar of the new kind


def _shows(png: bytes, colour: str) -> bool:
    """Whether the picture has a patch of `colour` (#rrggbb): a bar or its legend."""
    rgb = tuple(int(colour[n : n + 2], 16) for n in (1, 3, 5))
    image = Image.open(BytesIO(png)).convert("RGB")
    return sum(1 for pixel in image.get_flattened_data() if pixel == rgb) > 50


def test_the_digest_shares_its_chart_in_its_thread(service, subscribe, report, clock, standin):
    subscription = subscribe()
    report(MONDAY_9 - timedelta(days=3), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    clock.now = MONDAY_9
    outcome = service.send_due()[0]
    assert outcome.status == "sent" and "with its chart" in outcome.detail
    (message,) = posts(standin)
    (shared,) = standin.calls_to("files.completeUploadExternal")
    thread = standin.calls_to("chat.postMessage")[0]
    assert shared.params["channel_id"] == "C1"
    assert shared.params["thread_ts"] == outcome.detail.split()[0]
    assert uploads(standin) == [service.chart(subscription, MONDAY_9)]
    assert "Dunedin" in str(message["blocks"]) and thread.status == 200


def test_a_chart_that_cannot_be_shared_leaves_the_digest_sent(
    service, subscribe, report, clock, standin
):
    subscribe()
    report(MONDAY_9 - timedelta(days=3), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    standin.fail("files.getUploadURLExternal", 500, times=5)
    clock.now = MONDAY_9
    outcome = service.send_due()[0]
    assert outcome.status == "sent" and "chart not shared" in outcome.detail
    assert len(posts(standin)) == 1
    assert service.send_due()[0].status == "up to date"  # not posted again for its chart
    assert len(posts(standin)) == 1


def test_an_empty_digest_has_no_chart(service, subscribe, clock, standin):
    subscribe()
    clock.now = MONDAY_9
    assert service.send_due()[0].status == "sent"
    assert standin.calls_to("files.getUploadURLExternal") == []
