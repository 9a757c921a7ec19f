"""Fault fixtures: the digest tests' store, clock and Web API stand-in, and news in two parts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.config import Settings, load_settings
from facts.shapes import Place
from tests.digests.conftest import (  # noqa: F401 - fixtures shared with the digest tests
    SHANGHAI,
    clock,
    report,
    service,
    subscribe,
)

TWO_PART_LINKS = 300  # short lines past the first few: more than one message holds


@pytest.fixture
def two_part_news(report):  # noqa: F811 - the fixture imported above
    """News for a digest in two parts, arriving in the six days before `due`."""

    def add(due: datetime) -> None:
        for n in range(TWO_PART_LINKS):
            town = Place(f"Town {n}", "NZ", "city", geonameid=9_000_000 + n)
            sentence = "{a} sent a delegation to {b}. " + "Long. " * 60
            report(due - timedelta(days=6, minutes=n), (town, SHANGHAI, "visit", "new"),
                   title=f"Visit {n}", sentence=sentence)  # fmt: skip

    return add


@pytest.fixture
def slack_settings(standin) -> Settings:  # noqa: F811
    return load_settings(slack_api_url=standin.url, slack_bot_token="xoxb-test")


def texts(calls) -> list[str]:
    """The fallback texts of messages, e.g. 'Partnership news (1/2)'."""
    return [c["text"] for c in calls]
