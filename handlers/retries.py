"""Slack re-sends events it thinks failed; each event is handled once per process."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from slack_bolt import BoltResponse

log = logging.getLogger(__name__)


class RedeliveryFilter:
    """A global middleware: an `event_id` seen before is acknowledged and dropped."""

    def __init__(self, remember: int = 10_000):
        self.remember = remember
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._seen:
                return False
            self._seen[event_id] = None
            if len(self._seen) > self.remember:
                self._seen.popitem(last=False)
            return True

    def __call__(self, body: dict, request, next) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id")
        if event_id and not self.first_time(event_id):
            retry = request.headers.get("x-slack-retry-num", ["?"])[0]
            log.info("dropped re-delivery %s of event %s", retry, event_id)
            return BoltResponse(status=200, body="")
        return next()
