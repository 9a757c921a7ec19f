"""Store fixtures: a migrated real database per test, SQLite always, PostgreSQL when configured."""

from __future__ import annotations

import os
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, func, select

from ingest.facts import ArticleFacts, ArticleText, Partnership, Person, Place, PlaceMention
from store import models
from store.db import make_engine, make_sessions
from store.migrate import upgrade
from store.repository import add_article
from store.results import AddResult

POSTGRES_URL = os.environ.get("CITYLINK_TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]

DUNEDIN = Place("Dunedin", "NZ", "city", geonameid=2191562, admin1="Otago", population=114347)
SHANGHAI = Place("Shanghai", "CN", "city", geonameid=1796236, population=22315474)
STIRLING = Place("Stirling", "GB", "city", geonameid=2636910)
OTAGO = Place("Otago", "NZ", "region", code="NZ-OTA")


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    """An empty database: a fresh SQLite file, or PostgreSQL with its schema dropped."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'citylink.db'}"
    _reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def engine(database_url):
    upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return make_sessions(engine)


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
