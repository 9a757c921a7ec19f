"""Roles written before the name, abbreviated titles and portfolios, on sentences of our own."""

import pytest

from facts.shapes import ArticleText


def people(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {p.name: (p.role, p.place.name if p.place else None) for p in facts.people}


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (
            "Officials said the mayor of Recife, Paulo Roberto Lima, would sign on Friday.",
            "Paulo Roberto Lima",
            "mayor",
            "Recife",
        ),
        (
            "A delegation from Salamanca, headed by its mayor, Ignacio Ruiz Calvo, toured Porto.",
            "Ignacio Ruiz Calvo",
            "mayor",
            "Salamanca",
        ),
        ("Gov. Laura Kelly of Kansas met investors.", "Laura Kelly", "governor", "Kansas"),
        ("Sen. John Harlow of Arkansas spoke.", "John Harlow", "senator", "Arkansas"),
        ("Coun. Angela Morris of Guelph voted no.", "Angela Morris", "councillor", "Guelph"),
        ("Cllr David Hughes of Swansea spoke.", "David Hughes", "councillor", "Swansea"),
        (
            "Deputy Mayor Ivan Petrenko of Odesa attended.",
            "Ivan Petrenko",
            "deputy mayor",
            "Odesa",
        ),
    ],
)
def test_role_before_name_and_abbreviated_titles(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


def test_capitalised_portfolio_is_part_of_the_role(extractor):
    text = "A Goa government delegation led by Tourism Minister Suresh Kumar Naik visited Lisbon."
    assert people(extractor, text)["Suresh Kumar Naik"][0] == "tourism minister"


def test_amartya_sen_is_no_senator(extractor):
    text = "Economist Amartya Sen, a professor at Harvard, spoke in Boston."
    assert "Amartya" not in people(extractor, text)


def test_town_hall_official_without_place_belongs_to_the_most_named_city(extractor):
    text = (
        "Geelong and Izumiotsu have been sister cities since 1988.\n\n"
        "Geelong will host students from Izumiotsu in July, and Geelong libraries will show "
        "their art.\n\nMayor Carla Dimitriou said the exchange mattered."
    )
    assert people(extractor, text)["Carla Dimitriou"] == ("mayor", "Geelong")


def test_in_a_list_of_names_each_followed_by_its_office_the_office_is_the_name_before(
    extractor,
):
    text = (
        "Li Ming, Governor of Sichuan Province, Zhao Lei, Governor of Yunnan Province, and Ivan "
        "Petrov, Governor of Primorsky Krai, attended the meeting."
    )
    found = people(extractor, text)
    assert found["Li Ming"] == ("governor", "Sichuan")
    assert found["Zhao Lei"] == ("governor", "Yunnan")
    assert found["Ivan Petrov"] == ("governor", "Primorsky")


def test_in_a_caption_of_titled_names_an_office_between_two_names_is_the_next_one_s(extractor):
    text = "Pictured: Mayor of Lund, Mr Bo Berg, Cllr Pat Kenny, Mayor of Arklow, Ms Kerry Fox."
    found = people(extractor, text)
    assert found["Bo Berg"] == ("mayor", "Lund")
    assert found["Kerry Fox"] == ("mayor", "Arklow")


def test_an_office_s_place_the_model_reads_into_the_name_is_the_place(extractor):
    text = (
        "The agreement was signed by Mayor of Tbilisi Kakha Kaladze and Vilnius Mayor Valdas "
        "Benkunskas."
    )
    found = people(extractor, text)
    assert found["Kakha Kaladze"] == ("mayor", "Tbilisi")
    facts = extractor(ArticleText(text=text, published="2024-03-15"))
    assert {(p.a.name, p.b.name, p.kind) for p in facts.partnerships} == {
        ("Tbilisi", "Vilnius", "mou")
    }


def test_a_title_posted_to_a_country_before_a_name_is_that_person_s(extractor):
    text = (
        "Present were Deputy Governor of Yunnan Province Li Wei, Sri Lankan Ambassador to China "
        "Palitha Kohona and the mayor of Colombo."
    )
    found = people(extractor, text)
    assert found["Li Wei"] == ("deputy governor", "Yunnan")
    assert found["Palitha Kohona"] == ("ambassador to china", None)


def test_a_consul_s_post_is_part_of_the_role_and_gives_no_city(extractor):
    text = (
        "The ceremony was attended by Tian Min, consul general of China in Rio de Janeiro, and "
        "Ana Souza, mayor of Niteroi."
    )
    found = people(extractor, text)
    assert found["Tian Min"] == ("consul general of china in rio de janeiro", None)
    assert found["Ana Souza"][0] == "mayor"


def test_an_office_of_an_acronym_is_of_the_place_the_organisation_is_named_after(extractor):
    text = (
        "The Miri City Council (MCC) signed a memorandum with Balikpapan on Monday.\n\n"
        "MCC deputy secretary Tan Ah Kow joined the trip, as did WHO director Ann Lim. The World "
        "Health Organization (WHO) sent observers."
    )
    found = people(extractor, text)
    assert found["Tan Ah Kow"] == ("mcc deputy secretary", "Miri")
    assert found["Ann Lim"][1] is None


def test_its_president_after_a_towns_chamber_is_of_the_chambers_town(extractor):
    text = (
        "A delegation from Bremen arrived in Szczecin on Monday. Bremen Mayor Anke Vogt "
        "said the tie had outlived the Cold War. The Szczecin Chamber of Commerce hosted the "
        "visitors at a lunch. Its president, Marek Zielinski, said exports to Bremen had doubled."
    )
    assert people(extractor, text)["Marek Zielinski"] == ("president", "Szczecin")


@pytest.mark.parametrize("title, place", [("Akim", "Shymkent"), ("Hokim", "Samarkand")])
def test_a_local_head_titled_in_his_own_language(extractor, title, place):
    text = f"{place} {title} Daniel Orlov met a delegation from Izmir on Monday."
    assert people(extractor, text)["Daniel Orlov"] == (title.lower(), place)


def test_a_given_name_like_a_title_of_elsewhere_is_a_name(extractor):
    text = "Akim Mensah, a trader from Kumasi, met the mayor of Lomé, Koffi Adjo, on Monday."
    assert "Mensah" not in people(extractor, text)


@pytest.mark.parametrize(
    "written, name",
    [
        ("Datuk Azmi Salleh", "Azmi Salleh"),
        ("Tan Sri Azman Hashim", "Azman Hashim"),
        ("Hajah Siti Rahmawati", "Siti Rahmawati"),
        ("Ratu Josaia Tuilevuka", "Josaia Tuilevuka"),
        ("Cr Tamsin Okoro", "Tamsin Okoro"),
        ("Tan Wei Ming", "Tan Wei Ming"),  # a surname, not the honorific "Tan Sri"
    ],
)
def test_courtesy_titles_of_many_countries_are_no_part_of_the_name(extractor, written, name):
    text = f"The mayor of Kuching, {written}, welcomed the delegation from Kunming."
    assert people(extractor, text) == {name: ("mayor", "Kuching")}


def test_a_title_after_a_town_s_council_is_the_town_s(extractor):
    text = "Tawau Municipal Council president Azmi Salleh welcomed a delegation from Nunukan."
    assert people(extractor, text)["Azmi Salleh"] == ("president", "Tawau")


def test_a_short_given_name_with_its_dot_opens_the_name(extractor):
    text = (
        "The resolution, sponsored by Councilor Ma. Isabel Gonzaga, was approved in Iloilo "
        "City. A choir from St. Louis sang."
    )
    facts = extractor(ArticleText(text=text))
    assert [p.name for p in facts.people] == ["Ma. Isabel Gonzaga"]
    assert "St. Louis" in {m.place.name for m in facts.places}


def test_a_high_commissioner_serves_no_town(extractor):
    text = (
        "Nakuru signed a twinning agreement with Arusha on Monday. Tanzania's Deputy High "
        "Commissioner to Kenya, Juma Said Hamad, said the agreement was good news."
    )
    assert people(extractor, text)["Juma Said Hamad"][1] is None


def test_a_mayor_without_a_place_is_of_the_town_of_a_dateline_of_two_words(extractor):
    text = (
        "ILOILO CITY – The council approved a sister-city agreement with Hsinchu City, "
        "authorizing Mayor Victor Lopez to sign it. A delegation from Hsinchu visited last "
        "month, and the signing will take place in Hsinchu in May."
    )
    assert people(extractor, text)["Victor Lopez"] == ("mayor", "Iloilo")


def test_the_leader_of_a_delegation_of_a_province_is_its_governor(extractor):
    text = (
        "A delegation of the Chinese province of Yunnan led by Governor Wang Yubo paid a "
        "working visit to the province of Chiang Rai."
    )
    assert people(extractor, text)["Wang Yubo"] == ("governor", "Yunnan")


def test_the_premier_of_a_province_that_publishes_the_release_is_its_not_its_ministers(
    extractor,
):
    text = (
        "Nova Scotia and Shandong renew their sister province ties\n"
        "Government of Nova Scotia | News Release | May 4, 2026\n\n"
        "Nova Scotia and China's Shandong Province renewed their sister province agreement "
        "today in Jinan. Premier Ellen Baird signed for the province. Fisheries Minister Tom "
        "Corkum, who travels with the Premier, said seafood exports would grow. Foreign "
        "Minister Hugh Lister welcomed the renewal."
    )
    found = people(extractor, text)
    assert found["Ellen Baird"] == ("premier", "Nova Scotia")
    assert found["Tom Corkum"] == ("fisheries minister", None)  # the province's or Canada's?
    assert found["Hugh Lister"] == ("foreign minister", None)


def test_a_provincial_officer_is_of_the_home_towns_province(extractor):
    text = (
        "CEBU CITY – Cebu City and Kagoshima renewed their sister city agreement on Monday, "
        "and Kagoshima Prefecture sent a trade team to the Province of Cebu. Provincial "
        "Agriculture Officer Ramon Dacanay said mango exports would follow."
    )
    found = people(extractor, text)
    assert found["Ramon Dacanay"] == ("provincial agriculture officer", "Cebu Province")


@pytest.mark.parametrize(
    "sentence, name, role",
    [
        (
            "City Director Anna Virtanen said the exchange would go on.",
            "Anna Virtanen",
            "city director",
        ),
        (
            "Council secretary Mikko Laine said letters were sent.",
            "Mikko Laine",
            "council secretary",
        ),
        (
            "Municipal President Sofia Rantanen signed the guest book.",
            "Sofia Rantanen",
            "municipal president",
        ),
    ],
)
def test_a_town_halls_officer_without_a_place_is_of_the_home_town(extractor, sentence, name, role):
    text = f"TAMPERE — Tampere and Linz marked 30 years as twin towns this week. {sentence}"
    assert people(extractor, text)[name] == (role, "Tampere")


def test_an_officer_of_a_national_council_has_no_home_town(extractor):
    text = (
        "TAMPERE — Tampere and Linz marked 30 years as twin towns this week. National Council "
        "member Pekka Aalto said the exchange would go on."
    )
    assert people(extractor, text)["Pekka Aalto"][1] is None


@pytest.mark.parametrize(
    "owner, town", [("Kassel's", "Kassel"), ("Kassel’s", "Kassel"), ("Vannes'", "Vannes")]
)
def test_a_title_after_a_town_s_possessive_is_that_town_s(extractor, owner, town):
    text = f"Guests travelled to Soest, among them {owner} mayor Ana Roth and two choirs."
    assert people(extractor, text)["Ana Roth"] == ("mayor", town)


def test_a_mayor_is_of_the_town_whose_government_the_lead_names(extractor):
    text = (
        "Council keeps its Japanese sister city\n"
        "By Ann Vale | Goldfields Gazette | 12 March 2026\n\n"
        "The City of Ballarat has renewed its sister city agreement with Inagawa.\n\n"
        "Inagawa sent a choir last year, Inagawa hosted students in May, and Inagawa will "
        "send a drum troupe in the autumn.\n\n"
        "Mayor Tom Reid said the tie had never been stronger."
    )
    assert people(extractor, text)["Tom Reid"] == ("mayor", "Ballarat")


def test_the_leader_of_a_group_from_a_town_is_that_town_s(extractor):
    text = (
        "Inagawa sent a choir last year and Inagawa hosted students in May.\n\n"
        "In October deputy mayor Ann Kerr led a group of six from Invercargill to Inagawa for its "
        "autumn festival."
    )
    assert people(extractor, text)["Ann Kerr"] == ("deputy mayor", "Invercargill")


@pytest.mark.parametrize(
    "text, name",
    [
        (  # the partner's governor, in a Canadian province's release: no Canadian governor
            "Nova Scotia and Shandong renew ties\n"
            "Government of Nova Scotia | News Release | May 4, 2026\n\n"
            "Nova Scotia and China's Shandong Province renewed their sister province agreement "
            "today in Jinan. Governor Zhou Ming welcomed Premier Ellen Baird to the capital.",
            "Zhou Ming",
        ),
        (  # China's premier is its nation's
            "Suzhou and Nantes marked 20 years as sister cities in Suzhou, Jiangsu Province. "
            "Premier Li Wen sent a letter of congratulation.",
            "Li Wen",
        ),
        (  # a chief minister heads no American state
            "BENGALURU — Bengaluru and San Francisco signed a sister city agreement on Monday. "
            "California officials attended. Chief Minister Ravi Gowda spoke.",
            "Ravi Gowda",
        ),
    ],
)
def test_a_provincial_title_goes_to_no_region_it_cannot_head(extractor, text, name):
    assert people(extractor, text)[name][1] not in {
        "Nova Scotia",
        "Jiangsu",
        "California",
    }


def test_a_visiting_town_hall_officer_is_not_the_host_town_s(extractor):
    text = (
        "SAN ANTONIO — San Antonio and Guadalajara renewed their sister city agreement on "
        "Monday. The visiting Municipal President Laura Mendoza Ruiz thanked San Antonio."
    )
    assert people(extractor, text)["Laura Mendoza Ruiz"][1] != "San Antonio"


def test_a_guest_town_s_government_in_the_lead_is_not_the_home_town(extractor):
    text = (
        "Inagawa delegation in Ballarat\n"
        "By Ann Vale | Goldfields Gazette | 12 March 2026\n\n"
        "A delegation from the City of Inagawa arrived in Ballarat on Monday for the sister "
        "city anniversary.\n\n"
        "Ballarat councillors hosted a dinner, and Ballarat schools held a concert. Ballarat "
        "will send a choir next year.\n\n"
        "Mayor Tom Reid said the tie had never been stronger."
    )
    assert people(extractor, text)["Tom Reid"] == ("mayor", "Ballarat")


@pytest.mark.parametrize(
    "text, name, place",
    [
        (
            "MELBOURNE — Victoria and Jiangsu marked 45 years as sister states on Monday. "
            "Governor Ann Hale hosted a reception at Government House.",
            "Ann Hale",
            None,
        ),
        (
            "SAN ANTONIO — City Manager Eric Wall welcomed a delegation from Guadalajara to "
            "City Hall on Monday.",
            "Eric Wall",
            "San Antonio",
        ),
        (
            "BUSAN — Lord Mayor Basil Zeno led a trade mission from Perth to Busan on Monday.",
            "Basil Zeno",
            "Perth",
        ),
    ],
)
def test_hosts_guests_and_a_crown_s_governor(extractor, text, name, place):
    assert people(extractor, text)[name][1] == place


def test_a_metropolitan_mayor_is_of_the_town_named_before_the_title(extractor):
    text = (
        "An agreement on sister city relations between the city of Almaty and the Turkish city "
        "of Bursa was signed on 4 May in Almaty. The document was signed by the akim of Almaty "
        "city, Yerlan Dosov, and Bursa Metropolitan Mayor Ahmet Yilmaz, who arrived at the "
        "head of a delegation of 20 people."
    )
    assert people(extractor, text)["Ahmet Yilmaz"] == ("mayor", "Bursa")
    found = extractor(ArticleText(text=text, published="2025-03-10"))
    visits = {(p.a.name, p.b.name) for p in found.partnerships if p.kind == "visit"}
    assert ("Almaty", "Bursa") not in visits


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (  # a party's tag between the name and the role
            '"We stay friends," said Karin Lundqvist (S), chair of the municipal board of Luleå.',
            "Karin Lundqvist",
            "chair",
            "Luleå",
        ),
        (  # the office's place with its article, the name right after it
            "The pact was signed in Penza by Governor of the Penza Oblast Pyotr Ilyich Surkov and "
            "the mayor of Lyon.",
            "Pyotr Ilyich Surkov",
            "governor",
            "Penza Oblast",
        ),
        (  # local titles English news keeps
            "Alcalde Rafael Duarte Molina of Tarija welcomed the guests.",
            "Rafael Duarte Molina",
            "alcalde",
            "Tarija",
        ),
        (
            "The letter was signed by Burmistrz Jan Sobczak of Olkusz.",
            "Jan Sobczak",
            "burmistrz",
            "Olkusz",
        ),
    ],
)
def test_party_tags_articles_and_local_titles_keep_the_role(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


@pytest.mark.parametrize(
    "title, town",
    [
        ("Bürgermeister", "Wels"),
        ("Burgemeester", "Genk"),
        ("Sindaco", "Lecco"),
        ("Primar", "Orhei"),
    ],
)
def test_a_mayors_local_title_is_a_title_and_the_dateline_towns_office(extractor, title, town):
    text = (
        f"{town} signs twinning charter\nCity News | {town}, 12 May 2016\n\n"
        f"{town.upper()} – In a ceremony on Wednesday, {title} Karin Falk and the mayor of "
        "the Slovenian town of Kranj, Matej Rozman, signed a twinning charter.\n"
    )
    facts = extractor(ArticleText(text=text, published="2016-05-12"))
    found = {p.name: (p.role, p.place.name if p.place else None) for p in facts.people}
    assert found["Karin Falk"] == (title.lower(), town)
    assert {(link.kind, link.a.name, link.b.name) for link in facts.partnerships} == {
        ("sister_city", town, "Kranj")
    }


def test_a_title_before_a_firms_name_makes_no_person(extractor):
    text = "The fair was sponsored by Mayor Energy Company and the city of Wels."
    assert people(extractor, text) == {}


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (
            "The Governor of Kassala State, Major General Osman Hamid Idris, received the "
            "delegation on Sunday.",
            "Osman Hamid Idris",
            "governor",
            "Kassala",
        ),
        (
            "The vice-rector, Pr Kodjo Agbeko, signed the charter on Monday.",
            "Kodjo Agbeko",
            "vice-rector",
            None,
        ),
        (
            "The memorandum was signed by the Paro Dzongdag, Dasho Pema Dorji, and by the "
            "mayor of Chur.",
            "Pema Dorji",
            "dzongdag",
            "Paro",
        ),
        (
            "The memorandum was signed by the Premier of Malaita, Honourable John Maefiti, and "
            "the mayor of Cairns.",
            "John Maefiti",
            "premier",
            "Malaita",
        ),
    ],
)
def test_ranks_and_local_courtesy_titles_are_no_part_of_the_name(
    extractor, text, name, role, place
):
    assert people(extractor, text)[name] == (role, place)


