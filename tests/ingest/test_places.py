"""Place resolution in context, through the real pipeline: each trap of partnership news."""

import pytest

from facts.shapes import ArticleText


def places(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {(m.place.name, m.place.country): m.place for m in facts.places}


def country_of(extractor, text, name):
    found = [p for (n, _), p in places(extractor, text).items() if n == name]
    assert found, f"{name} not found in {places(extractor, text)}"
    return found[0]


def test_antioch_among_bay_area_cities_is_in_california(extractor):
    text = (
        "Council members from Antioch, Pittsburg and Concord met investors in Oakland "
        "on Tuesday to discuss a new ferry link across the bay."
    )
    place = country_of(extractor, text, "Antioch")
    assert (place.country, place.admin1) == ("US", "CA")


def test_antioch_in_turkey_is_antakya(extractor):
    text = (
        "Rescue teams from Izmir reached Antioch, the ancient city in Turkey's Hatay "
        "province, as Turkish officials counted the damage."
    )
    names = places(extractor, text)
    assert ("Antakya", "TR") in names
    assert not any(c == "US" for _, c in names)


def test_dunedin_beside_new_zealand(extractor):
    text = "The mayor of Dunedin flew home to New Zealand after the trade fair in Osaka."
    assert country_of(extractor, text, "Dunedin").country == "NZ"


def test_dunedin_florida_with_its_qualifier(extractor):
    text = "Dunedin, Florida, celebrated Highland Games weekend with pipers from Stirling."
    assert country_of(extractor, text, "Dunedin").admin1 == "FL"


def test_portland_maine_is_not_portland_oregon(extractor):
    text = "Officials in Portland, Maine, said the harbor project would start in spring."
    assert country_of(extractor, text, "Portland").admin1 == "ME"


def test_san_jose_costa_rica_against_san_jose_california(extractor):
    cr = "Tourism in San Jose, Costa Rica, recovered as flights from Madrid resumed."
    ca = "Tech firms in San Jose, California, hired fewer engineers this quarter."
    assert country_of(extractor, cr, "San José").country == "CR"
    assert country_of(extractor, ca, "San Jose").country == "US"


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("Mayor London Breed said the budget would pass on Tuesday.", "London"),
        ("Jules Radich thanked the council for its support.", "Jules"),
        ("Researchers at the University of California presented the study.", "California"),
    ],
)
def test_names_inside_people_and_organisations_are_not_places(extractor, text, not_a_place):
    assert not any(name == not_a_place for name, _ in places(extractor, text))


def test_countries_are_recorded_but_never_places(extractor):
    text = "Japan and Brazil agreed that Osaka and Sao Paulo would share port data."
    found = places(extractor, text)
    assert {"Osaka", "São Paulo"} <= {name for name, _ in found}
    assert not {"Japan", "Brazil"} & {name for name, _ in found}


def test_region_suffix_picks_the_region(extractor):
    text = "A delegation from Guangdong Province arrived in Vancouver on Monday."
    place = country_of(extractor, text, "Guangdong")
    assert place.kind == "region"


def test_dotted_state_abbreviation_in_a_dateline(extractor):
    text = "PORTSMOUTH, N.H. — Harbour officials met visiting engineers on Monday."
    place = country_of(extractor, text, "Portsmouth")
    assert (place.country, place.admin1) == ("US", "NH")


def test_a_qualifier_decides_every_mention_of_the_name(extractor):
    text = (
        "CANTON, Ohio — Steel makers in Canton hosted buyers from Guangzhou and Shenzhen.\n\n"
        "Canton firms hope to sell bearings to factories across southern China."
    )
    assert country_of(extractor, text, "Canton").admin1 == "OH"


