"""Fuzzy place search for lookups over every GeoNames name and alternate name (native scripts too).

Order of attempts: the whole text as a known name or curated abbreviation ("SF", "NYC"); else a
qualifier is split off ("Dunedin, NZ", "Portland, Maine", "Antioch CA", "Victoria BC") and kind
words ("Sichuan province", "City of Cape Town") become a hint; then the exact alias index, the
name with its spaces closed up ("Xi an", "HongKong"), and last rapidfuzz over a prefiltered slice
of the aliases (same first letter and similar length; then large places' names whose second
letter a typo at the start would leave).
Ranking: qualifier fit, kind hint, match quality plus a population prior; a region yields to a
large same-named city of its own country ("Zurich", "Hamburg", "New York").
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial

import pycountry
from rapidfuzz import fuzz, process

from places.gazetteer import Gazetteer, collection_paused
from places.names import COUNTY_WORDS, fold
from places.place import Place
from places.regions import RegionTable

BEST_KNOWN = 3  # places offered for a country's name
FUZZY_CUTOFF = 80.0
FUZZY_HITS = 8
SURE_FUZZY = 90.0  # a same-first-letter match this close needs no wider search
LENGTH_SLACK = 2
LARGE_PLACE = 250_000
NAMESAKE_CITY = 100_000  # a region yields to a same-named city of its country this large
WORLD_CITY = 1_000_000
REGION_PRIOR = 0.5  # a region weighs half its share of its country's people: lookups seek cities
CITY_WORDS = frozenset({"city", "town", "municipality", "metropolis"})
REGION_WORDS = frozenset({"province", "prefecture", "state", "county", "region", "oblast"})
KIND_WORDS = CITY_WORDS | REGION_WORDS
# Romanized administrative suffixes: "Gyeonggi-do" is also typed "Gyeonggi".
REGION_SUFFIXES = ("do", "gwangyeoksi", "teukbyeolsi", "teukbyeoljachido", "ken", "fu", "sheng")
_TRIM = re.compile(r"^[\s\"'“”‘’.,;:!?]+|[\s\"'“”‘’,;:!?]+$")


@dataclass(frozen=True)
class Candidate:
    place: Place
    score: float  # match quality, 0-100
    matched: str  # the alias that matched, folded


@dataclass(frozen=True)
class Qualifier:
    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()  # (country, ISO 3166-2 suffix)

    def fits(self, place: Place, regions: RegionTable) -> bool:
        """Whether the place lies in a country or first-level region the qualifier names."""
        if place.country in self.countries:
            return True
        return (place.country, regions.code(place)) in self.regions

    def __bool__(self) -> bool:
        return bool(self.countries or self.regions)


@dataclass(frozen=True)
class Query:
    """What a user typed, taken apart: the name, a qualifier, and a kind hint from kind words."""

    name: str
    qualifier: Qualifier = Qualifier()
    kind: str | None = None  # "city" or "region"


@dataclass
class PlaceIndex:
    gaz: Gazetteer
    # Names by (first letter, length): the few buckets a fuzzy match scans.
    buckets: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    # Large places' names by (second letter, length): a typo at the start of a name keeps its
    # second letter at the second place (a wrong first letter), first (a dropped first letter,
    # or the first two swapped) or third (a letter added in front).
    large: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    by_key: dict[str, int] = field(default_factory=dict)  # Place.key -> index into gaz.places
    extra: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    region_codes: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    region_prior: dict[str, float] = field(default_factory=dict)  # country -> people per region
    region_country: dict[str, str] = field(default_factory=dict)  # "region:CN-HK" -> "HK"
    largest: dict[str, list[int]] = field(default_factory=dict)  # country -> its largest cities

    @classmethod
    def build(cls, gaz: Gazetteer) -> PlaceIndex:
        with collection_paused():
            return cls._build(gaz)

    @classmethod
    def _build(cls, gaz: Gazetteer) -> PlaceIndex:
        index = cls(gaz, by_key={place.key: i for i, place in enumerate(gaz.places)})
        index._index_regions(gaz.places)
        is_large = [_is_large(place) for place in gaz.places]
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        large: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key, entries in [*gaz.names.items(), *index.extra.items()]:
            buckets[(key[:1], len(key))].append(key)
            if any(is_large[i] for i, _ in entries):
                large[(key[1:2], len(key))].append(key)
        index.buckets, index.large = dict(buckets), dict(large)
        return index

    def search(self, query: str, limit: int = 5, *, fuzzy: bool = True) -> list[Candidate]:
        """Best places for what a user typed, best first; empty when nothing is close.

        Without `fuzzy`, only names matched as typed (give or take case, accents and spaces).
        """
        text = _TRIM.sub("", " ".join(query.split()))
        found = self._known(text)
        parsed = Query(text)
        if not found:
            parsed = self._parse(text)
            found = self._known(parsed.name) or self._compact(parsed.name)
            if not found and fuzzy:
                found = self._fuzzy(fold(parsed.name))
        return self._rank(found, parsed)[:limit]

    def place_by_key(self, key: str) -> Place | None:
        """The place with this identity (see `Place.key`), if the gazetteer has it."""
        i = self.by_key.get(key)
        return None if i is None else self.gaz.places[i]

    def _index_regions(self, places: list[Place]) -> None:
        """Region codes for qualifiers ("BC", "NSW"), suffix-less names, population priors."""
        for i, place in enumerate(places):
            self._rank_city(i, place)
            if place.kind != "region" or not place.code:
                continue
            country, _, suffix = place.code.partition("-")
            if self.gaz.country(place.name) == suffix:  # Hong Kong, Macao, Taiwan
                self.region_country[place.key] = suffix
            if suffix.isalpha() and suffix.isupper():
                self.region_codes.setdefault(suffix.lower(), set()).add((country, place.admin1))
            for alias in _suffixless(place.name):
                if alias not in self.gaz.names:
                    self.extra.setdefault(alias, []).append((i, False))
        self.region_prior = {c: REGION_PRIOR * n for c, n in self.gaz.people_per_region.items()}

    def _rank_city(self, i: int, place: Place) -> None:
        """Keep the country's few largest cities (the gazetteer lists cities largest first)."""
        largest = self.largest.setdefault(place.country, [])
        if place.population and len(largest) < BEST_KNOWN:
            largest.append(i)

    def namesake_country(self, text: str) -> str | None:
        """The country `text` names by its own name ("Georgia": GE), not by a code or demonym."""
        text = _TRIM.sub("", " ".join(text.split()))
        code = self.gaz.country(text) if len(text) > 3 else None
        return code if code and self._country_name(text, code) else None

    def _country_name(self, text: str, code: str) -> bool:
        country = pycountry.countries.get(alpha_2=code)
        names = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
        return fold(text) in {fold(n) for n in [*names, self.gaz.country_names.get(code)] if n}

    def best_known(self, country: str) -> list[Place]:
        """A country's largest cities, largest first: what to offer for a country's name."""
        return [self.gaz.places[i] for i in self.largest.get(country, ())]

    def _entries(self, key: str) -> list[tuple[int, bool]]:
        return [*self.gaz.names.get(key, ()), *self.extra.get(key, ())]

    def _known(self, name: str) -> list[Candidate]:
        """Exact matches of the whole name, curated abbreviations first."""
        return self._abbreviation(name) + self._exact(fold(name))

    def _exact(self, key: str) -> list[Candidate]:
        return [
            Candidate(self.gaz.places[i], 100.0 if primary else 98.0, key)
            for i, primary in self._entries(key)
        ]

    def _compact(self, name: str) -> list[Candidate]:
        """ "Xi an" -> "xian"; "Hong Kong" typed as "HongKong" is an alias already."""
        key = fold(name).replace(" ", "")
        return [Candidate(c.place, c.score - 2.0, key) for c in self._exact(key)]

    def _abbreviation(self, name: str) -> list[Candidate]:
        full = self.gaz.abbreviations.get(fold(name))
        if not full:
            return []
        return [
            Candidate(p, 101.0, fold(full)) for p, primary in self.gaz.candidates(full) if primary
        ]

    def _fuzzy(self, key: str) -> list[Candidate]:
        """Close spellings: same first letter first; if that fails, large places' names as a
        typo at the start would leave them."""
        if len(key) < 3:
            return []
        lengths = range(len(key) - LENGTH_SLACK, len(key) + LENGTH_SLACK + 1)
        hits = self._closest(key, [self.buckets.get((key[:1], n), ()) for n in lengths])
        if not hits or hits[0][1] < SURE_FUZZY:
            seconds = {key[1:2], key[:1], key[2:3]}
            pools = [self.large.get((c, n), ()) for c in seconds for n in lengths]
            hits += self._closest(key, pools)
        return [
            Candidate(self.gaz.places[i], score, alias)
            for alias, score, _ in hits
            for i, _ in self._entries(alias)
        ]

    @staticmethod
    def _closest(key: str, pools: list[list[str]]) -> list[tuple[str, float, int]]:
        """The 8 closest names of the pools, best first (a pool at a time: no list of all)."""
        hits = []
        for pool in pools:
            if pool:
                hits += process.extract(
                    key, pool, scorer=fuzz.ratio, limit=FUZZY_HITS, score_cutoff=FUZZY_CUTOFF
                )
        return heapq.nlargest(FUZZY_HITS, hits, key=lambda hit: hit[1])  # stable: pool order

    def _parse(self, text: str) -> Query:
        """Split off a qualifier, then kind words: "Sichuan province", "Quebec City, Canada"."""
        name, qualifier = self._split(text)
        kind, bare = _kind_hint(name)
        return Query(bare, qualifier, kind)

    def _split(self, text: str) -> tuple[str, Qualifier]:
        """ "Dunedin, NZ" -> ("Dunedin", NZ); "Antioch CA" -> ("Antioch", California or Canada)."""
        if "," in text:
            name, _, rest = text.partition(",")
            qualifier = self._qualifier(rest.strip())
            if qualifier:
                return name.strip(), qualifier
        words = text.replace(",", " ").split()
        for cut in (1, 2):
            head = " ".join(words[:-cut])
            if len(words) > cut and self.gaz.knows(_kind_hint(head)[1]):
                qualifier = self._qualifier(" ".join(words[-cut:]))
                if qualifier:
                    return head, qualifier
        return text, Qualifier()

    def _qualifier(self, text: str) -> Qualifier:
        """A country, or a first-level region by name or code, that narrows the answer."""
        key = fold(text).removeprefix("the ")
        if not key or key in KIND_WORDS:
            return Qualifier()
        countries, regions = set(), set(self.region_codes.get(key, ()))
        code = key.upper()
        if code in self.gaz.country_names:
            countries.add(code)
        if code == "UK":
            countries.add("GB")
        if self.gaz.country(key):
            countries.add(self.gaz.country(key))
        for i, _ in self._entries(key):
            place = self.gaz.places[i]
            if place.kind == "region" and place.admin1:
                regions.add((place.country, place.admin1))
        return Qualifier(frozenset(countries), frozenset(regions))

    def _rank(self, found: list[Candidate], query: Query) -> list[Candidate]:
        """One candidate per place: qualifier fit, kind hint, then match quality and size."""
        best: dict[str, Candidate] = {}
        for cand in found:
            if cand.place.key not in best or cand.score > best[cand.place.key].score:
                best[cand.place.key] = cand
        candidates = list(best.values())
        fits = partial(query.qualifier.fits, regions=self.gaz.regions) if query.qualifier else None
        for keep in (fits, _of_kind(query.kind)):
            if keep and any(keep(c.place) for c in candidates):
                candidates = [c for c in candidates if keep(c.place)]
        value = {
            c.place.key: c.score + self._size_bonus(c.place) + _diacritics_bonus(c, query.name)
            for c in candidates
        }
        if query.kind != "region":
            self._yield_to_namesakes(candidates, value)
        return sorted(candidates, key=lambda c: -value[c.place.key])

    def _yield_to_namesakes(self, candidates: list[Candidate], value: dict[str, float]) -> None:
        """Rank a region just below a large city of its country matched by the same name."""
        cities: dict[tuple[str, str], float] = {}
        for c in candidates:
            if _namesake(c):
                slot = (c.place.country, c.matched)
                cities[slot] = max(cities.get(slot, -math.inf), value[c.place.key])
        for c in candidates:
            if c.place.kind != "region":
                continue
            countries = {c.place.country, self.region_country.get(c.place.key)}
            namesakes = [cities.get((country, c.matched), math.inf) for country in countries]
            value[c.place.key] = min(value[c.place.key], min(namesakes) - 0.5)

    def _size_bonus(self, place: Place) -> float:
        """A population prior; a region counts its country's people per region."""
        population = place.population
        if population is None and place.kind == "region":
            population = self.region_prior.get(place.country, 1_000_000)
        return 2.0 * math.log10((population or 0) + 10)


