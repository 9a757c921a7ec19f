"""Places kept as columns (strings joined into one, numbers in arrays); a Place is made when read.

The lookup index is built once by the web process's master and shared by the workers it forks.
CPython writes a reference count into every object it reads, so each worker would copy, page
by page, the ~70,000 Place objects its lookups touch. Columns are a few objects in all: reading
them writes nothing shared.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload

from ingest.facts import Place

NONE = "\0"  # a missing string (no place field holds NUL or US)
FIELD_BREAK = "\x1f"  # between the string fields of one place


class PlaceTable(Sequence[Place]):
    """The gazetteer's places, read as `table[i]` like a list."""

    def __init__(self, places: Iterable[Place]):
        places = list(places)
        records = [FIELD_BREAK.join(_text_fields(p)) for p in places]
        self._text = "".join(records)  # each place's name, country, kind, code and admin1
        self._ends = array("Q", accumulate(map(len, records)))
        self._geonameids = array("q", (_or_minus(p.geonameid) for p in places))
        self._populations = array("q", (_or_minus(p.population) for p in places))
        self._latitudes = array("d", (_or_nan(p.latitude) for p in places))
        self._longitudes = array("d", (_or_nan(p.longitude) for p in places))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> Place: ...
    @overload
    def __getitem__(self, i: slice) -> list[Place]: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        record = self._text[self._ends[i - 1] if i else 0 : self._ends[i]]
        name, country, kind, code, admin1 = record.split(FIELD_BREAK)
        geonameid, population = self._geonameids[i], self._populations[i]
        latitude, longitude = self._latitudes[i], self._longitudes[i]
        return Place(
            name, country, kind, None if geonameid < 0 else geonameid,
            None if code == NONE else code, None if admin1 == NONE else admin1,
            None if latitude != latitude else latitude,  # NaN: none
            None if longitude != longitude else longitude,
            None if population < 0 else population,
        )  # fmt: skip

    def __iter__(self) -> Iterator[Place]:
        return (self[i] for i in range(len(self)))


def _text_fields(place: Place) -> tuple[str, ...]:
    fields = (place.name, place.country, place.kind, place.code, place.admin1)
    return tuple(NONE if value is None else value for value in fields)


def _or_minus(number: int | None) -> int:
    return -1 if number is None else number


def _or_nan(number: float | None) -> float:
    return math.nan if number is None else number
