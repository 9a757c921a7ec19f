"""Score extracted facts against a gold file: precision, recall and F1 per kind of fact.

The rules are written out for users in docs/evaluation.md; in short: names match after
normalisation with a little spelling slack (rapidfuzz ratio >= 90), countries must be equal,
each gold item matches at most one predicted item (greedy, best first), and gold items marked
`"optional": true` are neither required nor held against the extractor when found.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.error_classes import link_error_classes, person_error_classes
from ingest.matching import (
    Item,
    amounts_agree,
    describe,
    distinct_pairs,
    link_similarity,
    match,
    normalize_name,
    optional,
    pair_similarity,
    person_similarity,
    place_similarity,
    plain_name,
    similarity,
)

CATEGORIES = ("places", "pairs", "links", "people")
ACCURACIES = ("status", "year", "amount", "role", "person_place")
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8)  # lower bounds of the confidence buckets; the last ends at 1
SCORED_FACTS = ("links", "people")  # the facts that carry a confidence


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
    # (article_id, "links" | "people", error class, description): every error, classified
    error_classes: list[tuple[str, str, str, str]] = field(default_factory=list)
    # "links" | "people" -> one Accuracy per confidence bucket (BUCKETS)
    reliability: dict[str, list[Accuracy]] = field(
        default_factory=lambda: {name: [Accuracy() for _ in BUCKETS] for name in SCORED_FACTS}
    )

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
            "reliability": {
                name: [
                    {"from": low, "to": high} | bucket.to_json()
                    for low, high, bucket in zip(BUCKETS, (*BUCKETS[1:], 1.0), buckets, strict=True)
                ]
                for name, buckets in self.reliability.items()
            },
            "error_class_counts": {
                name: dict(self.class_counts(name).most_common()) for name in SCORED_FACTS
            },
            "error_classes": [list(e) for e in self.error_classes],
        }

    def class_counts(self, category: str) -> Counter:
        """How many errors of each class the category has, most frequent first."""
        return Counter(c for _, cat, c, _ in self.error_classes if cat == category)


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


MISMATCH_CLASSES = {
    "status": ("links", "wrong status"),
    "role": ("people", "wrong role"),
    "person_place": ("people", "wrong role place"),
}


def _compare(report: Report, article_id: str, attribute: str, ok: bool, g, p, what: str) -> None:
    """Count one attribute comparison and record it (and its error class) when it disagrees."""
    getattr(report, attribute).add(ok)
    if not ok:
        text = f"{what}: gold {g!r} | predicted {p!r}"
        report.mismatches.append((article_id, attribute, text))
        if attribute in MISMATCH_CLASSES:
            report.error_classes.append((article_id, *MISMATCH_CLASSES[attribute], text))


def correctness(result, predicted: list[Item]) -> list[bool | None]:
    """For each predicted item of a matching result: right, wrong, or None when it matched an
    optional gold item (neither, so left out of the reliability table and of training)."""
    verdicts: dict[int, list[bool | None]] = {}
    for g, p in result[0]:  # by identity: the same dict may stand twice in a list
        verdicts.setdefault(id(p), []).append(None if optional(g) else True)
    return [verdicts[id(p)].pop() if verdicts.get(id(p)) else False for p in predicted]


def bucket_of(confidence: float) -> int:
    """Index of the confidence's bucket in BUCKETS."""
    return max(i for i, low in enumerate(BUCKETS) if confidence >= low or i == 0)


def _record_reliability(report: Report, category: str, result, predicted: list[Item]) -> None:
    """Count each predicted item that carries a confidence in its bucket, right or wrong."""
    for item, right in zip(predicted, correctness(result, predicted), strict=True):
        if right is not None and item.get("confidence") is not None:
            report.reliability[category][bucket_of(item["confidence"])].add(right)


