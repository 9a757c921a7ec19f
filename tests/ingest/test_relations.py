"""Partnership extraction rules, each on sentences written for the test (not from the seeds)."""

from ingest.facts import ArticleText


def links(extractor, text, published="2024-03-05"):
    facts = extractor(ArticleText(text=text, published=published))
    return {(p.a.name, p.b.name, p.kind): p for p in facts.partnerships}


def pairs(found):
    return {(frozenset((a, b)), kind) for a, b, kind in found}


def test_coordinated_visitors_each_get_a_visit(extractor):
    text = (
        "Mayors of Leeds, Sheffield and Bradford attended the green ports forum in Osaka on Monday."
    )
    found = links(extractor, text)
    visits = {(a, b) for a, b, kind in found if kind == "visit"}
    assert visits == {("Leeds", "Osaka"), ("Sheffield", "Osaka"), ("Bradford", "Osaka")}
    assert all(found[(a, b, "visit")].year == 2024 for a, b in visits)


def test_visit_direction_from_delegation_to_host(extractor):
    text = "A delegation from Mombasa visited Rotterdam last week to study port automation."
    found = links(extractor, text)
    assert ("Mombasa", "Rotterdam", "visit") in found
    assert ("Rotterdam", "Mombasa", "visit") not in found


def test_existing_sister_cities_with_start_year(extractor):
    text = "Kyoto and Boston have been sister cities since 1959, exchanging students every year."
    link = links(extractor, text)
    [(key, p)] = [(k, p) for k, p in link.items() if k[2] == "sister_city"]
    assert set(key[:2]) == {"Kyoto", "Boston"}
    assert (p.status, p.year) == ("existing", 1959)


def test_the_two_cities_refers_back_to_the_pair(extractor):
    text = (
        "Kyoto and Boston signed a sister-city agreement in 1959.\n\n"
        "This week the two cities agreed a new cooperation programme on clean energy."
    )
    found = pairs(links(extractor, text))
    assert (frozenset({"Kyoto", "Boston"}), "cooperation") in found


def test_the_state_refers_back_to_the_region(extractor):
    text = (
        "Governor Enrique Alfaro of Jalisco met officials in Oregon on Tuesday.\n\n"
        "He said the state is eager to become a sister state of Oregon."
    )
    found = links(extractor, text)
    [link] = [p for k, p in found.items() if k[2] == "sister_city"]
    assert {link.a.name, link.b.name} == {"Jalisco", "Oregon"}
    assert link.status == "proposed"


def test_chambers_sign_for_their_cities(extractor):
    text = (
        "The Lyon Chamber of Commerce and the Montreal Chamber of Commerce signed a "
        "memorandum of understanding on Tuesday."
    )
    link = {k: p for k, p in links(extractor, text).items() if k[2] == "mou"}
    assert {frozenset(k[:2]) for k in link} == {frozenset({"Lyon", "Montréal"})}
    assert next(iter(link.values())).status == "new"


def test_refusal_is_not_a_partnership(extractor):
    text = "The council of Bath declined to formalize a twinning with Aix-en-Provence."
    assert not any(k[2] == "sister_city" for k in links(extractor, text))


def test_discussing_the_possibility_is_proposed_at_most(extractor):
    text = (
        "Officials from Perth and Kobe discussed the possibility of a sister-city "
        "agreement during the meeting."
    )
    found = [p for k, p in links(extractor, text).items() if k[2] == "sister_city"]
    assert found and all(p.status == "proposed" for p in found)


def test_a_country_is_never_a_party(extractor):
    text = "Japan and Brazil signed a trade agreement worth US$2 billion on Friday."
    assert links(extractor, text) == {}


def test_trade_deal_keeps_its_amount(extractor):
    text = "Nairobi and Wuhan signed trade deals worth US$1.5 billion on Thursday."
    [deal] = [p for k, p in links(extractor, text).items() if k[2] == "trade_deal"]
    assert deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (1_500_000_000, "USD")
