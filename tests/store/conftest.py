"""Store fixtures: a migrated real database per test, SQLite always, PostgreSQL when configured."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from facts.shapes import ArticleFacts, ArticleText, Partnership, Person, Place, PlaceMention
from store import models
from store.repository import add_article
from store.results import AddResult

DUNEDIN = Place("Dunedin", "NZ", "city", geonameid=2191562, admin1="Otago", population=114347)
SHANGHAI = Place("Shanghai", "CN", "city", geonameid=1796236, population=22315474)
STIRLING = Place("Stirling", "GB", "city", geonameid=2636910)
OTAGO = Place("Otago", "NZ", "region", code="NZ-OTA")


@pytest.fixture
def add(sessions) -> Callable[..., AddResult]:
    """Add an article in its own transaction, as a handler would."""

    def add(text: str, facts: ArticleFacts | None = None, *, url=None, **options) -> AddResult:
        with sessions.begin() as session:
            article = ArticleText(text=text, url=url)
            return add_article(session, article, facts or ArticleFacts(), **options)

    return add


@pytest.fixture
def rows(sessions) -> Callable[..., int]:
    """How many rows of `model` match `where`, read in a fresh transaction."""

    def rows(model: type[models.Base], *where) -> int:
        with sessions.begin() as session:
            return session.scalar(select(func.count()).select_from(model).where(*where))

    return rows


def sister_cities(
    a: Place,
    b: Place,
    *,
    status="existing",
    year=1994,
    published="2024-05-24",
    sentence=None,
    title="Sister cities",
) -> ArticleFacts:
    """Facts of an article reporting that `a` and `b` are sister cities."""
    sentence = sentence or f"{a.name} and {b.name} have been sister cities since {year}."
    return ArticleFacts(
        title=title,
        published=published,
        places=[PlaceMention(a, 3), PlaceMention(b, 2)],
        people=[Person("Jules Radich", "mayor", DUNEDIN)],
        partnerships=[Partnership(a, b, "sister_city", status, sentence, year)],
    )


@pytest.fixture
def places() -> SimpleNamespace:
    return SimpleNamespace(dunedin=DUNEDIN, shanghai=SHANGHAI, stirling=STIRLING, otago=OTAGO)


@pytest.fixture
def sister_facts() -> Callable[..., ArticleFacts]:
    return sister_cities
