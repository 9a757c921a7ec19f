"""The ingestion service shared by the CLI and Slack: read text, extract facts, store them once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import sessionmaker

from ingest.extract import Extractor
from ingest.facts import ArticleFacts, ArticleText
from store.repository import AddResult, add_article, known_article


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

    def ingest(self, article: ArticleText, forward: Forward = Forward()) -> IngestOutcome:
        """Store one article in one transaction; a known article only records the forward."""
        with self.sessions.begin() as session:
            known = known_article(session, article, team_id=forward.team_id)
        facts = None if known else self.extractor(article)
        with self.sessions.begin() as session:
            result = add_article(
                session,
                article,
                facts or ArticleFacts(),
                team_id=forward.team_id,
                user_id=forward.user_id,
                via=forward.via,
                channel_id=forward.channel_id,
            )
        return IngestOutcome(result, facts if result.created else None)
