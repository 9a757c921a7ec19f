"""How likely each extracted partnership and person is right: a small logistic model, calibrated.

Each fact is described by a few features read off the fact, its evidence sentence and the article
(`partnership_features`, `person_features`); `ConfidenceModel` turns them into a probability with
weights fitted by `python -m ingest.confidence_fit` (see docs/evaluation.md) and kept in
`ingest/data/confidence.json`. The fit is conservative: a fact scores HIGH (0.8) or more only
from a score at which the out-of-fold facts were right often enough (`precise_enough`); below it,
scores stay calibrated on average but under HIGH.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from facts.shapes import ArticleFacts, Partnership, Person, Place
from ingest.sentences import entities
from places.names import fold

WEIGHTS_FILE = "confidence.json"
HIGH = 0.8  # "high confidence": facts scored this or more should be right 95% of the time
REQUIRED_PRECISION = 0.95  # ...of every training set's out-of-fold high bucket
TARGET_PRECISION = 0.97  # ...of all of them together (a margin for unseen articles)
LOWER_BOUND = 0.9  # and the Wilson 95% lower bound of that share: a few lucky facts are no proof
UNPROVEN = 0.79  # the most a fact may score when the fit found no proof for its score
NEVER_TRUSTED = 1.01  # a `trusted_from` no probability reaches
SQUEEZE_FROM = 0.7  # unproven scores above this are squeezed into [SQUEEZE_FROM, UNPROVEN]
L2 = 3.0  # ridge penalty of the fit: the training sets are small
FOLDS = 5
MIN_SETS = 3  # training sets needed to hold out whole sets rather than articles

# Few features on purpose: fitted on all training sets but one and scored on that one, these
# four rank right facts above wrong ones better than chance in every set, and each feature tried
# besides (kind, status, list sentences, sentence length, headline, gazetteer ambiguity...) made
# that worse: with a few hundred facts, more features fit the sets, not the news.
PARTNERSHIP_FEATURES = (
    "bias",
    "names_in_sentence",  # share of the two parties whose own name the evidence spells out
    "region_party",  # a party is a region, not a city
    "party_mentions",  # log(1 + mentions of the less mentioned party in the article)
    "smallest_population",  # log10(1 + people) / 7 of the smaller party; 0 when unknown
)
PERSON_FEATURES = (
    "bias",
    "one_word_name",
    "place_known",  # the person's role was tied to a place
    "person_entity",  # spaCy tags a PERSON span with exactly this name
    "place_word_in_name",  # a word of the name is a place of the article
)


# --- features --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleView:
    """What the features read of one extracted article besides its facts: the parsed text."""

    doc: Doc
    facts: ArticleFacts

    @cached_property
    def mentions(self) -> dict[str, int]:
        """How often the article names each of its places, by key."""
        return {m.place.key: m.mentions for m in self.facts.places}

    @cached_property
    def place_words(self) -> set[str]:
        """The words of the article's place names, case-folded."""
        return {w.casefold() for m in self.facts.places for w in m.place.name.split()}

    @cached_property
    def person_entities(self) -> set[str]:
        """The names spaCy tags as PERSON."""
        return {e.text for e in entities(self.doc) if e.label_ == "PERSON"}


def _log(n: float) -> float:
    return math.log1p(max(n, 0))


def _spelled(place: Place, text: str) -> bool:
    """Whether `text` spells the place's name (not an alias, an anaphor or a person's place)."""
    return fold(place.name) in fold(text)


def _size(population: int | None) -> float:
    return math.log10(1 + population) / 7 if population else 0.0


def partnership_features(link: Partnership, view: ArticleView) -> dict[str, float]:
    """The features of one link, by name (PARTNERSHIP_FEATURES)."""
    parties = (link.a, link.b)
    return {
        "bias": 1.0,
        "names_in_sentence": sum(_spelled(p, link.evidence) for p in parties) / 2,
        "region_party": float(any(p.kind != "city" for p in parties)),
        "party_mentions": _log(min(view.mentions.get(p.key, 0) for p in parties)),
        "smallest_population": min(_size(p.population) for p in parties),
    }


def person_features(person: Person, view: ArticleView) -> dict[str, float]:
    """The features of one person, by name (PERSON_FEATURES)."""
    words = person.name.split()
    return {
        "bias": 1.0,
        "one_word_name": float(len(words) == 1),
        "place_known": float(person.place is not None),
        "person_entity": float(person.name in view.person_entities),
        "place_word_in_name": float(any(w.casefold() in view.place_words for w in words)),
    }


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Logistic:
    """Weights by feature name; the probability is the logistic of their weighted sum."""

    weights: dict[str, float]
    trusted_from: float = HIGH  # the lowest score the fit proved right often enough to be high

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        return float(capped(np.asarray(p), self.trusted_from))


@dataclass(frozen=True)
class ConfidenceModel:
    """The fitted models of partnerships and people."""

    partnership: Logistic
    person: Logistic

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel:
        """The weights of `path`, by default the ones shipped in `ingest/data/`."""
        if path is None:
            text = resources.files("ingest").joinpath("data", WEIGHTS_FILE).read_text()
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        partnership, person = (
            Logistic(data[name]["weights"], data[name].get("trusted_from", HIGH))
            for name in ("partnership", "person")
        )
        return cls(partnership, person)

    def scored(self, view: ArticleView) -> ArticleFacts:
        """The article's facts with the confidence of each partnership and person set."""
        facts = view.facts
        links = [
            replace(link, confidence=self.partnership.probability(partnership_features(link, view)))
            for link in facts.partnerships
        ]
        people = [
            replace(person, confidence=self.person.probability(person_features(person, view)))
            for person in facts.people
        ]
        return replace(facts, partnerships=links, people=people)


