"""Writes: add an article once per scope, merging its places, people and partnerships."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from facts.identity import canonical_url, content_hash, folded_name
from facts.shapes import (
    REGISTRY,
    ArticleFacts,
    ArticleText,
    Organization,
    Partnership,
    Person,
    Place,
)
from facts.similarity import resemblance, signature
from store import models
from store.db import insert_or_merge
from store.results import AddResult, PartnershipState

Row = TypeVar("Row", bound=models.Base)
PLACE_DETAILS = ("admin1", "code", "latitude", "longitude", "population")
SAME_STORY = 0.15  # word pairs two outlets' reports of one story share (other stories: < 0.1)
# Unique btree keys on PostgreSQL hold at most 2704 bytes: keep indexed text well below that.
INDEXED_TEXT_BYTES = 2000


def _clip(text: str, max_bytes: int = INDEXED_TEXT_BYTES) -> str:
    """`text` cut to at most `max_bytes` of UTF-8, with an ellipsis where it was cut."""
    encoded = text.encode()
    if len(encoded) <= max_bytes:
        return text
    return encoded[: max_bytes - 3].decode(errors="ignore") + "\u2026"


def _fit(text: str | None, column) -> str | None:
    """`text` clipped to the length of a `String(n)` column (PostgreSQL rejects longer ones)."""
    return text if text is None else text[: column.type.length]


def _url_key(url: str | None) -> str | None:
    """The canonical URL, or a digest of it when it is too long to index."""
    if not url:
        return None
    key = canonical_url(url)
    if len(key.encode()) > INDEXED_TEXT_BYTES:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def _insert_or_get(session: Session, row: Row, find: Callable[[], Row | None]) -> tuple[Row, bool]:
    """Insert `row` in a savepoint; if a concurrent writer stored it first, return theirs."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = find()
        if found is None:
            raise
        return found, False
    return row, True


def _published_on(published: str | None) -> date | None:
    """The day of an ISO date, or January 1 of a bare year, for sorting."""
    try:
        if published and len(published) == 4:
            return date(int(published), 1, 1)
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _place_values(place: Place) -> dict:
    return dict(
        key=place.key, geonameid=place.geonameid, name=place.name,
        folded_name=folded_name(place.name), country=place.country, kind=place.kind,
        **{detail: getattr(place, detail) for detail in PLACE_DETAILS},
    )  # fmt: skip


def _insert_new(session: Session, model: type[models.Base]):
    """INSERT that skips rows whose `key` is taken (by a concurrent writer)."""
    return insert_or_merge(session, model).on_conflict_do_nothing(index_elements=["key"])


def ensure_place(session: Session, place: Place) -> models.Place:
    """The row of `place` (by its key), inserted if new, with details it lacked filled in."""
    return ensure_places(session, [place])[place.key]


def _fill_details(row: models.Place, place: Place) -> None:
    for detail in PLACE_DETAILS:
        if getattr(row, detail) is None and getattr(place, detail) is not None:
            setattr(row, detail, getattr(place, detail))


def ensure_places(session: Session, places: Iterable[Place]) -> dict[str, models.Place]:
    """Rows of the places by key: the stored ones in one query, the new ones in one insert."""
    wanted = {place.key: place for place in places}
    rows = _stored_places(session, wanted)
    for key, place in wanted.items():
        if key in rows:
            _fill_details(rows[key], place)
    missing = [place for key, place in wanted.items() if key not in rows]
    if missing:  # not there a moment ago: insert them, or take a concurrent writer's rows
        session.execute(_insert_new(session, models.Place), [_place_values(p) for p in missing])
        rows.update(_stored_places(session, [p.key for p in missing]))
    return rows


def _stored_places(session: Session, keys: Iterable[str]) -> dict[str, models.Place]:
    query = select(models.Place).where(models.Place.key.in_(list(keys)))
    return {row.key: row for row in session.scalars(query)}


def _find_article(session: Session, scope: str, url: str | None, digest: str):
    match = models.Article.content_hash == digest
    if url:
        match = or_(match, models.Article.canonical_url == url)
    query = select(models.Article).where(models.Article.scope == scope, match)
    return session.scalars(query.order_by(models.Article.id)).first()


def known_article(
    session: Session, article: ArticleText, *, team_id: str | None = None
) -> AddResult | None:
    """What was stored first for the same article in the scope, or None if it is new."""
    row = _find_article(session, team_id or "", _url_key(article.url), content_hash(article.text))
    return None if row is None else _result(row, created=False)


