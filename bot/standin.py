"""A local stand-in for the Slack Web API: a real HTTP server recording calls, answering like Slack.

The console uses it to capture what the app says; tests point `SLACK_API_URL` at it and can make
a method fail (HTTP 500, or 429 with Retry-After) or hang (answer only after a delay) a given
number of times. With `socket_url` set,
`apps.connections.open` sends a Socket Mode app to that local WebSocket server.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

BOT_USER_ID = "UCITYLINK"


@dataclass
class Call:
    method: str  # "chat.postMessage", or the path for response_url / file downloads
    params: dict
    headers: dict
    status: int = 200  # what the stand-in answered; 0 while it hangs (nothing done yet)


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: int | None = None
    after: int = 0  # calls answered normally first


@dataclass
class _Hang:
    seconds: float
    times: int
    after: int = 0


@dataclass
class WebAPIStandIn:
    """Start with `start()`; `url` is the base URL for `SLACK_API_URL`."""

    calls: list[Call] = field(default_factory=list)
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # path -> (body, type)
    team_id: str = "T0CITYLINK"
    socket_url: str | None = None  # ws:// URL `apps.connections.open` answers with, if any
    _failures: dict[str, list[_Failure]] = field(default_factory=dict)
    _hangs: dict[str, list[_Hang]] = field(default_factory=dict)
    _stopped: threading.Event = field(default_factory=threading.Event)
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    @property
    def origin(self) -> str:
        return self.url.removesuffix("api/")

    def start(self) -> WebAPIStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                with contextlib.suppress(ConnectionError):  # a client that gave up waiting
                    standin._handle(self)

            def do_GET(self):  # noqa: N802
                with contextlib.suppress(ConnectionError):
                    standin._handle(self)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()  # calls still hanging end unanswered
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def fail(self, method: str, status: int, times: int = 1, retry_after: int | None = None,
             *, after: int = 0):  # fmt: skip
        """Answer `method` with `status` for its next `times` calls, after earlier queued ones
        (and after `after` more calls answered normally)."""
        with self._lock:
            failure = _Failure(status, times, retry_after, after)
            self._failures.setdefault(method, []).append(failure)

    def hang(self, method: str, seconds: float, times: int = 1, *, after: int = 0):
        """Answer `method`'s next `times` calls (once `after` more have been answered at once)
        only after `seconds`. Like Slack, it acts when it answers, even if the client has given
        up by then; a call still waiting when the stand-in stops is never acted on (status 0)."""
        with self._lock:
            self._hangs.setdefault(method, []).append(_Hang(seconds, times, after))

    def serve_file(self, path: str, body: bytes, content_type: str) -> str:
        """Serve bytes at `path` (a Slack `url_private_download`); return the full URL."""
        self.files[path] = (body, content_type)
        return self.origin + path.lstrip("/")

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path = urlparse(request.path).path
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        method = path.removeprefix("/api/") if path.startswith("/api/") else path
        params = _params(body, request.headers.get("Content-Type", ""))
        if path.startswith("/upload/"):  # a file's bytes, as files_upload_v2 sends them
            params = {"_body": body}
        call = Call(method, params, dict(request.headers))
        with self._lock:
            self.calls.append(call)
            hang = _next(self._hangs.get(method))
            if hang:
                call.status = 0
        if hang and self._stopped.wait(hang.seconds):
            return None
        with self._lock:
            failure = _next(self._failures.get(method))
            call.status = failure.status if failure else 200
            if failure:
                return _send(
                    request,
                    failure.status,
                    {"ok": False, "error": "standin_failure"},
                    failure.retry_after,
                )
        if path in self.files:
            data, content_type = self.files[path]
            return _send_bytes(request, 200, data, content_type)
        _send(request, 200, self._answer(method, call.params))

    def _answer(self, method: str, params: dict) -> dict:
        ts = f"{1700000000 + next(self._ts)}.000100"
        answers = {
            "auth.test": {
                "user_id": BOT_USER_ID,
                "bot_id": "BCITYLINK",
                "team_id": self.team_id,
                "url": "https://citylink.slack.com/",
                "team": "CityLink",
            },
            "chat.postMessage": {
                "channel": params.get("channel"),
                "ts": ts,
                "message": {"text": params.get("text"), "ts": ts},
            },
            "chat.postEphemeral": {"message_ts": ts},
            "views.publish": {"view": {"id": "V1"}},
            "views.open": {"view": {"id": f"VMODAL{next(self._ts)}"}},
            "conversations.open": {"channel": {"id": f"D{params.get('users', 'U')}"}},
            "files.getUploadURLExternal": {"upload_url": f"{self.origin}upload/{ts}",
                                           "file_id": f"F{ts}"},
            "files.completeUploadExternal": {"files": [{"id": f"F{ts}"}]},
            "chat.getPermalink": {"permalink": f"https://citylink.slack.com/archives/x/p{ts}"},
            "apps.connections.open": {"url": self.socket_url} if self.socket_url else {},
        }
        return {"ok": True, **answers.get(method, {})}


def _next(queue: list | None):
    """The queued failure or hang that applies to this call, counting it off; None if none."""
    entry = queue[0] if queue else None
    if entry is None or entry.after > 0:
        if entry is not None:
            entry.after -= 1
        return None
    entry.times -= 1
    if entry.times <= 0:
        queue.pop(0)
    return entry


def _params(body: bytes, content_type: str) -> dict:
    if not body:
        return {}
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type:
        try:
            return json.loads(text)
        except ValueError:
            return {"_raw": text}
    params = dict(parse_qsl(text))
    for key in ("blocks", "attachments", "view"):
        if isinstance(params.get(key), str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params


def _send(request, status: int, payload: dict, retry_after: int | None = None) -> None:
    data = json.dumps(payload).encode()
    _send_bytes(request, status, data, "application/json; charset=utf-8", retry_after)


def _send_bytes(request, status, data: bytes, content_type: str, retry_after=None) -> None:
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(data)))
    if retry_after is not None:
        request.send_header("Retry-After", str(retry_after))
    request.end_headers()
    request.wfile.write(data)
