"""Delegations of a region, forum guests, landform phrases and counties missing from GeoNames."""

import pytest

from facts.shapes import ArticleText


def facts(extractor, text):
    return extractor(ArticleText(text=text, published="2025-03-10"))


def visits(found):
    return {(p.a.name, p.b.name) for p in found.partnerships if p.kind == "visit"}


def place_names(found):
    return {(m.place.name, m.place.country, m.place.kind) for m in found.places}


def test_region_delegation_visits_as_the_region_not_its_capital(extractor):
    text = (
        "PUNE: A Maharashtra government delegation led by Industries Minister Suresh Patil "
        "visited Lyon and Grenoble last week to meet French manufacturers."
    )
    found = visits(facts(extractor, text))
    names = {(a[:5], b) for a, b in found}
    assert names == {("Mahar", "Lyon"), ("Mahar", "Grenoble")}


def test_region_delegation_carries_over_to_the_next_sentence(extractor):
    text = (
        "CHENNAI: A Tamil Nadu government delegation led by Industries Minister Ravi Kumar has "
        "returned from an investment roadshow in France, the state said on Wednesday.\n\n"
        "The 15-member delegation, which included representatives of Chennai companies, "
        "visited Lyon and Grenoble last week."
    )
    found = visits(facts(extractor, text))
    assert {b for _, b in found} == {"Lyon", "Grenoble"}
    assert all(a.startswith("Tamil") for a, _ in found)


def test_forum_guests_visit_the_host_city(extractor):
    text = (
        "BANGKOK, June 3 -- Cities are taking part in the Urban Resilience Summit this week.\n\n"
        "The mayor of Rotterdam, Anna de Vries, attended the summit in Bangkok on Tuesday.\n\n"
        "Delegates from Nairobi, Lima and Hanoi took part in a workshop at the summit.\n\n"
        "Governor of Jakarta Budi Santoso also attended the opening ceremony."
    )
    found = visits(facts(extractor, text))
    guests = {"Rotterdam", "Nairobi", "Lima", "Hanoi", "Jakarta"}
    assert found == {(g, "Bangkok") for g in guests}


def test_lowercase_landform_after_a_name_is_no_place(extractor):
    text = "Farmers across the Meerut plains and the Kangra valley lost crops after the storm."
    found = place_names(facts(extractor, text))
    assert not any(name in {"Meerut", "Kangra"} for name, _, _ in found)


def test_lowercase_region_after_a_city_is_no_place(extractor):
    found = place_names(facts(extractor, "Heavy rain fell across the Nashik region on Monday."))
    assert not any(name == "Nashik" for name, _, _ in found)


def test_region_named_after_a_city_stays_a_region(extractor):
    found = place_names(facts(extractor, "Volunteers from the Kherson region reached Gdansk."))
    assert any(kind == "region" and country == "UA" for _, country, kind in found)


def test_english_counties_are_regions_and_do_not_hold_each_other(extractor):
    text = "Officials from Kent, Cornwall, Yorkshire, Fife and Gwynedd visited Osaka."
    found = facts(extractor, text)
    counties = {"Kent", "Cornwall", "Yorkshire", "Fife", "Gwynedd"}
    assert {(c, "GB", "region") for c in counties} <= place_names(found)
    assert visits(found) == {(c, "Osaka") for c in counties}


def test_place_before_a_title_is_no_organisation(extractor):
    text = "The delegation, led by Lima Mayor Jorge Ramos, visited Marrakesh this week."
    found = facts(extractor, text)
    assert ("Jorge Ramos", "Lima") in {(p.name, p.place and p.place.name) for p in found.people}
    assert visits(found) == {("Lima", "Marrakesh")}


def test_taking_part_in_a_session_is_a_visit(extractor):
    text = "Mayors of Izmir, Tunis and Seville took part in the closing session in Marrakesh."
    hosts = {b for _, b in visits(facts(extractor, text))}
    assert hosts == {"Marrakesh"} and len(visits(facts(extractor, text))) == 3


