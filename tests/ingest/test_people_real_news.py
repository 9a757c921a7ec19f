"""People with roles as news from many countries names them, on sentences of our own."""

import pytest

from facts.shapes import ArticleText


def people(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {p.name: (p.role, p.place.name if p.place else None) for p in facts.people}


# --- whole names only ---------------------------------------------------------------------


def test_a_title_cased_headline_names_nobody(extractor):
    text = "Mayor Welcomes Sister City Delegation From Kobe\n\nThe talks in Seattle went well."
    assert people(extractor, text) == {}


def test_a_council_before_a_comma_is_no_person(extractor):
    text = (
        "Cathaoirleach of Kildare County Council, Cllr Sean Doyle, welcomed the guests "
        "from Lorient to Naas."
    )
    found = people(extractor, text)
    assert "Sean Doyle" in found
    assert not [name for name in found if "Council" in name]


def test_a_caption_listing_people_gives_nobody_the_next_ones_name_as_role(extractor):
    text = "Pictured: Niamh Byrne, Cllr Liam Walsh and Mayor Odile Roux of Quimper in Bray."
    found = people(extractor, text)
    assert "Niamh Byrne" not in found
    assert found["Odile Roux"] == ("mayor", "Quimper")


def test_a_signature_line_of_minutes_is_no_person(extractor):
    text = (
        "Ennis twinning committee, minutes\n\nThe committee approved the visit of a delegation "
        "from Phalsbourg in May.\n\nSigned: ______________ Cathaoirleach\n"
        "Signed: ______________ Meetings Administrator\n"
    )
    assert people(extractor, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The Premier League Manchester United side trained in Toronto on Monday.",
        "Head Start Programs Expand In Texas, and Austin hosts the fair.",
    ],
)
def test_capitals_after_a_title_word_are_no_name_of_themselves(extractor, text):
    assert people(extractor, text) == {}


# --- one person per person ----------------------------------------------------------------


def test_courtesy_titles_are_no_part_of_the_name(extractor):
    text = (
        "The Deputy Mayor of Lorient, Ms Claire Le Goff, and the Mayor of Galway, "
        "Mr. Peadar Moran, met in Galway."
    )
    found = people(extractor, text)
    assert found["Claire Le Goff"] == ("deputy mayor", "Lorient")
    assert found["Peadar Moran"] == ("mayor", "Galway")


def test_a_surname_alone_is_the_same_person(extractor):
    text = (
        "Kisumu Governor Otieno Hails Rice Deal\n\n"
        "The deal was signed by Governor Wanjiku Achieng Otieno of Kisumu.\n\n"
        '"It is a good day," Kisumu Governor Otieno said.'
    )
    assert list(people(extractor, text)) == ["Wanjiku Achieng Otieno"]


def test_a_family_name_first_is_the_same_person(extractor):
    text = (
        "Hubei Vice Governor Liu Yanhong led the talks in Nakuru.\n\n"
        "Hubei Vice Governor Liu said the province would send engineers."
    )
    assert list(people(extractor, text)) == ["Liu Yanhong"]


def test_a_name_shortened_to_its_first_words_is_the_same_person(extractor):
    text = (
        "The letter was signed by the Mayor of Kupang, Budi Santoso Wibowo, on Monday.\n\n"
        "Mayor Budi Santoso said the city would open an office in Darwin."
    )
    assert people(extractor, text) == {"Budi Santoso Wibowo": ("mayor", "Kupang")}


def test_a_name_that_is_the_first_words_of_another_in_another_office_is_another(extractor):
    text = (
        "Mayor Carlos Alberto Silva of Porto Alegre signed the agreement with Lisbon. Consul "
        "Carlos Alberto of Brazil's Lisbon consulate attended."
    )
    assert set(people(extractor, text)) == {"Carlos Alberto Silva", "Carlos Alberto"}


@pytest.mark.parametrize("honorific", ["Hajia", "Hajiya", "Alhaji"])
def test_a_pilgrim_s_honorific_is_no_part_of_the_name(extractor, honorific):
    text = f"The Commissioner for Health of Kano, {honorific} Amina Bello, met the visitors."
    assert people(extractor, text) == {"Amina Bello": ("commissioner for health", "Kano")}


@pytest.mark.parametrize("honorific", ["Madam", "Sayyid", "Elhadj", "Kgosi"])
def test_a_courtesy_title_of_other_lands_is_no_part_of_the_name(extractor, honorific):
    text = f"The Mayor of Boké, {honorific} Amina Sory Camara, signed the pact with Lyon."
    assert set(people(extractor, text)) == {"Amina Sory Camara"}


