"""Local council news: the council speaks for its town, which may never name its country."""

import pytest

from facts.shapes import ArticleText
from ingest.reader import read_bytes
from ingest.sentences import is_dateline
from ingest.status import link_status


def facts(extractor, text):
    return extractor(ArticleText(text=text, published="2025-03-10"))


def links(found):
    return {(p.kind, p.a.name, p.b.name, p.status) for p in found.partnerships}


def places(found):
    return {(m.place.name, m.place.country) for m in found.places}


def test_the_council_is_the_town_the_article_is_about(extractor):
    text = (
        "Kirkcaldy councillors have backed closer ties with Estonia. Kirkcaldy has traded with "
        "Baltic ports for centuries, officials said.\n\n"
        "On Monday the council voted to sign a friendship agreement with Tartu, the Estonian "
        "university city."
    )
    found = facts(extractor, text)
    assert ("Tartu", "EE") in places(found)  # the model calls it an ORG; "Estonian" places it
    assert any({a, b} == {"Kirkcaldy", "Tartu"} and status == "new"
               for _, a, b, status in links(found))  # fmt: skip


@pytest.mark.parametrize("council", ["the council", "the City Council", "the Town Council"])
def test_the_council_capitalised_or_not_is_the_article_town(extractor, council):
    text = (
        "Wexford twinning news\nBy Aoife Byrne | Wexford, 3 March 2025\n\n"
        f"In February {council} ended the partnership agreement with Tver, citing the war."
    )
    assert ("sister_city", "Wexford", "Tver", "ended") in links(facts(extractor, text))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The City Council in Cork signed an MoU with Shanghai.",
            {("mou", "Cork", "Shanghai", "new")},
        ),
        (
            "A delegation from Osaka visited Tianjin, where the City Council signed a "
            "friendship agreement.",
            {("friendship_city", "Osaka", "Tianjin", "new"), ("visit", "Osaka", "Tianjin", "new")},
        ),
        ("Separately, the British Council signed an MoU with Bonn.", set()),
    ],
)
def test_a_council_another_place_or_a_nation_owns_is_not_the_article_town(
    extractor, body, expected
):
    text = f"Wexford twinning news\nBy Aoife Byrne | Wexford, 3 March 2025\n\n{body}"
    assert links(facts(extractor, text)) == expected


def test_a_national_council_is_no_town(extractor):
    text = (
        "Wexford twinning news\nBy Aoife Byrne | Wexford, 3 March 2025\n\n"
        "In February the National Council ended the partnership agreement with Tver."
    )
    assert not links(facts(extractor, text))


def test_a_town_named_again_and_again_needs_no_country(extractor):
    text = (
        "Kirkcaldy councillors met on Monday. Kirkcaldy has had links with Baltic ports since "
        "the 1990s. The town council agreed to renew its twinning with Ingolstadt in Bavaria, "
        "which dates from 1962."
    )
    found = facts(extractor, text)
    assert ("Kirkcaldy", "GB") in places(found)
    assert ("sister_city", "Kirkcaldy", "Ingolstadt", "existing") in links(found)


@pytest.mark.parametrize(
    ("body", "link"),
    [
        # the town a story is filed from needs no country
        ("LUGANVILLE – The town council on Monday signed a friendship agreement with Cairns in "
         "Australia, the first such tie for Luganville.",
         ("friendship_city", "Luganville", "Cairns", "new")),
        # "council", bare and in lower case, is the town's own
        ("LUGANVILLE – The Luganville Municipal Council met on Tuesday. In the same sitting, "
         "council ratified a memorandum of understanding on fire services with the City of "
         "Cairns.", ("mou", "Luganville", "Cairns", "new")),
    ],
)  # fmt: skip
def test_a_small_towns_council_news_speaks_for_the_town(extractor, body, link):
    page = f"Council news\nBy Staff | 2025-03-10\n\n{body}\n"
    assert link in links(extractor(read_bytes(page.encode(), name="news.txt")))


def test_a_surname_named_as_often_as_the_places_is_no_town(extractor):
    text = (
        "Bell, who runs a bakery, said the Nairobi delegation had visited twice. "
        "Bell said the visits had brought orders from Nairobi and Mombasa."
    )
    assert not any(name == "Bell" for name, _ in places(facts(extractor, text)))


