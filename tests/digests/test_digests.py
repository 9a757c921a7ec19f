"""Digests as a subscribed channel sees them, on a clock the tests control."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from facts.shapes import Place
from services.digest_chart import chart_data
from services.schedule import Schedule
from store import digests
from tests.digests.conftest import DUNEDIN, MONDAY_9, SHANGHAI, STIRLING, posts
from tests.slack.conftest import all_text
from views.digest_chart import draw


def test_due_times_follow_the_local_clock_and_its_zone():
    weekly = Schedule("weekly", 0, "09:00", "UTC")
    assert weekly.last_due(MONDAY_9) == MONDAY_9
    assert weekly.last_due(MONDAY_9 - timedelta(minutes=1)) == MONDAY_9 - timedelta(days=7)
    assert weekly.last_due(MONDAY_9 + timedelta(days=3)) == MONDAY_9
    daily = Schedule("daily", 0, "18:30", "Asia/Shanghai")  # 10:30 UTC
    assert daily.last_due(datetime(2026, 11, 20, 11, 0, tzinfo=UTC)) == datetime(
        2026, 11, 20, 10, 30, tzinfo=UTC)  # fmt: skip
    berlin = Schedule("weekly", 0, "09:00", "Europe/Berlin")  # CET in winter, CEST in summer
    assert berlin.last_due(MONDAY_9).hour == 8
    assert berlin.last_due(datetime(2026, 7, 13, 9, 0, tzinfo=UTC)).hour == 7


def test_a_week_of_news_is_posted_once_then_the_next_week_starts_where_it_ended(
    service, subscribe, report, clock, standin
):
    subscribe()
    report(MONDAY_9 - timedelta(days=2), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    clock.now = MONDAY_9 + timedelta(minutes=1)
    assert service.send_due()[0].status == "sent"
    assert service.send_due()[0].status == "up to date"
    (post,) = posts(standin)
    text = all_text(post["blocks"])
    assert "Partnership news" in text and "Dunedin" in text and "1 new link" in text
    report(MONDAY_9 + timedelta(days=1), (DUNEDIN, STIRLING, "visit", "new"))
    clock.advance(days=7)
    assert service.send_due()[0].status == "sent"
    second = all_text(posts(standin)[1]["blocks"])
    assert "Stirling" in second and "Shanghai" not in second  # nothing repeated


def test_an_empty_week_says_so_or_is_skipped(service, subscribe, clock, standin):
    subscribe("C1")
    subscribe("C2", skip_empty=True)
    clock.now = MONDAY_9 + timedelta(hours=1)
    outcomes = {o.channel_id: o.status for o in service.send_due()}
    assert outcomes == {"C1": "sent", "C2": "empty"}
    (post,) = posts(standin)
    assert post["channel"] == "C1" and "No new partnership news" in post["text"]


def test_filters_keep_the_places_and_kinds_asked_for_and_drop_muted_words(
    service, subscribe, report, clock, standin
):
    subscribe(places=[STIRLING.key], kinds=["visit", "sister_city"], muted_words=["rugby"])
    report(MONDAY_9 - timedelta(days=1), (DUNEDIN, STIRLING, "visit", "new"))
    report(MONDAY_9 - timedelta(days=1), (DUNEDIN, STIRLING, "mou", "new"), title="MoU")
    report(MONDAY_9 - timedelta(days=1), (DUNEDIN, SHANGHAI, "sister_city", "new"), title="SH")
    report(MONDAY_9 - timedelta(days=1), (STIRLING, SHANGHAI, "sister_city", "proposed"),
           title="Rugby tour")  # fmt: skip
    clock.now = MONDAY_9
    service.send_due()
    text = all_text(posts(standin)[0]["blocks"])
    assert "Dunedin* \u2192 *Stirling" in text
    assert "memorandum" not in text and "Shanghai" not in text


def test_a_busy_week_fits_one_message_with_lists_as_one_line(
    service, subscribe, report, clock, standin, sessions
):
    subscribe()
    for n in range(94):
        town = Place(f"Town {n}", "NZ", "city", geonameid=9_000_000 + n)
        at = MONDAY_9 - timedelta(days=6, minutes=n)
        report(at, (town, SHANGHAI, "mou", "new"), title=f"Deal {n}")
    mayors = [Place(f"Valley {n}", "US", "city", geonameid=9_100_000 + n) for n in range(6)]
    visits = [(m, SHANGHAI, "visit", "new") for m in mayors]
    report(
        MONDAY_9 - timedelta(days=1),
        *visits,
        title="Mayors",
        sentence="Mayors of six valley towns visited Shanghai.",
    )
    clock.now = MONDAY_9
    assert service.send_due()[0].status == "sent"
    (message,) = posts(standin)  # 100 links, one message
    assert len(message["blocks"]) <= 50 and len(str(message["blocks"])) < 13_000
    text = str(message["blocks"])
    assert "6 places: *Valley" in text and "*Valley 0* \u2192 *Shanghai*" in text
    assert text.count("Mayors of six valley towns") <= 1  # one line, at most one quote
    assert "Most active: Shanghai (100)" in text
    with sessions.begin() as session:  # its chart: the same 100 links
        chart = chart_data(session, service.subscription("C1"), MONDAY_9)
    assert sum(map(sum, chart.counts.values())) == 100 and chart.busiest[0] == ("Shanghai", 100)
    (upload,) = [c.params["_body"] for c in standin.calls if c.method.startswith("/upload/")]
    assert upload == draw(chart)


def test_a_long_digest_is_split_within_slack_limits(service, subscribe, report, clock, standin):
    subscribe()
    for n in range(300):
        town = Place(f"Town {n}", "NZ", "city", geonameid=9_000_000 + n)
        sentence = "{a} sent a delegation to {b}. " + "Long. " * 60
        at = MONDAY_9 - timedelta(days=6, minutes=n)
        report(at, (town, SHANGHAI, "visit", "new"), title=f"Visit {n}", sentence=sentence)
    clock.now = MONDAY_9
    assert service.send_due()[0].status == "sent"
    messages = posts(standin)
    assert len(messages) >= 2
    assert all(len(m["blocks"]) <= 50 for m in messages)
    assert all(len(str(m["blocks"])) < 13_000 for m in messages)
    assert clock.slept and all(s <= 1.0 for s in clock.slept)  # paced, one per second


def test_rate_limits_are_waited_out(service, subscribe, clock, standin):
    subscribe()
    standin.fail("chat.postMessage", 429, retry_after=1)
    clock.now = MONDAY_9
    assert service.send_due()[0].status == "sent"
    assert len(posts(standin)) == 1


def test_a_failed_post_is_retried_on_the_next_run(service, subscribe, clock, standin):
    subscribe()
    standin.fail("chat.postMessage", 500)  # Slack may have posted it: not sent again at once
    clock.now = MONDAY_9
    assert service.send_due()[0].status == "failed"
    assert len(standin.calls_to("chat.postMessage")) == 1
    clock.advance(minutes=1)
    assert service.send_due()[0].status == "sent"
    assert len(posts(standin)) == 1


def test_a_crash_between_claim_and_post_loses_nothing(service, subscribe, sessions, clock, standin):
    subscription = subscribe()
    clock.now = MONDAY_9
    with sessions.begin() as session:  # a worker claims the digest, then dies
        start = MONDAY_9 - timedelta(days=7)
        digests.claim_digest(session, subscription.id, start, MONDAY_9, worker="dead",
                             now=clock(), lease=timedelta(minutes=15))  # fmt: skip
    clock.advance(minutes=5)
    assert service.send_due()[0].status == "taken"  # its claim may still be working
    clock.advance(minutes=20)
    assert service.send_due()[0].status == "sent"
    assert len(posts(standin)) == 1


def test_send_now_posts_only_what_is_new(service, subscribe, report, clock, standin):
    subscription = subscribe()
    clock.now = MONDAY_9 + timedelta(days=2)
    report(clock.now - timedelta(hours=1), (DUNEDIN, SHANGHAI, "mou", "new"))
    assert service.send_now(subscription).status == "sent"
    clock.advance(minutes=1)
    assert service.send_now(subscription).status == "up to date"
    assert len(posts(standin)) == 1