# --- the place of a role is its holder's own ----------------------------------------------


def test_a_visiting_mayor_keeps_her_own_city(extractor):
    text = "Mayor Anna Berg of Lund met Zhou Wei in Harbin on Monday."
    assert people(extractor, text)["Anna Berg"] == ("mayor", "Lund")


def test_a_delegation_named_before_gives_its_leader_a_place(extractor):
    text = (
        "ROCHESTER — A delegation from Gdansk arrived on Tuesday.\n\n"
        "The visitors were led by Deputy Mayor Piotr Zielinski, who praised the port."
    )
    assert people(extractor, text)["Piotr Zielinski"] == ("deputy mayor", "Gdańsk")


def test_fellow_councillors_share_the_town_of_the_official_before_them(extractor):
    text = (
        "The town welcomed the Mayor of Lorient, Mr Yann Kergoat, his fellow councillors, "
        "Ms Anne Morvan and Mr Paul Guillou, and the twinning committee to Galway."
    )
    found = people(extractor, text)
    assert found["Anne Morvan"] == ("councillor", "Lorient")
    assert found["Paul Guillou"] == ("councillor", "Lorient")


def test_a_mayor_named_without_a_town_holds_the_office_named_without_a_holder(extractor):
    text = (
        "Pori mayor visits Ningbo\n\n"
        "NINGBO — The mayor of Pori was in Ningbo this week for the twinning's anniversary.\n\n"
        "Mayor Aino Lehtinen arrived on Monday with twelve councillors.\n\n"
        '"We are old friends," Ningbo Mayor Chen Hao said at the dinner.'
    )
    found = people(extractor, text)
    assert found["Aino Lehtinen"] == ("mayor", "Pori")  # not the dateline's town
    assert found["Chen Hao"] == ("mayor", "Ningbo")


def test_an_office_named_for_two_towns_gives_no_holder_a_town(extractor):
    text = (
        "BREST — The mayor of Plymouth and the mayor of Brest met on Monday.\n\n"
        "Mayor Loic Garnier said the ferry mattered most."
    )
    assert people(extractor, text)["Loic Garnier"] == ("mayor", "Brest")  # the dateline's


def test_a_deputy_is_no_holder_of_the_office_itself(extractor):
    text = (
        "BREST — The deputy mayor of Plymouth came to Brest on Monday.\n\n"
        "Mayor Loic Garnier said the ferry mattered most."
    )
    assert people(extractor, text)["Loic Garnier"] == ("mayor", "Brest")


@pytest.mark.parametrize(
    "later",
    [
        "Ama Owusu, president of the chamber, said members sold goods worth millions.",
        "Ama Owusu, the chamber's president, said members sold goods worth millions.",
    ],
)
def test_an_officer_of_the_body_named_before_belongs_to_its_town(extractor, later):
    text = (
        "Firms of the Tema Chamber of Commerce and Industry went to Lome on the chamber's "
        f"first trade mission. {later}"
    )
    assert people(extractor, text)["Ama Owusu"] == ("president", "Tema")


def test_a_body_named_with_hyphens_and_two_words_back(extractor):
    text = (
        "CORK — The Cork Polish-Irish Friendship Society had backed the twinning with Gdansk. "
        "Tom Byrne, chair of the friendship society, said the group would go on."
    )
    assert people(extractor, text)["Tom Byrne"] == ("chair", "Cork")


