"""Sentences worded like a rule's but saying something else: each rule stops where it should."""

import pytest

from facts.shapes import ArticleText
from ingest.dates import years_in


def facts(extractor, text, published="2024-03-15"):
    return extractor(ArticleText(text=text, published=published))


def links(found):
    return {(p.a.name, p.b.name, p.kind): p for p in found.partnerships}


def places(found):
    return {(m.place.name, m.place.country) for m in found.places}


@pytest.mark.parametrize(
    "text",
    [
        "The agreement between Lyon and Turin, signed on Monday, ended months of negotiations.",
        "The twinning of Lyon and Turin ended years of rivalry between the clubs.",
        "Lyon and Turin revived their frozen partnership this week.",
    ],
)
def test_an_ending_of_something_else_leaves_the_link_unended(extractor, text):
    assert {p.status for p in facts(extractor, text).partnerships} - {"new", "existing"} == set()


def test_a_praised_trading_partner_is_no_tie_in_place(extractor):
    text = (
        "Osaka, the most important trading partner of Busan, plans to sign a friendship "
        "agreement with the city next year."
    )
    found = links(facts(extractor, text))
    assert {p.status for p in found.values()} == {"proposed"}


def test_sister_cities_a_city_will_have_are_not_in_place(extractor):
    text = (
        "Reno will have two sister cities in Japan once it signs an agreement with Kanazawa "
        "next year."
    )
    assert "existing" not in {p.status for p in facts(extractor, text).partnerships}


def test_years_marked_in_office_are_no_anniversary():
    sentence = "Mayor Ann Lee, who marked 20 years in office in 2023, praised the twinning."
    assert [y.how for y in years_in(sentence, "2023-06-01")] == ["explicit"]


def test_an_institute_s_partners_are_no_sister_cities(extractor):
    text = (
        "KOBE — The Kobe Design Institute opened a new campus on Monday.\n\n"
        "Its partners include schools in Lyon, Turin and Seattle."
    )
    assert facts(extractor, text).partnerships == []


def test_a_tiny_capital_does_not_outweigh_a_city_the_article_is_about(extractor):
    text = (
        "Hamilton and Fukuyama, Japan, marked their twinning on Monday.\n\n"
        "The mayor of Hamilton said tourism from Bermuda and Canada was growing."
    )
    assert ("Hamilton", "BM") not in places(facts(extractor, text))


def test_a_country_after_a_direction_still_qualifies_the_name(extractor):
    text = (
        "Tripoli, in northern Lebanon, signed a twinning agreement with Sfax on Monday.\n\n"
        "The mayor said the crisis in Libya had hurt trade."
    )
    assert ("Tripoli", "LB") in places(facts(extractor, text))


def test_a_delegation_based_in_a_city_visits_for_it(extractor):
    text = "A Kobe-based trade delegation visited Seattle last week."
    assert ("Kobe", "Seattle", "visit") in links(facts(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "The mayors of Lyon and Turin signed a declaration on climate action at the summit.",
        "Siemens signed a partnership deal with the port of Hamburg and the city of Rotterdam.",
    ],
)
def test_a_declaration_at_a_summit_or_a_company_s_deal_is_no_memorandum(extractor, text):
    assert "mou" not in {kind for _, _, kind in links(facts(extractor, text))}


def test_a_touring_exhibition_is_no_visit_of_its_speaker_s_city(extractor):
    text = (
        "Kobe Mayor Kizo Hisamoto opened the show.\n\n"
        "Hisamoto said the touring exhibition has visited Seattle and Portland."
    )
    assert not [k for k in links(facts(extractor, text)) if k[2] == "visit"]


def test_speakers_from_a_city_at_a_hosted_forum_are_no_visit(extractor):
    text = "Osaka hosted an online forum with speakers from Shanghai."
    assert facts(extractor, text).partnerships == []


