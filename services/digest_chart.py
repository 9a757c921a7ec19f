"""What a digest's chart shows, read from the store: the new links of each of the last twelve
periods by kind, and the places with the most of them, as the subscription's team sees them
(its filters, its corrections; unconfirmed links and registry imports left out)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from facts.shapes import PARTNERSHIP_KINDS, REGISTRY
from services.digest_content import schedule_of, select_links
from store import queries
from store.digests import SubscriptionResult
from store.results import LinkResult

PERIODS = 12
BUSIEST = 8  # places in the chart's second panel


@dataclass(frozen=True)
class ChartData:
    starts: tuple[datetime, ...]  # each period's start, oldest first
    weekly: bool
    counts: dict[str, tuple[int, ...]]  # kind -> new links in each period (kinds with any)
    busiest: tuple[tuple[str, int], ...]  # place name, new links over the periods

    @property
    def empty(self) -> bool:
        return not self.counts


def first_heard(link: LinkResult) -> datetime | None:
    """When the team first had news of the link (a registry's import is none)."""
    arrivals = [e.article.ingested_at for e in link.evidence if e.article.source != REGISTRY]
    return min(arrivals, default=None)


def chart_data(
    session: Session, subscription: SubscriptionResult, end: datetime, *,
    confirm_below: float = 0.0,
) -> ChartData:  # fmt: skip
    """The twelve periods (days or weeks, as the digest's) up to `end`."""
    period = schedule_of(subscription).period
    starts = tuple(end - period * (PERIODS - n) for n in range(PERIODS))
    found = queries.recent_partnerships(
        session, limit=None, team_id=subscription.scope or None, since=starts[0], until=end,
        confirm_below=confirm_below)  # fmt: skip
    links = select_links([x for x in found if not x.unconfirmed], subscription)
    per_kind = {kind: [0] * PERIODS for kind in PARTNERSHIP_KINDS}
    places: Counter[str] = Counter()
    for link in links:
        heard = first_heard(link)
        if heard is None or not starts[0] <= heard < end:  # known before the twelve periods
            continue
        per_kind[link.kind][int((heard - starts[0]) / period)] += 1
        places.update({link.a.name, link.b.name})
    counts = {kind: tuple(n) for kind, n in per_kind.items() if any(n)}
    busiest = tuple(sorted(places.items(), key=lambda item: (-item[1], item[0]))[:BUSIEST])
    return ChartData(starts, subscription.frequency == "weekly", counts, busiest)
