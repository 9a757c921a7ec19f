"""Reads, named as nouns; a team sees the shared corpus and its own articles, nothing else."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from functools import partial
from itertools import islice

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from facts.shapes import PARTNERSHIP_KINDS, Money
from store import corrections, models
from store.models import NEWEST_ARTICLE_FIRST, visible_scopes
from store.results import (
    ArticleRecord,
    ArticleRef,
    EvidenceResult,
    FactKey,
    LinkResult,
    PartnershipState,
    PersonResult,
    PlaceProfile,
    PlaceSummary,
    StoreCounts,
)

A, E, P, Pl = models.Article, models.Evidence, models.Partnership, models.Place
PEOPLE_LIMIT = 20
WHOLE_PROFILE_ROWS = 200  # evidence rows of a place read at once; a bigger place goes by pages
KIND_ORDER = {kind: i for i, kind in enumerate(PARTNERSHIP_KINDS)}
IN_CHUNK = 10_000  # ids per IN list: PostgreSQL takes at most 65,535 bound parameters
# What an ArticleRef shows: never the article's text, which is most of the row.
ARTICLE_COLUMNS = (A.id, A.title, A.url, A.source, A.published, A.published_on, A.ingested_at,
                   A.story_id)  # fmt: skip
EVIDENCE_COLUMNS = (E.sentence, E.status, E.year, E.amount_value, E.amount_currency, E.confidence)
LINK_COLUMNS = (E.partnership_id, P.place_a_id, P.place_b_id, P.kind, P.first_seen_at)


def _visible(team_id: str | None, article=A) -> ColumnElement[bool]:
    """Articles a team may see: the shared corpus ('' scope) and its own."""
    return article.scope.in_(visible_scopes(team_id))


VISIBLE = A.scope.in_(bindparam("scopes", expanding=True))  # bound to `visible_scopes`
SUMMARY_COLUMNS = (Pl.id, Pl.key, Pl.name, Pl.country, Pl.admin1, Pl.kind, Pl.geonameid)
SUMMARY = select(*SUMMARY_COLUMNS)
# Statements built once and run with bound values: SQLAlchemy then reuses their compiled form
# and result columns as they are (a statement built per call must be matched to its cache).
SUMMARIES = SUMMARY.where(Pl.id.in_(bindparam("ids", expanding=True)))


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    """`ids` in lists short enough to bind."""
    it = iter(ids)
    while chunk := list(islice(it, IN_CHUNK)):
        yield chunk


def _summaries(
    session: Session | Connection, place_ids: Collection[int]
) -> dict[int, PlaceSummary]:
    found: dict[int, PlaceSummary] = {}
    for chunk in _chunks(place_ids):
        rows = session.execute(SUMMARIES, {"ids": chunk})
        found.update((row.id, PlaceSummary(*row)) for row in rows)
    return found


def places_by_id(session: Session | Connection, ids: Collection[int]) -> dict[int, PlaceSummary]:
    """The stored places among `ids`, by id."""
    return _summaries(session, ids)


def places_by_key(session: Session, keys: Collection[str]) -> dict[str, PlaceSummary]:
    """The stored places among `keys`, by key."""
    rows = session.execute(SUMMARY.where(Pl.key.in_(list(keys))))
    return {row.key: PlaceSummary(*row) for row in rows}


def _article_ref(row: Sequence) -> ArticleRef:
    """An ArticleRef from the values of ARTICLE_COLUMNS, in order."""
    return ArticleRef(*row)


def _evidence(row: Sequence, article: ArticleRef) -> EvidenceResult:
    """An EvidenceResult from the values of EVIDENCE_COLUMNS, in order."""
    sentence, status, year, value, currency, confidence = row
    amount = None if value is None or currency is None else Money(value, currency)
    return EvidenceResult(sentence, status, year, amount, article, confidence)


def _links(
    session: Session | Connection,
    which: ColumnElement[bool],
    team_id: str | None,
    places: dict | None = None,
    most: int | None = None,
) -> list[LinkResult] | None:
    """Partnerships matching `which` with the evidence the team may see, newest first.

    `places`, when given, holds summaries already read and receives the parties' (one query).
    With `most`, None when there are more evidence rows than that (nothing else is read).
    """
    query = _links_select(which)
    params = {"scopes": visible_scopes(team_id)}
    rows = session.execute(query if most is None else query.limit(most + 1), params).all()
    if most is not None and len(rows) > most:
        return None
    return _gathered_links(session, rows, places)


def _links_select(which: ColumnElement[bool]) -> Select:
    """Evidence rows of the partnerships `which` selects in the bound `scopes`, newest first."""
    return (
        select(*LINK_COLUMNS, *EVIDENCE_COLUMNS, *ARTICLE_COLUMNS)
        .join(A, A.id == E.article_id)
        .join(P, P.id == E.partnership_id)
        .where(which, VISIBLE)
        .order_by(*NEWEST_ARTICLE_FIRST, E.id.desc())
    )


PAIR_LINKS = _links_select(
    or_(
        and_(P.place_a_id == bindparam("a"), P.place_b_id == bindparam("b")),
        and_(P.place_a_id == bindparam("b"), P.place_b_id == bindparam("a")),
    )
)


def _gathered_links(
    session: Session | Connection, rows: Sequence[Row], places: dict | None
) -> list[LinkResult]:
    """Links from evidence rows of `_links_select`, with their parties' summaries."""
    partnerships: dict[int, Row] = {}
    evidence: dict[int, list[EvidenceResult]] = {}
    split = len(LINK_COLUMNS) + len(EVIDENCE_COLUMNS)
    for row in rows:
        partnerships.setdefault(row.partnership_id, row)
        stated, article = row[len(LINK_COLUMNS) : split], _article_ref(row[split:])
        evidence.setdefault(row.partnership_id, []).append(_evidence(stated, article))
    places = {} if places is None else places
    ids = {i for p in partnerships.values() for i in (p.place_a_id, p.place_b_id)} | places.keys()
    places.update(_summaries(session, ids))
    return [_link(p, places, tuple(evidence[i])) for i, p in partnerships.items()]