def _score_links(report: Report, article_id: str, gold: Item, predicted: Item) -> None:
    """Pairs, pair+kind links and the status, year and amount of matched links."""
    gold_links, links = gold.get("partnerships", []), predicted.get("partnerships") or []
    pairs = match(distinct_pairs(gold_links), distinct_pairs(links), pair_similarity)
    _tally(report, article_id, "pairs", pairs)
    result = match(gold_links, links, link_similarity)
    _record_reliability(report, "links", result, links)
    report.error_classes += [
        (article_id, "links", kind, text)
        for kind, text in link_error_classes(result, gold, predicted)
    ]
    for g, p in _tally(report, article_id, "links", result):
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
    result = match(gold, predicted, person_similarity)
    _record_reliability(report, "people", result, predicted)
    report.error_classes += [
        (article_id, "people", kind, text) for kind, text in person_error_classes(result)
    ]
    for g, p in _tally(report, article_id, "people", result):
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
    _score_links(report, article_id, gold, predicted)
    _score_people(report, article_id, gold.get("people", []), predicted.get("people") or [])


def score(gold: list[dict], predicted: dict[str, dict]) -> Report:
    """Compare predicted facts (article id -> extract JSON) with a gold list."""
    report = Report()
    for article in gold:
        score_article(report, article, predicted.get(article["id"]))
    return report


def prediction_labels(gold: Item, predicted: Item) -> dict[str, list[bool | None]]:
    """Whether each predicted partnership (pair + kind) and person (name) of one article is
    right; None for those matching an optional gold item."""
    links = predicted.get("partnerships") or []
    people = predicted.get("people") or []
    return {
        "partnerships": correctness(
            match(gold.get("partnerships", []), links, link_similarity), links
        ),
        "people": correctness(match(gold.get("people", []), people, person_similarity), people),
    }


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold file (a JSON list shaped like ../shared/gold/seeds.json)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_part(gold: list[dict], only: str | None) -> tuple[list[dict], set[str]]:
    """The gold articles `only` names ("ID,ID"; all of them without it), and the ids it names
    that the gold file lacks."""
    if not only:
        return gold, set()
    wanted = {part.strip() for part in only.split(",") if part.strip()}
    return [a for a in gold if str(a["id"]) in wanted], wanted - {str(a["id"]) for a in gold}


def article_path(folder: str | Path, item: dict) -> Path:
    """Where a gold article's text is: `FOLDER/<id>.txt`."""
    return Path(folder) / f"{item['id']}.txt"


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
    lines += ["", *format_reliability(report), "", *format_error_classes(report)]
    if show_errors:
        lines += ["", *format_errors(report)]
    return "\n".join(lines)


def format_reliability(report: Report) -> list[str]:
    """Facts by confidence bucket: how many, and the share of them that is right."""
    width = 16
    lines = [
        f"{'confidence (facts, right)':28}"
        + "".join(f"{_bucket_label(i):>{width}}" for i in range(len(BUCKETS)))
    ]
    for name in SCORED_FACTS:
        cells = (f"{b.total} {_pct(b.value)}" if b.total else "0" for b in report.reliability[name])
        lines.append(f"{LABELS[name]:28}" + "".join(f"{cell:>{width}}" for cell in cells))
    return lines


def _bucket_label(i: int) -> str:
    high = f"{BUCKETS[i + 1]:.1f})" if i + 1 < len(BUCKETS) else "1.0]"
    return f"[{BUCKETS[i]:.1f},{high}"


def format_error_classes(report: Report) -> list[str]:
    """Errors by class, most frequent first (docs/evaluation.md defines the classes)."""
    lines = []
    for name in SCORED_FACTS:
        counts = report.class_counts(name).most_common()
        text = ", ".join(f"{kind} {n}" for kind, n in counts) or "none"
        lines.append(f"{'errors, ' + name:28}{text}")
    return lines


def format_errors(report: Report) -> list[str]:
    """One line per miss, false positive or attribute mismatch, grouped by article."""
    rows = [(a, f"{cat:8} {kind:9} {text}") for a, cat, kind, text in report.errors]
    rows += [(a, f"{attr:8} {'wrong':9} {text}") for a, attr, text in report.mismatches]
    return [f"{article}  {text}" for article, text in sorted(rows, key=lambda r: r[0])]