# --- fitting ---------------------------------------------------------------------------------


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Ridge logistic regression by Newton's method (the bias, column 0, is penalised little)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.1  # the bias is barely held back: one-sided folds stay finite
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def out_of_fold_scores(x: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> np.ndarray:
    """Each row's score from a model fitted without its group (FOLDS folds of whole groups).

    The score leaves the fold's bias out and is centred on the fold's training rows: a fold's
    bias follows the share right of the other folds' groups, which would rank a hard group's
    facts above an easy one's.
    """
    fold_of = {group: i % FOLDS for i, group in enumerate(sorted(set(groups)))}
    folds = np.array([fold_of[g] for g in groups])
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        held = folds == k
        if held.any() and (~held).any():
            w = fit_logistic(x[~held], y[~held])[1:]
            scores[held] = x[held, 1:] @ w - (x[~held, 1:] @ w).mean()
    return scores


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Scale and offset mapping scores to probabilities, with Platt's smoothed targets."""
    positives, negatives = y.sum(), len(y) - y.sum()
    targets = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    x = np.column_stack([np.ones(len(y)), scores])
    offset, scale = fit_logistic(x, targets, l2=1e-3)
    return float(scale), float(offset)


def high_precision(probabilities: np.ndarray, y: np.ndarray) -> float:
    """Share right among the facts scored HIGH or more (1.0 when there are none)."""
    high = probabilities >= HIGH
    return float(y[high].mean()) if high.any() else 1.0


def wilson_lower(right: float, n: int, z: float = 1.96) -> float:
    """The lower end of the Wilson score interval of a share `right` of `n` (1.0 when n = 0)."""
    if n == 0:
        return 1.0
    centre = right + z * z / (2 * n)
    spread = z * math.sqrt(right * (1 - right) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def precise_enough(probabilities: np.ndarray, y: np.ndarray, sets: np.ndarray) -> bool:
    """Whether the high bucket meets TARGET_PRECISION and LOWER_BOUND overall, and
    REQUIRED_PRECISION in every set on its own: unseen news may resemble the hardest set more
    than the average."""
    share, n = high_precision(probabilities, y), int((probabilities >= HIGH).sum())
    return (
        share >= TARGET_PRECISION
        and wilson_lower(share, n) >= LOWER_BOUND
        and all(
            high_precision(probabilities[sets == name], y[sets == name]) >= REQUIRED_PRECISION
            for name in set(sets)
        )
    )


def capped(probabilities: np.ndarray, trusted_from: float) -> np.ndarray:
    """The probabilities, those under `trusted_from` kept below HIGH: the ones above
    SQUEEZE_FROM are squeezed into [SQUEEZE_FROM, UNPROVEN], in the same order."""
    room = (UNPROVEN - SQUEEZE_FROM) / (1 - SQUEEZE_FROM)
    squeezed = np.where(
        probabilities > SQUEEZE_FROM,
        SQUEEZE_FROM + room * (probabilities - SQUEEZE_FROM),
        probabilities,
    )
    return np.where(probabilities >= trusted_from, probabilities, squeezed)


def calibrate(scores: np.ndarray, y: np.ndarray, sets: np.ndarray) -> tuple[float, float, float]:
    """Platt scaling, and the lowest score from which the high bucket is precise enough.

    Scores under that bar stay as Platt gives them (calibrated on average) but below HIGH: a fact
    scores HIGH or more only where the out-of-fold facts prove that score.
    """
    scale, offset = platt(scores, y)
    probabilities = 1 / (1 + np.exp(-(scale * scores + offset)))
    bars = [HIGH, *sorted({float(p) for p in probabilities if p > HIGH})]
    trusted_from = next(
        (bar for bar in bars if precise_enough(capped(probabilities, bar), y, sets)),
        NEVER_TRUSTED,
    )
    return scale, offset, trusted_from


def fit(rows: list[dict[str, float]], labels: list[bool], groups: list[str], names: Sequence[str]):
    """Weights by feature name, calibrated on out-of-fold scores, and what the fit saw.

    `groups` names each row's article as "SET:ID". With MIN_SETS sets or more, each set is scored
    by models fitted without it, as unseen news is (a set's articles share a source and a
    style, and its errors come in clusters); with fewer, each article. The calibration must hold
    in every set.
    """
    x = np.array([[row[name] for name in names] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    sets = [g.rsplit(":", 1)[0] for g in groups]
    scores = out_of_fold_scores(x, y, sets if len(set(sets)) >= MIN_SETS else groups)
    scale, offset, trusted_from = calibrate(scores, y, np.array(sets))
    w = fit_logistic(x, y) * scale
    w[0] = offset - (x[:, 1:] @ w[1:]).mean()  # scores centred as out of fold; the model's
    # own bias gives way to the calibration's offset
    weights = {name: round(float(v), 4) for name, v in zip(names, w, strict=True)}
    held_out = capped(1 / (1 + np.exp(-(scale * scores + offset))), trusted_from)
    return {
        "weights": weights,
        "trusted_from": trusted_from,
        "facts": len(y),
        "correct": int(y.sum()),
        "high": int((held_out >= HIGH).sum()),
        "high_precision": round(high_precision(held_out, y), 4),
    }
