"""`citylink serve` as deployed: gunicorn in its own process, real HTTP, signed requests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from urllib.parse import urlencode

import httpx
import pytest

from bench.serving import free_port, tree
from bot.simulate import FORM, signed_headers
from bot.standin import WebAPIStandIn

SECRET = "serve-test-secret"


def _serve(tmp_path, standin: WebAPIStandIn, *, seed: bool) -> tuple[str, subprocess.Popen]:
    """`citylink serve` on a SQLite store, seeded first as the Procfile's `release:` line does."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'citylink.db'}",
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": standin.url, "PORT": str(port)}  # fmt: skip
    if seed:
        subprocess.run([sys.executable, "-m", "bot", "db", "upgrade", "--seed"], env=env,
                       cwd=tmp_path, check=True, capture_output=True, timeout=300)  # fmt: skip
    process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    return base, process


def _stop(process: subprocess.Popen) -> str:
    """Stop the server gracefully; what it logged."""
    process.terminate()
    return process.communicate(timeout=30)[0].decode(errors="replace")


@pytest.fixture
def server(tmp_path):
    """`citylink serve` on a store seeded by `citylink db upgrade --seed`."""
    standin = WebAPIStandIn().start()
    base, process = _serve(tmp_path, standin, seed=True)
    yield base, process
    _stop(process)
    standin.stop()


def _slash(base: str, text: str, secret: str = SECRET) -> httpx.Response:
    body = urlencode({"command": "/citylink", "text": text, "team_id": "T1", "user_id": "U1",
                      "channel_id": "C1", "response_url": "http://127.0.0.1:9/unused"})  # fmt: skip
    headers = {k: v[0] for k, v in signed_headers(secret, body, FORM).items()}
    return httpx.post(f"{base}/slack/events", content=body, headers=headers, timeout=10)


def test_serve_answers_health_and_slash_commands_over_http(server):
    server, _ = server
    assert httpx.get(f"{server}/healthz").text == "ok\n"
    response = _slash(server, "Chungking")
    assert response.status_code == 200
    assert json.loads(response.text)["blocks"][0]["text"]["text"] == "Chongqing"
    assert _slash(server, "Chongqing", secret="wrong").status_code == 401
    assert httpx.get(f"{server}/nowhere").status_code == 404


def test_serve_answers_from_the_seeded_store_with_one_worker(server):
    base, process = server
    assert "I know 5 articles" in _slash(base, "stats").text
    workers = tree(process.pid)[1:]  # the master's descendants
    assert len(workers) == 1, "one worker process, with threads"


def test_serve_leaves_an_empty_store_empty_and_says_how_to_seed_it(tmp_path):
    standin = WebAPIStandIn().start()
    try:
        base, process = _serve(tmp_path, standin, seed=False)
        assert "I know 0 articles" in _slash(base, "stats").text
        logged = _stop(process)
    finally:
        standin.stop()
    assert "run `citylink db upgrade --seed`" in logged


def test_serve_says_so_and_stops_when_the_store_cannot_be_reached(tmp_path):
    env = {**os.environ, "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none",
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "PORT": str(free_port())}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "bot", "serve"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode != 0
    assert "cannot reach the store" in done.stderr
