"""Digest messages: a header with the period and counts, grouped links, split to Slack's limits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from store.digests import SubscriptionResult
from views.cards import (
    KIND_LABELS,
    Block,
    View,
    article_link,
    context,
    escape,
    header,
    links_blocks,
    message,
    section,
    story_of,
    view_of,
)

if TYPE_CHECKING:  # views render what the services made; they import none of them
    from services.digest_content import DigestContent
    from services.schedule import Schedule

MAX_BLOCKS = 50
MAX_CHARS = 12_000  # Slack truncates messages past ~13k characters
MAX_ARTICLES = 15
GROUPS = (("links", "New and confirmed partnerships"), ("visits", "Visits"),
          ("proposals", "Proposals and plans"), ("ended", "Ended ties"),
          ("confirmed", "Confirmed or corrected by your team"))  # fmt: skip


def _day(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%-d %b %Y")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _header(content: DigestContent, schedule: Schedule) -> list[Block]:
    zone = schedule.timezone
    period = f"{_day(content.start, zone)} \u2013 {_day(content.end, zone)}"
    counts = " \u00b7 ".join([
        _plural(len(content.links), "new link"), _plural(len(content.visits), "visit"),
        _plural(len(content.proposals), "proposal"), _plural(len(content.articles), "article"),
    ] + ([_plural(len(content.ended), "ended tie")] if content.ended else []))  # fmt: skip
    return [header("Partnership news"), context(f"{period} \u00b7 {counts}")]


def _body(content: DigestContent) -> list[Block]:
    blocks: list[Block] = []
    counted = 0
    for attribute, heading in GROUPS:
        links = getattr(content, attribute)
        if links:
            blocks.append(section(f"*{heading}*"))
            blocks += links_blocks(links, first=counted, arrivals=True)
            counted += len(links)
    if content.articles:
        stories: dict[int, list] = {}
        for article in content.articles:  # one line per story, however many outlets told it
            stories.setdefault(story_of(article), []).append(article)
        shown = list(stories.values())[:MAX_ARTICLES]
        more = len(stories) - len(shown)
        lines = [f"\u2022 {article_link(told[0])}" + (f" ({len(told)} sources)" if len(told) > 1
                 else "") for told in shown]  # fmt: skip
        lines += [f"\u2026and {more} more"] if more > 0 else []
        blocks.append(section("*New articles*\n" + "\n".join(lines)))
    return blocks


def _size(block: Block) -> int:
    return len(str(block))


def _split(blocks: list[Block]) -> list[list[Block]]:
    """Chunks within Slack's per-message limits on blocks and characters."""
    chunks: list[list[Block]] = [[]]
    for block in blocks:
        chunk = chunks[-1]
        if chunk and (len(chunk) >= MAX_BLOCKS - 1 or
                      sum(map(_size, chunk)) + _size(block) > MAX_CHARS):  # fmt: skip
            chunks.append([])
        chunks[-1].append(block)
    return chunks


def digest_messages(content: DigestContent, schedule: Schedule) -> list[View]:
    """One or more messages; an empty period says so in one line."""
    head = _header(content, schedule)
    if content.empty:
        since = _day(content.start, schedule.timezone)
        text = f"No new partnership news since {since}. Forward me articles to fill the next one."
        return [view_of([*head, section(text)], text)]
    chunks = _split([*head, *_body(content)])
    views = []
    for number, chunk in enumerate(chunks, start=1):
        if len(chunks) > 1 and number > 1:
            chunk = [context(f"Partnership news, continued ({number}/{len(chunks)})"), *chunk]
        views.append(view_of(chunk, f"Partnership news ({number}/{len(chunks)})"
                             if len(chunks) > 1 else "Partnership news"))  # fmt: skip
    return views


def subscription_text(sub: SubscriptionResult, place_names: Sequence[str], when: str) -> str:
    """'a weekly digest every Monday at 09:00 (UTC); places: Shanghai; muted: expo'; `when` is
    the schedule's own description."""
    parts = [f"<#{sub.channel_id}> gets a {sub.frequency} digest {when}"]
    if place_names:
        parts.append("places: " + escape(", ".join(place_names)))
    if sub.kinds:
        parts.append("kinds: " + ", ".join(KIND_LABELS.get(k, k) for k in sub.kinds))
    if sub.muted_words:
        parts.append("muted: " + escape(", ".join(sub.muted_words)))
    if sub.skip_empty:
        parts.append("quiet weeks are skipped")
    return "; ".join(parts)


def subscription_changes(was: tuple, now: tuple) -> str:
    """What a new `subscribe` changed: 'places: Shanghai → Shanghai, Dunedin; kinds: every
    kind → mou'; '' when nothing. Each side is (subscription, place names, schedule words)."""
    (old, old_names, old_when), (new, new_names, new_when) = was, now

    def kinds(sub: SubscriptionResult) -> str:
        return ", ".join(KIND_LABELS.get(k, k) for k in sub.kinds) or "every kind"

    pairs = [
        ("schedule", f"{old.frequency} {old_when}", f"{new.frequency} {new_when}"),
        ("places", ", ".join(old_names) or "every place", ", ".join(new_names) or "every place"),
        ("kinds", kinds(old), kinds(new)),
        ("muted", ", ".join(old.muted_words) or "nothing", ", ".join(new.muted_words) or "nothing"),
        ("quiet weeks", "skipped" if old.skip_empty else "posted",
         "skipped" if new.skip_empty else "posted"),
    ]  # fmt: skip
    return "; ".join(f"{name}: {escape(a)} \u2192 {escape(b)}" for name, a, b in pairs if a != b)


def subscriptions_card(subs: Sequence[tuple[SubscriptionResult, Sequence[str], str]]) -> View:
    """Each subscription with its places' names and its schedule's description."""
    if not subs:
        return message("No channel has a digest yet: `/citylink subscribe` in one.")
    lines = [f"\u2022 {subscription_text(*sub)}" for sub in subs]
    return view_of([section("*Digest subscriptions*\n" + "\n".join(lines))], "Subscriptions")
