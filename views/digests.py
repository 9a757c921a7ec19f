"""Digest messages: a header with the period and counts, grouped links, split to Slack's limits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from store.digests import SubscriptionResult
from store.results import LinkResult
from views.cards import (
    KIND_LABELS,
    STATUS_WORDS,
    Block,
    View,
    article_link,
    clip,
    context,
    escape,
    header,
    link_section,
    link_text,
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
          ("older", "Older news that arrived now"),
          ("confirmed", "Confirmed or corrected by your team"))  # fmt: skip
ACTIVE_PLACES = 3  # the busiest places a digest's header names
EVENT_NAMES = 6  # places an event's line names before "and N more"
FULL_LINES_CHARS = 4_000  # events shown with quote and menu, until they take this much
SHORT_PER_SECTION = 15  # short lines of a busy week in one section (3000 characters)


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
    ] + ([_plural(len(content.ended), "ended tie")] if content.ended else [])
      + ([f"older news: {len(content.older)}"] if content.older else []))  # fmt: skip
    blocks = [header("Partnership news"), context(f"{period} \u00b7 {counts}")]
    busiest = Counter(p.name for link in content.every_link for p in (link.a, link.b))
    if busiest:
        names = ", ".join(f"{escape(name)} ({n})" for name, n in
                          busiest.most_common(ACTIVE_PLACES))  # fmt: skip
        kinds = Counter(KIND_LABELS.get(x.kind, x.kind) for x in content.every_link)
        by_kind = ", ".join(f"{n} {label}" for label, n in kinds.most_common())
        blocks.append(context(f"Most active: {names} \u00b7 {by_kind}"))
    return blocks


def _body(content: DigestContent) -> list[Block]:
    """Each group's events: with their quote and menu while the message has room, then one
    short line each (a busy week still fits one message; every fact has its card)."""
    blocks: list[Block] = []
    counted, budget = 0, FULL_LINES_CHARS
    for attribute, heading in GROUPS:
        links = getattr(content, attribute)
        if not links:
            continue
        blocks.append(section(f"*{heading}*"))
        short: list[str] = []
        for event in events(links):
            block = _event_block(event, counted)
            if budget - _size(block) > 0 and not short:
                blocks.append(block)
                budget -= _size(block)
                counted += 1
            else:
                short.append(_short_line(event))
        blocks += [section("\n".join(short[i : i + SHORT_PER_SECTION]))
                   for i in range(0, len(short), SHORT_PER_SECTION)]  # fmt: skip
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


def events(links: Sequence[LinkResult]) -> list[list[LinkResult]]:
    """The links as events, in order: links a list in one sentence gave ("mayors of A, B and C
    visited Chongqing": the same kind, status and sentence, one place in common) are one."""
    found: dict[tuple, list[LinkResult]] = {}
    for link in links:
        said = link.evidence[0].sentence if link.evidence else f"#{link.key}"
        found.setdefault((link.kind, link.status, link.year, said), []).append(link)
    out = []
    for group in found.values():
        common = set.intersection(*({x.a.id, x.b.id} for x in group))
        out += [group] if len(group) > 1 and common else [[x] for x in group]
    return out


def _event_block(event: list[LinkResult], number: int) -> Block:
    """One line for an event, with the menu of its first link (each link has its own card)."""
    first = event[0]
    block = link_section(first, number, arrivals=True)
    if len(event) == 1:
        return block
    rest = link_text(first, arrivals=True).split(" \u00b7 ", 2)[-1]  # status, marks, quote
    text = f"{_event_who(event)} \u00b7 {rest}"
    return {**block, "text": {"text": clip(text, 3000), "type": "mrkdwn"}}


def _event_who(event: list[LinkResult]) -> str:
    """'6 places: *Antioch*, *Oakley*, … → *Chongqing*': the places of a list, and the one
    they have in common."""
    first = event[0]
    shared = ({first.a.id, first.b.id} & {event[1].a.id, event[1].b.id}).pop()
    hub = first.a if first.a.id == shared else first.b
    others = [x.partner_of(shared) for x in event]
    names = ", ".join(f"*{escape(p.name)}*" for p in others[:EVENT_NAMES])
    names += f" and {len(others) - EVENT_NAMES} more" if len(others) > EVENT_NAMES else ""
    arrow = " \u2192 " if first.kind == "visit" and first.b.id == shared else " & "
    return f"{len(others)} places: {names}{arrow}*{escape(hub.name)}*"


def _short_line(event: list[LinkResult]) -> str:
    """'• *Dunedin* & *Stirling* · sister cities · new, 2024' (an event of a busy week)."""
    first = event[0]
    joiner = " \u2192 " if first.kind == "visit" else " & "
    who = f"*{escape(first.a.name)}*{joiner}*{escape(first.b.name)}*"
    if len(event) > 1:
        who = _event_who(event)
    status = ", ".join(str(x) for x in (STATUS_WORDS.get(first.status, first.status), first.year)
                       if x)  # fmt: skip
    return f"\u2022 {who} \u00b7 {KIND_LABELS.get(first.kind, first.kind)} \u00b7 {status}"


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