def _link(
    p: Row, places: dict[int, PlaceSummary], evidence: tuple[EvidenceResult, ...]
) -> LinkResult:
    state = PartnershipState.from_evidence(evidence)
    return LinkResult(
        id=p.partnership_id, a=places[p.place_a_id], b=places[p.place_b_id], kind=p.kind,
        status=state.status, year=state.year, amount=state.amount, evidence=evidence,
        first_seen_at=p.first_seen_at,
    )  # fmt: skip


def pair_links(
    session: Session | Connection,
    a_id: int,
    b_id: int,
    *,
    team_id: str | None = None,
    confirm_below: float = 0.0,
    as_extracted: bool = False,
) -> list[LinkResult]:
    """Every partnership between two places as the team sees them (or, `as_extracted`, before
    its corrections), newest evidence first."""
    rows = session.execute(PAIR_LINKS, {"a": a_id, "b": b_id, "scopes": visible_scopes(team_id)})
    links, places = _gathered_links(session, rows.all(), None), {}
    if as_extracted:
        return links
    pair = {a_id, b_id}
    return as_seen_by(session, links, team_id, confirm_below, places,
                      keep=lambda a, b: {a, b} == pair)  # fmt: skip


def as_seen_by(
    session: Session | Connection,
    links: list[LinkResult],
    team_id: str | None,
    confirm_below: float,
    places: dict,
    keep=None,
    gather: bool = True,
) -> list[LinkResult]:
    """The links with the team's corrections applied: hidden ones gone, edits shown.

    With `keep` (a test on the two sides' place ids), only links that still pass it, and (when
    `gather`) also the links the team's corrections moved there from other places, or added.
    """
    team = corrections.by_fact(corrections.of_team(session, team_id or ""))
    if keep is not None and gather:
        present = {link.key for link in links}
        moved = [f for f, rows in team.items() if f not in present
                 and keep(*corrections.parties(f, rows))  # it is here now...
                 and (not keep(f[0], f[1]) or any(r.action == "add" for r in rows))]  # fmt: skip
        links = links + _facts(session, moved, team_id, team, places)
    wanted = {i for f, rows in team.items() for row in rows for i in (row.after.get("a"),
              row.after.get("b")) if i is not None}  # fmt: skip
    places.update(_summaries(session, wanted - places.keys()))
    seen = (corrections.corrected(link, team.get(link.key, ()), places, confirm_below)
            for link in links)  # fmt: skip
    return corrections.merged(
        [link for link in seen if link and (keep is None or keep(link.a.id, link.b.id))]
    )


