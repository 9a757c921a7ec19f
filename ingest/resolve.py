"""Place resolution in context: each mention becomes one place, chosen by the article's evidence.

Evidence, strongest first: an explicit qualifier ("Portland, Maine", "Dunedin in New Zealand",
"China's Sichuan"), a suffix ("Guangdong Province", "Meishan City"), the countries and regions
the article names, the other places it names (their countries and first-level regions), and
last the population prior. Primary names weigh more than alternate names, so "Antioch" is
the Californian city unless the article is about Turkey.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from ingest.sentences import headline_end, is_dateline, sentence_of, sentence_start, text_of
from ingest.unlisted import located_in, unlisted_places
from ingest.written import compass_name
from places.divisions import within_city
from places.gazetteer import Gazetteer
from places.names import fold
from places.place import NOTABLE_POPULATION, Place
from places.regions import DESIGNATORS, ENGLISH_DESIGNATORS, RegionTable

QUALIFIER_WORDS = {",", "in", "of", "near", "("}
# Words after a name that say what kind of place it is ("Guangdong Province", "Meishan City").
REGION_SUFFIXES = frozenset(
    [
        "province",
        "provinces",
        "state",
        "prefecture",
        "region",
        "county",
        "oblast",
        "governorate",
        "department",
        "canton",
        "district",
        "municipality",
        "territory",
        "krai",
        "kray",
        "okrug",
        "voivodeship",
        "emirate",
        "regency",  # Indonesia's kabupaten
        "division",  # Bangladesh's and Fiji's
    ]
)
CITY_SUFFIXES = frozenset({"city", "town", "township", "village", "municipality", "ward"})
# Kind words of the regions a governor heads ("Cebu Province"; not "Davao Region", which has none).
GOVERNED_SUFFIXES = frozenset(
    {"province", "state", "prefecture", "county", "oblast", "governorate", "regency"}
    | {"department", "voivodeship"}
)
# Kind words of regions below the first level, which the gazetteer may lack.
SECOND_LEVEL_SUFFIXES = frozenset({"county", "regency"})
KIND_SUFFIXES = REGION_SUFFIXES | CITY_SUFFIXES  # "Guangdong Province", "Meishan City"
# Romanized designators a hyphen joins to a name ("Gyeonggi-do", "Gangnam-gu", "Bucheon-si").
HYPHEN_DESIGNATORS = frozenset({"do", "gu", "si", "gun", "ku", "shi", "ken", "fu", "qu"})
# What a region's designator says in English: "Gyeongsangnam-do" is a province, "Mie-ken" a
# prefecture.
DESIGNATOR_NOUNS = {"do": "province", "ken": "prefecture", "fu": "prefecture"}
# Words between a name's comma and its country: "Tripoli, in northern Lebanon".
PART_OF_COUNTRY = frozenset(
    {"in", "northern", "southern", "eastern", "western", "central", "north", "south", "east"}
    | {"west", "northeastern", "northwestern", "southeastern", "southwestern"}
    | {"on", "the"}  # "Rosso, on the Mauritanian bank of the river"
)
BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
REGION_PRIOR = 5.5  # a region without population weighs like a town of ~300k
SPELLING_VARIANT = 70.0  # "Balkhash" and "Balqash" are one name; "Antioch" and "Antakya" two
HAMLET_POPULATION = 20_000  # a town a world city's English name may also name ("Cologne", Italy)
DISTRICT_PRIOR = 5.0  # a district of a big city (no population known) like a town of 100k
CURATED_PRIOR = 6.5
WORLD_CITY = 1_000_000
WORLD_CITY_BONUS = 3.0
CAPITAL_BONUS = 3.0
OFFICE_FIT = 2.0
CITY_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near"})
# The kinds of first-level region that are a city: Prague, Hanoi, Moscow, Bangkok, Belgrade.
CITY_REGION_TYPES = frozenset(
    {"capital city", "municipality", "autonomous city", "city", "capital district"}
    | {"metropolitan administration", "special administrative city", "federal territory"}
    | {"district", "special municipality", "metropolitan city", "federal city"}
)
STRAY_TOWN = 1.0  # a small town elsewhere named like a region weighs less than the region
# Designators English news never drops from a region's name: "Kharkiv" alone is the city.
KEPT_DESIGNATORS = frozenset({"Oblast", "Voivodeship", "Region", "Krai", "Kray"})
SHADOWED_DISTRICT = 1.0  # what a suburb named like a town abroad loses where nothing is near it
# ISO 3166-2 types of first-level regions that are a town's own municipality or district
# (Slovenia's Ptuj, Latvia's Sigulda, Moldova's Cahul, Portugal's Viseu, Uganda's Jinja).
TOWN_REGION_TYPES = frozenset(
    {"municipality", "urban municipality", "district municipality", "district", "city"}
    | {"city with county rights"}
)
OFFICE_KINDS = {
    "governor": "region",
    "gov.": "region",
    "gov": "region",
    "voivode": "region",
    "mayor": "city",
    "premier": "region",  # "North West Premier", "Ontario Premier"
}
WORLD_CITY_LEAD = 30  # times the population of any namesake city
ISO_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")  # "GB-KEN", not "US-CA-silicon-valley"
# Regions named by a plain word of shape ("Gulf", "Coast"); directions are `compass_name`'s.
SHAPE_WORDS = frozenset(
    {"coast", "coastal", "gulf", "island", "islands", "lakes", "capital", "highlands"}
    | {"lowlands", "midlands", "interior", "border", "plateau", "mountain", "valley"}
)


if not Span.has_extension("named_after"):
    Span.set_extension("named_after", default=False)


@dataclass
class Mention:
    span: Span
    place: Place


@dataclass
class _Context:
    gaz: Gazetteer
    countries: Counter
    admin1: Counter
    sentence_countries: dict[int, Counter]
    named_countries: Counter  # the countries the text itself names ("Jamaica", "Jamaican")
    first: dict[str, Place] = field(default_factory=dict)  # first-pass reading of each name


def _prior(place: Place, primary: bool) -> float:
    if place.population:
        base = math.log10(place.population + 10)
    elif place.kind == "city":
        base = DISTRICT_PRIOR
    else:
        base = CURATED_PRIOR if place.latitude is not None else REGION_PRIOR
    return 0.5 * base + (1.5 if primary else 0.0)


def _country_qualifier(span: Span, gaz: Gazetteer) -> str:
    """The country a neighbouring qualifier names: "San Jose, Costa Rica", "China's Sichuan";
    not the first words of a longer place name ("Nelson, British Columbia", "New Mexico's")."""
    doc = span.doc
    after = doc[span.end : span.end + 7]
    if len(after) >= 2 and after[0].text in QUALIFIER_WORDS:
        first = 1  # "Tripoli, in northern Lebanon"
        while first < len(after) - 1 and after[first].lower_ in PART_OF_COUNTRY:
            first += 1
        for end in range(len(after), first, -1):
            code = gaz.country(after[first:end].text)
            if code and end < len(after) and after[end].lower_ in BORDER_WORDS:
                return ""  # "Windsor, on the American border": the neighbour's country
            if code:
                longer = any(gaz.knows(after[first:e].text) for e in range(end + 1, len(after) + 1))
                return "" if longer else code
    before = doc[max(0, span.start - 5) : span.start]
    if len(before) >= 2 and before[-1].lower_ in {"'s", "’s"}:
        for start in range(len(before) - 1):
            code = gaz.country(before[start:-1].text)
            if code:
                longer = any(gaz.knows(before[s:-1].text) for s in range(start))
                return "" if longer else code
    return ""


def _gap(left: Span, right: Span) -> str:
    """The words between two spans, when they are at most two tokens apart."""
    if not 0 < right.start - left.end <= 2:
        return ""
    return left.doc[left.end : right.start].text.strip().lower()


def _neighbours(spans: list[Span]) -> dict[int, list[Span]]:
    """Place names written next to each other: "Portland, Maine", "Dunedin in Florida"."""
    near: dict[int, list[Span]] = {s.start: [] for s in spans}
    for left, right in zip(spans, spans[1:], strict=False):
        if _gap(left, right) in {",", "in", ", in", "("}:
            near[left.start].append(right)
            near[right.start].append(left)
    return near


def _lists(spans: list[Span]) -> list[list[Span]]:
    """Runs of names joined by commas, "and" or "or" ("Kumamoto, Asheville and Cluj-Napoca")."""
    lists, current = [], [spans[0]] if spans else []
    for left, right in zip(spans, spans[1:], strict=False):
        if _gap(left, right) in {",", "and", ", and", "or", ", or"}:
            current.append(right)
        else:
            lists.append(current)
            current = [right]
    lists.append(current)
    return lists


def _siblings(spans: list[Span]) -> dict[int, list[Span]]:
    """Names listed together ("Antioch, Pittsburg, Brentwood and Oakley"): places of a kind."""
    return {
        s.start: [o for o in group if o is not s]
        for group in _lists(spans)
        if len(group) > 2
        for s in group
    }


def _region_of(place: Place, regions: RegionTable) -> tuple[str, str | None]:
    """(country, ISO 3166-2 suffix) of a place's first-level region.

    A city whose GeoNames region has no ISO match keeps GeoNames' code, marked: it still shares
    a region with its neighbours, but lies in no region place.
    """
    code = regions.code(place)
    if code is None and place.admin1:
        code = f"geonames:{place.admin1}"
    return place.country, code


def _inside(place: Place, region: Place, regions: RegionTable) -> bool:
    return (
        region.kind == "region"
        and place.key != region.key
        and _region_of(place, regions) == _region_of(region, regions)
    )


def _neighbour_fit(place: Place, neighbours: list[list[Place]], regions: RegionTable) -> float:
    """Reward a reading that nests with a neighbouring name (city in region or region of city)."""
    fit = 0.0
    for options in neighbours:
        if any(
            _inside(place, other, regions) or _inside(other, place, regions) for other in options
        ):
            fit += 6.0
    return fit


def _sibling_fit(place: Place, siblings: list[list[Place]], regions: RegionTable) -> float:
    """Reward a reading in the same first-level region as most of the names listed with it."""
    region = _region_of(place, regions)
    same = sum(any(_region_of(o, regions) == region for o in options) for options in siblings)
    return 4.0 * same / len(siblings) if siblings else 0.0


def _pinned(place: Place, qual: str, near: list[list[Place]], regions: RegionTable) -> bool:
    """An explicit qualifier decides: "Canton, Ohio", "San Jose, Costa Rica"."""
    return (qual == place.country) if qual else _neighbour_fit(place, near, regions) > 0


def _capital(place: Place, gaz: Gazetteer) -> bool:
    """A country's capital of some size ("Kingston", not Bermuda's Hamilton of 900 people)."""
    return (
        place.geonameid is not None
        and place.geonameid == gaz.capitals.get(place.country)
        and (place.population or 0) >= NOTABLE_POPULATION
    )


def _fixed_score(place: Place, primary: bool, span: Span, layout: _Layout, gaz, office) -> float:
    """What the mention's own text and its neighbours say for a reading: the same each pass."""
    regions, qual = gaz.regions, layout.qualifiers[span.start]
    score = _prior(place, primary)
    if place.kind == "region" and not span._.kind_hint and not _designator_after(span):
        score = min([score, *_namesake_town_priors(place, layout.options[span.start], regions)])
    if qual:
        score += 6.0 if qual == place.country else -6.0
    score += _neighbour_fit(place, layout.near_options[span.start], regions)
    hint = span._.kind_hint
    if hint:
        score += 3.0 if hint == place.kind else -3.0
    elif place.kind == "city":
        score += 0.6  # "Shanghai" is the city, not the municipality, unless told otherwise
    score -= STRAY_TOWN if _stray_town(place, layout.options[span.start], regions) else 0.0
    score += OFFICE_FIT if place.kind == office else 0.0
    score += _sibling_fit(place, layout.listed_options[span.start], regions)
    score += WORLD_CITY_BONUS if place == layout.world[span.start] else 0.0
    return score


