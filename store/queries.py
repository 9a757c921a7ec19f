"""Reads, named as nouns; a team sees the shared corpus and its own articles, nothing else."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, distinct, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ingest.facts import PARTNERSHIP_KINDS
from store import models
from store.models import NEWEST_ARTICLE_FIRST
from store.results import (
    ArticleRef,
    EvidenceResult,
    LinkResult,
    PartnershipState,
    PersonResult,
    PlaceProfile,
    PlaceSummary,
    StoreCounts,
)

A, E, P = models.Article, models.Evidence, models.Partnership
PEOPLE_LIMIT = 20
KIND_ORDER = {kind: i for i, kind in enumerate(PARTNERSHIP_KINDS)}


def _visible(team_id: str | None) -> ColumnElement[bool]:
    """Articles a team may see: the shared corpus ('' scope) and its own."""
    return A.scope.in_(("", team_id)) if team_id else A.scope == ""


def _count_where(column: InstrumentedAttribute) -> ColumnElement[int]:
    """How many rows of `column`'s table point at the place of the outer query (indexed)."""
    query = select(func.count()).where(column == models.Place.id)
    return query.correlate(models.Place).scalar_subquery()


def _summary_query():
    """Places with their facts: partnerships on either side plus articles mentioning them.

    The counts are correlated subqueries, so only the places the query selects are counted.
    """
    facts = (
        _count_where(P.place_a_id) + _count_where(P.place_b_id)
        + _count_where(models.PlaceMention.place_id)
    )  # fmt: skip
    return select(models.Place, facts), facts


def _summary(place: models.Place, facts: int) -> PlaceSummary:
    return PlaceSummary(
        id=place.id, key=place.key, name=place.name, country=place.country, admin1=place.admin1,
        kind=place.kind, geonameid=place.geonameid, facts=facts,
    )  # fmt: skip


def _summaries(session: Session, place_ids: Collection[int]) -> dict[int, PlaceSummary]:
    query, _ = _summary_query()
    rows = session.execute(query.where(models.Place.id.in_(place_ids)))
    return {place.id: _summary(place, facts) for place, facts in rows}


def places_by_key(session: Session, keys: Collection[str]) -> dict[str, PlaceSummary]:
    """The stored places among `keys`, each with how many facts the store holds about it."""
    query, _ = _summary_query()
    rows = session.execute(query.where(models.Place.key.in_(list(keys))))
    return {place.key: _summary(place, facts) for place, facts in rows}


def _article_ref(article: models.Article) -> ArticleRef:
    return ArticleRef(
        id=article.id, title=article.title, url=article.url, source=article.source,
        published=article.published, published_on=article.published_on,
        ingested_at=article.ingested_at,
    )  # fmt: skip


def _links(session: Session, which: ColumnElement[bool], team_id: str | None) -> list[LinkResult]:
    """Partnerships matching `which` with the evidence the team may see, newest first."""
    query = (
        select(E, A, P)
        .join(A, A.id == E.article_id)
        .join(P, P.id == E.partnership_id)
        .where(which, _visible(team_id))
        .order_by(*NEWEST_ARTICLE_FIRST, E.id.desc())
    )
    partnerships: dict[int, models.Partnership] = {}
    evidence: dict[int, list[EvidenceResult]] = {}
    for row, article, partnership in session.execute(query):
        partnerships[partnership.id] = partnership
        evidence.setdefault(partnership.id, []).append(EvidenceResult(
            sentence=row.sentence, status=row.status, year=row.year, amount=row.amount,
            article=_article_ref(article),
        ))  # fmt: skip
    ids = {i for p in partnerships.values() for i in (p.place_a_id, p.place_b_id)}
    places = _summaries(session, ids)
    return [_link(p, places, tuple(evidence[p.id])) for p in partnerships.values()]


def _link(
    p: models.Partnership, places: dict[int, PlaceSummary], evidence: tuple[EvidenceResult, ...]
) -> LinkResult:
    state = PartnershipState.from_evidence(evidence)
    return LinkResult(
        id=p.id, a=places[p.place_a_id], b=places[p.place_b_id], kind=p.kind,
        status=state.status, year=state.year, amount=state.amount, evidence=evidence,
        first_seen_at=p.first_seen_at,
    )  # fmt: skip


