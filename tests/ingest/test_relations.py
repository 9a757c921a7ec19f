"""Partnership extraction rules, each on sentences written for the test (not from the seeds)."""

from facts.shapes import ArticleText


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


def test_travelling_to_a_city_is_a_visit_planned_or_made(extractor):
    planned = links(extractor, "Officials from Busan will travel to Seattle next month.")
    assert planned[("Busan", "Seattle", "visit")].status == "proposed"
    made = links(extractor, "A Gdansk delegation travelled to Bremen last week.")
    assert made[("Gdańsk", "Bremen", "visit")].status == "new"


def test_the_city_that_hosts_a_delegation_is_the_host(extractor):
    text = "Cape Town Mayor Geordin Hill-Lewis hosted a delegation from Hangzhou on Tuesday."
    assert ("Hangzhou", "Cape Town", "visit") in links(extractor, text)
    text = "Lyon welcomed a delegation from Chengdu on Monday."
    assert ("Chengdu", "Lyon", "visit") in links(extractor, text)


def test_a_partnership_dating_back_to_a_year_began_then(extractor):
    found = links(extractor, "The partnership between Pune and Bremen dates back to 1995.")
    (link,) = found.values()
    assert (link.status, link.year) == ("existing", 1995)


def test_signing_a_memorandum_or_an_accord_is_an_agreement(extractor):
    assert ("Guatemala City", "Taipei", "mou") in links(
        extractor, "Guatemala City signed a memorandum with Taipei."
    )
    assert ("Kigali", "Nairobi", "mou") in links(
        extractor, "Kigali and Nairobi signed an accord on waste management."
    )


def test_where_something_was_said_is_no_party(extractor):
    text = "Perth and Kagoshima have been sister cities since 1974, the lord mayor said in Kobe."
    assert {frozenset((a, b)) for a, b, _ in links(extractor, text)} == {
        frozenset(("Perth", "Kagoshima"))
    }


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


def kinds(found, kind):
    return {frozenset(k[:2]): p for k, p in found.items() if k[2] == kind}


def test_an_agreement_signed_is_new_whatever_it_will_do(extractor):
    text = "Gdansk will repair two schools in Odesa under an agreement signed on Monday."
    [link] = kinds(links(extractor, text), "mou").values()
    assert link.status == "new"


def test_a_month_named_may_is_no_wish(extractor):
    text = "KOBE, Japan, May 20 — Kobe and Curitiba signed an agreement on bus fleets on Monday."
    [link] = kinds(links(extractor, text), "mou").values()
    assert link.status == "new"


def test_a_renewed_twinning_charter_is_an_agreement(extractor):
    text = "Arles and Verden signed a renewed twinning charter on Saturday."
    assert frozenset({"Arles", "Verden"}) in kinds(links(extractor, text), "mou")


def test_the_founding_twinning_agreement_is_the_twinning_itself(extractor):
    text = "Arles and Verden signed their sister-city agreement 40 years ago."
    found = links(extractor, text)
    assert kinds(found, "mou") == {}
    assert kinds(found, "sister_city")[frozenset({"Arles", "Verden"})].status == "existing"


def test_discussing_a_twinning_is_proposed(extractor):
    text = "Quito and Lima sign transport agreement, discuss sister-city status"
    found = links(extractor, text)
    assert next(iter(kinds(found, "sister_city").values())).status == "proposed"
    assert next(iter(kinds(found, "mou").values())).status == "new"


def test_a_partner_left_unnamed_is_no_link(extractor):
    text = (
        "Unlike Ballarat, Bendigo has several partner cities, and Geelong has had a sister "
        "city in Japan since 1990."
    )
    assert kinds(links(extractor, text), "sister_city") == {}


def test_an_events_aim_is_no_cooperation(extractor):
    text = "The mayor spoke after a forum aimed at promoting trade ties between Lyon and Quebec."
    assert kinds(links(extractor, text), "cooperation") == {}


def test_an_organisation_named_in_passing_is_no_party(extractor):
    text = "Some deals will be financed by the Bank of Baroda, which has an office in Antwerp."
    assert links(extractor, text) == {}


def test_where_visitors_go_next_is_not_the_host(extractor):
    text = "The Wuhan delegation toured the port of Mombasa on Tuesday before flying to Nairobi."
    assert ("Wuhan", "Nairobi", "visit") not in links(extractor, text)


def test_days_spent_in_a_city_are_a_visit(extractor):
    text = "Mayors of Leeds and York spent three days this week in Kobe."
    found = links(extractor, text)
    assert {("Leeds", "Kobe", "visit"), ("York", "Kobe", "visit")} <= set(found)


def test_the_host_stays_the_host(extractor):
    text = (
        "OSAKA — A delegation from Lyon spent two days in Kobe.\n\n"
        "Kenji Sato, the mayor of Kobe, met the delegation on Friday."
    )
    assert not any(k[0] == "Kobe" and k[2] == "visit" for k in links(extractor, text))


def test_the_city_council_is_no_anaphor(extractor):
    text = (
        "Edinburgh was the first stop.\n\n"
        "The city commission voted to send a band to its sister city when Stirling hosts a fair."
    )
    assert kinds(links(extractor, text), "sister_city") == {}


def test_a_city_listing_its_partners_is_the_hub_of_each_link(extractor):
    text = (
        "Drawing crowds from Genoa, the festival opened in Kraków on Friday. Bergen is twinned "
        "with Malmö, Turku and Gothenburg, and it signed a friendship agreement with Quebec City "
        "in 2011."
    )
    found = {k for k in links(extractor, text) if k[2] in {"sister_city", "friendship_city"}}
    assert pairs(found) == pairs(
        [
            ("Bergen", "Malmö", "sister_city"),
            ("Bergen", "Turku", "sister_city"),
            ("Bergen", "Gothenburg", "sister_city"),
            ("Bergen", "Québec", "friendship_city"),
        ]
    )


def test_where_an_agreement_was_signed_is_no_party(extractor):
    for text in (
        "Leeds signed a sister city agreement with Dortmund at a ceremony in Berlin.",
        "Leeds signed a sister city agreement with Dortmund in Berlin on Monday.",
        "Leeds and Dortmund signed the memorandum in Berlin.",
    ):
        found = {(a, b) for a, b, kind in links(extractor, text) if kind != "visit"}
        assert {frozenset(p) for p in found} == {frozenset(("Leeds", "Dortmund"))}, text


def test_a_delegation_signing_in_its_partner_city_links_the_two(extractor):
    text = "A Leeds delegation signed several memorandums of understanding in Dortmund."
    found = {frozenset((a, b)) for a, b, kind in links(extractor, text) if kind == "mou"}
    assert found == {frozenset(("Leeds", "Dortmund"))}


def test_each_main_clause_keeps_its_own_pair(extractor):
    text = (
        "Leeds signed a friendship agreement with Lille, and Dortmund signed a sister city "
        "agreement with Brno."
    )
    found = {(frozenset((a, b)), kind) for a, b, kind in links(extractor, text)}
    assert (frozenset(("Leeds", "Lille")), "friendship_city") in found
    assert (frozenset(("Dortmund", "Brno")), "sister_city") in found
    assert all(pair in {frozenset(("Leeds", "Lille")), frozenset(("Dortmund", "Brno"))}
               for pair, _ in found)  # fmt: skip