def _new_article(article: ArticleText, facts: ArticleFacts, **fields) -> models.Article:
    published = facts.published or article.published
    return models.Article(
        url=article.url, title=facts.title or article.title,
        source=_fit(facts.source or article.source, models.Article.source),
        published=published, published_on=_published_on(published), text=article.text, **fields,
    )  # fmt: skip


def _result(row: models.Article, created: bool, **counts: int) -> AddResult:
    return AddResult(
        article_id=row.id, created=created, title=row.title,
        first_ingested_at=row.ingested_at, first_ingested_by=row.ingested_by,
        first_ingested_via=row.ingested_via, **counts,
    )  # fmt: skip


def add_article(
    session: Session,
    article: ArticleText,
    facts: ArticleFacts,
    *,
    team_id: str | None = None,
    user_id: str = "cli",
    via: str = "cli",
    channel_id: str | None = None,
) -> AddResult:
    """Store an article and its facts, or, if its scope has it already, only record the forward.

    Duplicates are the same canonical URL or the same normalized text within the scope
    (the team, or the shared corpus when `team_id` is None).
    """
    scope, now = team_id or "", models.utcnow()
    url = _url_key(article.url)
    digest = content_hash(article.text)

    def find() -> models.Article | None:
        return _find_article(session, scope, url, digest)

    row, created = find(), False
    if row is None:
        new = _new_article(
            article, facts, scope=scope, team_id=team_id, canonical_url=url, content_hash=digest,
            ingested_at=now, ingested_by=user_id, ingested_via=via,
        )  # fmt: skip
        row, created = _insert_or_get(session, new, find)
    session.add(
        models.Forward(
            article_id=row.id,
            team_id=team_id,
            user_id=user_id,
            channel_id=channel_id,
            via=via,
            at=now,
        )
    )
    if not created:
        return _result(row, created=False)
    counts = _add_facts(session, row, facts, now)
    _join_story(session, row)
    return _result(row, created=True, **counts)


def _join_story(session: Session, article: models.Article) -> None:
    """Make the article part of the story another outlet reported: the scope's article that
    states the same links (at least half of this one's) and whose text resembles it most."""
    E, A = models.Evidence, models.Article
    article.signature = signature(article.text)
    article.story_id = article.id
    links = set(session.scalars(select(E.partnership_id).where(E.article_id == article.id)))
    if not links:
        return
    shared = (
        select(E.article_id, func.count(E.partnership_id.distinct()))
        .join(A, A.id == E.article_id)
        .where(E.partnership_id.in_(links), A.scope == article.scope, A.id != article.id)
        .group_by(E.article_id)
    )
    enough = [i for i, n in session.execute(shared) if 2 * n >= len(links)]
    if not enough:
        return
    others = session.execute(select(A.id, A.story_id, A.signature).where(A.id.in_(enough)))
    scored = [(resemblance(article.signature, sig), story or i) for i, story, sig in others if sig]
    best = max(scored, default=(0.0, None))
    if best[0] >= SAME_STORY:
        article.story_id = best[1]


def _places_of(facts: ArticleFacts) -> Iterable[Place]:
    yield from (m.place for m in facts.places)
    yield from (x.place for x in [*facts.people, *facts.organizations] if x.place)
    for link in facts.partnerships:
        yield from (link.a, link.b)


def _add_facts(
    session: Session, article: models.Article, facts: ArticleFacts, now: datetime
) -> dict[str, int]:
    places = ensure_places(session, _places_of(facts))
    mentions = Counter[str]()
    for mention in facts.places:
        mentions[mention.place.key] += mention.mentions
    _insert_links(session, models.PlaceMention, [
        {"article_id": article.id, "place_id": places[key].id, "count": count}
        for key, count in mentions.items()
    ])  # fmt: skip
    links, new_links = _add_partnerships(session, article, facts.partnerships, places, now)
    people = _add_people(session, article.id, facts.people, places)
    organizations = _add_organizations(session, article.id, facts.organizations, places)
    return {
        "places": len(mentions),
        "people": people,
        "organizations": organizations,
        "partnerships": links,
        "new_partnerships": new_links,
    }


def _insert_links(session: Session, model: type[models.Base], rows: list[dict]) -> None:
    """Plain link rows in one executemany, without the unit of work's bookkeeping."""
    if rows:
        session.execute(insert(model), rows)