def _facts(session, facts: list, team_id: str | None, team: dict, places: dict) -> list[LinkResult]:
    """The links `facts` name: from their evidence, or as the team added them."""
    if not facts:
        return []
    which = or_(*(and_(P.place_a_id == a, P.place_b_id == b, P.kind == kind)
                  for a, b, kind in facts))  # fmt: skip
    found = _links(session, which, team_id, places)
    stated = {link.key for link in found}
    added = [f for f in facts if f not in stated and any(r.action == "add" for r in team[f])]
    places.update(_summaries(session, {i for f in added for i in f[:2]} - places.keys()))
    return found + [corrections.added_link(f, team[f], places) for f in added]


def article_links(
    session: Session, article_id: int, *, team_id: str | None = None
) -> list[LinkResult]:
    """The partnerships an article states, as the team sees them (with all their evidence)."""
    stated = select(E.partnership_id).where(E.article_id == article_id)
    links = _links(session, P.id.in_(stated), team_id) or []
    return as_seen_by(session, links, team_id, 0.0, {})


def article_record(session: Session, article_id: int) -> ArticleRecord:
    """An article's text with the places it mentions and the people it names."""
    Person, Quote, Mention = models.Person, models.ArticlePerson, models.PlaceMention
    article = session.get_one(A, article_id)
    mentioned = select(Pl.id).join(Mention, Mention.place_id == Pl.id)
    ids = list(session.scalars(mentioned.where(Mention.article_id == article_id)))
    named = (
        select(Person.name, Person.role, Pl.name)
        .join(Quote, Quote.person_id == Person.id)
        .outerjoin(Pl, Pl.id == Person.place_id)
        .where(Quote.article_id == article_id)
        .order_by(Person.name)
    )
    people = tuple(PersonResult(*row) for row in session.execute(named))
    places = tuple(_summaries(session, ids).values())
    return ArticleRecord(article.id, article.published, article.text, places, people)


def recent_partnerships(
    session: Session,
    *,
    limit: int | None = 10,
    team_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    confirm_below: float = 0.0,
) -> list[LinkResult]:
    """Partnerships with the newest evidence, by when it arrived (in [since, until)), as the
    team sees them (its corrections applied)."""
    query = select(E.partnership_id).join(A, A.id == E.article_id).where(_visible(team_id))
    if since is not None:
        query = query.where(A.ingested_at >= since)
    if until is not None:
        query = query.where(A.ingested_at < until)
    ids = _all_newest(session, query) if limit is None else _first_newest(session, query, limit)
    # Many ids (a long digest) go by the window's own query: no list of them to bind.
    which = P.id.in_(ids) if len(ids) <= IN_CHUNK else P.id.in_(query)
    links = _links_in_order(session, ids, team_id, which=which)
    return as_seen_by(session, links, team_id, confirm_below, {})


def vouched_between(
    session: Session, team_id: str | None, start: datetime, end: datetime, *,
    confirm_below: float = 0.0,
) -> list[LinkResult]:
    """Links the team confirmed, edited or added in [start, end), as it sees them now."""
    facts = corrections.vouched_between(session, team_id or "", start, end)
    seen = (fact_as_seen(session, fact, team_id=team_id, confirm_below=confirm_below)
            for fact in facts)  # fmt: skip
    return [link for link in seen if link is not None]


def fact_as_seen(
    session: Session | Connection, fact: FactKey, *, team_id: str | None,
    confirm_below: float = 0.0,
) -> LinkResult | None:
    """A fact as the team sees it now, between the places its corrections put it; None when
    the team hid it or no article (and no addition) states it."""
    rows = corrections.by_fact(corrections.of_team(session, team_id or "")).get(fact, [])
    a_id, b_id = corrections.parties(fact, rows)
    links = pair_links(session, a_id, b_id, team_id=team_id, confirm_below=confirm_below)
    return next((link for link in links if link.key == fact), None)


def newest_news(
    session: Session, *, limit: int = 10, team_id: str | None = None, confirm_below: float = 0.0
) -> list[LinkResult]:
    """The partnerships in the newest news (by publication, then arrival) the team sees."""
    query = (
        select(E.partnership_id)
        .join(A, A.id == E.article_id)
        .where(_visible(team_id))
        .order_by(*NEWEST_ARTICLE_FIRST, E.id.desc())
    )
    ids = [row[0] for row in _first_distinct(session, query, limit)]
    return as_seen_by(session, _links_in_order(session, ids, team_id), team_id, confirm_below, {})


