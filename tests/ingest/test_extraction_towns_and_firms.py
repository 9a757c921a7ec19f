"""Small towns and their ties: partner municipalities, "its partnership with", the town a region
is named after, a region that only says where a town is, and one firm's deal, which is no tie
of its town."""

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
        "Valmiera has partner municipalities in four countries, including Elva in Estonia and "
        "Lidköping in Sweden.",
        "Valmiera's sister municipalities include Elva in Estonia and Lidköping in Sweden.",
    ],
)
def test_partner_municipalities_are_twinnings_in_place(extractor, text):
    _, links = extracted(extractor, text)
    assert {(kind, status) for kind, _, _, status, _ in links} == {("sister_city", "existing")}
    assert pairs(links) == {frozenset(("Valmiera", "Elva")), frozenset(("Valmiera", "Lidköping"))}


@pytest.mark.parametrize(
    "text",
    [
        "Celje this year marks the 30th anniversary of its partnership with the Austrian town of "
        "Leoben, signed in 1993.",
        "Guests from Leoben came for the 30th anniversary of Celje's partnership with Leoben.",
    ],
)
def test_a_towns_own_partnership_is_its_twinning(extractor, text):
    _, links = extracted(extractor, text)
    assert {kind for kind, *_ in links} == {"sister_city"}
    assert pairs(links) == {frozenset(("Celje", "Leoben"))}


def test_a_firms_partnership_with_a_town_is_no_twinning(extractor):
    text = "Siemens said its partnership with Munich and Leipzig would grow next year."
    _, links = extracted(extractor, text)
    assert links == set()


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


def test_a_town_a_region_is_named_after_is_what_its_bare_name_means(extractor):
    text = "Cahul signed a cooperation agreement with Jõgeva on Monday."
    places, _ = extracted(extractor, text)
    assert {("Cahul", "MD", "city"), ("Jõgeva", "EE", "city")} <= places


def test_a_region_is_not_the_namesake_town_of_another_region(extractor):
    text = (
        "Los Lagos signed its second international agreement on Monday.\n\n"
        "The first, a friendship agreement with the German state of Saxony, was signed in 2012."
    )
    places, _ = extracted(extractor, text)
    assert ("Los Lagos", "CL", "region") in places


def test_a_region_named_with_its_kind_word_is_still_the_region(extractor):
    text = "Cahul District signed a cooperation agreement with Galați County on Monday."
    places, links = extracted(extractor, text)
    assert ("Cahul", "MD", "region") in places or ("Cahul District", "MD", "region") in places
    assert ("Cahul", "MD", "city") not in places


def test_a_region_that_only_says_where_a_town_is_is_no_party(extractor):
    text = (
        "Sigulda Mayor Anna Ozola and Kalamazoo Mayor Ellen Mercer signed a friendship city "
        "agreement between the Latvian resort town and the Michigan city."
    )
    _, links = extracted(extractor, text)
    assert pairs(links) == {frozenset(("Sigulda", "Kalamazoo"))}


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


def test_firms_of_two_towns_that_close_deals_are_their_towns_trade(extractor):
    text = "Beira-based companies signed contracts worth 3 million dollars with firms from Durban."
    _, links = extracted(extractor, text)
    assert {(kind, a, b) for kind, a, b, _, _ in links} == {("trade_deal", "Beira", "Durban")}
