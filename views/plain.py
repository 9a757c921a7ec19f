"""Plain renderings for the command line: extracted facts as text, lookup answers as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facts.shapes import ArticleFacts, Partnership, Place
from store.queries import KIND_ORDER
from store.results import ArticleRef, LinkResult
from views.cards import money_text

if TYPE_CHECKING:  # views render what the services made; they import none of them
    from services.lookups import PairAnswer, PlaceAnswer


def _partnership_line(p: Partnership) -> str:
    joiner = " -> " if p.kind == "visit" else " & "
    details = ", ".join(str(x) for x in (p.status, p.year, money_text(p.amount)) if x)
    return f"{p.a.name}{joiner}{p.b.name}: {p.kind} ({details})"


def facts_text(path: str, facts: ArticleFacts) -> str:
    """`citylink extract` without --json: a readable summary of one article."""
    lines = [
        f"== {path}",
        f"title: {facts.title or '-'}",
        f"published: {facts.published or '-'}   source: {facts.source or '-'}",
    ]
    places = ", ".join(
        f"{m.place.name} ({m.place.country}, {m.place.kind}) x{m.mentions}" for m in facts.places
    )
    lines.append(f"places: {places or '-'}")
    lines.append("partnerships:" if facts.partnerships else "partnerships: none found")
    for p in facts.partnerships:
        lines.append(f"  - {_partnership_line(p)}")
        lines.append(f"      \u201c{p.evidence}\u201d")
    people = "; ".join(
        f"{p.name}, {p.role}" + (f" of {p.place.name}" if p.place else "") for p in facts.people
    )
    lines.append(f"people: {people or '-'}")
    return "\n".join(lines)


def place_json(place: Place) -> dict:
    return {"name": place.name, "country": place.country, "geonameid": place.geonameid,
            "kind": place.kind}  # fmt: skip


def _article_json(article: ArticleRef) -> dict:
    return {"title": article.title, "url": article.url, "source": article.source,
            "published": article.published}  # fmt: skip


def link_json(link: LinkResult) -> dict:
    """A stored partnership in the shape of `citylink extract --json`, plus its newest article."""
    newest = link.evidence[0] if link.evidence else None  # none: added by hand
    return {
        "a": link.a.name, "a_country": link.a.country,
        "b": link.b.name, "b_country": link.b.country,
        "kind": link.kind, "status": link.status, "year": link.year,
        "amount": link.amount.to_json() if link.amount else None,
        "evidence": newest.sentence if newest else None,
        "article": _article_json(newest.article) if newest else None,
        "articles": len({e.article.id for e in link.evidence}),
        "confidence": link.confidence, "corrected": link.corrected is not None,
        "confirmed": link.confirmed is not None,
    }  # fmt: skip


def lookup_json(answer: PlaceAnswer) -> dict:
    """`citylink lookup --json`: the contract shape of DESIGN.md.

    The answer must hold every partnership (`LookupService.place(text, page=None)`).
    """
    links = answer.profile.partnerships if answer.profile else ()
    return {
        "query": answer.query,
        "place": place_json(answer.place) if answer.place else None,
        "candidates": [place_json(p) for p in answer.candidates],
        "partnerships": [link_json(link) for link in links],
    }


def pair_json(pair: PairAnswer) -> dict:
    """`citylink lookup --json 'A & B'`: both places as read, and the links between them."""
    sides = {}
    for name, side in (("a", pair.a), ("b", pair.b)):
        sides[name] = place_json(side.place) if side.place else None
        sides[f"{name}_candidates"] = [place_json(p) for p in side.candidates]
    ordered = sorted(pair.links, key=lambda link: KIND_ORDER.get(link.kind, len(KIND_ORDER)))
    return {"query": f"{pair.a.query} & {pair.b.query}", **sides,
            "partnerships": [link_json(link) for link in ordered]}  # fmt: skip