def test_a_body_two_towns_name_gives_its_officer_no_town(extractor):
    text = (
        "The Tema Chamber of Commerce and the Lome Chamber of Commerce signed a memorandum. "
        "Ama Owusu, president of the chamber, said trade would grow."
    )
    assert people(extractor, text)["Ama Owusu"] == ("president", None)


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (
            "The delegation was led by Vice Governor of Hyogo Kenji Tanaka, who met the mayor.",
            "Kenji Tanaka",
            "vice governor",
            "Hyogo",
        ),
        (
            "The agreement was signed by the Mayor of Lund Anna Berg and her guest.",
            "Anna Berg",
            "mayor",
            "Lund",
        ),
        (
            "Chairman of the Thu Dau Mot city People's Committee Nguyen Thi Hoa said the deal "
            "would help.",
            "Nguyen Thi Hoa",
            "chairman",
            "Thủ Dầu Một",
        ),
    ],
)
def test_a_title_of_a_place_needs_no_comma_before_the_name(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


def test_a_title_to_a_country_does_not_reach_over_a_name_the_model_split(extractor):
    text = "Chilean Ambassador to Japan Carmen Rosa Delgado also attended."
    assert "Rosa Delgado" not in people(extractor, text)


# --- national roles belong to no city -----------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Prime Minister Jonas Vilkas opened the forum in Kaunas.",
            "Jonas Vilkas",
            "prime minister",
        ),
        (
            "The talks in Houston were attended by the Consul General of Peru in Houston, "
            "Rosa Quispe.",
            "Rosa Quispe",
            "consul general of peru in houston",  # the post is the role's, the city not hers
        ),
        (
            "The President of Ghana, Kofi Mensah Boateng met the mayor in Kumasi.",
            "Kofi Mensah Boateng",
            "president of ghana",
        ),
    ],
)
def test_national_roles_have_no_place(extractor, text, name, role):
    assert people(extractor, text)[name] == (role, None)


def test_the_state_governor_governs_the_state_named_before(extractor):
    text = (
        "Kaduna State and Anhui signed a friendship agreement in Kaduna.\n\n"
        "Speaking at the ceremony, the state Acting Governor, Prof. Musa Danjuma, praised it."
    )
    # "in Kaduna" is the city, so the state keeps its designator
    assert people(extractor, text)["Musa Danjuma"] == ("acting governor", "Kaduna State")


def test_the_state_is_the_place_the_text_calls_a_state(extractor):
    text = (
        "Kaduna State and Anhui Province signed a friendship agreement.\n\n"
        "Speaking at the ceremony, the state Acting Governor, Prof. Musa Danjuma, praised it."
    )
    assert people(extractor, text)["Musa Danjuma"] == ("acting governor", "Kaduna")