def _all_newest(session: Session, query) -> list[int]:
    """Every partnership id of the evidence `query` selects, by its newest arrival."""
    latest = func.max(A.ingested_at)
    query = query.group_by(E.partnership_id).order_by(latest.desc(), E.partnership_id.desc())
    return list(session.scalars(query))


def _first_newest(session: Session, query, limit: int) -> list[int]:
    """The same order for the first `limit` ids, walking evidence by arrival (indexed).

    A partnership first appears at its newest arrival, so first appearances come in the order
    of the grouped query.
    """
    query = query.order_by(A.ingested_at.desc(), E.partnership_id.desc())
    return [row[0] for row in _first_distinct(session, query, limit)]


def _first_distinct(session: Session, query, limit: int, skip: Collection = ()) -> list:
    """The first `limit` rows of an ordered `query` with distinct first columns not in `skip`.

    Rows are fetched a few times `limit` at a time, more only while too few are distinct.
    """
    fetch = max(limit, 1) * 4
    while True:
        rows = session.execute(query.limit(fetch)).all()
        seen, found = set(skip), []
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                found.append(row)
        if len(found) >= limit or len(rows) < fetch:
            return found[:limit]
        fetch *= 4


def articles_between(
    session: Session, since: datetime, until: datetime, *, team_id: str | None = None
) -> list[ArticleRef]:
    """Articles that arrived in [since, until), newest first."""
    query = select(*ARTICLE_COLUMNS).where(
        _visible(team_id), A.ingested_at >= since, A.ingested_at < until
    )
    return [_article_ref(row) for row in session.execute(query.order_by(A.ingested_at.desc()))]


def _person_confidence(team_id: str | None):
    """The highest confidence of the visible articles naming the person of the outer query."""
    quote, article = aliased(models.ArticlePerson), aliased(A)
    return (
        select(func.max(quote.confidence))
        .join(article, article.id == quote.article_id)
        .where(quote.person_id == models.Person.id, _visible(team_id, article))
        .scalar_subquery()
    )


def _people(session: Session, place_id: int, team_id: str | None) -> tuple[PersonResult, ...]:
    """People of the place (by name), then people quoted in the newest articles mentioning it.

    Either way they must be quoted in an article the team sees. Each part walks its own index
    and stops at the limit, so a city in thousands of articles costs no more than a village.
    """
    Person, Quote, Mention, Place = models.Person, models.ArticlePerson, models.PlaceMention, Pl
    details = select(
        Person.id, Person.name, Person.role, Place.name, _person_confidence(team_id)
    ).outerjoin(Place, Place.id == Person.place_id)
    quoted = (
        select(Quote.article_id)
        .join(A, A.id == Quote.article_id)
        .where(Quote.person_id == Person.id, _visible(team_id))
    )
    own = details.where(Person.place_id == place_id, quoted.exists())
    people = {row[0]: row for row in session.execute(own.order_by(Person.name).limit(PEOPLE_LIMIT))}
    if len(people) < PEOPLE_LIMIT:
        recent = (
            details.join(Quote, Quote.person_id == Person.id)
            .join(Mention, Mention.article_id == Quote.article_id)
            .join(A, A.id == Quote.article_id)
            .where(Mention.place_id == place_id, _visible(team_id))
            .order_by(*NEWEST_ARTICLE_FIRST, Person.name)
        )
        more = _first_distinct(session, recent, PEOPLE_LIMIT - len(people), skip=people)
        people.update((row[0], row) for row in more)
    return tuple(PersonResult(*row[1:]) for row in people.values())


def place_profile(
    session: Session,
    place_id: int,
    *,
    team_id: str | None = None,
    limit_articles: int = 5,
    window: slice = slice(None),
    confirm_below: float = 0.0,
) -> PlaceProfile | None:
    """A place with its partnerships (by kind, newest first), people and latest articles.

    `window` picks the partnerships (of that order) the profile holds. Most places are read
    whole in one query; a big city's partnerships are ordered first, and only the window's
    are read in full: a card shows a page of them, not thousands.
    """
    places: dict[int, PlaceSummary | None] = {place_id: None}  # read with the partners' summaries
    which = or_(P.place_a_id == place_id, P.place_b_id == place_id)
    links = _links(session, which, team_id, places, most=WHOLE_PROFILE_ROWS)

    def seen(links: list[LinkResult], gather: bool = True) -> list[LinkResult]:
        here = partial(_involves, place_id)
        found = as_seen_by(session, links, team_id, confirm_below, places, keep=here,
                           gather=gather)  # fmt: skip
        return sorted(found, key=lambda link: KIND_ORDER.get(link.kind, len(KIND_ORDER)))

    if links is not None:
        links = seen(links)
        total, links = len(links), links[window]
    else:  # corrections apply to the window (links moved here join the first page), so a
        ordered = _partnership_order(session, which, team_id)  # page may show one fewer
        total = len(ordered)
        first_page = not window.start
        links = seen(_links_in_order(session, ordered[window], team_id, places), first_page)
    if places.get(place_id) is None:
        return None
    articles, count = _latest_mentioning(session, place_id, team_id, limit_articles)
    return PlaceProfile(
        place=places[place_id],
        partnerships=tuple(links),
        partnership_count=total,
        people=_people(session, place_id, team_id),
        articles=articles,
        article_count=count,
    )


