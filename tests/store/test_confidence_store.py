"""The store keeps each fact's confidence and the `ended` status, and merges statuses by date."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from facts.shapes import Person
from services.digest_content import schedule_of
from services.digests import DEFAULTS, DigestService
from store import corrections, digests, queries, repository
from store.queries import pair_links, place_profile, places_by_key
from store.results import PartnershipState
from views.digests import digest_messages


def test_the_confidence_of_a_link_and_a_person_comes_back(add, sessions, places, sister_facts):
    facts = sister_facts(places.dunedin, places.shanghai)
    facts.partnerships[0] = replace(facts.partnerships[0], confidence=0.87)
    facts.people[0] = replace(facts.people[0], confidence=0.64)
    add("Dunedin and Shanghai have been sister cities since 1994.", facts)
    with sessions.begin() as session:
        profile = place_profile(session, _id(session, places.dunedin))
    (link,) = profile.partnerships
    assert link.evidence[0].confidence == pytest.approx(0.87)
    (person,) = profile.people
    assert person.confidence == pytest.approx(0.64)


def test_a_person_named_twice_in_an_article_keeps_the_higher_confidence(
    add, sessions, places, sister_facts
):
    facts = sister_facts(places.dunedin, places.shanghai)
    facts.people[:] = [
        Person("Jules Radich", "mayor", places.dunedin, confidence=0.3),
        Person("Jules Radich", "mayor", places.dunedin, confidence=0.9),
    ]
    add("Mayor Jules Radich of Dunedin welcomed guests from Shanghai.", facts)
    with sessions.begin() as session:
        (person,) = place_profile(session, _id(session, places.dunedin)).people
    assert person.confidence == pytest.approx(0.9)


def _id(session, place):
    return places_by_key(session, [place.key])[place.key].id


def _status(sessions, a, b) -> str:
    with sessions.begin() as session:
        (link,) = pair_links(session, _id(session, a), _id(session, b))
    return link.status


def test_an_ended_link_survives_the_store_and_a_newer_report_reopens_it(
    add, sessions, places, sister_facts
):
    dunedin, stirling = places.dunedin, places.stirling
    add("Dunedin and Stirling have been twinned since 1994.",
        sister_facts(dunedin, stirling, published="2020-03-01"))  # fmt: skip
    assert _status(sessions, dunedin, stirling) == "existing"
    ended = "Dunedin and Stirling ended their twinning last week."
    add(ended, sister_facts(dunedin, stirling, status="ended", published="2023-06-01",
                            sentence=ended))  # fmt: skip
    assert _status(sessions, dunedin, stirling) == "ended"
    old = "Back in 2019 the twinning of Dunedin and Stirling was thriving."
    add(old, sister_facts(dunedin, stirling, published="2019-01-01", sentence=old))
    assert _status(sessions, dunedin, stirling) == "ended"  # an older report changes nothing
    again = "Dunedin and Stirling have renewed their twinning."
    add(again, sister_facts(dunedin, stirling, status="new", published="2025-09-01",
                            sentence=again))  # fmt: skip
    assert _status(sessions, dunedin, stirling) == "new"


class Stated:
    def __init__(self, status, year=None):
        self.status, self.year, self.amount = status, year, None


def test_the_newest_settled_status_wins_and_a_plan_does_not_undo_an_ending():
    newest_first = [Stated("proposed"), Stated("ended"), Stated("existing", 1994)]
    assert PartnershipState.from_evidence(newest_first).status == "ended"
    reopened = [Stated("existing"), Stated("ended"), Stated("existing", 1994)]
    assert PartnershipState.from_evidence(reopened).status == "existing"
    assert PartnershipState.from_evidence(newest_first).year == 1994


def test_an_ended_tie_is_digest_news_of_its_own(add, sessions, places, sister_facts):
    ended = "Dunedin and Stirling ended their twinning last week."
    now = datetime.now(UTC)
    add(ended, sister_facts(places.dunedin, places.stirling, status="ended", sentence=ended,
                            published=str(now.date())))  # this week's news  # fmt: skip
    with sessions.begin() as session:
        subscription = digests.subscribe(session, "", "C1", user_id="U1", now=now, **DEFAULTS)
    service = DigestService(sessions, lambda team: None, worker="test", now=lambda: now)
    content = service.compose(subscription, now - timedelta(days=1), now + timedelta(minutes=1))
    assert [link.status for link in content.ended] == ["ended"]
    assert not content.links and not content.proposals and not content.empty
    text = str(digest_messages(content, schedule_of(subscription)))
    assert "Ended ties" in text and "1 ended tie" in text


def test_a_doubtful_link_confirmed_later_is_in_the_next_digest(add, sessions, places,
                                                               sister_facts):  # fmt: skip
    facts = sister_facts(places.dunedin, places.shanghai)
    add("Dunedin and Shanghai.", replace(facts, partnerships=[
        replace(facts.partnerships[0], confidence=0.5)]))  # fmt: skip
    now = datetime.now(UTC)
    with sessions.begin() as session:
        subscription = digests.subscribe(session, "T1", "C1", user_id="U1", now=now, **DEFAULTS)
    service = DigestService(sessions, lambda team: None, worker="test", now=lambda: now,
                            confirm_below=0.7)  # fmt: skip
    first = service.compose(subscription, now - timedelta(hours=1), now + timedelta(minutes=1))
    assert not first.links and not first.confirmed  # waits: extraction is unsure of it
    link = first_link(sessions)
    with sessions.begin() as session:
        corrections.record(session, team="T1", user="U2", action="confirm", fact=link.key,
                           before={}, after={}, note="", now=now + timedelta(hours=2))  # fmt: skip
    later = service.compose(subscription, now + timedelta(hours=1), now + timedelta(hours=3))
    assert [x.key for x in later.confirmed] == [link.key]
    assert "Confirmed or corrected by your team" in str(digest_messages(
        later, schedule_of(subscription)))  # fmt: skip


def first_link(sessions):
    with sessions.begin() as session:
        return queries.recent_partnerships(session, team_id="T1")[0]


def test_old_news_that_arrived_now_has_a_group_of_its_own(add, sessions, places, sister_facts):
    add("Old news.", sister_facts(places.dunedin, places.stirling, status="new", year=2012,
                                  published="2012-03-01"))  # fmt: skip
    now = datetime.now(UTC)
    with sessions.begin() as session:
        subscription = digests.subscribe(session, "", "C1", user_id="U1", now=now, **DEFAULTS)
    service = DigestService(sessions, lambda team: None, worker="test", now=lambda: now)
    content = service.compose(subscription, now - timedelta(days=1), now + timedelta(minutes=1))
    assert not content.links and len(content.older) == 1
    text = str(digest_messages(content, schedule_of(subscription)))
    assert "Older news that arrived now" in text and "signed 2012" in text


def test_a_link_moved_to_another_place_is_in_the_next_digest_where_it_now_is(
    add, sessions, places, sister_facts
):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    now = datetime.now(UTC)
    with sessions.begin() as session:
        subscription = digests.subscribe(session, "T1", "C1", user_id="U1", now=now, **DEFAULTS)
    link = first_link(sessions)
    side = "a" if link.a.name == "Shanghai" else "b"
    with sessions.begin() as session:
        stirling = repository.ensure_place(session, places.stirling).id
        corrections.record(session, team="T1", user="U2", action="edit", fact=link.key,
                           before={}, after={side: stirling}, note="",
                           now=now + timedelta(hours=2))  # fmt: skip
    service = DigestService(sessions, lambda team: None, worker="test", now=lambda: now)
    later = service.compose(subscription, now + timedelta(hours=1), now + timedelta(hours=3))
    assert [{x.a.name, x.b.name} for x in later.confirmed] == [{"Dunedin", "Stirling"}]
