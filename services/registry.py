"""Known twinnings as a baseline: a Wikidata "twinned administrative body" (P190) CSV, imported.

The file is the CSV the Wikidata Query Service exports for the query in the README: item,
itemLabel, partner, partnerLabel, itemCountryCode, partnerCountryCode, start (and, when asked
for, itemGeonames and partnerGeonames). Both sides are resolved to places; the links are
stored as one article whose source is "registry", so an article about the same link later
merges with it instead of adding another.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from facts.shapes import REGISTRY, ArticleFacts, ArticleText, Partnership, Place, PlaceMention
from places.index import PlaceIndex
from places.names import fold
from store.repository import add_article

CONFIDENT = 85.0  # a weaker match of a label is not taken
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})")
ENTITY = re.compile(r"(Q[0-9]+)$")


@dataclass(frozen=True)
class Unresolved:
    line: int
    label: str
    country: str
    reason: str


@dataclass(frozen=True)
class Imported:
    links: int
    new: bool  # False: this very file was imported before
    unresolved: tuple[Unresolved, ...]


def _column(row: dict, *names: str) -> str:
    """The first of `names` the row has (column names compared without case)."""
    lowered = {k.lower(): v for k, v in row.items() if k}
    return next((lowered[n.lower()].strip() for n in names if lowered.get(n.lower())), "")


class RegistryImport:
    def __init__(self, sessions, index: PlaceIndex):
        self.sessions, self.index = sessions, index

    def resolve(self, label: str, country: str, geonames: str) -> Place | str:
        """The place a row's side names, or why it names none."""
        if geonames.isdigit():
            place = self.index.place_by_key(f"geonames:{geonames}")
            if place is not None:
                return place
        if not label or ENTITY.fullmatch(label):
            return "no English label"
        typed = f"{label}, {country}" if country else label
        found = [c for c in self.index.search(typed, limit=5) if c.score >= CONFIDENT]
        found = [c for c in found if not country or c.place.country == country.upper()]
        if not found:
            return f"no place matches \u201c{label}\u201d" + (f" in {country}" if country else "")
        exact = [c for c in found if fold(c.place.name) == fold(label)]
        return (exact or found)[0].place

    def load(self, data: str, *, team_id: str | None = None, name: str = "") -> Imported:
        """Import the CSV's twinnings into the team's store (the shared one without a team)."""
        links, mentioned, unresolved = [], {}, []
        for line, row in enumerate(csv.DictReader(io.StringIO(data)), start=2):
            sides = []
            for side in ("item", "partner"):
                label = _column(row, f"{side}Label", f"{side}_label")
                country = _column(row, f"{side}CountryCode", f"{side}Country", f"{side}_country")
                found = self.resolve(label, country, _column(row, f"{side}Geonames"))
                if isinstance(found, str):
                    unresolved.append(Unresolved(line, label or _column(row, side), country, found))
                sides.append(found)
            a, b = sides
            if isinstance(a, str) or isinstance(b, str) or a.key == b.key:
                continue
            year = YEAR.match(_column(row, "start", "startTime", "start_time"))
            since = int(year.group(1)) if year else None
            ids = " and ".join(ENTITY.search(_column(row, s)).group(1) for s in ("item", "partner")
                               if ENTITY.search(_column(row, s)))  # fmt: skip
            said = f"Wikidata lists {a.name} and {b.name} as twinned" + (
                f" since {since}" if since else "") + (f" ({ids})." if ids else ".")  # fmt: skip
            links.append(Partnership(a, b, "sister_city", "existing", said, since))
            for place in (a, b):
                mentioned[place.key] = PlaceMention(place, 1)
        facts = ArticleFacts(title=f"Registry: Wikidata twinnings {name}".strip(), source=REGISTRY,
                             places=list(mentioned.values()), partnerships=links)  # fmt: skip
        article = ArticleText(text=data, title=facts.title, source=REGISTRY)
        with self.sessions.begin() as session:
            result = add_article(session, article, facts, team_id=team_id, user_id="registry",
                                 via=REGISTRY)  # fmt: skip
        return Imported(len(links), result.created, tuple(unresolved))
