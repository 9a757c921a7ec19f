"""The tables: places, articles and who forwarded them, mentions, people, partnerships, evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from facts.shapes import Money

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store times in UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Amount = Numeric(20, 2, asdecimal=False)


def visible_scopes(team_id: str | None) -> list[str]:
    """The article scopes a team sees: the shared corpus ('') and its own."""
    return ["", team_id] if team_id else [""]


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Place(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    geonameid: Mapped[int | None] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(200))
    folded_name: Mapped[str] = mapped_column(String(200), index=True)
    country: Mapped[str] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(64))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    population: Mapped[int | None] = mapped_column(BigInteger)


class Article(Base):
    """An article as first ingested; `scope` is '' for the shared corpus, else the team id."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("scope", "content_hash"),
        UniqueConstraint("scope", "canonical_url"),
        # What a team sees, by arrival: digests' windows and the visible-article count.
        Index("ix_articles_scope_ingested_at", "scope", "ingested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[str | None] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[str | None] = mapped_column(String(10))
    published_on: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ingested_by: Mapped[str] = mapped_column(String(64))
    ingested_via: Mapped[str] = mapped_column(String(16))
    # One story reported by several outlets: the id of its first article (its own, alone).
    story_id: Mapped[int | None] = mapped_column(index=True)
    signature: Mapped[list[int] | None] = mapped_column(JSON)  # facts.similarity.signature


class Forward(Base):
    """One forwarding of an article by someone, the first one and every duplicate."""

    __tablename__ = "forwards"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    team_id: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str | None] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class PlaceMention(Base):
    __tablename__ = "place_mentions"
    # The articles mentioning a place, read from the index alone (the key leads with article_id).
    __table_args__ = (Index("ix_place_mentions_place_id_article_id", "place_id", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    place_id: Mapped[int] = mapped_column(
        ForeignKey("places.id", ondelete="CASCADE"), primary_key=True
    )
    count: Mapped[int]


class Person(Base):
    """A person; (name, place_id) is unique, enforced by the repository (place_id may be NULL)."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str | None] = mapped_column(String(200))
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), index=True
    )


class ArticlePerson(Base):
    __tablename__ = "article_people"
    # The articles quoting a person, read from the index alone (the key leads with article_id).
    __table_args__ = (Index("ix_article_people_person_id_article_id", "person_id", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    confidence: Mapped[float | None]  # the extractor's, for the person as this article names them


class Organization(Base):
    """An organization; (name, place_id) is unique, enforced by the repository."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), index=True
    )


class ArticleOrganization(Base):
    __tablename__ = "article_organizations"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Partnership(Base):
    """A link; unordered pairs have a.key < b.key, a `visit` goes from a (visitor) to b (host)."""

    __tablename__ = "partnerships"
    __table_args__ = (UniqueConstraint("place_a_id", "place_b_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    place_a_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"))
    place_b_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    year: Mapped[int | None]
    amount_value: Mapped[float | None] = mapped_column(Amount)
    amount_currency: Mapped[str | None] = mapped_column(String(3))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Evidence(Base):
    """A sentence of an article that states a partnership."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("partnership_id", "article_id", "sentence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # a PARTNERSHIP_STATUSES value
    confidence: Mapped[float | None]  # the extractor's, for the link as this sentence states it
    year: Mapped[int | None]
    amount_value: Mapped[float | None] = mapped_column(Amount)
    amount_currency: Mapped[str | None] = mapped_column(String(3))

    @property
    def amount(self) -> Money | None:
        """The amount as the ingest dataclass, or None."""
        if self.amount_value is None or self.amount_currency is None:
            return None
        return Money(self.amount_value, self.amount_currency)


class Correction(Base):
    """A team's correction of a link, kept beside the extracted facts, which stay as extracted.

    `place_a_id`, `place_b_id` and `kind` name the fact as stored (for "add", the fact added),
    so a correction finds its fact again after re-extraction replaces the partnership rows.
    """

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_scope_created_at", "scope", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(64))  # the team whose view it changes
    user_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(8))  # a CORRECTION_ACTIONS value
    place_a_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"))
    place_b_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict] = mapped_column(JSON)  # the values the team saw ({} for "add")
    after: Mapped[dict] = mapped_column(JSON)  # the values it set: kind, status, year, a, b, url
    note: Mapped[str | None] = mapped_column(Text)


class Feed(Base):
    """A news feed a team follows: polled on its own interval, conditionally, with backoff."""

    __tablename__ = "feeds"
    __table_args__ = (UniqueConstraint("scope", "url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(64))  # the team that added it
    url: Mapped[str] = mapped_column(String(2000))
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    interval_minutes: Mapped[int]
    next_check_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    items_taken: Mapped[int] = mapped_column(default=0)
    failures: Mapped[int] = mapped_column(default=0)  # in a row; the wait doubles with each
    last_error: Mapped[str | None] = mapped_column(Text)


class FeedItem(Base):
    """An item of a feed, recorded once: the poller that inserts it is the one that ingests it."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(500))  # the item's id, else its link
    url: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(Text)  # "new", "known", or why it was not read


class SlackDelivery(Base):
    """A Slack event's id, the first time any worker process received it (retries repeat it)."""

    __tablename__ = "slack_deliveries"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ForwardRequest(Base):
    """A forward as Slack sent it, kept from its acknowledgement until it has been answered."""

    __tablename__ = "forward_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)  # Slack's event or trigger id
    scope: Mapped[str] = mapped_column(String(64))  # the installing team (or org)
    user_id: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str | None] = mapped_column(String(64))
    thread_ts: Mapped[str | None] = mapped_column(String(32))  # where the answer goes
    via: Mapped[str] = mapped_column(String(16))  # "dm" | "mention" | "shortcut"
    text: Mapped[str] = mapped_column(Text)
    files: Mapped[list[dict]] = mapped_column(JSON)
    response_url: Mapped[str | None] = mapped_column(Text)  # shortcuts: a private answer
    status: Mapped[str] = mapped_column(String(8), index=True)  # pending | working | done
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)  # the last transient failure


