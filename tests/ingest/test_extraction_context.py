"""Context for ambiguous places: named regions beat population, qualifiers decide their mention."""

import pytest

from facts.shapes import ArticleText
from places.regions import country_name


def readings(extractor, text, name):
    facts = extractor(ArticleText(text=text))
    return {(m.place.country, m.place.kind) for m in facts.places if m.place.name == name}


def test_named_province_beats_a_larger_namesake(extractor):
    text = (
        "Councillors in Kingston voted on Monday to court investors from Busan. The city, "
        "halfway between Toronto and Montreal on the shores of Lake Ontario, is the oldest "
        "in Ontario and wants a port partner in South Korea."
    )
    assert readings(extractor, text, "Kingston") == {("CA", "city")}
    assert readings(extractor, text, "Ontario") == {("CA", "region")}


def test_a_qualifier_elsewhere_does_not_outweigh_the_named_province(extractor):
    text = (
        "Kingston council backed a Canadian trade mission to Daegu. Officials in Ontario said the "
        "mission should not be confused with the one from Kingston, Jamaica, last spring. "
        "Kingston expects a reply from Daegu by June."
    )
    assert ("CA", "city") in readings(extractor, text, "Kingston")


def test_japanese_prefecture_word_places_a_small_town(extractor):
    text = (
        "Wine makers from Ikeda, a farming town in eastern Hokkaido, will visit Adelaide "
        "next month to study barrel ageing."
    )
    facts = extractor(ArticleText(text=text))
    ikeda = [m.place for m in facts.places if m.place.name == "Ikeda"]
    assert ikeda and ikeda[0].admin1 == "12"  # GeoNames' number for Hokkaido


def test_same_name_qualified_two_ways_resolves_per_mention(extractor):
    text = (
        "The orchestra of Córdoba, Spain, will tour Mexico in May. Its first concert is in "
        "Córdoba, Veracruz, the coffee town east of Puebla."
    )
    assert readings(extractor, text, "Córdoba") >= {("ES", "city"), ("MX", "city")}


def test_georgia_among_american_places_is_the_state(extractor):
    text = (
        "Savannah and Macon will share a booth at the Atlanta trade show, the largest in "
        "Georgia, before a joint mission to Taipei."
    )
    assert readings(extractor, text, "Georgia") == {("US", "region")}


def test_georgia_beside_tbilisi_is_the_country(extractor):
    text = "Officials from Tbilisi and Kutaisi said Georgia wants more flights to Warsaw."
    assert readings(extractor, text, "Georgia") == set()


@pytest.mark.parametrize(
    "text",
    [
        "ZINDER, Niger – Zinder and Kano signed a memorandum on Monday. Officials from Kano, "
        "Katsina State and Jigawa said the border markets of Niger matter to them.",
        "Officials from Kano, Katsina State and Jigawa attended the Niger-Nigeria commission's "
        "meeting in Zinder on Monday.",
    ],
)
def test_niger_after_a_dateline_or_hyphened_with_nigeria_is_the_country(extractor, text):
    assert readings(extractor, text, "Niger") == set()


@pytest.mark.parametrize(
    "text",
    [
        "ATLANTA, Georgia – Georgia signed a sister state agreement with Jeju Province.",
        "SAVANNAH, Georgia – The state of Georgia signed a memorandum with Kagoshima Prefecture.",
    ],
)
def test_a_state_after_an_american_dateline_is_the_state(extractor, text):
    assert readings(extractor, text, "Georgia") == {("US", "region")}


def test_small_far_away_town_without_support_is_dropped(extractor):
    text = (
        "Leeds and Bergen renewed their partnership on Friday. A Bergen choir called Dorset "
        "Voices will perform in Leeds in June, the council said."
    )
    facts = extractor(ArticleText(text=text))
    countries = {m.place.country for m in facts.places}
    assert countries <= {"GB", "NO"}, countries