def _namesake(c: Candidate) -> bool:
    """A large city named exactly what matched, or "<it> City" if it is a world city (NYC)."""
    population, name = c.place.population or 0, fold(c.place.name)
    if c.place.kind != "city" or population < NAMESAKE_CITY:
        return False
    return name == c.matched or (name == f"{c.matched} city" and population >= WORLD_CITY)


def _diacritics_bonus(c: Candidate, typed: str) -> float:
    """Typed with its accents ("Münster", not "Munster"): the user meant that spelling."""
    return 1.0 if not typed.isascii() and c.place.name.casefold() == typed.casefold() else 0.0


def _of_kind(kind: str | None):
    """A filter keeping places of the hinted kind, or None without a hint."""
    return None if kind is None else lambda place: place.kind == kind


def _kind_hint(name: str) -> tuple[str | None, str]:
    """ "Sichuan province" -> ("region", "Sichuan"); "City of Cork" -> ("city", "Cork");
    "County Clare" -> ("region", "Clare")."""
    words = name.split()
    if len(words) > 1 and words[0].title() in COUNTY_WORDS:
        return "region", " ".join(words[1:])  # "County Clare", "Co. Kerry"
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower() in KIND_WORDS:
        return _kind_of(words[0]), " ".join(words[2:])
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        return _kind_of(words[-1]), " ".join(words[:-1])
    return None, name


def _kind_of(word: str) -> str | None:
    word = word.lower()
    return "region" if word in REGION_WORDS else "city" if word != "municipality" else None


def _suffixless(name: str) -> list[str]:
    """Keys a region is also typed as: "Gyeonggi-do" -> ["gyeonggi"]."""
    key = fold(name)
    head, _, suffix = key.rpartition(" ")
    return [head] if head and suffix in REGION_SUFFIXES else []


def _is_large(place: Place) -> bool:
    return place.kind == "region" or (place.population or 0) >= LARGE_PLACE