def test_voting_against_establishing_a_link_makes_none(extractor):
    text = (
        "Belfast councillors debated the motion for two hours. Belfast has no twin town in "
        "Asia. On Tuesday the council voted eight to four against establishing a sister-city "
        "relationship with Zhuhai, in China's Guangdong province, citing costs."
    )
    assert not [p for p in facts(extractor, text).partnerships if p.kind == "sister_city"]


def test_a_city_having_an_agreement_with_a_named_partner_is_linked(extractor):
    found = facts(extractor, "Wollongong has had a sister-city agreement with Kawasaki since 1988.")
    assert ("sister_city", "Wollongong", "Kawasaki", "existing") in links(found)
    found = facts(extractor, "Wollongong has a sister-city agreement with Kawasaki.")
    assert ("sister_city", "Wollongong", "Kawasaki", "existing") in links(found)
    assert not facts(extractor, "Wollongong has two sister cities in Japan.").partnerships


def test_a_city_council_is_its_city_even_for_a_sister_city(extractor):
    text = (
        "Wollongong City Council, which has had a sister-city agreement with Kawasaki since "
        "1988, said it would send a delegation in May."
    )
    assert ("sister_city", "Wollongong", "Kawasaki", "existing") in links(facts(extractor, text))


def test_a_place_council_is_its_city(extractor):
    text = "Auckland Council has ended its sister-city relationship with Guangzhou."
    assert ("sister_city", "Auckland", "Guangzhou", "ended") in links(facts(extractor, text))


def test_the_council_is_the_dateline_town_even_when_another_town_is_named_more(extractor):
    text = (
        "KENDAL — Kendal councillors on Monday rejected a call to twin the town with Lugano. "
        "Lugano had written twice, and Lugano officials had been keen on the idea. "
        "Lugano tourism chiefs said they were sorry.\n\n"
        "The mayor said the council would now renew its link with Rinteln, whose mayor will "
        "visit Kendal in June to mark fifty years of the twinning."
    )
    pairs = {frozenset((p.a.name, p.b.name)) for p in facts(extractor, text).partnerships}
    assert frozenset(("Kendal", "Rinteln")) in pairs
    assert not any("Lugano" in pair for pair in pairs)  # a refusal and no council of Lugano's


def test_the_link_with_a_lone_partner_is_the_article_s_own_town_s(extractor):
    text = (
        "SIBU: The municipal council met on Monday.\n\n"
        "The sister city relationship with Kakegawa began in 2009.\n\n"
        "As for the LoI with Balikpapan, the chairman said it was yet to be inked.\n\n"
        "The memorandum with Samarinda is still being negotiated."
    )
    assert links(facts(extractor, text)) == {
        ("sister_city", "Sibu", "Kakegawa", "existing"),
        ("mou", "Sibu", "Balikpapan", "proposed"),
        ("mou", "Sibu", "Samarinda", "proposed"),
    }


def test_someone_else_s_agreement_with_a_lone_partner_is_not_the_town_s(extractor):
    text = (
        "SIBU: The municipal council met on Monday.\n\n"
        "The university signed an agreement with Kakegawa last year.\n\n"
        "The college's memorandum with Balikpapan was renewed.\n\n"
        "The memorandum with Kuching is still being negotiated."  # a town of its own country
    )
    assert links(facts(extractor, text)) == set()


def test_the_town_of_a_mayor_needs_no_country(extractor):
    text = (
        "Harbin and Dalian officials met on Monday.\n\n"
        "The mayor of Lund will lead a business delegation to Dalian next spring."
    )
    found = facts(extractor, text)
    assert ("Lund", "SE") in places(found)
    assert ("visit", "Lund", "Dalian", "proposed") in links(found)


def test_a_metropolitan_assembly_is_its_city_even_for_a_sister_city(extractor):
    text = (
        "ACCRA — The Accra Metropolitan Assembly has signed a sister city agreement with Chicago."
    )
    assert ("sister_city", "Accra", "Chicago", "new") in links(facts(extractor, text))


