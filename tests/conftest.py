"""Fixtures shared by every test package: the real spaCy pipeline, built once per run, and
real databases (SQLite always, PostgreSQL too when CITYLINK_TEST_DATABASE_URL is set)."""

import os

import pytest
from sqlalchemy import create_engine

from bot.config import load_settings
from bot.standin import WebAPIStandIn
from ingest.extract import Extractor
from ingest.pipeline import build_nlp
from store.db import make_engine, make_sessions
from store.migrate import upgrade
from tests.articles_server import ArticleServer

POSTGRES_URL = os.environ.get("CITYLINK_TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


@pytest.fixture(scope="session")
def nlp():
    """The pipeline exactly as the app builds it from its settings (so both share one copy)."""
    settings = load_settings()
    return build_nlp(settings.citylink_spacy_model, str(settings.citylink_cache_dir))


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp)


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
def standin():
    """The local Slack Web API (`SLACK_API_URL`), recording every call."""
    server = WebAPIStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def web():
    """A local web server for articles to forward and fetch."""
    server = ArticleServer()
    yield server
    server.stop()
