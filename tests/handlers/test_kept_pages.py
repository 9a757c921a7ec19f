"""Kept pages: a card answered from its kept first page is the card rendered from the facts."""

import json
from datetime import date, datetime

from handlers import kept_pages
from handlers.lookups import PlaceAnswer
from handlers.views import place_card
from ingest.facts import Money, Place
from store.results import (
    ArticleRef,
    EvidenceResult,
    LinkResult,
    PersonResult,
    PlaceProfile,
    PlaceSummary,
)

DUNEDIN = Place("Dunedin", "NZ", "city", geonameid=2191562, admin1="F6")
SEEN = datetime(2025, 3, 2, 9, 30)


def _profile() -> PlaceProfile:
    """Dunedin's first page: a twinning in place, a visit and a deal, people and articles."""
    here = PlaceSummary(1, DUNEDIN.key, "Dunedin", "NZ", "F6", "city", 2191562)
    shanghai = PlaceSummary(2, "geonames:1796236", "Shanghai", "CN", "23", "city", 1796236)
    edinburgh = PlaceSummary(3, "geonames:2650225", "Edinburgh", "GB", "SCT", "city", 2650225)
    news = ArticleRef(7, "Dunedin & Shanghai <renew> ties", "https://odt.example/7", "ODT",
                      "2025-03-01", date(2025, 3, 1), SEEN)  # fmt: skip
    older = ArticleRef(5, None, None, None, None, None, SEEN)

    def link(id_, a, b, kind, status, year, amount, *articles):
        evidence = tuple(
            EvidenceResult(f"{a.name} and {b.name}: {kind}.", status, year, amount, article)
            for article in articles
        )
        return LinkResult(id_, a, b, kind, status, year, amount, evidence, SEEN)

    links = (
        link(1, shanghai, here, "sister_city", "existing", 1994, None, news, older),
        link(2, here, edinburgh, "trade_deal", "new", 2025, Money(2e6, "NZD"), news),
        link(3, edinburgh, here, "visit", "proposed", None, None, older),
    )
    people = (
        PersonResult("Jules Radich", "mayor", "Dunedin"),
        PersonResult("Ana Silva", None, None),
    )
    return PlaceProfile(here, links, 15, people, (news, older), 2)


def test_a_card_from_the_kept_page_is_the_card_rendered_from_the_facts():
    profile = _profile()
    built = PlaceAnswer("dunedin", DUNEDIN, (DUNEDIN,), profile, stored_id=1)
    kept = PlaceAnswer("dunedin", DUNEDIN, (DUNEDIN,), None, stored_id=1,
                       kept=kept_pages.read(kept_pages.keep(profile)))  # fmt: skip
    assert kept.kept is not None
    assert place_card(kept) == place_card(built)
    assert place_card(kept, shared_by="U1") == place_card(built, shared_by="U1")


def test_a_page_kept_by_another_renderer_is_not_read():
    kept = json.loads(kept_pages.keep(_profile()))
    kept[0] = "an older release"
    assert kept_pages.read(json.dumps(kept)) is None
