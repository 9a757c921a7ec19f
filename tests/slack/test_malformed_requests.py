"""POST /slack/events over real HTTP: malformed or forged requests get 400, 401 or 413 and one
log line, never a 500 with a traceback; Slack's own requests still get their answers."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx
import pytest

from bot.app import build_app
from bot.server import Routes
from bot.simulate import FORM, JSON, slash_command
from bot.wiring import make_services
from tests.slack.conftest import SECRET

EVENTS = "/slack/events"


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        """The app logs what matters; wsgiref's access lines would only add noise."""


@contextmanager
def serving(settings):
    """The web process's WSGI app, as gunicorn runs it, behind a real HTTP server."""
    services = make_services(settings)
    routes = Routes(build_app(settings, services), services, signing_secret=SECRET)
    server = make_server("127.0.0.1", 0, routes, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def base(settings):
    with serving(settings) as url:
        yield url


def signed(body: bytes, content_type: str, *, stamp: str | None = None) -> dict[str, str]:
    """Slack's headers for `body`: the v0 HMAC over the raw bytes, as Slack computes it."""
    stamp = stamp if stamp is not None else str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
    return {"content-type": content_type, "x-slack-request-timestamp": stamp,
            "x-slack-signature": f"v0={digest.hexdigest()}"}  # fmt: skip


def _help(response_url: str) -> bytes:
    return slash_command("help", team="T111", user="U1", channel="C1",
                         response_url=response_url).encode()  # fmt: skip


def _case(body: bytes, content_type: str = FORM, **headers: str | bytes | None) -> tuple:
    """A signed request, its headers then changed (None drops one); `stamp="-600"` signs it
    600 seconds ago."""
    offset = headers.pop("stamp", None)
    sent = signed(body, content_type, stamp=offset and str(int(time.time()) + int(offset)))
    for name, value in headers.items():
        sent.pop(name.replace("_", "-"), None)
        if value is not None:
            sent[name.replace("_", "-")] = value
    return body, sent


def _form(payload: str) -> bytes:
    return urlencode({"payload": payload}).encode()


def _slash(**headers: str | bytes | None):
    """`/citylink help` answering to the given response_url, its headers changed."""
    return lambda url: _case(_help(url), **headers)


def _signed(body: bytes, content_type: str = FORM, **headers: str | None):
    return lambda url: _case(body, content_type, **headers)


CASES = {  # name: (status, request given a response_url); built in the test: fresh timestamps
    # unsigned, forged or replayed: 401, whatever the body
    "non-numeric timestamp": (401, _slash(x_slack_request_timestamp="soon")),
    "empty timestamp": (401, _slash(x_slack_request_timestamp="")),
    "400-digit timestamp": (401, _slash(x_slack_request_timestamp="9" * 400)),
    "5000-digit timestamp": (401, _slash(x_slack_request_timestamp="9" * 5000)),
    "superscript digits": (401, _slash(x_slack_request_timestamp=b"1700\xb2")),  # int() fails
    "no timestamp": (401, _slash(x_slack_request_timestamp=None)),
    "stale timestamp": (401, _slash(stamp="-600")),
    "future timestamp": (401, _slash(stamp="+600")),
    "no signature": (401, _slash(x_slack_signature=None)),
    "wrong signature": (401, _slash(x_slack_signature="v0=" + "0" * 64)),
    "unsigned bad JSON": (
        401,
        _signed(b'{"type": ', JSON, x_slack_signature=None, x_slack_request_timestamp=None),
    ),
    "unsigned form, payload not JSON": (401, _signed(_form("x"), x_slack_signature="v0=0")),
    # signed but not something Bolt can read: 400
    "body not UTF-8": (400, _signed(b"text=caf\xe9&command=%2Fcitylink")),
    "bad JSON": (400, _signed(b'{"type": "event_callback", ', JSON)),
    "JSON array": (400, _signed(b"[1, 2]", JSON)),
    "JSON nested beyond the parser": (400, _signed(b"[" * 100_000, JSON)),
    "JSON with a form type": (400, _signed(b'{"type": ', FORM)),
    "form payload [1,2]": (400, _signed(_form("[1,2]"))),
    "form payload not JSON": (400, _signed(_form("not json"))),
    "object Bolt trips on": (400, _signed(b'{"type": "x", "authorizations": 5}', JSON)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_malformed_or_forged_request_gets_4xx_and_one_log_line(
    base, standin, case, caplog, capsys
):
    status, request = CASES[case]
    body, headers = request(f"{standin.origin}response/{time.time_ns()}")
    caplog.set_level(logging.INFO)
    response = httpx.post(f"{base}{EVENTS}", content=body, headers=headers, timeout=10)
    assert response.status_code == status, response.text
    assert_one_line_no_traceback(caplog, capsys, status)
    assert standin.calls == []  # no "Sorry" posted to a response_url a stranger chose


def test_a_body_over_the_cap_is_refused_before_it_is_sent(base, caplog, capsys):
    caplog.set_level(logging.INFO)
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    connection.putrequest("POST", EVENTS)
    for name, value in signed(b"", FORM).items():
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(2_000_000))
    connection.endheaders()  # the 2 MB never follow: the answer comes from the headers alone
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    assert_one_line_no_traceback(caplog, capsys, 413)


def assert_one_line_no_traceback(caplog, capsys, status: int) -> None:
    lines = [
        r
        for r in caplog.records
        if r.levelno >= logging.INFO and not r.name.startswith(("httpx", "httpcore"))
    ]  # the client's own, not ours
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert lines[0].name == "bot.guard" and f": {status} " in lines[0].getMessage()
    assert lines[0].exc_info is None and "Traceback" not in caplog.text
    assert "Traceback" not in capsys.readouterr().err  # wsgiref prints an app's exceptions there


def test_slacks_own_requests_still_get_their_answers(base, standin):
    command = _help(f"{standin.origin}response/help")
    response = httpx.post(f"{base}{EVENTS}", content=command, headers=signed(command, FORM))
    assert response.status_code == 200
    assert "/citylink" in response.text
    challenge = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"})
    response = httpx.post(f"{base}{EVENTS}", content=challenge.encode(),
                          headers=signed(challenge.encode(), JSON))  # fmt: skip
    assert response.status_code == 200 and response.json() == {"challenge": "c-123"}
    assert httpx.get(f"{base}/healthz").text == "ok\n"  # unsigned GETs are not the guard's
    assert httpx.get(f"{base}{EVENTS}").status_code == 404


def test_the_oauth_pages_stay_unsigned_gets(settings):
    oauth = settings.model_copy(update={"slack_bot_token": None, "slack_client_id": "111.222",
                                        "slack_client_secret": "shh"})  # fmt: skip
    with serving(oauth) as base:
        page = httpx.get(f"{base}/slack/install")
        assert page.status_code == 200
        assert "https://slack.com/oauth/v2/authorize?state=" in page.text
        refused = httpx.get(f"{base}/slack/oauth_redirect?error=access_denied&state=x")
        assert refused.status_code == 200 and "access_denied" in refused.text  # Bolt's page
