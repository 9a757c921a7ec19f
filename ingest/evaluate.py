"""Score extracted facts against a gold file: precision, recall and F1 per kind of fact.

The rules are written out for users in docs/evaluation.md; in short: names match after
normalisation with a little spelling slack (rapidfuzz ratio >= 90), countries must be equal,
each gold item matches at most one predicted item (greedy, best first), and gold items marked
`"optional": true` are neither required nor held against the extractor when found.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from places.names import fold

NAME_THRESHOLD = 90
NAME_SUFFIXES = frozenset({"province", "state", "city", "prefecture", "county", "municipality"})
CATEGORIES = ("places", "pairs", "links", "people")
ACCURACIES = ("status", "year", "amount", "role", "person_place")

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


def _country(value: str | None) -> str:
    """Countries compare as upper-case ISO codes."""
    return (value or "").strip().upper()


# --- report ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right; with none, 1.0 only if nothing was missed."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)

    @property
    def recall(self) -> float:
        """Share of gold items found; with none to find, 1.0 only if nothing was invented."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(not self.fp)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        """Counts and ratios as a plain dict."""
        ratios = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return asdict(self) | {k: round(v, 4) for k, v in ratios.items()}


@dataclass
class Accuracy:
    """How many matched items also agree on one attribute."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """Share correct, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        """Count one comparison."""
        self.total += 1
        self.correct += int(ok)

    def to_json(self) -> dict:
        """Counts and ratio as a plain dict."""
        value = None if self.value is None else round(self.value, 4)
        return asdict(self) | {"accuracy": value}


@dataclass
class Report:
    """Scores over a gold set, plus every miss, false positive and attribute mismatch."""

    articles: int = 0
    places: Counts = field(default_factory=Counts)
    pairs: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    status: Accuracy = field(default_factory=Accuracy)
    year: Accuracy = field(default_factory=Accuracy)
    amount: Accuracy = field(default_factory=Accuracy)
    role: Accuracy = field(default_factory=Accuracy)
    person_place: Accuracy = field(default_factory=Accuracy)
    # (article_id, category, "missed" | "spurious", description)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (article_id, attribute, "gold ... | predicted ...")
    mismatches: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        """True when nothing was missed, nothing spurious and every attribute agrees."""
        return not self.errors and not self.mismatches

    def to_json(self) -> dict:
        """The whole report as plain JSON-ready data."""
        scores = {name: getattr(self, name).to_json() for name in CATEGORIES}
        accuracies = {name: getattr(self, name).to_json() for name in ACCURACIES}
        return {
            "articles": self.articles,
            **scores,
            **accuracies,
            "errors": [list(e) for e in self.errors],
            "mismatches": [list(m) for m in self.mismatches],
        }


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
    if _country(g.get("country")) != _country(p.get("country")):
        return None
    gid, pid = g.get("geonameid"), p.get("geonameid")
    if gid is not None and pid is not None:
        return (200.0,) if gid == pid else None
    score = similarity(normalize_name(g.get("name")), normalize_name(p.get("name")))
    return None if score is None else (score,)


def _party(g: Item, gs: str, p: Item, ps: str) -> float | None:
    """Similarity of party `gs` ("a"/"b") of a gold link to party `ps` of a predicted one."""
    if _country(g.get(f"{gs}_country")) != _country(p.get(f"{ps}_country")):
        return None
    return similarity(normalize_name(g.get(gs)), normalize_name(p.get(ps)))


def pair_score(g: Item, p: Item, directed: bool = False) -> float | None:
    """Mean name similarity of the two parties, in either order unless `directed`."""
    orders = [("a", "b")] if directed else [("a", "b"), ("b", "a")]
    best = None
    for first, second in orders:
        s1, s2 = _party(g, "a", p, first), _party(g, "b", p, second)
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
    if _country(g.get("currency")) != _country(p.get("currency")):
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


# --- scoring ---------------------------------------------------------------------------------


def _tally(report: Report, article_id: str, category: str, result) -> list:
    """Add one category's matching result to the report; return the required matched pairs."""
    pairs, missed, spurious = result
    missed = [g for g in missed if not optional(g)]
    required = [(g, p) for g, p in pairs if not optional(g)]
    counts: Counts = getattr(report, category)
    counts.tp += len(required)
    counts.fn += len(missed)
    counts.fp += len(spurious)
    report.errors += [(article_id, category, "missed", describe(category, g)) for g in missed]
    report.errors += [(article_id, category, "spurious", describe(category, p)) for p in spurious]
    return required


