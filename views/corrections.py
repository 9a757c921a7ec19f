"""Correction forms (Slack modals), what a correction did, and a link's history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facts.shapes import PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES
from store.results import CorrectionResult, LinkResult, PlaceSummary
from views.cards import (
    KIND_LABELS,
    RESTORE,
    STATUS_WORDS,
    Block,
    View,
    actions,
    article_link,
    button,
    clip,
    context,
    escape,
    fix_value,
    header,
    link_text,
    mark_text,
    section,
    view_of,
)

if TYPE_CHECKING:
    from services.corrections import History

CORRECT = "citylink_correct"  # the callback_id of the form that corrects a fact
ADD_FORM = "citylink_add_form"  # ... and of the form that adds one
HIDE, CHANGE = "hide", "change"
HISTORY_LINES = 40
OPTION_CHARS = 75  # Slack's limit on an option's text
FIELD_LABELS = {"kind": "kind", "status": "status", "year": "year", "a": "place", "b": "place"}


def _text(text: str) -> dict:
    return {"type": "plain_text", "text": text, "emoji": True}


def _option(label: str, value: str) -> dict:
    return {"text": _text(clip(label, OPTION_CHARS)), "value": value}


def _input(block_id: str, label: str, element: dict, *, optional: bool = True, hint=None) -> Block:
    block = {"type": "input", "block_id": block_id, "label": _text(label),
             "element": {**element, "action_id": block_id}, "optional": optional}  # fmt: skip
    return {**block, "hint": _text(hint)} if hint else block


def _select(choices: Sequence[tuple[str, str]], initial: str | None) -> dict:
    options = [_option(label, value) for value, label in choices]
    element = {"type": "static_select", "options": options}
    chosen = next((o for o in options if o["value"] == initial), None)
    return {**element, "initial_option": chosen} if chosen else element


def _typed(initial: str | None = None, *, multiline: bool = False, max_length: int = 200) -> dict:
    element = {"type": "plain_text_input", "multiline": multiline, "max_length": max_length}
    return {**element, "initial_value": initial} if initial else element


KINDS = [(kind, KIND_LABELS[kind]) for kind in PARTNERSHIP_KINDS]
STATUSES = [(status, STATUS_WORDS[status]) for status in PARTNERSHIP_STATUSES]


def _modal(callback_id: str, title: str, blocks: list[Block], metadata: str, submit: str) -> dict:
    return {
        "type": "modal", "callback_id": callback_id, "title": _text(title),
        "submit": _text(submit), "close": _text("Cancel"), "blocks": blocks,
        "private_metadata": metadata,
    }  # fmt: skip


def correction_modal(link: LinkResult, verb: str, metadata: str) -> dict:
    """*Wrong...* (hide preselected) or *Edit...* (change preselected) of one fact."""
    what = [_option("Hide it: it is not a partnership, or not these places", HIDE),
            _option("Correct it as below", CHANGE)]  # fmt: skip
    visit = link.kind == "visit"
    blocks = [
        section(clip(link_text(link), 2900)),
        _input("what", "What should happen?", {"type": "radio_buttons", "options": what,
               "initial_option": what[0] if verb == "wrong" else what[1]}, optional=False),
        _input("kind", "Kind", _select(KINDS, link.kind)),
        _input("status", "Status", _select(STATUSES, link.status)),
        _input("year", "Year", _typed(str(link.year) if link.year else None, max_length=4),
               hint="The year it was signed or began; empty if unknown."),
        _input("a", "Visitor" if visit else "First place", _typed(link.a.name)),
        _input("b", "Host" if visit else "Second place", _typed(link.b.name),
               hint="Type another place to move the fact; names are matched as in lookups."),
    ]  # fmt: skip
    if visit:
        turn = [_option(f"{link.a.name} visited {link.b.name}", "keep"),
                _option(f"{link.b.name} visited {link.a.name}", "reverse")]  # fmt: skip
        blocks.append(_input("direction", "Direction", {"type": "radio_buttons", "options": turn,
                                                         "initial_option": turn[0]}))  # fmt: skip
    blocks.append(
        _input(
            "note",
            "Note",
            _typed(multiline=True, max_length=500),
            hint="Why, or where it says so; your team sees it in the history.",
        )
    )
    return _modal(CORRECT, "Correct a fact", blocks, metadata, "Save")


def add_modal(a: str, b: str) -> dict:
    """*Add a partnership*: two places, kind, status, year, a source and a note."""
    blocks = [
        _input("a", "First place (the visitor for a visit)", _typed(a or None), optional=False),
        _input("b", "Second place", _typed(b or None), optional=False),
        _input("kind", "Kind", _select(KINDS, None), optional=False),
        _input("status", "Status", _select(STATUSES, "existing")),
        _input("year", "Year", _typed(max_length=4)),
        _input("url", "Source", _typed(max_length=500), hint="A web page that says so, if any."),
        _input("note", "Note", _typed(multiline=True, max_length=500)),
    ]  # fmt: skip
    return _modal(ADD_FORM, "Add a partnership", blocks, "", "Add")


def saved(verb: str, link: LinkResult | None) -> View:
    """What the person who corrected a fact is told, with the fact as their team now sees it."""
    if link is None:
        text = "Hidden for your team: it no longer shows on cards, pair views or digests."
        return view_of([section(text)], text)
    said = {"confirm": "Confirmed for your team", "add": "Added for your team",
            "restore": "Shown again for your team"}.get(verb, "Saved for your team")  # fmt: skip
    return view_of([section(f"{said}:\n{link_text(link)}")], said)


def _change_text(row: CorrectionResult, places: dict[int, PlaceSummary]) -> str:
    def shown(field: str, value) -> str:
        if field in ("a", "b"):
            place = places.get(value)
            return escape(place.name) if place else "?"
        if field == "kind":
            return KIND_LABELS.get(value, str(value))
        if field == "status":
            return STATUS_WORDS.get(value, str(value))
        return "none" if value is None else str(value)

    changes = [
        f"{FIELD_LABELS.get(f, f)} {shown(f, row.before.get(f))} \u2192 {shown(f, v)}"
        if f in row.before else f"{FIELD_LABELS.get(f, f)} {shown(f, v)}"
        for f, v in row.after.items() if f in FIELD_LABELS
    ]  # fmt: skip
    if row.action == "add" and row.after.get("url"):
        changes.append(f"source <{row.after['url']}|{escape(clip(row.after['url'], 80))}>")
    text = mark_text(row.mark) + (": " + ", ".join(changes) if changes else "")
    return text + (f" \u2014 \u201c{escape(row.note)}\u201d" if row.note else "")


def history_card(history: History) -> View:
    """The evidence and the corrections of the links of two places, oldest first."""
    title = f"History: {history.a.name} & {history.b.name}"
    events: list[tuple[str, str]] = []
    for link in history.links:
        kind = KIND_LABELS.get(link.kind, link.kind)
        for e in link.evidence:
            day = e.article.published or str(e.article.ingested_at.date())
            stated = ", ".join(str(x) for x in (STATUS_WORDS.get(e.status, e.status), e.year) if x)
            events.append((day, f"*{day}* \u00b7 {kind} ({stated}) \u00b7 {article_link(e.article)}"
                                f"\n>{escape(clip(e.sentence, 300))}"))  # fmt: skip
    for row in history.corrections:
        day = str(row.mark.at.date())
        kind = KIND_LABELS.get(row.fact[2], row.fact[2])
        events.append((day, f"*{day}* \u00b7 {kind} \u00b7 {_change_text(row, history.places)}"))
    events.sort(key=lambda event: event[0])
    if not events:
        text = f"I know nothing of {escape(history.a.name)} & {escape(history.b.name)} yet."
        return view_of([header(title), section(text)], title)
    dropped = len(events) - HISTORY_LINES
    blocks = [header(title)]
    if dropped > 0:
        blocks.append(context(f"the {HISTORY_LINES} newest of {len(events)} events"))
    blocks += [section(text) for _, text in events[-HISTORY_LINES:]]
    restore = [button(f"Show again: {KIND_LABELS.get(fact[2], fact[2])}", RESTORE,
                      fix_value("restore", fact)) for fact in history.hidden]  # fmt: skip
    return view_of(blocks + actions(restore), title)
