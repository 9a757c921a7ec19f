"""Digest subscriptions, and the claim-then-post record that makes each digest go out once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store import models

S, D = models.Subscription, models.Digest
SUBSCRIPTION_FIELDS = ("frequency", "weekday", "time_of_day", "timezone", "places", "kinds",
                       "muted_words", "skip_empty")  # fmt: skip


@dataclass(frozen=True)
class SubscriptionResult:
    id: int
    scope: str
    channel_id: str
    frequency: str
    weekday: int
    time_of_day: str
    timezone: str
    places: tuple[str, ...]
    kinds: tuple[str, ...]
    muted_words: tuple[str, ...]
    skip_empty: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DigestClaim:
    """A digest this worker now owns, and how far an earlier attempt at it got."""

    id: int
    period_end: datetime  # kept from the first attempt once a part went out
    parts_sent: int
    message_ts: str | None  # the first part's


def _result(row: models.Subscription) -> SubscriptionResult:
    return SubscriptionResult(
        id=row.id, scope=row.scope, channel_id=row.channel_id, frequency=row.frequency,
        weekday=row.weekday, time_of_day=row.time_of_day, timezone=row.timezone,
        places=tuple(row.places), kinds=tuple(row.kinds), muted_words=tuple(row.muted_words),
        skip_empty=row.skip_empty, created_at=row.created_at, updated_at=row.updated_at,
    )  # fmt: skip


def subscribe(
    session: Session, scope: str, channel_id: str, *, user_id: str, now: datetime, **fields
) -> SubscriptionResult:
    """Create the channel's subscription, or change it; `fields` are SUBSCRIPTION_FIELDS."""
    row = session.scalars(select(S).where(S.scope == scope, S.channel_id == channel_id)).first()
    if row is None:
        row = S(scope=scope, channel_id=channel_id, created_by=user_id, created_at=now)
        session.add(row)
    for name in SUBSCRIPTION_FIELDS:
        setattr(row, name, fields[name])
    row.updated_at = now
    session.flush()
    return _result(row)


def unsubscribe(session: Session, scope: str, channel_id: str) -> bool:
    """Remove the channel's subscription; False if it had none."""
    row = session.scalars(select(S).where(S.scope == scope, S.channel_id == channel_id)).first()
    if row is not None:
        session.delete(row)
    return row is not None


def subscriptions(session: Session, scope: str | None = None) -> list[SubscriptionResult]:
    """Every subscription, or a team's, by channel."""
    query = select(S).order_by(S.scope, S.channel_id)
    if scope is not None:
        query = query.where(S.scope == scope)
    return [_result(row) for row in session.scalars(query)]


def subscription_of(session: Session, scope: str, channel_id: str) -> SubscriptionResult | None:
    row = session.scalars(select(S).where(S.scope == scope, S.channel_id == channel_id)).first()
    return row and _result(row)


def last_sent_end(session: Session, subscription_id: int) -> datetime | None:
    """Where the last digest sent for the subscription stopped."""
    query = select(func.max(D.period_end)).where(
        D.subscription_id == subscription_id, D.status == "sent"
    )
    return session.scalar(query)


def claim_digest(
    session: Session, subscription_id: int, start: datetime, end: datetime, *,
    worker: str, now: datetime, lease: timedelta,
) -> DigestClaim | None:  # fmt: skip
    """Claim the digest of the period starting at `start`; None if another worker owns it.

    A new period is claimed by inserting its row (unique per subscription and start). A failed
    digest, or a claim whose worker died (older than `lease`), is taken over by a conditional
    update, so of two workers racing only one wins. A digest with parts already posted keeps its
    period, so the parts still to post are the ones its first attempt would have posted.
    """
    try:
        with session.begin_nested():
            row = D(subscription_id=subscription_id, period_start=start, period_end=end,
                    status="claimed", claimed_at=now, claimed_by=worker, attempts=1,
                    parts_sent=0)  # fmt: skip
            session.add(row)
        return DigestClaim(row.id, end, 0, None)
    except IntegrityError:
        pass
    key = (D.subscription_id == subscription_id, D.period_start == start)
    stale = (D.status == "failed") | ((D.status == "claimed") & (D.claimed_at < now - lease))
    taken = session.execute(
        update(D).where(*key, stale)
        .values(status="claimed", claimed_at=now, claimed_by=worker, attempts=D.attempts + 1,
                period_end=case((D.parts_sent > 0, D.period_end),
                                else_=literal(end, D.period_end.type)))
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    if taken.rowcount != 1:
        return None
    row = session.execute(select(D.id, D.period_end, D.parts_sent, D.message_ts).where(*key)).one()
    return DigestClaim(*row)


def mark_part_sent(
    session: Session, digest_id: int, parts_sent: int, message_ts: str | None
) -> None:
    """Record that Slack accepted the digest's first `parts_sent` parts; a retry starts after."""
    session.execute(
        update(D).where(D.id == digest_id).values(parts_sent=parts_sent, message_ts=message_ts)
    )


def mark_sent(session: Session, digest_id: int, message_ts: str | None, now: datetime) -> None:
    done = {"status": "sent", "sent_at": now, "message_ts": message_ts, "error": None}
    session.execute(update(D).where(D.id == digest_id).values(**done))


def mark_failed(session: Session, digest_id: int, error: str) -> None:
    """Leave the digest for the next run to retry, from its first part not recorded as sent."""
    session.execute(update(D).where(D.id == digest_id).values(status="failed", error=error[:500]))
