"""Slack event ids kept in the store, so a retry is dropped by whichever process it reaches."""

from __future__ import annotations

from datetime import UTC, datetime

from store.deliveries import KEPT, first_delivery
from store.models import SlackDelivery

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_an_event_is_first_delivered_once(sessions):
    with sessions.begin() as session:
        assert first_delivery(session, "Ev1", NOW)
    with sessions.begin() as session:
        assert not first_delivery(session, "Ev1", NOW)
        assert first_delivery(session, "Ev2", NOW)


def test_ids_older_than_any_retry_are_forgotten(sessions, rows):
    with sessions.begin() as session:
        first_delivery(session, "Ev1", NOW)
    with sessions.begin() as session:
        assert first_delivery(session, "Ev2", NOW + KEPT / 2)
    assert rows(SlackDelivery) == 2
    with sessions.begin() as session:
        first_delivery(session, "Ev3", NOW + KEPT * 2)
    assert rows(SlackDelivery) == 1
