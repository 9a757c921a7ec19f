"""Cards of many places: a country, two countries, and "which one?" for a country's namesake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from places.regions import country_name
from views.cards import (
    KIND_HEADINGS,
    SHOW_PLACE,
    STATUS_WORDS,
    Block,
    View,
    actions,
    button,
    context,
    escape,
    export_button,
    filter_note,
    header,
    links_blocks,
    place_label,
    section,
    view_of,
)

if TYPE_CHECKING:
    from services.areas import AreaAnswer
    from services.lookups import PlaceAnswer
    from store.areas import AreaSummary

SHOW_COUNTRY = "citylink_show_country"  # value: an ISO 3166-1 alpha-2 code


def _counts_text(summary: AreaSummary) -> str:
    """'Sister cities 12 (in place 10, new 2) · Visits 3 (new 3)'."""
    by_kind: dict[str, dict[str, int]] = {}
    for (kind, status), n in summary.counts.items():
        by_kind.setdefault(kind, {})[status] = n
    parts = []
    for kind, heading in KIND_HEADINGS.items():
        statuses = by_kind.get(kind)
        if statuses:
            detail = ", ".join(f"{STATUS_WORDS.get(s, s)} {n}" for s, n in sorted(statuses.items()))
            parts.append(f"*{heading}* {sum(statuses.values())} ({detail})")
    return " \u00b7 ".join(parts)


def country_card(answer: AreaAnswer) -> View:
    """A country (or two): counts by kind and status, the busiest places, the newest links."""
    blocks: list[Block] = [header(answer.title)]
    summary = answer.summary
    total = sum(summary.counts.values()) if summary else answer.matched
    kind = "country" if len(answer.countries) == 1 and summary else "links between them"
    blocks.append(context(f"{kind} \u00b7 {total} partnership{'s' * (total != 1)} I know of"))
    if summary and summary.counts:
        blocks.append(section(_counts_text(summary)))
    if answer.filters:
        blocks.append(context(filter_note(answer.filters, answer.matched)))
    elif not answer.links:
        blocks.append(section(f"I know of no partnerships of {escape(answer.title)} yet." + (
            " Its largest places:" if answer.offered else "")))  # fmt: skip
    if answer.links:
        blocks.append(section("*Newest*"))
        blocks += links_blocks(answer.links)
    buttons = [export_button(answer.target, answer.filters)] if answer.links else [
        button(place_label(p), SHOW_PLACE, p.key) for p in answer.offered]  # fmt: skip
    if summary and summary.top_places:
        lines = [f"\u2022 {escape(place_label(p))}: {n}" for p, n in summary.top_places]
        blocks.append(section("*Most connected places*\n" + "\n".join(lines)))
        buttons += [button(p.name, SHOW_PLACE, p.key) for p, _ in summary.top_places]
    return view_of(blocks[:48] + actions(buttons), f"{answer.title}: {total} partnerships")


def which_one(answer: PlaceAnswer) -> View:
    """A name that is a country's and a place's ("Georgia"): ask which is meant."""
    code, place = answer.country, answer.place
    text = (
        f"\u201c{escape(answer.query)}\u201d is the country {escape(country_name(code))} and "
        f"the {place.kind} {escape(place_label(place))}. Which one?"
    )
    choices = [button(f"{country_name(code)}, the country", SHOW_COUNTRY, code),
               button(place_label(place), SHOW_PLACE, place.key)]  # fmt: skip
    return view_of([section(text), *actions(choices)], text)
