"""Plain, frozen results of store writes and reads: what handlers and views receive."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from facts.shapes import Money


class StatedFact(Protocol):
    """Anything that states a partnership's status, year and amount (an evidence row or result)."""

    status: str
    year: int | None

    @property
    def amount(self) -> Money | None: ...


@dataclass(frozen=True)
class PartnershipState:
    """Status, year and amount of a partnership as its evidence supports them."""

    status: str
    year: int | None
    amount: Money | None

    @classmethod
    def from_evidence(cls, newest_first: Sequence[StatedFact]) -> PartnershipState:
        """The newest settled status, the earliest settled year; a plan counts only if alone.

        "ended" is settled like "new" and "existing": a link reported ended after the reports
        of it is ended, and a newer report of it existing (or new) reopens it.
        """
        settled = [e for e in newest_first if e.status != "proposed"]
        pool = settled or list(newest_first)
        years = [e.year for e in pool if e.year is not None]
        amount = next((e.amount for e in pool if e.amount is not None), None)
        return cls(settled[0].status if settled else "proposed", min(years, default=None), amount)


@dataclass(frozen=True)
class AddResult:
    """What `add_article` did; the counts are zero when the article was already there."""

    article_id: int
    created: bool
    title: str | None
    first_ingested_at: datetime
    first_ingested_by: str
    first_ingested_via: str
    places: int = 0
    people: int = 0
    organizations: int = 0
    partnerships: int = 0
    new_partnerships: int = 0


@dataclass(frozen=True)
class PlaceSummary:
    """A stored place."""

    id: int
    key: str
    name: str
    country: str
    admin1: str | None
    kind: str
    geonameid: int | None


@dataclass(frozen=True)
class ArticleRef:
    id: int
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    published_on: date | None
    ingested_at: datetime
    story_id: int | None = None  # one story reported by several outlets shares this


@dataclass(frozen=True)
class EvidenceResult:
    sentence: str
    status: str
    year: int | None
    amount: Money | None
    article: ArticleRef
    confidence: float | None = None  # the extractor's; None for facts stored before it had one


FactKey = tuple[int, int, str]  # a link as stored: (place a id, place b id, kind)
OLD_NEWS_DAYS = 60  # news published this long before it arrived is old news


@dataclass(frozen=True)
class Mark:
    """Who did something to a fact, and when: "corrected by @maria, 3 Dec"."""

    user_id: str
    at: datetime
    action: str  # a correction's action: confirm, hide, edit or add


@dataclass(frozen=True)
class CorrectionResult:
    """One correction of a team: its fact, what was seen before, what it set, and why."""

    id: int
    fact: FactKey
    action: str
    before: dict
    after: dict
    note: str | None
    mark: Mark


@dataclass(frozen=True)
class LinkResult:
    """A partnership between `a` and `b` (visitor and host for a `visit`), evidence newest first.

    Status, year and amount derive from the evidence the asker may see, then from the asker's
    team's corrections; `fact` is the link as extracted when a correction changed its parties
    or kind. A link a team added by hand has no evidence.
    """

    id: int
    a: PlaceSummary
    b: PlaceSummary
    kind: str
    status: str
    year: int | None
    amount: Money | None
    evidence: tuple[EvidenceResult, ...]
    first_seen_at: datetime
    fact: FactKey | None = None  # as extracted, when a correction changed it
    corrected: Mark | None = None  # the team's last edit (or its addition of the link)
    confirmed: Mark | None = None  # the team's last confirmation
    unconfirmed: bool = False  # extraction's confidence is below the team's threshold
    source_url: str | None = None  # given with a link added by hand

    @property
    def key(self) -> FactKey:
        """The link as stored, which the team's corrections refer to."""
        return self.fact or (self.a.id, self.b.id, self.kind)

    @property
    def old_news(self) -> bool:
        """Whether its newest news arrived long after it was published, or calls new a link
        signed years before: old news reported now."""
        if not self.evidence:
            return False
        article = self.evidence[0].article
        arrived, dated = article.ingested_at, article.published_on
        if dated is not None and (arrived.date() - dated).days > OLD_NEWS_DAYS:
            return True
        return self.status == "new" and self.year is not None and self.year < arrived.year - 1

    @property
    def news_day(self) -> date:
        """The day of its newest news: published, else arrived."""
        article = self.evidence[0].article if self.evidence else None
        if article is None:
            return self.first_seen_at.date()
        return article.published_on or article.ingested_at.date()

    @property
    def confidence(self) -> float | None:
        """Extraction's confidence in the link: that of its best-supported statement."""
        scores = [e.confidence for e in self.evidence if e.confidence is not None]
        return max(scores, default=None)

    def partner_of(self, place_id: int) -> PlaceSummary:
        """The other party, seen from `place_id`."""
        return self.b if self.a.id == place_id else self.a


@dataclass(frozen=True)
class PersonResult:
    name: str
    role: str | None
    place: str | None
    confidence: float | None = None  # the highest of the visible articles naming them


@dataclass(frozen=True)
class PlaceProfile:
    """A place with (a window of) its partnerships by kind, newest first, people and articles."""

    place: PlaceSummary
    partnerships: tuple[LinkResult, ...]  # the window asked for, or all of them
    partnership_count: int  # all of them
    people: tuple[PersonResult, ...]
    articles: tuple[ArticleRef, ...]
    article_count: int


@dataclass(frozen=True)
class ArticleRecord:
    """An article's text with the places it mentions and the people it names."""

    id: int
    published: str | None
    text: str
    places: tuple[PlaceSummary, ...]
    people: tuple[PersonResult, ...]


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    places: int
    partnerships: int
    people: int
