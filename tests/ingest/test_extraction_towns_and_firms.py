"""Small towns and their ties: "its partnership with the town of X", the ties of the town the
sentence before was about, a region that only says where a town is, and one firm's deal, which
is no tie of its town."""

import pytest

from facts.shapes import ArticleText


def extracted(extractor, text, published="2023-09-12"):
    facts = extractor(ArticleText(text=text, published=published))
    places = {(m.place.name, m.place.country, m.place.kind) for m in facts.places}
    links = {(p.kind, p.a.name, p.b.name, p.status, p.year) for p in facts.partnerships}
    return places, links


def pairs(links):
    return {frozenset((a, b)) for _, a, b, _, _ in links}


@pytest.mark.parametrize(
    "text",
    [
        "Celje this year marks the 30th anniversary of its partnership with the Austrian town of "
        "Leoben, signed in 1993.",
        "Guests came for the 30th anniversary of Celje's partnership with the Styrian town of "
        "Leoben.",
    ],
)
def test_a_towns_own_partnership_is_its_twinning(extractor, text):
    _, links = extracted(extractor, text)
    assert {kind for kind, *_ in links} == {"sister_city"}
    assert pairs(links) == {frozenset(("Celje", "Leoben"))}


@pytest.mark.parametrize(
    "text",
    [
        "Siemens said its partnership with Munich and Leipzig would grow next year.",
        "Beijing's partnership with Moscow has drawn criticism from Brussels.",
    ],
)
def test_a_firms_or_a_governments_partnership_is_no_twinning(extractor, text):
    _, links = extracted(extractor, text)
    assert "sister_city" not in {kind for kind, *_ in links}


def test_its_ties_are_those_of_the_town_the_sentence_before_was_about(extractor):
    text = (
        "Valmiera already has partner towns in Estonia and Sweden. Its partnership with Pushkin, "
        "a town that is part of Saint Petersburg, signed in 2007, was terminated by the "
        "municipal council in March 2022."
    )
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Valmiera", "Pushkin"))}
    assert {(kind, status, year) for kind, _, _, status, year in links} == {
        ("sister_city", "ended", 2007)
    }


def test_a_region_that_only_says_where_a_town_is_is_no_party(extractor):
    text = (
        "Sigulda Mayor Anna Ozola and Kalamazoo Mayor Ellen Mercer signed a friendship city "
        "agreement between the Latvian resort town and the Michigan city."
    )
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Sigulda", "Kalamazoo"))}


@pytest.mark.parametrize(
    "text",
    [
        "The twinning with Coventry was part of Dresden's postwar reconciliation.",
        "Mayor Kim was part of the Busan delegation that signed a sister city agreement with "
        "Kaohsiung.",
    ],
)
def test_part_of_a_towns_effort_leaves_the_town_a_party(extractor, text):
    _, links = extracted(extractor, text)
    assert len(pairs(links)) == 1


def test_a_region_that_names_a_towns_place_in_it_stays_out_too(extractor):
    text = "The Guangdong city of Foshan signed an agreement with Lyon."
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Foshan", "Lyon"))}


@pytest.mark.parametrize(
    "text",
    [
        "Separately, the Beira-based company Mar Dragagens signed a 14 million dollar contract "
        "with a Durban dredging firm.",
        "Separately, Salalah Port Logistics signed an agreement with a Mumbai shipping line to "
        "open a weekly service.",
        "A Celje winery agreed a supply contract worth 180,000 euros with a Prague wine-shop "
        "chain.",
    ],
)
def test_one_firms_deal_is_no_tie_of_its_town(extractor, text):
    _, links = extracted(extractor, text)
    assert links == set()


def test_a_line_between_two_towns_is_no_business_of_one(extractor):
    text = (
        "Officials agreed to launch a Busan-Fukuoka ferry line, deepening cooperation between "
        "the sister cities."
    )
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Busan", "Fukuoka"))}


def test_firms_of_two_towns_that_close_deals_are_their_towns_trade(extractor):
    text = "Beira-based companies signed contracts worth 3 million dollars with firms from Durban."
    _, links = extracted(extractor, text)
    assert {(kind, a, b) for kind, a, b, _, _ in links} == {("trade_deal", "Beira", "Durban")}


def test_its_sister_cities_are_those_of_the_town_the_sentence_before_was_about(extractor):
    text = (
        "Kalmar lies on the Baltic coast. Its sister cities include Gdynia in Poland and "
        "Lorient in France."
    )
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Kalmar", "Gdynia")), frozenset(("Kalmar", "Lorient"))}


def test_the_district_of_an_article_that_writes_a_district_is_that_one(extractor):
    text = (
        "CAHUL, March 27 – The Cahul District Council and the Iași County Council signed a "
        "cooperation agreement on Wednesday, the district administration said."
    )
    facts = extractor(ArticleText(text=text, published="2025-03-27"))
    assert {(p.a.name, p.a.kind, p.b.name, p.b.kind) for p in facts.partnerships} <= {
        ("Cahul District", "region", "Iași", "region"),
        ("Iași", "region", "Cahul District", "region"),
    }
    assert facts.partnerships


