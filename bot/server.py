"""`citylink serve`: gunicorn (threads) in front of the Bolt app, or Socket Mode with `--socket`."""

from __future__ import annotations

import logging
from collections.abc import Callable

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from sqlalchemy import text

from bot.guard import SlackGuard
from handlers.context import Services

log = logging.getLogger(__name__)
GUNICORN = {
    # One worker process: it builds the place index, and a request mostly waits on the store.
    # `workers` is set so gunicorn ignores a platform's WEB_CONCURRENCY: a second worker would
    # hold a second copy of the index; scale out with more web processes instead.
    "workers": 1,
    "worker_class": "gthread",
    "threads": 4,  # 8 let 20 clients queue more statements in PostgreSQL: p99 682 ms, not 385
    "timeout": 30,
    "graceful_timeout": 20,
    "keepalive": 5,
    "accesslog": None,  # the app logs each Slack request (handlers/middleware.py); gunicorn's
    # own access line cost ~8% of a lookup's CPU and said less
}


class Routes:
    """The web process: Slack's requests at POST /slack/events (checked by `SlackGuard` before
    Bolt sees them), the OAuth pages when there are several workspaces, and GET /healthz."""

    def __init__(self, app: App, services: Services, *, signing_secret: str):
        self.slack = SlackGuard(app, signing_secret, path="/slack/events")
        self.services = services

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/healthz":
            return self._health(start_response)
        return self.slack(environ, start_response)

    def _health(self, start_response):
        try:
            with self.services.lookups.sessions.begin() as session:
                session.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            log.exception("health check: the store does not answer")
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"store unavailable\n"]
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok\n"]


class _Gunicorn(BaseApplication):
    """gunicorn run from code; the worker builds the app (connections and the index are not
    forked from the master)."""

    def __init__(
        self, build: Callable[[], tuple[App, Services]], options: dict, signing_secret: str
    ):
        self.build, self.options, self.signing_secret = build, options, signing_secret
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return Routes(*self.build(), signing_secret=self.signing_secret)


def serve_http(build: Callable[[], tuple[App, Services]], port: int, signing_secret: str) -> None:
    """Run gunicorn on `port` until stopped (SIGTERM: gracefully)."""
    _Gunicorn(build, {**GUNICORN, "bind": f"0.0.0.0:{port}"}, signing_secret).run()


def serve_socket(app: App, app_token: str) -> None:
    """Socket Mode: Slack's events over a WebSocket, no public URL needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
