"""Which failed Web API calls are sent again: decided per call, by what Slack may have done.

    429 Too Many Requests         any method: wait Retry-After, send again (Slack did nothing)
    failed before it was sent     any method: send again shortly (connection refused, reset or
                                  timed out while connecting or writing the request)
    5xx, or no answer in time     only a REPEATABLE method; a post is not sent again, since Slack
                                  may have accepted it: the caller sees the error and decides

urllib tells the two kinds of connection failure apart for us: an error while connecting or
writing the request reaches us wrapped in `URLError`; one while waiting for the answer (a
timeout, a reset) arrives bare, after Slack may already have acted on the request.
"""

from __future__ import annotations

import logging
import random
import time
from http.client import HTTPException
from urllib.error import URLError
from urllib.parse import urlparse

from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10  # per attempt; slack_sdk's 30 s would hold a worker thread that long
MAX_RETRY_AFTER = 30  # seconds; a longer wait gives up rather than hold the thread
RETRIES = {"rate_limited": 3, "not_sent": 2, "server_error": 2, "no_answer": 1}
# Calls that have the effect of one when Slack receives them twice.
REPEATABLE = frozenset({
    "auth.test", "apps.connections.open", "bots.info", "chat.delete", "chat.getPermalink",
    "chat.update", "conversations.history", "conversations.info", "conversations.members",
    "conversations.replies", "files.info", "reactions.get", "team.info", "users.info",
    "views.open", "views.publish", "views.update",
})  # fmt: skip


def method_of(request: HttpRequest) -> str:
    """'chat.postMessage' for https://slack.com/api/chat.postMessage?…"""
    return urlparse(request.url).path.rsplit("/", 1)[-1]


def failure_of(response: HttpResponse | None, error: Exception | None) -> str | None:
    """The kind of failure (a key of RETRIES), or None when there is nothing to retry."""
    if response is not None:
        if response.status_code == 429:
            return "rate_limited"
        return "server_error" if response.status_code >= 500 else None
    if isinstance(error, URLError):  # raised before the request was wholly written
        return "not_sent"
    # a timeout, reset or broken answer after the request was sent
    return "no_answer" if isinstance(error, OSError | HTTPException) else None


class PerCallRetries(RetryHandler):
    """slack_sdk's retry hook, applying the policy in the module docstring."""

    def __init__(self):
        super().__init__(max_retry_count=max(RETRIES.values()))

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        kind = failure_of(response, error)
        if kind is None or state.current_attempt >= RETRIES[kind]:
            return False
        if kind == "rate_limited" and _retry_after(response) > MAX_RETRY_AFTER:
            return False
        if kind in ("server_error", "no_answer") and method_of(request) not in REPEATABLE:
            log.warning("%s: %s; not sent again, Slack may have acted on it",
                        method_of(request), _describe(response, error))  # fmt: skip
            return False
        log.info("%s: %s; sending it again", method_of(request), _describe(response, error))
        return True

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if failure_of(response, error) != "rate_limited":
            return super().prepare_for_next_attempt(state=state, request=request,
                                                    response=response, error=error)  # fmt: skip
        state.next_attempt_requested = True
        time.sleep(_retry_after(response) + random.random() / 2)
        state.increment_current_attempt()


def retry_handlers() -> list[RetryHandler]:
    """For `WebClient(retry_handlers=...)`; our policy replaces slack_sdk's default one."""
    return [PerCallRetries()]


def _retry_after(response: HttpResponse) -> float:
    values = {k.lower(): v for k, v in response.headers.items()}.get("retry-after") or ["1"]
    try:
        return max(0.0, float(values[0]))
    except ValueError:
        return 1.0


def _describe(response: HttpResponse | None, error: Exception | None) -> str:
    return f"HTTP {response.status_code}" if response is not None else repr(error)
