"""Fuzzy place search for lookups over every GeoNames name and alternate name (native scripts too).

Order of attempts: curated abbreviations ("SF", "NYC"), the exact alias index, then rapidfuzz
over a prefiltered slice of the aliases (same first letter and similar length, plus the names of
large places whatever their first letter). Qualifiers ("Dunedin, NZ", "Portland, Maine",
"Antioch CA") narrow the answer to a country or first-level region.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ingest.facts import Place
from ingest.gazetteer import Gazetteer, fold

FUZZY_CUTOFF = 80.0
LENGTH_SLACK = 2
LARGE_PLACE = 250_000
KIND_WORDS = frozenset({"city", "town", "province", "prefecture", "state", "county", "region"})


@dataclass(frozen=True)
class Candidate:
    place: Place
    score: float  # match quality, 0-100
    matched: str  # the alias that matched, folded


@dataclass(frozen=True)
class Qualifier:
    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()  # (country, admin1)

    def fits(self, place: Place) -> bool:
        return place.country in self.countries or (place.country, place.admin1) in self.regions

    def __bool__(self) -> bool:
        return bool(self.countries or self.regions)


@dataclass
class PlaceIndex:
    gaz: Gazetteer
    buckets: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    large: list[str] = field(default_factory=list)
    by_key: dict[str, Place] = field(default_factory=dict)

    @classmethod
    def build(cls, gaz: Gazetteer) -> PlaceIndex:
        index = cls(gaz, by_key={place.key: place for place in gaz.places})
        for key, entries in gaz.names.items():
            index.buckets[(key[:1], len(key))].append(key)
            if any(_is_large(gaz.places[i]) for i, _ in entries):
                index.large.append(key)
        return index

    def search(self, query: str, limit: int = 5) -> list[Candidate]:
        """Best places for what a user typed, best first; empty when nothing is close."""
        name, qualifier = self._split(query)
        found = self._abbreviation(name) + self._exact(name)
        if not found:
            name = _strip_kind_word(name)
            found = self._exact(name) or self._fuzzy(fold(name))
        return _rank(found, qualifier)[:limit]

    def place_by_key(self, key: str) -> Place | None:
        """The place with this identity (see `Place.key`), if the gazetteer has it."""
        return self.by_key.get(key)

    def _exact(self, name: str) -> list[Candidate]:
        key = fold(name)
        return [
            Candidate(p, 100.0 if primary else 98.0, key)
            for p, primary in self.gaz.candidates(name)
        ]

    def _abbreviation(self, name: str) -> list[Candidate]:
        full = self.gaz.abbreviations.get(fold(name))
        if not full:
            return []
        return [
            Candidate(p, 101.0, fold(full)) for p, primary in self.gaz.candidates(full) if primary
        ]

    def _fuzzy(self, key: str) -> list[Candidate]:
        if len(key) < 3:
            return []
        pool = [
            k
            for n in range(len(key) - LENGTH_SLACK, len(key) + LENGTH_SLACK + 1)
            for k in self.buckets.get((key[:1], n), ())
        ]
        pool += [k for k in self.large if abs(len(k) - len(key)) <= LENGTH_SLACK]
        hits = process.extract(key, pool, scorer=fuzz.ratio, limit=8, score_cutoff=FUZZY_CUTOFF)
        return [
            Candidate(self.gaz.places[i], score, alias)
            for alias, score, _ in hits
            for i, _ in self.gaz.names[alias]
        ]

    def _split(self, query: str) -> tuple[str, Qualifier]:
        """ "Dunedin, NZ" -> ("Dunedin", NZ); "Antioch CA" -> ("Antioch", California or Canada)."""
        text = " ".join(query.split())
        if "," in text:
            name, _, rest = text.partition(",")
            qualifier = self._qualifier(rest.strip())
            if qualifier:
                return name.strip(), qualifier
        words = text.split()
        for cut in (1, 2):
            if len(words) > cut and self.gaz.knows(" ".join(words[:-cut])):
                qualifier = self._qualifier(" ".join(words[-cut:]))
                if qualifier:
                    return " ".join(words[:-cut]), qualifier
        return text, Qualifier()

    def _qualifier(self, text: str) -> Qualifier:
        countries, regions = set(), set()
        code = text.upper().replace(".", "")
        if code in self.gaz.country_names:
            countries.add(code)
        if code == "UK":
            countries.add("GB")
        if self.gaz.country(text):
            countries.add(self.gaz.country(text))
        for place, _ in self.gaz.candidates(text):
            if place.kind == "region":
                regions.add((place.country, place.admin1))
        if len(code) == 2:
            regions.add(("US", code))  # "Antioch CA": a US state code
        return Qualifier(frozenset(countries), frozenset(regions))


def _strip_kind_word(name: str) -> str:
    """ "Sichuan province" -> "Sichuan"; "Meishan City" -> "Meishan"."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        return " ".join(words[:-1])
    return name


def _is_large(place: Place) -> bool:
    return place.kind == "region" or (place.population or 0) >= LARGE_PLACE


def _rank(found: list[Candidate], qualifier: Qualifier) -> list[Candidate]:
    """One candidate per place: qualifier fit first, then match quality, then size."""
    best: dict[str, Candidate] = {}
    for cand in found:
        if cand.place.key not in best or cand.score > best[cand.place.key].score:
            best[cand.place.key] = cand
    candidates = list(best.values())
    if qualifier and any(qualifier.fits(c.place) for c in candidates):
        candidates = [c for c in candidates if qualifier.fits(c.place)]
    return sorted(candidates, key=lambda c: -(c.score + _size_bonus(c.place)))


def _size_bonus(place: Place) -> float:
    population = place.population or (2_000_000 if place.kind == "region" else 0)
    return 2.0 * math.log10(population + 10)