def _involves(place_id: int, a_id: int, b_id: int) -> bool:
    return place_id in (a_id, b_id)


def _partnership_order(session: Session, which: ColumnElement[bool], team_id: str | None):
    """Ids of the partnerships matching `which` the team can see: by kind, newest first.

    A partnership first appears at its newest evidence, so first appearances give the order.
    """
    kind_rank = case(KIND_ORDER, value=P.kind, else_=len(KIND_ORDER))
    query = (
        select(E.partnership_id)
        .join(A, A.id == E.article_id)
        .join(P, P.id == E.partnership_id)
        .where(which, _visible(team_id))
        .order_by(kind_rank, *NEWEST_ARTICLE_FIRST, E.id.desc())
    )
    return list(dict.fromkeys(session.scalars(query)))


def _links_in_order(
    session: Session,
    ids: list[int],
    team_id: str | None,
    places: dict | None = None,
    which: ColumnElement[bool] | None = None,
) -> list[LinkResult]:
    """The partnerships `ids`, in that order, each with all the evidence the team may see.

    `which` selects them when a list of ids would be too long to bind.
    """
    which = P.id.in_(ids) if which is None else which
    found = {link.id: link for link in _links(session, which, team_id, places)}
    return [found[i] for i in ids]


def _latest_mentioning(
    session: Session, place_id: int, team_id: str | None, limit: int
) -> tuple[tuple[ArticleRef, ...], int]:
    """The newest `limit` visible articles mentioning the place, and how many there are.

    One query: the window count is taken before LIMIT applies.
    """
    query = (
        select(*ARTICLE_COLUMNS, func.count().over())
        .join(models.PlaceMention, models.PlaceMention.article_id == A.id)
        .where(models.PlaceMention.place_id == place_id, _visible(team_id))
        .order_by(*NEWEST_ARTICLE_FIRST)
        .limit(max(limit, 1))
    )
    rows = session.execute(query).all()
    return tuple(_article_ref(row[:-1]) for row in rows[:limit]), rows[0][-1] if rows else 0


def _hidden(team_id: str | None) -> ColumnElement[bool]:
    """Articles a team may not see; `scope > ''` (never '') keeps it on the scope index."""
    return and_(A.scope > "", A.scope != team_id) if team_id else A.scope > ""


def _visible_count(session: Session, link: type[models.Base], column: str, team_id: str | None):
    """How many distinct `column` values rows of `link` tied to visible articles hold.

    Counted as every distinct value (from the link table alone) less the values only hidden
    articles hold, found from the few hidden articles, so no join touches every row.
    """
    value = getattr(link, column)
    every = select(value).distinct().subquery()
    other, article = aliased(link), aliased(A)
    seen = (
        select(other.article_id)
        .join(article, article.id == other.article_id)
        .where(getattr(other, column) == value, _visible(team_id, article))
    )
    hidden_only = (
        select(func.count(value.distinct()))
        .join(A, A.id == link.article_id)
        .where(_hidden(team_id), ~seen.exists())
    )
    return session.scalar(select(func.count()).select_from(every)) - session.scalar(hidden_only)


def store_counts(session: Session, *, team_id: str | None = None) -> StoreCounts:
    """Articles, mentioned places, partnerships and people the team can see."""
    return StoreCounts(
        articles=session.scalar(select(func.count()).select_from(A).where(_visible(team_id))),
        places=_visible_count(session, models.PlaceMention, "place_id", team_id),
        partnerships=_visible_count(session, E, "partnership_id", team_id),
        people=_visible_count(session, models.ArticlePerson, "person_id", team_id),
    )
