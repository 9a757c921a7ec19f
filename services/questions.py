"""What `/citylink <text>` asks, and what the store answers: a place, a pair, a country, two
countries, the newest links, each narrowed by filters; the card, the CSV export and the CLI
all read the same answer."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import partial

from facts.shapes import Place
from places.names import fold
from places.place import NOTABLE_POPULATION
from services.areas import AreaAnswer, AreaService
from services.filters import Filters, split_filters
from services.lookups import LookupService, PlaceAnswer
from store.results import LinkResult, StoreCounts

MAX_QUERY_CHARS = 200
AMPERSAND = re.compile(r"\s*[&+]\s*")
AND = re.compile(r"\s+and\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """A parsed `/citylink` text: `what` is help, stats, latest, pair or place."""

    what: str
    text: str = ""
    names: tuple[str, ...] = ()  # the two sides of a pair
    note: str | None = None


@dataclass(frozen=True)
class Help:
    note: str | None = None


@dataclass(frozen=True)
class Latest:
    links: tuple[LinkResult, ...]
    filters: Filters | None = None


@dataclass(frozen=True)
class Unknown:
    query: str
    candidates: tuple[Place, ...]


@dataclass(frozen=True)
class WhichOne:
    """A name that is a country's and a notable place's ("Georgia")."""

    answer: PlaceAnswer


@dataclass(frozen=True)
class PairFound:
    a: PlaceAnswer
    b: PlaceAnswer
    links: tuple[LinkResult, ...]
    filters: Filters


Found = Help | StoreCounts | Latest | Unknown | WhichOne | AreaAnswer | PairFound | PlaceAnswer


def clean(text: str) -> str:
    """Slack's escapes undone, control characters dropped, spaces collapsed."""
    text = html.unescape(text or "")
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(text.split())


def parse(text: str) -> Request:
    text = clean(text)
    word = text.lower()
    if word in ("", "help", "?", "-h", "--help"):
        return Request("help")
    if word in ("stats", "status"):
        return Request("stats")
    if word in ("latest", "new", "recent", "news"):
        return Request("latest")
    if len(text) > MAX_QUERY_CHARS:
        return Request("help", note="That is longer than any place name. Try one place.")
    if not any(c.isalnum() for c in text):
        return Request("help", note="I need a place name to look up.")
    parts = split_pair(text)
    if len(parts) == 2 and all(parts):
        return Request("pair", text, tuple(parts))
    return Request("place", text)


def split_pair(text: str) -> list[str]:
    """The two names of "A & B" (or "A + B"; "A and B" only when there is no & or +)."""
    parts = AMPERSAND.split(text, maxsplit=1)
    if len(parts) < 2:
        parts = AND.split(text, maxsplit=1)
    return [part.strip() for part in parts]


def ask(lookups: LookupService, text: str, *, team_id: str | None = None, whole=False) -> Found:
    """The answer to `/citylink <text>`; `whole`: every partnership of a place, not a page."""
    request = parse(text)
    if request.what == "help":
        return Help(request.note)
    if request.what == "stats":
        return lookups.counts(team_id=team_id)
    if request.what == "latest":
        return Latest(tuple(lookups.latest(team_id=team_id)))
    areas = AreaService(lookups, whole=whole)
    if request.what == "pair" and not lookups.is_place_name(request.text):
        return _pair(lookups, areas, request.names, team_id)
    words, filters, problem = split_filters(request.text, partial(is_name, lookups))
    if problem:
        return Help(problem)
    if not words:
        return Latest(tuple(areas.latest(team_id=team_id, filters=filters)), filters)
    found = lookups.place(words, team_id=team_id, page=None if filters or whole else 0)
    if country := _country_meant(found):
        return areas.country(country, team_id=team_id, filters=filters,
                             offered=found.country_places)  # fmt: skip
    if found.place is None:
        return Unknown(found.query, found.candidates)
    if found.country:  # "Georgia": the country, or the US state?
        return WhichOne(found)
    return areas.narrowed(found, team_id=team_id, filters=filters)


def links_of(found: Found) -> tuple[LinkResult, ...]:
    """The partnerships an answer lists (none for help, stats, questions back)."""
    match found:
        case Latest(links) | AreaAnswer(links=links) | PairFound(links=links):
            return links
        case PlaceAnswer(profile=profile, cities=cities):
            return (profile.partnerships if profile else ()) + cities
    return ()


def is_name(lookups: LookupService, text: str) -> bool:
    """Whether `text` is a place's or a country's whole name (filter words stop there)."""
    found = lookups.index.search(text, limit=3, fuzzy=False)
    return any(fold(c.place.name) == fold(text) for c in found) or bool(
        lookups.index.namesake_country(text))  # fmt: skip


def _country_meant(found: PlaceAnswer) -> str | None:
    """The country a name means, unless a notable place has that very name too ("Georgia")."""
    if not found.country:
        return None
    place = found.place
    notable = place is not None and (
        place.kind == "region" or (place.population or 0) >= NOTABLE_POPULATION)  # fmt: skip
    exact = place is not None and fold(place.name) == fold(found.query)
    return None if notable and exact else found.country


def _pair(lookups: LookupService, areas: AreaService, names, team_id) -> Found:
    """Two places, two countries, or a country and a place; filter words on either side."""
    sides, asked = [], []
    for name in names:
        words, filters, problem = split_filters(name, partial(is_name, lookups))
        if problem:
            return Help(problem)
        asked.append(filters)
        sides.append(lookups.place(words or name, team_id=team_id, profile=False))
    filters = asked[0] | asked[1]
    countries = [_country_meant(x) for x in sides]
    for side, country in zip(sides, countries, strict=True):
        if side.place is None and not country:
            return Unknown(side.query, side.candidates)
    if any(countries):  # a country on either side
        a, b = (c or x.place for x, c in zip(sides, countries, strict=True))
        return areas.between(a, b, team_id=team_id, filters=filters)
    pair = lookups.pair_of(sides[0].place.key, sides[1].place.key, team_id=team_id)
    links = tuple(link for link in pair.links if filters.keeps(link))
    return PairFound(sides[0], sides[1], links, filters)
