"""Lookups: the place a name means to the asker's team, and its card as the facts say now."""

from __future__ import annotations

import pytest

from bot.config import load_settings
from bot.wiring import place_index
from facts.shapes import ArticleFacts, ArticleText, Partnership, Person, PlaceMention
from services.lookups import LookupService
from store.repository import add_article

OREGON, MAINE = "geonames:5746545", "geonames:4975802"  # Portland, the bigger one first
DUNEDIN = "geonames:2191562"


@pytest.fixture(scope="module")
def index():
    return place_index(str(load_settings().citylink_cache_dir))


@pytest.fixture
def lookups(sessions, index) -> LookupService:
    return LookupService(sessions, index)


@pytest.fixture
def add(lookups):
    """Add an article in its own transaction, as ingestion does."""

    def add(facts: ArticleFacts, team_id: str | None = None) -> None:
        article = ArticleText(text=f"{facts.title}: an article of {team_id or 'everyone'}.")
        with lookups.sessions.begin() as session:
            add_article(session, article, facts, team_id=team_id)

    return add


def _about(index, *keys: str, title: str = "News", **facts) -> ArticleFacts:
    mentioned = [PlaceMention(index.place_by_key(key), 1) for key in keys]
    return ArticleFacts(title=title, places=mentioned, **facts)


def _twinning(index, a: str, b: str) -> Partnership:
    a, b = index.place_by_key(a), index.place_by_key(b)
    return Partnership(a, b, "sister_city", "new", f"{a.name} and {b.name} are twinned.", 2025)


def test_a_teams_own_articles_rank_its_namesake_first_and_another_teams_never_do(
    lookups, add, index
):
    assert lookups.place("Portland").place.key == OREGON
    add(_about(index, MAINE), team_id="T1")

    assert lookups.place("Portland", team_id="T1").place.key == MAINE
    assert lookups.place("Portland", team_id="T2").place.key == OREGON
    assert lookups.place("Portland").place.key == OREGON


def test_the_shared_corpus_ranks_its_places_first_for_every_team(lookups, add, index):
    add(_about(index, MAINE))
    assert {lookups.place("Portland", team_id=t).place.key for t in (None, "T1")} == {MAINE}


def test_a_partnership_makes_a_place_known_though_the_article_never_names_it(lookups, add, index):
    add(_about(index, DUNEDIN, partnerships=[_twinning(index, DUNEDIN, MAINE)]), team_id="T1")
    answer = lookups.place("Portland", team_id="T1")
    assert answer.place.key == MAINE
    assert [link.kind for link in answer.profile.partnerships] == ["sister_city"]


def test_a_card_asked_again_shows_what_a_new_article_taught(lookups, add, index):
    add(_about(index, MAINE, title="Port news"))
    before = lookups.place("Portland, Maine")
    assert before.profile.partnership_count == 0 and before.profile.article_count == 1

    add(_about(index, MAINE, DUNEDIN, partnerships=[_twinning(index, DUNEDIN, MAINE)]))
    after = lookups.place("Portland, Maine")
    assert after.profile.article_count == 2
    assert [link.partner_of(after.stored_id).name for link in after.profile.partnerships] == [
        "Dunedin"
    ]
    assert lookups.counts().partnerships == 1


def test_a_role_learned_later_shows_on_the_cards_listing_the_person(lookups, add, index):
    add(_about(index, MAINE, people=[Person("Li Wei")]))
    assert [p.role for p in lookups.place("Portland, Maine").profile.people] == [None]

    add(_about(index, DUNEDIN, title="Later", people=[Person("Li Wei", "envoy")]))
    assert [p.role for p in lookups.place("Portland, Maine").profile.people] == ["envoy"]
