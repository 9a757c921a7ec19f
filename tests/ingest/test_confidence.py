"""Confidence: every extracted fact carries one in [0, 1], clear statements score higher than
doubtful ones, and the fit keeps its high bucket precise."""

import json

import numpy as np
import pytest

from facts.shapes import ArticleText
from ingest.confidence import (
    HIGH,
    PARTNERSHIP_FEATURES,
    PERSON_FEATURES,
    ConfidenceModel,
    Logistic,
    calibrate,
    capped,
    fit,
    high_precision,
    wilson_lower,
)
from ingest.confidence_fit import held_out_reliability, unproven_sets

CLEAR = "Dunedin and Shanghai have been sister cities since 1994."
DOUBTFUL = (
    "The small town of Kuressaare has signed a friendship agreement with a district in Hokkaido, "
    "the town said on Monday."
)
NEWS = (
    "Tartu signs with Turku\n\n"
    "TARTU, Estonia - Mayor Mari Tamm of Tartu and Mayor Aino Laine of Turku signed a "
    "memorandum of understanding on Tuesday, the two cities said. Delegates from Riga, Kaunas, "
    "Oulu and Bergen visited Tartu for the ceremony. Tamm said Tartu and Turku have been "
    "friendship cities since 2004."
)


def facts_of(extractor, text):
    return extractor(ArticleText(text=text, title=text.split("\n")[0]))


def test_every_fact_of_an_article_has_a_confidence_between_0_and_1(extractor):
    facts = facts_of(extractor, NEWS)
    assert facts.partnerships and facts.people
    for fact in [*facts.partnerships, *facts.people]:
        assert 0.0 <= fact.confidence <= 1.0


def test_extract_json_shows_the_confidence_rounded_to_two_places(extractor):
    data = json.loads(json.dumps(facts_of(extractor, NEWS).to_json()))
    for item in [*data["partnerships"], *data["people"]]:
        assert item["confidence"] == round(item["confidence"], 2)
        assert 0.0 <= item["confidence"] <= 1.0


def test_a_clear_statement_scores_higher_than_a_doubtful_one(extractor):
    (clear,) = facts_of(extractor, CLEAR).partnerships
    doubtful = facts_of(extractor, DOUBTFUL).partnerships
    assert doubtful, "the doubtful sentence should still yield a link to compare"
    assert all(clear.confidence > link.confidence for link in doubtful)


def test_the_shipped_weights_name_only_known_features():
    model = ConfidenceModel.load()
    assert set(model.partnership.weights) <= set(PARTNERSHIP_FEATURES)
    assert set(model.person.weights) <= set(PERSON_FEATURES)


def test_a_model_of_our_own_weights_reads_the_features_it_names(extractor, tmp_path):
    path = tmp_path / "weights.json"
    weights = {
        "partnership": {"weights": {"bias": -2.0, "kind_sister_city": 4.0}},
        "person": {"weights": {"bias": 3.0, "one_word_name": -6.0}},
    }
    path.write_text(json.dumps(weights))
    model = ConfidenceModel.load(path)
    assert model.partnership.probability({"bias": 1.0, "kind_sister_city": 1.0}) > HIGH
    assert model.partnership.probability({"bias": 1.0, "kind_visit": 1.0}) < 0.2


def test_probabilities_stay_finite_for_extreme_weights():
    model = Logistic({"bias": 1e6})
    assert model.probability({"bias": 1.0}) == pytest.approx(1.0)
    assert Logistic({"bias": -1e6}).probability({"bias": 1.0}) == pytest.approx(0.0)


# --- fitting ----------------------------------------------------------------------------------


def _rows(rng, n):
    """Facts whose `good` feature makes them right 99% of the time, else 50%."""
    good = rng.random(n) < 0.5
    right = np.where(good, rng.random(n) < 0.99, rng.random(n) < 0.5)
    rows = [{"bias": 1.0, "good": float(g)} for g in good]
    groups = [f"set{i % 2}:{i // 4}" for i in range(n)]
    return rows, right.tolist(), groups


def test_the_fit_learns_a_useful_feature_and_keeps_its_high_bucket_precise():
    rng = np.random.default_rng(7)
    rows, labels, groups = _rows(rng, 600)
    fitted = fit(rows, labels, groups, ("bias", "good"))
    model = Logistic(fitted["weights"])
    assert model.probability({"bias": 1.0, "good": 1.0}) >= HIGH > model.probability({"bias": 1.0})
    assert fitted["high_precision"] >= 0.95
    test_rows, test_labels, _ = _rows(np.random.default_rng(8), 2000)
    scores = np.array([model.probability(r) for r in test_rows])
    assert high_precision(scores, np.array(test_labels, dtype=float)) >= 0.95


def test_a_few_right_facts_are_no_proof_of_precision():
    assert wilson_lower(1.0, 5) < 0.6 < wilson_lower(1.0, 100)
    assert wilson_lower(0.5, 0) == 1.0


def test_scores_without_proof_are_kept_below_high_and_the_rest_stay_as_platt_gives_them():
    scores = np.array([3.0] * 60 + [2.0] * 10 + [0.0] * 30)
    right = np.array([1.0] * 60 + [1.0] * 6 + [0.0] * 4 + [1.0] * 15 + [0.0] * 15)
    sets = np.array(["a", "b"] * 50)
    scale, offset, trusted_from = calibrate(scores, right, sets)
    probabilities = capped(1 / (1 + np.exp(-(scale * scores + offset))), trusted_from)
    assert probabilities[0] >= HIGH  # 60 facts all right prove the top score
    assert probabilities[60] < HIGH  # 6 right of 10 do not prove the next one
    assert high_precision(probabilities, right) >= 0.95
    assert Logistic({"bias": 2.0}, trusted_from=0.9).probability({"bias": 1.0}) < HIGH


def test_a_cut_off_that_fails_on_a_set_left_out_is_not_shipped():
    rng = np.random.default_rng(11)
    rows, labels, groups = [], [], []
    for name, right_when_good in (("a", 0.99), ("b", 0.99), ("c", 0.99), ("news", 0.6)):
        for i in range(200):
            good = i % 2 == 0
            rows.append({"bias": 1.0, "good": float(good)})
            labels.append(bool(rng.random() < (right_when_good if good else 0.5)))
            groups.append(f"{name}:{i // 5}")
    table = held_out_reliability(rows, labels, groups, ("bias", "good"))
    assert unproven_sets(table) == ["news"]  # the feature that served a, b and c fails there
