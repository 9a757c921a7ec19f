"""Countries and first-level regions: their names, ISO codes, and GeoNames' codes for regions.

GeoNames numbers a city's first-level region in its own way (`admin1` "13" is Hyogo, which
ISO 3166-2 codes JP-28; "13" is Tokyo to ISO). `RegionTable` reads either kind of place as one
region: a region by its own ISO code, a city through `data/admin1.json`, the one table from
GeoNames codes to ISO codes (made by `places.admin1`, which says how).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from places.names import ascii_fold
from places.place import Place

DATA = Path(__file__).parent / "data"
CURATED = DATA / "regions.json"
ADMIN1 = DATA / "admin1.json"
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region as ISO 3166-2 codes it, under the name English news gives it."""

    code: str  # "JP-28"
    name: str  # "Hyogo"; "Bavaria", not "Bayern"
    aliases: tuple[str, ...] = ()  # other names it is written as ("Bayern", "Hyōgo")

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    @property
    def suffix(self) -> str:
        """The code without its country: what a region place keeps as its `admin1`."""
        return self.code.split("-", 1)[1]


@dataclass(frozen=True)
class RegionTable:
    """Every first-level region by ISO code, and the GeoNames admin1 codes that denote them."""

    regions: dict[str, Region]  # "JP-28" -> Hyogo
    geonames: dict[tuple[str, str], str]  # ("JP", "13") -> "JP-28"

    def region(self, country: str, admin1: str | None) -> Region | None:
        """The region a city with this GeoNames `admin1` code lies in, when the data tells."""
        code = self.geonames.get((country, admin1)) if admin1 else None
        return self.regions.get(code) if code else None

    def code(self, place: Place) -> str | None:
        """The ISO suffix of a place's first-level region ("28" for Kobe), None if unknown.

        A region keeps its own `admin1` (a curated district names its region's: "CA" for
        Silicon Valley, "ENG" for Kent).
        """
        if place.kind == "region" or not place.admin1:
            return place.admin1
        code = self.geonames.get((place.country, place.admin1))
        return code.split("-", 1)[1] if code else None


def first_level_regions(curated: dict) -> list[Region]:
    """pycountry's first-level subdivisions, named as English news names them.

    The type word goes ("Guangdong Sheng" -> "Guangdong"), a bracketed local name becomes an
    alias ("Catalunya [Cataluña]"), and a curated English name leads ("Bavaria", not "Bayern").
    """
    type_words = set(curated["place_words"])
    english = curated["region_names"]
    regions = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name, aliases = clean_name(sub.name, type_words)
        aliases.append(ascii_fold(name))
        aliases += english.get(sub.code, [])
        full = [n for n in english.get(sub.code, []) if not n.endswith(".") and not n.isupper()]
        if full:  # "Bavaria", not "Bayern": English news uses the exonym
            aliases.append(name)
            name = full[0]
        regions.append(Region(sub.code, name, tuple(aliases)))
    return regions


def clean_name(name: str, type_words: set[str]) -> tuple[str, list[str]]:
    """'Guangdong Sheng' -> 'Guangdong'; 'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña'])."""
    aliases = [m for m in _BRACKETS.findall(name) if not re.search(r"[A-Z]{2}-", m)]
    name = _BRACKETS.sub("", name)
    if ", " in name:  # "Murcia, Región de"
        name = name.split(", ")[0]
    words = name.split()
    while len(words) > 1 and words[-1] in type_words:
        words.pop()
    return " ".join(words), aliases


def curated_data(path: Path = CURATED) -> dict:
    """data/regions.json: curated regions, English names, country aliases (see its `_about`)."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_regions(curated: dict | None = None) -> RegionTable:
    """The region table from the data shipped with the package."""
    regions = {r.code: r for r in first_level_regions(curated or curated_data())}
    table = code_pairs(json.loads(ADMIN1.read_text(encoding="utf-8")))
    geonames = {(country, admin1): f"{country}-{iso}" for (country, admin1), iso in table.items()}
    return RegionTable(regions, geonames)


def code_pairs(rows: dict[str, str]) -> dict[tuple[str, str], str]:
    """{"JP": "13 28 ..."} -> {("JP", "13"): "28", ...}: GeoNames code -> ISO suffix, as both
    data/admin1.json and `admin1_iso` in data/regions.json write them."""
    table = {}
    for country, row in rows.items():
        if not country.startswith("_"):  # "_about"
            words = row.split()
            pairs = zip(words[::2], words[1::2], strict=True)
            table.update({(country, g): iso for g, iso in pairs})
    return table


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """'NZ' -> 'New Zealand' (the common name where pycountry has one); unknown codes as given."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def shipped_regions() -> RegionTable:
    """The table as shipped, read once: for views, which label places and hold no gazetteer."""
    return load_regions()
