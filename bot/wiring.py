"""Builds the long-lived parts once per process: the store's sessions, the place index."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from handlers.lookups import LookupService
from handlers.services import Services
from ingest.gazetteer import load_gazetteer
from ingest.lookup import PlaceIndex
from store.db import make_engine, make_sessions
from store.migrate import upgrade


def store_sessions(settings: Settings) -> sessionmaker[Session]:
    """Sessions on the configured store, migrated to the newest schema first."""
    upgrade(settings.database_url)
    return make_sessions(make_engine(settings.database_url))


@lru_cache(maxsize=2)
def place_index(cache_dir: str) -> PlaceIndex:
    """The lookup index over every name and alias; built once per process."""
    return PlaceIndex.build(load_gazetteer(Path(cache_dir), every_alias=True))


def make_services(settings: Settings) -> Services:
    sessions = store_sessions(settings)
    return Services(lookups=LookupService(sessions, place_index(str(settings.citylink_cache_dir))))
