"""How gold and predicted items are compared: names, one-to-one matching, one-line descriptions.

docs/evaluation.md writes the rules out; `ingest.evaluate` scores with them and
`ingest.error_classes` explains the errors with them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from places.names import fold

NAME_THRESHOLD = 90
NAME_SUFFIXES = frozenset({"province", "state", "city", "prefecture", "county", "municipality"})

Item = dict
Similarity = Callable[[Item, Item], "tuple | None"]


# --- names -----------------------------------------------------------------------------------


def plain_name(text: str | None) -> str:
    """A name as scoring compares it: folded as the gazetteer folds names (`places.names.fold`),
    and any other punctuation read as a space too.

    Gold and predicted names are written by different hands ("Jean-Pierre (JP) Dupont"); the
    gazetteer keeps "&" and brackets, which a name a lookup should find never ends in.
    """
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in fold(text))
    return " ".join(text.split())


def normalize_name(name: str | None) -> str:
    """A place name for comparison: plain, without a leading "the" or administrative suffixes."""
    words = plain_name(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def similarity(a: str, b: str) -> float | None:
    """Rapidfuzz ratio of two already-normalised strings, or None below the threshold."""
    if not a or not b:
        return None
    ratio = 100.0 if a == b else fuzz.ratio(a, b)
    return ratio if ratio >= NAME_THRESHOLD else None


def country_code(value: str | None) -> str:
    """Countries compare as upper-case ISO codes."""
    return (value or "").strip().upper()


# --- matching --------------------------------------------------------------------------------


def optional(item: Item) -> bool:
    """Gold items marked optional are neither required nor penalised."""
    return bool(item.get("optional"))


def match(gold: list[Item], predicted: list[Item], similar: Similarity):
    """Greedy one-to-one matching, best first: (pairs, unmatched gold, unmatched predicted)."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = similar(g, p)
            if score is not None:
                candidates.append((score, not optional(g), -i, -j))
    candidates.sort(reverse=True)
    taken_gold, taken_pred, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if -i not in taken_gold and -j not in taken_pred:
            taken_gold.add(-i)
            taken_pred.add(-j)
            pairs.append((gold[-i], predicted[-j]))
    missed = [g for i, g in enumerate(gold) if i not in taken_gold]
    spurious = [p for j, p in enumerate(predicted) if j not in taken_pred]
    return pairs, missed, spurious


def place_similarity(g: Item, p: Item) -> tuple | None:
    """Same country, no conflicting GeoNames ids, and the same name (or the same id)."""
    if country_code(g.get("country")) != country_code(p.get("country")):
        return None
    gid, pid = g.get("geonameid"), p.get("geonameid")
    if gid is not None and pid is not None:
        return (200.0,) if gid == pid else None
    score = similarity(normalize_name(g.get("name")), normalize_name(p.get("name")))
    return None if score is None else (score,)


def party_score(g: Item, gs: str, p: Item, ps: str) -> float | None:
    """Similarity of party `gs` ("a"/"b") of a gold link to party `ps` of a predicted one."""
    if country_code(g.get(f"{gs}_country")) != country_code(p.get(f"{ps}_country")):
        return None
    return similarity(normalize_name(g.get(gs)), normalize_name(p.get(ps)))


def pair_score(g: Item, p: Item, directed: bool = False) -> float | None:
    """Mean name similarity of the two parties, in either order unless `directed`."""
    orders = [("a", "b")] if directed else [("a", "b"), ("b", "a")]
    best = None
    for first, second in orders:
        s1, s2 = party_score(g, "a", p, first), party_score(g, "b", p, second)
        if s1 is not None and s2 is not None:
            best = max(best or 0.0, (s1 + s2) / 2)
    return best


def pair_similarity(g: Item, p: Item) -> tuple | None:
    """Unordered pair similarity as a sortable score."""
    score = pair_score(g, p)
    return None if score is None else (score,)


def link_similarity(g: Item, p: Item) -> tuple | None:
    """Same kind and pair (a visit also keeps its direction); agreement on status and year ranks."""
    if g.get("kind") != p.get("kind"):
        return None
    score = pair_score(g, p, directed=g.get("kind") == "visit")
    if score is None:
        return None
    agreement = int(g.get("status") == p.get("status")) + int(g.get("year") == p.get("year"))
    return (agreement, score)


def person_similarity(g: Item, p: Item) -> tuple | None:
    """People match on their plain names alone."""
    score = similarity(plain_name(g.get("name")), plain_name(p.get("name")))
    return None if score is None else (score,)


def distinct_pairs(links: Iterable[Item]) -> list[Item]:
    """One item per unordered pair of parties; a pair is optional only if all its links are."""
    pairs: list[Item] = []
    for link in links:
        twin = next((q for q in pairs if pair_score(q, link) is not None), None)
        if twin is None:
            keys = ("a", "a_country", "b", "b_country")
            pairs.append({k: link.get(k) for k in keys} | {"optional": optional(link)})
        else:
            twin["optional"] = twin["optional"] and optional(link)
    return pairs


def amounts_agree(g: dict | None, p: dict | None) -> bool:
    """Both absent, or the same currency and a value within 1%."""
    if not g or not p:
        return not g and not p
    if country_code(g.get("currency")) != country_code(p.get("currency")):
        return False
    gv, pv = float(g.get("value") or 0), float(p.get("value") or 0)
    return abs(gv - pv) <= 0.01 * max(abs(gv), abs(pv))


# --- descriptions ----------------------------------------------------------------------------


def describe(category: str, item: Item) -> str:
    """One line naming an item: "Portsmouth (US)", "visit Nichinan (JP) -> Portsmouth (US) new"."""
    if category == "places":
        gid = item.get("geonameid")
        return f"{item.get('name')} ({item.get('country')}{f', geonames {gid}' if gid else ''})"
    if category == "people":
        return f"{item.get('name')} ({item.get('role')}, {item.get('place')})"
    arrow = " -> " if item.get("kind") == "visit" else " – "
    a, b = (f"{item.get(k)} ({item.get(k + '_country')})" for k in ("a", "b"))
    pair = f"{a}{arrow}{b}"
    if category == "pairs":
        return pair
    extras = [str(x) for x in (item.get("status"), item.get("year")) if x is not None]
    return " ".join([str(item.get("kind")), pair, *extras])