COUNCIL_PAGE = (
    "Council reviews its sister city program\n"
    "Townsville City Council > News > Community | Published: 5 March 2026\n\n"
    "Council has reviewed its international relationships, Mayor Troy Price said.\n\n"
    "- Council resolved to conclude the friendship city relationship with Foshan, in China's "
    "Guangdong Province, which has had no exchange activity since 2019.\n"
    "- Council renewed the sister city agreement with Iwaki for a further five years. Iwaki "
    "students visited in 2025, and Iwaki teachers will come in July."
)


def test_a_council_s_own_news_page_speaks_for_its_town(extractor):
    found = extractor(read_bytes(COUNCIL_PAGE.encode(), name="council.txt"))
    assert [(p.name, p.role, p.place.name) for p in found.people] == [
        ("Troy Price", "mayor", "Townsville")
    ]
    partners = {(p.b.name, p.status) for p in found.partnerships if p.a.name == "Townsville"} | {
        (p.a.name, p.status) for p in found.partnerships if p.b.name == "Townsville"
    }
    assert {("Foshan", "ended"), ("Iwaki", "existing")} <= partners


@pytest.mark.parametrize(
    "text",
    [
        "The two cities concluded an agreement on trade in Lyon.",
        "Lyon and Porto concluded their twinning agreement on Monday.",
    ],
)
def test_concluding_an_agreement_is_signing_it(text):
    assert link_status(text, text.index("agreement"), "2026-03-05") != "ended"


TABLE_PAGE = (
    "Our international partners\n"
    "Ballarat City Council > Community | Published: 4 May 2026\n\n"
    "Council keeps five international relationships.\n\n"
    "Partner city | Country | Relationship | Established | Status\n"
    "Matsuyama (Ehime Prefecture) | Japan | Sister city | 1998 | Active\n"
    "Changchun (Jilin Province) | China | Friendship city | 2006 | Ended 2026\n"
    "Galway | Ireland | Sister city | 2011 | Active\n\n"
    "The council will review the program next year."
)


def test_a_table_of_partners_gives_each_row_s_tie_with_the_page_s_town(extractor):
    found = extractor(read_bytes(TABLE_PAGE.encode(), name="partners.txt"))
    rows = {
        (p.b.name, p.kind, p.status, p.year) for p in found.partnerships if p.a.name == "Ballarat"
    }
    assert rows == {
        ("Matsuyama", "sister_city", "existing", 1998),
        ("Changchun", "friendship_city", "ended", 2006),
        ("Galway", "sister_city", "existing", 2011),
    }


def test_a_table_s_columns_may_be_split_by_tabs(extractor):
    page = TABLE_PAGE.replace(" | ", "\t")
    found = extractor(read_bytes(page.encode(), name="partners.txt"))
    assert {p.b.name for p in found.partnerships if p.a.name == "Ballarat"} == {
        "Matsuyama",
        "Changchun",
        "Galway",
    }


def test_a_plain_city_column_is_the_partners_when_another_column_speaks_of_partners(extractor):
    page = TABLE_PAGE.replace(
        "Partner city | Country | Relationship | Established | Status",
        "City | Country | Relationship | Partner since | Status",
    )
    found = extractor(read_bytes(page.encode(), name="partners.txt"))
    assert {p.b.name for p in found.partnerships if p.a.name == "Ballarat"} == {
        "Matsuyama",
        "Changchun",
        "Galway",
    }


def test_a_bare_partner_column_with_the_kind_and_its_state_in_one_cell(extractor):
    page = (
        "Ballarat's links at a glance\n"
        "Ballarat City Council > Community | Published: 4 May 2026\n\n"
        "Partner | Country | Type | Year\n"
        "Matsuyama | Japan | Sister city | 1998\n"
        "Changchun | China | Friendship city (suspended 2022) | 2006\n"
        "Galway | Ireland | MoU on tourism | 2026\n"
    )
    found = extractor(read_bytes(page.encode(), name="partners.txt"))
    rows = {
        (p.b.name, p.kind, p.status, p.year) for p in found.partnerships if p.a.name == "Ballarat"
    }
    assert rows == {
        ("Matsuyama", "sister_city", "existing", 1998),
        ("Changchun", "friendship_city", "ended", 2006),
        ("Galway", "mou", "new", 2026),  # the row of the year of the news is the news
    }


