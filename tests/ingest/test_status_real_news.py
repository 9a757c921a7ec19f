"""Status and year as real news phrases them: renewals, anniversaries, endings, refusals, goals
and background events, on sentences of our own."""

import pytest

from facts.shapes import ArticleText
from ingest.status import link_status, link_year


def links(extractor, text, published="2025-03-05"):
    facts = extractor(ArticleText(text=text, published=published))
    return {(p.a.name, p.b.name, p.kind): p for p in facts.partnerships}


def of_kind(found, kind):
    return [p for p in found.values() if p.kind == kind]


def ties(found):
    return [p for p in found.values() if p.kind != "visit"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Bergen and Rostock renewed their 1987 twinning agreement on Friday.", 1987),
        ("Kolding and Tartu re-signed their friendship charter at the town hall.", None),
        ("Aalborg reaffirmed its sister-city relationship with Rijeka on Monday.", None),
        (
            "After 15 years of partnership, Ghent and Cluj renewed their cooperation memorandum.",
            None,
        ),
    ],
)
def test_a_renewal_is_the_link_in_place_with_its_first_year(extractor, text, year):
    found = ties(links(extractor, text))
    assert found and {(p.status, p.year) for p in found} == {("existing", year)}


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("This year marks the 40th anniversary of the Aarhus-Turku twinning.", "2025-06-01", 1985),
        (
            "2023 marks the 25th anniversary of the twinning of Tartu and Uppsala.",
            "2023-06-01",
            1998,
        ),
        ("Aarhus and Turku celebrated the 40th anniversary of their twinning.", "2025-06-01", None),
    ],
)
def test_an_anniversary_is_in_place_and_dated_only_by_a_stated_year(
    extractor, text, published, year
):
    [link] = of_kind(links(extractor, text, published), "sister_city")
    assert (link.status, link.year) == ("existing", year)


@pytest.mark.parametrize(
    "text",
    [
        "Graz and Pécs have been twin towns for 32 years.",
        "Graz and Pécs signed their friendship agreement 10 years ago.",
        "After 15 years as sister cities, Graz and Pécs opened a joint office.",
    ],
)
def test_an_approximate_duration_gives_no_year(extractor, text):
    found = ties(links(extractor, text))
    assert found and {(p.status, p.year) for p in found} == {("existing", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Valencia and Bologna are already sister cities, the mayor noted.",
        "Valencia is already twinned with Bologna.",
        "Porto's two oldest sister cities are Lyon and Turin.",
        "Lyon has sister city relationships with Porto and Turin.",
    ],
)
def test_ties_already_in_place_are_existing(extractor, text):
    found = of_kind(links(extractor, text), "sister_city")
    assert found and {p.status for p in found} == {"existing"}


@pytest.mark.parametrize(
    "text",
    [
        "Turku declined the invitation to sign a friendship agreement with Kazan.",
        "The council voted against establishing a twinning between Espoo and Samara.",
        "Espoo scrapped plans for a twinning with Samara.",
    ],
)
def test_a_refusal_gives_no_link(extractor, text):
    assert not ties(links(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "The memorandum Lyon signed with Turin on Monday is a first step towards a sister-city "
        "relationship.",
        "Cusco and Kyoto signed a letter of intent with a view to becoming sister cities.",
        "Cusco and Kyoto signed a cooperation memorandum; the intention is to make them sister "
        "cities.",
    ],
)
def test_the_twinning_an_agreement_leads_to_is_proposed(extractor, text):
    found = links(extractor, text, "2024-06-01")
    [twinning] = of_kind(found, "sister_city")
    assert (twinning.status, twinning.year) == ("proposed", None)
    assert all((p.status, p.year) == ("new", 2024) for p in of_kind(found, "mou"))


def test_a_purpose_before_a_signing_leaves_it_new(extractor):
    text = "In order to boost trade, Lyon and Porto signed a sister city agreement on Monday."
    [link] = of_kind(links(extractor, text, "2024-06-01"), "sister_city")
    assert (link.status, link.year) == ("new", 2024)


@pytest.mark.parametrize(
    "text",
    [
        "Nakuru eyes sister city pact with Kumasi",
        "Nakuru and Kumasi in talks on a twinning agreement",
        "The council wants Kumasi to become Nakuru's next sister city.",
    ],
)
def test_a_link_eyed_or_in_talks_is_proposed(extractor, text):
    found = ties(links(extractor, text))
    assert found and {(p.status, p.year) for p in found} == {("proposed", None)}


