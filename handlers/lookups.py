"""The lookup service: what someone typed -> the place they mean and what the store knows of it."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from handlers import kept_pages
from handlers.views import LINKS_PER_PAGE, PlacePage
from ingest.facts import Place
from ingest.lookup import Candidate, PlaceIndex
from store import cards, queries
from store.db import read
from store.results import LinkResult, PlaceProfile, StoreCounts

log = logging.getLogger(__name__)

CONFIDENT_SCORE = 85.0  # a weaker fuzzy match is only offered as "did you mean"
CANDIDATES = 5
EXACT_SCORE = 98.0
REVISION_SECONDS = 1.0  # how long a process trusts the store revision it read last


@dataclass(frozen=True)
class PlaceAnswer:
    """The answer to `/citylink <place>`: the place (or None), the candidates, what is known.

    What the store knows is a profile read from its facts or, for a first page, the page kept
    rendered (`kept_pages`); neither when the store holds nothing about the place.
    """

    query: str
    place: Place | None
    candidates: tuple[Place, ...]  # best first; the chosen place, when there is one, leads
    profile: PlaceProfile | None  # None when the store holds nothing about the place, or kept
    stored_id: int | None = None  # the place's row in the store, if it has one
    page: int | None = 0  # the page of partnerships the profile holds; None: all of them
    kept: PlacePage | None = None  # the first page as rendered when its card was built

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
        revision_seconds: float = REVISION_SECONDS,
    ):
        self.sessions = sessions
        self.index = index
        self.revision_seconds = revision_seconds
        # One-statement reads skip the transaction (no BEGIN and COMMIT round trips).
        self._reads = reads or sessions.kw["bind"].execution_options(isolation_level="AUTOCOMMIT")
        self._revision: tuple[float, tuple[int, int]] | None = None  # (read at, revision)
        self._changed_at = 0.0
        self._counts: dict[str | None, tuple[tuple[int, int], StoreCounts]] = {}

    def place(
        self, text: str, *, team_id: str | None = None, profile=True, page: int | None = 0
    ) -> PlaceAnswer:
        """Find the place `text` names; places the store knows about rank first."""
        found = self.index.search(text, limit=CANDIDATES * 2)
        keys = _contender_keys(found)  # what the store knows decides among them
        stored = self._stored(keys, team_id, card_of=keys[0] if keys and profile else "")
        best, candidates = _choose(found, stored)
        # Another place ranked first (the store knows it, not the likely one): fetch its card.
        if profile and best and best.key != keys[0] and best.key in stored:
            stored = self._stored([best.key], team_id, card_of=best.key)
        return self._answer(text, best, candidates, stored, profile, page)

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
        stored = self._stored([key], team_id, card_of=key)
        return self._answer(place.name, place, (place,), stored, profile, page)

    def _stored(
        self, keys: list[str], team_id: str | None, card_of: str
    ) -> dict[str, cards.StoredPlace]:
        """The stored places among `keys`, with the card of `card_of` (the likely answer)."""
        return cards.stored_places(self._reads, keys, team_id, card_of) if keys else {}

    def _answer(
        self,
        query: str,
        place: Place | None,
        candidates: tuple[Place, ...],
        stored: dict[str, cards.StoredPlace],
        profile: bool,
        page: int | None,
    ) -> PlaceAnswer:
        if place is None:
            return PlaceAnswer(query, None, candidates, None)
        row = stored.get(place.key)
        if not (profile and row):
            return PlaceAnswer(query, place, candidates, None, row and row.id, page)
        kept = kept_pages.read(row.card) if page == 0 and row.card is not None else None
        details = None if kept else self._profile(row, page)
        return PlaceAnswer(query, place, candidates, details, row.id, page, kept)

    def _profile(self, stored: cards.StoredPlace, page: int | None) -> PlaceProfile | None:
        """The place's page (None: all of it) read from the facts; a first page is kept.

        The asker sees what the card's scope sees: a team without articles of its own about
        the place sees the shared corpus there.
        """
        first = 0 if page is None else page * LINKS_PER_PAGE
        window = slice(first, None if page is None else first + LINKS_PER_PAGE)
        team_id = stored.card_scope or None
        with self.sessions.begin() as session:
            details = queries.place_profile(session, stored.id, team_id=team_id, window=window)
        if page == 0 and details is not None and stored.known:
            self._keep(stored, details)
        return details

    def _keep(self, stored: cards.StoredPlace, details: PlaceProfile) -> None:
        try:
            with self.sessions.begin() as session:
                cards.save(session, stored, kept_pages.keep(details))
        except SQLAlchemyError:  # the answer stands without its card: the next lookup retries
            log.warning("could not keep the card of place %s", stored.id, exc_info=True)

    def pair(self, a_text: str, b_text: str, *, team_id: str | None = None) -> PairAnswer:
        """What links the two places named; the store is asked about both in one query."""
        texts = (a_text, b_text)
        found = [self.index.search(text, limit=CANDIDATES * 2) for text in texts]
        stored = self._stored([k for f in found for k in _contender_keys(f)], team_id, card_of="")
        a, b = (
            self._answer(t, *_choose(f, stored), stored, False, 0)
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
                                          b_id=b.stored_id, team_id=team_id))  # fmt: skip
        return PairAnswer(a, b, tuple(links))

    def latest(self, *, limit: int = 10, team_id: str | None = None) -> list[LinkResult]:
        with self.sessions.begin() as session:
            return queries.recent_partnerships(session, limit=limit, team_id=team_id)

    def revision(self) -> tuple[int, int]:
        """What changes when the store gains an article, as read at most `revision_seconds` ago.

        Answers made under an older revision are out of date. This process's own writes
        (`store_changed`) are seen at once, other processes' within `revision_seconds`.
        """
        kept, now = self._revision, time.monotonic()
        if kept is None or now - kept[0] >= self.revision_seconds or kept[0] <= self._changed_at:
            kept = self._revision = (now, read(self._reads, queries.revision))
        return kept[1]

    def store_changed(self) -> None:
        """This process added an article: read the revision afresh next time."""
        self._changed_at = time.monotonic()

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


def _choose(
    found: list[Candidate], stored: dict[str, cards.StoredPlace]
) -> tuple[Place | None, tuple[Place, ...]]:
    """The place meant (None unless a match is confident) and the candidates, best first."""
    ranked = _rank_known_first(found, stored)[:CANDIDATES]
    candidates = tuple(c.place for c in ranked)
    confident = bool(ranked) and ranked[0].score >= CONFIDENT_SCORE
    return (candidates[0] if confident else None), candidates


def _rank_known_first(
    found: list[Candidate], stored: dict[str, cards.StoredPlace]
) -> list[Candidate]:
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
