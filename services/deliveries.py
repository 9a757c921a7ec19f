"""Slack re-sends events it thinks failed: which event ids any worker process has received."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from store.deliveries import first_delivery
from store.models import utcnow

log = logging.getLogger(__name__)


class Deliveries:
    """Event ids seen: this process's own memory first, then the store every process shares."""

    def __init__(self, sessions: sessionmaker[Session], remember: int = 10_000):
        self.sessions, self.remember = sessions, remember
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool | None:
        """Whether no process has received this event before; None if the store cannot say.

        An event the store cannot check is handled: a rare double answer beats a lost one.
        """
        if not self._first_here(event_id):
            return False
        try:
            with self.sessions.begin() as session:
                return first_delivery(session, event_id, utcnow())
        except SQLAlchemyError as exc:
            log.warning("could not check event %s in the store; handling it: %s", event_id, exc)
            return None

    def _first_here(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._seen:
                return False
            self._seen[event_id] = None
            if len(self._seen) > self.remember:
                self._seen.popitem(last=False)
            return True
