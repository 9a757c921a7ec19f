"""One agreement is one kind; amounts go with the agreement the sentence values."""

import pytest

from facts.shapes import ArticleText


def kinds(extractor, text, published="2024-06-10"):
    return {p.kind: p for p in links(extractor, text, published)}


def links(extractor, text, published="2024-06-10"):
    return extractor(ArticleText(text=text, published=published)).partnerships


@pytest.mark.parametrize(
    ("said", "kinds_found"),
    [
        ("the council would now focus on the new partnership with Lorient", {"sister_city"}),
        (
            "the new partnership with Lorient would start with a youth exchange",
            {"sister_city", "cooperation"},
        ),
        ("the two cities had launched a partnership on energy", {"sister_city", "cooperation"}),
        (
            "the partnership with Lorient was strengthened by an agreement on waste",
            {"sister_city", "cooperation"},
        ),
    ],
)
def test_the_partnership_of_a_pair_twinned_already_is_the_twinning(extractor, said, kinds_found):
    text = (
        "Galway and Lorient signed a twinning agreement on Monday. "
        f"The mayor of Galway said {said}."
    )
    assert set(kinds(extractor, text)) == kinds_found


def test_re_signing_a_twin_s_charter_is_the_twinning_not_a_memorandum(extractor):
    text = (
        "Abomey has been twinned with Saint-Louis since 1998, and the council re-signed the "
        "Saint-Louis charter in 2014 with great ceremony."
    )
    assert set(kinds(extractor, text)) == {"sister_city"}


@pytest.mark.parametrize(
    ("signed", "kinds_found"),
    [
        ("signed the Tours Charter on heritage on Monday", {"sister_city", "mou"}),
        ("re-signed the Tours agreement of cooperation", {"sister_city"}),
    ],
)
def test_a_twin_s_named_charter_is_its_own_unless_it_has_a_topic(extractor, signed, kinds_found):
    text = f"Brasov and Tours, twinned since 1991, {signed}."
    assert set(kinds(extractor, text)) == kinds_found


def test_a_cooperation_protocol_is_a_memorandum(extractor):
    text = "Al Wakrah and Larnaca have had a cooperation protocol on fisheries since 2019."
    assert set(kinds(extractor, text)) == {"mou"}


def test_signed_investment_agreements_are_a_trade_deal(extractor):
    text = (
        "Leeds and Lyon signed investment agreements worth 40 million euros on Tuesday "
        "for a new ferry terminal."
    )
    found = kinds(extractor, text)
    assert "trade_deal" in found and "mou" not in found
    assert found["trade_deal"].amount is not None


def test_the_deal_of_a_signed_memorandum_is_that_memorandum(extractor):
    text = (
        "Leeds and Lyon signed a memorandum of understanding on Tuesday; the deal commits "
        "the two cities to 2 million euros for student exchanges."
    )
    found = kinds(extractor, text)
    assert "mou" in found and "trade_deal" not in found
    assert found["mou"].amount is not None and found["mou"].amount.currency == "EUR"


def test_flying_back_home_is_no_visit_to_home(extractor):
    text = (
        "A delegation from Lyon visited Rotterdam on Monday and will fly back to Lyon on Wednesday."
    )
    facts = extractor(ArticleText(text=text, published="2024-06-10"))
    visits = {(p.a.name, p.b.name) for p in facts.partnerships if p.kind == "visit"}
    assert ("Lyon", "Rotterdam") in visits
    assert not any(b == "Lyon" for _, b in visits)


def test_place_title_name_read_as_one_organisation_is_a_visiting_official(extractor):
    text = (
        "The Peruvian delegation, led by Arequipa Mayor Rosa Quispe, arrived in Doha on "
        "Monday for the water forum."
    )
    facts = extractor(ArticleText(text=text, published="2025-01-01"))
    person = next(p for p in facts.people if p.name == "Rosa Quispe")
    assert person.place is not None and person.place.name == "Arequipa"


