"""Reads: place profiles, pairs, recent partnerships and counts, as each team may see them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from facts.shapes import ArticleFacts, Partnership, Person, Place, PlaceMention
from store import queries
from store.areas import Area, area_links, area_summary
from store.models import utcnow
from store.queries import (
    pair_links,
    place_profile,
    places_by_key,
    recent_partnerships,
    store_counts,
)
from views import cards

WELLINGTON = Place("Wellington", "NZ", "city", geonameid=2179537)


def _facts(links=(), *, mentions=(), people=(), published=None, title=None) -> ArticleFacts:
    mentioned = list(mentions) or list(dict.fromkeys(p for link in links for p in (link.a, link.b)))
    return ArticleFacts(
        title=title,
        published=published,
        places=[PlaceMention(place, 1) for place in mentioned],
        people=list(people),
        partnerships=list(links),
    )


def _link(a: Place, b: Place, kind="sister_city", status="existing", year=None) -> Partnership:
    return Partnership(a, b, kind, status, f"{a.name} {kind} {b.name} {status} {year}.", year)


@pytest.fixture
def ids(sessions):
    """The stored id of each place, by place."""

    def ids(*places: Place) -> list[int]:
        with sessions.begin() as session:
            found = places_by_key(session, [p.key for p in places])
        return [found[p.key].id for p in places]

    return ids


@pytest.fixture
def read(sessions):
    """Run one query in its own transaction, as a handler would."""

    def read(query, *args, **kwargs):
        with sessions.begin() as session:
            return query(session, *args, **kwargs)

    return read


# --- place_profile ---------------------------------------------------------------------------


def test_a_profile_lists_partnerships_by_kind(add, read, ids, places):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add("v", _facts([_link(dunedin, stirling, "visit", "new")], published="2024-06-01"))
    add("c", _facts([_link(stirling, dunedin, "cooperation", "new")], published="2024-05-01"))
    add("s", _facts([_link(dunedin, shanghai, "sister_city")], published="2020-01-01"))
    add("m", _facts([_link(dunedin, shanghai, "mou", "new")], published="2023-01-01"))
    add("s2", _facts([_link(dunedin, stirling, "sister_city")], published="2024-01-01"))

    (dunedin_id,) = ids(dunedin)
    profile = read(place_profile, dunedin_id)

    assert profile.place.name == "Dunedin"
    assert [(link.kind, link.partner_of(dunedin_id).name) for link in profile.partnerships] == [
        ("sister_city", "Stirling"),  # the newer of the two sister cities first
        ("sister_city", "Shanghai"),
        ("mou", "Shanghai"),
        ("cooperation", "Stirling"),
        ("visit", "Stirling"),
    ]


def test_a_profile_reads_one_window_of_partnerships_and_counts_them_all(add, read, ids, places):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add("s", _facts([_link(dunedin, shanghai, "sister_city")], published="2020-01-01"))
    add("m", _facts([_link(dunedin, shanghai, "mou", "new")], published="2023-01-01"))
    add("v", _facts([_link(dunedin, stirling, "visit", "new")], published="2024-06-01"))

    (dunedin_id,) = ids(dunedin)
    second = read(place_profile, dunedin_id, window=slice(1, 2))
    assert [link.kind for link in second.partnerships] == ["mou"]
    assert second.partnership_count == 3
    beyond = read(place_profile, dunedin_id, window=slice(12, 24))
    assert beyond.partnerships == () and beyond.partnership_count == 3
    assert beyond.place.name == "Dunedin"


def test_a_big_place_read_by_pages_gives_what_reading_it_whole_does(
    add, read, ids, places, monkeypatch
):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add("v", _facts([_link(dunedin, stirling, "visit", "new")], published="2024-06-01"))
    add("s", _facts([_link(dunedin, shanghai, "sister_city")], published="2020-01-01"))
    add("s2", _facts([_link(dunedin, stirling, "sister_city")], published="2024-01-01"))
    add("s3", _facts([_link(shanghai, dunedin, "sister_city", year=1994)], published="2024-09-01"))
    add("m", _facts([_link(dunedin, shanghai, "mou", "new")], published="2023-01-01"))
    (dunedin_id,) = ids(dunedin)
    whole = read(place_profile, dunedin_id)

    monkeypatch.setattr(queries, "WHOLE_PROFILE_ROWS", 2)  # every place is a big place now
    pages = [read(place_profile, dunedin_id, window=slice(i, i + 2)) for i in (0, 2, 4)]
    assert [link for page in pages for link in page.partnerships] == list(whole.partnerships)
    assert {page.partnership_count for page in pages} == {4}
    assert pages[0].partnerships[0].year == 1994  # both articles' evidence, not just a page's


def test_a_profile_lists_people_of_the_place_first(add, read, ids, places):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add(
        "Article naming both mayors.",
        _facts(
            mentions=[dunedin, shanghai],
            people=[
                Person("Aaron Chen", "vice mayor", shanghai),
                Person("Jules Radich", "mayor", dunedin),
                Person("Amy Visitor", None, None),
            ],
        ),
    )
    add(
        "Unrelated.",
        _facts(mentions=[stirling], people=[Person("Chris Kerr", "provost", stirling)]),
    )

    (dunedin_id,) = ids(dunedin)
    people = read(place_profile, dunedin_id).people
    assert [(p.name, p.role, p.place) for p in people] == [
        ("Jules Radich", "mayor", "Dunedin"),
        ("Aaron Chen", "vice mayor", "Shanghai"),
        ("Amy Visitor", None, None),
    ]


def test_a_profile_lists_the_latest_articles_newest_first(add, read, ids, places):
    dunedin = places.dunedin
    add("Undated.", _facts(mentions=[dunedin], title="Undated"))
    add("Old.", _facts(mentions=[dunedin], title="Old", published="2019"))
    add("Newest.", _facts(mentions=[dunedin], title="Newest", published="2024-05-24"))
    add("Middle.", _facts(mentions=[dunedin], title="Middle", published="2022-03-01"))
    add("Elsewhere.", _facts(mentions=[places.shanghai], title="Elsewhere", published="2025-01-01"))

    (dunedin_id,) = ids(dunedin)
    profile = read(place_profile, dunedin_id)
    assert [a.title for a in profile.articles] == ["Newest", "Middle", "Old", "Undated"]
    assert profile.article_count == 4

    latest = read(place_profile, dunedin_id, limit_articles=2)
    assert [a.title for a in latest.articles] == ["Newest", "Middle"]
    assert latest.article_count == 4


def test_there_is_no_profile_of_an_unknown_place(read):
    assert read(place_profile, 12345) is None


# --- pair_links ------------------------------------------------------------------------------


def test_pair_links_are_the_same_either_way_round(add, read, ids, places):
    dunedin, shanghai = places.dunedin, places.shanghai
    add("a", _facts([_link(dunedin, shanghai, "sister_city", year=1994)], published="2020-01-01"))
    add("b", _facts([_link(dunedin, shanghai, "visit", "new")], published="2024-01-01"))
    add("c", _facts([_link(shanghai, dunedin, "visit", "new")], published="2023-01-01"))
    add("d", _facts([_link(dunedin, places.stirling, "mou")], published="2025-01-01"))

    dunedin_id, shanghai_id = ids(dunedin, shanghai)
    forward = read(pair_links, dunedin_id, shanghai_id)
    backward = read(pair_links, shanghai_id, dunedin_id)

    assert forward == backward
    assert [(link.kind, link.a.name, link.b.name) for link in forward] == [
        ("visit", "Dunedin", "Shanghai"),
        ("visit", "Shanghai", "Dunedin"),
        ("sister_city", "Dunedin", "Shanghai")
        if dunedin.key < shanghai.key
        else ("sister_city", "Shanghai", "Dunedin"),
    ]
    assert forward[2].year == 1994


def test_places_without_links_have_no_pair_links(add, read, ids, places):
    add("a", _facts([_link(places.dunedin, places.shanghai)]))
    add("b", _facts(mentions=[places.stirling]))
    dunedin_id, stirling_id = ids(places.dunedin, places.stirling)
    assert read(pair_links, dunedin_id, stirling_id) == []


# --- recent_partnerships ---------------------------------------------------------------------


def test_recent_partnerships_come_by_arrival_newest_first(add, read, places):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add("1", _facts([_link(dunedin, shanghai)], published="2024-01-01"))
    add("2", _facts([_link(dunedin, stirling, "mou", "new")], published="2010-01-01"))
    mark = utcnow()
    add("3", _facts([_link(shanghai, stirling, "cooperation", "new")], published="2001-01-01"))
    add("4", _facts([_link(shanghai, dunedin)], published="2024-02-01"))

    def kinds(links):
        return [link.kind for link in links]

    assert kinds(read(recent_partnerships)) == ["sister_city", "cooperation", "mou"]
    assert kinds(read(recent_partnerships, limit=2)) == ["sister_city", "cooperation"]
    since = read(recent_partnerships, since=mark)
    assert kinds(since) == ["sister_city", "cooperation"]
    # All the evidence of a recent partnership is shown, old articles included.
    assert len(since[0].evidence) == 2
    elsewhere = timezone(timedelta(hours=13))
    assert kinds(read(recent_partnerships, since=mark.astimezone(elsewhere))) == kinds(since)
    assert read(recent_partnerships, since=utcnow()) == []


# --- places_by_key ---------------------------------------------------------------------------


def test_places_by_key_finds_the_stored_places(add, read, places):
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add("1", _facts([_link(dunedin, shanghai)]))
    add("2", _facts([_link(dunedin, stirling, "visit", "new")], mentions=[dunedin]))
    add("3", _facts(mentions=[dunedin], people=[Person("Someone", None, places.otago)]))

    found = read(places_by_key, [p.key for p in (dunedin, shanghai, stirling, WELLINGTON)])
    found_otago = read(places_by_key, [places.otago.key])

    assert set(found) == {dunedin.key, shanghai.key, stirling.key}  # Wellington is not stored
    assert found[dunedin.key].name == "Dunedin"
    assert (found[dunedin.key].country, found[dunedin.key].admin1) == ("NZ", "Otago")
    assert found[dunedin.key].geonameid == dunedin.geonameid
    assert found_otago[places.otago.key].kind == "region"
    assert read(places_by_key, []) == {}


# --- teams -----------------------------------------------------------------------------------


@pytest.fixture
def team_corpus(add, places):
    """A shared article, one forwarded by team T1, and one by T2."""
    dunedin, shanghai, stirling = places.dunedin, places.shanghai, places.stirling
    add(
        "Shared demo article.",
        _facts(
            [_link(dunedin, shanghai, "sister_city", "proposed", 2030)],
            people=[Person("Jules Radich", "mayor", dunedin)],
            published="2023-01-01",
            title="Shared",
        ),
    )
    add(
        "Team one's article.",
        _facts(
            [
                _link(dunedin, shanghai, "sister_city", "new", 2024),
                _link(dunedin, stirling, "mou", "new"),
            ],
            people=[Person("Secret Envoy", "envoy", stirling)],
            published="2024-01-01",
            title="T1 only",
        ),
        team_id="T1",
    )
    add(
        "Team two's article.",
        _facts(mentions=[WELLINGTON], published="2024-02-01", title="T2 only"),
        team_id="T2",
    )


def test_a_team_sees_the_shared_corpus_and_its_own_articles_only(team_corpus, read, ids, places):
    dunedin_id, shanghai_id = ids(places.dunedin, places.shanghai)

    for team in (None, "T2"):
        profile = read(place_profile, dunedin_id, team_id=team)
        assert [a.title for a in profile.articles] == ["Shared"], team
        assert profile.article_count == 1
        assert [link.kind for link in profile.partnerships] == ["sister_city"]
        assert [p.name for p in profile.people] == ["Jules Radich"]
        (link,) = read(pair_links, dunedin_id, shanghai_id, team_id=team)
        assert (link.status, link.year, len(link.evidence)) == ("proposed", 2030, 1)
        assert [link.kind for link in read(recent_partnerships, team_id=team)] == ["sister_city"]

    profile = read(place_profile, dunedin_id, team_id="T1")
    assert [a.title for a in profile.articles] == ["T1 only", "Shared"]
    assert [link.kind for link in profile.partnerships] == ["sister_city", "mou"]
    assert [p.name for p in profile.people] == ["Jules Radich", "Secret Envoy"]
    (link,) = read(pair_links, dunedin_id, shanghai_id, team_id="T1")
    assert (link.status, link.year, len(link.evidence)) == ("new", 2024, 2)
    assert [link.kind for link in read(recent_partnerships, team_id="T1")] == ["mou", "sister_city"]


def test_store_counts_are_per_team(team_corpus, read):
    def counts(team):
        c = read(store_counts, team_id=team)
        return (c.articles, c.places, c.partnerships, c.people)

    assert counts(None) == (1, 2, 1, 1)
    assert counts("T1") == (2, 3, 2, 2)
    assert counts("T2") == (2, 3, 1, 1)
    assert counts("T3") == (1, 2, 1, 1)


def test_an_empty_store_counts_nothing(read):
    counts = read(store_counts)
    assert (counts.articles, counts.places, counts.partnerships, counts.people) == (0, 0, 0, 0)
    assert read(recent_partnerships) == []


def test_the_newest_news_comes_first_whatever_arrived_last(add, sessions, places, sister_facts):
    today = str(datetime.now(UTC).date())
    add("Recent news.", sister_facts(places.dunedin, places.shanghai, published=today))
    add("Old news arriving now.", sister_facts(places.dunedin, places.stirling, status="new",
                                               year=2012, published="2012-03-01"))  # fmt: skip
    with sessions.begin() as session:
        by_news = queries.newest_news(session)
        by_arrival = queries.recent_partnerships(session)

    def partners(links) -> list[str]:
        return [({x.a.name, x.b.name} - {"Dunedin"}).pop() for x in links]

    assert partners(by_news) == ["Shanghai", "Stirling"]
    assert partners(by_arrival) == ["Stirling", "Shanghai"]
    old = cards.link_text(by_news[1], arrivals=True)
    assert "reported" in old and "signed 2012" in old
    assert "reported" not in cards.link_text(by_news[0], arrivals=True)
    assert "reported" not in cards.link_text(by_news[1])  # a place's card lists no arrivals


def test_a_country_counts_only_what_the_team_sees(add, sessions, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    add("Dunedin and Stirling.", sister_facts(places.dunedin, places.stirling), team_id="T2")
    nz = Area(countries=frozenset(["NZ"]))
    with sessions.begin() as session:
        mine = area_summary(session, nz, team_id="T1")
        theirs = area_summary(session, nz, team_id="T2")
        links = area_links(session, nz, team_id="T1")
    assert sum(mine.counts.values()) == 1 and sum(theirs.counts.values()) == 2
    assert [{x.a.name, x.b.name} for x in links] == [{"Dunedin", "Shanghai"}]