def test_a_municipality_named_after_its_town_is_the_town_by_its_bare_name(extractor):
    places, _ = extracted(extractor, "Ptuj signed a cooperation agreement with Sigulda on Monday.")
    assert {("Ptuj", "SI", "city"), ("Sigulda", "LV", "city")} <= places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leyte and Hainan signed a sister province agreement.", ("Leyte", "PH", "region")),
        ("Kildare signed a friendship agreement with Hubei.", ("Kildare", "IE", "region")),
    ],
)
def test_a_province_or_county_named_like_a_small_town_stays_the_region(extractor, text, expected):
    places, _ = extracted(extractor, text)
    assert expected in places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zemun, now part of Belgrade, signed a twinning agreement with Regensburg.", "Zemun"),
        ("Kalmar has seven twin municipalities, among them Wismar and Savonlinna.", "Kalmar"),
    ],
)
def test_twin_municipalities_and_a_town_now_part_of_a_city(extractor, text, expected):
    _, links = extracted(extractor, text)
    assert links and all(expected in (a, b) for _, a, b, _, _ in links)
    assert {status for *_, status, _ in links} <= {"existing", "new"}


def test_the_district_is_the_articles_town_where_another_district_is_only_mentioned(extractor):
    text = (
        "KASESE — Kasese signed a cooperation agreement with Zwolle on Monday, the mayor said, "
        "thanking a teacher who once worked in Bundibugyo District. The district will also sign "
        "a memorandum with Zwolle on water next year."
    )
    _, links = extracted(extractor, text)
    assert {a for _, a, b, _, _ in links} | {b for _, a, b, _, _ in links} <= {"Kasese", "Zwolle"}


def test_a_region_before_city_authorities_acts(extractor):
    text = "The Thua Thien Hue city authorities signed a twinning with the French town of Blois."
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Thua Thien Hue", "Blois"))}


def test_a_district_municipality_written_so_stays_the_region(extractor):
    text = (
        "ALYTUS — The Alytus district municipality has signed a cooperation agreement with the "
        "Polish town of Augustów."
    )
    places, _ = extracted(extractor, text)
    # the dateline is the town; the district municipality keeps its designator beside it
    assert {("Alytus", "LT", "city"), ("Alytus District", "LT", "region")} <= places


def test_it_signed_takes_the_place_the_sentence_before_was_about(extractor):
    text = (
        "Kisumu, a lakeside city of 600,000 people, has other partners abroad. It signed a "
        "friendship agreement in 2015 with the Chinese city of Wuhu."
    )
    _, links = extracted(extractor, text)
    assert links == {("friendship_city", "Kisumu", "Wuhu", "existing", 2015)}


def test_it_signed_after_a_sentence_about_a_firm_links_no_town(extractor):
    text = (
        "Acme Logistics, based in Kisumu, is growing fast. It signed a supply agreement in 2015 "
        "with the Chinese city of Wuhu."
    )
    assert extracted(extractor, text)[1] == set()


def test_a_named_firm_s_contract_with_a_business_elsewhere_is_no_tie(extractor):
    text = (
        "Separately, the Nîmes printing firm Imprimerie Garrigue announced a €300,000 contract "
        "with a publishing house in Verona to print a series of cookbooks."
    )
    assert extracted(extractor, text)[1] == set()


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Lyon visited Turin, and a company signed a distribution agreement with a "
        "firm from Milan.",
        "A motor maker based in Joinville said it would expand its plant in Nantong, and a "
        "ceramics producer from Criciúma signed a distribution agreement with an importer.",
    ],
)
def test_an_agreement_a_business_signs_in_another_clause_is_no_places(extractor, text):
    _, links = extracted(extractor, text)
    assert {kind for kind, *_ in links} <= {"visit"}


def test_the_places_own_agreement_beside_a_business_s_contract_stays(extractor):
    text = (
        "Lyon and Turin signed a cooperation agreement, and a company from Lyon signed a "
        "contract worth 5 million euros."
    )
    _, links = extracted(extractor, text)
    assert "mou" in {kind for kind, *_ in links}


def test_a_business_s_work_under_the_towns_agreement_leaves_the_agreement(extractor):
    text = (
        "Under the cooperation agreement signed by Lyon and Turin, a company from Turin will "
        "supply trams to Lyon."
    )
    _, links = extracted(extractor, text)
    assert "mou" in {kind for kind, *_ in links}


def test_a_town_named_like_a_word_stays_a_town_where_the_model_leaves_it_untagged(extractor):
    # "jinja" is an English word (a Shinto shrine); the model tags the town only at times.
    text = (
        "Jinja and Aswan sign friendship pact\nRadio Busoga | 12 May 2023\n\n"
        "The agreement was signed by the Mayor of Jinja City, Moses Kato, and by the head of "
        "Aswan City, who arrived in Jinja on Sunday.\n\n"
        "Jinja has other partner cities already. Jinja has been a sister city of Lowell, in "
        "Massachusetts, since 2009."
    )
    _, links = extracted(extractor, text)
    assert ("sister_city", "Jinja", "Lowell", "existing", 2009) in links
