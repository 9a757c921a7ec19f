"""Lookup quality: what users type finds the place they mean (data/lookup/queries.json)."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest

from places.gazetteer import load_gazetteer
from places.index import PlaceIndex

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "data" / "lookup" / "queries.json"
MIN_TOP1 = 0.97
CONFIDENT = 85.0  # handlers/lookups.py: a weaker match is only offered as "did you mean"
NONSENSE = [
    "asdfghjkl",
    "qwxzvbnm",
    "zzzzzz",
    "xqjvkw plmrt",
    "lorem ipsum dolor",
    "!!!???",
    "1234567",
]


def load_queries() -> list[dict]:
    """The quality list: each query with the place it should find."""
    return json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]


def expected_key(item: dict) -> str:
    """The `Place.key` the query should find first."""
    if "geonameid" in item:
        return f"geonames:{item['geonameid']}"
    return f"region:{item['code']}"


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    """The lookup index exactly as the app builds it (every alias, native scripts included)."""
    from bot.config import load_settings

    return PlaceIndex.build(load_gazetteer(load_settings().citylink_cache_dir, every_alias=True))


def test_the_list_is_large_and_well_formed():
    items = load_queries()
    assert len(items) >= 120
    assert len({i["query"] for i in items}) == len(items), "duplicate queries"
    assert all(("geonameid" in i) != ("code" in i) for i in items)


def test_the_expected_places_exist(index):
    missing = [i["query"] for i in load_queries() if not index.place_by_key(expected_key(i))]
    assert not missing, f"expected places not in the gazetteer: {missing}"


def test_top1_accuracy(index):
    items = load_queries()
    failures, times = [], []
    for item in items:
        start = time.perf_counter()
        found = index.search(item["query"])
        times.append(time.perf_counter() - start)
        if not found or found[0].place.key != expected_key(item):
            got = f"{found[0].place.name} {found[0].place.key}" if found else "nothing"
            failures.append(
                f"{item['query']!r}: want {item['name']} ({item['country']}), got {got}"
            )
    accuracy = 1 - len(failures) / len(items)
    p50, p95 = _percentiles(times)
    report = f"top-1 {accuracy:.3f} over {len(items)}; p50 {p50:.2f} ms, p95 {p95:.2f} ms"
    print(report)
    assert accuracy >= MIN_TOP1, report + "\n" + "\n".join(failures)


def test_confident_answers_name_the_expected_place(index):
    """A query answered as a card (score >= 85) must not be a wrong place."""
    items = load_queries()
    wrong = []
    for item in items:
        found = index.search(item["query"], limit=1)
        if found and found[0].score >= CONFIDENT and found[0].place.key != expected_key(item):
            wrong.append(f"{item['query']!r} -> {found[0].place.name} ({found[0].score:.0f})")
    assert len(wrong) <= (1 - MIN_TOP1) * len(items), wrong


@pytest.mark.parametrize("text", NONSENSE)
def test_nonsense_finds_nothing_confident(index, text):
    found = index.search(text)
    assert all(c.score < CONFIDENT for c in found), [(c.place.name, c.score) for c in found]


def _percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    cuts = statistics.quantiles([s * 1000 for s in seconds], n=20)
    return statistics.median(seconds) * 1000, cuts[18]


@pytest.mark.parametrize(
    ("typed", "exact"),
    [("Chongqing", True), ("chungking", True), ("Xi an", True), ("Chongqnig", False)],
)
def test_a_search_without_fuzzy_matching_finds_names_only_as_typed(index, typed, exact):
    """A pair's "A & B" is first checked as one name: no typo of one may stand for it."""
    assert bool(index.search(typed, fuzzy=False)) is exact
    assert index.search(typed), "a fuzzy search still finds it"
