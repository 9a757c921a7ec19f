"""Answers already given, kept until the store gains an article: popular places answer at once."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from handlers.views import View

ANSWERS_KEPT = 500  # a card is a few kilobytes of blocks


class AnswerCache:
    """The newest `size` answers (views), valid for one store revision.

    A revision is whatever changes when the store does (`LookupService.revision`): an answer
    made under an older revision is never served.
    """

    def __init__(self, size: int = ANSWERS_KEPT):
        self.size = size
        self._views: OrderedDict[Hashable, View] = OrderedDict()
        self._revision: Hashable = None
        self._lock = threading.Lock()

    def get(self, revision: Hashable, key: Hashable, make: Callable[[], View]) -> View:
        """The answer for `key` under `revision`, made (and kept) when there is none."""
        with self._lock:
            if revision != self._revision:
                self._views.clear()
                self._revision = revision
            elif key in self._views:
                self._views.move_to_end(key)
                return self._views[key]
        view = make()
        with self._lock:
            if revision == self._revision:
                self._views[key] = view
                if len(self._views) > self.size:
                    self._views.popitem(last=False)
        return view
