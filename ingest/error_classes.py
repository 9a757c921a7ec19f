"""Why each partnership or person was missed or invented: one class per error.

The classes and the first-rule-wins order are written out in docs/evaluation.md.
"""

from __future__ import annotations

from ingest.matching import (
    Item,
    country_code,
    describe,
    normalize_name,
    optional,
    pair_score,
    party_score,
    plain_name,
    similarity,
)
from places.regions import country_name


def _country_party(link: Item) -> bool:
    """Whether a party bears its own country's name (the country, not a place in it)."""
    for side in ("a", "b"):
        country = country_name(country_code(link.get(f"{side}_country")))
        if normalize_name(link.get(side)) == normalize_name(country):
            return True
    return False


def _in_headline(evidence: str | None, title: str | None) -> bool:
    """Whether the evidence is the title line, or starts with it."""
    evidence, title = plain_name(evidence), plain_name(title)
    return bool(title and evidence) and (evidence.startswith(title) or title.startswith(evidence))


def _places_named(evidence: str | None, article: Item) -> int:
    """How many of the article's places the evidence names."""
    text = f" {plain_name(evidence)} "
    return sum(f" {plain_name(p.get('name'))} " in text for p in article.get("places") or [])


def _other_place(g: Item, p: Item) -> bool:
    """One party agrees and the other is another place of the same name (in another country)
    or of the same country (a city for its region, a district for its city)."""
    for gs, ps in (("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")):
        if party_score(g, gs, p, ps) is None:
            continue
        go, po = "b" if gs == "a" else "a", "b" if ps == "a" else "a"
        same_name = similarity(normalize_name(g.get(go)), normalize_name(p.get(po))) is not None
        same_country = country_code(g.get(f"{go}_country")) == country_code(p.get(f"{po}_country"))
        if same_name or same_country:
            return True
    return False


def _same_pair(g: Item, p: Item) -> bool:
    return pair_score(g, p) is not None


def _reversed_visit(g: Item, p: Item) -> bool:
    both_visits = g.get("kind") == p.get("kind") == "visit"
    return both_visits and _same_pair(g, p) and pair_score(g, p, directed=True) is None


def _missed_link_class(g: Item, spurious: list, found: list, gold: Item) -> str:
    """Why a gold link was missed, judged by what was predicted instead (first rule that holds)."""
    if any(_same_pair(g, p) and p.get("kind") != g.get("kind") for p in spurious):
        return "wrong kind"
    if any(_reversed_visit(g, p) for p in spurious):
        return "wrong direction"
    if any(_same_pair(g, p) and p.get("kind") == g.get("kind") for p in found):
        return "wrong status"  # gold keeps a record per status; another one was found
    if any(p.get("kind") == g.get("kind") and _other_place(g, p) for p in spurious):
        return "wrong place"
    if _in_headline(g.get("evidence"), gold.get("title")):
        return "headline evidence"
    if _places_named(g.get("evidence"), gold) >= 3:
        return "missed list member"
    return "missed pair"


def _spurious_link_class(p: Item, missed: list, gold: Item, predicted: Item) -> str:
    """Why a prediction matched no gold link (first rule that holds)."""
    if any(_same_pair(g, p) and p.get("kind") != g.get("kind") for g in missed):
        return "wrong kind"
    if any(_reversed_visit(g, p) for g in missed):
        return "wrong direction"
    if any(p.get("kind") == g.get("kind") and _other_place(g, p) for g in missed):
        return "wrong place"
    if _country_party(p):
        return "country as party"
    if _in_headline(p.get("evidence"), predicted.get("title")):
        return "headline evidence"
    links = gold.get("partnerships", [])
    if any(_same_pair(g, p) and p.get("kind") == g.get("kind") for g in links):
        return "wrong status"  # a second record of a gold link, under another status
    return "spurious pair"


def link_error_classes(result, gold: Item, predicted: Item) -> list[tuple[str, str]]:
    """(class, description) of every required gold link missed and every spurious prediction."""
    pairs, missed, spurious = result
    missed = [g for g in missed if not optional(g)]
    found = [p for g, p in pairs]
    titled = gold | {"title": predicted.get("title") or gold.get("title")}  # gold has no title
    classes = [(_missed_link_class(g, spurious, found, titled), g) for g in missed]
    classes += [(_spurious_link_class(p, missed, gold, predicted), p) for p in spurious]
    return [(kind, describe("links", item)) for kind, item in classes]


def _words(item: Item) -> set[str]:
    return set(plain_name(item.get("name")).split())


def _fragment(a: Item, b: Item) -> bool:
    """One name is part of the other ("Radich", "Mayor Jules Radich" for "Jules Radich")."""
    x, y = _words(a), _words(b)
    return bool(x and y) and x != y and (x <= y or y <= x)


def person_error_classes(result) -> list[tuple[str, str]]:
    """(class, description) of every required gold person missed and every spurious one."""
    pairs, missed, spurious = result
    missed = [g for g in missed if not optional(g)]
    matched = [item for pair in pairs for item in pair]
    classes = [
        ("name fragment" if any(_fragment(g, p) for p in spurious) else "missed", g) for g in missed
    ]
    for p in spurious:
        if any(_fragment(g, p) for g in missed):
            classes.append(("name fragment", p))
        elif any(_words(p) & _words(m) for m in matched):
            classes.append(("duplicate person", p))
        else:
            classes.append(("spurious", p))
    return [(kind, describe("people", item)) for kind, item in classes]