def test_a_trade_agreement_without_a_value_is_a_memorandum(extractor):
    found = kinds(extractor, "Leeds and Lyon signed a trade agreement on Tuesday.")
    assert set(found) == {"mou"} and found["mou"].status == "new"
    found = kinds(extractor, "Leeds and Lyon signed a trade agreement worth 3 million euros.")
    assert set(found) == {"trade_deal"} and found["trade_deal"].amount.value == 3_000_000


def test_purchases_without_a_value_are_no_link(extractor):
    text = "Importers in Leeds increased purchases of wine from Lyon this year."
    assert "trade_deal" not in kinds(extractor, text) and "mou" not in kinds(extractor, text)


def test_contracts_without_a_value_are_business_not_a_link(extractor):
    text = "Three Leeds companies signed supply contracts with the Lyon city government."
    assert not {"trade_deal", "mou"} & set(kinds(extractor, text))


def test_a_value_in_an_unfamiliar_currency_is_still_a_value(extractor):
    text = "Leeds firms signed 12 contracts worth CFA 2.5 billion with companies in Dakar."
    assert "trade_deal" in kinds(extractor, text)
    text = "Leeds firms signed contracts totalling 12 projects with companies in Dakar."
    assert "trade_deal" not in kinds(extractor, text)  # a count, not a value


def test_transactions_of_a_stated_value_are_a_trade_deal(extractor):
    text = (
        "Business meetings held during the visit produced transactions worth 12 million euros "
        "between entrepreneurs from Leeds and Lyon."
    )
    assert kinds(extractor, text)["trade_deal"].amount.value == 12_000_000
    text = "Transactions between firms of Leeds and Lyon have grown every year since 2001."
    assert "trade_deal" not in kinds(extractor, text)


def test_a_memorandum_between_two_places_is_one_without_its_full_name(extractor):
    for text in (
        "The memorandum between Almaty and Bishkek was signed by the two mayors on Monday.",
        "A memorandum was signed by the mayors of Almaty and Bishkek on Monday.",
    ):
        assert set(kinds(extractor, text)) == {"mou"}, text


def test_a_cooperation_deal_signed_without_a_value_is_a_memorandum(extractor):
    text = "Vientiane and Hanoi signed a cooperation deal on Wednesday."
    assert set(kinds(extractor, text)) == {"mou"}


def test_friendly_exchange_relations_are_a_friendship_tie_and_their_memorandum_is_it(extractor):
    text = (
        "Chengdu and Maputo signed a memorandum on establishing friendly exchange relations on "
        "Thursday."
    )
    assert set(kinds(extractor, text)) == {"friendship_city"}


def test_a_memorandum_on_twinning_is_the_twinning_itself(extractor):
    text = (
        "Malindi and the Italian seaside city of Riccione have formally become twin towns after "
        "the two sides signed a Memorandum of Understanding on twinning on Monday."
    )
    assert set(kinds(extractor, text)) == {"sister_city"}


def test_counted_friendly_cooperation_cities_are_no_link(extractor):
    text = (
        "Chengdu signed a trade memorandum with Maputo.\n\nChengdu now has 38 sister cities and "
        "67 friendly cooperation cities, according to the city's foreign affairs office."
    )
    assert set(kinds(extractor, text)) == {"mou"}


def test_a_signed_declaration_or_protocol_is_an_agreement(extractor):
    for text in (
        "Trabzon and Batumi signed a protocol on ferry services on Monday.",
        "Lyon and Turin signed a joint declaration on river transport on Monday.",
    ):
        assert set(kinds(extractor, text)) == {"mou"}, text


