"""Plain dataclasses describing what an article says: the only shapes that leave `ingest/`.

The places they hold are `places.place.Place`, named here too for whoever reads facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from places.place import Place

PARTNERSHIP_KINDS = ("sister_city", "friendship_city", "mou", "trade_deal", "cooperation", "visit")
PARTNERSHIP_STATUSES = ("new", "existing", "proposed", "ended")
REGISTRY = "registry"  # the source (and `via`) of twinnings imported from a registry, not news


@dataclass(frozen=True)
class Money:
    value: float
    currency: str  # ISO 4217

    def to_json(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency}


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    mentions: int


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    place: Place | None = None
    confidence: float = 1.0  # how likely the extraction is right, calibrated (ingest/confidence)


@dataclass(frozen=True)
class Organization:
    name: str
    place: Place | None = None


@dataclass(frozen=True)
class Partnership:
    """A link between two places; for a `visit`, `a` is the visitor and `b` the host."""

    a: Place
    b: Place
    kind: str
    status: str
    evidence: str
    year: int | None = None
    amount: Money | None = None
    confidence: float = 1.0  # how likely the extraction is right, calibrated (ingest/confidence)


@dataclass
class ArticleFacts:
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD", "YYYY" or None
    source: str | None = None
    places: list[PlaceMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `citylink extract --json` shape of DESIGN.md."""
        return {
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "places": [
                {
                    "name": m.place.name,
                    "country": m.place.country,
                    "kind": m.place.kind,
                    "geonameid": m.place.geonameid,
                    "mentions": m.mentions,
                }
                for m in self.places
            ],
            "partnerships": [
                {
                    "a": p.a.name,
                    "a_country": p.a.country,
                    "b": p.b.name,
                    "b_country": p.b.country,
                    "kind": p.kind,
                    "status": p.status,
                    "year": p.year,
                    "amount": p.amount.to_json() if p.amount else None,
                    "evidence": p.evidence,
                    "confidence": round(p.confidence, 2),
                }
                for p in self.partnerships
            ],
            "people": [
                {
                    "name": p.name,
                    "role": p.role,
                    "place": p.place.name if p.place else None,
                    "confidence": round(p.confidence, 2),
                }
                for p in self.people
            ],
            "organizations": [
                {"name": o.name, "place": o.place.name if o.place else None}
                for o in self.organizations
            ],
        }


@dataclass(frozen=True)
class ArticleText:
    """An article as read from a file, stdin or URL, before extraction."""

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
