"""The Web API failing: rate limits waited out, a post never sent twice, a hang cut short."""

from __future__ import annotations

import logging
import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack_retries import TIMEOUT_SECONDS, retry_handlers
from bot.wiring import web_client
from services.digests import DigestService
from tests.digests.conftest import MONDAY_9, posts
from tests.faults.conftest import texts

HOME = {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}]}
BOTH_PARTS = ["Partnership news (1/2)", "Partnership news (2/2)"]


def impatient_client(standin) -> WebClient:
    """Our retry policy on a client that waits one second for Slack, not TIMEOUT_SECONDS."""
    return WebClient("xoxb-test", base_url=standin.url, timeout=1,
                     retry_handlers=retry_handlers())  # fmt: skip


def test_a_rate_limited_post_waits_as_told_and_posts_once(slack_settings, standin):
    standin.fail("chat.postMessage", 429, retry_after=1)
    started = time.monotonic()
    web_client(slack_settings).chat_postMessage(channel="C1", text="Dunedin and Shanghai")
    assert time.monotonic() - started >= 1
    assert texts(posts(standin)) == ["Dunedin and Shanghai"]


def test_a_server_error_on_views_publish_is_retried(slack_settings, standin):
    standin.fail("views.publish", 500, times=2)
    assert web_client(slack_settings).views_publish(user_id="U1", view=HOME)["ok"]
    assert [c.status for c in standin.calls_to("views.publish")] == [500, 500, 200]


def test_a_post_answered_with_a_server_error_is_not_sent_again(slack_settings, standin):
    standin.fail("chat.postMessage", 500)
    with pytest.raises(SlackApiError, match="standin_failure"):
        web_client(slack_settings).chat_postMessage(channel="C1", text="Dunedin and Shanghai")
    assert len(standin.calls_to("chat.postMessage")) == 1


def test_a_digest_part_answered_with_a_server_error_is_reported_and_resumed(
    service, subscribe, two_part_news, clock, standin, caplog
):
    subscribe()
    two_part_news(MONDAY_9)
    standin.fail("chat.postMessage", 500, after=1)  # part 1 goes out, part 2 gets a 500
    clock.now = MONDAY_9
    with caplog.at_level(logging.WARNING):
        outcome = service.send_due()[0]
    assert (outcome.status, outcome.detail) == ("failed", "standin_failure")
    assert "part 2 of 2 failed" in caplog.text
    assert len(standin.calls_to("chat.postMessage")) == 2  # nothing sent again at once
    clock.advance(minutes=1)  # the next run
    assert service.send_due()[0].status == "sent"
    assert texts(posts(standin)) == BOTH_PARTS


def test_a_post_that_hangs_gives_up_at_the_timeout_and_is_not_sent_again(slack_settings, standin):
    standin.hang("chat.postMessage", 60)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        web_client(slack_settings).chat_postMessage(channel="C1", text="Dunedin and Shanghai")
    assert TIMEOUT_SECONDS - 1 < time.monotonic() - started < TIMEOUT_SECONDS + 5  # not 30 s
    assert len(standin.calls_to("chat.postMessage")) == 1


def test_views_publish_that_hangs_is_sent_again(standin):
    standin.hang("views.publish", 60)
    assert impatient_client(standin).views_publish(user_id="U1", view=HOME)["ok"]
    assert [c.status for c in standin.calls_to("views.publish")] == [0, 200]


@pytest.fixture
def impatient(sessions, standin, clock) -> DigestService:
    client = impatient_client(standin)
    return DigestService(sessions, lambda team: client, worker="test", now=clock,
                         sleep=clock.sleep)  # fmt: skip


def test_a_digest_part_with_no_answer_is_posted_by_the_next_run(
    impatient, subscribe, two_part_news, clock, standin
):
    subscribe()
    two_part_news(MONDAY_9)
    standin.hang("chat.postMessage", 60, after=1)  # Slack never acts on part 2's first post
    clock.now = MONDAY_9
    outcome = impatient.send_due()[0]
    assert outcome.status == "failed" and "TimeoutError" in outcome.detail
    clock.advance(minutes=1)
    assert impatient.send_due()[0].status == "sent"
    assert texts(posts(standin)) == BOTH_PARTS


def test_a_part_slack_took_after_the_timeout_is_the_only_one_seen_twice(
    impatient, subscribe, two_part_news, clock, standin
):
    """At least once, for the one part whose post had no answer; never for a part recorded."""
    subscribe()
    two_part_news(MONDAY_9)
    standin.hang("chat.postMessage", 2, after=1)  # Slack posts part 2 after the client gave up
    clock.now = MONDAY_9
    assert impatient.send_due()[0].status == "failed"
    deadline = time.monotonic() + 10
    while standin.calls_to("chat.postMessage")[1].status == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # until Slack, late, takes it
    clock.advance(minutes=1)
    assert impatient.send_due()[0].status == "sent"
    assert texts(posts(standin)) == [*BOTH_PARTS, BOTH_PARTS[1]]
