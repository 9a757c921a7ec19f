"""The lookup service: what someone typed -> the place they mean and what the store knows of it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from ingest.facts import Place
from ingest.lookup import Candidate, PlaceIndex
from store import queries
from store.results import LinkResult, PlaceProfile, PlaceSummary, StoreCounts

CONFIDENT_SCORE = 85.0  # a weaker fuzzy match is only offered as "did you mean"
CANDIDATES = 5
EXACT_SCORE = 98.0
LINKS_PER_PAGE = 12  # partnerships on one page of a place card


@dataclass(frozen=True)
class PlaceAnswer:
    """The answer to `/citylink <place>`: the place (or None), the candidates, the profile."""

    query: str
    place: Place | None
    candidates: tuple[Place, ...]  # best first; the chosen place, when there is one, leads
    profile: PlaceProfile | None  # None when the store holds nothing about the place
    stored_id: int | None = None  # the place's row in the store, if it has one
    page: int | None = 0  # the page of partnerships the profile holds; None: all of them

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
    def __init__(self, sessions: sessionmaker[Session], index: PlaceIndex):
        self.sessions = sessions
        self.index = index
        self._autocommit = sessions.kw["bind"].execution_options(isolation_level="AUTOCOMMIT")
        self._counts: dict[str | None, tuple[tuple[int, int], StoreCounts]] = {}

    def place(
        self, text: str, *, team_id: str | None = None, profile=True, page: int | None = 0
    ) -> PlaceAnswer:
        """Find the place `text` names; places the store knows about rank first."""
        found = self.index.search(text, limit=CANDIDATES * 2)
        with self.sessions.begin() as session:
            stored = queries.places_by_key(session, [c.place.key for c in found])
            ranked = _rank_known_first(found, stored)[:CANDIDATES]
            if not ranked or ranked[0].score < CONFIDENT_SCORE:
                return PlaceAnswer(text, None, tuple(c.place for c in ranked), None)
            best = ranked[0].place
            summary = stored.get(best.key)
            details = _profile(session, summary, team_id, page) if profile else None
        return PlaceAnswer(text, best, tuple(c.place for c in ranked), details,
                           summary.id if summary else None, page)  # fmt: skip

    def is_place_name(self, text: str) -> bool:
        """Whether `text` is exactly some place's name ("Trinidad and Tobago", "Stoke & Trent")."""
        found = self.index.search(text, limit=1)
        return bool(found) and found[0].score >= EXACT_SCORE

    def profile_of(
        self, key: str, *, team_id: str | None = None, profile=True, page: int | None = 0
    ) -> PlaceAnswer | None:
        """The answer for one exact place key (a pressed candidate button)."""
        place = self.index.place_by_key(key)
        if place is None:
            return None
        with self.sessions.begin() as session:
            summary = queries.places_by_key(session, [key]).get(key)
            details = _profile(session, summary, team_id, page) if profile else None
        stored_id = summary.id if summary else None
        return PlaceAnswer(place.name, place, (place,), details, stored_id, page)

    def pair(self, a_text: str, b_text: str, *, team_id: str | None = None) -> PairAnswer:
        """What links the two places named."""
        a = self.place(a_text, team_id=team_id, profile=False)
        b = self.place(b_text, team_id=team_id, profile=False)
        return self._pair(a, b, team_id)

    def pair_of(self, a_key: str, b_key: str, *, team_id: str | None = None) -> PairAnswer | None:
        """What links two exact places (a shared pair card)."""
        a = self.profile_of(a_key, team_id=team_id, profile=False)
        b = self.profile_of(b_key, team_id=team_id, profile=False)
        return self._pair(a, b, team_id) if a and b else None

    def _pair(self, a: PlaceAnswer, b: PlaceAnswer, team_id: str | None) -> PairAnswer:
        if a.stored_id is None or b.stored_id is None:
            return PairAnswer(a, b, ())
        with self.sessions.begin() as session:
            links = queries.pair_links(session, a.stored_id, b.stored_id, team_id=team_id)
        return PairAnswer(a, b, tuple(links))

    def latest(self, *, limit: int = 10, team_id: str | None = None) -> list[LinkResult]:
        with self.sessions.begin() as session:
            return queries.recent_partnerships(session, limit=limit, team_id=team_id)

    def revision(self) -> tuple[int, int]:
        """Changes whenever the store gains an article (answers made before are out of date)."""
        with self._autocommit.connect() as connection:  # one round trip, no transaction
            return queries.revision(connection)

    def counts(self, *, team_id: str | None = None) -> StoreCounts:
        """What the team can see; counting is slow on a big store, so it is kept per revision."""
        revision = self.revision()
        cached = self._counts.get(team_id)
        if cached and cached[0] == revision:
            return cached[1]
        with self.sessions.begin() as session:
            counts = queries.store_counts(session, team_id=team_id)
        self._counts[team_id] = (revision, counts)
        return counts


def _profile(
    session: Session, summary: PlaceSummary | None, team_id: str | None, page: int | None
) -> PlaceProfile | None:
    """The stored place's profile with one page of its partnerships (all when `page` is None)."""
    if summary is None:
        return None
    first = 0 if page is None else page * LINKS_PER_PAGE
    window = slice(first, None if page is None else first + LINKS_PER_PAGE)
    return queries.place_profile(session, summary.id, team_id=team_id, window=window)


def _rank_known_first(found: list[Candidate], stored: dict[str, PlaceSummary]) -> list[Candidate]:
    """Among equally good matches, places with facts in the store come first."""

    def tier(candidate: Candidate) -> int:
        return (
            2 if candidate.score >= EXACT_SCORE else 1 if candidate.score >= CONFIDENT_SCORE else 0
        )

    def has_facts(candidate: Candidate) -> bool:
        summary = stored.get(candidate.place.key)
        return bool(summary and summary.facts)

    order = {id(c): i for i, c in enumerate(found)}
    return sorted(found, key=lambda c: (-tier(c), not has_facts(c), order[id(c)]))
