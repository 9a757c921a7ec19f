"""Corrections in the store: rows of their own, applied in order to what their team reads only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from store import corrections, models, queries
from store.repository import ensure_place

T0 = datetime(2026, 12, 3, 9, tzinfo=UTC)


def fix(sessions, action, fact, *, team="T1", after=None, minutes=0):
    at = T0 + timedelta(minutes=minutes)
    with sessions.begin() as session:
        corrections.record(session, team=team, user="U1", action=action, fact=fact, before={},
                           after=after or {}, note="", now=at)  # fmt: skip


def ids(sessions, *places) -> list[int]:
    with sessions.begin() as session:
        return [ensure_place(session, place).id for place in places]


def card(sessions, place_id, team="T1", confirm_below=0.0):
    with sessions.begin() as session:
        profile = queries.place_profile(session, place_id, team_id=team,
                                        confirm_below=confirm_below)  # fmt: skip
        return profile.partnerships if profile else ()


def test_the_extracted_fact_stays_as_extracted(add, sessions, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    with sessions.begin() as session:
        link = queries.recent_partnerships(session, team_id="T1")[0]
    fix(sessions, "edit", link.key, after={"status": "ended"})
    with sessions.begin() as session:
        row = session.scalars(select(models.Partnership)).one()
        assert (row.status, row.year) == ("existing", 1994)
        assert session.scalars(select(models.Correction)).one().after == {"status": "ended"}


def test_edits_apply_in_order_and_only_to_their_team(add, sessions, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    dunedin, _ = ids(sessions, places.dunedin, places.shanghai)
    fact = card(sessions, dunedin)[0].key
    fix(sessions, "edit", fact, after={"status": "ended", "year": 2001}, minutes=1)
    fix(sessions, "edit", fact, after={"year": 2003}, minutes=2)
    mine, = card(sessions, dunedin)  # fmt: skip
    assert (mine.status, mine.year, mine.corrected.user_id) == ("ended", 2003, "U1")
    theirs, = card(sessions, dunedin, team="T2")  # fmt: skip
    assert (theirs.status, theirs.year, theirs.corrected) == ("existing", 1994, None)


def test_a_hidden_fact_is_gone_from_card_pair_and_recent(add, sessions, places, sister_facts):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    dunedin, shanghai = ids(sessions, places.dunedin, places.shanghai)
    fix(sessions, "hide", card(sessions, dunedin)[0].key)
    assert card(sessions, dunedin) == ()
    with sessions.begin() as session:
        assert queries.pair_links(session, dunedin, shanghai, team_id="T1") == []
        assert queries.recent_partnerships(session, team_id="T1") == []
        assert len(queries.recent_partnerships(session, team_id="T2")) == 1


def test_a_fact_moved_to_another_place_leaves_one_card_for_the_other(
    add, sessions, places, sister_facts
):
    add("Dunedin and Shanghai.", sister_facts(places.dunedin, places.shanghai))
    dunedin, shanghai, stirling = ids(sessions, places.dunedin, places.shanghai, places.stirling)
    link = card(sessions, dunedin)[0]
    side = "a" if link.a.id == shanghai else "b"
    fix(sessions, "edit", link.key, after={side: stirling})
    assert [x.partner_of(dunedin).name for x in card(sessions, dunedin)] == ["Stirling"]
    assert card(sessions, shanghai) == ()
    assert [x.partner_of(stirling).name for x in card(sessions, stirling)] == ["Dunedin"]


def test_an_added_fact_shows_without_evidence_and_merges_with_a_later_article(
    add, sessions, places, sister_facts
):
    dunedin, stirling = ids(sessions, places.dunedin, places.stirling)
    a, b, _ = corrections.stored_order(*_summaries(sessions, dunedin, stirling), "sister_city")
    fix(sessions, "add", (a, b, "sister_city"), after={"status": "existing", "year": 1990})
    added, = card(sessions, dunedin)  # fmt: skip
    assert (added.evidence, added.year, added.corrected.action) == ((), 1990, "add")
    assert card(sessions, dunedin, team="T2") == ()
    add("Dunedin and Stirling.", sister_facts(places.dunedin, places.stirling, year=1991))
    merged, = card(sessions, dunedin)  # fmt: skip
    assert len(merged.evidence) == 1 and merged.year == 1990  # the team's word stands


def test_a_doubtful_fact_is_unconfirmed_until_confirmed(add, sessions, places, sister_facts):
    facts = sister_facts(places.dunedin, places.shanghai)
    facts = replace(facts, partnerships=[replace(facts.partnerships[0], confidence=0.5)])
    add("Dunedin and Shanghai.", facts)
    dunedin, _ = ids(sessions, places.dunedin, places.shanghai)
    assert card(sessions, dunedin, confirm_below=0.7)[0].unconfirmed
    assert not card(sessions, dunedin, confirm_below=0.4)[0].unconfirmed
    fix(sessions, "confirm", card(sessions, dunedin)[0].key)
    confirmed, = card(sessions, dunedin, confirm_below=0.7)  # fmt: skip
    assert not confirmed.unconfirmed and confirmed.confirmed.user_id == "U1"


def _summaries(sessions, *place_ids):
    with sessions.begin() as session:
        found = queries.places_by_id(session, place_ids)
    return [found[i] for i in place_ids]
