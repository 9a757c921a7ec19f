"""A team's corrections as a gold file for `citylink eval`: measure the extractor on what users
fixed.

Each article stating a fact the team corrected becomes a gold article. Its links as the team
sees them are the gold: a corrected or confirmed link as it was fixed, a hidden one left out
(so extracting it again counts against the extractor); links nobody checked, and the article's
places and people, are marked optional, neither required nor held against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from store import corrections, queries
from store.results import LinkResult, PlaceSummary


@dataclass(frozen=True)
class GoldExport:
    gold: list[dict]  # the gold file's articles, each with an "id"
    texts: dict[str, str]  # article id -> text, for `DIR/<id>.txt`


def _place(place: PlaceSummary, optional: bool = True) -> dict:
    found = {"name": place.name, "country": place.country, "kind": place.kind,
             "geonameid": place.geonameid}  # fmt: skip
    return {**found, "optional": True} if optional else found


def _link(link: LinkResult, article_id: int) -> dict:
    stated = next((e for e in link.evidence if e.article.id == article_id), None)
    checked = link.corrected is not None or link.confirmed is not None
    return {
        "a": link.a.name, "a_country": link.a.country, "b": link.b.name,
        "b_country": link.b.country, "kind": link.kind, "status": link.status, "year": link.year,
        "evidence": stated.sentence if stated else "", **({} if checked else {"optional": True}),
    }  # fmt: skip


def export_gold(sessions: sessionmaker[Session], team: str) -> GoldExport:
    """The team's corrected articles in the gold format, with their texts."""
    gold, texts = [], {}
    with sessions.begin() as session:
        for article_id in corrections.corrected_articles(session, team):
            record = queries.article_record(session, article_id)
            links = queries.article_links(session, article_id, team_id=team or None)
            key = f"article-{article_id}"
            gold.append({
                "id": key, "published": record.published,
                "places": [_place(p) for p in record.places],
                "partnerships": [_link(link, article_id) for link in links],
                "people": [{"name": p.name, "role": p.role, "place": p.place, "optional": True}
                           for p in record.people],
            })  # fmt: skip
            texts[key] = record.text
    return GoldExport(gold, texts)