def test_a_consul_in_charge_of_something_has_no_post_of_it(extractor):
    text = "Kenji Tanaka, the consul general in charge of trade in Houston, spoke on Monday."
    [person] = facts(extractor, text).people
    assert person.role == "consul general"


def test_partners_named_after_with_are_not_each_other_s(extractor):
    text = "The foundation also has sister-city ties with Lyon in France and Turin in Italy."
    assert facts(extractor, text).partnerships == []


def test_trading_partners_are_no_twins(extractor):
    text = "Lyon and Turin have been trading partners for decades."
    assert facts(extractor, text).partnerships == []


def test_a_link_with_a_lone_partner_held_by_an_organisation_or_a_nation_is_not_the_town_s(
    extractor,
):
    text = (
        "TACOMA — The council met on Monday.\n\n"
        "The Northwest Seaport Alliance renewed the cooperation agreement with Kaohsiung.\n\n"
        "The prime minister suspended the cooperation agreement with Moscow in 2022."
    )
    assert extractor(ArticleText(text=text, published="2024-05-01")).partnerships == []


def test_a_company_s_acronym_gives_its_officers_no_town(extractor):
    text = (
        "Toyota Motor Corporation (TMC) opened a plant in Georgetown, Kentucky. TMC President "
        "Koji Sato attended the ceremony."
    )
    found = extractor(ArticleText(text=text, published="2024-05-01"))
    assert [(p.name, p.place) for p in found.people] == [("Koji Sato", None)]


def test_partners_taken_respectively_are_paired_in_order(extractor):
    text = "Lyon and Turin signed sister city agreements with Kyoto and Osaka respectively."
    found = extractor(ArticleText(text=text, published="2024-05-01"))
    pairs = {frozenset((p.a.name, p.b.name)) for p in found.partnerships}
    assert pairs == {frozenset(("Lyon", "Kyoto")), frozenset(("Turin", "Osaka"))}


def test_a_country_s_or_a_big_city_s_name_before_lowercase_city_is_that_city(extractor):
    text = "The Mexico city government signed a memorandum with Madrid."
    found = extractor(ArticleText(text=text, published="2024-05-01"))
    assert [(p.a.country, p.b.name) for p in found.partnerships] == [("MX", "Madrid")]


def test_a_lone_partner_after_another_clause_s_link_is_not_the_town_s(extractor):
    text = (
        "LEEDS — The council met on Monday.\n\n"
        "Other British towns are reconsidering the twinning with Russian cities, but the "
        "partnership with Nizhny Novgorod was cut in 2022."
    )
    assert extractor(ArticleText(text=text, published="2024-05-01")).partnerships == []


def test_a_prefecture_level_city_is_no_prefecture_met_before(extractor):
    text = (
        "Lijiang, in southwest China's Yunnan Province, draws tourists. The prefecture-level "
        "city signed a friendship agreement with Salzburg."
    )
    found = extractor(ArticleText(text=text, published="2025-03-12")).partnerships
    assert not any("Yunnan" in (p.a.name, p.b.name) for p in found)


def test_the_county_is_no_state_the_article_named(extractor):
    text = (
        "LEESBURG, Va. — Loudoun officials met on Monday. Later the county signed a friendship "
        "agreement with Hsinchu County."
    )
    found = extractor(ArticleText(text=text, published="2025-03-12")).partnerships
    assert not any("Virginia" in (p.a.name, p.b.name) for p in found)


def test_a_wire_dateline_is_no_home_for_a_mayor_of_the_town_the_story_is_about(extractor):
    text = (
        "KUALA LUMPUR, June 2 (Bernama) -- Ipoh will explore sister-city ties with Fukuoka, "
        "Ipoh officials said. The mayor, Rumaizi Baharin, said talks would begin in July."
    )
    people = extractor(ArticleText(text=text, published="2025-06-02")).people
    assert [(p.name, p.place.name if p.place else None) for p in people] == [
        ("Rumaizi Baharin", "Ipoh")
    ]
