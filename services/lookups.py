"""The lookup service: what someone typed -> the place they mean and what the store knows of it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from facts.shapes import Place
from places.index import Candidate, PlaceIndex
from services.filters import Filters
from store import queries
from store.db import read
from store.known import StoredPlace, stored_places
from store.results import LinkResult, PlaceProfile, StoreCounts
from views.cards import LINKS_PER_PAGE

CONFIDENT_SCORE = 85.0  # a weaker fuzzy match is only offered as "did you mean"
CANDIDATES = 5
EXACT_SCORE = 98.0


@dataclass(frozen=True)
class PlaceAnswer:
    """The answer to `/citylink <place>`: the place (or None), the candidates, what is known."""

    query: str
    place: Place | None
    candidates: tuple[Place, ...]  # best first; the chosen place, when there is one, leads
    profile: PlaceProfile | None  # None when the store holds nothing about the place
    stored_id: int | None = None  # the place's row in the store, if it has one
    page: int | None = 0  # the page of partnerships the profile holds; None: all of them
    # A country the query names ("France", "Georgia"), with its largest places to offer.
    country: str | None = None
    country_places: tuple[Place, ...] = ()
    filters: Filters = Filters()  # what the asker narrowed the card to
    cities: tuple[LinkResult, ...] = ()  # a region's card: the newest links of its cities

    @property
    def alternatives(self) -> tuple[Place, ...]:
        """The other places the query may have meant."""
        return tuple(c for c in self.candidates if c != self.place)


@dataclass(frozen=True)
class PairAnswer:
    a: PlaceAnswer
    b: PlaceAnswer
    links: tuple[LinkResult, ...]  # newest first; empty when either place is unknown


class LookupService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        index: PlaceIndex,
        *,
        reads: Engine | None = None,
        confirm_below: float = 0.0,
    ):
        self.sessions = sessions
        self.index = index
        self.confirm_below = confirm_below  # extracted links below this are "unconfirmed"
        # One-statement reads skip the transaction (no BEGIN and COMMIT round trips).
        self._reads = reads or sessions.kw["bind"].execution_options(isolation_level="AUTOCOMMIT")

    def place(
        self, text: str, *, team_id: str | None = None, profile=True, page: int | None = 0
    ) -> PlaceAnswer:
        """Find the place `text` names; places the asker's team knows about rank first."""
        found = self.index.search(text, limit=CANDIDATES * 2)
        stored = self._stored(_contender_keys(found), team_id)  # what decides among them
        best, candidates = _choose(found, stored)
        country = self.index.namesake_country(text)
        if not country or (best is not None and best.kind == "city" and best.country == country):
            return self._answer(text, best, candidates, stored, team_id, profile, page)
        answer = self._answer(text, best, candidates, stored, team_id, profile, page)
        largest = tuple(self.index.best_known(country))
        return replace(answer, country=country, country_places=largest)

    def is_place_name(self, text: str) -> bool:
        """Whether `text` is exactly some place's name ("Trinidad and Tobago", "Stoke & Trent")."""
        found = self.index.search(text, limit=1, fuzzy=False)
        return bool(found) and found[0].score >= EXACT_SCORE

    def profile_of(
        self, key: str, *, team_id: str | None = None, profile=True, page: int | None = 0
    ) -> PlaceAnswer | None:
        """The answer for one exact place key (a pressed candidate button)."""
        place = self.index.place_by_key(key)
        if place is None:
            return None
        stored = self._stored([key], team_id)
        return self._answer(place.name, place, (place,), stored, team_id, profile, page)

    def _stored(self, keys: list[str], team_id: str | None) -> dict[str, StoredPlace]:
        """The stored places among `keys`, each saying whether the team knows it."""
        return read(self._reads, partial(stored_places, keys=keys, team_id=team_id)) if keys else {}

    def _answer(
        self,
        query: str,
        place: Place | None,
        candidates: tuple[Place, ...],
        stored: dict[str, StoredPlace],
        team_id: str | None,
        profile: bool,
        page: int | None,
    ) -> PlaceAnswer:
        if place is None:
            return PlaceAnswer(query, None, candidates, None)
        row = stored.get(place.key)
        if not (profile and row):
            return PlaceAnswer(query, place, candidates, None, row and row.id, page)
        details = self._profile(row.id, team_id, page)
        return PlaceAnswer(query, place, candidates, details, row.id, page)

    def _profile(self, place_id: int, team_id: str | None, page: int | None) -> PlaceProfile | None:
        """The place's page of partnerships (None: all of them), read from the facts."""
        first = 0 if page is None else page * LINKS_PER_PAGE
        window = slice(first, None if page is None else first + LINKS_PER_PAGE)
        with self.sessions.begin() as session:
            return queries.place_profile(session, place_id, team_id=team_id, window=window,
                                         confirm_below=self.confirm_below)  # fmt: skip

    def pair(self, a_text: str, b_text: str, *, team_id: str | None = None) -> PairAnswer:
        """What links the two places named; the store is asked about both in one query."""
        texts = (a_text, b_text)
        found = [self.index.search(text, limit=CANDIDATES * 2) for text in texts]
        stored = self._stored([k for f in found for k in _contender_keys(f)], team_id)
        a, b = (
            self._answer(t, *_choose(f, stored), stored, team_id, False, 0)
            for t, f in zip(texts, found, strict=True)
        )
        return self._pair(a, b, team_id)

    def pair_of(self, a_key: str, b_key: str, *, team_id: str | None = None) -> PairAnswer | None:
        """What links two exact places (a shared pair card)."""
        a = self.profile_of(a_key, team_id=team_id, profile=False)
        b = self.profile_of(b_key, team_id=team_id, profile=False)
        return self._pair(a, b, team_id) if a and b else None

    def _pair(self, a: PlaceAnswer, b: PlaceAnswer, team_id: str | None) -> PairAnswer:
        if a.stored_id is None or b.stored_id is None:
            return PairAnswer(a, b, ())
        links = read(self._reads, partial(queries.pair_links, a_id=a.stored_id,
                                          b_id=b.stored_id, team_id=team_id,
                                          confirm_below=self.confirm_below))  # fmt: skip
        return PairAnswer(a, b, tuple(links))

    def latest(self, *, limit: int = 10, team_id: str | None = None) -> list[LinkResult]:
        """The links in the newest news, by the date of the news (not of its arrival)."""
        with self.sessions.begin() as session:
            return queries.newest_news(session, limit=limit, team_id=team_id,
                                       confirm_below=self.confirm_below)  # fmt: skip

    def counts(self, *, team_id: str | None = None) -> StoreCounts:
        """Articles, places, partnerships and people the team can see."""
        with self.sessions.begin() as session:
            return queries.store_counts(session, team_id=team_id)


