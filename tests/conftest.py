"""Fixtures shared by every test package: the real spaCy pipeline, built once per run."""

import pytest

from ingest.extract import Extractor
from ingest.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp)