def _named(session: Session, model: type[Row], wanted: list[tuple[str, int | None, dict]]):
    """Rows of `model` for (name, place_id, extra) in order: stored ones in one query, new added.

    (name, place_id) is unique by this rule, NULL place included.
    """
    wanted = [(_fit(name, model.name), place_id, extra) for name, place_id, extra in wanted]
    query = select(model).where(model.name.in_({name for name, _, _ in wanted}))
    found = {(row.name, row.place_id): row for row in session.scalars(query)}
    rows = []
    for name, place_id, extra in wanted:
        row = found.get((name, place_id))
        if row is None:
            row = found[(name, place_id)] = model(name=name, place_id=place_id, **extra)
            session.add(row)
        rows.append(row)
    session.flush()
    return rows


def _place_id(places: dict[str, models.Place], place: Place | None) -> int | None:
    return places[place.key].id if place else None


def _add_people(session: Session, article_id: int, people: list[Person], places: dict) -> int:
    """Link the article's people, giving a role to those who had none; how many."""
    roles = [_fit(p.role, models.Person.role) for p in people]
    wanted = [(p.name, _place_id(places, p.place), {"role": role})
              for p, role in zip(people, roles, strict=True)]  # fmt: skip
    rows = _named(session, models.Person, wanted)
    confidence: dict[int, float] = {}
    for row, role, person in zip(rows, roles, people, strict=True):
        row.role = row.role or role
        confidence[row.id] = max(confidence.get(row.id, 0.0), person.confidence)
    rows = [{"article_id": article_id, "person_id": i, "confidence": confidence[i]}
            for i in sorted(confidence)]  # fmt: skip
    _insert_links(session, models.ArticlePerson, rows)
    return len(confidence)


def _add_organizations(
    session: Session, article_id: int, organizations: list[Organization], places: dict
) -> int:
    wanted = [(o.name, _place_id(places, o.place), {}) for o in organizations]
    ids = {row.id for row in _named(session, models.Organization, wanted)}
    rows = [{"article_id": article_id, "organization_id": i} for i in sorted(ids)]
    _insert_links(session, models.ArticleOrganization, rows)
    return len(ids)


def _sides(link: Partnership, places: dict[str, models.Place]) -> tuple[int, int, str]:
    """(a, b, kind) as stored: unordered kinds with the smaller place key as `a`."""
    a, b = places[link.a.key], places[link.b.key]
    if link.kind != "visit" and b.key < a.key:
        a, b = b, a
    return a.id, b.id, link.kind


def _stored_partnerships(session: Session, sides: set[tuple[int, int, str]]) -> dict:
    """The partnership rows among `sides`, in one query."""
    P = models.Partnership
    ids = {i for a, b, _ in sides for i in (a, b)}
    query = select(P).where(P.place_a_id.in_(ids), P.place_b_id.in_(ids))
    return {(r.place_a_id, r.place_b_id, r.kind): r for r in session.scalars(query)}


def _partnership(
    session: Session, sides: tuple[int, int, str], stored: dict, now: datetime, status: str
) -> tuple[models.Partnership, bool]:
    """The row for `sides`: the stored one, or a new one (or a concurrent writer's)."""
    if sides in stored:
        return stored[sides], False
    P = models.Partnership
    a_id, b_id, kind = sides

    def find() -> models.Partnership | None:
        match = (P.place_a_id == a_id, P.place_b_id == b_id, P.kind == kind)
        return session.scalars(select(P).where(*match)).first()

    new = P(place_a_id=a_id, place_b_id=b_id, kind=kind, status=status, first_seen_at=now,
            updated_at=now)  # fmt: skip
    row, created = _insert_or_get(session, new, find)
    stored[sides] = row
    return row, created