def test_a_plan_for_next_year_does_not_make_the_visit_proposed(extractor):
    text = (
        "The Peruvian delegation, led by Lima Mayor Jorge Ramos, arrived in Marrakesh on Monday "
        "and announced plans to open a tourism office in the city next year."
    )
    found = [p for p in facts(extractor, text).partnerships if p.kind == "visit"]
    assert [(p.a.name, p.b.name, p.status) for p in found] == [("Lima", "Marrakesh", "new")]


def test_foreign_language_bank_names_are_no_places(extractor):
    text = (
        "The Recife port got loans from Banco do Brasil, Banca di Roma and Caixa Geral.\n\n"
        "Banco Santander and Banco Bilbao signed a deal with the port of Rosario."
    )
    found = facts(extractor, text)
    names = {name for name, _, _ in place_names(found)}
    assert not names & {"El Banco", "Bilbao", "Rome", "Roma"}
    assert not [p for p in found.partnerships if "Bilbao" in (p.a.name, p.b.name)]


def test_his_city_is_the_speaker_of_the_same_sentence(extractor):
    text = (
        "The delegation, led by Lima Mayor Jorge Ramos, visited Marrakesh this week.\n\n"
        "Porto Mayor Rui Costa, who led a delegation to Marrakesh, said his city had much to learn."
    )
    found = visits(facts(extractor, text))
    assert found == {("Lima", "Marrakesh"), ("Porto", "Marrakesh")}
    evidence = {p.a.name: p.evidence for p in facts(extractor, text).partnerships}
    assert evidence["Lima"].startswith("The delegation")


def links(found, kind):
    return {frozenset((p.a.name[:5], p.b.name[:5])) for p in found.partnerships if p.kind == kind}


def test_regions_that_sign_stay_parties_beside_a_city_named_later(extractor):
    text = (
        "Maharashtra and Saxony signed a cooperation agreement in 2009 covering education, and "
        "officials said they reviewed progress on a joint research centre in Pune."
    )
    assert links(facts(extractor, text), "mou") == {frozenset(("Mahar", "Saxon"))}


def test_the_two_sides_is_no_pair_when_the_sentence_names_two(extractor):
    text = (
        "Lyon companies signed supply contracts with the Maharashtra government.\n\n"
        "Maharashtra and Saxony signed a cooperation agreement in 2009, and the two sides "
        "reviewed a joint incubator in Pune."
    )
    assert links(facts(extractor, text), "mou") == {frozenset(("Mahar", "Saxon"))}


def test_region_after_capital_of_only_locates_the_city(extractor):
    text = (
        "Officials in Lyon welcomed the idea, Lyon's council said.\n\n"
        "Mayor Anil Rao said Nagpur, long known as the winter capital of Maharashtra, "
        "wanted to establish a sister-city relationship with Lyon."
    )
    assert links(facts(extractor, text), "sister_city") == {frozenset(("Nagpu", "Lyon"))}


def test_a_leader_who_visited_places_brings_his_own_place(extractor):
    text = (
        "Oregon Governor Kate Brown is leading a trade mission to Japan this week.\n\n"
        "Brown left on Sunday and has visited Tokyo, Osaka and Kobe to meet business leaders."
    )
    found = facts(extractor, text)
    assert ("Oregon", "US", "region") in place_names(found)  # a governor's: no town of Ohio
    assert visits(found) == {("Oregon", "Tokyo"), ("Oregon", "Osaka"), ("Oregon", "Kobe")}


def test_the_subject_of_a_visit_to_several_cities_is_the_visitor(extractor):
    text = (
        "Lyon Mayor Claire Dumont arrived in Japan on Sunday.\n\n"
        "Dumont has since visited Tokyo, Osaka and Kobe, and meets investors on Friday."
    )
    assert visits(facts(extractor, text)) == {
        ("Lyon", "Tokyo"),
        ("Lyon", "Osaka"),
        ("Lyon", "Kobe"),
    }


def test_a_port_toured_is_the_host(extractor):
    text = "Visiting Fukuoka Mayor Yuki Sato toured the port of Busan on Friday."
    assert visits(facts(extractor, text)) == {("Fukuoka", "Busan")}


def test_a_counterpart_from_a_place_is_a_guest_of_the_host(extractor):
    text = "Mayor Lee of Incheon hosted his counterpart from Tianjin at City Hall."
    assert visits(facts(extractor, text)) == {("Tianjin", "Incheon")}


