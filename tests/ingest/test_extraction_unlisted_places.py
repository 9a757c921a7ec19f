"""Local units no gazetteer lists ("Treichville commune", "the district of Kawempe"): the text
says they are places, and what locates them gives their country."""

import pytest
from spacy.tokens import Span

from facts.shapes import ArticleText
from ingest.pipeline import _person_name_parts


def extracted(extractor, text):
    facts = extractor(ArticleText(text=text, published="2025-03-10"))
    places = {(m.place.name, m.place.country) for m in facts.places}
    links = {(p.kind, p.a.name, p.b.name) for p in facts.partnerships}
    return places, links


def test_a_commune_located_in_its_city_is_the_party_not_the_city(extractor):
    text = (
        "ABIDJAN, March 8 — The commune of Treichville, in Abidjan, and the French city of "
        "Besançon on Friday signed a twinning charter on school canteens."
    )
    places, links = extracted(extractor, text)
    assert ("Treichville", "CI") in places
    assert links == {("sister_city", "Treichville", "Besançon")}


def test_a_district_located_by_its_country_takes_that_country(extractor):
    text = (
        "Ikeja Local Government signed a friendship agreement with Rwanda's Kicukiro District "
        "on Tuesday."
    )
    places, links = extracted(extractor, text)
    assert ("Kicukiro", "RW") in places
    assert ("friendship_city", "Ikeja", "Kicukiro") in links


@pytest.mark.parametrize(
    ("text", "ward"),
    [
        # a ward the data lacks: its romanised kind word says it is a place
        ("Bupyeong-gu signed a friendship agreement with Naka-ku in Yokohama.", "Naka-ku"),
        # a ward the data has only among towns of a few people: the kind word vouches for it
        ("Gwangjin-gu signed a friendship agreement with Minato-ku in Tokyo.", "Minato-ku"),
    ],
)
def test_a_ward_written_with_its_hyphened_kind_word_is_the_party_not_its_city(
    extractor, text, ward
):
    places, links = extracted(extractor, text)
    assert (ward, "JP") in places
    assert [ward in (a, b) for _, a, b in links] == [True]  # the ward, not the city it is in


def test_a_city_that_locates_a_district_far_after_it_is_no_party(extractor):
    text = (
        "Ikeja has entered into a twinning agreement with Nyarugenge District, one of the three "
        "districts of Kigali, the chairman said."
    )
    _, links = extracted(extractor, text)
    assert links == {("sister_city", "Ikeja", "Nyarugenge")}


def test_districts_listed_with_one_kind_word_are_each_a_place(extractor):
    text = (
        "Rice farmers from Thuy Nguyen and Cat Hai districts of Hai Phong will go to Niigata, "
        "while Kyoto sent experts to the districts of Kulon Progo and Gunungkidul in "
        "Yogyakarta."
    )
    places, _ = extracted(extractor, text)
    assert {("Thuy Nguyen", "VN"), ("Cat Hai", "VN")} <= places
    assert {("Kulon Progo", "ID"), ("Gunungkidul", "ID")} <= places


def test_a_unit_named_again_without_its_kind_word_is_the_same_place(extractor):
    text = (
        "Ulaanbaatar's Chingeltei District signed a friendship agreement with Mapo-gu of Seoul. "
        "Chingeltei will send twelve teachers to Mapo-gu next spring."
    )
    places, links = extracted(extractor, text)
    assert [p for p in places if p[0] == "Chingeltei"] == [("Chingeltei", "MN")]
    assert ("friendship_city", "Chingeltei", "Mapo-gu") in links


def test_a_unit_of_a_province_is_in_that_provinces_country(extractor):
    text = (
        "Binh Dinh has granted scholarships to students from Attapeu and built a clinic in "
        "Phouvong district of Attapeu province. Da Nang paid for the road."
    )
    places, _ = extracted(extractor, text)
    assert ("Phouvong", "LA") in places


def test_english_words_before_a_district_name_no_place(extractor):
    text = (
        "Officials from the Central Business District, the Financial District and the Lake "
        "District met delegates from Hamamatsu in Leeds."
    )
    places, _ = extracted(extractor, text)
    assert {name for name, _ in places} == {"Hamamatsu", "Leeds"}


def test_a_municipality_named_after_a_known_place_is_that_place(extractor):
    text = (
        "Arklow Municipal District and Arklow Minicipal District councillors welcomed a "
        "delegation from Châteaudun to Arklow on Friday."
    )
    places, _ = extracted(extractor, text)
    assert {name for name, _ in places} == {"Arklow", "Châteaudun"}