def test_cooperation_between_countries_is_no_link_of_the_cities_named(extractor):
    text = (
        "The prize honours the work of Lyon and Kyoto to strengthen cooperation between France "
        "and Japan.\n\nLyon and Kyoto will deepen their cooperation on tourism."
    )
    found = extractor(ArticleText(text=text, published="2024-06-10"))
    cooperation = [p for p in found.partnerships if p.kind == "cooperation"]
    assert [(p.status, p.evidence[:13]) for p in cooperation] == [("proposed", "Lyon and Kyot")]


def test_a_cooperative_is_a_business_not_cooperation(extractor):
    text = "A Lyon dairy cooperative sold cheese to a Kyoto chain."
    assert "cooperation" not in kinds(extractor, text)


def test_a_student_exchange_between_two_towns_is_cooperation(extractor):
    text = "Lyon and Kyoto have run a student exchange since 2010."
    found = kinds(extractor, text)
    assert (found["cooperation"].status, found["cooperation"].year) == ("existing", 2010)


def test_an_exchange_student_is_no_exchange_of_the_towns(extractor):
    text = "Kim Soo-jin, a cultural exchange student from Seoul, is studying in Lyon this year."
    assert "cooperation" not in kinds(extractor, text)


def test_partner_regions_are_a_sister_city_link(extractor):
    text = "Zhejiang and Schleswig-Holstein have been partner regions since 1986."
    found = extractor(ArticleText(text=text, published="2025-05-20")).partnerships
    assert [(p.a.name, p.b.name, p.kind, p.status, p.year) for p in found] == [
        ("Zhejiang", "Schleswig-Holstein", "sister_city", "existing", 1986)
    ]


def test_partner_regions_counted_name_no_partner(extractor):
    text = "Bavaria has several partner regions in Asia, officials in Munich said."
    assert extractor(ArticleText(text=text, published="2025-05-20")).partnerships == []


def test_agreements_worth_a_sum_are_a_trade_deal(extractor):
    text = "Sarawak signed agreements worth ₹640 crore with Kerala for a palm-oil refinery."
    found = extractor(ArticleText(text=text, published="2025-03-01")).partnerships
    assert [(p.kind, p.amount.currency) for p in found] == [("trade_deal", "INR")]


def test_a_research_agreement_worth_a_sum_is_no_trade_deal(extractor):
    text = "Otago and Zhejiang have signed a research agreement worth NZ$1.5 million."
    found = extractor(ArticleText(text=text, published="2025-03-01")).partnerships
    assert [p.kind for p in found] == ["mou"]


def test_a_prefecture_s_government_signs_for_its_prefecture(extractor):
    text = (
        "The Government of Kerala and the Prefectural Government of Shiga today signed a "
        "Memorandum of Understanding under which the two sides will work towards the "
        "establishment of a sister-state relationship."
    )
    found = kinds(extractor, text)
    assert {"mou", "sister_city"} <= set(found)
    assert found["sister_city"].status == "proposed"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Chernihiv and the Danish city of Kolding signed a partnership agreement.", "sister_city"),
        (
            "Przemysl and Lviv signed a partnership agreement for safe border crossings.",
            "mou",
        ),
        ("Bavaria and Shandong signed a strategic partnership agreement.", "mou"),
    ],
)
def test_a_partnership_agreement_of_two_towns_is_their_twinning(extractor, text, kind):
    assert set(kinds(extractor, text)) == {kind}


def test_a_place_in_brackets_after_another_only_says_where_it_is(extractor):
    text = (
        "Riga and Winsen (Luhe), Germany (Lower Saxony, district of Harburg), signed a "
        "partnership agreement in 1993."
    )
    found = extractor(ArticleText(text=text, published="2024-06-10"))
    assert {frozenset((p.a.name, p.b.name)) for p in found.partnerships} == {
        frozenset(("Riga", "Winsen"))
    }


def test_an_agreement_signed_with_a_twin_in_its_relative_clause_is_the_twinning(extractor):
    text = (
        "Kiruna's other sister city is Narvik, Norway, with which it signed an agreement in 1992."
    )
    assert set(kinds(extractor, text)) == {"sister_city"}