def test_a_trade_mission_to_a_city_is_a_visit(extractor):
    text = (
        "Dayton Mayor Ruth Hale said the city would send a business mission to Augsburg in "
        "October.\n\nCouncillor Tom Reed will lead a trade mission to Busan next spring."
    )
    found = facts(extractor, text)
    planned = {(p.a.name, p.b.name, p.status) for p in found.partnerships if p.kind == "visit"}
    assert planned == {("Dayton", "Augsburg", "proposed"), ("Dayton", "Busan", "proposed")}


def test_a_mission_that_is_an_aim_is_no_visit(extractor):
    text = (
        "The Dayton foundation, whose mission is to promote reading, gave books to schools in "
        "Augsburg and Busan."
    )
    assert visits(facts(extractor, text)) == set()


def test_a_visit_to_something_new_does_not_go_to_the_last_host(extractor):
    text = (
        "A delegation from Dayton arrived in Augsburg on Monday.\n\n"
        "The students' programme includes a day in Chicago, a visit to a Wisconsin dairy farm "
        "and a baseball game."
    )
    assert visits(facts(extractor, text)) == {("Dayton", "Augsburg")}


def test_missions_to_a_country_to_several_cities_or_an_office_abroad_bring_no_visitor(extractor):
    text = (
        "PORTLAND — A trade mission from Portland arrived in Hamburg on Monday.\n\n"
        "The governor's trade mission to Japan last year included stops in Osaka and Nagoya. "
        "Past trade missions to Shanghai and Tokyo produced millions in sales. Quebec's "
        "government mission in Munich has promoted exports to Bavaria since 1997."
    )
    assert visits(facts(extractor, text)) == {("Portland", "Hamburg")}


@pytest.mark.parametrize(
    "text",
    [
        "A delegation of the Osaka Chamber of Commerce visited Kyiv on Monday.",
        "A delegation from Osaka City Council visited Kyiv on Monday.",
    ],
)
def test_a_public_body_s_delegation_visits_for_its_town(extractor, text):
    assert visits(facts(extractor, text)) == {("Osaka", "Kyiv")}


def test_member_firms_of_a_chamber_travel_for_its_town(extractor):
    text = (
        "Twenty member companies of the Tema Chamber of Commerce travelled to Lome on Monday "
        "on the chamber's first trade mission."
    )
    assert visits(facts(extractor, text)) == {("Tema", "Lomé")}


def test_a_company_s_delegation_is_no_visit_of_a_town(extractor):
    text = "A delegation of Osaka Gas visited Kyiv on Monday to sell turbines."
    assert visits(facts(extractor, text)) == set()


def test_a_delegation_that_signs_where_it_is_visits_there(extractor):
    text = "A delegation from Lviv signed the agreement in Gdansk on Tuesday."
    found = facts(extractor, text)
    assert visits(found) == {("Lviv", "Gdańsk")}
    assert {p.kind for p in found.partnerships} == {"visit", "mou"}


def test_what_an_agreement_covers_in_a_place_is_no_visit_there(extractor):
    text = "The Lviv delegation said the agreement covers schools in Gdansk."
    assert visits(facts(extractor, text)) == set()


def test_a_delegation_of_a_province_visits_the_province_of_its_hosts(extractor):
    text = (
        "A delegation of the Chinese province of Yunnan paid a working visit to the northern "
        "province of Chiang Rai from October 1 to 3."
    )
    found = extractor(ArticleText(text=text, published="2024-10-03")).partnerships
    assert [(p.a.name, p.b.name, p.kind) for p in found] == [("Yunnan", "Chiang Rai", "visit")]


def test_a_delegation_that_came_here_visited_the_article_s_own_town(extractor):
    text = (
        "Albany has been the sister city of Nakagawa, in Japan's Tochigi Prefecture, since "
        "1994. The Albany council voted for it, and the Albany mayor still keeps a gift from "
        "Nakagawa on her desk.\n\nWhen a Nakagawa delegation came here in 2022, the civic "
        "reception cost $9,000."
    )
    assert ("Nakagawa", "Albany") in visits(facts(extractor, text))


