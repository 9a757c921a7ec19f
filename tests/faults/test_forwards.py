"""A forward ends stored and answered, or answered with what went wrong: a web worker killed
half way, or a store that fails while the forward is read, loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from bench.serving import free_port
from bot.config import load_settings
from bot.simulate import JSON, signed_headers
from bot.standin import WebAPIStandIn
from bot.wiring import store_sessions
from services.forwarding import ForwardService
from services.inbox import KEPT_FOR_LATER, ForwardInbox
from services.ingesting import IngestService
from store import models
from store.db import make_engine, make_sessions
from store.forward_requests import PendingForward
from tests.articles_server import article_html
from tests.faults.test_store import ARTICLE, hold_write_lock
from tests.slack.conftest import PAYLOADS, all_text, corpus_store  # noqa: F401

SECRET = "kill-test-secret"


@pytest.fixture
def store_url(tmp_path, corpus_store) -> str:  # noqa: F811 - the Slack tests' fixture
    shutil.copy(corpus_store, tmp_path / "citylink.db")
    return f"sqlite:///{tmp_path / 'citylink.db'}"


def _env(store_url: str, standin: WebAPIStandIn, **more: str) -> dict:
    return {**os.environ, "DATABASE_URL": store_url, "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": standin.url,
            "CITYLINK_FETCH_ALLOW_HOSTS": "127.0.0.1", **more}  # fmt: skip


def _serve(env: dict, cwd: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], env={**env, "PORT": str(
        port)}, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)  # fmt: skip
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError("citylink serve did not start")


def _dm_body(text: str) -> str:
    body = json.loads((PAYLOADS / "event_callback.message_im.docs.json").read_text())
    body["event"].update(text=text, ts="1700000000.000200")
    body.update(
        event_id="EvKILLED1",
        team_id="T111",
        authorizations=[{"team_id": "T111", "user_id": "UCITYLINK", "is_bot": True}],
    )
    return json.dumps(body)


def test_a_forward_whose_worker_is_killed_is_answered_by_the_clock(
    store_url, standin, web, tmp_path
):
    url = web.add("/slow", article_html(ARTICLE), delay=60)
    env = _env(store_url, standin)
    server, base = _serve(env, tmp_path)
    try:
        body = _dm_body(f"<{url}>")
        headers = {k: v[0] for k, v in signed_headers(SECRET, body, JSON).items()}
        assert httpx.post(f"{base}/slack/events", content=body, headers=headers).status_code == 200
        deadline = time.monotonic() + 30
        while "/slow" not in web.hits and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "/slow" in web.hits  # the worker is reading the article now
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    assert not standin.calls_to("chat.postMessage")

    sessions = make_sessions(make_engine(store_url))
    with sessions.begin() as session:  # the killed worker's claim runs out
        kept = session.scalars(select(models.ForwardRequest)).one()
        assert (kept.status, kept.scope) == ("working", "T111")
        session.execute(update(models.ForwardRequest).values(
            claimed_at=kept.claimed_at - timedelta(hours=1)))  # fmt: skip
    web.add("/slow", article_html(ARTICLE))
    clock = subprocess.run([sys.executable, "-m", "bot", "clock", "--once"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, timeout=180)  # fmt: skip
    assert clock.returncode == 0, clock.stderr
    answer = standin.calls_to("chat.postMessage")[0].params
    assert answer["thread_ts"] == "1700000000.000200"
    assert "Learned from" in all_text(answer["blocks"])
    with sessions.begin() as session:
        assert session.scalars(select(models.ForwardRequest)).all() == []
        scopes = session.scalars(select(models.Article.scope).where(
            models.Article.ingested_via == "dm")).all()  # fmt: skip
        assert scopes == ["T111"]


def test_a_store_failing_while_a_forward_is_read_keeps_it_until_it_is_answered(
    store_url, extractor
):
    settings = load_settings(database_url=store_url)
    store_sessions(settings)  # migrated
    impatient = make_sessions(make_engine(store_url, answer_within=0.2, writer=True))
    forwarding = ForwardService(IngestService(impatient, extractor), fetch=None,
                                api_url="https://slack.com/api/")  # fmt: skip
    clock = [models.utcnow()]
    inbox = ForwardInbox(impatient, forwarding, now=lambda: clock[0], sleep=lambda _: None)
    forward = PendingForward(key="EvLOCKED", scope="T111", user_id="U1", via="dm",
                             text=ARTICLE.replace("\n", ". "), channel_id="D1",
                             thread_ts="1.2")  # fmt: skip
    assert inbox.accept(forward)

    hold_write_lock(store_url, seconds=3)
    answer = inbox.read(forward, lambda team: None)
    assert (answer.done, answer.view.text) == (False, KEPT_FOR_LATER)
    while _locked(store_url):
        time.sleep(0.1)
    assert list(inbox.resume(lambda team: None)) == []  # too soon: nobody lost it yet

    clock[0] += timedelta(minutes=5)
    resumed = list(inbox.resume(lambda team: None))
    assert [a.done for a in resumed] == [True]
    assert "Learned from" in all_text(resumed[0].view.blocks)
    assert list(inbox.resume(lambda team: None)) == []  # answered once


def _locked(store_url: str) -> bool:
    connection = sqlite3.connect(store_url.removeprefix("sqlite:///"), timeout=0)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        connection.close()
