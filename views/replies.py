"""Replies to forwarded articles: what was learned, what was already known, what failed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facts.shapes import ArticleFacts, Partnership
from views.cards import (
    KIND_LABELS,
    PEOPLE_SHOWN,
    STATUS_WORDS,
    View,
    clip,
    escape,
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


def _fact_line(p: Partnership) -> str:
    joiner = " \u2192 " if p.kind == "visit" else " & "
    label = KIND_LABELS.get(p.kind, p.kind)
    details = ", ".join(str(x) for x in (STATUS_WORDS.get(p.status, p.status), p.year,
                                          money_text(p.amount)) if x)  # fmt: skip
    return f"\u2022 *{escape(p.a.name)}*{joiner}*{escape(p.b.name)}* \u00b7 {label} ({details})"


def _facts_text(facts: ArticleFacts) -> str:
    places = ", ".join(escape(m.place.name) for m in facts.places[:15]) or "none"
    lines = [f"Places: {places}"]
    if facts.partnerships:
        lines += [_fact_line(p) for p in facts.partnerships[:MAX_FACT_LINES]]
        extra = len(facts.partnerships) - MAX_FACT_LINES
        lines += [f"\u2026and {extra} more"] if extra > 0 else []
    else:
        lines.append("No partnerships in it, as far as I can tell.")
    if facts.people:
        people = "; ".join(person_text(p.name, p.role, p.place and p.place.name)
                           for p in facts.people[:PEOPLE_SHOWN])  # fmt: skip
        lines.append(f"People: {people}")
    return "\n".join(lines)


def learned_text(item: Learned) -> str:
    """One forwarded source: what it taught, that it was known, or why it gave nothing."""
    source = escape(clip(item.source, 200))
    if item.outcome is None:
        return f":warning: {source}: {escape(item.reason or 'nothing learned')}"
    result = item.outcome.result
    title = escape(clip(result.title or item.source, 150))
    if not result.created:
        when = result.first_ingested_at.strftime("%Y-%m-%d")
        who = "the bundled corpus" if result.first_ingested_via == "bundled" else (
            f"<@{result.first_ingested_by}>")  # fmt: skip
        return f"*Already known:* {title}, first added on {when} by {who}. Nothing new to learn."
    return f"*Learned from {title}*\n{_facts_text(item.outcome.facts)}"


def forward_reply(items: Sequence[Learned]) -> View:
    """The threaded reply to a forward."""
    if not items:
        return message(NOTHING_TO_LEARN)
    blocks = [section(learned_text(item)) for item in items]
    learned = sum(1 for i in items if i.outcome and i.outcome.result.created)
    return view_of(blocks, f"Read {len(items)} article(s), learned from {learned}")