def test_a_place_a_trip_goes_on_to_is_no_visitor(extractor):
    text = (
        "The Premier of Nova Scotia is leading a trade mission to China this month. After "
        "Xiamen, the mission travels to Shanghai for the seafood expo and then to Osaka."
    )
    assert not any(a in {"Osaka", "Xiamen"} for a, _ in visits(facts(extractor, text)))


def test_a_diplomat_s_posting_is_no_visitor_s_home(extractor):
    text = (
        "A delegation from Jinan arrived in Winnipeg on Monday to sign a sister city "
        "agreement. The Canadian Consul General in Shanghai, Ana Roy, attended the signing."
    )
    assert not any(a == "Shanghai" for a, _ in visits(facts(extractor, text)))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("A business delegation from Kraków left for Lviv on Monday.", "new"),
        ("A Kraków delegation headed for Lviv on Monday with ten firms.", "new"),
        ("The Kraków delegation will leave for Lviv on Friday to meet the mayor.", "proposed"),
    ],
)
def test_a_party_that_leaves_for_a_place_visits_it(extractor, text, status):
    found = facts(extractor, text)
    assert {(p.a.name, p.b.name, p.status) for p in found.partnerships} == {
        ("Kraków", "Lviv", status)
    }


@pytest.mark.parametrize(
    "text, visitor, host",
    [
        (
            "The mayor of Lleida looked forward to receiving a delegation from Suzhou next year.",
            "Suzhou",
            "Lleida",
        ),
        (
            "Nantes signed a friendship agreement with Jinan in 2019, and hosted a Jinan "
            "delegation last year.",
            "Jinan",
            "Nantes",
        ),
    ],
)
def test_the_host_is_the_subject_of_the_verb_hosting_completes(extractor, text, visitor, host):
    assert (visitor, host) in visits(facts(extractor, text))


def test_hosting_trainees_of_a_town_is_no_visit_by_the_town(extractor):
    text = "Riccione will donate two boats to Malindi and will host four Malindi lifeguards."
    assert not visits(facts(extractor, text))


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegation arrived in Madrid on Wednesday on a flight from Buenos Aires and "
        "reached Segovia by coach.",
        "The delegation landed in Madrid on Sunday and travelled on to Segovia by train.",
    ],
)
def test_an_arrival_the_trip_goes_on_from_is_no_visit(extractor, sentence):
    text = f"A delegation from Tucumán is visiting Segovia this week.\n\n{sentence}"
    assert ("Tucumán", "Madrid") not in visits(facts(extractor, text))


def test_a_trip_and_then_hosting_strangers_keeps_the_trip_s_direction(extractor):
    text = (
        "The mayor of Lleida travelled to Suzhou in May and received a delegation of local "
        "entrepreneurs."
    )
    assert visits(facts(extractor, text)) == {("Lleida", "Suzhou")}


def test_a_visitor_expected_in_court_makes_no_visit_still_to_come(extractor):
    text = (
        "The mayor of Lyon, who led a delegation to Porto in May, is expected in court on Tuesday."
    )
    found = facts(extractor, text)
    assert all(p.status != "proposed" for p in found.partnerships if p.kind == "visit")


def test_a_visit_made_before_is_dated_by_its_own_clause(extractor):
    text = (
        "Nantes signed a friendship agreement with Jinan in 2019, and hosted a Jinan "
        "delegation last year."
    )
    found = extractor(ArticleText(text=text, published="2026-03-01"))
    [visit] = [p for p in found.partnerships if p.kind == "visit"]
    assert (visit.a.name, visit.b.name, visit.status, visit.year) == (
        "Jinan",
        "Nantes",
        "existing",
        2025,
    )


@pytest.mark.parametrize(
    "text, visit",
    [
        (
            "The mayor of Gdansk arrived in Kobe on Monday and went on to sign a friendship "
            "agreement with the city.",
            ("Gdańsk", "Kobe"),
        ),
        (
            "A delegation from Omsk arrived in Kostanay on Monday and travelled back to Omsk on "
            "Friday.",
            ("Omsk", "Kostanay"),
        ),
        ("Suzhou agreed to host a delegation from Lleida in May.", ("Lleida", "Suzhou")),
        (
            "Jaan Tamm, a software developer from Tallinn, led a city delegation to Helsinki on "
            "Monday.",
            ("Tallinn", "Helsinki"),
        ),
    ],
)
def test_an_arrival_the_trip_goes_on_from_only_with_a_place_to_go_on_to(extractor, text, visit):
    assert visit in visits(facts(extractor, text))