def test_the_end_of_a_longer_name_is_no_unit_of_its_own(extractor):
    text = (
        "Nghe An officials laid flowers at a relic site in Do Luong district of Vietnam with "
        "guests from Vientiane."
    )
    places, _ = extracted(extractor, text)
    assert "Luong" not in {name for name, _ in places}


@pytest.mark.parametrize(
    "text",
    [
        "A delegation from Osaka visited Kicukiro District on Tuesday to study its markets.",
        "A delegation from the Chinese city of Chengdu visited Kicukiro District on Tuesday.",
        "Officials of Kicukiro District, Speyer's partner since 2019, met the mayor of Osaka.",
        "Ministers from Huye District, Osaka and Chengdu met in Geneva.",
    ],
)
def test_a_unit_nothing_locates_is_no_place(extractor, text):
    places, _ = extracted(extractor, text)
    assert not [name for name, _ in places if name in {"Kicukiro", "Huye"}]


def test_a_unit_listed_with_a_known_place_before_their_kind_word_is_of_its_country(extractor):
    text = (
        "PARIS — The Treichville and Abobo communes signed twinning charters with Rouen and "
        "Nantes on Monday, the French foreign ministry said."
    )
    places, _ = extracted(extractor, text)
    assert ("Treichville", "CI") in places


def test_names_that_a_unit_word_follows_but_are_no_units(extractor):
    text = (
        "DALLAS — The mayors of Dallas and Taipei renewed their sister-city agreement at the "
        "Hyatt Regency on Friday. Barangay Chairman Edgardo Pineda of Cebu City, Barangay "
        "Health Workers from Iloilo City and students of the Northshore School District and "
        "Miami's Wynwood Arts District joined them."
    )
    places, _ = extracted(extractor, text)
    assert {name for name, _ in places} <= {"Dallas", "Taipei", "Cebu City", "Iloilo", "Miami"}


def test_a_place_after_a_comma_that_goes_on_locates_nothing(extractor):
    text = "Gasabo District, Ottignies-Louvain-la-Neuve's partner in Rwanda, opened a clinic."
    places, _ = extracted(extractor, text)
    assert ("Gasabo", "BE") not in places


def test_a_town_taken_for_a_place_once_is_one_where_the_model_is_silent(extractor):
    text = (
        "The City of Differdange signed a friendship charter with Mindelo on Monday. "
        "Differdange has been twinned with Lousada and the Italian town of Assisi since 1999."
    )
    found = extractor(ArticleText(text=text, published="2023-06-15"))
    partners = {p.b.name for p in found.partnerships if p.a.name == "Differdange"}
    assert {"Mindelo", "Assisi"} <= partners


def test_a_place_and_where_it_lies_taken_for_one_organisation_are_places(nlp):
    # the model reads some such runs as one ORG ("Besançon in Franche-Comté"): force one
    with nlp.select_pipes(disable=["citylink_places"]):
        doc = nlp("Tahoua has been twinned with Besançon in Doubs since 1995.")
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 5, 8, "ORG")]
    doc = nlp.get_pipe("citylink_places")(doc)
    assert [s.text for s in doc.spans["places"]] == ["Tahoua", "Besançon", "Doubs"]


def test_words_of_another_language_taken_for_a_person_name_no_ones_name(nlp):
    # "Tank yu tumas long Hilo" (Bislama) read as a person "tumas long Hilo": Hilo stays a
    # town wherever else the model calls it an organisation
    with nlp.select_pipes(disable=["citylink_places"]):
        doc = nlp('Hilo signed. "Tank yu tumas long Hilo," said Mayor Peter Tari.')
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 6, 9, "PERSON"), Span(doc, 13, 15, "PERSON")]
    assert _person_name_parts(doc, lambda name: False, lambda word: False) == {"Peter", "Tari"}


def test_an_event_named_after_its_town_taken_for_a_person_makes_no_one_s_name(nlp):
    # "Zemun Days" read as a person: Zemun stays a town, which the model calls a person too
    with nlp.select_pipes(disable=["citylink_places"]):
        doc = nlp("Mayor Ana Ristic of Ohrid signed with Zemun. She flies to Zemun for Zemun Days.")
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 7, 8, "PERSON"), Span(doc, 14, 16, "PERSON")]
    assert [e.text for e in doc.ents] == ["Ana Ristic", "Zemun", "Zemun Days"]
    assert _person_name_parts(doc, lambda name: False, lambda word: False) == {"Ana", "Ristic"}
    places = [s.start for s in nlp.get_pipe("citylink_places")(doc).spans["places"]]
    assert {7, 12} <= set(places)  # "signed with Zemun", "flies to Zemun"