def test_a_memorandum_signed_with_a_twin_is_a_memorandum_still(extractor):
    text = "Kiruna's sister city is Narvik, with which it also signed a trade memorandum in 2019."
    assert set(kinds(extractor, text)) == {"sister_city", "mou"}


@pytest.mark.parametrize(
    "text",
    [
        "Lyon and Porto signed a smart city partnership agreement on Tuesday to share data.",
        "Lyon and Porto signed a partnership agreement in tourism and education.",
        "Lyon and Porto signed a partnership agreement with the aim of boosting tourism.",
    ],
)
def test_a_partnership_with_an_object_of_its_own_is_no_twinning(extractor, text):
    assert "sister_city" not in kinds(extractor, text)


def test_friendship_between_two_countries_is_no_tie_of_the_places_named(extractor):
    text = (
        "Visiting Da Nang, the governor of Kanagawa praised the friendship and cooperation "
        "relations between Vietnam and Japan."
    )
    assert "friendship_city" not in kinds(extractor, text)


def test_partners_in_brackets_are_partners(extractor):
    text = "Ballarat's sister cities (Inagawa in Japan and Changchun in China) sent greetings."
    found = extractor(ArticleText(text=text, published="2024-06-10"))
    partners = {p.b.name if p.a.name == "Ballarat" else p.a.name for p in found.partnerships}
    assert partners == {"Inagawa", "Changchun"}


def test_a_partnership_agreement_signed_in_a_town_is_still_a_twinning(extractor):
    text = "The mayors of Kiel and Gdynia signed a partnership agreement in Gdynia on Monday."
    assert set(kinds(extractor, text)) == {"sister_city"}


def test_an_agreement_with_a_twin_about_something_else_is_a_memorandum(extractor):
    text = "Kiruna's sister city is Narvik, with which it signed an agreement on tourism in 2019."
    assert set(kinds(extractor, text)) == {"sister_city", "mou"}


def test_friendship_ties_of_two_towns_across_two_countries_stay_theirs(extractor):
    text = (
        "Tokushima and Saginaw have maintained friendship ties between the United States and "
        "Japan for 60 years."
    )
    assert set(kinds(extractor, text)) == {"friendship_city"}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Kaunas said the city's partnership with Bamberg dates from 1987.",
        "Kaunas maintains partnership relations with Tampere and Aarhus.",
        "Kaunas said the town's partnership with Zagan in western Poland would go on.",
    ],
)
def test_a_bare_partnership_of_two_towns_is_their_twinning(extractor, text):
    assert "sister_city" in kinds(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tartu's partnership with Uppsala on clean water began in 2019.",
        "Tartu's partnership with Uppsala to train nurses began in 2019.",
        "Tartu has a strategic partnership with Uppsala.",
        "Tartu and Uppsala run a public-private partnership with a local bank.",
        "Tartu entered a partnership with Uppsala, aimed at cutting traffic emissions, in March.",
        "Tartu and Uppsala agreed on Monday to strengthen trade and partnership ties.",
        "Tartu's football club has a partnership with Uppsala, agreed in 2019.",
        "Hamburg's senate approved a new partnership with Shanghai's Fudan University.",
    ],
)
def test_a_partnership_with_an_object_or_qualifier_is_no_twinning(extractor, text):
    assert "sister_city" not in kinds(extractor, text)


def test_a_sister_county_is_a_twinning(extractor):
    text = (
        "Nakuru County signed a memorandum with Arusha Region on Monday, a first step towards a "
        "sister-county relationship."
    )
    found = kinds(extractor, text)
    assert found["sister_city"].status == "proposed" and found["mou"].status == "new"