def test_a_delegation_expected_with_an_aside_is_still_to_come(extractor):
    text = "A delegation from Omsk, led by Mayor Ivan Orlov, is expected in Kostanay in November."
    [visit] = [p for p in facts(extractor, text).partnerships if p.kind == "visit"]
    assert (visit.status, visit.year) == ("proposed", None)


def test_a_delegation_named_by_its_country_is_the_one_place_met_there(extractor):
    text = (
        "The mayors of Curitiba and Treviso signed a letter of intent on Tuesday.\n\n"
        "The Italian delegation, with nine members, has been in Curitiba since Sunday."
    )
    assert ("Treviso", "Curitiba") in visits(facts(extractor, text))


def test_a_delegation_of_a_country_two_places_met_in_is_no_one_s(extractor):
    text = (
        "The mayors of Curitiba, Treviso and Padua signed a letter of intent on Tuesday.\n\n"
        "The Italian delegation, with nine members, has been in Curitiba since Sunday."
    )
    assert not any(b == "Curitiba" for _, b in visits(facts(extractor, text)))


def test_a_host_whose_name_the_parser_splits_is_still_the_host(extractor):
    text = "A delegation from Treviso arrived in Caxias do Sul on Sunday for the grape festival."
    assert visits(facts(extractor, text)) == {("Treviso", "Caxias do Sul")}


def test_a_country_s_delegation_to_a_place_not_met_before_is_no_town_s(extractor):
    text = (
        "Naples signed a sister city agreement with Kunming on Monday.\n\n"
        "The Italian delegation to the Boao Forum, led by the foreign minister, arrived in "
        "Haikou on Tuesday."
    )
    assert not any(b == "Haikou" for _, b in visits(facts(extractor, text)))


@pytest.mark.parametrize(
    "text, visit",
    [
        (
            "Mayor Ilse Brandt led a 30-member delegation from Aalborg to Gdynia last week.",
            ("Aalborg", "Gdynia"),
        ),
        (
            "Governor Tomas Reyes led a delegation from Cebu to Kaohsiung on 4–6 May.",
            ("Cebu", "Kaohsiung"),
        ),
    ],
)
def test_a_delegation_from_one_place_to_another_visits_the_second(extractor, text, visit):
    assert visits(facts(extractor, text)) == {visit}


def test_regular_visits_of_a_tie_in_place_are_no_visit(extractor):
    text = (
        "A delegation from Busan last visited Auckland in 2017. Auckland's other sister cities "
        "include Fukuoka and Guangzhou. The Fukuoka relationship dates from 1986 and still sees "
        "regular school visits in both directions."
    )
    assert visits(facts(extractor, text)) == {("Busan", "Auckland")}


def test_a_council_named_with_city_is_the_town_the_article_placed(extractor):
    text = (
        "The sister cities of Invercargill, New Zealand, are Kitakami in Iwate and Orange in New "
        "South Wales.\n\n"
        "A delegation from Orange City Council is due in Invercargill in May, the mayor said."
    )
    found = facts(extractor, text)
    assert ("Orange", "AU", "city") in place_names(found)
    assert ("Orange", "Invercargill") in visits(found)
    assert not any(m.place.country == "US" for m in found.places)


def test_a_visitor_awaited_in_a_place_visits_it_later(extractor):
    text = (
        "Mayor Awa Diagne of Saint-Louis signed a friendship agreement with Lorient on Monday. "
        "Diagne is expected in Lorient in September for the city's sea festival. Growth is "
        "expected in Lorient next year, the chamber said."
    )
    found = facts(extractor, text)
    assert visits(found) == {("Saint-Louis", "Lorient")}
    assert {p.status for p in found.partnerships if p.kind == "visit"} == {"proposed"}


def test_a_mayor_of_a_town_taken_with_his_name_for_one_body_still_visits(extractor):
    text = (
        "The protocol was signed by Mersin Metropolitan Mayor Vahap Seçer and Mayor of Brașov "
        "Allen Coliban, who arrived in Mersin on Tuesday at the head of a delegation."
    )
    facts = extractor(ArticleText(text=text, published="2024-05-02"))
    visits = {(p.a.name, p.b.name) for p in facts.partnerships if p.kind == "visit"}
    assert visits == {("Braşov", "Mersin")}


