"""Countries and regions: what a country's places did, links between two countries, a region's
cities; each narrowed by the asker's filters."""

from __future__ import annotations

from dataclasses import dataclass, replace

from facts.shapes import Place
from places.regions import country_name, shipped_regions
from services.filters import Filters
from services.lookups import LookupService, PlaceAnswer
from store import areas
from store.areas import Area, AreaSummary
from store.results import LinkResult

SEARCHED = 200  # the newest links of an area a filter looks through
SHOWN = 24  # links an area's answer lists
WHOLE = 20_000  # links an export of an area reads at most


@dataclass(frozen=True)
class AreaAnswer:
    """The links of an area (a country, two countries, a region's cities), newest news first."""

    title: str
    countries: tuple[str, ...]
    links: tuple[LinkResult, ...]  # at most SHOWN, as filtered
    matched: int  # how many of the links searched the filters kept
    filters: Filters
    summary: AreaSummary | None = None  # for one country
    offered: tuple[Place, ...] = ()  # a country's largest places, for a country with no links
    target: str = ""  # what an export reads again: "country JP", "between country:JP place:KEY"


class AreaService:
    def __init__(self, lookups: LookupService, *, whole: bool = False):
        """`whole`: every link an answer has (an export), not the first SHOWN."""
        self.lookups, self.whole = lookups, whole

    def country(
        self, code: str, *, team_id: str | None, filters: Filters, offered: tuple[Place, ...] = ()
    ) -> AreaAnswer:
        """A country's card: counts by kind and status, its busiest places, its newest links."""
        with self.lookups.sessions.begin() as session:
            area = Area(countries=frozenset([code]))
            summary = areas.area_summary(session, area, team_id=team_id)
            found = self._links(session, area, None, team_id, filters)
        return AreaAnswer(country_name(code), (code,), *found, filters, summary, offered,
                          f"country {code}")  # fmt: skip

    def between(
        self, a: Place | str, b: Place | str, *, team_id: str | None, filters: Filters
    ) -> AreaAnswer:
        """Links between two countries, or a country and a place (`str`: a country's code)."""
        names = [country_name(s) if isinstance(s, str) else s.name for s in (a, b)]
        with self.lookups.sessions.begin() as session:
            sides = [self._area(session, side) for side in (a, b)]
            found = self._links(session, *sides, team_id, filters)
        codes = tuple(s for s in (a, b) if isinstance(s, str))
        named = " ".join(f"country:{x}" if isinstance(x, str) else f"place:{x.key}" for x in (a, b))
        return AreaAnswer(" & ".join(names), codes, *found, filters, target=f"between {named}")

    def region_cities(self, region: Place, *, team_id: str | None, filters: Filters):
        """The links of a region's cities (not the region's own), newest news first."""
        table = shipped_regions()
        with self.lookups.sessions.begin() as session:
            stored = areas.stored_cities(session, region.country)
            regions = ((i, table.region(region.country, admin1)) for i, admin1 in stored)
            cities = {i for i, found in regions if found and found.code == region.code}
            if not cities:
                return (), 0
            return self._links(session, Area(place_ids=frozenset(cities)), None, team_id, filters)

    def latest(self, *, team_id: str | None, filters: Filters) -> list[LinkResult]:
        """The newest links the filters keep, from the newest SEARCHED."""
        found = self.lookups.latest(limit=WHOLE if self.whole else SEARCHED, team_id=team_id)
        return self._cut([link for link in found if filters.keeps(link)])

    def narrowed(self, answer: PlaceAnswer, *, team_id: str | None, filters: Filters):
        """A place's answer as the filters narrow it; a region's with its cities' links."""
        if answer.place is not None and answer.place.kind == "region":
            cities, _ = self.region_cities(answer.place, team_id=team_id, filters=filters)
            answer = replace(answer, cities=cities)
        if not filters or answer.profile is None:
            return replace(answer, filters=filters)
        kept = [link for link in answer.profile.partnerships if filters.keeps(link)]
        profile = replace(answer.profile, partnerships=tuple(self._cut(kept)),
                          partnership_count=len(kept))  # fmt: skip
        return replace(answer, profile=profile, filters=filters, page=None)

    def _area(self, session, side: Place | str) -> Area:
        if isinstance(side, str):
            return Area(countries=frozenset([side]))
        stored = self.lookups.profile_of(side.key, profile=False)
        return Area(place_ids=frozenset([stored.stored_id] if stored and stored.stored_id else []))

    def _links(self, session, a: Area, b: Area | None, team_id: str | None, filters: Filters):
        """(the first SHOWN links the filters keep, how many of those searched they keep)."""
        # kinds are asked of the store; statuses and years of the links it gives, so more
        searched = SEARCHED if filters.statuses or filters.year or filters.since else SHOWN
        found = areas.area_links(
            session, a, b, team_id=team_id, kinds=filters.kinds,
            limit=WHOLE if self.whole else searched, confirm_below=self.lookups.confirm_below,
        )  # fmt: skip
        kept = [link for link in found if filters.keeps(link)]
        return tuple(self._cut(kept)), len(kept)

    def _cut(self, links: list[LinkResult]) -> list[LinkResult]:
        return links if self.whole else links[:SHOWN]
