"""Fixtures shared by every test package: the real spaCy pipeline, built once per run."""

import pytest

from bot.config import load_settings
from ingest.extract import Extractor
from ingest.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp():
    """The pipeline exactly as the app builds it from its settings (so both share one copy)."""
    settings = load_settings()
    return build_nlp(settings.citylink_spacy_model, str(settings.citylink_cache_dir))


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp)
