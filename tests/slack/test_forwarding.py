"""Forwarding articles to the bot through the real app: DMs, mentions, the shortcut, files."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.app import build_app
from bot.simulate import FORM, dispatch
from bot.wiring import make_services
from ingest.fetch import fetch_article
from services.forwarding import ForwardService
from services.inbox import ForwardInbox
from store import models
from tests.articles_server import article_html
from tests.pdf import make_pdf
from tests.slack.conftest import PAYLOADS, SECRET, Slack, all_text

DEV = Path(__file__).resolve().parents[2] / "data" / "dev" / "articles"
TWINNING = (DEV / "dev_01_schwetzingen_luneville.txt").read_text(encoding="utf-8")
PASTED = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities."
)


@pytest.fixture
def forwarding(settings, standin, extractor):
    """The app with the local article server allowed, as CITYLINK_FETCH_ALLOW_HOSTS would."""
    allowed = settings.model_copy(update={"citylink_fetch_allow_hosts": ["127.0.0.1"]})
    return Slack(build_app(allowed, make_services(allowed)), standin)


def dm(text: str, *, ts: str = "1700000000.000100", files=None) -> dict:
    event = json.loads((PAYLOADS / "event_callback.message_im.docs.json").read_text())["event"]
    event.update(text=text, ts=ts, event_ts=ts)
    if files:
        event.update(subtype="file_share", files=files)
    return event


def reply(slack: Slack, count: int = 1) -> dict:
    return slack.wait_for("chat.postMessage", count, timeout=30)[count - 1].params


def forwards(settings) -> list[models.Forward]:
    services = make_services(settings)
    with services.lookups.sessions.begin() as session:
        return list(session.scalars(select(models.Forward).order_by(models.Forward.id)))


def article_count(settings) -> int:
    with make_services(settings).lookups.sessions.begin() as session:
        return session.scalar(select(func.count(models.Article.id)))


def test_a_linked_article_in_a_dm_is_learned_and_answered_in_the_thread(forwarding, web, settings):
    url = web.add("/news/twinning?utm_source=slack", article_html(TWINNING))
    assert (
        forwarding.event(dm(f"look at this <{url.replace('&', '&amp;')}|twinning>")).status == 200
    )
    answer = reply(forwarding)
    assert answer["thread_ts"] == "1700000000.000100"
    text = all_text(answer["blocks"])
    assert "Learned from Schwetzingen and Lun" in text
    assert "Schwetzingen" in text and "sister cities" in text
    (forward,) = [f for f in forwards(settings) if f.via == "dm"]
    assert (forward.user_id, forward.channel_id) == ("U2147483697", "D024BE91L")


def test_the_same_article_twice_is_one_article_with_two_forwards(forwarding, web, settings):
    url = web.add("/a", article_html(TWINNING))
    before = article_count(settings)
    forwarding.event(dm(f"<{url}>", ts="1.1"))
    reply(forwarding)
    forwarding.event(dm(f"<{url}#comments>", ts="1.2"))
    second = all_text(reply(forwarding, 2)["blocks"])
    assert "Already known" in second and "<@U2147483697>" in second
    assert article_count(settings) == before + 1
    assert len([f for f in forwards(settings) if f.via == "dm"]) == 2


def test_a_retried_event_gives_one_ingestion_and_one_reply(forwarding, web, settings):
    url = web.add("/b", article_html(TWINNING))
    body = dm(f"<{url}>")
    forwarding.event(body, event_id="Ev0RETRIED")
    forwarding.event(body, event_id="Ev0RETRIED", x_slack_retry_num="1",
                     x_slack_retry_reason="http_timeout")  # fmt: skip
    reply(forwarding)
    time.sleep(0.5)
    assert len(forwarding.standin.calls_to("chat.postMessage")) == 1
    assert web.hits.count("/b") == 1


def test_a_retry_reaching_another_worker_process_is_dropped(forwarding, settings, web):
    """Each gunicorn worker is its own app with its own memory; the store is shared."""
    allowed = settings.model_copy(update={"citylink_fetch_allow_hosts": ["127.0.0.1"]})
    other = Slack(build_app(allowed, make_services(allowed)), forwarding.standin)
    url = web.add("/c", article_html(TWINNING))
    forwarding.event(dm(f"<{url}>"), event_id="Ev0ELSEWHERE")
    retried = other.event(dm(f"<{url}>"), event_id="Ev0ELSEWHERE", x_slack_retry_num="1",
                          x_slack_retry_reason="http_timeout")  # fmt: skip
    assert retried.status == 200
    reply(forwarding)
    time.sleep(0.5)
    assert len(forwarding.standin.calls_to("chat.postMessage")) == 1
    assert web.hits.count("/c") == 1


def test_the_ack_comes_before_the_slow_work(forwarding, web):
    url = web.add("/slow", article_html(TWINNING), delay=1.5)
    assert forwarding.event(dm(f"<{url}>")).status == 200
    assert not forwarding.standin.calls_to("chat.postMessage")  # the reply comes later
    assert "Learned" in all_text(reply(forwarding)["blocks"])


def test_a_mention_with_pasted_text_is_learned(forwarding):
    mention = {"type": "app_mention", "user": "W222", "channel": "C111", "ts": "5.5",
               "text": f"<@W111> {PASTED}"}  # fmt: skip
    assert forwarding.event(mention).status == 200
    answer = reply(forwarding)
    assert answer["channel"] == "C111" and answer["thread_ts"] == "5.5"
    assert "Kumamoto" in all_text(answer["blocks"])


def test_a_short_remark_gets_a_hint_not_an_ingestion(forwarding, settings):
    before = article_count(settings)
    forwarding.event(dm("thanks!"))
    assert "Send me a link" in all_text(reply(forwarding)["blocks"])
    assert article_count(settings) == before


def test_the_message_shortcut_learns_from_the_message(forwarding, web):
    url = web.add("/c", article_html(TWINNING))
    payload = json.loads((PAYLOADS / "message_action.json").read_text())
    payload["callback_id"] = "send_to_citylink"
    payload["message"]["text"] = f"Worth a read: <{url}>"
    payload["response_url"] = forwarding.response_url()
    body = urlencode({"payload": json.dumps(payload)})
    assert dispatch(forwarding.app, SECRET, body, FORM).status == 200
    answer = reply(forwarding)
    assert answer["thread_ts"] == payload["message"]["ts"]
    assert "Learned from" in all_text(answer["blocks"])


def test_files_shared_in_a_dm_are_downloaded_and_learned(forwarding, standin):
    page = standin.serve_file("/files/twinning.html", article_html(TWINNING), "text/html")
    pdf = standin.serve_file("/files/kumamoto.pdf", make_pdf(["Kumamoto and Suwon", PASTED]),
                             "application/pdf")  # fmt: skip
    files = [{"name": "twinning.html", "mimetype": "text/html", "url_private_download": page},
             {"name": "kumamoto.pdf", "mimetype": "application/pdf",
              "url_private_download": pdf}]  # fmt: skip
    forwarding.event(dm("", files=files))
    text = all_text(reply(forwarding)["blocks"])
    assert "Schwetzingen" in text and "Kumamoto" in text
    downloads = [c for c in standin.calls if c.method.startswith("/files/")]
    assert all(c.headers.get("Authorization") == "Bearer xoxb-test" for c in downloads)


@pytest.mark.parametrize("where", ["plain http", "another port", "another host"])
def test_the_bot_token_goes_only_to_slacks_file_hosts_over_https(forwarding, web, where):
    page = web.add("/files/twinning.html", article_html(TWINNING))  # not the Web API's origin
    url = {"plain http": "http://files.slack.com/files-pri/T1-F1/twinning.html",
           "another port": "https://files.slack.com:8443/files-pri/T1-F1/twinning.html",
           "another host": page}[where]  # fmt: skip
    forwarding.event(dm("", files=[{"name": "twinning.html", "url_private_download": url}]))
    assert "could not download that file" in all_text(reply(forwarding)["blocks"])
    assert web.hits == []


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/",
    "file:///etc/passwd", "gopher://127.0.0.1:70/",
])  # fmt: skip
def test_hostile_links_are_refused_with_a_reason(forwarding, url, settings):
    before = article_count(settings)
    forwarding.event(dm(f"<{url}>"))
    text = all_text(reply(forwarding)["blocks"])
    assert ":warning:" in text
    assert article_count(settings) == before


def test_the_local_server_is_refused_without_the_setting(slack, web):
    url = web.add("/d", article_html(TWINNING))
    slack.event(dm(f"<{url}>"))
    assert ":warning:" in all_text(reply(slack)["blocks"])
    assert "/d" not in web.hits


def test_a_redirect_into_a_private_address_is_refused(forwarding, web):
    hop = web.redirect("/e", "http://10.0.0.1/admin")
    forwarding.event(dm(f"<{hop}>"))
    assert ":warning:" in all_text(reply(forwarding)["blocks"])


def test_an_image_link_gets_a_reason(forwarding, web):
    url = web.add("/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    forwarding.event(dm(f"<{url}>"))
    assert ":warning:" in all_text(reply(forwarding)["blocks"])


def test_a_page_over_the_cap_gets_a_reason(forwarding, web):
    url = web.add("/huge", b"<html><body><p>" + b"word " * 1_300_000 + b"</p></body></html>")
    forwarding.event(dm(f"<{url}>"))
    assert "5 MB" in all_text(reply(forwarding)["blocks"])


def test_a_server_that_never_answers_gets_a_reason(settings, standin, web):
    allowed = settings.model_copy(update={"citylink_fetch_allow_hosts": ["127.0.0.1"]})
    services = make_services(allowed)
    patient = partial(fetch_article, allow_hosts={"127.0.0.1"}, timeout=(1.0, 1.0))
    forwarding = ForwardService(services.forwarding.ingesting, patient,
                                api_url=allowed.slack_api_url)  # fmt: skip
    quick = replace(services, forwarding=forwarding,
                    inbox=ForwardInbox(services.inbox.sessions, forwarding))  # fmt: skip
    slack = Slack(build_app(allowed, quick), standin)
    url = web.add("/stuck", article_html(TWINNING), delay=5)
    slack.event(dm(f"<{url}>"))
    assert "did not answer" in all_text(reply(slack)["blocks"])


def test_a_card_asked_again_after_a_forward_shows_what_the_article_taught(forwarding):
    before = all_text(forwarding.answer("Kumamoto")["blocks"])
    assert "Suwon" not in before
    assert all_text(forwarding.answer("Kumamoto")["blocks"]) == before  # asked again, the same
    forwarding.event(dm(PASTED))
    reply(forwarding)
    assert "Suwon" in all_text(forwarding.answer("Kumamoto")["blocks"])


def test_other_workers_see_a_forward_in_their_next_lookups(forwarding, settings, standin):
    second = Slack(build_app(settings, make_services(settings)), standin)  # on the same store
    assert "Suwon" not in all_text(second.answer("Kumamoto")["blocks"])  # it asked before
    forwarding.event(dm(PASTED))
    reply(forwarding)
    assert "Suwon" in all_text(second.answer("Kumamoto")["blocks"])


def test_stats_asked_again_after_a_forward_count_the_new_article(forwarding):
    before = all_text(forwarding.answer("stats")["blocks"])
    forwarding.event(dm(PASTED))
    reply(forwarding)
    after = all_text(forwarding.answer("stats")["blocks"])
    assert articles_known(after) == articles_known(before) + 1


def articles_known(stats: str) -> int:
    """N in the stats answer "I know N articles, ..."."""
    return int(stats.split("I know ")[1].split()[0])