# --- roles as written ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "At the meeting, the Minister of Energy, Mining and Water, Aigerim Bekova, named "
            "the cities with the worst air.",
            "Aigerim Bekova",
            "minister of energy, mining and water",
        ),
        (
            "Its managing director, Kwabena Asante, said the firm would hire 40 carpenters.",
            "Kwabena Asante",
            "managing director",
        ),
        (
            "The Director-General of Foreign Affairs, Mr. Zhang Hongwei, signed for Hunan.",
            "Zhang Hongwei",
            "director-general of foreign affairs",
        ),
        (
            "The new school was opened by Education minister Eleni Petrou in Limassol.",
            "Eleni Petrou",
            "education minister",
        ),
    ],
)
def test_roles_keep_their_portfolio(extractor, text, name, role):
    assert people(extractor, text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (
            "The Lord Mayor of Leeds, Councillor Asghar Malik, welcomed the guests.",
            "Asghar Malik",
            "lord mayor",
            "Leeds",
        ),
        (
            "Party Secretary Wang Lixin of Suzhou attended the signing in Grenoble.",
            "Wang Lixin",
            "party secretary",
            "Suzhou",
        ),
        (
            "Tianjin Party Secretary Chen Miner signed the renewal with Melbourne.",
            "Chen Miner",
            "party secretary",  # the model reads "Tianjin Party" as one organisation
            "Tianjin",
        ),
        (
            "Cathaoirleach of Tralee Municipal District, Cllr Brian Nolan, spoke in Tralee.",
            "Brian Nolan",
            "cathaoirleach of tralee municipal district",  # the body it chairs, as written
            "Tralee",
        ),
        (
            "The Mayor of Bandung, Yana Mulyadi, received the Mayor of Suwon, Lee Jae-hoon.",
            "Lee Jae-hoon",
            "mayor",
            "Suwon",
        ),
        (
            "Vice Chairwoman of the Hue City People's Committee Phan Thi Thu Ha said the "
            "ceremony in Hue would follow.",
            "Phan Thi Thu Ha",
            "vice chairwoman of the hue city people's committee",  # the title's body, as written
            "Huế",
        ),
        (
            "Secretary of the Xuzhou Municipal Party Committee Song Lezhong met the guests "
            "from Leverkusen.",
            "Song Lezhong",  # the model reads body and name as one organisation
            "secretary of the xuzhou municipal party committee",
            "Xuzhou",
        ),
        (
            "Head of Tver city administration Olga Sergeyeva signed the agreement with Pisa.",
            "Olga Sergeyeva",  # the town's body in lower case between its name and hers
            "head",
            "Tver",
        ),
        (
            "Free State MEC for Finance Ketso Makume said he met the mayor of Bloemfontein.",
            "Ketso Makume",  # a province's minister; "MEC" spells no French Metz
            "mec for finance",
            "Free State",
        ),
        (
            "Tucson Mayor Pro Tem Rosa Delgado welcomed the delegation from Hermosillo.",
            "Rosa Delgado",
            "mayor pro tem",
            "Tucson",
        ),
        (
            "Lt. Gov. Dana Whitaker said the agreement between Ohio and Hebei would continue.",
            "Dana Whitaker",
            "lieutenant governor",
            None,
        ),
        (
            "Akim of Pavlodar region Asain Baikhanov signed a memorandum with Omsk.",
            "Asain Baikhanov",  # "Akim" opens the sentence: a title before "of", not a name
            "akim",
            "Pavlodar",
        ),
        (
            "The Minister for Foreign Affairs Penny Wong visited Jakarta on Monday.",
            "Penny Wong",  # the model's person after a portfolio of "for"
            "minister for foreign affairs",
            None,
        ),
        (
            "Lyon's Deputy Mayor for International Relations Eleni Vlachou travelled to Plovdiv "
            "on Monday.",
            "Eleni Vlachou",  # the model reads portfolio and name as one organisation
            "deputy mayor for international relations",
            "Lyon",
        ),
    ],
)
def test_titles_of_other_countries(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


def test_an_organisation_named_for_a_portfolio_is_no_person(extractor):
    text = "The Council for International Relations Oxford Branch met in Leeds on Monday."
    assert people(extractor, text) == {}


def test_our_official_in_a_newsletter_is_the_publishing_towns(extractor):
    text = (
        "Bristol Twinning Friends | Newsletter, June 2022\n\n"
        "BRISTOL — Dear members, here is our round-up of the spring.\n\n"
        "On 9 June our Mayor, Helen Holland, travelled to Hanover, and the Mayor of Hanover, "
        "Belit Onay, welcomed her. We also thank our president, Maria Anagnostou."
    )
    found = people(extractor, text)
    assert found["Helen Holland"] == ("mayor", "Bristol")
    assert found["Maria Anagnostou"] == ("president", "Bristol")


def test_words_after_a_body_without_a_title_before_it_are_no_person(extractor):
    text = "Guests from Osaka toured the Hue City People's Committee Tran Phu Office building."
    assert people(extractor, text) == {}


def test_a_regent_is_an_official(extractor):
    text = "The Regent of Sleman, Hj. Sri Purwanto, met the delegation from Nagoya."
    assert people(extractor, text)["Sri Purwanto"][0] == "regent"


def test_plural_titles_give_each_listed_name_the_role(extractor):
    text = (
        "The Deputy Mayor of Carmarthen, Ms Carys Evans, and her fellow councillors "
        "Mr Dafydd Rees and Mr Owain Price travelled to Vannes."
    )
    found = people(extractor, text)
    assert found["Dafydd Rees"] == ("councillor", "Carmarthen")
    assert found["Owain Price"] == ("councillor", "Carmarthen")


def test_a_role_keeps_its_noun_modifiers_and_the_body_it_belongs_to(extractor):
    text = (
        "Maria Santos, trade and investment unit head at the Cebu Investment Promotions "
        "Center, told reporters the plan came after a visit to Busan."
    )
    role = "trade and investment unit head at the cebu investment promotions center"
    assert people(extractor, text)["Maria Santos"][0] == role


def test_an_acronym_before_a_title_and_a_portfolio_after_it_are_the_roles(extractor):
    text = (
        "KMC chairman Peter Wong welcomed the visitors from Kuching. Lee Min-ho, vice mayor "
        "for economic affairs of Gwangju, thanked him."
    )
    found = people(extractor, text)
    assert found["Peter Wong"][0] == "kmc chairman"
    assert found["Lee Min-ho"] == ("vice mayor for economic affairs", "Gwangju")


def test_a_portfolio_between_title_and_name(extractor):
    text = (
        "The result was announced by European Commissioner for Research Liisa Tamm in Tartu. "
        "Tamm said both cities could improve their bids."
    )
    assert people(extractor, text)["Liisa Tamm"] == ("european commissioner for research", None)


def test_names_with_joined_initials(extractor):
    text = (
        "Mayor of Ulaanbaatar D.Sumiya visited Irkutsk on Monday. Later the chairman of "
        "the Housing Committee of Irkutsk P.V.Orlov signed a memorandum. D.Sumiya thanked him."
    )
    found = people(extractor, text)
    assert found["D.Sumiya"] == ("mayor", "Ulaanbaatar")
    assert found["P.V.Orlov"][1] == "Irkutsk"


# --- officials only -----------------------------------------------------------------------


def test_bylines_credits_and_students_are_left_out(extractor):
    text = (
        "By Tom Reilly, Staff Reporter\n\n"
        "Mayor Lena Holm of Vasteras welcomed the students. One student, Emma Stone, said "
        "she loved the exchange. Photo: Jane Marsh / Vasteras Times."
    )
    assert list(people(extractor, text)) == ["Lena Holm"]


def test_a_bracketed_portfolio_between_title_and_name(extractor):
    text = "Principal Secretary (Ports and Fisheries) Meera Nair said the state would act."
    assert people(extractor, text)["Meera Nair"][0] == "principal secretary"


def test_a_hyphenated_title(extractor):
    text = "The festival was a success, co-chair Dana Whitford said in Hobart."
    assert people(extractor, text)["Dana Whitford"][0] == "co-chair"


def test_a_speaker_named_after_a_portfolio(extractor):
    text = "Rivers State Commissioner for the Environment Tamuno Briggs said the plant would open."
    assert people(extractor, text)["Tamuno Briggs"][0] == "commissioner for the environment"


def test_an_agency_after_a_role_is_no_person(extractor):
    text = (
        "Sipho Dlamini, chief executive of Trade and Investment Limpopo, said the mission "
        "would visit Recife."
    )
    assert list(people(extractor, text)) == ["Sipho Dlamini"]


def test_a_mayor_at_home_does_not_take_the_office_of_an_expected_visitor(extractor):
    text = (
        "GDANSK, Poland — The mayor of Bremen is expected in Gdansk next week.\n\n"
        "Mayor Aleksandra Dulkiewicz said preparations were under way."
    )
    assert people(extractor, text)["Aleksandra Dulkiewicz"] == ("mayor", "Gdańsk")


def test_a_commissioner_then_his_district_then_a_name_is_the_district_s_officer(extractor):
    text = (
        "The Bursa delegation arrived in Karachi on Monday and was received by Commissioner "
        "Karachi Hassan Naqvi at the airport."
    )
    assert people(extractor, text)["Hassan Naqvi"] == ("commissioner", "Karachi")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Victoria and Morioka have been sister cities since 1985. Councillor Victoria Anne "
            "Gibbs said the anniversary would be marked in Morioka.",
            "Victoria Anne Gibbs",
        ),
        (
            "Ludhiana and Surat business chambers signed a memorandum on textiles. Deputy "
            "Commissioner Surat Singh Gill said the pact would help weavers in Ludhiana.",
            "Surat Singh Gill",
        ),
    ],
)
def test_a_given_name_a_town_bears_stays_in_the_name(extractor, text, name):
    assert name in people(extractor, text)


