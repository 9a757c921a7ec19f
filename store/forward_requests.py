"""Forwards waiting to be read: recorded when Slack sends them, claimed by one worker at a time,
removed once answered. A claim older than the lease belongs to a worker that died."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from store.db import insert_or_merge
from store.models import ForwardRequest

R = ForwardRequest
ERROR_CHARS = 500


@dataclass(frozen=True)
class PendingForward:
    """A forward as it was received: who sent what, and where the answer goes."""

    key: str  # Slack's event id, or the shortcut's trigger id
    scope: str
    user_id: str
    via: str
    text: str = ""
    files: tuple[dict, ...] = ()
    channel_id: str | None = None
    thread_ts: str | None = None
    response_url: str | None = None
    attempts: int = 0


def record_forward(session: Session, forward: PendingForward, now: datetime) -> bool:
    """Keep the forward until it is answered; False if one with its key is already kept."""
    values = {
        "key": forward.key, "scope": forward.scope, "user_id": forward.user_id,
        "via": forward.via, "text": forward.text, "files": list(forward.files),
        "channel_id": forward.channel_id, "thread_ts": forward.thread_ts,
        "response_url": forward.response_url, "status": "pending", "attempts": 0,
        "created_at": now,
    }  # fmt: skip
    insert = insert_or_merge(session, R).values(**values).on_conflict_do_nothing()
    return session.execute(insert.returning(R.id)).scalar() is not None


def claim_forward(
    session: Session, key: str, *, now: datetime, lease: timedelta
) -> PendingForward | None:
    """Take the forward for this worker; None if it is done or another live worker has it."""
    free = or_(R.status == "pending", (R.status == "working") & (R.claimed_at < now - lease))
    taken = session.execute(
        update(R).where(R.key == key, free)
        .values(status="working", claimed_at=now, attempts=R.attempts + 1)
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    if taken.rowcount != 1:
        return None
    return _pending(session.scalars(select(R).where(R.key == key)).one())


def _pending(row: ForwardRequest) -> PendingForward:
    return PendingForward(
        key=row.key, scope=row.scope, user_id=row.user_id, via=row.via, text=row.text,
        files=tuple(row.files), channel_id=row.channel_id, thread_ts=row.thread_ts,
        response_url=row.response_url, attempts=row.attempts,
    )  # fmt: skip


def release_forward(session: Session, key: str, error: str) -> None:
    """Give the forward back to be tried again later, with what went wrong."""
    session.execute(
        update(R).where(R.key == key).values(status="pending", error=error[:ERROR_CHARS])
    )


def finish_forward(session: Session, key: str) -> None:
    """The forward has been answered: nothing is left to do for it."""
    session.execute(delete(R).where(R.key == key))


def resumable_forwards(
    session: Session, *, now: datetime, waited: timedelta, lease: timedelta
) -> list[PendingForward]:
    """Forwards nobody is reading: given back or never taken for `waited`, or whose worker's
    claim is older than `lease`; oldest first."""
    left = (R.status == "pending") & (R.created_at < now - waited)
    dead = (R.status == "working") & (R.claimed_at < now - lease)
    return [_pending(row) for row in session.scalars(select(R).where(left | dead).order_by(R.id))]
