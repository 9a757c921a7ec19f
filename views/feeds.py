"""Feed answers: what a team follows, when each feed was checked, what it gave, what failed."""

from __future__ import annotations

from collections.abc import Sequence

from store.feeds import FeedResult
from views.cards import View, clip, escape, message, section, view_of

LINES_PER_SECTION = 8  # a section holds 3000 characters; a feed's line up to ~350
FEED_HELP = (
    "`/citylink feed add https://example.org/rss` follows a feed (RSS, Atom, or a Google "
    "Alerts feed); `/citylink feed list` shows them; `/citylink feed remove 2` stops one."
)


def _when(feed: FeedResult) -> str:
    if feed.checked_at is None:
        return "not checked yet"
    return f"checked {feed.checked_at:%-d %b %H:%M} UTC"


def feed_line(number: int, feed: FeedResult) -> str:
    """'2. <url> · checked 3 Dec 09:00 UTC · 14 items taken · every 60 min · 3 waiting to be
    read · last error: ...'."""
    parts = [f"{number}. {escape(clip(feed.url, 200))}", _when(feed),
             f"{feed.items_taken} item{'s' * (feed.items_taken != 1)} taken",
             f"every {feed.interval_minutes} min"]  # fmt: skip
    if feed.waiting:
        parts.append(f"{feed.waiting} waiting to be read")
    if feed.last_error:
        times = f"{feed.failures} time{'s' * (feed.failures != 1)} in a row"
        retry = f"next try {feed.next_check_at:%-d %b %H:%M} UTC"
        parts.append(f":warning: last error: {escape(feed.last_error)} ({times}; {retry})")
    return " \u00b7 ".join(parts)


def feeds_card(followed: Sequence[FeedResult]) -> View:
    if not followed:
        return message("This workspace follows no feed yet. " + FEED_HELP)
    lines = [feed_line(n, feed) for n, feed in enumerate(followed, start=1)]
    blocks = [section("*Feeds*")]
    blocks += [section("\n".join(lines[i : i + LINES_PER_SECTION]))
               for i in range(0, len(lines), LINES_PER_SECTION)]  # fmt: skip
    return view_of(blocks, f"{len(followed)} feeds")
