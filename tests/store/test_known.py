"""Known places: a team knows a place when an article it sees touches it; another team's never
count. This ranks a team's places first among namesakes."""

from __future__ import annotations

from facts.shapes import ArticleFacts, Organization, Partnership, Person, PlaceMention
from store.known import stored_places


def _known(engine, place, team=None) -> bool:
    with engine.connect() as connection:
        return stored_places(connection, [place.key], team)[place.key].known


def _trade_deal(a, b) -> ArticleFacts:
    sentence = f"{a.name} and {b.name} signed a trade deal."
    return ArticleFacts(
        title="Trade deal",
        places=[PlaceMention(a, 2), PlaceMention(b, 1)],
        partnerships=[Partnership(a, b, "trade_deal", "new", sentence, 2025)],
    )


def test_only_stored_places_are_found(add, engine, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    with engine.connect() as connection:
        found = stored_places(connection, [places.dunedin.key, places.otago.key], None)
    assert set(found) == {places.dunedin.key}
    assert found[places.dunedin.key].known


def test_a_place_only_another_team_wrote_about_is_unknown_to_a_team(add, engine, places):
    add("Team trade.", _trade_deal(places.dunedin, places.stirling), team_id="T1")

    assert _known(engine, places.stirling, "T1")
    assert not _known(engine, places.stirling, "T2")
    assert not _known(engine, places.stirling)  # nor to the shared corpus


def test_every_team_knows_the_places_of_the_shared_corpus(add, engine, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    add("Team trade.", _trade_deal(places.dunedin, places.stirling), team_id="T1")

    assert all(_known(engine, places.shanghai, team) for team in (None, "T1", "T2"))
    assert _known(engine, places.stirling, "T1") and not _known(engine, places.stirling, "T2")


def test_a_place_an_article_touches_without_naming_it_is_known(add, engine, places):
    """A partnership, a person's or an organisation's place: the article need not mention it."""
    dunedin, shanghai, stirling, otago = (places.dunedin, places.shanghai, places.stirling,
                                          places.otago)  # fmt: skip
    sentence = "Dunedin and Shanghai renewed their ties."
    unnamed = ArticleFacts(
        places=[PlaceMention(dunedin, 1)],
        partnerships=[Partnership(dunedin, shanghai, "sister_city", "existing", sentence)],
        people=[Person("Ana Silva", "trade commissioner", stirling)],
        organizations=[Organization("Otago Chamber of Commerce", otago)],
    )
    add("Dunedin news.", unnamed, team_id="T1")

    for place in (shanghai, stirling, otago):
        assert _known(engine, place, "T1"), place.name
        assert not _known(engine, place, "T2"), place.name


def test_a_role_given_in_one_scope_makes_no_place_known_to_another(add, engine, places):
    team_only = ArticleFacts(
        title="Team", places=[PlaceMention(places.stirling, 1)], people=[Person("Ana Ruiz")]
    )
    add("Ana Ruiz spoke in Stirling.", team_only, team_id="T1")
    titled = ArticleFacts(
        title="Shared", places=[PlaceMention(places.otago, 1)], people=[Person("Ana Ruiz", "envoy")]
    )
    add("Envoy Ana Ruiz spoke in Otago.", titled)

    assert _known(engine, places.stirling, "T1")
    assert not _known(engine, places.stirling, "T2")
    assert not _known(engine, places.stirling)
