"""The feed-item queue, kept in PostgreSQL by procrastinate: pollers send the ids of new items,
any number of `citylink work` processes, on one machine or several, read them. (On SQLite there
is no queue: the poller reads its items itself.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.engine import make_url

QUEUE = "feed-items"
READ_ITEM = "read_feed_item"
PREFIX = "procrastinate"  # of the queue's tables, functions and types


def is_queue_object(name: str | None) -> bool:
    """Whether a database object is the queue's (procrastinate's own, not in store.models)."""
    return bool(name) and name.startswith(PREFIX)


def _read_item(context: procrastinate.JobContext, item_id: int) -> None:
    context.additional_context["read"](item_id)


class ItemQueue:
    def __init__(self, database_url: str):
        url = make_url(database_url).set(drivername="postgresql")
        connector = procrastinate.PsycopgConnector(
            conninfo=url.render_as_string(hide_password=False), min_size=1, max_size=2
        )
        self.app = procrastinate.App(connector=connector)
        self.app.task(name=READ_ITEM, queue=QUEUE, pass_context=True)(_read_item)

    def send(self, item_ids: Iterable[int]) -> int:
        """Queue each item to be read once: one already waiting is not queued again (one being
        read, or whose reader died, is); how many were queued."""
        queued = 0
        with self.app.open():
            for item_id in item_ids:
                job = self.app.configure_task(READ_ITEM, queueing_lock=f"feed-item-{item_id}")
                try:
                    job.defer(item_id=item_id)
                    queued += 1
                except AlreadyEnqueued:
                    pass
        return queued

    def work(self, read: Callable[[int], object], *, until_empty: bool = False) -> None:
        """Read queued items one at a time until stopped (SIGINT/SIGTERM finish the item at
        hand), or, `until_empty`, until none is left."""
        self.app.run_worker(queues=[QUEUE], wait=not until_empty, concurrency=1,
                            additional_context={"read": read}, delete_jobs="successful",
                            listen_notify=not until_empty)  # fmt: skip
