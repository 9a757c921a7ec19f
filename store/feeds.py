"""Feeds and their items: what each team follows, when each is due, what was taken from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import models
from store.db import insert_or_merge

F, Item = models.Feed, models.FeedItem
MAX_BACKOFF = timedelta(days=1)  # a failing feed is still tried once a day


@dataclass(frozen=True)
class FeedResult:
    id: int
    scope: str
    url: str
    interval_minutes: int
    checked_at: datetime | None
    next_check_at: datetime
    items_taken: int
    failures: int
    last_error: str | None
    etag: str | None
    last_modified: str | None
    waiting: int = 0  # items taken and not read yet (queued for `citylink work`, or failed)


@dataclass(frozen=True)
class ItemResult:
    scope: str  # its feed's team
    url: str
    outcome: str | None  # None until it is read


def _result(row: models.Feed) -> FeedResult:
    return FeedResult(
        row.id, row.scope, row.url, row.interval_minutes, row.checked_at, row.next_check_at,
        row.items_taken, row.failures, row.last_error, row.etag, row.last_modified,
    )  # fmt: skip


def add(session: Session, scope: str, url: str, *, user: str, now: datetime,
        interval_minutes: int) -> tuple[FeedResult, bool]:  # fmt: skip
    """The team's feed of `url`, added (and due at once) unless it follows it already."""
    row = session.scalars(select(F).where(F.scope == scope, F.url == url)).first()
    if row is not None:
        return _result(row), False
    row = F(scope=scope, url=url, added_by=user, added_at=now, next_check_at=now,
            interval_minutes=interval_minutes, items_taken=0, failures=0)  # fmt: skip
    session.add(row)
    session.flush()
    return _result(row), True


def of_team(session: Session, scope: str) -> list[FeedResult]:
    """The team's feeds, oldest first, each with its items waiting to be read."""
    query = select(F).where(F.scope == scope).order_by(F.added_at, F.id)
    rows = list(session.scalars(query))
    unread = select(Item.feed_id, func.count()).where(
        Item.feed_id.in_([row.id for row in rows]), Item.outcome.is_(None))  # fmt: skip
    waiting = dict(session.execute(unread.group_by(Item.feed_id)).all())
    return [replace(_result(row), waiting=waiting.get(row.id, 0)) for row in rows]


def remove(session: Session, scope: str, feed_id: int) -> bool:
    row = session.scalars(select(F).where(F.scope == scope, F.id == feed_id)).first()
    if row is not None:
        session.delete(row)
    return row is not None


def claim_due(session: Session, now: datetime, lease: timedelta) -> list[FeedResult]:
    """The feeds due now, each put off by `lease` so another poller leaves it alone meanwhile
    (PostgreSQL skips rows another transaction holds; SQLite writers take turns)."""
    query = select(F).where(F.next_check_at <= now).order_by(F.next_check_at, F.id)
    rows = list(session.scalars(query.with_for_update(skip_locked=True)))
    for row in rows:
        row.next_check_at = now + lease
    return [_result(row) for row in rows]


def checked(session: Session, feed_id: int, *, now: datetime, taken: int = 0,
            etag: str | None = None, last_modified: str | None = None,
            error: str | None = None) -> None:  # fmt: skip
    """Record a poll: when it is due next (later after each failure in a row), what it gave."""
    row = session.get(F, feed_id)
    if row is None:  # removed while it was polled
        return
    row.checked_at = now
    row.items_taken += taken
    row.failures = row.failures + 1 if error else 0
    row.last_error = error
    if not error:
        row.etag, row.last_modified = etag or row.etag, last_modified or row.last_modified
    wait = timedelta(minutes=row.interval_minutes) * 2 ** min(row.failures, 10)
    row.next_check_at = now + min(wait, max(MAX_BACKOFF, timedelta(minutes=row.interval_minutes)))


def take_new(session: Session, feed_id: int, items: Sequence[tuple[str, str]],
             now: datetime) -> list[tuple[int, str]]:  # fmt: skip
    """Record the (key, url) items not seen before; (item id, url) of those this call recorded
    (a concurrent poller records each item once, and only it goes on to read it)."""
    taken = []
    for key, url in items:
        insert = insert_or_merge(session, Item).values(feed_id=feed_id, key=key, url=url,
                                                       seen_at=now)  # fmt: skip
        found = session.execute(
            insert.on_conflict_do_nothing(index_elements=["feed_id", "key"]).returning(Item.id)
        ).first()
        if found is not None:
            taken.append((found[0], url))
    return taken


def unread(session: Session, feed_id: int, *, before: datetime) -> list[tuple[int, str]]:
    """(item id, url) of items taken before `before` and never read: their poller stopped."""
    query = select(Item.id, Item.url).where(
        Item.feed_id == feed_id, Item.outcome.is_(None), Item.seen_at < before)  # fmt: skip
    return [(item_id, url) for item_id, url in session.execute(query.order_by(Item.id))]


def item(session: Session, item_id: int) -> ItemResult | None:
    """A feed item, with its feed's team; None once its feed is removed."""
    query = select(F.scope, Item.url, Item.outcome).join(F, F.id == Item.feed_id)
    found = session.execute(query.where(Item.id == item_id)).first()
    return None if found is None else ItemResult(*found)


def item_read(session: Session, item_id: int, outcome: str) -> None:
    """What reading an item gave: "new", "known", or why it could not be read."""
    row = session.get(Item, item_id)
    if row is not None:
        row.outcome = outcome[:500]