def test_talks_that_ended_in_a_signing_leave_it_new(extractor):
    text = "After two years of talks, Lyon signed a twinning agreement with Porto."
    [link] = of_kind(links(extractor, text, "2025-02-12"), "sister_city")
    assert (link.status, link.year) == ("new", 2025)


@pytest.mark.parametrize(
    ("published", "year"),
    [("2025-03-01", 2024), (None, None)],
)
def test_last_year_needs_the_publication_date(extractor, published, year):
    text = "Lyon and Porto signed a sister city agreement last year."
    [link] = of_kind(links(extractor, text, published), "sister_city")
    assert link.year == year


def test_a_past_year_after_a_wish_is_history():
    text = "Their shared port led Lyon and Porto to become sister cities in 1985."
    status = link_status(text, text.index("sister"), "2025-03-05")
    assert (status, link_year(text, status, "2025-03-05")) == ("existing", 1985)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz of Cádiz visited Brest a month ago to discuss the ferry.",
        "A delegation from Brest visited Cádiz in 2019.",
        "A delegation from Brest visited Cádiz last year to review the ferry project.",
        "Cádiz and Brest became sister cities in 1995, when a delegation of Brest officials "
        "visited Cádiz.",
    ],
)
def test_a_visit_told_as_background_is_existing(extractor, text):
    [visit] = of_kind(links(extractor, text), "visit")
    assert visit.status == "existing"


def test_a_visit_last_week_is_the_news(extractor):
    text = "A delegation from Brest visited Cádiz last week."
    [visit] = of_kind(links(extractor, text), "visit")
    assert (visit.status, visit.year) == ("new", 2025)


def test_the_agreement_signed_weeks_before_publication_is_the_news(extractor):
    text = "Cádiz and Brest signed a friendship agreement on 7 January."
    [link] = ties(links(extractor, text, "2025-02-12"))
    assert (link.status, link.year) == ("new", 2025)


def test_a_first_partner_is_new(extractor):
    text = "Recife is Lyon's first friendship city partner, and Lyon has twin towns across Europe."
    [link] = of_kind(links(extractor, text), "friendship_city")
    assert link.status == "new"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Cádiz and Brest signed a friendship agreement in December.", 2024),
        ("Cádiz and Brest signed a friendship agreement on 3 February.", 2025),
        (
            "Cádiz and Brest signed a friendship agreement on Monday; the first fair is in May.",
            2025,
        ),
    ],
)
def test_a_month_dates_the_act_by_the_publication_day(extractor, text, year):
    [link] = ties(links(extractor, text, "2025-02-12"))
    assert (link.status, link.year) == ("new", year)


@pytest.mark.parametrize(
    "text",
    [
        "Lyon and Porto signed a sister city agreement on renewable energy on Monday.",
        "Lyon and Porto signed a sister city pact on Monday, amid renewed interest in twinning.",
        "Lyon and Porto, whose mayors met in 1990, signed a sister city agreement on Monday.",
        "Gwangju, known for its 1980 uprising, signed a sister city agreement with Lyon on Monday.",
    ],
)
def test_words_and_years_about_something_else_leave_a_signing_new(extractor, text):
    [link] = of_kind(links(extractor, text), "sister_city")
    assert (link.status, link.year) == ("new", 2025)


def test_a_plan_a_city_already_has_is_still_a_plan(extractor):
    text = "Lyon already has plans to become a sister city of Porto."
    [link] = of_kind(links(extractor, text), "sister_city")
    assert (link.status, link.year) == ("proposed", None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("A delegation from Lyon will travel to Porto from September 6–11, 2017.", "proposed"),
        ("A delegation from Lyon visits Porto from September 6–11, 2017.", "proposed"),
        ("A delegation from Lyon visited Porto from March 6–11, 2017.", "new"),
    ],
)
def test_a_date_after_publication_is_still_to_come(extractor, text, status):
    [visit] = of_kind(links(extractor, text, "2017-05-10"), "visit")
    assert visit.status == status


@pytest.mark.parametrize(
    "text",
    [
        "The Lyon delegation's trip to Porto starts next Wednesday.",
        "A delegation from Lyon visits Porto in the coming days.",
    ],
)
def test_a_trip_about_to_start_is_still_to_come(extractor, text):
    [visit] = of_kind(links(extractor, text), "visit")
    assert (visit.status, visit.year) == ("proposed", None)


