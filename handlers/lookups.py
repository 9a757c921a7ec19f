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


@dataclass(frozen=True)
class PlaceAnswer:
    """The answer to `/citylink <place>`: the place (or None), the candidates, the profile."""

    query: str
    place: Place | None
    candidates: tuple[Place, ...]  # best first; the chosen place, when there is one, leads
    profile: PlaceProfile | None  # None when the store holds nothing about the place

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

    def place(self, text: str, *, team_id: str | None = None) -> PlaceAnswer:
        """Find the place `text` names; places the store knows about rank first."""
        found = self.index.search(text, limit=CANDIDATES * 2)
        with self.sessions.begin() as session:
            stored = queries.places_by_key(session, [c.place.key for c in found])
            ranked = _rank_known_first(found, stored)[:CANDIDATES]
            if not ranked or ranked[0].score < CONFIDENT_SCORE:
                return PlaceAnswer(text, None, tuple(c.place for c in ranked), None)
            best = ranked[0].place
            summary = stored.get(best.key)
            profile = summary and queries.place_profile(session, summary.id, team_id=team_id)
        return PlaceAnswer(text, best, tuple(c.place for c in ranked), profile)

    def is_place_name(self, text: str) -> bool:
        """Whether `text` is exactly some place's name ("Trinidad and Tobago", "Stoke & Trent")."""
        found = self.index.search(text, limit=1)
        return bool(found) and found[0].score >= EXACT_SCORE

    def profile_of(self, key: str, *, team_id: str | None = None) -> PlaceAnswer | None:
        """The answer for one exact place key (a pressed candidate button)."""
        place = self.index.place_by_key(key)
        if place is None:
            return None
        with self.sessions.begin() as session:
            summary = queries.places_by_key(session, [key]).get(key)
            profile = summary and queries.place_profile(session, summary.id, team_id=team_id)
        return PlaceAnswer(place.name, place, (place,), profile)

    def pair(self, a_text: str, b_text: str, *, team_id: str | None = None) -> PairAnswer:
        """What links the two places named."""
        a, b = self.place(a_text, team_id=team_id), self.place(b_text, team_id=team_id)
        return self._pair(a, b, team_id)

    def pair_of(self, a_key: str, b_key: str, *, team_id: str | None = None) -> PairAnswer | None:
        """What links two exact places (a shared pair card)."""
        a, b = self.profile_of(a_key, team_id=team_id), self.profile_of(b_key, team_id=team_id)
        return self._pair(a, b, team_id) if a and b else None

    def _pair(self, a: PlaceAnswer, b: PlaceAnswer, team_id: str | None) -> PairAnswer:
        if not (a.profile and b.profile):
            return PairAnswer(a, b, ())
        with self.sessions.begin() as session:
            ids = (a.profile.place.id, b.profile.place.id)
            links = queries.pair_links(session, *ids, team_id=team_id)
        return PairAnswer(a, b, tuple(links))

    def latest(self, *, limit: int = 10, team_id: str | None = None) -> list[LinkResult]:
        with self.sessions.begin() as session:
            return queries.recent_partnerships(session, limit=limit, team_id=team_id)

    def counts(self, *, team_id: str | None = None) -> StoreCounts:
        with self.sessions.begin() as session:
            return queries.store_counts(session, team_id=team_id)


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
