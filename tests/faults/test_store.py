"""A store that is down, frozen or locked: every request answers within Slack's three seconds,
says what went wrong, loses nothing, and the app recovers by itself when the store is back."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.app import build_app
from bot.config import load_settings
from bot.server import Routes
from bot.wiring import make_services, store_sessions
from ingest.reader import iter_paths, read_path
from services.inbox import NOT_SAVED
from services.ingesting import Forward, IngestService
from tests.articles_server import article_html
from tests.conftest import POSTGRES_URL, _reset_postgres
from tests.faults.proxy import StoreProxy
from tests.slack.conftest import (  # noqa: F401 - fixtures shared with the Slack tests
    PAYLOADS,
    SECRET,
    Slack,
    all_text,
    buttons,
    corpus_store,
    settings,
)
from views.cards import STORE_DOWN

SLACK_SECONDS = 3.0  # Slack shows an error when the acknowledgement takes longer
CORPUS = Path(__file__).resolve().parents[2] / "data" / "articles"
ARTICLE = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday\n"
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities."
)
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs CITYLINK_TEST_DATABASE_URL")


def dm(text: str) -> dict:
    event = json.loads((PAYLOADS / "event_callback.message_im.docs.json").read_text())["event"]
    event.update(text=text, ts=f"{time.time():.6f}")
    return event


def timed(call):
    start = time.monotonic()
    result = call()
    return result, time.monotonic() - start


def health(routes: Routes) -> str:
    statuses = []
    routes({"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"}, lambda s, h: statuses.append(s))
    return statuses[0]


@pytest.fixture
def proxy():
    target = make_url(POSTGRES_URL)
    server = StoreProxy((target.host or "127.0.0.1", target.port or 5432)).start()
    yield server
    server.stop()


@pytest.fixture
def postgresql_slack(proxy, standin, extractor):
    """The app on PostgreSQL through the proxy, its store holding the bundled corpus."""
    _reset_postgres(POSTGRES_URL)
    on_proxy = load_settings(database_url=proxy.url(POSTGRES_URL), slack_api_url=standin.url,
                             slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                             citylink_fetch_allow_hosts="127.0.0.1")  # fmt: skip
    seeding = IngestService(store_sessions(on_proxy), extractor)
    for item in iter_paths([str(CORPUS)]):
        seeding.ingest(read_path(item), Forward(via="bundled"))
    services = make_services(on_proxy)
    app = build_app(on_proxy, services)
    return Slack(app, standin), Routes(app, services, signing_secret=SECRET)


@needs_postgres
@pytest.mark.parametrize("failure", ["freeze", "down"])
def test_lookups_answer_within_slacks_time_while_postgres_fails_and_recover(
    postgresql_slack, proxy, failure
):
    slack, routes = postgresql_slack
    card = slack.answer("Dunedin")
    assert "Shanghai" in all_text(card["blocks"])  # pooled connections open
    getattr(proxy, failure)()
    for place in ("Chongqing", "Stirling", "Dunedin, NZ"):  # not answered from memory
        answer, seconds = timed(lambda place=place: slack.answer(place))
        assert answer["text"] == STORE_DOWN
        assert seconds < SLACK_SECONDS
    status, seconds = timed(lambda: health(routes))
    assert status.startswith("503") and seconds < SLACK_SECONDS
    home = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"}
    response, seconds = timed(lambda: slack.event(home))
    assert response.status == 200 and seconds < SLACK_SECONDS
    tab = slack.wait_for("views.publish", timeout=15)[0].params["view"]
    assert all_text(tab["blocks"]) == STORE_DOWN
    share = next(b for b in buttons(card["blocks"]) if b["action_id"].startswith("citylink_share"))
    response, seconds = timed(lambda: slack.press(share))
    assert response.status == 200 and seconds < SLACK_SECONDS
    assert slack.wait_for("/response/", timeout=15)[-1].params["text"] == STORE_DOWN
    proxy.heal()
    assert "Chongqing" in all_text(slack.answer("Chungking")["blocks"])
    assert health(routes).startswith("200")


@needs_postgres
@pytest.mark.parametrize("failure", ["freeze", "down"])
def test_a_forward_while_postgres_fails_is_acknowledged_in_time_and_the_sender_told(
    postgresql_slack, proxy, standin, failure
):
    slack, _ = postgresql_slack
    slack.answer("help")
    getattr(proxy, failure)()
    response, seconds = timed(lambda: slack.event(dm(ARTICLE.replace("\n", ". "))))
    assert response.status == 200 and seconds < SLACK_SECONDS
    told = slack.wait_for("chat.postEphemeral", timeout=15)[0].params
    assert told["text"] == NOT_SAVED
    proxy.heal()
    slack.event(dm(ARTICLE.replace("\n", ". ")))
    assert "Learned from" in all_text(slack.wait_for("chat.postMessage", timeout=30)[0].params[
        "blocks"])  # fmt: skip


@pytest.fixture
def sqlite_slack(settings, standin):  # noqa: F811 - the Slack tests' settings fixture
    allowed = settings.model_copy(update={"citylink_fetch_allow_hosts": ["127.0.0.1"]})
    return Slack(build_app(allowed, make_services(allowed)), standin), allowed


def hold_write_lock(database_url: str, seconds: float) -> threading.Event:
    """Another process's writer holding SQLite's lock for `seconds`; set when it has it."""
    holding = threading.Event()

    def hold():
        connection = sqlite3.connect(make_url(database_url).database, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        holding.set()
        time.sleep(seconds)
        connection.execute("ROLLBACK")
        connection.close()

    threading.Thread(target=hold, daemon=True).start()
    holding.wait(5)
    return holding


def test_a_locked_sqlite_store_still_answers_lookups_and_tells_a_forwarder(sqlite_slack):
    slack, allowed = sqlite_slack
    slack.answer("help")
    hold_write_lock(allowed.database_url, seconds=6)
    answer, seconds = timed(lambda: slack.answer("Chongqing"))  # readers are not blocked
    assert "Chongqing" in all_text(answer["blocks"]) and seconds < SLACK_SECONDS
    response, seconds = timed(lambda: slack.event(dm(ARTICLE.replace("\n", ". "))))
    assert response.status == 200 and seconds < SLACK_SECONDS
    assert slack.wait_for("chat.postEphemeral", timeout=15)[0].params["text"] == NOT_SAVED


def test_a_writer_waits_for_a_short_lock_instead_of_failing(sqlite_slack):
    slack, allowed = sqlite_slack
    slack.answer("help")
    hold_write_lock(allowed.database_url, seconds=0.5)
    assert slack.event(dm(ARTICLE.replace("\n", ". "))).status == 200
    answer = slack.wait_for("chat.postMessage", timeout=30)[0].params
    assert "Learned from" in all_text(answer["blocks"])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_three_people_forwarding_one_new_link_at_once_are_all_answered(backend, web, request):
    if backend == "postgresql" and not POSTGRES_URL:
        pytest.skip("needs CITYLINK_TEST_DATABASE_URL")
    slack = request.getfixturevalue(f"{backend}_slack")[0]
    url = web.add("/twinned", article_html(ARTICLE), delay=0.3)
    people = [threading.Thread(target=slack.event, args=(dict(dm(f"<{url}>"), user=f"U{n}"),))
              for n in range(3)]  # fmt: skip
    for person in people:
        person.start()
    for person in people:
        person.join()
    replies = [c.params for c in slack.wait_for("chat.postMessage", 3, timeout=60)]
    said = [all_text(r["blocks"]) for r in replies]
    assert sum("Learned from" in s for s in said) == 1
    assert sum("Already known" in s for s in said) == 2
