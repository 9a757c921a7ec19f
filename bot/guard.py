"""The gate in front of Bolt: POST /slack/events reaches it only signed, fresh and well formed.

Bolt parses a request's body before it checks the signature, and a body it cannot parse (or a
timestamp it cannot read) escapes as an exception: HTTP 500 and a traceback, even for a
stranger's request. `SlackGuard` answers those itself, with one log line each:

    401  no, malformed or stale X-Slack-Request-Timestamp; no or wrong X-Slack-Signature
    413  a body over MAX_BODY bytes (refused from Content-Length, before reading it)
    400  a bad Content-Length, a body that is not UTF-8, a JSON body that is not a JSON object,
         a form whose `payload` is not a JSON object, or a signed body Bolt still cannot read

Nothing unsigned is parsed. Errors once Bolt has a request (middleware, listeners) are not
ours to hide: Bolt hands them to the app's error handler, which logs them with the traceback.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000  # bytes; Slack's largest payloads (modal views) are a small part of this
MAX_AGE = 5 * 60  # seconds either side of now, as Slack's own verifier allows
STAMP_DIGITS = 12  # Unix seconds have 10 digits until the year 2286
STATUS = {400: "400 Bad Request", 401: "401 Unauthorized", 413: "413 Content Too Large"}
BODY = {400: b"malformed request\n", 401: b"invalid request\n", 413: b"request too large\n"}


class Rejected(Exception):
    """A request refused before Bolt acts on it: `status` for the client, the message for us."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status


class _Handler(SlackRequestHandler):
    """Bolt's WSGI adapter, telling a body Bolt cannot read apart from a fault of the app."""

    def dispatch(self, request) -> BoltResponse:
        try:
            bolt_request = BoltRequest(
                body=request.get_body(), query=request.query_string, headers=request.get_headers()
            )
        except Exception as exc:  # noqa: BLE001 - whatever Bolt's parsing trips on is the body's
            reason = f"Bolt cannot read it ({type(exc).__name__}: {exc!s:.200})"
            raise Rejected(400, reason) from exc
        return self.app.dispatch(bolt_request)


class SlackGuard:
    """WSGI: Slack's paths through Bolt, with POST `path` checked first (see the module doc)."""

    def __init__(
        self, app: App, signing_secret: str, *, path: str = "/slack/events",
        clock: Callable[[], float] = time.time,
    ):  # fmt: skip
        self.bolt = _Handler(app, path=path)
        self.verifier = SignatureVerifier(signing_secret)  # refuses an empty secret at start-up
        self.path, self.clock = path, clock

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != self.path:
            return self.bolt(environ, start_response)  # OAuth pages (unsigned GETs), 404s
        try:
            body = self.checked_body(environ)
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
            return self.bolt(environ, start_response)
        except Rejected as rejection:
            log.warning("refused POST %s from %s: %d %s", self.path,
                        environ.get("REMOTE_ADDR", "?"), rejection.status, rejection)  # fmt: skip
            answer = BODY[rejection.status]
            start_response(
                STATUS[rejection.status],
                [("Content-Type", "text/plain"), ("Content-Length", str(len(answer)))],
            )
            return [answer]

    def checked_body(self, environ) -> bytes:
        """The body of a signed, fresh, well-formed request; else raise `Rejected`."""
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not (0 < len(stamp) <= STAMP_DIGITS and stamp.isascii() and stamp.isdigit()):
            raise Rejected(401, "no or malformed timestamp")
        if abs(self.clock() - int(stamp)) > MAX_AGE:
            raise Rejected(401, "stale timestamp")
        if not signature:
            raise Rejected(401, "no signature")
        raw = _read_body(environ)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Rejected(400, "body is not UTF-8") from None
        if not self.verifier.is_valid(body=text, timestamp=stamp, signature=signature):
            raise Rejected(401, "wrong signature")
        _check_shape(text, environ.get("CONTENT_TYPE", ""))
        return raw


def _read_body(environ) -> bytes:
    """Exactly Content-Length bytes, refusing an oversize body before reading any of it."""
    declared = environ.get("CONTENT_LENGTH") or "0"
    if not (declared.isascii() and declared.isdigit()):
        raise Rejected(400, "malformed Content-Length")
    if int(declared) > MAX_BODY:
        raise Rejected(413, f"body of {declared} bytes")
    raw = environ["wsgi.input"].read(int(declared)) if int(declared) else b""
    if len(raw) != int(declared):
        raise Rejected(400, "body shorter than its Content-Length")
    return raw


def _check_shape(text: str, content_type: str) -> None:
    """What Bolt will parse as JSON must be a JSON object (its rule: a JSON type, or a body
    starting with '{'); in a form, so must each `payload` field."""
    if content_type.split(";")[0].strip().lower() == "application/json" or text.startswith("{"):
        _json_object(text, "body")
        return
    for name, value in parse_qsl(text, keep_blank_values=True):
        if name == "payload":
            _json_object(value, "payload")


def _json_object(text: str, what: str) -> None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        raise Rejected(400, f"{what} is not JSON") from None
    if not isinstance(value, dict):
        raise Rejected(400, f"{what} is not a JSON object")
