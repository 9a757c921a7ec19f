"""`citylink serve --socket` as users run it: its own process, a real WebSocket, Slack stood in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.slack.conftest import PAYLOADS, wait_for_calls
from tests.slack.socket_mode_server import SocketModeServer

APP_TOKEN = "xapp-1-A111-1-local"
STARTUP_SECONDS = 60


def recorded_envelope(kind: str) -> dict:
    """The recorded Socket Mode envelope of `kind` ("slash_commands", "events_api", ...)."""
    lines = (PAYLOADS / "socket_mode_envelopes.jsonl").read_text().splitlines()
    return next(e for e in map(json.loads, lines) if e["type"] == kind)


@pytest.fixture
def socket_mode(standin):
    """Slack's WebSocket end, handed out by the stand-in's `apps.connections.open`."""
    server = SocketModeServer()
    standin.socket_url = server.url
    yield server
    server.close()


@pytest.fixture
def serving(settings, socket_mode, tmp_path):
    """`citylink serve --socket` on a copy of the corpus store, once it has connected."""
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "SLACK_API_URL": settings.slack_api_url,
        "SLACK_BOT_TOKEN": settings.slack_bot_token,
        "SLACK_SIGNING_SECRET": settings.slack_signing_secret,
        "SLACK_APP_TOKEN": APP_TOKEN,
    }
    command = [sys.executable, "-m", "bot", "serve", "--socket"]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_connected(process, socket_mode, log)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_connected(process, socket_mode: SocketModeServer, log) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not socket_mode.connected.wait(0.2):
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the app did not connect:\n{log.read_text()}")


def test_socket_mode_opens_its_connection_through_the_configured_web_api(serving, standin):
    opened = standin.calls_to("apps.connections.open")
    assert opened and opened[0].headers["Authorization"] == f"Bearer {APP_TOKEN}"


def test_a_slash_command_is_answered_in_its_acknowledgement(serving, socket_mode, standin):
    envelope = recorded_envelope("slash_commands")
    envelope["payload"].update(command="/citylink", text="Chongqing",
                               response_url=f"{standin.origin}response/1")  # fmt: skip
    socket_mode.send(envelope)
    ack = socket_mode.acknowledgement(envelope["envelope_id"])
    card = ack["payload"]
    assert card["response_type"] == "ephemeral"
    assert card["blocks"][0]["type"] == "header"
    assert card["blocks"][0]["text"]["text"] == "Chongqing"


def test_a_mention_is_acknowledged_then_answered_in_its_thread(serving, socket_mode, standin):
    envelope = recorded_envelope("events_api")  # a retry (retry_attempt 1) this process never saw
    mention = json.loads((PAYLOADS / "event_callback.app_mention.bolt_test.json").read_text())
    envelope["payload"]["event"] = mention["event"]
    socket_mode.send(envelope)
    assert socket_mode.acknowledgement(envelope["envelope_id"]) == {
        "envelope_id": envelope["envelope_id"]
    }
    replies = wait_for_calls(standin, "chat.postMessage")
    assert [(r.params["channel"], r.params["thread_ts"]) for r in replies] == [
        (mention["event"]["channel"], mention["event"]["ts"])
    ]
