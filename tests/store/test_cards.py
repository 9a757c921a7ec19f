"""Place cards: kept per scope, cleared by every article touching the place, never kept stale."""

from __future__ import annotations

from ingest.facts import ArticleFacts, Money, Partnership, Person, PlaceMention
from store.cards import StoredPlace, save, stored_places
from store.migrate import downgrade, upgrade
from store.queries import place_profile

FIRST_PAGE = slice(0, 12)


def _stored(sessions, place, team=None) -> StoredPlace:
    return stored_places(sessions.kw["bind"], [place.key], team, place.key)[place.key]


def _read(sessions, stored: StoredPlace):
    """The profile a lookup reads for the card's scope."""
    with sessions.begin() as session:
        team = stored.card_scope or None
        return place_profile(session, stored.id, team_id=team, window=FIRST_PAGE)


def _card(profile) -> str:
    """What the store keeps is its maker's text: here, the partnerships the card shows."""
    return "; ".join(f"{link.a.name} & {link.b.name}: {link.kind}" for link in profile.partnerships)


def _build(sessions, place, team=None):
    """What a lookup does when the card is missing: read the facts, keep the card."""
    stored = _stored(sessions, place, team)
    profile = _read(sessions, stored)
    with sessions.begin() as session:
        save(session, stored, _card(profile))
    return profile


def _trade_deal(a, b, *, title="Trade deal", published="2025-03-01") -> ArticleFacts:
    sentence = f"{a.name} and {b.name} signed a trade deal worth 2 million dollars."
    return ArticleFacts(
        title=title,
        published=published,
        places=[PlaceMention(a, 2), PlaceMention(b, 1)],
        people=[Person("Ana Silva", "trade commissioner", b)],
        partnerships=[
            Partnership(a, b, "trade_deal", "new", sentence, 2025, amount=Money(2e6, "USD"))
        ],
    )


def test_a_kept_card_reads_back_as_built_from_the_scopes_facts(add, sessions, places, sister_facts):
    add(
        "Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai), url="https://a.nz/1"
    )
    add("Trade.", _trade_deal(places.dunedin, places.stirling), url="https://a.nz/2")
    built = _build(sessions, places.dunedin)

    stored = _stored(sessions, places.dunedin)
    assert stored.known and stored.card is not None
    assert stored.card == "Shanghai & Dunedin: sister_city; Dunedin & Stirling: trade_deal"
    kinds = [link.kind for link in built.partnerships]
    assert kinds == ["sister_city", "trade_deal"]
    assert built.partnerships[1].amount == Money(2e6, "USD")


def test_an_article_clears_the_cards_of_every_place_it_touches_and_no_other(
    add, sessions, places, sister_facts
):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    add("Trade.", _trade_deal(places.shanghai, places.stirling, published="2020-01-01"))
    for place in (places.dunedin, places.shanghai, places.stirling):
        _build(sessions, place)

    add("More trade.", _trade_deal(places.stirling, places.otago, title="Otago deal"))

    assert _stored(sessions, places.dunedin).card is not None
    assert _stored(sessions, places.shanghai).card is not None
    assert _stored(sessions, places.stirling).card is None  # a partner gained
    assert _stored(sessions, places.otago).card is None
    rebuilt = _build(sessions, places.stirling)
    assert {link.partner_of(rebuilt.place.id).name for link in rebuilt.partnerships} == {
        "Shanghai",
        "Otago",
    }


def test_a_card_read_before_an_article_arrived_is_not_kept(add, sessions, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    before = _stored(sessions, places.dunedin)
    old = _read(sessions, before)
    add("Trade.", _trade_deal(places.dunedin, places.stirling))  # lands while the card is built

    with sessions.begin() as session:
        save(session, before, _card(old))
    assert _stored(sessions, places.dunedin).card is None


def test_a_place_only_another_team_wrote_about_is_unknown_to_a_team(add, sessions, places):
    add("Team trade.", _trade_deal(places.dunedin, places.stirling), team_id="T1")

    assert _stored(sessions, places.stirling, "T1").known
    assert not _stored(sessions, places.stirling, "T2").known
    assert not _stored(sessions, places.stirling).known  # nor to the shared corpus


def test_a_team_has_its_own_card_exactly_where_its_articles_touch(
    add, sessions, places, sister_facts
):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    add("Team trade.", _trade_deal(places.dunedin, places.stirling), team_id="T1")

    assert _stored(sessions, places.dunedin, "T1").card_scope == "T1"
    assert _stored(sessions, places.shanghai, "T1").card_scope == ""  # the shared card
    assert _stored(sessions, places.dunedin, "T2").card_scope == ""

    team = _build(sessions, places.dunedin, "T1")
    shared = _build(sessions, places.dunedin, "T2")  # builds the shared card
    assert len(team.partnerships) == 2 and len(shared.partnerships) == 1
    assert _stored(sessions, places.dunedin).card == _card(shared)
    assert _stored(sessions, places.dunedin, "T1").card == _card(team)

    add("Shared news.", _trade_deal(places.dunedin, places.otago))  # every view of Dunedin changes
    assert _stored(sessions, places.dunedin).card is None
    assert _stored(sessions, places.dunedin, "T1").card is None


def test_a_person_given_a_role_clears_the_cards_that_list_them(add, sessions, places):
    quoted = ArticleFacts(
        title="Visit", places=[PlaceMention(places.shanghai, 1)], people=[Person("Li Wei")]
    )
    add("Li Wei spoke in Shanghai.", quoted)
    assert [p.role for p in _build(sessions, places.shanghai).people] == [None]

    titled = ArticleFacts(
        title="Later", places=[PlaceMention(places.stirling, 1)], people=[Person("Li Wei", "envoy")]
    )
    add("Envoy Li Wei spoke in Stirling.", titled)
    assert _stored(sessions, places.shanghai).card is None
    assert [p.role for p in _build(sessions, places.shanghai).people] == ["envoy"]


def test_a_role_given_in_one_scope_makes_no_place_known_to_another(add, sessions, places):
    team_only = ArticleFacts(
        title="Team", places=[PlaceMention(places.stirling, 1)], people=[Person("Ana Ruiz")]
    )
    add("Ana Ruiz spoke in Stirling.", team_only, team_id="T1")
    _build(sessions, places.stirling, "T1")
    titled = ArticleFacts(
        title="Shared", places=[PlaceMention(places.otago, 1)], people=[Person("Ana Ruiz", "envoy")]
    )
    add("Envoy Ana Ruiz spoke in Otago.", titled)

    assert _stored(sessions, places.stirling, "T1").card is None  # T1's card lists her role
    assert not _stored(sessions, places.stirling, "T2").known
    assert not _stored(sessions, places.stirling).known


def test_card_rows_are_made_for_a_store_that_predates_cards(
    database_url, add, sessions, places, sister_facts
):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    add("Team trade.", _trade_deal(places.dunedin, places.stirling), team_id="T1")
    sessions.kw["bind"].dispose()

    downgrade(database_url, "0003")
    upgrade(database_url)

    assert _stored(sessions, places.dunedin, "T1").card_scope == "T1"
    assert _stored(sessions, places.stirling, "T1").card_scope == "T1"
    assert _stored(sessions, places.shanghai, "T1").card_scope == ""
    assert _stored(sessions, places.stirling, "T2").card_scope is None