@pytest.mark.parametrize(
    "text",
    [
        "MOSUL — The Mosul City Council on Tuesday approved a letter of intent between the city "
        "of Mosul and the French city of Lyon, which both sides described as the first step "
        "towards a sister-city agreement, but voted down a separate proposal to open "
        "friendship-city talks with the Iranian city of Tabriz.",
        "The Mosul city council on Tuesday approved a letter of intent between Mosul and Lyon, "
        "which both sides called a first step towards a sister-city agreement, but voted down a "
        "proposal to open friendship talks with Tabriz.",
    ],
)
def test_the_twinning_a_memorandum_opens_in_a_clause_about_it_is_the_memorandum_s_pair(
    extractor, text
):
    found = {(p.kind, p.status): {p.a.name, p.b.name} for p in links(extractor, text)}
    assert found == {
        ("mou", "new"): {"Mosul", "Lyon"},
        ("sister_city", "proposed"): {"Mosul", "Lyon"},
    }


def test_a_twinning_hoped_for_in_another_main_clause_is_not_the_memorandum_s(extractor):
    text = (
        "The Kerala government signed an MoU with Fujairah on Monday; a twinning with Kerala's "
        "Kozhikode is expected to follow."
    )
    twinned = [p for p in links(extractor, text) if p.kind == "sister_city"]
    assert not any("Kerala" in (p.a.name, p.b.name) for p in twinned)


def test_a_twinning_hoped_for_beside_memorandums_of_two_pairs_is_no_one_s(extractor):
    text = (
        "After Kyiv signed a memorandum with Vilnius, which both sides described as the first "
        "step towards a sister-city agreement, Riga also joined."
    )
    assert not any(p.kind == "sister_city" and "Riga" in (p.a.name, p.b.name)
                   for p in links(extractor, text))  # fmt: skip


def test_a_memorandum_beside_a_twinning_hoped_for_with_another_gives_that_one_its_own(extractor):
    text = (
        "Mosul signed a memorandum with Lyon on Tuesday and hopes to become a sister city of "
        "Tabriz next year."
    )
    found = {(p.kind, p.status): {p.a.name, p.b.name} for p in links(extractor, text)}
    assert found == {
        ("mou", "new"): {"Mosul", "Lyon"},
        ("sister_city", "proposed"): {"Mosul", "Tabriz"},
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Lancaster friendship county fair opened on Monday, with visitors from Chester.",
        "Orange County worked with Los Angeles County; the partner county will supply crews.",
    ],
)
def test_a_partner_or_friendship_county_of_home_affairs_is_no_twinning(extractor, text):
    assert not {"sister_city", "friendship_city"} & set(kinds(extractor, text))


@pytest.mark.parametrize(
    "text, status, year",
    [
        (
            "Shaanxi Province and Kyrgyzstan's Osh Region on Thursday established friendly "
            "province-region relations, pledging to deepen cooperation in agriculture.",
            "new",
            2024,
        ),
        (
            "Shaanxi has established friendly relations with provinces in many countries, "
            "including Kyrgyzstan's Osh Region since 2012.",
            "existing",
            2012,
        ),
    ],
)
def test_friendly_relations_established_are_friendship_ties(extractor, text, status, year):
    found = kinds(extractor, text)
    assert set(found) == {"friendship_city"}
    assert (found["friendship_city"].status, found["friendship_city"].year) == (status, year)


def test_friendly_relations_of_countries_are_no_tie(extractor):
    text = "China and Kyrgyzstan have established friendly relations in many fields."
    assert not kinds(extractor, text)


def test_transactions_signed_by_enterprises_of_two_places_are_a_trade_deal(extractor):
    text = "Transactions worth $2 million were signed between enterprises of Hue and Kyoto."
    assert "trade_deal" in kinds(extractor, text)


def test_a_friendly_province_agreement_is_a_friendship_tie(extractor):
    found = kinds(extractor, "Hubei signed a friendly province agreement with Ehime in 2014.")
    assert set(found) == {"friendship_city"}
    assert (found["friendship_city"].status, found["friendship_city"].year) == ("existing", 2014)