def _compare(report: Report, article_id: str, attribute: str, ok: bool, g, p, what: str) -> None:
    """Count one attribute comparison and record it when it disagrees."""
    getattr(report, attribute).add(ok)
    if not ok:
        report.mismatches.append((article_id, attribute, f"{what}: gold {g!r} | predicted {p!r}"))


def _score_links(report: Report, article_id: str, gold: list, predicted: list) -> None:
    """Pairs, pair+kind links and the status, year and amount of matched links."""
    pairs = match(distinct_pairs(gold), distinct_pairs(predicted), pair_similarity)
    _tally(report, article_id, "pairs", pairs)
    for g, p in _tally(report, article_id, "links", match(gold, predicted, link_similarity)):
        what = describe("links", g)
        for key in ("status", "year"):
            g_value, p_value = g.get(key), p.get(key)
            _compare(report, article_id, key, g_value == p_value, g_value, p_value, what)
        g_amount, p_amount = g.get("amount"), p.get("amount")
        if g_amount or p_amount:
            ok = amounts_agree(g_amount, p_amount)
            _compare(report, article_id, "amount", ok, g_amount, p_amount, what)


def _agree(g: str | None, p: str | None, normal: Callable[[str | None], str]) -> bool:
    """Both empty, or similar once normalised with `normal`."""
    return not (g or p) or similarity(normal(g), normal(p)) is not None


def _score_people(report: Report, article_id: str, gold: list, predicted: list) -> None:
    """People by name, then their role and place among the matched."""
    for g, p in _tally(report, article_id, "people", match(gold, predicted, person_similarity)):
        for key, attribute, normal in (
            ("role", "role", plain_name),
            ("place", "person_place", normalize_name),
        ):
            g_value, p_value = g.get(key), p.get(key)
            ok = _agree(g_value, p_value, normal)
            _compare(report, article_id, attribute, ok, g_value, p_value, g["name"])


def score_article(report: Report, gold: Item, predicted: Item | None) -> None:
    """Add one article's comparison to the report."""
    article_id = gold["id"]
    if predicted is None:
        report.errors.append((article_id, "article", "missed", "no prediction for this article"))
        predicted = {}
    report.articles += 1
    places = match(gold.get("places", []), predicted.get("places") or [], place_similarity)
    _tally(report, article_id, "places", places)
    _score_links(
        report, article_id, gold.get("partnerships", []), predicted.get("partnerships") or []
    )
    _score_people(report, article_id, gold.get("people", []), predicted.get("people") or [])


def score(gold: list[dict], predicted: dict[str, dict]) -> Report:
    """Compare predicted facts (article id -> extract JSON) with a gold list."""
    report = Report()
    for article in gold:
        score_article(report, article, predicted.get(article["id"]))
    return report


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold file (a JSON list shaped like ../shared/gold/seeds.json)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


# --- formatting ------------------------------------------------------------------------------

LABELS = {
    "places": "places (name + country)",
    "pairs": "partnerships, pair",
    "links": "partnerships, pair + kind",
    "people": "people (name)",
    "status": "status of matched links",
    "year": "year of matched links",
    "amount": "amount of matched links",
    "role": "role of matched people",
    "person_place": "place of matched people",
}


def _pct(value: float | None) -> str:
    """A ratio as a percentage, or a dash."""
    return "—" if value is None else f"{100 * value:.1f}%"


def format_report(report: Report, *, show_errors: bool = False) -> str:
    """A readable table of the scores; with `show_errors`, every miss and false positive too."""
    lines = [
        f"{report.articles} articles",
        "",
        f"{'':28}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>8}",
    ]
    for name in CATEGORIES:
        c: Counts = getattr(report, name)
        lines.append(
            f"{LABELS[name]:28}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
            f"{_pct(c.precision):>11}{_pct(c.recall):>8}{_pct(c.f1):>8}"
        )
    lines += ["", f"{'':28}{'correct':>9}{'total':>7}{'accuracy':>10}"]
    for name in ACCURACIES:
        a: Accuracy = getattr(report, name)
        lines.append(f"{LABELS[name]:28}{a.correct:>9}{a.total:>7}{_pct(a.value):>10}")
    if show_errors:
        lines += ["", *format_errors(report)]
    return "\n".join(lines)


def format_errors(report: Report) -> list[str]:
    """One line per miss, false positive or attribute mismatch, grouped by article."""
    rows = [(a, f"{cat:8} {kind:9} {text}") for a, cat, kind, text in report.errors]
    rows += [(a, f"{attr:8} {'wrong':9} {text}") for a, attr, text in report.mismatches]
    return [f"{article}  {text}" for article, text in sorted(rows, key=lambda r: r[0])]