def test_names_listed_together_share_their_region(extractor):
    text = "Mayors of Antioch, Pittsburg, Brentwood and Oakley flew to Antakya in Turkey."
    names = places(extractor, text)
    assert ("Antioch", "US") in names and ("Antakya", "TR") in names


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("Councillor Tom Lincoln met visitors from Kobe. Lincoln said they loved it.", "Lincoln"),
        ("Fishing boats from Tampa lined the Gulf coast as Western buyers arrived.", "Gulf"),
        ("Fishing boats from Tampa lined the Gulf coast as Western buyers arrived.", "Western"),
        ("Antioch, a city of 115,000, lies on the San Joaquin River.", "San Joaquín"),
        ("Visitors from Osaka said they loved a small Florida city.", "Florida City"),
    ],
)
def test_words_that_only_look_like_places(extractor, text, not_a_place):
    assert not any(name == not_a_place for name, _ in places(extractor, text))


def test_a_name_holding_cities_is_a_region(extractor):
    text = "Other regional cities in Victoria already have sister cities, Ballarat officials said."
    place = country_of(extractor, text, "Victoria")
    assert (place.country, place.kind) == ("AU", "region")


def test_a_notable_city_the_tagger_calls_a_common_noun_is_still_a_place(extractor):
    assert ("Bremen", "DE") in places(extractor, "Bremen is twinned with Gdansk.")


@pytest.mark.parametrize(
    "text",
    [
        "Reading the report, councillors in Leeds backed the plan.",
        "Nice weather greeted the delegation from Leeds when it arrived in Lyon.",
    ],
)
def test_a_city_name_used_as_a_verb_or_adjective_is_none(extractor, text):
    found = {name for name, _ in places(extractor, text)}
    assert not found & {"Reading", "Nice"}


def test_a_city_named_after_its_country_is_the_city(extractor):
    found = places(extractor, "Mexico City and Madrid agreed to deepen cultural exchanges.")
    assert ("Mexico City", "MX") in found


def test_two_cities_the_model_reads_as_one_organisation_are_two_places(extractor):
    text = "Lviv and Wrocław, twinned since 2002, launched a new student exchange on Monday."
    found = places(extractor, text)
    assert ("Lviv", "UA") in found and ("Wrocław", "PL") in found


def test_a_city_state_is_a_city_as_well_as_a_country(extractor):
    text = "Singapore and Suzhou signed a memorandum of understanding on Monday."
    found = extractor(ArticleText(text=text, published="2025-03-10"))
    assert ("Singapore", "SG") in {(m.place.name, m.place.country) for m in found.places}
    assert [(p.a.name, p.b.name, p.kind) for p in found.partnerships] == [
        ("Singapore", "Suzhou", "mou")
    ]


def test_a_world_city_beats_a_namesake_in_the_country_of_the_other_places(extractor):
    text = (
        "Flights between London and New York were cancelled on Monday because of a storm. "
        "Passengers travelling to Boston would be rebooked, the airline said."
    )
    assert ("London", "GB") in places(extractor, text)
    qualified = "London, Ontario, signed a memorandum with Detroit."
    assert ("London", "CA") in places(extractor, qualified)


def test_a_newspaper_taken_for_a_person_does_not_hide_its_town(extractor):
    text = (
        "By Tom Weir | Ulsan Morning Herald | 2025-01-02\n\nUlsan signed a memorandum with Tacoma."
    )
    assert country_of(extractor, text, "Ulsan").country == "KR"


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("McAllen, Texas, and Saltillo, Mexico, signed a sister city agreement.", "McAllen", "US"),
        ("A trade mission from LaSalle, Ontario, toured factories in Aachen.", "LaSalle", "CA"),
    ],
)
def test_a_name_with_inner_capitals_is_looked_up(extractor, text, name, country):
    assert country_of(extractor, text, name).country == country


def test_a_surname_with_inner_capitals_is_no_town_named_so_in_passing(extractor):
    text = "The McDonald family and the MacArthur Foundation paid for the Leeds–Dortmund exchange."
    assert {name for name, _ in places(extractor, text)} <= {"Leeds", "Dortmund"}
