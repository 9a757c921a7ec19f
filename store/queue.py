"""The feed-item queue, kept in PostgreSQL by procrastinate: pollers send the ids of new items,
any number of `citylink work` processes, on one machine or several, read them. (On SQLite there
is no queue: the poller reads its items itself.)"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

import procrastinate
import psycopg
from procrastinate.exceptions import AlreadyEnqueued, ProcrastinateException
from procrastinate.jobs import Status
from sqlalchemy.engine import make_url

QUEUE = "feed-items"
READ_ITEM = "read_feed_item"
PREFIX = "procrastinate"  # of the queue's tables, functions and types
ANSWER_SECONDS = 10.0  # a queue that does not answer within this is down
STALLED_SECONDS = 60.0  # a worker silent this long (heartbeats come every 10 s) has died
WAITING = (
    "SELECT queueing_lock FROM procrastinate_jobs "
    "WHERE status = 'todo' AND queueing_lock = ANY(%(locks)s)"
)


class QueueUnavailable(Exception):
    """The queue's database did not answer; nothing was queued after the failure."""


def is_queue_object(name: str | None) -> bool:
    """Whether a database object is the queue's (procrastinate's own, not in store.models)."""
    return bool(name) and name.startswith(PREFIX)


def _read_item(context: procrastinate.JobContext, item_id: int) -> None:
    context.additional_context["read"](item_id)


def _lock(item_id: int) -> str:
    return f"feed-item-{item_id}"


class ItemQueue:
    def __init__(self, database_url: str, *, answer_within: float = ANSWER_SECONDS):
        url = make_url(database_url).set(drivername="postgresql")
        connector = procrastinate.PsycopgConnector(
            conninfo=url.render_as_string(hide_password=False),
            min_size=0,
            max_size=2,
            timeout=answer_within,  # connect on use, give up in time
        )
        self.app = procrastinate.App(connector=connector)
        self.app.task(name=READ_ITEM, queue=QUEUE, pass_context=True)(_read_item)

    def send(self, item_ids: Iterable[int]) -> int:
        """Queue each item to be read once; one already waiting is not queued again (one being
        read, or whose reader died, is). How many were queued."""
        ids = list(item_ids)
        if not ids:
            return 0
        queued = 0
        try:
            with self.app.open():
                rows = self.app.connector.get_sync_connector().execute_query_all(
                    WAITING, locks=[_lock(item_id) for item_id in ids]
                )
                waiting = {row["queueing_lock"] for row in rows}
                for item_id in ids:
                    if _lock(item_id) in waiting:
                        continue
                    job = self.app.configure_task(READ_ITEM, queueing_lock=_lock(item_id))
                    try:
                        job.defer(item_id=item_id)
                        queued += 1
                    except AlreadyEnqueued:  # another poller queued it a moment ago
                        pass
        except (ProcrastinateException, psycopg.Error) as exc:
            raise QueueUnavailable(str(exc) or type(exc).__name__) from exc
        return queued

    def work(self, read: Callable[[int], object], *, until_empty: bool = False) -> None:
        """Read queued items one at a time until stopped (SIGINT/SIGTERM finish the item at
        hand), or, `until_empty`, until none is left. Jobs leave no rows behind: what an item
        gave is kept on the item."""

        async def run() -> None:
            async with self.app.open_async():
                await self._drop_stalled()
                await self.app.run_worker_async(
                    queues=[QUEUE],
                    wait=not until_empty,
                    concurrency=1,
                    additional_context={"read": read},
                    delete_jobs="always",
                    listen_notify=not until_empty,
                )

        asyncio.run(run())

    async def _drop_stalled(self) -> None:
        """Drop the jobs of workers that died mid-item; their items stay unread, and their
        feed's next poll queues them again."""
        manager = self.app.job_manager
        stalled = await manager.get_stalled_jobs(
            queue=QUEUE, seconds_since_heartbeat=STALLED_SECONDS
        )
        for job in stalled:
            await manager.finish_job_by_id_async(job.id, status=Status.FAILED, delete_job=True)
