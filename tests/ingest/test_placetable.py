"""The lookup gazetteer's places kept as columns read back as the same places."""

from __future__ import annotations

import pickle

from ingest.facts import Place
from ingest.placetable import PlaceTable

PLACES = [
    Place("Dunedin", "NZ", "city", 2191562, None, "F6", -45.87, 170.5, 114347),
    Place("Sichuan", "CN", "region", code="CN-SC"),
    Place("Zürich", "CH", "city", 2657896, admin1="ZH", population=0),
    Place("上海", "CN", "city", 1796236, latitude=31.22, longitude=121.46),
]


def test_every_place_reads_back_the_same_with_its_missing_fields():
    table = PlaceTable(PLACES)
    assert len(table) == len(PLACES)
    assert list(table) == PLACES
    assert [table[i] for i in range(len(PLACES))] == PLACES
    assert table[-1] == PLACES[-1] and table[1:3] == PLACES[1:3]
    assert table[2].population == 0 and table[1].population is None


def test_a_pickled_table_reads_the_same():
    assert list(pickle.loads(pickle.dumps(PlaceTable(PLACES)))) == PLACES