class Subscription(Base):
    """A channel's digest: how often, when (local time in `timezone`), and what to leave out."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("scope", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(64))  # the team id, or '' for single-workspace
    channel_id: Mapped[str] = mapped_column(String(64))
    frequency: Mapped[str] = mapped_column(String(8))  # "weekly" | "daily"
    weekday: Mapped[int]  # 0 = Monday; ignored for daily digests
    time_of_day: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    timezone: Mapped[str] = mapped_column(String(64))
    places: Mapped[list[str]] = mapped_column(JSON)  # place keys; empty = every place
    kinds: Mapped[list[str]] = mapped_column(JSON)  # partnership kinds; empty = every kind
    muted_words: Mapped[list[str]] = mapped_column(JSON)
    skip_empty: Mapped[bool]
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Digest(Base):
    """One digest of a subscription, claimed before posting: (subscription, period_start) once."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("subscription_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    period_start: Mapped[datetime] = mapped_column(UTCDateTime)
    period_end: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(8))  # "claimed" | "sent" | "failed"
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str] = mapped_column(String(128))
    attempts: Mapped[int]
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_ts: Mapped[str | None] = mapped_column(String(32))  # the first part's
    error: Mapped[str | None] = mapped_column(Text)
    # Parts Slack has accepted, each recorded as it is; a retry resumes from the next one.
    parts_sent: Mapped[int] = mapped_column(default=0, server_default="0")


# Newest first: by publication day (undated last), then by ingestion.
NEWEST_ARTICLE_FIRST = (
    Article.published_on.desc().nulls_last(),
    Article.ingested_at.desc(),
    Article.id.desc(),
)