def _evidence_score(place: Place, primary: bool, span: Span, ctx: _Context) -> float:
    """What the article's other readings say for a reading: its country and its region."""
    own = int(ctx.first.get(_name_key(span)) == place)  # a reading is no evidence for itself
    total = sum(ctx.countries.values()) - own or 1
    score = 3.0 * (ctx.countries[place.country] - own) / total
    score += 2.0 * min(
        ctx.sentence_countries.get(sentence_start(span), Counter())[place.country], 1
    )
    same_country = sum(n for (c, _), n in ctx.admin1.items() if c == place.country) - own or 1
    score += 2.5 * (ctx.admin1[_region_of(place, ctx.gaz.regions)] - own) / same_country
    if primary and ctx.named_countries[place.country] and _capital(place, ctx.gaz):
        score += CAPITAL_BONUS  # "Kingston" in news of Jamaica is its capital, "Salem" no alias
    if ctx.countries[place.country] - own <= 0 and _shadowed_district(place, span, ctx.gaz):
        score -= SHADOWED_DISTRICT  # "Kilkenny" with nothing else Australian: not the suburb
    return score


def _stray_town(place: Place, options: list[tuple[Place, bool]], regions: RegionTable) -> bool:
    """ "Jiangxi": a town of 27,000 in another province (as far as the data can tell) is not
    what news means by the name of a region; a town in the region of its name ("Meru" of Meru
    County) may be."""
    if place.kind != "city" or not 0 < (place.population or 0) < NOTABLE_POPULATION:
        return False
    named = [p for p, _ in options if p.kind == "region"]
    if any(p.country == place.country and _own_town(p, regions) for p in named):
        return False  # "Sopron": the namesake region is the town itself (with county rights)
    own = _region_of(place, regions)
    return (
        bool(named)
        and own not in [_region_of(p, regions) for p in named]
        and not (own[1] or "geonames:").startswith("geonames:")
    )