def test_an_accepted_invitation_to_lead_a_delegation_is_a_visit_to_come(extractor):
    text = (
        "Governor Kim accepted an invitation from Chief Minister Chow to lead a "
        "Chungcheongnam-do delegation to Penang for the forum."
    )
    facts = extractor(ArticleText(text=text, published="2024-05-02"))
    visits = {(p.a.name, p.b.name, p.status) for p in facts.partnerships if p.kind == "visit"}
    assert visits == {("Chungcheongnam-do", "Penang", "proposed")}


def test_a_consul_attending_a_signing_makes_no_visit_of_the_partners(extractor):
    text = (
        "IZMIR, Turkey — Izmir and Mombasa signed a sister city agreement at Izmir city hall on "
        "Monday.\n\n"
        "Kenya's Consul General in Istanbul, Grace Wanjiru, who attended the ceremony, said "
        "Mombasa had much to learn from the Aegean port."
    )
    assert visits(facts(extractor, text)) == set()


def test_a_host_official_attending_names_no_visitor_from_a_place_he_mentions(extractor):
    text = (
        "SUWON, South Korea — Suwon and Cusco signed a sister city agreement on Thursday.\n\n"
        "Gyeonggi-do Vice Governor Kim Dong-hyun, who attended the signing, said the province "
        "would support the new tie through its trade office in Lima."
    )
    assert visits(facts(extractor, text)) == set()


def test_what_an_attendee_says_names_no_visitor(extractor):
    text = (
        "TARBES, France — Tarbes and Erding renewed their twinning charter on Saturday.\n\n"
        "The ceremony was attended by the president of the Occitanie region, Jean Martin, who "
        "said the region would fund school exchanges with Bavaria."
    )
    assert visits(facts(extractor, text)) == set()


@pytest.mark.parametrize(
    "attended",
    [
        "The mayor of Freising, Hans Huber, also attended the ceremony.",
        "Mayors of the Bavarian towns of Freising and Dachau also attended the ceremony.",
    ],
)
def test_officials_of_a_place_attending_visit_the_host(extractor, attended):
    text = (
        "TARBES, France — Tarbes and Erding renewed their twinning charter on Saturday.\n\n"
        + attended
    )
    assert ("Freising", "Tarbes") in visits(facts(extractor, text))


def test_a_delegation_of_a_place_comes_from_it_not_from_a_partner_named_before(extractor):
    text = (
        "PAVLODAR — Pavlodar region hosted a trade fair on Monday.\n\n"
        "In May, the akim signed a roadmap with Tomsk oblast, and a delegation of the "
        "Novosibirsk oblast government is expected in the region in October."
    )
    found = visits(facts(extractor, text))
    assert {a for a, _ in found} == {"Novosibirsk"}


@pytest.mark.parametrize("host", ["the State of Salzburg", "the Province of Salzburg"])
def test_a_visit_to_the_capitalised_state_of_a_place_goes_there(extractor, host):
    text = f"A delegation from Gangwon is on a four-day visit to {host}."
    assert visits(facts(extractor, text)) == {("Gangwon", "Salzburg")}


@pytest.mark.parametrize(
    "trip",
    [
        "The delegation from Bandung stopped over in Kuala Lumpur before arriving in Fresno.",
        "The delegation from Bandung stopped in Kuala Lumpur on its way to Fresno.",
        "The delegation from Bandung arrived in Fresno on Sunday, transiting in Kuala Lumpur.",
    ],
)
def test_a_stopover_on_the_way_is_no_host(extractor, trip):
    assert visits(facts(extractor, trip)) == {("Bandung", "Fresno")}


def test_a_stop_where_the_delegation_does_something_is_a_visit(extractor):
    text = "The delegation from Bandung stopped in Kuala Lumpur, where it met the mayor."
    assert visits(facts(extractor, text)) == {("Bandung", "Kuala Lumpur")}


