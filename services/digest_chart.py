"""What a digest's chart shows, read from the store: the new links of each of the last twelve
periods by kind, and the places with the most of them, as the subscription's team sees them
(its filters, its corrections; unconfirmed links, old news and registry imports left out)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from facts.shapes import PARTNERSHIP_KINDS
from services.digest_content import news_of, schedule_of, select_links
from store import queries
from store.digests import SubscriptionResult
from store.results import LinkResult

PERIODS = 12
BUSIEST = 8  # places in the chart's second panel


@dataclass(frozen=True)
class ChartData:
    starts: tuple[datetime, ...]  # each period's start in the digest's time zone, oldest first
    weekly: bool
    counts: dict[str, tuple[int, ...]]  # kind -> new links in each period (kinds with any)
    busiest: tuple[tuple[str, int], ...]  # place name, new links over the periods

    @property
    def empty(self) -> bool:
        return not self.counts


def first_heard(link: LinkResult) -> datetime | None:
    """When the team first had news of the link."""
    return min((e.article.ingested_at for e in news_of(link)), default=None)


def chart_data(
    session: Session, subscription: SubscriptionResult, end: datetime, *,
    confirm_below: float = 0.0,
) -> ChartData:  # fmt: skip
    """The twelve periods (days or weeks, as the digest's) up to `end`."""
    period, zone = schedule_of(subscription).period, ZoneInfo(subscription.timezone)
    starts = tuple((end - period * (PERIODS - n)).astimezone(zone) for n in range(PERIODS))
    found = queries.recent_partnerships(
        session, limit=None, team_id=subscription.scope or None, since=starts[0], until=end,
        confirm_below=confirm_below)  # fmt: skip
    # Old news reported now is no new link (the digest lists it apart, as such).
    links = select_links([x for x in found if not x.unconfirmed and not x.old_news], subscription)
    per_kind = {kind: [0] * PERIODS for kind in PARTNERSHIP_KINDS}
    places: Counter[str] = Counter()
    names = {}
    for link in links:
        heard = first_heard(link)
        if heard is None or not starts[0] <= heard < end:  # known before the twelve periods
            continue
        per_kind[link.kind][int((heard - starts[0]) / period)] += 1
        places.update({link.a.key, link.b.key})  # by place: two Springfields are two
        names |= {link.a.key: link.a.name, link.b.key: link.b.name}
    counts = {kind: tuple(n) for kind, n in per_kind.items() if any(n)}
    ranked = sorted(places.items(), key=lambda item: (-item[1], names[item[0]]))[:BUSIEST]
    busiest = tuple((names[key], count) for key, count in ranked)
    return ChartData(starts, subscription.frequency == "weekly", counts, busiest)
