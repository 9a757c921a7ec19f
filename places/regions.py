"""Countries and regions: their names, ISO codes, and GeoNames' codes for first-level regions.

Regions are pycountry's subdivisions (first-level ones, and second-level provinces, departments
and counties) under the English names of `data/regions.json` or of the countries-states-cities
database (`places.divisions`): "Central Macedonia", not "Kentrikí Makedonía".

GeoNames numbers a city's first-level region in its own way (`admin1` "13" is Hyogo, which
ISO 3166-2 codes JP-28; "13" is Tokyo to ISO). `RegionTable` reads either kind of place as one
region: a region by its own ISO code, a city through `data/admin1.json`, the one table from
GeoNames codes to ISO codes (made by `places.admin1`, which says how).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from places.divisions import english_names
from places.names import ascii_fold, fold
from places.place import Place

DATA = Path(__file__).parent / "data"
CURATED = DATA / "regions.json"
ADMIN1 = DATA / "admin1.json"
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")  # "Bicol (Region V)", "Jerusalem (Quds)"
# The English word for a division's type, from the last word of its local name or of its
# ISO 3166-2 type: what English news writes after a name ("Khabarovsk Krai", "Basra Governorate").
DESIGNATORS = {
    "oblast'": "Oblast", "oblast": "Oblast", "kray": "Krai", "krai": "Krai", "okrug": "Okrug",
    "province": "Province", "prefecture": "Prefecture", "county": "County", "state": "State",
    "region": "Region", "governorate": "Governorate", "district": "District",
    "department": "Department", "canton": "Canton", "emirate": "Emirate",
    "voivodship": "Voivodeship", "division": "Division",
}  # fmt: skip
# What English news writes for a type word of its own: "Khabarovsk Territory" is the krai.
ENGLISH_DESIGNATORS = {"territory": "Krai"}
# Malay and Indonesian names put the direction last ("Jawa Timur"); English news puts it
# first, with the island's English name ("East Java").
MALAY_DIRECTIONS = {
    "utara": "North", "selatan": "South", "timur": "East", "barat": "West", "tengah": "Central",
    "tenggara": "Southeast", "barat daya": "Southwest", "timur laut": "Northeast",
}  # fmt: skip
MALAY_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}
# Arabic names open with the article ("Al Jahrā’", "As Sulaymānīyah"), which English news
# often drops ("Jahra", "Sulaymaniyah"): the countries whose regions are named in Arabic.
ARABIC_NAMED = frozenset(
    {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD"}
    | {"SY", "TN", "YE"}
)
ARABIC_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|ad|at|az|adh|ath)[- ](?=\w{3})", re.I)
# Second-level subdivisions news names as places: provinces, departments, counties.
LOWER_LEVEL_TYPES = frozenset({"province", "department", "county", "prefecture"})
# ... and Britain's councils ("the London Borough of Hackney", "Kirklees", "Renfrewshire"); a
# council outside London named like a town abroad ("Halton", "Highland") is left out.
BRITISH_COUNCILS = frozenset(
    {"london borough", "metropolitan district", "unitary authority", "council area", "district"}
)


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region as ISO 3166-2 codes it, under the name English news gives it."""

    code: str  # "JP-28"
    name: str  # "Hyogo"; "Bavaria", not "Bayern"
    aliases: tuple[str, ...] = ()  # other names it is written as ("Bayern", "Hyōgo")
    designator: str | None = None  # the English word for its type ("Krai", "Province")
    within: str | None = None  # a second-level region's first-level ISO suffix ("NAQ")
    local: str = ""  # its name in pycountry, type word gone ("Khabarovskiy")
    type: str = ""  # its ISO 3166-2 type, lower case ("province", "country": Wales)

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    @property
    def suffix(self) -> str:
        """The code without its country: what a region place keeps as its `admin1`."""
        return self.code.split("-", 1)[1]

    @property
    def place_in_text(self) -> bool:
        """Whether news means a place by its name: not a nation of a union (Wales) nor an
        island group (Kalimantan)."""
        return self.type != "country" and not self.type.startswith("geographical")

    @property
    def admin1(self) -> str:
        """The ISO suffix of the first-level region it is or lies in."""
        return self.within or self.suffix


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
    alias ("Catalunya [Cataluña]"), and an English name leads: the curated one ("Bavaria", not
    "Bayern"), else the countries-states-cities database's ("Central Macedonia").
    """
    return [_region(sub, curated) for sub in pycountry.subdivisions if sub.parent_code is None]


def lower_regions(curated: dict) -> list[Region]:
    """Second-level provinces, departments, counties and British councils ("Albay",
    "Gironde", "West Java", "Hackney")."""
    by_code = {s.code: s for s in pycountry.subdivisions}
    found = []
    for sub in pycountry.subdivisions:
        british = sub.country_code == "GB" and sub.type.lower() in BRITISH_COUNCILS
        if sub.parent_code is None or not (
            british or sub.type.split()[-1].lower() in LOWER_LEVEL_TYPES
        ):
            continue
        top = sub
        while top.parent_code:
            top = by_code[top.parent_code]
        found.append(_region(sub, curated, within=top.code.split("-", 1)[1]))
    return found


def _region(sub, curated: dict, within: str | None = None) -> Region:
    """One subdivision under its English name, its other names as aliases."""
    type_words = set(curated["place_words"])
    name, aliases = clean_name(sub.name, type_words)
    aliases.append(ascii_fold(name))
    curated_english = curated["region_names"].get(sub.code, [])
    aliases += curated_english
    full = [n for n in curated_english if not n.endswith(".") and not n.isupper()]
    english = clean_name(_PARENTHESES.sub("", english_names().get(sub.code, "")), type_words)[0]
    local, lead = name, full[0] if full else english
    if not full and not sub.type.lower().startswith("geographical"):  # "Nusa Tenggara" stays
        lead = _english_malay(lead or name)
    # "Bavaria", not "Bayern": news uses the exonym; a curated spelling wins ("KwaZulu-Natal")
    if lead and (fold(lead) != fold(name) or lead in curated_english) and lead != name:
        aliases.append(name)
        name = lead
    if sub.country_code in ARABIC_NAMED:  # "Jahra Governorate", "Anbar province"
        bare = [n for n in map(_without_article, (name, local)) if n]
        aliases += [n for n in bare if fold(n) in _one_region_names()]
    designator = _designator(sub)
    return Region(sub.code, name, tuple(aliases), designator, within, local, sub.type.lower())


def _without_article(name: str) -> str | None:
    """ "Al Jahrā’" -> "Jahrā’"; None for a name without the Arabic article."""
    return ARABIC_ARTICLE.sub("", name) if ARABIC_ARTICLE.match(name) else None


@lru_cache(maxsize=1)
def _one_region_names() -> frozenset[str]:
    """The names without their article (folded) that only one region bears: not "Sharqīyah", the
    eastern province of Egypt and of Saudi Arabia alike."""
    subs = [s for s in pycountry.subdivisions if s.country_code in ARABIC_NAMED]
    counts = Counter(fold(n) for n in (_without_article(s.name) for s in subs) if n)
    return frozenset(n for n, count in counts.items() if count == 1)


def _english_malay(name: str) -> str:
    """ "Jawa Timur" -> "East Java", "Sumatera Utara" -> "North Sumatra"; other names as given."""
    lower = name.lower()
    for words, direction in MALAY_DIRECTIONS.items():
        if lower.endswith(" " + words):
            head = name[: -len(words) - 1]
            return f"{direction} {MALAY_ISLANDS.get(head, head)}"
    return name


def _designator(sub) -> str | None:
    """ "Khabarovskiy kray" -> "Krai"; type "Province" -> "Province"; None if neither says."""
    local = sub.name.split()[-1].lower()
    return DESIGNATORS.get(local) or DESIGNATORS.get(sub.type.split()[-1].lower())


def first_level_text_names(region: Region, curated: dict, city_names) -> tuple[str, list[str]]:
    """A region's name and aliases in text.

    An English name new to the region that a city of its country bears comes only with the
    region's designator ("Khabarovsk Krai", "Wellington Region"): bare, it is the city. A
    region that has always borne its city's name ("Lagos", "Tokyo") keeps it.
    """
    bare = fold(region.name)
    chosen = {fold(n) for n in curated["region_names"].get(region.code, [])}
    if bare not in city_names or bare == fold(region.local) or bare in chosen:
        return region.name, list(region.aliases)
    aliases = [a for a in region.aliases if fold(a) != bare]
    if not region.designator:
        return region.local, aliases
    return f"{region.name} {region.designator}", aliases


def lower_level_text_names(region: Region, city_names) -> tuple[str | None, list[str]]:
    """A province's or county's name and aliases in text; with its designator only when a
    city of its country has the name ("Wicklow County"), and none when it has no designator."""
    names = {fold(region.name), fold(region.local)}
    if not names & set(city_names):
        return region.name, list(region.aliases)
    if not region.designator:
        return None, []
    aliases = [a for a in region.aliases if fold(a) not in names]
    return f"{region.name} {region.designator}", aliases


def clean_name(name: str, type_words: set[str]) -> tuple[str, list[str]]:
    """'Guangdong Sheng' -> 'Guangdong'; 'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña'])."""
    aliases = [
        m for m in _BRACKETS.findall(name) if not re.search(r"[A-Z]{2}-", m) and m[:1].isupper()
    ]  # not "[city]": a note, no name
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
    """'NZ' -> 'New Zealand' (the common name where pycountry has one), 'XK' -> 'Kosovo' (the
    curated list's first name for a code pycountry lacks); unknown codes as given."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return next(iter(curated_data()["countries"].get(code, [])), code)
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def shipped_regions() -> RegionTable:
    """The table as shipped, read once: for views, which label places and hold no gazetteer."""
    return load_regions()
