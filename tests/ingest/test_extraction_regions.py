"""Regions under their English names and regions named after their capital city."""

import pytest

from facts.shapes import ArticleText


def places(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {(m.place.name, m.place.country, m.place.kind) for m in facts.places}


def test_region_is_named_by_its_english_exonym(extractor):
    found = places(extractor, "Engineers from Bavaria and Saxony met partners in Pune.")
    assert ("Bavaria", "DE", "region") in found
    assert not any(name == "Bayern" for name, _, _ in found)


def test_oblast_named_after_a_city_is_the_region(extractor):
    text = "Firefighters of Odesa Oblast trained with colleagues from Varna."
    found = places(extractor, text)
    assert ("Odesa", "UA", "region") in found  # the plain name: no city Odesa is named
    assert ("Odesa", "UA", "city") not in found


def test_state_word_after_the_name_makes_every_mention_the_region(extractor):
    text = (
        "Lagos State signed a memorandum with the state of Georgia on Tuesday. The Lagos State "
        "commissioner said Lagos would send engineers to Atlanta next year."
    )
    found = places(extractor, text)
    assert ("Lagos", "NG", "region") in found
    assert ("Lagos", "NG", "city") not in found


def test_a_town_the_body_names_bare_first_stays_the_town_beside_its_province(extractor):
    text = (
        "Bergamo and Split signed a memorandum of understanding on Monday. The Province of "
        "Bergamo and Split-Dalmatia County have worked together since 2010."
    )
    found = extractor(ArticleText(text=text, published="2024-05-02"))
    listed = {(m.place.name, m.place.kind) for m in found.places}
    assert {("Bergamo", "city"), ("Bergamo Province", "region")} <= listed
    mou = [p for p in found.partnerships if p.kind == "mou" and p.status == "new"]
    assert [(p.a.name, p.a.kind, p.b.name) for p in mou] == [("Bergamo", "city", "Split")]


def test_a_province_the_body_names_first_with_its_kind_word_is_its_bare_name_too(extractor):
    text = (
        "The People's Committee of Kon Tum province and the Administrative Committee of Sekong "
        "province signed a cooperation agreement on Monday. The Sekong delegation arrived in "
        "Kon Tum on Sunday."
    )
    found = places(extractor, text)
    assert ("Kon Tum", "VN", "region") in found
    assert ("Kon Tum", "VN", "city") not in found


def test_state_of_a_name_is_the_region_whatever_the_other_places_say(extractor):
    text = (
        "A delegation from the state of Victoria toured Vancouver and Calgary this week. "
        "Victoria and British Columbia agreed to exchange forestry researchers."
    )
    found = places(extractor, text)
    assert ("Victoria", "AU", "region") in found
    assert ("Victoria", "CA", "city") not in found


def test_a_name_called_both_a_province_and_a_city_stays_one_place(extractor):
    text = (
        "Growers from the province of Córdoba met buyers in Lyon. The city of Córdoba will "
        "host the return fair, and Córdoba officials expect 40 French firms."
    )
    assert len([name for name, _, _ in places(extractor, text) if name == "Córdoba"]) == 1


def test_a_province_is_no_small_town_of_its_name_elsewhere(extractor):
    text = "Nairobi signed a farming pact with Jiangxi on Monday."
    found = places(extractor, text)
    assert ("Jiangxi", "CN", "region") in found
    assert ("Jiangxi", "CN", "city") not in found


def test_a_town_in_the_county_of_its_name_is_still_the_town(extractor):
    text = "Farmers from Meru sold coffee in Arusha on Monday."
    assert ("Meru", "KE", "city") in places(extractor, text)


def test_a_region_s_government_named_by_its_adjective_is_the_region(extractor):
    text = (
        "The South Australian Government and the province of Mendoza signed a letter of intent "
        "on irrigation in Adelaide on Monday."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    pairs = {(frozenset({p.a.name, p.b.name}), p.kind) for p in found.partnerships}
    assert (frozenset({"South Australia", "Mendoza"}), "mou") in pairs
    # an adjective is no place the text names: the region is a party, not a listed place
    assert ("South Australia", "AU", "region") not in {
        (m.place.name, m.place.country, m.place.kind) for m in found.places
    }


def test_a_region_s_adjective_gives_an_official_her_region(extractor):
    text = "Anna Huber, state secretary in the Bavarian economics ministry, visited Pune."
    people = extractor(ArticleText(text=text)).people
    assert [(p.name, p.place.name if p.place else None) for p in people] == [
        ("Anna Huber", "Bavaria")
    ]


def test_an_adjective_before_no_government_or_a_country_s_adjective_is_no_region(extractor):
    text = (
        "Gunman Shot State Trooper\n\n"
        "Bavarian beer and Victorian houses drew visitors to Pune, and the Georgian government "
        "signed a memorandum with Pune on Monday."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    parties = {p.a.name for p in found.partnerships} | {p.b.name for p in found.partnerships}
    assert not parties & {"Bavaria", "Victoria", "Georgia"}


def test_a_state_and_its_namesake_city_stay_two_places(extractor):
    text = (
        "Kano State and Hunan Province signed a friendship agreement on Monday.\n\n"
        "The Hunan delegation toured factories in Kano, the state capital."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    listed = {(m.place.name, m.place.country, m.place.kind) for m in found.places}
    assert {("Kano State", "NG", "region"), ("Kano", "NG", "city")} <= listed
    friendship = [p for p in found.partnerships if p.kind == "friendship_city"]
    assert [{p.a.name, p.b.name} for p in friendship] == [{"Kano State", "Hunan"}]


def test_the_state_of_a_many_word_name_and_its_city(extractor):
    text = "Officials of the State of Rio de Janeiro met investors in Rio de Janeiro on Monday."
    assert {("Rio de Janeiro State", "BR", "region"), ("Rio de Janeiro", "BR", "city")} <= places(
        extractor, text
    )


def test_a_kind_word_decides_its_own_mention_against_another_s_qualifier(extractor):
    text = (
        "Cambodia's Siem Reap province signed a memorandum with Luxor Governorate.\n\n"
        "The two sides will study a sister-city link between Luxor and the town of Siem Reap."
    )
    found = places(extractor, text)
    assert ("Siem Reap", "KH", "city") in found
    assert any(name.startswith("Siem Reap") and kind == "region" for name, _, kind in found)


def test_a_name_without_a_kind_word_elsewhere_stays_one_place(extractor):
    text = "Lagos signed a memorandum with Hunan. Engineers from Lagos will train in Changsha."
    assert ("Lagos", "NG", "city") in places(extractor, text)
    assert not any(
        name.startswith("Lagos") and kind == "region" for name, _, kind in places(extractor, text)
    )


def test_a_state_government_is_the_state_beside_its_namesake_city(extractor):
    text = (
        "The Kano State Government signed a friendship agreement with Hunan Province on Monday.\n\n"
        "The Hunan delegation toured factories in Kano."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    friendship = [p for p in found.partnerships if p.kind == "friendship_city"]
    assert [({p.a.name, p.b.name}, p.a.kind) for p in friendship] == [
        ({"Kano State", "Hunan"}, "region")
    ]


def test_an_adjective_opening_a_sentence_is_read_on_its_own(extractor):
    text = (
        "A Sicilian regional government delegation visited Tunis.\n\n"
        "Andalusian officials signed an agreement with Tangier."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13")).partnerships
    assert [({p.a.name, p.b.name}, p.kind) for p in found] == [({"Andalusia", "Tangier"}, "mou")]


def test_a_mayor_beside_a_state_s_name_is_the_city_s(extractor):
    text = (
        "The state of Puebla signed a sister-state agreement with Lower Saxony.\n\n"
        "Puebla mayor Pepe Chedraui travelled to Hanover."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    assert [(p.name, p.place.name, p.place.kind) for p in found.people] == [
        ("Pepe Chedraui", "Puebla", "city")
    ]


def test_a_governor_beside_a_city_s_name_is_the_province_s(extractor):
    text = (
        "Iloilo City signed a sister city agreement with Kaohsiung.\n\n"
        "Iloilo Governor Arthur Defensor welcomed the pact."
    )
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    assert [(p.name, p.place.name, p.place.kind) for p in found.people] == [
        ("Arthur Defensor", "Iloilo Province", "region")
    ]
    assert ("Iloilo", "PH", "city") in {
        (m.place.name, m.place.country, m.place.kind) for m in found.places
    }


def test_a_dateline_is_the_city_beside_the_region_named_after_it(extractor):
    text = (
        "ALMATY — A delegation of the Almaty region met investors from Tianjin on Monday.\n\n"
        "Almaty region governor Marat Akhmetzhanov said the region would open an office."
    )
    found = places(extractor, text)
    assert {("Almaty", "KZ", "city"), ("Almaty Region", "KZ", "region")} <= found


def test_a_voivode_beside_a_city_s_name_governs_the_voivodeship(extractor):
    text = "Lublin Voivode Krzysztof Komorski met a delegation from Lviv Oblast in Lublin."
    found = extractor(ArticleText(text=text, published="2025-03-13"))
    assert [(p.name, p.place.name, p.place.kind) for p in found.people] == [
        ("Krzysztof Komorski", "Lublin Voivodeship", "region")
    ]


def test_a_direction_is_a_region_only_with_a_kind_word(extractor):
    text = (
        "Tema and Hamburg signed a twinning deal. Investors from the South West came too, and "
        "guests toured the Central library. Cape Coast, the capital of the Central Region of "
        "Ghana, and the Eastern Province of Rwanda sent observers."
    )
    found = places(extractor, text)
    assert {("Central Region", "GH", "region"), ("Eastern Province", "RW", "region")} <= found
    assert not any(
        name in {"South West", "Central"} and country != "GH" for name, country, _ in found
    )


def test_a_region_named_in_short_is_the_region_under_its_full_name(extractor):
    text = (
        "SHERBROOKE, Que. – Sherbrooke signed a twinning pact with Troyes. Firms across Quebec "
        "will take part, the mayor said."
    )
    found = places(extractor, text)
    assert ("Quebec", "CA", "region") in found
    assert not any(
        kind == "city" and country == "CA" and name != "Sherbrooke" for name, country, kind in found
    )


def test_the_province_of_a_city_s_name_is_the_province(extractor):
    text = (
        "Rice growers from the province of Iloilo met buyers in Hsinchu, and Iloilo City "
        "signed a sister city agreement with Hsinchu on Monday."
    )
    found = places(extractor, text)
    assert ("Iloilo Province", "PH", "region") in found
    assert ("Iloilo", "PH", "city") in found


def test_the_county_of_a_name_the_text_also_writes_bare_is_the_city(extractor):
    text = "A delegation from the county of Cork visited San Francisco, Cork's sister city."
    found = places(extractor, text)
    assert ("Cork", "IE", "city") in found
    assert not any(name == "Cork County" for name, _, _ in found)


def test_a_region_the_model_takes_for_a_person_keeps_its_city_a_place(extractor):
    text = (
        "Elbląg city council voted to end the city's partnership agreement with Kaliningrad, "
        "ending ties with the Russian exclave's capital.\n\n"
        "In 2019 a delegation from Kaliningrad came to Elbląg.\n\n"
        "The regional assembly suspended the province's cooperation agreement with "
        "Kaliningrad Oblast, signed in 2001."
    )
    found = places(extractor, text)
    assert {("Kaliningrad", "RU", "city"), ("Kaliningrad Oblast", "RU", "region")} <= found


def test_a_city_an_apposition_names_beside_its_namesake_region_is_the_city(extractor):
    text = (
        "Irbid, Jordan's second-largest city, is the capital of Irbid Governorate.\n\n"
        "The London council endorsed exploring a partnership with Irbid on Monday."
    )
    found = places(extractor, text)
    assert {("Irbid", "JO", "city"), ("Irbid Governorate", "JO", "region")} <= found


@pytest.mark.parametrize(
    ("text", "county", "town"),
    [
        ("Officials from County Clare signed a twinning charter with Lorient.", "Clare", None),
        ("Councillors in Killarney, Co Kerry, voted to twin with Lorient.", "Kerry", "Killarney"),
        ("Arklow, Co. Wicklow, signed a twinning charter with Chateaudun.", "Wicklow", "Arklow"),
        ("Council officials from County Mayo signed a charter with Boston.", "Mayo", None),
    ],
)
def test_an_irish_county_written_with_its_word_in_front_is_the_county(
    extractor, text, county, town
):
    found = places(extractor, text)
    assert (county, "IE", "region") in found
    assert town is None or (town, "IE", "city") in found  # the county places its town


def test_a_county_word_before_a_name_no_region_has_makes_no_town_of_it(extractor):
    found = places(extractor, "Omagh in County Tyrone signed a twinning charter with Lorient.")
    assert not any(name == "Tyrone" for name, _, _ in found)


def test_a_county_after_its_town_only_says_where_the_town_is(extractor):
    text = "Kilkee, Co Clare, signed a twinning charter with the French town of Plouha on Saturday."
    facts = extractor(ArticleText(text=text))
    assert not any("Clare" in (p.a.name, p.b.name) for p in facts.partnerships)


def test_a_company_s_co_before_a_town_is_no_county_word(extractor):
    text = (
        "Workers at Hyundai Heavy Industries Co. Ulsan shipyard welcomed a delegation from "
        "Mobile, Alabama, which has been Ulsan's sister city since 2015."
    )
    facts = extractor(ArticleText(text=text, published="2023-05-04"))
    assert {(p.kind, p.a.name, p.b.name) for p in facts.partnerships} >= {
        ("visit", "Mobile", "Ulsan")
    }


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Maryland and Anhui Province have been sister states since 1980.", ("Maryland", "US")),
        ("Governor Reilly of Maryland visited Anhui.", ("Maryland", "US")),
        # the text still decides: Liberia's county beside Liberia's capital
        ("The Maryland County superintendent met officials in Monrovia.", ("Maryland", "LR")),
    ],
)
def test_of_namesake_regions_the_text_cannot_tell_apart_the_bigger_one_is_meant(
    extractor, text, region
):
    assert (*region, "region") in places(extractor, text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "Victoria's state government signed a wine-industry memorandum with the Region of "
            "Sicily in 2017.",
            ("Victoria", "AU"),
        ),
        ("Lagos's state government signed a memorandum with Guangdong.", ("Lagos", "NG")),
    ],
)
def test_a_name_owning_a_state_government_is_the_region(extractor, text, region):
    found = places(extractor, text)
    assert (*region, "region") in found
    assert not any(name.endswith("s") and name[:-1] == region[0] for name, _, _ in found)


def test_the_oblast_stands_for_the_region_written_with_that_word(extractor):
    text = (
        "Vologda Oblast signed an agreement with Shanxi on Tuesday. The oblast's cooperation "
        "agreement with North Karelia, signed in 2007, was frozen in 2014."
    )
    facts = extractor(ArticleText(text=text, published="2016-05-04"))
    found = {(p.b.name, p.kind, p.status, p.year) for p in facts.partnerships}
    assert ("North Karelia", "mou", "ended", 2007) in found


def test_a_region_written_both_ways_keeps_its_official_name(extractor):
    text = (
        "Vologda Oblast and Shanxi signed an agreement on Tuesday in Vologda. Companies from the "
        "Vologda region and Shanxi signed six contracts the same day."
    )
    found = places(extractor, text)
    assert ("Vologda Oblast", "RU", "region") in found
    assert not any(name == "Vologda region" for name, _, _ in found)


def test_a_division_of_bangladesh_is_a_region_apart_from_its_city(extractor):
    text = (
        "The city of Khulna signed a friendship agreement with Wuxi on Monday. Khulna Division "
        "commissioner Anisur Rahman said the division would seek an agreement of its own."
    )
    facts = extractor(ArticleText(text=text, published="2019-12-03"))
    found = {(m.place.name, m.place.country, m.place.kind) for m in facts.places}
    assert {("Khulna", "BD", "city"), ("Khulna Division", "BD", "region")} <= found
    commissioner = next(p for p in facts.people if p.name == "Anisur Rahman")
    assert commissioner.place.name == "Khulna Division"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Fiji's Western Division signed a memorandum with Queensland.", "Western Division"),
        ("The Central Province of Sri Lanka signed a memorandum with Kerala.", "Central Province"),
        ("Ghana's Western Region signed a memorandum with Bavaria.", "Western Region"),
    ],
)
def test_a_region_named_by_a_direction_keeps_its_designator(extractor, text, region):
    assert region in {name for name, _, kind in places(extractor, text) if kind == "region"}


def test_an_oblast_and_a_voivodeship_by_their_english_names_are_the_regions(extractor):
    text = "The Lower Silesian Voivodeship signed a partnership agreement with Kharkiv Oblast."
    found = places(extractor, text)
    assert {("Lower Silesian Voivodeship", "PL", "region"), ("Kharkiv", "UA", "region")} == found


def test_a_town_the_body_names_bare_first_stays_the_town_beside_its_oblast(extractor):
    text = (
        "A delegation from Wrocław arrived in Poltava on Monday. The governor of Poltava Oblast "
        "signed a memorandum with the Lower Silesian Voivodeship."
    )
    found = places(extractor, text)
    assert {("Poltava", "UA", "city"), ("Poltava Oblast", "UA", "region")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "The Lviv region is home to 2.5 million people. Lviv and Wrocław signed a cooperation "
        "agreement in 2022.",
        "The Kharkiv region has been hit by drones. Kharkiv and Kaunas signed a memorandum on "
        "Monday.",
    ],
)
def test_a_town_named_after_its_oblast_stays_the_town(extractor, text):
    found = places(extractor, text)
    assert {kind for name, _, kind in found if name in {"Lviv", "Kharkiv"}} == {"city"}