MEMORANDUM_TABLE = (
    "Our partner network\n"
    "Porto Business Association > News | Published: 9 March 2023\n\n"
    "PORTO - Our members met on Monday.\n\n"
    "The Association has memorandums with business groups in two cities.\n\n"
    "Partner city | Country | Partner group | Signed | Status\n"
    "Recife | Brazil | Association of Recife Exporters | 2014 | Active\n"
    "Maputo | Mozambique | Maputo Traders Circle | 2017 | Suspended\n"
)


def test_a_table_under_a_paragraph_on_memorandums_lists_memorandums(extractor):
    found = extractor(read_bytes(MEMORANDUM_TABLE.encode(), name="partners.txt"))
    assert {(p.a.name, p.b.name, p.kind, p.status, p.year) for p in found.partnerships} == {
        ("Porto", "Recife", "mou", "existing", 2014),
        ("Porto", "Maputo", "mou", "ended", 2017),
    }  # not Recife with itself: its group's name names no other side


def test_a_table_under_a_paragraph_on_twinning_keeps_its_rows_twinnings(extractor):
    page = MEMORANDUM_TABLE.replace("has memorandums with business groups in", "is twinned with")
    found = extractor(read_bytes(page.encode(), name="partners.txt"))
    assert {p.kind for p in found.partnerships} == {"sister_city"}


TOWNLESS_TABLE = (
    "Partners at a glance\n\n"
    "Partner city | Country | Type | Year\n"
    "Seattle | United States | Sister city | 1986\n"
    "Lorient | France | Twin town | 2001\n"
    "Qingdao | China | Friendship city | 2024\n"
)


def test_a_table_whose_town_the_text_never_names_gives_no_ties(extractor):
    found = extractor(read_bytes(TOWNLESS_TABLE.encode(), name="partners.txt"))
    assert not found.partnerships  # not its first row's town with the others


def test_a_table_s_town_is_the_one_named_before_it(extractor):
    page = (
        "Our partners\nCork City Council > International | Published: 3 May 2024\n\n"
        "Cork keeps three international relationships.\n\n" + TOWNLESS_TABLE
    )
    found = extractor(read_bytes(page.encode(), name="partners.txt"))
    assert {(p.a.name, p.b.name) for p in found.partnerships} == {
        ("Cork", "Seattle"),
        ("Cork", "Lorient"),
        ("Cork", "Qingdao"),
    }


def test_a_town_s_city_commissioners_say_it_is_a_town_the_model_takes_for_a_person(extractor):
    # The model reads most "Lawrence"s as a first name, and "Lawrence Free State High School"
    # as a person; "Lawrence city commissioners" says which Lawrence the article means.
    text = (
        "Lawrence city commissioners voted on Tuesday to fund a summer exchange with Hiratsuka, "
        "but turned down a twinning request from Mbeya, Tanzania.\n\n"
        "Under the plan, five Lawrence teachers will spend two weeks in Hiratsuka, and five "
        "teachers from Hiratsuka will come to Lawrence in the spring. Hiratsuka has been "
        "Lawrence's sister city since 1990.\n\n"
        "The teachers will work at Lawrence Free State High School, commissioner Ann Cole said."
    )
    found = facts(extractor, text)
    assert ("Lawrence", "US") in places(found)
    assert ("sister_city", "Hiratsuka", "Lawrence", "existing") in links(found)


def test_a_school_the_model_takes_for_a_person_leaves_its_town_a_place(extractor):
    text = (
        "Marion Harding High School hosted students from Kyoto, Japan. Marion has been twinned "
        "with Kyoto since 1990."
    )
    found = facts(extractor, text)
    assert {(kind, a, b) for kind, a, b, _ in links(found)} == {("sister_city", "Marion", "Kyoto")}


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("Sohar, Nov 16 (ONA) — The two cities signed a memorandum.", True),
        ("Lautoka, 4 May 2025 - The council met on Monday.", True),
        ("Lautoka, May 4 — Mayor Ana Rokosawa opened the fair.", True),
        ("Lautoka, May 4 - 6: the fair, with Suva's choir.", False),
        ("LAUTOKA — The council met on Monday.", True),
        ("Lautoka, the second city, met Suva on Monday.", False),
        ("Lautoka, May and June were busy months for the council.", False),
    ],
)
def test_a_wire_s_dateline_in_capitals_or_before_its_date_is_one(nlp, text, dateline):
    doc = nlp(text)
    assert is_dateline(doc.spans["places"][0]) is dateline