def _shadowed_district(place: Place, span: Span, gaz: Gazetteer) -> bool:
    """ "Kilkenny": a big city's district (no people counted) named like a town of some size
    in another country (the Irish city, not Adelaide's suburb)."""
    if place.kind != "city" or place.population:
        return False
    return any(
        p.kind == "city" and (p.population or 0) >= HAMLET_POPULATION and p.country != place.country
        for p, _ in gaz.candidates(span.text)
    )


def _own_town(region: Place, regions: RegionTable) -> bool:
    """Whether a region is a town's own municipality or district ("Ptuj", "Sopron")."""
    own = regions.regions.get(region.code or "")
    return own is not None and own.type in TOWN_REGION_TYPES


def _designator_after(span: Span) -> bool:
    """Whether a region's kind word follows the name outside it: "the Alytus district
    municipality"."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in REGION_SUFFIXES


def _namesake_town_priors(
    region: Place, options: list[tuple[Place, bool]], regions: RegionTable
) -> list[float]:
    """The priors of the towns a municipality or district is named after ("Ptuj", "Cahul"): in
    news its bare name is the town's, so the region weighs no more than the town."""
    if not _own_town(region, regions):
        return []
    return [
        _prior(p, primary)
        for p, primary in options
        if p.kind == "city" and p.country == region.country and fold(p.name) == fold(region.name)
    ]


def _kind_of(span: Span) -> bool:
    """Whether a region's kind word comes before the name: "the province of Cebu" (not "the
    county of Cork", whose county and town share the name in every other mention)."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in GOVERNED_SUFFIXES - {"county"}
    )


def _office_kind(span: Span) -> str | None:
    """The kind of place an office next to the name is held in, or a kind word before it names:
    "the governor of X", "X Gov.", "X Mayor", "the province of X"."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if _kind_of(span):
        return "region"
    if len(span) > 1 and span[-1].text == "city":
        return "city"  # "Lawrence city commissioners": the name with its kind
    if before is not None and before[1].lower_ == "of":
        office = before[0]
        if office.text == ")" and office.i >= 2 and doc[office.i - 2].text == "(":
            office = doc[office.i - 1]  # "the Buergermeeschter (mayor) of X": its gloss
        return OFFICE_KINDS.get(office.lower_)
    return OFFICE_KINDS.get(after)


def _country_evidence(doc: Doc) -> tuple[Counter, dict[int, Counter]]:
    overall, by_sentence = Counter(), {}
    for span in doc.spans["countries"]:
        overall[span.label_] += 1
        by_sentence.setdefault(sentence_start(span), Counter())[span.label_] += 1
    return overall, by_sentence


def _options(span: Span, gaz: Gazetteer, office: str | None) -> list[tuple[Place, bool]]:
    named = span._.adjective_of or span._.spelled_as  # "the Bavarian government", "Xiengkhouang"
    if named:
        return [(p, primary) for p, primary in gaz.candidates(named) if p.kind == "region"]
    options = _regions_own_names(span.text, gaz.candidates(span.text), gaz.regions)
    if _compass_region(span):  # "the Eastern Province" of Rwanda too, not only Saudi Arabia's
        known = {p.key for p, _ in options}
        options = options + [
            (p, primary)
            for p, primary in gaz.candidates(span[:-1].text)
            if p.kind == "region" and p.key not in known
        ]
    if office == "region" and not any(p.kind == "region" for p, _ in options):
        options = options + _designated_regions(span.text, options, gaz)
    if not options and span._.kind_hint:  # "Meishan City": look up without the suffix
        options = gaz.candidates(span[:-1].text)
        if span._.kind_hint == "region" and not any(p.kind == "region" for p, _ in options):
            named = named_after(span, options, gaz) or _region_of_town(span, options, gaz)
            span._.named_after = bool(named)
            options = named or options
    return options


def _regions_own_names(
    name: str, options: list[tuple[Place, bool]], regions: RegionTable
) -> list[tuple[Place, bool]]:
    """ "Pernambuco", "Bahia", "Aichi": a state's or province's own name, not the old name of a
    city in it that the data also gives (Recife, Salvador, Okazaki). A region that is a city
    ("Ha Noi", "Praha", "Moskva") leaves it the city, even beside a district of the same name
    ("Şəki" the municipality and "Şəki" the rayon: "Shaki" is Sheki too), and "New York" is
    still short for New York City."""
    regions_of_name = [p for p, primary in options if primary and p.kind == "region"]
    cities = {p.country for p in regions_of_name if _city_region(p, regions)}
    states = {p.country for p in regions_of_name if not _city_region(p, regions)} - cities
    return [
        (p, primary)
        for p, primary in options
        if primary or p.kind != "city" or p.country not in states or fold(name) in fold(p.name)
    ]


def _city_region(region: Place, regions: RegionTable) -> bool:
    """Whether a first-level region is a city itself: "Praha" (capital city), "Hà Nội"."""
    own = regions.regions.get(region.code or "")
    return own is not None and own.type in CITY_REGION_TYPES


def _compass_region(span: Span) -> bool:
    """ "Central Region", "North West Province": a direction and a kind word, which many
    countries' regions share."""
    return len(span) > 1 and span[-1].lower_ in REGION_SUFFIXES and compass_name(span[:-1].text)


