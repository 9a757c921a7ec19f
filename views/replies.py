"""Replies to forwarded articles: what was learned, what was already known, what failed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facts.shapes import ArticleFacts, Partnership
from views.cards import (
    KIND_LABELS,
    PEOPLE_SHOWN,
    STATUS_WORDS,
    Block,
    View,
    clip,
    context,
    escape,
    links_blocks,
    message,
    money_text,
    person_text,
    section,
    view_of,
)

NOTHING_TO_LEARN = (
    "I didn't find an article in that. Send me a link to one, paste its text, or share a "
    ".txt, .html or .pdf file, and I will learn the partnerships in it."
)

if TYPE_CHECKING:  # views render what the services made; they import none of them
    from services.forwarding import Learned
MAX_FACT_LINES = 12
MAX_BLOCKS = 50  # Slack's limit for one message


def _fact_line(p: Partnership) -> str:
    joiner = " \u2192 " if p.kind == "visit" else " & "
    label = KIND_LABELS.get(p.kind, p.kind)
    details = ", ".join(str(x) for x in (STATUS_WORDS.get(p.status, p.status), p.year,
                                          money_text(p.amount)) if x)  # fmt: skip
    return f"\u2022 *{escape(p.a.name)}*{joiner}*{escape(p.b.name)}* \u00b7 {label} ({details})"


def _people_text(facts: ArticleFacts) -> str:
    people = "; ".join(person_text(p.name, p.role, p.place and p.place.name)
                       for p in facts.people[:PEOPLE_SHOWN])  # fmt: skip
    return f"People: {people}"


def _facts_blocks(item: Learned, first: int, most: int) -> list[Block]:
    """Places, then each link (with its menu when stored links were read back), then people."""
    facts = item.outcome.facts
    places = ", ".join(escape(m.place.name) for m in facts.places[:15]) or "none"
    title = escape(clip(item.outcome.result.title or item.source, 150))
    blocks = [section(f"*Learned from {title}*\nPlaces: {places}")]
    stated = item.links or facts.partnerships
    if item.links:
        blocks += links_blocks(item.links[:most], first=first)
    elif facts.partnerships:
        blocks.append(section("\n".join(_fact_line(p) for p in facts.partnerships[:most])))
    else:
        blocks.append(section("No partnerships in it, as far as I can tell."))
    extra = len(stated) - most
    if extra > 0:
        blocks.append(context(f"\u2026and {extra} more"))
    if facts.people:
        blocks.append(section(_people_text(facts)))
    return blocks


def learned_text(item: Learned) -> str:
    """A forwarded source that taught nothing new: known already, or why it gave nothing."""
    source = escape(clip(item.source, 200))
    if item.outcome is None:
        return f":warning: {source}: {escape(item.reason or 'nothing learned')}"
    result = item.outcome.result
    title = escape(clip(result.title or item.source, 150))
    when = result.first_ingested_at.strftime("%Y-%m-%d")
    who = "the bundled corpus" if result.first_ingested_via == "bundled" else (
        f"<@{result.first_ingested_by}>")  # fmt: skip
    return f"*Already known:* {title}, first added on {when} by {who}. Nothing new to learn."


def forward_reply(items: Sequence[Learned]) -> View:
    """The threaded reply to a forward; each new article's links carry their menus."""
    if not items:
        return message(NOTHING_TO_LEARN)
    blocks: list[Block] = []
    most = max(3, MAX_FACT_LINES // len(items))  # five articles' worth stays within 50 blocks
    for item in items:
        if item.outcome and item.outcome.result.created and item.outcome.facts:
            blocks += _facts_blocks(item, first=len(blocks), most=most)
        else:
            blocks.append(section(learned_text(item)))
    if len(blocks) > MAX_BLOCKS:  # many files at once: one line each
        blocks = [section(_summary_line(item)) for item in items][:MAX_BLOCKS]
    learned = sum(1 for i in items if i.outcome and i.outcome.result.created)
    return view_of(blocks, f"Read {len(items)} article(s), learned from {learned}")


def _summary_line(item: Learned) -> str:
    """A forwarded source in one line: what it taught, or why not."""
    if not (item.outcome and item.outcome.result.created and item.outcome.facts):
        return learned_text(item)
    title = escape(clip(item.outcome.result.title or item.source, 150))
    count = len(item.outcome.facts.partnerships)
    return f"*Learned from {title}*: {count} partnership{'s' * (count != 1)}"