def _choose(
    found: list[Candidate], stored: dict[str, StoredPlace]
) -> tuple[Place | None, tuple[Place, ...]]:
    """The place meant (None unless a match is confident) and the candidates, best first."""
    ranked = _rank_known_first(found, stored)[:CANDIDATES]
    candidates = tuple(c.place for c in ranked)
    confident = bool(ranked) and ranked[0].score >= CONFIDENT_SCORE
    return (candidates[0] if confident else None), candidates


def _rank_known_first(found: list[Candidate], stored: dict[str, StoredPlace]) -> list[Candidate]:
    """Among the best tier's matches, places the asker's team has facts about come first.

    Only that tier's candidates are asked about (`_contender_keys`): the others keep their order.
    """

    def has_facts(candidate: Candidate) -> bool:
        place = stored.get(candidate.place.key)
        return bool(place and place.known)

    order = {id(c): i for i, c in enumerate(found)}
    return sorted(found, key=lambda c: (-_tier(c), not has_facts(c), order[id(c)]))


def _tier(candidate: Candidate) -> int:
    """2: exact, 1: confident, 0: only a suggestion."""
    return 2 if candidate.score >= EXACT_SCORE else 1 if candidate.score >= CONFIDENT_SCORE else 0


def _contender_keys(found: list[Candidate]) -> list[str]:
    """The keys of the candidates that may come first: those of the best tier there is."""
    best = max(map(_tier, found), default=0)
    return [c.place.key for c in found if _tier(c) == best]
