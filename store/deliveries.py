"""Which Slack events have arrived: one row per event id, shared by every worker process."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from store.db import insert_or_merge
from store.models import SlackDelivery

KEPT = timedelta(hours=2)  # Slack retries an event for about half an hour at most


def first_delivery(session: Session, event_id: str, now: datetime) -> bool:
    """Record the event; whether this is the first time it arrived (rows older than KEPT go)."""
    session.execute(delete(SlackDelivery).where(SlackDelivery.received_at < now - KEPT))
    insert = insert_or_merge(session, SlackDelivery).values(event_id=event_id, received_at=now)
    added = insert.on_conflict_do_nothing().returning(SlackDelivery.event_id)
    return session.execute(added).scalar() is not None
