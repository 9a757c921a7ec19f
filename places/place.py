"""The one shape of a place: a GeoNames city or district, or a region (pycountry or curated)."""

from __future__ import annotations

from dataclasses import dataclass

# A city this large is known by its bare name: no English word, surname or region takes it.
NOTABLE_POPULATION = 100_000
# Countries that are a town too: their name is a place as well as a nation ("Singapore").
CITY_STATES = frozenset({"SG", "MC"})


@dataclass(frozen=True, slots=True)  # slots: the lookup index holds ~70,000 of them
class Place:
    """A resolved place: a GeoNames city, a district of a big city, or a region."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "city" | "region"
    geonameid: int | None = None
    code: str | None = None  # ISO 3166-2 code or curated slug; a district's source code
    # A city's GeoNames admin1 code ("13" for Kobe's Hyogo); a region's ISO 3166-2 suffix
    # ("28" for Hyogo): `places.regions.RegionTable` reads both as one region.
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None

    @property
    def key(self) -> str:
        """A stable identity across articles."""
        if self.geonameid is not None:
            return f"geonames:{self.geonameid}"
        if self.kind == "city":  # a district of a big city, coded by its source
            return f"district:{self.code}"
        return f"region:{self.code or self.country + ':' + self.name.lower()}"