def test_a_ward_in_brackets_after_a_councillor_is_no_party(extractor):
    text = (
        "Kanifing signed a twinning agreement with Lewisham on Monday. Councillor Awa Touray "
        "(Talinding) said the twinning was the best news in years."
    )
    facts = extractor(ArticleText(text=text))
    assert "Talinding" not in {n for p in facts.partnerships for n in (p.a.name, p.b.name)}


def test_a_town_in_brackets_after_a_mayor_is_a_party(extractor):
    text = "Mayor Rohey Lowe (Banjul) signed a memorandum with Mayor Ken Sim (Vancouver) in 2021."
    facts = extractor(ArticleText(text=text))
    assert {(p.a.name, p.b.name) for p in facts.partnerships} == {("Banjul", "Vancouver")}


def test_a_rank_before_an_officials_name_is_no_place(extractor):
    text = "The Governor of Kassala State, Major General Osman Idris, visited Port Sudan."
    facts = extractor(ArticleText(text=text))
    assert "Major" not in {m.place.name for m in facts.places}


@pytest.mark.parametrize(
    "text, place",
    [
        ("The memorandum was signed in Lyon by the Mayor of Wuhan, Wang Lin.", "Wuhan"),
        (
            "The memorandum was signed in Lyon yesterday by the Governor of Hubei, Wang Lin.",
            "Hubei",
        ),
    ],
)
def test_a_title_s_own_place_before_the_name_beats_the_venue_before_it(extractor, text, place):
    assert people(extractor, text)["Wang Lin"][1] == place


@pytest.mark.parametrize(
    "text",
    [
        '"We are delighted," said Jane Whitmore, president of the Tulsa Sister Cities association.',
        "Ana Ruiz, secretary of the Leon Twinning Committee, met the guests from Zaragoza.",
    ],
)
def test_a_partnership_body_s_name_is_no_person(extractor, text):
    assert len(people(extractor, text)) == 1
