"""English names of administrative divisions, and the districts of big cities, from the
countries-states-cities database (the `countrystatecity-countries` package: offline data).

pycountry codes every subdivision but names it in the local language ("Khabarovskiy kray",
"Kentrikí Makedonía"); this database names the same ISO 3166-2 codes as English news does
("Khabarovsk", "Central Macedonia"). Its towns include the districts of big cities that
GeoNames' city lists leave out ("Gangnam-gu" of Seoul, "Nansha" of Guangzhou).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import countrystatecity_countries as csc

from places.names import ascii_fold, fold
from places.place import Place

BIG_CITY = 1_000_000  # a city whose districts news names as places of their own
DISTRICT_REACH_KM = 15.0  # how far a city of a million reaches; it grows with its size
MAX_REACH_KM = 50.0
KM_PER_DEGREE = 111.2
# Romanized words for a city district ("Gangnam-gu", "Shibuya-ku", "Tianhe Qu"): news also
# writes the name without them.
DISTRICT_SUFFIXES = ("gu", "ku", "qu", "district")
MIN_BARE_DISTRICT = 5  # "Jung-gu" stays whole: "Jung" is a surname first
COMPASS_NAMES = frozenset({"north", "south", "east", "west", "central", "centre", "center"})


@dataclass(frozen=True, slots=True)
class Town:
    """A town or district as the database lists it (no population, no kind)."""

    name: str
    country: str
    latitude: float
    longitude: float
    source_id: int
    region: str = ""  # the ISO 3166-2 code of the division the database lists it under


@lru_cache(maxsize=1)
def english_names() -> dict[str, str]:
    """ISO 3166-2 code -> the division's English name ("RU-KHA" -> "Khabarovsk")."""
    return {
        state.iso3166_2: state.name
        for country in csc.get_countries()
        for state in csc.get_states_of_country(country.iso2)
        if state.iso3166_2
    }


def towns() -> Iterator[Town]:
    """Every town of the database, country by country."""
    for country in csc.get_countries():
        for state in csc.get_states_of_country(country.iso2):
            for city in csc.get_cities_of_state(country.iso2, state.state_code):
                yield Town(
                    name=city.name,
                    country=city.country_code,
                    latitude=float(city.latitude),
                    longitude=float(city.longitude),
                    source_id=city.id,
                    region=state.iso3166_2 or "",
                )


def _reach_km(population: int) -> float:
    """How far from its centre a big city's districts lie: Guangzhou's reach farther."""
    return min(MAX_REACH_KM, DISTRICT_REACH_KM * math.sqrt(population / BIG_CITY))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough at the scale of a city."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(x * 180 / math.pi, lat2 - lat1) * KM_PER_DEGREE


def within_city(district: Place, city: Place) -> bool:
    """Whether a district of the database lies within a big city's reach ("Nansha" of
    Guangzhou): the district is a place of its own, inside the city."""
    return district.key.startswith("district:") and within_reach(district, city)


def within_reach(place: Place, city: Place) -> bool:
    """Whether a place of the city's country lies within a big city's reach."""
    return (
        city.kind == "city"
        and (city.population or 0) >= BIG_CITY
        and place.country == city.country
        and None not in (place.latitude, place.longitude, city.latitude, city.longitude)
        and distance_km(place.latitude, place.longitude, city.latitude, city.longitude)
        <= _reach_km(city.population)
    )


def towns_near_big_cities(
    towns: Iterable[Town], cities: Iterable[dict]
) -> Iterator[tuple[Town, dict]]:
    """Each town within reach of a GeoNames city of a million people, with that city."""
    cells: dict[tuple[str, int, int], list[dict]] = defaultdict(list)
    for city in cities:
        if (city.get("population") or 0) >= BIG_CITY:
            lat, lon = round(city["latitude"]), round(city["longitude"])
            for dlat in (-1, 0, 1):
                for dlon in (-1, 0, 1):
                    cells[(city["countrycode"], lat + dlat, lon + dlon)].append(city)
    for town in towns:
        near = cells.get((town.country, round(town.latitude), round(town.longitude)), ())
        reached = [
            (distance_km(town.latitude, town.longitude, c["latitude"], c["longitude"]), c)
            for c in near
        ]
        reached = [(d, c) for d, c in reached if d <= _reach_km(c["population"])]
        if reached:
            yield town, min(reached, key=lambda pair: pair[0])[1]


def bare_district_name(name: str) -> str:
    """ "Gangnam-gu" -> "Gangnam"; a name without a district word as it is."""
    words = fold(name).split()
    if len(words) > 1 and words[-1] in DISTRICT_SUFFIXES:
        return " ".join(name.replace("-", " ").split()[:-1])
    return name


def district_aliases(name: str, bare: str) -> list[str]:
    """ "Nansha District"; "Gangnam" for "Gangnam-gu" unless too short to be no surname."""
    aliases = [ascii_fold(name), f"{bare} District"]
    if bare != name and len(bare) >= MIN_BARE_DISTRICT:
        aliases.append(bare)
    return aliases