def test_a_province_s_bare_name_after_its_kind_word_is_still_the_province(extractor):
    text = (
        "Alba County and the Province of Castellón signed a cooperation agreement. Castellón "
        "will send a delegation."
    )
    assert places(extractor, text) == {("Alba", "RO", "region"), ("Castellón", "ES", "region")}


def test_an_autonomous_region_named_in_full_before_its_country_is_the_region(extractor):
    text = (
        "Kumamoto Prefecture has concluded friendship agreements with the Guangxi Zhuang "
        "Autonomous Region of China and with Chungcheongnam-do."
    )
    assert ("Guangxi", "CN", "region") in places(extractor, text)


def test_a_province_s_abbreviation_after_a_town_is_not_shown_as_written(extractor):
    found = places(extractor, "A delegation from Kingston, Ont., visited Fez.")
    assert ("Ontario", "CA", "region") in found


@pytest.mark.parametrize(
    "text",
    [
        "Lyon signed a cooperation agreement with the Kurdistan Region of Iraq.",
        "The Federal Capital Territory of Nigeria signed a sister city agreement with Brasília.",
    ],
)
def test_a_region_named_before_another_country_is_not_that_country_s_namesake(extractor, text):
    assert not any(country in {"IR", "US"} for _, country, _ in places(extractor, text))
