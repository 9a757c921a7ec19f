"""Fit the confidence model on gold sets: `python -m ingest.confidence_fit --set GOLD ARTICLES
[ID,ID...] ... [--out FILE] [--check]` (docs/evaluation.md).

Every set's articles are extracted, each predicted partnership and person is labelled right or
wrong by the evaluator's matching (`ingest.evaluate.prediction_labels`; those matching an
optional gold item are left out), and `ingest.confidence.fit` turns features and labels into the
weights file the extractor loads; `--check` instead fits without each set in turn and shows how
the set left out is scored.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

from ingest.confidence import (
    NEVER_TRUSTED,
    PARTNERSHIP_FEATURES,
    PERSON_FEATURES,
    REQUIRED_PRECISION,
    WEIGHTS_FILE,
    Logistic,
    fit,
    partnership_features,
    person_features,
)
from ingest.evaluate import (
    BUCKETS,
    Accuracy,
    article_path,
    bucket_of,
    gold_part,
    load_gold,
    prediction_labels,
)
from ingest.extract import Extractor
from ingest.pipeline import build_nlp
from ingest.reader import read_path


def _gold_articles(spec: list[str]) -> list[tuple[dict, Path]]:
    """(gold article, text path) of one `--set GOLD ARTICLES [IDS]`."""
    gold_file, folder, *only = spec
    gold, _ = gold_part(load_gold(gold_file), only[0] if only else None)
    return [(a, article_path(folder, a)) for a in gold]


def _labelled(extractor: Extractor, gold: dict, path: Path):
    """("partnership" | "person", features, right) of each labelled prediction of an article."""
    facts, view = extractor.explained(read_path(path))
    labels = prediction_labels(gold, facts.to_json())
    for link, right in zip(facts.partnerships, labels["partnerships"], strict=True):
        if right is not None:
            yield "partnership", partnership_features(link, view), right
    for person, right in zip(facts.people, labels["people"], strict=True):
        if right is not None:
            yield "person", person_features(person, view), right


def training_rows(extractor: Extractor, specs: list[list[str]]) -> dict[str, tuple]:
    """Features, labels and "SET:ID" article of every labelled prediction, by kind of fact."""
    rows = {"partnership": ([], [], []), "person": ([], [], [])}
    for spec in specs:
        for gold, path in _gold_articles(spec):
            for name, features, right in _labelled(extractor, gold, path):
                x, y, groups = rows[name]
                x.append(features)
                y.append(right)
                groups.append(f"{spec[0]}:{gold['id']}")
    return rows


def held_out_reliability(x: list, y: list, groups: list, names) -> dict[str, list[Accuracy]]:
    """For each set, its facts by confidence bucket as a model fitted on the other sets scores
    them: how the procedure fares on news it never saw."""
    sets = [g.rsplit(":", 1)[0] for g in groups]
    table = {}
    for held in sorted(set(sets)):
        kept = [i for i, s in enumerate(sets) if s != held]
        fitted = fit(*([column[i] for i in kept] for column in (x, y, groups)), names)
        model = Logistic(fitted["weights"], fitted["trusted_from"])
        buckets = table[held] = [Accuracy() for _ in BUCKETS]
        for row, right, name in zip(x, y, sets, strict=True):
            if name == held:
                buckets[bucket_of(model.probability(row))].add(right)
    return table


def unproven_sets(table: dict[str, list[Accuracy]]) -> list[str]:
    """The sets whose facts scored 0.8 or more, by a model fitted without them, are right less
    often than REQUIRED_PRECISION: where the high bucket would not hold on unseen news."""
    return [
        held
        for held, buckets in table.items()
        if buckets[-1].total and buckets[-1].value < REQUIRED_PRECISION
    ]


def _print_check(rows: dict[str, tuple], names: dict) -> None:
    print("facts and share right by confidence, [0,0.2) [0.2,0.4) [0.4,0.6) [0.6,0.8) [0.8,1]")
    for kind, features in names.items():
        for held, buckets in held_out_reliability(*rows[kind], features).items():
            cells = "  ".join(f"{b.total:>3} {'—' if b.value is None else f'{b.value:.0%}':>4}"
                              for b in buckets)  # fmt: skip
            print(f"{kind:12} without {held}: {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.confidence_fit", description=__doc__)
    parser.add_argument("--set", action="append", nargs="+", required=True, dest="sets",
                        metavar="GOLD ARTICLES [ID,ID...]")  # fmt: skip
    default = resources.files("ingest").joinpath("data", WEIGHTS_FILE)
    parser.add_argument("--out", default=str(default), help="the weights file to write")
    parser.add_argument("--check", action="store_true",
                        help="write nothing: fit without each set in turn and print its "
                             "reliability by confidence bucket, [0,0.2) ... [0.8,1]")  # fmt: skip
    args = parser.parse_args(argv)
    rows = training_rows(Extractor(build_nlp()), args.sets)
    names = {"partnership": PARTNERSHIP_FEATURES, "person": PERSON_FEATURES}
    if args.check:
        _print_check(rows, names)
        return 0
    model = {name: fit(*rows[name], names[name]) for name in names}
    for name, m in model.items():
        high = f"{m['high']} facts, {m['high_precision']:.1%} right"
        print(f"{name}: {m['facts']} facts, {m['correct']} right; out of fold >= 0.8: {high}")
        failing = unproven_sets(held_out_reliability(*rows[name], names[name]))
        if failing and m["trusted_from"] < NEVER_TRUSTED:
            m["trusted_from"] = NEVER_TRUSTED
            print(f"{name}: no fact scores 0.8 or more: the cut-off fails without {failing}")
    Path(args.out).write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