def test_a_business_friendly_agreement_is_no_friendship_tie(extractor):
    text = "Zhejiang and Schleswig-Holstein signed a business-friendly state agreement on Monday."
    assert "friendship_city" not in kinds(extractor, text)


def test_a_business_friendly_agreement_unhyphenated_is_no_friendship_tie(extractor):
    text = "Zhejiang and Schleswig-Holstein signed a business friendly state agreement on Monday."
    assert "friendship_city" not in kinds(extractor, text)


def test_what_an_agreement_provides_for_is_no_new_memorandum(extractor):
    text = (
        "Gyeongsangbuk-do and Chhattisgarh signed a memorandum of understanding on industrial "
        "training on Monday.\n\n"
        "Under the MoU, the Pohang Steel Institute will train 30 young welders from Bhilai and "
        "Durg districts every year."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert [(p.a.name[:5], p.b.name[:5], p.kind) for p in found] == [("Gyeon", "Chhat", "mou")]


@pytest.mark.parametrize(
    "fields",
    [
        "Under the agreement, the two cities will cooperate in tourism, culture, sport and the "
        "training of municipal staff.",
        "The memorandum provides for the exchange of expertise between the two municipalities "
        "and cooperation in promoting cultural tourism.",
        "The agreement also commits the cities to cooperation in coffee research.",
    ],
)
def test_the_fields_an_agreement_covers_are_no_cooperation_of_their_own(extractor, fields):
    text = f"Lyon and Yerevan signed a friendship agreement on Tuesday.\n\n{fields}"
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert [p.kind for p in found] == ["friendship_city"]


def test_an_agreement_committing_a_town_to_another_partner_keeps_that_partner(extractor):
    text = (
        "Lyon and Yerevan signed a friendship agreement on Tuesday.\n\n"
        "The agreement also commits Lyon to cooperation with Stuttgart on mobility."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert ("Lyon", "Stuttgart", "cooperation") in {(p.a.name, p.b.name, p.kind) for p in found}


def test_a_memorandum_named_after_under_the_agreement_is_one(extractor):
    text = (
        "Lyon and Yerevan signed a friendship agreement on Tuesday.\n\n"
        "Under the agreement, engineers from Lyon are expected in Yerevan in May, and the two "
        "cities intend to sign a memorandum of understanding on waste management."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert ("mou", "proposed") in {(p.kind, p.status) for p in found}


def test_agreements_with_several_unnamed_partners_are_no_memorandum_of_the_named_one(extractor):
    text = (
        "The State of Jalisco also keeps a friendship agreement with the Chinese province of "
        "Anhui, signed in 2012, and cooperation agreements with several states of the United "
        "States."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert {p.kind for p in found} == {"friendship_city"}


def test_the_signing_of_a_memorandum_reported_before_is_no_memorandum_of_a_witness(extractor):
    text = (
        "SIALKOT: The Sialkot Chamber of Commerce and Industry and the Wenzhou General Chamber of "
        "Commerce signed a memorandum of understanding here on Monday to promote trade in "
        "surgical instruments between the two cities.\n\n"
        "The MoU was signed by SCCI President Imran Butt and Vice Chairman of the Wenzhou "
        "chamber Li Wei in the presence of Punjab Minister for Industries Asad Khan."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert [(p.a.name, p.b.name, p.kind) for p in found] == [("Sialkot", "Wenzhou", "mou")]


def test_the_signing_of_a_renewed_twinning_is_no_memorandum(extractor):
    text = (
        "NELSPRUIT — Mbombela and Beira have renewed the twinning agreement that has linked the "
        "two cities since 2006.\n\n"
        "The renewed agreement was signed on Friday at the civic centre by the mayors of Beira "
        "and Mbombela."
    )
    found = extractor(ArticleText(text=text, published="2025-03-10")).partnerships
    assert [p.kind for p in found] == ["sister_city"]


@pytest.mark.parametrize(
    "text",
    [
        "Istria County and the Veneto Region signed on Thursday in Venice a Protocol on "
        "Cooperation covering tourism.",
        "The roadmap is the second to implement the agreement on trade, economic and cultural "
        "cooperation that Pavlodar Region and Omsk Oblast signed in 2006.",
    ],
)
def test_a_protocol_or_agreement_on_cooperation_is_a_memorandum(extractor, text):
    found = extractor(ArticleText(text=text, published="2019-06-07")).partnerships
    assert [p.kind for p in found] == ["mou"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Companies from Varna and Sfax signed 12 commercial agreements worth 40 million euros.",
            "trade_deal",
        ),
        (
            "Tour operators from Varna and Sfax signed package and charter agreements worth "
            "3 million euros.",
            "trade_deal",
        ),
        ("Varna and Sfax signed cooperation agreements worth 3 million euros.", "mou"),
        ("The mayors of Varna and Sfax signed two research agreements worth €5 million.", "mou"),
    ],
)
def test_agreements_of_any_business_kind_signed_for_a_value_are_a_trade_deal(extractor, text, kind):
    assert [p.kind for p in links(extractor, text)] == [kind]


def test_orders_firms_of_two_towns_sign_are_a_trade_deal(extractor):
    text = "Firms from Mombasa and Salalah signed orders worth $2.4 million on Wednesday."
    found = extractor(ArticleText(text=text, published="2024-05-02"))
    [deal] = found.partnerships
    assert (deal.kind, deal.amount.value, deal.amount.currency) == ("trade_deal", 2_400_000, "USD")


@pytest.mark.parametrize(
    "second",
    [
        "Kisumu has already sent two engineers under a programme the two councils have called "
        '"Clean Lake".',
        'Under the charter, the two cities will launch a programme called "Lake Skills" next year.',
    ],
)
def test_a_programme_of_the_two_towns_by_its_name_is_a_cooperation(extractor, second):
    text = f"Kisumu and Roskilde signed a twinning agreement in May. {second}"
    found = extractor(ArticleText(text=text, published="2024-06-02"))
    assert {(p.a.name, p.b.name) for p in found.partnerships if p.kind == "cooperation"} in (
        {("Kisumu", "Roskilde")},
        {("Roskilde", "Kisumu")},
    )


def test_a_towns_own_programme_by_its_name_is_no_tie(extractor):
    text = 'Kisumu also runs a programme called "Green Streets" with local schools.'
    assert extractor(ArticleText(text=text, published="2024-06-02")).partnerships == []


@pytest.mark.parametrize("noun", ["industrial hub", "trading centre"])
def test_a_memorandum_with_a_nation_s_town_described_as_a_hub_is_the_town_s(extractor, noun):
    text = f"BURSA\n\nBursa signed a cooperation memorandum with the German {noun} of Stuttgart."
    assert {(p.a.name, p.b.name, p.kind) for p in links(extractor, text)} == {
        ("Bursa", "Stuttgart", "mou")
    }


@pytest.mark.parametrize(
    "text",
    [
        "The mayors of Lyon and Turin signed a pact of friendship on Wednesday.",
        "Lyon and Turin signed a patto di amicizia – a charter of friendship – on the stage.",
    ],
)
def test_a_pact_of_friendship_is_a_friendship_tie(extractor, text):
    assert set(kinds(extractor, text)) == {"friendship_city"}


def test_two_nations_treaty_of_friendship_signed_in_a_city_is_no_town_s_tie(extractor):
    text = "In 1991 Spain and Morocco signed their Treaty of Friendship and Cooperation in Rabat."
    assert not links(extractor, text)


def test_a_cooperation_memorandum_is_a_memorandum(extractor):
    text = (
        "Lahti has many partners abroad. A cooperation memorandum signed with Narva in 2012 "
        "expired at the end of last year."
    )
    found = kinds(extractor, text)
    assert set(found) == {"mou"}
    assert (found["mou"].status, found["mou"].year) == ("ended", 2012)


@pytest.mark.parametrize(
    "text",
    [
        "This year marks the 40th anniversary of the partnership between Gorlice and Lutsk.",
        "Gorlice has friends in Ukraine. Its partnership with Lutsk was signed in 1979.",
        "Gorlice and Lutsk, said the mayor of Gorlice: our partnership dates from 1979.",
    ],
)
def test_a_town_s_partnership_with_no_object_of_its_own_is_a_twinning(extractor, text):
    assert set(kinds(extractor, text, published="2019-06-04")) == {"sister_city"}


def test_a_chamber_memorandum_in_a_town_s_table_of_ties_is_a_memorandum(extractor):
    text = (
        "Gorlice looks abroad\nGorlice News | Gorlice, 4 June 2019\n\nGORLICE – The "
        "partnerships of Gorlice:\n\n| Partner | Country | Type | Since |\n|---|---|---|---|\n"
        "| Lutsk | Ukraine | chamber memorandum | 2015 |\n| Iquique | Chile | twin town | 2003 |\n"
    )
    found = {(p.b.name, p.kind, p.year) for p in links(extractor, text, "2019-06-04")}
    assert found == {("Lutsk", "mou", 2015), ("Iquique", "sister_city", 2003)}


def test_a_town_s_partnership_with_an_object_of_its_own_stays_a_cooperation(extractor):
    text = "The partnership between Gorlice and Lutsk on water management began in 2015."
    assert set(kinds(extractor, text, published="2019-06-04")) == {"cooperation"}


@pytest.mark.parametrize(
    "text",
    [
        "The city council of Varna ratified the Agreement on Twinning and Cooperation between "
        "Varna and Brno on Monday.",
        "DECISION No. 141: The Municipal Council of Plovdiv ratifies the Agreement on Twinning "
        "and Cooperation between Plovdiv Municipality and the Municipality of Brno.",
    ],
)
def test_an_agreement_s_title_read_as_a_name_still_says_its_kind(extractor, text):
    assert set(kinds(extractor, text, published="2022-04-28")) == {"sister_city"}


def test_a_partnership_agreement_a_town_has_had_is_a_twinning(extractor):
    text = (
        "The mayor proposed aid to Lutsk, with which Gorlice has had a partnership agreement "
        "since 1999."
    )
    found = kinds(extractor, text, published="2022-04-28")
    assert set(found) == {"sister_city"}
    assert (found["sister_city"].status, found["sister_city"].year) == ("existing", 1999)


def test_an_agreement_on_friendship_between_towns_is_a_friendship_tie(extractor):
    text = (
        "The Municipality of Lyon and the Italian municipality of Turin on Tuesday signed an "
        "agreement on friendship and cooperation."
    )
    assert set(kinds(extractor, text)) == {"friendship_city"}


def test_a_town_s_oldest_partnership_located_in_the_north_is_its_twinning(extractor):
    text = "Lyon's oldest partnership is with Birmingham, in the north of England, signed in 1951."
    found = kinds(extractor, text)
    assert set(found) == {"sister_city"}
    assert (found["sister_city"].status, found["sister_city"].year) == ("existing", 1951)


def test_the_charter_signed_with_a_twin_is_the_twinning_itself(extractor):
    text = (
        "Kotor is also twinned with Lyon in France (1998) and with Turin in Italy, with which "
        "it signed a charter in 2009."
    )
    assert {p.kind for p in links(extractor, text)} == {"sister_city"}


def test_agreements_of_a_value_concluded_by_companies_of_two_towns_are_a_trade_deal(extractor):
    text = (
        "During the forum, companies from Lyon and Turin concluded agreements worth 12 million "
        "euros."
    )
    found = kinds(extractor, text)
    assert set(found) == {"trade_deal"}
    assert found["trade_deal"].amount is not None
