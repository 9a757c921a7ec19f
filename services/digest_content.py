"""What a digest holds: the period's links a subscription wants, grouped as the digest shows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from facts.shapes import REGISTRY
from services.schedule import Schedule
from store.digests import SubscriptionResult
from store.results import ArticleRef, EvidenceResult, LinkResult


@dataclass(frozen=True)
class DigestContent:
    """What one digest says: links grouped as the digest shows them, and the new articles."""

    subscription: SubscriptionResult
    start: datetime
    end: datetime
    links: tuple[LinkResult, ...]  # new or confirmed links, not visits
    visits: tuple[LinkResult, ...]
    proposals: tuple[LinkResult, ...]
    ended: tuple[LinkResult, ...]  # ties cut, suspended or scrapped
    articles: tuple[ArticleRef, ...]
    confirmed: tuple[LinkResult, ...] = ()  # older news the team confirmed or corrected now
    older: tuple[LinkResult, ...] = ()  # old news that arrived in the period

    @property
    def empty(self) -> bool:
        return not (self.links or self.visits or self.proposals or self.ended or self.articles
                    or self.confirmed or self.older)  # fmt: skip

    @property
    def every_link(self) -> tuple[LinkResult, ...]:
        return (self.links + self.visits + self.proposals + self.ended + self.older
                + self.confirmed)  # fmt: skip


def schedule_of(subscription: SubscriptionResult) -> Schedule:
    s = subscription
    return Schedule(s.frequency, s.weekday, s.time_of_day, s.timezone)


def _muted(link: LinkResult, words: tuple[str, ...]) -> bool:
    text = " ".join([link.a.name, link.b.name, *(e.sentence + " " + (e.article.title or "")
                                                for e in link.evidence)]).casefold()  # fmt: skip
    return any(word.casefold() in text for word in words)


def news_of(link: LinkResult) -> tuple[EvidenceResult, ...]:
    """The link's evidence from the news (a registry's import is none)."""
    return tuple(e for e in link.evidence if e.article.source != REGISTRY)


def _within(link: LinkResult, start: datetime, end: datetime) -> LinkResult:
    """The link with only the news that arrived in the period."""
    fresh = tuple(e for e in news_of(link) if start <= e.article.ingested_at < end)
    return replace(link, evidence=fresh)


def select_links(
    links: list[LinkResult],
    subscription: SubscriptionResult,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[LinkResult]:
    """The links the subscription wants (its places and kinds, nothing muted), with the news
    of the period [start, end) when it is given."""
    s = subscription
    chosen = links
    if start is not None and end is not None:
        chosen = [_within(link, start, end) for link in links]
        chosen = [link for link in chosen if link.evidence]
    if s.places:
        chosen = [link for link in chosen if {link.a.key, link.b.key} & set(s.places)]
    if s.kinds:
        chosen = [link for link in chosen if link.kind in s.kinds]
    return [link for link in chosen if not _muted(link, s.muted_words)]
