"""The ingestion service shared by the CLI and Slack: read text, extract facts, store them once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import sessionmaker

from facts.shapes import ArticleFacts, ArticleText
from store.repository import AddResult, add_article, known_article

if TYPE_CHECKING:  # spaCy is imported only by processes that extract
    from ingest.extract import Extractor

BATCH = 8  # articles per spaCy batch: most of the speed of nlp.pipe at little memory


@dataclass(frozen=True)
class Forward:
    """Who sent an article in, and how."""

    via: str = "cli"
    user_id: str = "cli"
    team_id: str | None = None
    channel_id: str | None = None


@dataclass(frozen=True)
class IngestOutcome:
    result: AddResult
    facts: ArticleFacts | None  # None when the article was already known


class IngestService:
    def __init__(self, sessions: sessionmaker, extractor: Extractor):
        self.sessions = sessions
        self.extractor = extractor

    def has_link(self, url: str, team_id: str | None) -> bool:
        """Whether the team's store has the article at `url` (by its canonical URL) already."""
        with self.sessions.begin() as session:
            found = known_article(session, ArticleText(text="", url=url), team_id=team_id)
        return found is not None

    def ingest(self, article: ArticleText, forward: Forward = Forward()) -> IngestOutcome:
        """Store one article in one transaction; a known article only records the forward."""
        return next(self.ingest_many([article], forward))

    def ingest_many(
        self, articles: Iterable[ArticleText], forward: Forward = Forward()
    ) -> Iterator[IngestOutcome]:
        """Like `ingest` for each article, extracting new ones in batches; one transaction each."""
        batch: list[ArticleText] = []
        for article in articles:
            batch.append(article)
            if len(batch) == BATCH:
                yield from self._batch(batch, forward)
                batch = []
        yield from self._batch(batch, forward)

    def _batch(self, articles: list[ArticleText], forward: Forward) -> Iterator[IngestOutcome]:
        with self.sessions.begin() as session:
            known = [known_article(session, a, team_id=forward.team_id) for a in articles]
        new = [a for a, k in zip(articles, known, strict=True) if k is None]
        extracted = dict(zip(map(id, new), self.extractor.pipe(new), strict=True))
        for article in articles:
            facts = extracted.get(id(article))
            with self.sessions.begin() as session:
                result = add_article(
                    session, article, facts or ArticleFacts(), team_id=forward.team_id,
                    user_id=forward.user_id, via=forward.via, channel_id=forward.channel_id,
                )  # fmt: skip
            yield IngestOutcome(result, facts if result.created else None)
