"""Writes: an article is stored once per scope, its facts merged into places and partnerships."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from facts.shapes import (
    ArticleFacts,
    ArticleText,
    Money,
    Organization,
    Partnership,
    Person,
    Place,
    PlaceMention,
)
from store import models
from store.queries import pair_links, place_profile, places_by_key
from store.repository import add_article, ensure_place, known_article

TEXT = "Dunedin and Shanghai have been sister cities since 1994, the mayor said."
URL = "https://News.example.com/world/dunedin-shanghai?id=7"


def _place_id(sessions, place: Place) -> int:
    with sessions.begin() as session:
        return places_by_key(session, [place.key])[place.key].id


def _links(sessions, a: Place, b: Place, team_id: str | None = None):
    a_id, b_id = _place_id(sessions, a), _place_id(sessions, b)
    with sessions.begin() as session:
        return pair_links(session, a_id, b_id, team_id=team_id)


def _link(a: Place, b: Place, kind: str, status: str, sentence: str, year=None, amount=None):
    return ArticleFacts(
        title=sentence,
        places=[PlaceMention(a, 1), PlaceMention(b, 1)],
        partnerships=[Partnership(a, b, kind, status, sentence, year, amount)],
    )


# --- a new article --------------------------------------------------------------------------


def test_new_article_stores_its_places_people_organizations_and_partnerships(
    add, sessions, rows, places
):
    dunedin, shanghai = places.dunedin, places.shanghai
    facts = ArticleFacts(
        title="Dunedin renews ties",
        published="2024-05-24",
        source="Xinhua",
        places=[PlaceMention(dunedin, 3), PlaceMention(shanghai, 2), PlaceMention(dunedin, 1)],
        people=[Person("Jules Radich", "mayor", dunedin), Person("Jules Radich", None, dunedin)],
        organizations=[Organization("Shanghai General Chamber of Commerce", shanghai)],
        partnerships=[
            Partnership(dunedin, shanghai, "sister_city", "existing", TEXT, 1994),
            Partnership(
                dunedin, shanghai, "trade_deal", "new", "They signed a $30.2m deal.",
                2024, Money(30_200_000, "USD"),
            ),
        ],
    )  # fmt: skip

    result = add(TEXT, facts, url=URL, user_id="U1", via="shortcut")

    assert result.created
    assert result.title == "Dunedin renews ties"
    assert result.first_ingested_by == "U1" and result.first_ingested_via == "shortcut"
    assert (result.places, result.people, result.organizations) == (2, 1, 1)
    assert (result.partnerships, result.new_partnerships) == (2, 2)
    with sessions.begin() as session:
        mentions = dict(
            session.execute(
                select(models.Place.name, models.PlaceMention.count).join(
                    models.PlaceMention, models.PlaceMention.place_id == models.Place.id
                )
            ).all()
        )
        org = session.scalars(select(models.Organization)).one()
        article = session.get(models.Article, result.article_id)
    assert mentions == {"Dunedin": 4, "Shanghai": 2}
    assert org.name == "Shanghai General Chamber of Commerce"
    assert (article.source, article.published, str(article.published_on)) == (
        "Xinhua", "2024-05-24", "2024-05-24",
    )  # fmt: skip
    assert rows(models.Forward) == 1

    links = {link.kind: link for link in _links(sessions, dunedin, shanghai)}
    assert set(links) == {"sister_city", "trade_deal"}
    assert [e.sentence for e in links["sister_city"].evidence] == [TEXT]
    assert (links["sister_city"].status, links["sister_city"].year) == ("existing", 1994)
    assert links["trade_deal"].amount == Money(30_200_000, "USD")
    assert links["trade_deal"].evidence[0].article.id == result.article_id

    with sessions.begin() as session:
        profile = place_profile(session, _place_id(sessions, dunedin))
    assert [(p.name, p.role, p.place) for p in profile.people] == [
        ("Jules Radich", "mayor", "Dunedin")
    ]


def test_a_place_gains_details_a_later_article_knows(add, sessions, places):
    bare = Place("Shanghai", "CN", "city", geonameid=places.shanghai.geonameid)
    add("First.", _link(places.dunedin, bare, "sister_city", "existing", "First."))
    add("Second.", _link(places.dunedin, places.shanghai, "sister_city", "existing", "Second."))
    with sessions.begin() as session:
        row = session.scalars(select(models.Place).where(models.Place.name == "Shanghai")).one()
    assert row.population == places.shanghai.population


def test_ensure_place_returns_the_same_row_for_the_same_place(sessions, rows, places):
    with sessions.begin() as session:
        first = ensure_place(session, places.otago)
        again = ensure_place(session, Place("Otago", "NZ", "region", code="NZ-OTA"))
        assert again.id == first.id
    assert rows(models.Place) == 1


# --- duplicates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "copy",
    [
        "  dunedin   and SHANGHAI have been\nsister cities since 1994, the mayor said.  ",
        "Dunedin and Shanghai have been sister cities since 1994, the mayor said.\n\n",
        "DUNEDIN and Shanghai have been sister cities since 1994, the mayor said.",
    ],
)
def test_the_same_text_again_creates_nothing_and_records_a_forward(
    add, rows, sister_facts, places, copy
):
    first = add(TEXT, sister_facts(places.dunedin, places.shanghai), user_id="U1")
    again = add(copy, sister_facts(places.dunedin, places.stirling), user_id="U2", via="dm")

    assert not again.created
    assert again.article_id == first.article_id
    assert again.first_ingested_by == "U1"
    assert (again.places, again.partnerships, again.new_partnerships) == (0, 0, 0)
    assert rows(models.Article) == 1
    assert rows(models.Partnership) == 1
    assert rows(models.Place, models.Place.name == "Stirling") == 0
    assert rows(models.Forward, models.Forward.article_id == first.article_id) == 2
    assert rows(models.Forward, models.Forward.user_id == "U2", models.Forward.via == "dm") == 1


def test_quotes_and_dashes_do_not_make_a_new_article(add, rows):
    add("The \u201cfriendship\u201d pact \u2014 signed in Dunedin \u2019s hall.")
    again = add('The "friendship" pact - signed in Dunedin \'s hall.')
    assert not again.created
    assert rows(models.Article) == 1


@pytest.mark.parametrize(
    "copy_url",
    [
        "https://news.example.com/world/dunedin-shanghai?id=7&utm_source=slack&fbclid=abc",
        "https://NEWS.EXAMPLE.COM/world/dunedin-shanghai?id=7#comments",
        "https://news.example.com:443/world/dunedin-shanghai/?utm_medium=email&id=7",
    ],
)
def test_the_same_canonical_url_creates_nothing_and_records_a_forward(add, rows, copy_url):
    first = add("Version one of the story.", url=URL, user_id="U1")
    again = add("Version two, edited later.", url=copy_url, user_id="U2")

    assert not again.created
    assert again.article_id == first.article_id
    assert rows(models.Article) == 1
    assert rows(models.Forward, models.Forward.article_id == first.article_id) == 2


def test_a_different_path_is_a_different_article(add, rows):
    add("Story one.", url=URL)
    other = add("Story two.", url="https://news.example.com/world/another-story?id=7")
    assert other.created
    assert rows(models.Article) == 2


def test_known_article_reports_the_first_ingestion(add, sessions):
    with sessions.begin() as session:
        assert known_article(session, ArticleText(TEXT, url=URL)) is None
    first = add(TEXT, url=URL, user_id="U1", via="mention")
    add(TEXT, user_id="U2", via="dm")

    with sessions.begin() as session:
        by_text = known_article(session, ArticleText(TEXT.upper()))
        by_url = known_article(session, ArticleText("other", url=URL + "&utm_campaign=x"))
    for known in (by_text, by_url):
        assert known is not None and not known.created
        assert known.article_id == first.article_id
        assert (known.first_ingested_by, known.first_ingested_via) == ("U1", "mention")
        assert known.first_ingested_at == first.first_ingested_at


# --- partnerships merge across articles ------------------------------------------------------


def test_one_partnership_reported_by_two_articles_has_two_pieces_of_evidence(
    add, sessions, rows, sister_facts, places
):
    dunedin, shanghai = places.dunedin, places.shanghai
    first = add("One.", sister_facts(dunedin, shanghai, sentence="One.", published="2023-01-01"))
    second = add("Two.", sister_facts(shanghai, dunedin, sentence="Two.", published="2024-01-01"))

    assert first.new_partnerships == 1
    assert (second.partnerships, second.new_partnerships) == (1, 0)
    assert rows(models.Partnership) == 1
    (link,) = _links(sessions, dunedin, shanghai)
    assert [e.sentence for e in link.evidence] == ["Two.", "One."]
    assert [e.article.id for e in link.evidence] == [second.article_id, first.article_id]


def test_a_visit_keeps_its_direction(add, sessions, rows, places):
    dunedin, shanghai = places.dunedin, places.shanghai
    add("Out.", _link(dunedin, shanghai, "visit", "new", "A Dunedin delegation visited Shanghai."))
    add("Back.", _link(shanghai, dunedin, "visit", "new", "Shanghai officials visited Dunedin."))
    add("Again.", _link(dunedin, shanghai, "visit", "new", "Dunedin's mayor went to Shanghai."))

    assert rows(models.Partnership) == 2
    visits = {(link.a.name, link.b.name): link for link in _links(sessions, shanghai, dunedin)}
    assert set(visits) == {("Dunedin", "Shanghai"), ("Shanghai", "Dunedin")}
    assert len(visits["Dunedin", "Shanghai"].evidence) == 2
    assert len(visits["Shanghai", "Dunedin"].evidence) == 1


@pytest.mark.parametrize("kind", ["sister_city", "friendship_city", "mou", "cooperation"])
def test_unordered_kinds_reported_either_way_are_one_partnership(add, rows, places, kind):
    dunedin, shanghai = places.dunedin, places.shanghai
    add("A.", _link(dunedin, shanghai, kind, "existing", "A."))
    again = add("B.", _link(shanghai, dunedin, kind, "existing", "B."))
    assert again.new_partnerships == 0
    assert rows(models.Partnership) == 1
    assert rows(models.Evidence) == 2


def test_a_place_partnered_with_itself_is_not_stored(add, rows, places):
    result = add("Self.", _link(places.dunedin, places.dunedin, "cooperation", "new", "Self."))
    assert result.partnerships == 0
    assert rows(models.Partnership) == 0


# --- status and year derive from all the evidence --------------------------------------------


def _report(add, places, status, year, published, amount=None):
    sentence = f"{status} {year} {published}"
    facts = _link(places.dunedin, places.shanghai, "sister_city", status, sentence, year, amount)
    facts.published = published
    return add(sentence, facts)


def _partnership_state(sessions, places):
    with sessions.begin() as session:
        row = session.scalars(select(models.Partnership)).one()
        stored = (row.status, row.year)
    (link,) = _links(sessions, places.dunedin, places.shanghai)
    assert (link.status, link.year) == stored, "the row and the query must agree"
    return stored


def test_newest_settled_status_and_earliest_settled_year_win(add, sessions, places):
    _report(add, places, "new", 1994, "1994-06-01")
    _report(add, places, "existing", 1995, "2024-05-24")
    _report(add, places, "proposed", 2030, "2025-01-01")
    assert _partnership_state(sessions, places) == ("existing", 1994)


def test_an_older_article_ingested_later_does_not_override_the_status(add, sessions, places):
    _report(add, places, "existing", 1994, "2024-05-24")
    _report(add, places, "new", 1994, "1994-06-01")
    assert _partnership_state(sessions, places) == ("existing", 1994)


def test_a_proposal_counts_only_while_it_is_alone(add, sessions, places):
    _report(add, places, "proposed", 2026, "2025-03-01")
    assert _partnership_state(sessions, places) == ("proposed", 2026)
    _report(add, places, "new", None, "2024-01-01")
    assert _partnership_state(sessions, places) == ("new", None)


def test_the_amount_comes_from_the_newest_settled_evidence(add, sessions, places):
    _report(add, places, "new", 2020, "2020-01-01", Money(1_000_000, "USD"))
    _report(add, places, "new", 2024, "2024-01-01", Money(2_500_000.5, "EUR"))
    _report(add, places, "proposed", 2026, "2025-01-01", Money(9_000_000, "USD"))
    (link,) = _links(sessions, places.dunedin, places.shanghai)
    assert link.amount == Money(2_500_000.5, "EUR")


# --- transactions ----------------------------------------------------------------------------


def test_an_error_after_adding_leaves_nothing_behind(sessions, rows, sister_facts, places):
    with pytest.raises(RuntimeError), sessions.begin() as session:
        result = add_article(
            session, ArticleText(TEXT), sister_facts(places.dunedin, places.shanghai)
        )
        assert result.created
        raise RuntimeError("the reply to Slack failed")
    for model in (models.Article, models.Forward, models.Place, models.Partnership, models.Person):
        assert rows(model) == 0, model.__name__


# Facts that break a NOT NULL column after the article row is written: a place without a
# country (its insert fails) or a nameless person.
NOWHERE = Place("Nowhere", None, "city", geonameid=1)  # type: ignore[arg-type]
BROKEN_FACTS = {
    "place": lambda dunedin: ArticleFacts(
        places=[PlaceMention(dunedin, 1), PlaceMention(NOWHERE, 1)]
    ),
    "person": lambda dunedin: ArticleFacts(
        places=[PlaceMention(dunedin, 1)],
        people=[Person(None, "mayor", dunedin)],  # type: ignore[arg-type]
    ),
}


@pytest.mark.parametrize("broken", list(BROKEN_FACTS))
def test_a_failing_write_midway_leaves_no_article(sessions, rows, places, broken):
    facts = BROKEN_FACTS[broken](places.dunedin)
    with pytest.raises(IntegrityError), sessions.begin() as session:
        add_article(session, ArticleText(TEXT), facts)
    for model in (models.Article, models.Forward, models.Place, models.PlaceMention):
        assert rows(model) == 0, model.__name__

    with sessions.begin() as session:
        assert add_article(session, ArticleText(TEXT), ArticleFacts()).created


# --- teams -----------------------------------------------------------------------------------


def test_the_same_text_in_two_teams_is_two_articles(add, sessions, rows):
    in_t1 = add(TEXT, team_id="T1", user_id="U1")
    in_t2 = add(TEXT, team_id="T2", user_id="U2")
    again_t1 = add(TEXT.lower(), team_id="T1", user_id="U3")

    assert in_t1.created and in_t2.created and not again_t1.created
    assert in_t1.article_id != in_t2.article_id
    assert again_t1.article_id == in_t1.article_id
    assert rows(models.Article) == 2
    with sessions.begin() as session:
        assert known_article(session, ArticleText(TEXT), team_id="T3") is None
        assert known_article(session, ArticleText(TEXT), team_id="T2").first_ingested_by == "U2"
        assert known_article(session, ArticleText(TEXT)) is None


def test_the_same_url_in_two_teams_is_two_articles(add, rows):
    assert add("One.", url=URL, team_id="T1").created
    assert add("Two.", url=URL, team_id="T2").created
    assert not add("Three.", url=URL, team_id="T1").created
    assert rows(models.Article) == 2


# --- oversized text fits every backend -------------------------------------------------------


def _long_sentence(words: int) -> str:
    """A run-on 'sentence' (a PDF without full stops) that does not compress well."""
    return " ".join(f"w{i * 7919 % 100003:x}" for i in range(words)) + "."


def test_an_overlong_evidence_sentence_is_stored_clipped(add, sessions, places):
    sentence = _long_sentence(3000)
    facts = _link(places.dunedin, places.shanghai, "mou", "new", sentence)
    facts.partnerships.append(Partnership(places.shanghai, places.dunedin, "mou", "new", sentence))

    assert add("A very long article.", facts).partnerships == 1
    (link,) = _links(sessions, places.dunedin, places.shanghai)
    (evidence,) = link.evidence
    assert sentence.startswith(evidence.sentence[:-1])
    assert evidence.sentence.endswith("\u2026")
    assert 500 < len(evidence.sentence.encode()) <= 2000


def test_an_overlong_url_still_identifies_its_article(add, rows):
    url = "https://news.example.com/story?q=" + "x" * 2500
    first = add("One.", url=url + "&utm_source=slack")
    again = add("Two.", url=url + "#top")
    assert first.created and not again.created
    assert rows(models.Article) == 1
    assert add("Three.", url=url.replace("news.", "other.")).created


def test_overlong_names_are_stored_clipped(add, sessions, places):
    org = "The " + "Very " * 100 + "Long Chamber of Commerce"
    person = Person("Dr " + "Name " * 60, "deputy " * 50, places.dunedin)
    facts = ArticleFacts(
        source="Source " * 40,
        people=[person],
        organizations=[Organization(org, places.shanghai)],
    )
    assert add("Names.", facts).created
    again = ArticleFacts(people=[person], organizations=[Organization(org, places.shanghai)])
    assert add("Names again, another article.", again).created
    with sessions.begin() as session:
        (org_row,) = session.scalars(select(models.Organization)).all()
        (person_row,) = session.scalars(select(models.Person)).all()
        sources = set(session.scalars(select(models.Article.source)))
    assert org.startswith(org_row.name) and len(org_row.name) == 300
    assert person.name.startswith(person_row.name) and len(person_row.name) == 200
    assert sources == {("Source " * 40)[:200], None}


def test_a_person_named_in_two_articles_is_listed_once(add, sessions, sister_facts, places):
    add("One.", sister_facts(places.dunedin, places.shanghai, sentence="One."))
    add("Two.", sister_facts(places.dunedin, places.stirling, sentence="Two."))
    with sessions.begin() as session:
        profile = place_profile(session, _place_id(sessions, places.dunedin))
    assert [p.name for p in profile.people] == ["Jules Radich"]
