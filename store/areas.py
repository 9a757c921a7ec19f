"""Reads over many places at once: a country's places, a region with its cities, two countries."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, false, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from store import models
from store.models import NEWEST_ARTICLE_FIRST
from store.queries import (
    _first_distinct,
    _hidden,
    _links_in_order,
    _summaries,
    _visible,
    as_seen_by,
)  # the building blocks of the one-place reads
from store.results import LinkResult, PlaceSummary

A, E, P, Pl = models.Article, models.Evidence, models.Partnership, models.Place
TOP_PLACES = 8


@dataclass(frozen=True)
class Area:
    """Places taken together: whole countries, and single places (a region and its cities)."""

    countries: frozenset[str] = field(default_factory=frozenset)
    place_ids: frozenset[int] = field(default_factory=frozenset)

    def sql(self, column) -> ColumnElement[bool]:
        """`column` (a place id) lies in the area; a country's places are found by the store."""
        parts = []
        if self.countries:
            parts.append(column.in_(select(Pl.id).where(Pl.country.in_(self.countries))))
        if self.place_ids:
            parts.append(column.in_(self.place_ids))
        return or_(*parts) if parts else false()

    def holds(self, place: PlaceSummary) -> bool:
        return place.country in self.countries or place.id in self.place_ids


@dataclass(frozen=True)
class AreaSummary:
    """What the store holds about an area: links by kind and status, its busiest places."""

    counts: dict[tuple[str, str], int]  # (kind, status) -> partnerships, as extracted
    top_places: tuple[tuple[PlaceSummary, int], ...]  # places with the most partnerships


def _between(a: Area, b: Area | None) -> ColumnElement[bool]:
    if b is None:
        return or_(a.sql(P.place_a_id), a.sql(P.place_b_id))
    return or_(a.sql(P.place_a_id) & b.sql(P.place_b_id), b.sql(P.place_a_id) & a.sql(P.place_b_id))


def area_links(
    session: Session,
    a: Area,
    b: Area | None = None,
    *,
    team_id: str | None = None,
    kinds: Collection[str] = (),
    limit: int = 50,
    confirm_below: float = 0.0,
) -> list[LinkResult]:
    """The links of places in `a` (with places in `b`, if given) the team sees, by the date of
    their newest news, at most `limit` of them."""
    which = _between(a, b)
    if kinds:
        which = which & P.kind.in_(list(kinds))
    query = (
        select(E.partnership_id)
        .join(A, A.id == E.article_id)
        .join(P, P.id == E.partnership_id)
        .where(which, _visible(team_id))
        .order_by(*NEWEST_ARTICLE_FIRST, E.id.desc())
    )
    ids = [row[0] for row in _first_distinct(session, query, limit)]
    links = _links_in_order(session, ids, team_id)
    places = {p.id: p for link in links for p in (link.a, link.b)}

    def keep(a_id: int, b_id: int) -> bool:
        """Whether a link between these places belongs here (a corrected one's places are
        read the first time they are asked about)."""
        places.update(_summaries(session, {a_id, b_id} - places.keys()))
        x, y = places.get(a_id), places.get(b_id)
        if x is None or y is None:
            return False
        if b is None:
            return a.holds(x) or a.holds(y)
        return (a.holds(x) and b.holds(y)) or (b.holds(x) and a.holds(y))

    return as_seen_by(session, links, team_id, confirm_below, places, keep=keep)


def area_summary(session: Session, area: Area, *, team_id: str | None = None) -> AreaSummary:
    """Counts by kind and status of the partnerships the team sees, and the busiest places.

    Every partnership of the area counts but those only other teams' articles state (found
    from those articles, which are few), so no count joins every piece of evidence.
    """
    which = _between(area, None) & P.id.not_in(_hidden_only(team_id))
    counted = select(P.kind, P.status, func.count()).where(which).group_by(P.kind, P.status)
    counts = {(kind, status): n for kind, status, n in session.execute(counted)}
    sides = union_all(
        select(P.place_a_id.label("place_id")).where(which),
        select(P.place_b_id.label("place_id")).where(which),
    ).subquery()
    busiest = (
        select(sides.c.place_id, func.count())
        .where(area.sql(sides.c.place_id))
        .group_by(sides.c.place_id)
        .order_by(func.count().desc(), sides.c.place_id)
        .limit(TOP_PLACES)
    )
    ranked = session.execute(busiest).all()
    found = _summaries(session, [place_id for place_id, _ in ranked])
    return AreaSummary(counts, tuple((found[i], n) for i, n in ranked if i in found))


def _hidden_only(team_id: str | None):
    """Partnerships that only articles the team may not see state (a subquery: few rows)."""
    other, article = aliased(E), aliased(A)
    seen = (
        select(other.id)
        .join(article, article.id == other.article_id)
        .where(other.partnership_id == E.partnership_id, _visible(team_id, article))
    )
    hidden = select(E.partnership_id).join(A, A.id == E.article_id).where(_hidden(team_id))
    return hidden.where(~seen.exists())


def stored_cities(session: Session, country: str) -> list[tuple[int, str | None]]:
    """(id, first-level region code) of the country's stored cities."""
    query = select(Pl.id, Pl.admin1).where(Pl.country == country, Pl.kind == "city")
    return [(place_id, admin1) for place_id, admin1 in session.execute(query)]
