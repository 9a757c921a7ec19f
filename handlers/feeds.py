"""`/citylink feed add URL | list | remove N`: the feeds a workspace follows."""

from __future__ import annotations

from services.feeds import FeedService
from views import cards
from views import feeds as feed_views

WORDS = ("feed", "feeds")


def command_answer(feeding: FeedService, rest: str, team: str, user: str) -> cards.View:
    """What `/citylink feed ...` answers."""
    verb, _, argument = rest.strip().partition(" ")
    verb, argument = verb.lower(), argument.strip()
    if verb in ("", "list"):
        return feed_views.feeds_card(feeding.of_team(team))
    if verb == "add" and argument:
        added = feeding.add(team, user, argument)
        if isinstance(added, str):
            return cards.message(added)
        feed, new = added
        if not new:
            return cards.message(f"This workspace follows {feed.url} already.")
        return cards.message(f"Following {feed.url}: I check it every {feed.interval_minutes} "
                             "minutes and learn from each new article in it.")  # fmt: skip
    if verb == "remove" and argument:
        gone = feeding.remove(team, argument)
        return cards.message(f"Stopped following {gone.url}." if gone else
                             "No feed of this workspace has that number or link.")  # fmt: skip
    return cards.message(feed_views.FEED_HELP)