def test_an_official_who_led_a_town_s_delegation_is_of_that_town(extractor):
    text = (
        "Kiel hosted the Baltic forum. Councillor Anna Berg, who led the Uppsala delegation to "
        "Kiel, called the meeting a success."
    )
    assert people(extractor, text)["Anna Berg"] == ("councillor", "Uppsala")


def test_the_state_governor_before_his_name_governs_the_state_named_before(extractor):
    text = (
        "The Kano State Government signed a memorandum with Guangdong province.\n\n"
        "The state governor Abba Yusuf said traders would benefit."
    )
    assert people(extractor, text)["Abba Yusuf"] == ("governor", "Kano")


def test_a_hyphened_surname_after_an_office_s_place_stays_whole(extractor):
    text = (
        "The charter was signed by the mayor of Chernihiv Oleksandr Lomako-Dyvak and the deputy "
        "mayor of Rzeszow Ewa Kotlarz-Mazur. Mayor Lomako-Dyvak thanked the guests."
    )
    people = extractor(ArticleText(text=text, published="2022-06-30")).people
    assert {(p.name, p.place.name if p.place else None) for p in people} == {
        ("Oleksandr Lomako-Dyvak", "Chernihiv"),
        ("Ewa Kotlarz-Mazur", "Rzeszów"),
    }


def test_a_surname_like_a_courtesy_title_of_another_land_stays_a_name(extractor):
    assert "Daw" in people(extractor, "Ms Daw, the mayor of Hastings, visited Guilin.")