def _designated_regions(name: str, options, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    """ "Cebu Governor": the region the gazetteer names with its designator ("Cebu Province")
    because a city has the bare name, in the country of one of the name's readings."""
    countries = {p.country for p, _ in options}
    return [
        (p, primary)
        for word in sorted(GOVERNED_SUFFIXES)
        for p, primary in gaz.candidates(f"{name} {word}")
        if p.kind == "region" and (not countries or p.country in countries)
    ]


def _letters(name: str) -> str:
    return "".join(c for c in fold(name) if c.isalpha())


def named_after(span: Span, cities, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    """ "Lviv Oblast": the region of the city's country whose name starts like the city's.

    Its name is the one the article writes, since the official name is often a local form
    ("L'vivs'ka Oblast'"), unless the article writes the official name too ("Vologda Oblast"
    ... "the Vologda region"). Admin codes cannot decide: GeoNames and ISO number them apart.
    The word must be "region" or the region's own kind: "Łódź district heating" is no
    voivodeship.
    """
    found = {}
    word = span[-1].lower_
    word = DESIGNATORS.get(word) or ENGLISH_DESIGNATORS.get(word)
    written = _letters(span[:-1].text)
    for city, primary in cities:
        for region in gaz.regions_of(city.country):
            own = gaz.regions.regions.get(region.code or "")
            kind = own.designator if own else None
            if kind and word not in {kind, "Region"}:
                continue
            name = _letters(region.name)
            # "Sverdlovsk Region" is named after the city's old name, not "Yekaterinburg"
            if any(_starts_alike(stem, name) for stem in (written, _letters(city.name))):
                own = region.name in span.doc.text  # "Vologda Oblast" written elsewhere
                found.setdefault(
                    region.key, (region if own else replace(region, name=span.text), primary)
                )
    return list(found.values())


def _region_of_town(span: Span, towns, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    """ "Nunukan Regency", "Gapyeong County": a second-level region the gazetteer lacks, named by
    its kind word after the name of its seat, a town of that name alone; in the town's country and
    first-level region, and apart from the town. The gazetteer knows every first-level
    region, so "Columbus State" is no state but a university."""
    doc = span.doc
    if span[-1].lower_ not in SECOND_LEVEL_SUFFIXES or not towns:
        return []
    if span.end < len(doc) and doc[span.end].is_title:
        return []  # "Gapyeong County Office": the kind word is an organisation's
    if len({town.key for town, _ in towns}) != 1:
        return []  # "Hamilton County, Ohio": which Hamilton is the seat, only the rest can say
    seat, primary = towns[0]
    admin1 = gaz.regions.code(seat)  # a region's admin1 is its first-level region's ISO suffix
    region = Place(name=span.text, country=seat.country, kind="region", admin1=admin1)
    return [(region, primary)]


def _starts_alike(stem: str, name: str) -> bool:
    """ "sverdlovsk" and "sverdlovskoblast": a region named after the written name."""
    return len(os.path.commonprefix([stem, name])) >= max(4, len(stem) - 1)


@dataclass(frozen=True)
class _Layout:
    """What the passes read off the text itself, by span start: the same in every pass."""

    options: dict[int, list[tuple[Place, bool]]]
    near: dict[int, list[Span]]
    qualifiers: dict[int, str]
    world: dict[int, Place | None]  # a world city among the options, dwarfing its namesakes
    body_start: int  # the character where the body begins, after any headline
    near_options: dict[int, list[list[Place]]]  # the readings of each name's neighbours
    listed_options: dict[int, list[list[Place]]]  # ... and of the names listed with it
    fixed: dict[int, dict[Place, float]] = field(default_factory=dict)  # see _fixed_score
    kinds: dict[int, set[str]] = field(default_factory=dict)  # the readings kind words allow

    @classmethod
    def of(cls, spans: list[Span], gaz: Gazetteer) -> _Layout:
        # "Oregon Governor Kate Brown": the state, not a town of Ohio
        offices = {s.start: _office_kind(s) for s in spans}
        options = {s.start: _options(s, gaz, offices[s.start]) for s in spans}
        qualifiers = {s.start: _country_qualifier(s, gaz) for s in spans}
        world = {start: _world_city(found) for start, found in options.items()}
        body_start = headline_end(text_of(spans[0].doc)) if spans else 0
        named_kinds = _named_kinds(spans, options, gaz.regions, body_start)
        near, siblings = _neighbours(spans), _siblings(spans)
        near_options = {
            s.start: [[p for p, _ in options[n.start]] for n in near[s.start]] for s in spans
        }
        listed_options = {
            s.start: [[p for p, _ in options[n.start]] for n in siblings.get(s.start, [])]
            for s in spans
        }
        layout = cls(
            options, near, qualifiers, world, body_start, near_options, listed_options,
        )  # fmt: skip
        fixed, kinds = {}, {}
        by_key = {p.key: p for found in options.values() for p, _ in found}
        for s in spans:
            office = offices[s.start]
            fixed[s.start] = {
                p: _fixed_score(p, primary, s, layout, gaz, office)
                for p, primary in options[s.start]
            }
            of_kind = _own_kind(s, options[s.start]) or named_kinds.get(_name_key(s), set())
            own = {p.key for p, _ in options[s.start]}
            if of_kind and not of_kind & own and _kept_designators(of_kind, by_key):
                of_kind = own  # "the Lviv region ... Lviv": no name of the oblast, the town
            city = _namesake_city(s, options[s.start], of_kind, office, gaz.regions)
            kinds[s.start] = city or _governed(options[s.start], office) or of_kind
        return replace(layout, fixed=fixed, kinds=kinds)


def _kept_designators(keys: set[str], places: dict[str, Place]) -> bool:
    """Whether regions are named with a designator news never drops ("Kharkiv Oblast", "Opole
    Voivodeship", "Plzeň Region"), so that the bare name is only ever the town's, unlike a
    province's ("the Province of Castellón ... Castellón")."""
    return all(places[key].name.split()[-1] in KEPT_DESIGNATORS for key in keys)


def _named_kinds(
    spans: list[Span], options: dict[int, list], regions: RegionTable, body_start: int
) -> dict[str, set[str]]:
    """ "the state of Bahia", "Lagos State": a kind word decides every mention of the name.

    Unless the article gives the name both kinds ("the province of Mendoza ... the city of
    Mendoza, its capital"): then each kind word decides only its own mention (`_own_kind`),
    and the mentions without one are the city's.
    """
    hinted: dict[str, set[str]] = {}
    readings: dict[str, dict[str, set[str]]] = {}
    # "Irbid, Jordan's second-largest city, ... Irbid Governorate": kinds of appositions
    apposed: dict[str, set[str]] = {}
    capitals: dict[str, set[str]] = {}  # the cities a region's name is named after
    first_bare: dict[str, bool] = {}  # whether the body's first mention has no kind word
    bare_towns: dict[str, list] = {}  # the towns that first bare mention may be
    for span in spans:
        hint = span._.kind_hint or span._.apposed_kind
        key = _name_key(span)
        if span.start_char >= body_start:  # a headline writes a province bare too
            first_bare.setdefault(key, not hint)
            if not hint:
                bare_towns.setdefault(key, [p for p, _ in options[span.start] if p.kind == "city"])
        if hint:
            (hinted if span._.kind_hint else apposed).setdefault(key, set()).add(hint)
            of_kind = {p.key for p, _ in options[span.start] if p.kind == hint}
            readings.setdefault(key, {}).setdefault(hint, set()).update(of_kind)
            if first_bare.get(key):
                capitals.setdefault(key, set()).update(
                    _named_after_city(options[span.start], hint, regions, bare_towns[key])
                )
    # "Turkistan Region ... the city of Turkistan ... in Turkistan": a name the article gives
    # both kinds is the city where no kind word goes with it; an apposition counts only then.
    # So is a name a region shares with its city, when the text first names it bare ("Ravenna
    # ... the Province of Ravenna"; not "Attapeu province ... Attapeu", the province again).
    return {
        key: readings[key].get("city", set()) or capitals.get(key, set())
        if len(kinds | apposed.get(key, set())) > 1 or capitals.get(key)
        else readings[key][kind]
        for key, kinds in hinted.items()
        for kind in kinds
    }


def _named_after_city(
    options: list[tuple[Place, bool]], hint: str, regions: RegionTable, bare_towns: list[Place]
) -> set[str]:
    """The cities a region named with its kind word is named after: a city of the name, by
    that name, inside one of the region's readings ("Kano State": Kano; not Ibaraki, Osaka, for
    "Ibaraki Prefecture"), or a town the bare name was read as before ("in Mykolaiv ...
    Mykolaiv Oblast", where the region's own name holds no town)."""
    if hint != "region":
        return set()
    readings = [p for p, _ in options if p.kind == "region"]
    towns = [p for p, primary in options if primary and p.kind == "city"] + bare_towns
    return {p.key for p in towns if any(_inside(p, r, regions) for r in readings)}


def _world_city(options: list[tuple[Place, bool]]) -> Place | None:
    """ "London", "Paris", "Moscow": a city of millions, dozens of times any namesake city.

    Other places in the namesake's country ("New York", "Boston") do not make it the Kentucky
    town; only a qualifier does ("London, Ontario").
    """
    cities = sorted((p for p, _ in options if p.kind == "city"), key=lambda p: -(p.population or 0))
    if not cities or (cities[0].population or 0) < WORLD_CITY:
        return None
    runner_up = cities[1].population or 0 if len(cities) > 1 else 0
    return cities[0] if cities[0].population >= WORLD_CITY_LEAD * runner_up else None


def _resolve_pass(spans, layout: _Layout, ctx: _Context) -> dict[int, Place]:
    """One place per name per article: evidence on any mention counts for all of them.

    A qualifier decides its own mention ("Córdoba, Spain" and "Córdoba in Veracruz" are two
    places) and, on the name's headline or first body mention, its other mentions; but a
    reading inside a region the article names ("Ontario") beats another place's qualifier for
    the unqualified mentions. A qualifier on a later mention only sets a namesake apart ("the
    mayor of Nelson in Lancashire" in an article about New Zealand's Nelson): the unqualified
    mentions are read on their own evidence, and a country the first mention states holds
    against a region named in such an aside ("COLÓN, Panama ... not to be confused with Colón in
    Argentina's Entre Ríos province"). A kind word ("the state of Victoria") narrows the choice
    to readings of that kind.
    """
    options = layout.options
    regions = ctx.gaz.regions
    totals: dict[str, Counter] = {}
    unqualified: dict[str, Counter] = {}  # the scores of the mentions no qualifier decides
    pinned: dict[str, set[str]] = {}  # by the name's first mention
    asides: dict[str, set[str]] = {}  # readings later qualifiers set apart
    own_pins: dict[int, set[str]] = {}
    in_body: set[str] = set()  # names the body has already mentioned
    stated: set[str] = set()  # names whose first mention states their country ("COLÓN, Panama")
    for span in spans:
        key = _name_key(span)
        first = key not in in_body
        if span.start_char >= layout.body_start:
            in_body.add(key)
        qual, near_options = layout.qualifiers[span.start], layout.near_options[span.start]
        scores = Counter()
        primaries = {place for place, primary in options[span.start] if primary}
        for place, fixed in layout.fixed[span.start].items():
            scores[place] += fixed + _evidence_score(place, place in primaries, span, ctx)
            if _pinned(place, qual, near_options, regions):
                (pinned if first else asides).setdefault(key, set()).add(place.key)
                own_pins.setdefault(span.start, set()).add(place.key)
                if first and qual:
                    stated.add(key)
        totals.setdefault(key, Counter()).update(scores)
        mine = scores if span.start not in own_pins else {place: 0.0 for place in scores}
        unqualified.setdefault(key, Counter()).update(mine)
    named_regions = [(k, p) for k, p in ctx.first.items() if p.kind == "region"]
    found = {}
    for s in spans:
        if not options[s.start]:
            continue
        key = _name_key(s)
        of_kind = layout.kinds[s.start]
        allowed, scores = own_pins.get(s.start), totals[key]
        if allowed is None:
            allowed = pinned.get(key)
            apart = asides.get(key, set()) if allowed is None else set()
            if apart:
                scores = unqualified[key]
            readings = [
                p
                for p, primary in options[s.start]
                if primary and p.key not in apart and (not of_kind or p.key in of_kind)
            ]
            others = [r for k, r in named_regions if k != key]
            # "SHERBROOKE, Que. ... across Quebec": the region named in short, not its capital
            # (but "BUFFALO, N.Y. ... visited New York": a world city yields to no region)
            same = {p.key for p in readings if any(p.key == r.key for r in others)}
            in_region = (same if layout.world[s.start] is None else set()) or {
                p.key for p in readings if any(_inside(p, r, regions) for r in others)
            }
            if in_region and not (allowed or set()) & in_region and key not in stated:
                allowed = in_region
        own_word = s._.kind_hint is not None and s.start not in own_pins
        found[s.start] = _best(scores, _narrowed(allowed, of_kind, own_word), ctx.gaz)
    return found


def _own_kind(span: Span, options: list[tuple[Place, bool]]) -> set[str]:
    """ "Siem Reap province ... the town of Siem Reap": where an article gives a name both
    kinds, each kind word still decides its own mention."""
    hint = span._.kind_hint
    return {p.key for p, _ in options if p.kind == hint} if hint else set()


def _namesake_city(span: Span, options, of_kind, office, regions) -> set[str]:
    """ "Kano State signed ... the talks in Kano": where a kind word elsewhere makes the name a
    region's, the name without one after a place preposition, beside a city's `office` or in
    a dateline, is the city of some size the region holds."""
    doc = span.doc
    after_preposition = span.start > 0 and doc[span.start - 1].lower_ in CITY_PREPOSITIONS
    if span._.kind_hint or not (after_preposition or office == "city" or is_dateline(span)):
        return set()  # "in Kano", "Puebla mayor Pepe Chedraui", "KANO —"
    named = [p for p, _ in options if p.kind == "region" and p.key in of_kind]
    return {
        p.key
        for p, _ in options
        if p.kind == "city"
        and (p.population or 0) >= NOTABLE_POPULATION
        and any(_inside(p, region, regions) or _beside(p, region) for region in named)
    }


def _beside(city: Place, region: Place) -> bool:
    """ "Almaty region ... in Almaty": a city of a million is a region of its own, beside the
    region named after it (the data seldom tells which region holds it)."""
    return city.country == region.country and (city.population or 0) >= WORLD_CITY


def _governed(options: list[tuple[Place, bool]], office: str | None) -> set[str]:
    """ "Cebu Governor Ana Cruz ... Cebu City": a region's office decides its own mention, as
    a kind word would."""
    return {p.key for p, _ in options if p.kind == "region"} if office == "region" else set()


def _narrowed(allowed: set[str] | None, of_kind: set[str], own_word: bool) -> set[str] | None:
    """The allowed readings of the kind a kind word names, unless a qualifier rules them out;
    a kind word on the mention itself beats another mention's qualifier ("Cambodia's Siem Reap
    province ... the town of Siem Reap")."""
    if not allowed or own_word and of_kind and not allowed & of_kind:
        return of_kind or None
    return allowed & of_kind or allowed


def _best(scores: Counter, pinned: set[str] | None, gaz: Gazetteer) -> Place:
    """The best-scoring reading, among those an explicit qualifier allows when there are any;
    of namesakes the text cannot tell apart, the one with more people ("Maryland" is the US
    state, not Liberia's county: neither has a population, but a US state has more people)."""
    allowed = [p for p in scores if not pinned or p.key in pinned]
    return max(allowed, key=lambda p: (scores[p], _people(p, gaz)))


def _people(place: Place, gaz: Gazetteer) -> float:
    """A place's people; for a region without a count, its country's people per region."""
    if place.population or place.kind != "region":
        return place.population or 0
    return gaz.people_per_region.get(place.country, 0)


def _name_key(span: Span) -> str:
    """ "Meishan City" is Meishan, "Mapo-gu" Mapo; "Lviv Oblast" is not Lviv, the city of the
    same article.

    Asked for again and again while resolving, so kept per document.
    """
    keys = span.doc.user_data.setdefault("citylink_name_keys", {})
    where = (span.start, span.end)
    if where not in keys:
        written = written_name(span).casefold()
        name, hyphen, designator = written.rpartition("-")
        keys[where] = name if hyphen and designator in HYPHEN_DESIGNATORS else written
    return keys[where]


def _doubtful(m: Mention) -> bool:
    """A region named by a word of direction, a small town (named by an English word, not a
    district by its romanised kind word: "Mapo-gu"), or a place no gazetteer lists."""
    if m.span._.unlisted is not None:
        return True
    if _name_key(m.span) != written_name(m.span).casefold():
        return False
    if m.place.kind == "region":
        return fold(m.span.text) in SHAPE_WORDS or compass_name(m.span.text)
    return (m.place.population or 0) < NOTABLE_POPULATION and (
        m.span._.common_word or m.place.latitude is not None
    )


def _supported(mentions: list[Mention], countries: Counter, gaz: Gazetteer) -> list[Mention]:
    """ "Gulf coast", "Banco do Brasil": a doubtful place needs its country in the article.

    The model calls such capitalised words places; a small town, or a region named by a word
    of direction, counts only when the article names its country or a surer place in it, when
    an office names it ("the mayor of Pori"), or, for a town that is no English word, when the
    article names it more than once.
    """
    doubtful = {m.span.start for m in mentions if _doubtful(m)}
    doubtful -= _listed_with_sure(mentions, doubtful)
    # "MBABANE – The council ...": the town a story is filed from, when no other bears its name
    doubtful -= {
        m.span.start
        for m in mentions
        if is_dateline(m.span) and len(gaz.candidates(m.span.text)) == 1
    }
    # (a town and the province named after it are one name: "Mersin ... Mersin Province")
    if len({_name_key(m.span) for m in mentions if m.span.start not in doubtful}) < 2:
        # Nothing surer to be far from: only the English-word names stay in doubt.
        words = {m.span.start for m in mentions if m.span._.common_word or m.place.kind == "region"}
        doubtful &= words
    # "is twinned with Lüneburg": sure, but no surer place for the town twinned with it
    doubtful -= {m.span.start for m in mentions if _named_as_twin(m)}
    # The town an article that names no country names most, more than once, is what it is
    # about ("Kirkcaldy councillors ... Kirkcaldy has ..."): local news seldom names its own
    # country. The model must call it a name, and never a person's ("Bell said").
    lead = _leading_name(Counter(_name_key(m.span) for m in mentions))
    labels: dict[str, set] = {}
    for m in mentions:
        labels.setdefault(_name_key(m.span), set()).add(m.span._.model_label)
    placed = {key for key, found in labels.items() if found - {None} and "PERSON" not in found}
    sure: dict[str, set[str]] = {}  # the countries of the sure places, by name
    for m in mentions:
        if m.span.start not in doubtful:
            sure.setdefault(_name_key(m.span), set()).add(m.place.country)
    # "the mayor of Pori", "Lund Mayor Anna Berg": an office says the name is a town's.
    offices = {_name_key(m.span) for m in mentions if _office_kind(m.span) == m.place.kind}
    kept = []
    for m in mentions:
        key = _name_key(m.span)
        others = {country for name, found in sure.items() if name != key for country in found}
        recurring = key == lead and key in placed and m.place.kind == "city"
        recurring &= not countries and not m.span._.common_word
        if (
            m.span.start not in doubtful
            or countries[m.place.country]
            or m.place.country in others
            or recurring
            or key in offices
        ):
            kept.append(m)
    return kept


# "is twinned with Fontainebleau and Konstanz", "signed a twinning agreement with Lüneburg", "its
# friendship agreement with Ustka": the towns a twinning names as partners.
TWINNED_WITH = re.compile(
    r"\b(?:twinned|twinning(?: (?:agreement|charter|pact)s?)?|(?:sister|friendship)[- ]"
    r"cit(?:y|ies)(?: (?:agreement|relationship|ties)s?)?|friendship (?:agreement|pact)s?)"
    r"\s+with\s+(?:(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?:town|city|municipality)\s+of\s+)?(?:[^.;()]{0,60}?(?:,|\band)\s+)?$"
)


# "Lecce signed twinning charters with", "Lecce has been twinned with": the town a twinning's
# words follow, a party as sure as the partner they name.
TWINS_WITH = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,3}?(?:twinned|twinning|(?:sister|friendship)[- ]cit(?:y|ies)"
    r"\s+(?:agreement|charter|pact|relationship|ties)s?)\b[^.;]{0,40}?\bwith\b"
)


def _named_as_twin(m: Mention) -> bool:
    """Whether a town is named as the partner right after a twinning's words or in the list
    they open (in the list not as a person's), or as the party right before them, a town the
    model takes for a name (not an English word)."""
    if m.place.kind != "city" or m.span._.common_word or m.span._.model_label is None:
        return False
    text = text_of(m.span.doc)
    if TWINS_WITH.match(text, m.span.end_char) and not _after_name(m.span):
        return True
    sent = sentence_of(m.span)
    twin = TWINNED_WITH.search(text, sent.start_char, m.span.start_char)
    # a name right after "twinning with" is a town's, whatever the model says ("Kuressaare")
    return twin is not None and (m.span._.model_label != "PERSON" or twin.group().endswith("with "))


def _after_name(span: Span) -> bool:
    """Whether a capitalised word right before `span` may make it a person's name ("Mayor
    Lecce", "John Lecce"); a sentence's first word may be capitalised for that alone."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and not before.is_sent_start and before.text[:1].isupper()


def _listed_with_sure(mentions: list[Mention], doubtful: set[int]) -> set[int]:
    """Towns listed with a surer place ("sister cities include Kumamoto, Asheville and
    Cluj-Napoca"): the list says what they are. English words ("Reading and Bath") and names
    the model reads as people's stay in doubt."""
    by_start = {m.span.start: m for m in mentions}
    spans = sorted((m.span for m in mentions), key=lambda span: span.start)
    found = set()
    for group in _lists(spans):
        if len(group) > 1 and any(span.start not in doubtful for span in group):
            found |= {span.start for span in group
                      if not span._.common_word and by_start[span.start].place.kind == "city"
                      and span._.model_label != "PERSON"}  # fmt: skip
    return found


def _leading_name(times: Counter) -> str | None:
    """The name mentioned most, when more than once and more than any other."""
    ranked = times.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def resolve_places(
    doc: Doc, gaz: Gazetteer, spans_key: str = "places", known: list[Mention] = ()
) -> list[Mention]:
    """Resolve every place mention of `doc.spans[spans_key]` in two passes.

    A name already resolved in `known` keeps that reading: "the Canton Chamber of Commerce"
    in an article filed from Canton, Ohio is Ohio's Canton too.
    """
    spans = list(doc.spans[spans_key])
    countries, by_sentence = _country_evidence(doc)
    layout = _Layout.of(spans, gaz)
    final = _resolve_pass(
        spans, layout, _Context(gaz, Counter(countries), Counter(), by_sentence, countries)
    )
    # Later passes: what the previous one found is evidence for the doubtful names (a region
    # read right in the second pass decides the cities inside it in the third).
    for _ in range(2):
        ctx = _Context(gaz, Counter(countries), Counter(), by_sentence, countries)
        for span in spans:
            if span.start in final:
                ctx.first[_name_key(span)] = final[span.start]
        asides = _namesake_qualifiers(spans, layout, final)
        for key, place in ctx.first.items():
            if key not in asides:
                ctx.countries[place.country] += 1
                ctx.admin1[_region_of(place, gaz.regions)] += 1
        previous, final = final, _resolve_pass(spans, layout, ctx)
        if final == previous:  # a fixed point: another pass would read the same evidence
            break
    final |= unlisted_places(spans, final, list(doc.spans["countries"]))
    readings: dict[str, dict[str, Place]] = {}
    for m in known:
        readings.setdefault(_name_key(m.span), {})[m.place.kind] = m.place
    for span in spans:
        own = final.get(span.start)
        kinds = readings.get(_name_key(span)) or _town_of_council(span, own, readings, known)
        if span._.kind_hint:  # "the Kano State Government" is the state's, whatever else Kano is
            final[span.start] = kinds.get(span._.kind_hint) or final.get(span.start)
        else:
            final[span.start] = kinds.get("city") or next(
                iter(kinds.values()), final.get(span.start)
            )
    found = [Mention(s, final[s.start]) for s in spans if final.get(s.start)]
    mentions = _as_written([m for m in found if not _river_reading(m)], gaz)
    mentions = _designated(_undesignated(mentions, list(known), gaz), list(known))
    return _supported(mentions, countries, gaz)


def _town_of_council(
    span: Span, own: Place | None, readings: dict[str, dict[str, Place]], known: list[Mention]
) -> dict[str, Place]:
    """ "Orange City Council" in an article that names Orange in New South Wales and nothing in
    the United States: that town's council, not the council of a town named "Orange City" (but
    "Carson City Council in Nevada" beside Carson, California, is Carson City's)."""
    if len(span) < 2 or span[-1].lower_ not in {"city", "town"}:
        return {}
    town = readings.get(span[:-1].text.casefold(), {}).get("city")
    if town is None or own is None or own.country == town.country:
        return {}
    return {} if any(m.place.country == own.country for m in known) else {"city": town}


def _namesake_qualifiers(spans: list[Span], layout: _Layout, found: dict[int, Place]) -> set[str]:
    """ "the mayor of Nelson in Lancashire", "cyclists from Nelson, British Columbia": names
    that only tell a namesake apart (the name has two readings) say nothing of the article."""
    readings: dict[str, set[str]] = {}
    for span in spans:
        if span.start in found:
            readings.setdefault(_name_key(span), set()).add(found[span.start].key)
    return {
        _name_key(near)
        for span in spans
        if len(readings.get(_name_key(span), ())) > 1
        for near in layout.near[span.start]
    }


def _river_reading(m: Mention) -> bool:
    """ "the Loire", "the Somme": a department named after its river, written as the river.

    A province, department or county (no first-level region) is never "the X" as a place,
    unless the name qualifies a noun ("the East Java governor").
    """
    doc, span = m.span.doc, m.span
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    lower_level = ISO_CODE.match(m.place.code or "") and not first_level(m.place)
    return bool(
        m.place.kind == "region"
        and lower_level
        and span._.kind_hint is None
        and before is not None
        and before.lower_ == "the"
        and (after is None or after.pos_ not in {"NOUN", "PROPN"})
    )


def _as_written(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Each place under the spelling the article gives it, when that is one of its known names.

    "Legazpi", "Balkhash", "Karaganda": news keeps a plainer or older transliteration than
    the data's. The name written most wins, the place's own among them; every mention of the
    place gets it, so the article still names one place once.
    """
    written: dict[str, Counter] = {}
    for m in mentions:
        surface = written_name(m.span)
        options = gaz.candidates(surface) if surface != m.place.name else []
        if surface == m.place.name or (
            _plain_name(surface, m.place, options)
            and (m.span._.spelled_as or any(p.key == m.place.key for p, _ in options))
        ):
            written.setdefault(m.place.key, Counter())[surface] += 1
    names = {key: _most_written(_full_name_first(found)) for key, found in written.items()}
    return [
        Mention(m.span, replace(m.place, name=names[m.place.key])) if names.get(m.place.key) else m
        for m in mentions
    ]


def _undesignated(mentions: list[Mention], known: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "Uzbekistan's Jizzakh Region": a region named after its capital, in an article that
    names no city of that name, goes by the plain name, as news and the annotators write it."""
    cities = {
        (fold(re.sub(r" City$", "", m.place.name)), m.place.country)  # "Cebu City" is Cebu
        for m in mentions + known
        if m.place.kind == "city"
    }
    plain: dict[str, str] = {}
    for m in mentions:
        stem, _, word = m.place.name.rpartition(" ")
        if (
            m.place.kind == "region"
            and word.lower() in REGION_SUFFIXES
            and (fold(stem), m.place.country) not in cities
            and any(
                p.kind == "city" and p.country == m.place.country for p, _ in gaz.candidates(stem)
            )
        ):
            plain[m.place.key] = stem
    return [
        Mention(m.span, replace(m.place, name=plain[m.place.key])) if m.place.key in plain else m
        for m in mentions
    ]


def _designated(mentions: list[Mention], known: list[Mention]) -> list[Mention]:
    """ "Kano State ... in Kano": a region named like a city the article also names (here or
    among the `known` mentions) keeps its designator, so the two stay apart ("the state of Rio
    de Janeiro": "Rio de Janeiro State"); so does a region named by a direction alone ("the
    Western Division", "Central Province")."""
    cities = {
        (fold(m.place.name), m.place.country) for m in mentions + known if m.place.kind == "city"
    }
    names: dict[str, str] = {}
    for m in mentions:
        named_apart = (fold(m.place.name), m.place.country) in cities
        if m.place.kind != "region" or not (named_apart or compass_name(m.place.name)):
            continue
        designator = _designator(m.span)
        if designator:
            names.setdefault(m.place.key, f"{m.place.name} {designator}")
    return [
        Mention(m.span, replace(m.place, name=names[m.place.key])) if m.place.key in names else m
        for m in mentions
    ]


def _designator(span: Span) -> str | None:
    """A region's kind word as a designator: "Kano State", "the Emirate of Abu Dhabi"."""
    word = kind_word(span)
    if word is None and len(span) > 1:
        word = span[-1].lower_  # "Central Province", a name the gazetteer holds whole
    if word is None and _designator_after(span):
        word = span.doc[span.end].lower_  # "the Central region"
    return word.title() if word in REGION_SUFFIXES else None


def kind_word(span: Span) -> str | None:
    """The kind word the text writes with a place's name, in lower case: "Kano State", "the
    province of Bahia", "Meishan City"."""
    doc = span.doc
    if _ends_in_kind_word(span):
        return span[-1].lower_
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        word = doc[span.start - 2].lower_
        return word if word in KIND_SUFFIXES else None
    return None


def _full_name_first(found: Counter) -> Counter:
    """ "Bassano del Grappa ... Bassano", "Jongno-gu ... Jongno": a short form yields to the
    full name written too."""
    return Counter(
        {
            name: n
            for name, n in found.items()
            if not any(other.startswith((name + " ", name + "-")) for other in found)
        }
    )


def _most_written(found: Counter) -> str | None:
    """The name written most, if more than any other (the place's own name wins ties: None)."""
    ranked = found.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def written_name(span: Span) -> str:
    """The name as written, without a kind word after it ("Guangdong" of "Guangdong Province";
    "Lviv Oblast" when named after its city; "Bavaria" of "Bavarian")."""
    if span._.adjective_of:
        return span._.adjective_of
    if _ends_in_kind_word(span):
        return span[:-1].text  # not "the state of Rio de Janeiro": its kind word comes before
    return span.text


def _ends_in_kind_word(span: Span) -> bool:
    """ "Guangdong Province", "Meishan City": the span ends in the kind word after the name (not
    "Lviv Oblast", a region's own name after its city's)."""
    return bool(span._.kind_hint) and span[-1].lower_ in KIND_SUFFIXES and not span._.named_after


def _plain_name(text: str, place: Place, options: list[tuple[Place, bool]]) -> bool:
    """Another name of the place to show as it is: a spelling ("Legazpi" of "Legaspi"), an
    English or older name ("Khiva" of Xiva, "Nur-Sultan" of Astana), as the text has it, a
    region's official name ("Podkarpackie", not "Subcarpathia"); not an abbreviation
    ("Calif."), capitals ("CHONGQING"), the name with a designator ("Gyeonggi-do") or without
    its accents ("Sao Paulo"), nor another place's own name ("Antioch" of Antakya); `options`
    are the readings of `text`. A transliteration's long-vowel marks are no accents English
    writes: "Maharashtra", not "Mahārāshtra"."""
    if text == _without_macrons(place.name):
        return True
    # "Fez" of Fes, not "Ont." for Ontario nor "Rio" for Rio de Janeiro
    short = len(text) == 3 and place.kind == "city" and len(place.name) <= 4
    plain = (len(text) > 3 or short) and "." not in text and text[:1].isupper()
    plain &= not any(word.isupper() and len(word) > 1 for word in text.split())  # "HCM City"
    written, own = fold(text), fold(place.name)
    spelling = (
        place.kind == "region"
        or fuzz.ratio(written, own) >= SPELLING_VARIANT
        or own.startswith(written + " ")  # a short form: "Cebu" of Cebu City, "León"
        or (
            " " not in text  # one word, no nickname: not "Big Apple", "Philly"
            and not own.startswith(written[:4])
            and not any(  # no other place's name, but that of its region ("Melaka") or a
                # town of a few thousand ("Cologne" of Köln, not Italy's Cologne)
                primary and p.key != place.key and not contained(place, p) and not _hamlet(p)
                for p, primary in options
            )
        )
    )
    return plain and spelling and written != own and not written.startswith(own + " ")


def _without_macrons(name: str) -> str:
    """The name without the macrons that transliterations put on long vowels ("Hyōgo")."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0304", ""))


def _hamlet(place: Place) -> bool:
    """A town of a few thousand people."""
    return place.kind == "city" and 0 < (place.population or 0) < HAMLET_POPULATION


def contained(inner: Place, outer: Place) -> bool:
    """Whether `inner` lies inside `outer` as far as the data tells."""
    if inner.key == outer.key or inner.country != outer.country:
        return inner.key == outer.key
    if outer.kind != "region":  # "Nansha District of Guangzhou", "Barangay Lahug of Cebu City"
        return within_city(inner, outer) or located_in(inner, outer)
    if inner.kind == "city":
        return True
    if first_level(outer) and not first_level(inner):
        return inner.admin1 == outer.admin1  # "the Morbihan department of Brittany"
    # Regions of one first-level region overlap ("Bay Area", "Silicon Valley"), but two
    # counties with ISO codes of their own ("Kent", "Cornwall") are apart.
    counties = any(ISO_CODE.match(p.code or "") and not first_level(p) for p in (inner, outer))
    return inner.admin1 == outer.admin1 and not counties


def first_level(region: Place) -> bool:
    return (region.code or "").split("-", 1)[-1] == region.admin1
