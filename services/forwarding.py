"""Forwarded articles: links, pasted text and shared files from Slack, fetched and ingested."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy.exc import SQLAlchemyError

from facts.shapes import ArticleText
from ingest.errors import IngestError, TooLarge
from ingest.reader import MAX_BYTES, read_bytes
from services.ingesting import Forward, IngestOutcome, IngestService
from services.links import links_in
from store import queries
from store.results import LinkResult

log = logging.getLogger(__name__)

SLACK_MARKUP = re.compile(r"<[^>]*>")
MIN_PASTED_WORDS = 40
MAX_LINKS = 5
SLACK_FILE_HOSTS = ("files.slack.com", "slack.com", "slack-files.com")


@dataclass(frozen=True)
class Learned:
    """What one forwarded source gave: an ingestion outcome, or the reason it gave nothing."""

    source: str  # the link, the file name, or "your message"
    outcome: IngestOutcome | None = None
    reason: str | None = None
    links: tuple[LinkResult, ...] = ()  # what a new article taught, as stored, to be corrected


def pasted_article(text: str) -> str | None:
    """The message itself when it is long enough to be an article rather than a remark."""
    plain = html.unescape(SLACK_MARKUP.sub(" ", text or "")).strip()
    return plain if len(plain.split()) >= MIN_PASTED_WORDS else None


class ForwardService:
    def __init__(
        self,
        ingesting: IngestService,
        fetch: Callable[[str], ArticleText],
        *,
        api_url: str,
    ):
        self.ingesting = ingesting
        self.fetch = fetch
        # The bot token goes only to Slack's file hosts over https on the default port, or to
        # the Web API's own origin (a local stand-in for the console and tests).
        self.file_origins = {("https", host, 443) for host in SLACK_FILE_HOSTS} | {_origin(api_url)}

    def from_message(self, text: str, forward: Forward) -> list[Learned]:
        """Ingest each link of the message, or the message itself if it is an article."""
        links = links_in(text)
        if links:
            return [self._learn(url, lambda url=url: self.fetch(url), forward)
                    for url in links[:MAX_LINKS]]  # fmt: skip
        pasted = pasted_article(text)
        if pasted is None:
            return []
        return [self._learn("your message", lambda: ArticleText(text=pasted), forward)]

    def from_file(self, file: dict, forward: Forward, bot_token: str | None) -> Learned:
        """Download a file shared with the bot (text, HTML or PDF) with its workspace's token."""
        name = str(file.get("name") or file.get("title") or "shared file")
        return self._learn(name, lambda: self._download(file, name, bot_token), forward)

    def _learn(self, source: str, read: Callable[[], ArticleText], forward: Forward) -> Learned:
        try:
            outcome = self.ingesting.ingest(read(), forward)
        except IngestError as exc:
            return Learned(source, reason=exc.reason)
        return Learned(source, outcome=outcome, links=self._stored(outcome, forward))

    def _stored(self, outcome: IngestOutcome, forward: Forward) -> tuple[LinkResult, ...]:
        """The new article's links as the team now sees them; none if the store stopped
        answering since (the reply then lists the links as extracted, without menus)."""
        if not outcome.result.created or not outcome.facts or not outcome.facts.partnerships:
            return ()
        try:
            with self.ingesting.sessions.begin() as session:
                return tuple(queries.article_links(session, outcome.result.article_id,
                                                   team_id=forward.team_id))  # fmt: skip
        except SQLAlchemyError as exc:
            log.warning("could not read back the links of article %s: %s",
                        outcome.result.article_id, exc)  # fmt: skip
            return ()

    def _download(self, file: dict, name: str, bot_token: str | None) -> ArticleText:
        url = file.get("url_private_download") or file.get("url_private")
        if not isinstance(url, str) or _origin(url) not in self.file_origins:
            raise IngestError("I could not download that file from Slack")
        size = file.get("size")
        if isinstance(size, int) and size > MAX_BYTES:
            raise TooLarge("the file is over 5 MB")
        headers = {"Authorization": f"Bearer {bot_token}"}
        try:
            with httpx.stream("GET", url, headers=headers, timeout=15.0) as response:
                response.raise_for_status()
                data = _read_capped(response)
                content_type = response.headers.get("content-type")
        except httpx.HTTPError:
            raise IngestError("I could not download that file from Slack") from None
        return read_bytes(data, name=name, content_type=_useful_type(content_type, file))


def _origin(url: str) -> tuple[str, str, int | None] | None:
    """('https', 'files.slack.com', 443) for a URL; None if it has no usable origin."""
    try:
        parts = urlsplit(url)
        default = {"https": 443, "http": 80}.get(parts.scheme)
        return parts.scheme, parts.hostname or "", parts.port or default
    except ValueError:  # a port that is not a number
        return None


def _read_capped(response: httpx.Response) -> bytes:
    data = bytearray()
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) > MAX_BYTES:
            raise TooLarge("the file is over 5 MB")
    return bytes(data)


def _useful_type(served: str | None, file: dict) -> str | None:
    """Slack serves some files as octet-stream; its own mimetype for the file is better."""
    if served and not served.startswith(("application/octet-stream", "binary/")):
        return served
    return file.get("mimetype") or served