def _add_partnerships(
    session: Session,
    article: models.Article,
    links: list[Partnership],
    places: dict[str, models.Place],
    now: datetime,
) -> tuple[int, int]:
    """Merge each link into its partnership row, add its evidence; (links, new ones)."""
    touched: dict[int, models.Partnership] = {}
    added: dict[int, list[models.Evidence]] = {}
    new_ids: set[int] = set()
    links = [link for link in links if link.a.key != link.b.key]
    stored = _stored_partnerships(session, {_sides(link, places) for link in links})
    for link in links:
        row, is_new = _partnership(session, _sides(link, places), stored, now, link.status)
        if is_new:
            new_ids.add(row.id)
        touched[row.id] = row
        sentence = _clip(link.evidence)
        if all(e.sentence != sentence for e in added.get(row.id, ())):
            amount = link.amount
            evidence = models.Evidence(
                partnership_id=row.id, article_id=article.id, sentence=sentence,
                status=link.status, year=link.year, amount_value=amount and amount.value,
                amount_currency=amount and amount.currency, confidence=link.confidence,
            )  # fmt: skip
            session.add(evidence)
            added.setdefault(row.id, []).append(evidence)
    session.flush()
    for row_id in new_ids:  # all its evidence is this article's, newest added last
        _apply_state(touched[row_id], PartnershipState.from_evidence(added[row_id][::-1]), now)
    _refresh_partnerships(session, [r for i, r in touched.items() if i not in new_ids], now)
    return len(touched), len(new_ids)


def _refresh_partnerships(session: Session, rows: list[models.Partnership], now: datetime):
    """Derive status, year and amount of each partnership from all its evidence (one query)."""
    if not rows:
        return
    E = models.Evidence
    query = (
        select(E)
        .join(models.Article, models.Article.id == E.article_id)
        .where(E.partnership_id.in_([row.id for row in rows]))
        .order_by(*models.NEWEST_ARTICLE_FIRST, E.id.desc())
    )
    evidence: dict[int, list[models.Evidence]] = {}
    for found in session.scalars(query):
        evidence.setdefault(found.partnership_id, []).append(found)
    for row in rows:
        _apply_state(row, PartnershipState.from_evidence(evidence[row.id]), now)


def _apply_state(row: models.Partnership, state: PartnershipState, now: datetime) -> None:
    row.status, row.year = state.status, state.year
    row.amount_value = state.amount.value if state.amount else None
    row.amount_currency = state.amount.currency if state.amount else None
    row.updated_at = now


def article_ids(session: Session, since: datetime | None = None) -> list[int]:
    """Every stored news article's id (those that arrived since `since`), oldest first;
    a registry's import is no text to extract."""
    A = models.Article
    query = select(A.id).where(A.ingested_via != REGISTRY).order_by(A.id)
    return list(session.scalars(query if since is None else query.where(A.ingested_at >= since)))


def article_texts(session: Session, ids: list[int]) -> list[ArticleText]:
    """The articles `ids` as they were read, in that order, for extraction."""
    A = models.Article
    rows = {row.id: row for row in session.scalars(select(A).where(A.id.in_(ids)))}
    return [
        ArticleText(text=row.text, title=row.title, published=row.published, source=row.source,
                    url=row.url)  # fmt: skip
        for row in (rows[i] for i in ids)
    ]


def replace_facts(session: Session, article_id: int, facts: ArticleFacts) -> None:
    """Swap an article's extracted facts for `facts`; its text, forwards and corrections stay.

    Partnerships keep their rows (and first-seen time) when the new facts state them again;
    one left with no evidence anywhere is removed, as are people and organisations no article
    names any more.
    """
    E, AP, AO = models.Evidence, models.ArticlePerson, models.ArticleOrganization
    article = session.get_one(models.Article, article_id)
    links = set(session.scalars(select(E.partnership_id).where(E.article_id == article_id)))
    people = set(session.scalars(select(AP.person_id).where(AP.article_id == article_id)))
    orgs = set(session.scalars(select(AO.organization_id).where(AO.article_id == article_id)))
    for model in (E, AP, AO, models.PlaceMention):
        session.execute(delete(model).where(model.article_id == article_id))
    now = models.utcnow()
    _add_facts(session, article, facts, now)
    _remove_unsupported(session, models.Partnership, links, E.partnership_id)
    _refresh_partnerships(session, list(session.scalars(
        select(models.Partnership).where(models.Partnership.id.in_(links)))), now)  # fmt: skip
    _remove_unsupported(session, models.Person, people, AP.person_id)
    _remove_unsupported(session, models.Organization, orgs, AO.organization_id)


def _remove_unsupported(session: Session, model, ids: set[int], used_by) -> None:
    """Delete the rows of `model` among `ids` that no row of `used_by`'s table refers to."""
    if ids:
        used = select(used_by).where(used_by.in_(ids))
        session.execute(delete(model).where(model.id.in_(ids), model.id.not_in(used)))