def pair_links(
    session: Session, a_id: int, b_id: int, *, team_id: str | None = None
) -> list[LinkResult]:
    """Every partnership between two places, either direction, newest evidence first."""
    which = or_(
        and_(P.place_a_id == a_id, P.place_b_id == b_id),
        and_(P.place_a_id == b_id, P.place_b_id == a_id),
    )
    return _links(session, which, team_id)


def recent_partnerships(
    session: Session,
    *,
    limit: int | None = 10,
    team_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[LinkResult]:
    """Partnerships with the newest evidence, by when it arrived (in [since, until))."""
    latest = func.max(A.ingested_at)
    query = select(E.partnership_id).join(A, A.id == E.article_id).where(_visible(team_id))
    if since is not None:
        query = query.where(A.ingested_at >= since)
    if until is not None:
        query = query.where(A.ingested_at < until)
    query = query.group_by(E.partnership_id).order_by(latest.desc(), E.partnership_id.desc())
    ids = list(session.scalars(query.limit(limit)))
    links = {link.id: link for link in _links(session, P.id.in_(ids), team_id)}
    return [links[i] for i in ids]


def articles_between(
    session: Session, since: datetime, until: datetime, *, team_id: str | None = None
) -> list[ArticleRef]:
    """Articles that arrived in [since, until), newest first."""
    query = select(A).where(_visible(team_id), A.ingested_at >= since, A.ingested_at < until)
    return [_article_ref(a) for a in session.scalars(query.order_by(A.ingested_at.desc()))]


def _people(session: Session, place_id: int, team_id: str | None) -> tuple[PersonResult, ...]:
    """People of the place, then people quoted in articles mentioning it."""
    Person, Link, Place = models.Person, models.ArticlePerson, models.Place
    tied = case((Person.place_id == place_id, 0), else_=1)
    mentioning = select(models.PlaceMention.article_id).where(
        models.PlaceMention.place_id == place_id
    )
    query = (
        select(Person.id, Person.name, Person.role, Place.name, tied)
        .join(Link, Link.person_id == Person.id)
        .join(A, A.id == Link.article_id)
        .outerjoin(Place, Place.id == Person.place_id)
        .where(_visible(team_id), or_(Person.place_id == place_id, Link.article_id.in_(mentioning)))
        .distinct()
        .order_by(tied, Person.name, Person.id)
        .limit(PEOPLE_LIMIT)
    )
    rows = session.execute(query)
    return tuple(PersonResult(name, role, place) for _, name, role, place, _ in rows)


def place_profile(
    session: Session, place_id: int, *, team_id: str | None = None, limit_articles: int = 5
) -> PlaceProfile | None:
    """A place with its partnerships (by kind, newest first), people and latest articles."""
    summary = _summaries(session, [place_id]).get(place_id)
    if summary is None:
        return None
    which = or_(P.place_a_id == place_id, P.place_b_id == place_id)
    links = _links(session, which, team_id)
    links.sort(key=lambda link: KIND_ORDER.get(link.kind, len(KIND_ORDER)))
    mentioning = (
        select(A)
        .join(models.PlaceMention, models.PlaceMention.article_id == A.id)
        .where(models.PlaceMention.place_id == place_id, _visible(team_id))
    )
    articles = session.scalars(mentioning.order_by(*NEWEST_ARTICLE_FIRST).limit(limit_articles))
    return PlaceProfile(
        place=summary,
        partnerships=tuple(links),
        people=_people(session, place_id, team_id),
        articles=tuple(_article_ref(a) for a in articles),
        article_count=session.scalar(select(func.count()).select_from(mentioning.subquery())),
    )


def _visible_count(
    session: Session,
    column: InstrumentedAttribute,
    article_id: InstrumentedAttribute,
    team_id: str | None,
) -> int:
    """How many distinct `column` values rows tied to visible articles hold."""
    query = select(func.count(distinct(column))).join(A, A.id == article_id)
    return session.scalar(query.where(_visible(team_id)))


def store_counts(session: Session, *, team_id: str | None = None) -> StoreCounts:
    """Articles, mentioned places, partnerships and people the team can see."""
    mention, person = models.PlaceMention, models.ArticlePerson
    return StoreCounts(
        articles=session.scalar(select(func.count(A.id)).where(_visible(team_id))),
        places=_visible_count(session, mention.place_id, mention.article_id, team_id),
        partnerships=_visible_count(session, E.partnership_id, E.article_id, team_id),
        people=_visible_count(session, person.person_id, person.article_id, team_id),
    )