def test_a_visit_to_a_country_goes_to_the_town_its_where_clause_names(extractor):
    text = (
        "Khulna's mayor returned home on Sunday after a six-day visit to China, where he signed "
        "a friendship city agreement with Wuxi on behalf of Khulna."
    )
    assert visits(facts(extractor, text)) == {("Khulna", "Wuxi")}


def test_a_building_named_after_a_town_is_no_place(extractor):
    text = "The mayor of Khulna spoke to reporters at Nagar Bhaban on Monday."
    assert "Nagar" not in {m.place.name for m in facts(extractor, text).places}


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "The Mayor of Khon Kaen, Prasert Wongsawat, signed the memorandum. Mayor Prasert will "
            "lead a municipal delegation to Toyama in May.",
            ("Khon Kaen", "Toyama"),  # a Thai official by the given name
        ),
        (
            "The Mayor of Suncheon, Kim Dong-hyun, signed the memorandum. Mayor Kim will lead a "
            "delegation to Iloilo in May.",
            ("Suncheon", "Iloilo"),  # a Korean one by the family name, written first
        ),
    ],
)
def test_a_mayor_called_by_the_first_word_of_the_name_leads_the_town_s_delegation(
    extractor, text, pair
):
    assert visits(facts(extractor, text)) == {pair}


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "The Mayor of Suncheon, Kim Dong-hyun, and the Governor of South Jeolla, Kim "
            "Young-rok, met on Monday. Governor Kim will lead a delegation to Iloilo in May.",
            {("South Jeolla", "Iloilo")},  # the one whose title it is
        ),
        (
            "The Mayor of Suncheon, Kim Dong-hyun, met the Mayor of Yeosu, Kim Sang-ho, on "
            "Monday. Mayor Kim will lead a delegation to Iloilo in May.",
            set(),  # two mayors Kim: no telling which
        ),
        (
            "The Mayor of Khon Kaen, Prasert Wongsawat, met Senator Prasert Chan. Senator "
            "Prasert will lead a delegation to Toyama.",
            set(),  # the senator has no town
        ),
    ],
)
def test_a_title_and_a_first_name_name_only_the_one_person_with_both(extractor, text, found):
    assert visits(facts(extractor, text)) == found


def test_a_korean_official_called_by_the_family_name_leads_the_arriving_delegation(extractor):
    text = (
        "Sister cities\nILOILO CITY, 2015\n\nILOILO CITY – Mayor Rodolfo Salvani and Suncheon "
        "Mayor Kim Dong-hyun signed the sister-city agreement at the city hall yesterday. Kim "
        "arrived Sunday at the head of a 17-member delegation."
    )
    assert visits(facts(extractor, text)) == {("Suncheon", "Iloilo")}


def test_a_double_barrelled_surname_leaves_the_given_name_alone(extractor):
    text = (
        "Mayor Anna Smith-Jones of Eger met the mayor of Pori. Anna arrived Sunday at the head "
        "of a delegation from Kecskemét."
    )
    assert ("Eger", "Pori") not in visits(facts(extractor, text))


def test_a_visit_recalled_in_an_opening_phrase_is_no_visit_of_the_place_it_names(extractor):
    found = facts(
        extractor,
        "A delegation from Lublin, led by its mayor, arrived in Lviv on Monday. During the "
        "visit, Lviv-based bus maker Elektrotrans signed a 4 million euro contract to supply "
        "trolleybuses to the depot in Zamość.",
    )
    assert visits(found) == {("Lublin", "Lviv")}


def test_tourists_visiting_a_place_are_no_delegation(extractor):
    found = facts(
        extractor,
        "Lviv and Lublin signed a twinning agreement on Monday. Last year more than 80,000 "
        "tourists from Lublin visited Lviv. Pilgrims from Lublin visit the city every spring.",
    )
    assert not visits(found)


@pytest.mark.parametrize(
    "text",
    [
        "Fans and officials from Liverpool visited Naples for the match and the ceremony.",
        "Visitors from the Liverpool city council visited Naples on Tuesday.",
        "Backpackers visited Naples in growing numbers, while a delegation from Liverpool "
        "visited the city to sign a friendship agreement.",
    ],
)
def test_a_crowd_with_officials_or_beside_a_delegation_still_visits(extractor, text):
    assert visits(facts(extractor, text)) == {("Liverpool", "Naples")}
