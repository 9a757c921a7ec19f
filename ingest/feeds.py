"""Feeds read: RSS 2.0, Atom and Google Alerts (whose item links are Google redirects)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import feedparser

from ingest.errors import IngestError

MAX_ITEMS = 100  # items read from one fetch of a feed, newest first as the feed lists them
KEY_CHARS = 500


@dataclass(frozen=True)
class FeedEntry:
    key: str  # the item's own id, else its link: what makes it "seen"
    url: str


def unwrap(link: str) -> str:
    """The article a Google redirect (`https://www.google.com/url?...&url=ARTICLE`) points to."""
    parts = urlsplit(link)
    host = (parts.hostname or "").lower()
    if (host == "google.com" or host.endswith(".google.com")) and parts.path == "/url":
        query = parse_qs(parts.query)
        target = (query.get("url") or query.get("q") or [""])[0]
        if target.startswith(("http://", "https://")):
            return target
    return link


def read_feed(body: bytes, url: str) -> list[FeedEntry]:
    """The items of a feed with a link each; raise IngestError when the body is no feed."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise IngestError("that link is not an RSS or Atom feed")
    entries = []
    for item in parsed.entries[:MAX_ITEMS]:
        link = item.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        link = unwrap(link)
        key = (item.get("id") or link)[:KEY_CHARS]
        entries.append(FeedEntry(key, link))
    return entries