@pytest.mark.parametrize(
    "text",
    [
        "Zomba signed twinning agreements with Lüneburg in 2012 and with Sanya in 2016.",
        "Zomba has been twinned with Lüneburg since 2012 and with Sanya since 2016.",
    ],
)
def test_a_small_town_named_as_a_twin_needs_no_country(extractor, text):
    assert readings(extractor, text, "Lüneburg") == {("DE", "city")}


def test_the_small_town_twinned_with_small_towns_stays_a_party(extractor):
    text = "Hexham is twinned with Noyon and Metzingen, and has a friendship link with Colmar."
    facts = extractor(ArticleText(text=text, published="2024-05-02"))
    assert {(p.a.name, p.b.name) for p in facts.partnerships if p.kind == "sister_city"} == {
        ("Hexham", "Noyon"),
        ("Hexham", "Metzingen"),
    }


def test_small_town_is_kept_when_its_country_is_named(extractor):
    text = "Delegates from Lunéville, a town in eastern France, arrived in Leeds on Friday."
    assert readings(extractor, text, "Lunéville") == {("FR", "city")}


def test_a_region_after_in_that_holds_a_party_only_locates_it(extractor):
    text = (
        "Geelong and Izumiotsu, a textile town of about 70,000 in Osaka Prefecture, have been "
        "sister cities since 1988."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10"))
    pairs = {frozenset((p.a.name, p.b.name)) for p in found.partnerships}
    assert pairs == {frozenset(("Geelong", "Izumiotsu"))}


def test_the_town_of_a_plain_sentence_is_the_article_s_not_the_guest_s_last_named(extractor):
    text = (
        "Tarnow signed a partnership agreement with Stryi on Saturday, the Tarnow town hall said. "
        "Stryi mayor Oleh Kuzyk invited the Tarnow council to visit Stryi in the autumn.\n\n"
        "The town has been twinned with Kosice since 1994."
    )
    facts = extractor(ArticleText(text=text, published="2025-06-02"))
    pairs = {frozenset((p.a.name, p.b.name)) for p in facts.partnerships if p.kind == "sister_city"}
    assert frozenset(("Tarnów", "Košice")) in pairs
    assert frozenset(("Stryi", "Košice")) not in pairs


def test_the_city_in_a_quote_after_its_speaker_is_the_speaker_s(extractor):
    text = (
        "Tarnow signed a partnership agreement with Stryi on Saturday, Stryi mayor Oleh Kuzyk "
        'said.\n\n"The city has been twinned with Lutsk since 1999 and we want more partners."'
    )
    facts = extractor(ArticleText(text=text, published="2025-06-02"))
    pairs = {frozenset((p.a.name, p.b.name)) for p in facts.partnerships if p.kind == "sister_city"}
    assert frozenset(("Stryi", "Lutsk")) in pairs


def test_the_city_of_a_sentence_that_says_who_spoke_is_the_speaker_s(extractor):
    text = (
        "Lublin mayor Krzysztof Zuk met Kharkiv mayor Ihor Terekhov on Monday. Terekhov "
        "thanked Lublin for its help.\n\nThe city has been twinned with Nuremberg since 1990, "
        "he said."
    )
    facts = extractor(ArticleText(text=text, published="2025-06-02"))
    pairs = {frozenset((p.a.name, p.b.name)) for p in facts.partnerships if p.kind == "sister_city"}
    assert pairs == {frozenset(("Kharkiv", "Nuremberg"))}


def test_a_which_clause_after_a_who_clause_keeps_the_sentences_pair(extractor):
    text = (
        "The minister thanked the mayor of Kisumu, who visited Roanoke, which became Kisumu's "
        "sister city in 2005, last year."
    )
    facts = extractor(ArticleText(text=text, published="2024-03-27"))
    twinnings = {(p.a.name, p.b.name, p.year) for p in facts.partnerships if p.kind != "visit"}
    assert twinnings == {("Kisumu", "Roanoke", 2005)}


def test_a_gulf_dateline_with_a_colon_is_no_party(extractor):
    text = (
        "Doha: Sohar Municipality and Al Khor Municipality yesterday signed a friendship "
        "agreement to strengthen cooperation in fisheries."
    )
    found = extractor(ArticleText(text=text, published="2021-11-03"))
    assert [(p.a.name, p.b.name) for p in found.partnerships] == [("Sohar", "Al Khor")]


def test_a_colon_dateline_before_the_towns_own_body_is_that_party(extractor):
    text = (
        "Karachi: The Karachi Metropolitan Corporation signed a sister-city agreement with Izmir."
    )
    found = extractor(ArticleText(text=text, published="2021-11-03"))
    assert [(p.a.name, p.b.name) for p in found.partnerships] == [("Karachi", "İzmir")]


def test_palestine_is_a_country_not_the_texan_town(extractor):
    text = "The governor of Kyoto paid a visit to the State of Palestine in May."
    found = extractor(ArticleText(text=text, published="2021-11-03"))
    assert "Palestine" not in {m.place.name for m in found.places}
    assert found.partnerships == []


def test_kosovo_is_a_country_named_as_such(extractor):
    text = "Kosovo and Albania signed many agreements; the mayor of Peja visited Kotor in May."
    found = extractor(ArticleText(text=text, published="2021-11-03"))
    assert "Kosovo" not in {m.place.name for m in found.places}
    assert [(p.a.name, p.b.name) for p in found.partnerships] == [("Peja", "Kotor")]
    assert country_name(found.partnerships[0].a.country) == "Kosovo"


def test_a_title_cased_headline_s_misread_person_makes_no_town_a_surname(extractor):
    text = (
        "Kupang and Darwin Sign Letter of Intent Towards Friendship\n"
        "Press Office | Kupang, 3 May 2018\n\n"
        "The Lord Mayor of Darwin, Jane Doe, is leading a delegation from Darwin on a four-day "
        "visit to Kupang."
    )
    facts = extractor(ArticleText(text=text, published="2018-05-03"))
    assert [(p.a.name, p.b.name, p.kind) for p in facts.partnerships] == [
        ("Darwin", "Kupang", "visit")
    ]
    assert [(p.name, p.place.name) for p in facts.people] == [("Jane Doe", "Darwin")]


def test_a_town_s_whole_name_the_model_takes_for_a_person_makes_no_surname(extractor):
    text = (
        "Campus News – Universidad Autónoma de Querétaro | Santiago de Querétaro, 3 May 2016\n\n"
        "The Municipality of Querétaro and the Spanish city of Zaragoza signed a letter of "
        "intent on Monday."
    )
    facts = extractor(ArticleText(text=text, published="2016-05-03"))
    assert [(p.a.country, p.b.name, p.kind) for p in facts.partnerships] == [
        ("MX", "Zaragoza", "mou")
    ]


def test_a_big_city_s_suburb_does_not_take_the_name_of_a_town_abroad(extractor):
    text = "Kilkenny approved a friendship agreement with Lyon on Monday."
    assert readings(extractor, text, "Kilkenny") == {("IE", "city")}  # not Adelaide's suburb


def test_a_big_city_s_district_keeps_its_name_at_home(extractor):
    text = "Chaoyang District signed a friendship agreement with Lyon on Monday."
    assert readings(extractor, text, "Chaoyang") == {("CN", "city")}


@pytest.mark.parametrize(
    "text",
    [
        "A new park opened in Kilkenny, Adelaide, with funding from Himeji.",
        "Kilkenny residents welcomed visitors from Himeji, Adelaide's sister city, on Saturday.",
    ],
)
def test_a_suburb_of_a_city_the_article_names_keeps_its_name(extractor, text):
    assert readings(extractor, text, "Kilkenny") == {("AU", "city")}


def test_a_film_star_in_a_title_cased_headline_is_still_a_person(extractor):
    text = (
        "Florence Pugh Visits Kraków\nBy Staff\n\n"
        "Actress Florence Pugh visited Kraków on Monday. Florence said she loved the city."
    )
    assert not readings(extractor, text, "Florence")