def test_a_partner_that_was_so_in_a_past_year_is_a_tie_in_place(extractor):
    text = (
        "Lyon has friendship relations with many cities. Its first friendship city was Porto "
        "in Portugal, in 1979. Lyon has 22 partners now."
    )
    found = [p for p in ties(links(extractor, text)) if "Porto" in (p.a.name, p.b.name)]
    assert found and {(p.status, p.year) for p in found} == {("existing", 1979)}


def test_agreeing_to_start_a_programme_is_a_plan(extractor):
    text = "The mayors of Lyon and Porto agreed to start a farmers' exchange programme."
    found = ties(links(extractor, text))
    assert found and {(p.status, p.year) for p in found} == {("proposed", None)}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("An upcoming visit by a Porto delegation to Lyon will focus on trams.", "proposed"),
        ("The visit of Porto officials to Lyon went ahead as planned on Monday.", "new"),
    ],
)
def test_an_upcoming_visit_is_proposed_and_one_as_planned_is_not(extractor, text, status):
    [visit] = of_kind(links(extractor, text), "visit")
    assert visit.status == status


@pytest.mark.parametrize(
    "text",
    [
        "Graz agreed to renew its twinning with Pécs on Monday.",
        "Graz hopes to revive its twinning with Pécs after years of silence.",
    ],
)
def test_a_wish_to_renew_a_link_keeps_it_in_place(extractor, text):
    found = of_kind(links(extractor, text), "sister_city")
    assert found and {p.status for p in found} == {"existing"}


@pytest.mark.parametrize(
    ("trigger", "year"),
    [("twinned", None), ("friendship", 2004)],
)
def test_a_year_of_another_clause_s_own_act_is_not_the_link_s(trigger, year):
    text = (
        "Lyon is already twinned with Porto and Turin, and it signed a friendship agreement "
        "with Kassel in 2004."
    )
    assert link_year(text, "existing", "2025-03-01", text.index(trigger)) == year


@pytest.mark.parametrize(
    "text",
    [
        "Between 1981 and 1985 Lyon and Porto signed a friendship pact and exchanged students.",
        "From 2005 to 2007 Lyon and Porto ran a joint cooperation programme on trams.",
    ],
)
def test_a_span_of_years_is_past_but_dates_no_start(extractor, text):
    found = ties(links(extractor, text))
    assert found and {(p.status, p.year) for p in found} == {("existing", None)}


def test_a_headline_renewal_is_the_link_in_place(extractor):
    [link] = ties(links(extractor, "Lyon, Porto renew sister city ties"))
    assert (link.status, link.year) == ("existing", None)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The Lahti council scrapped the friendship agreement with Tver on Tuesday.", None),
        ("Vilnius suspended ties with its sister city Minsk in 2020.", None),
        ("Riga terminated the twinning with its sister city Kazan, signed in 1997.", 1997),
        ("Tallinn froze relations with its partner city Samara.", None),
        ("The Oulu council voted to end the partnership with its twin town Murmansk.", None),
        ("The twinning between Oulu and Murmansk was suspended in March.", None),
        ("Bergen scraps friendship agreement with Tver", None),
        (
            "The Lahti council voted on Tuesday to terminate its friendship agreement with "
            "Tver, signed in 2012.",
            2012,
        ),
    ],
)
def test_a_link_cut_is_ended_with_its_start_year(extractor, text, year):
    found = ties(links(extractor, text, "2022-06-01"))
    assert found and {(p.status, p.year) for p in found} == {("ended", year)}


@pytest.mark.parametrize(
    "text",
    [
        "Some councillors want to suspend the twinning between Oulu and Murmansk.",
        "The council refused to end the twinning between Oulu and Murmansk.",
        "The council voted against ending the partnership between Oulu and Murmansk.",
    ],
)
def test_an_ending_only_debated_leaves_the_link_in_place(extractor, text):
    found = ties(links(extractor, text, "2022-06-01"))
    assert found and {p.status for p in found} == {"existing"}


@pytest.mark.parametrize(
    "text",
    [
        "Lyon and Porto signed a sister city agreement after storms cut the ferry links.",
        "The visit ended with the signing of a sister city agreement between Lyon and Porto.",
    ],
)
def test_an_ending_of_something_else_leaves_a_signing_new(extractor, text):
    [link] = of_kind(links(extractor, text, "2022-06-01"), "sister_city")
    assert link.status == "new"
