"""Re-extraction: today's extractor over every stored article's text, keeping teams' corrections.

Each article's facts are replaced in a transaction of its own, so a run stopped half way leaves
every article either as it was or re-read, and running again finishes the job. Corrections
name their facts by places and kind, so they apply to the new facts by themselves; one whose
fact is no longer stated is reported, never deleted (it applies again if the fact returns).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from facts.shapes import ArticleText
from services.ingesting import BATCH
from store import corrections, repository
from store.results import CorrectionResult

Extract = Callable[[list[ArticleText]], Iterator]  # articles -> their facts, in order


@dataclass(frozen=True)
class Unmatched:
    """A correction whose fact no extracted evidence its team sees states any more."""

    team: str
    correction: CorrectionResult
    names: tuple[str, str]


@dataclass(frozen=True)
class Reextraction:
    articles: int
    unmatched: tuple[Unmatched, ...]


class Reextractor:
    def __init__(self, sessions: sessionmaker[Session], extract: Extract):
        self.sessions, self.extract = sessions, extract

    def article_ids(self, since: datetime | None = None) -> list[int]:
        """The articles to re-read: all of them, or those that arrived since `since`."""
        with self.sessions.begin() as session:
            return repository.article_ids(session, since)

    def run(self, ids: list[int], done: Callable[[int], None] = lambda n: None) -> Reextraction:
        """Re-read the articles `ids` in batches, calling `done(n)` after each batch."""
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            with self.sessions.begin() as session:
                articles = repository.article_texts(session, batch)
            for article_id, facts in zip(batch, self.extract(articles), strict=True):
                with self.sessions.begin() as session:
                    repository.replace_facts(session, article_id, facts)
            done(len(batch))
        return Reextraction(len(ids), tuple(self.unmatched()))

    def unmatched(self) -> Iterator[Unmatched]:
        """Every team's corrections whose fact is gone (additions are facts of their own)."""
        with self.sessions.begin() as session:
            for team in corrections.teams(session):
                for row in corrections.of_team(session, team):
                    if row.action != "add" and not corrections.is_stated(session, team, row.fact):
                        a, b = corrections.place_names(session, row.fact[:2])
                        yield Unmatched(team, row, (a, b))
