"""Block Kit views: pure functions from lookup answers and store results to blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any

from facts.shapes import REGISTRY, Money, Place
from places.names import fold
from places.regions import country_name, shipped_regions
from store.queries import KIND_ORDER
from store.results import (
    ArticleRef,
    FactKey,
    LinkResult,
    Mark,
    PersonResult,
    PlaceProfile,
    PlaceSummary,
    StoreCounts,
)

if TYPE_CHECKING:  # lookups import LINKS_PER_PAGE from here: the import runs the other way
    from services.filters import Filters
    from services.lookups import PlaceAnswer

# A button's action_id is one of these with the button's position in its message
# (`citylink_share:0`): Slack refuses a block whose buttons repeat an action_id. `action_ids`
# matches those, and the bare ids on messages sent before buttons were numbered.
SHOW_PLACE = "citylink_show_place"  # value: a place key
SHOW_PAGE = "citylink_show_page"  # value: "place key|page"
SHOW_PAIR = "citylink_show_pair"  # value: "place key|place key"
EXPORT = "citylink_export"  # value: what the answer is about and its filters, see `export_button`
SHARE = "citylink_share"  # value: what to share, see `share_value`
FIX = "citylink_fix"  # a partnership's overflow menu; option values: see `fix_value`
ADD = "citylink_add"  # "Add a partnership"; value: the card's place keys, "|"-joined
FIXES = (("confirm", "Confirm"), ("wrong", "Wrong\u2026"), ("edit", "Edit\u2026"))
RESTORE = "citylink_restore"  # shows a hidden fact again; value: `fix_value("restore", fact)`
LINKS_PER_PAGE = 12  # partnerships on one page of a place card
PEOPLE_SHOWN = 8
EVIDENCE_CHARS = 400
SECTION_CHARS = 3000
HEADER_CHARS = 150
BUTTON_CHARS = 75
KIND_HEADINGS = {
    "sister_city": "Sister cities",
    "friendship_city": "Friendship cities",
    "mou": "Memorandums and agreements",
    "trade_deal": "Trade deals",
    "cooperation": "Cooperation",
    "visit": "Visits",
}
KIND_LABELS = {
    "sister_city": "sister cities",
    "friendship_city": "friendship cities",
    "mou": "memorandum or agreement",
    "trade_deal": "trade deal",
    "cooperation": "cooperation",
    "visit": "visit",
}
STATUS_WORDS = {"new": "new", "existing": "in place", "proposed": "proposed", "ended": "ended"}
UNCONFIRMED_NOTE = "I am not sure of these: confirm or correct them from their menus."
STORE_DOWN = "I can't reach my knowledge store right now. Please try again in a minute."
HELP_TEXT = (
    "*Look up a place:* `/citylink Chongqing` (typos, old names, native scripts and "
    "qualifiers work: `Chungking`, `上海`, `Dunedin, NZ`, `Portland, Maine`)\n"
    "*What links two places:* `/citylink Dunedin & Shanghai`\n"
    "*Countries and regions:* `/citylink Japan`, `/citylink Japan & China`, `/citylink Sichuan` "
    "(a region with its cities)\n"
    "*Filters*, in words or as `key:value`: `/citylink sister cities of Shanghai`, "
    "`/citylink Shanghai mou since 2020`, `/citylink Japan kind:visit year:2024`, "
    "`/citylink proposed Dunedin`, `/citylink visits this year` (kinds: sister, friendship, "
    "mou, trade, cooperation, visit; statuses: new, existing, proposed, ended)\n"
    "*Newest partnerships:* `/citylink latest`     *What I know:* `/citylink stats`\n"
    "*Export:* the *Export CSV* button sends an answer's partnerships to you as a file\n"
    "*Fix a fact:* use the menu beside it (Confirm, Wrong\u2026, Edit\u2026); "
    "`/citylink add Dunedin & Shanghai sister city 1994 [link]` adds one no article states; "
    "`/citylink history Dunedin & Shanghai` shows a link's evidence and corrections\n"
    "*Teach me:* forward an article with the *Send to CityLink* message shortcut, "
    "DM me a link or paste the text, or mention me with a link."
)

# Block Kit JSON as Slack takes it, keys in the order slack_sdk's `to_dict` wrote them (sorted).
Block = dict[str, Any]  # a block, or an element inside one


@dataclass(frozen=True)
class View:
    """Blocks with the plain-text fallback Slack shows in notifications."""

    blocks: list[Block]
    text: str


def view_of(blocks: Sequence[Block], text: str) -> View:
    return View(list(blocks), text)


def _plain_text(text: str) -> Block:
    return {"emoji": True, "text": text, "type": "plain_text"}


def _mrkdwn(text: str) -> Block:
    return {"text": text, "type": "mrkdwn"}


def header(text: str) -> Block:
    """A header block, cut to Slack's 150 characters."""
    return {"text": _plain_text(clip(text, HEADER_CHARS)), "type": "header"}


def section(text: str) -> Block:
    """A mrkdwn section block, cut to Slack's 3000 characters."""
    if len(text) > SECTION_CHARS:
        text = text[: SECTION_CHARS - 1] + "\u2026"
    return {"text": _mrkdwn(text), "type": "section"}


def context(text: str) -> Block:
    return {"elements": [_mrkdwn(text)], "type": "context"}


def divider() -> Block:
    return {"type": "divider"}


def escape(text: str) -> str:
    """Text safe inside Slack markup: &, < and > escaped."""
    if "&" in text or "<" in text or ">" in text:  # most text has none: skip three copies
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "\u2026"


def region_name(country: str, admin1: str | None) -> str | None:
    """The English name of a city's first-level region from its GeoNames code ('JP', '13' ->
    'Hyogo'); None where that code matches no ISO 3166-2 region."""
    region = shipped_regions().region(country, admin1)
    return region.name if region else None


def place_label(place: Place | PlaceSummary) -> str:
    """'Portland, Maine, United States', 'Dunedin, New Zealand', or 'Osaka, Japan' for a city
    named as its region is."""
    region = region_name(place.country, place.admin1) if place.kind == "city" else None
    if region and fold(region) == fold(place.name):
        region = None
    return ", ".join(x for x in (place.name, region, country_name(place.country)) if x)


def distinct_labels(places: Sequence[Place]) -> list[str]:
    """Their labels, with the kind added where two would read the same (city and region)."""
    plain = [place_label(p) for p in places]
    return [
        f"{label} ({p.kind})" if plain.count(label) > 1 else label
        for p, label in zip(places, plain, strict=True)
    ]


def money_text(amount: Money | None) -> str:
    if amount is None:
        return ""
    value = amount.value
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word} {amount.currency}"
    return f"{value:,.0f} {amount.currency}"


def article_link(article: ArticleRef) -> str:
    title = escape(clip(article.title or "Untitled article", 150))
    label = f"<{article.url}|{title}>" if article.url else title
    details = ", ".join(x for x in (article.source, article.published) if x)
    return f"{label} ({escape(details)})" if details else label


def _status_line(link: LinkResult) -> str:
    since = f"since {link.year}" if link.status == "existing" and link.year else link.year
    parts = [STATUS_WORDS.get(link.status, link.status), since, money_text(link.amount)]
    return ", ".join(str(p) for p in parts if p)


def _day(moment) -> str:
    return f"{moment.day} {moment:%b}"


def mark_text(mark: Mark) -> str:
    """'corrected by @maria, 3 Dec'."""
    verb = {"confirm": "confirmed", "add": "added", "hide": "hidden", "restore": "restored"}.get(
        mark.action, "corrected")  # fmt: skip
    return f"{verb} by <@{escape(mark.user_id)}>, {_day(mark.at)}"


def _marks(link: LinkResult) -> str:
    marks = [mark_text(m) for m in (link.corrected, link.confirmed) if m]
    if link.unconfirmed:
        marks.append("unconfirmed")
    return f" \u00b7 _{'; '.join(marks)}_" if marks else ""


def old_news(link: LinkResult) -> str:
    """' · reported 3 Dec 2026, signed 2012' for old news that arrived now."""
    if not link.old_news:
        return ""
    article = link.evidence[0].article
    arrived = article.ingested_at
    when = f"signed {link.year}" if link.year else f"published {article.published}"
    return f" \u00b7 _reported {arrived.day} {arrived:%b %Y}, {when}_"


def registry_note(link: LinkResult) -> str:
    """' · ⚠ reported as new in 2024; twinned since 1994 (registry)' when news calls a link
    new that a registry has had since an earlier year."""
    listed = [e.year for e in link.evidence if e.article.source == REGISTRY and e.year]
    if not listed:
        return ""
    since = min(listed)
    news = [e for e in link.evidence if e.article.source != REGISTRY and e.status == "new"]
    later = [e.year or (e.article.published_on or e.article.ingested_at).year for e in news]
    newest = max((y for y in later if y > since), default=None)
    if newest is None:
        return ""
    return f" \u00b7 :warning: _reported as new in {newest}; twinned since {since} (registry)_"


def _source_text(link: LinkResult) -> str:
    """The newest evidence and its article; for a link added by hand, its source."""
    if not link.evidence:
        url = link.source_url
        return f"Added by hand; source: <{url}|{escape(clip(url, 100))}>" if url else (
            "Added by hand; no article yet")  # fmt: skip
    newest = link.evidence[0]
    story = story_of(newest.article)
    sources = len({e.article.id for e in link.evidence if story_of(e.article) == story})
    more = len({story_of(e.article) for e in link.evidence}) - 1
    told = f" \u00b7 {sources} sources" if sources > 1 else ""
    also = f" (+{more} more article{'s' if more > 1 else ''})" if more else ""
    return (
        f">{escape(clip(newest.sentence, EVIDENCE_CHARS))}\n"
        f"{article_link(newest.article)}{told}{also}"
    )


def story_of(article: ArticleRef) -> int:
    """The story an article tells: several outlets' reports of one story share it."""
    return article.story_id or article.id


def link_text(link: LinkResult, here: int | None = None, arrivals: bool = False) -> str:
    """One partnership: who, kind/status/year, marks, the newest evidence and its article;
    `arrivals` (lists of what arrived) marks old news as such."""
    if link.kind == "visit":
        who = f"*{escape(link.a.name)}* \u2192 *{escape(link.b.name)}*"
    elif here is not None:
        other = link.partner_of(here)
        who = f"*{escape(other.name)}*, {escape(country_name(other.country))}"
    else:
        kind = KIND_LABELS.get(link.kind, link.kind)
        who = f"*{escape(link.a.name)}* & *{escape(link.b.name)}* \u00b7 {kind}"
    notes = (old_news(link) if arrivals else "") + registry_note(link) + _marks(link)
    return f"{who} \u00b7 {_status_line(link)}{notes}\n{_source_text(link)}"


def fix_value(verb: str, fact: FactKey) -> str:
    """An overflow option's value: 'edit|12|34|sister_city' (the fact as stored)."""
    return "|".join((verb, str(fact[0]), str(fact[1]), fact[2]))


def parse_fix_value(value: str) -> tuple[str, FactKey] | None:
    """(verb, fact) from `fix_value`'s text; None for anything else."""
    parts = value.split("|")
    if len(parts) != 4 or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return parts[0], (int(parts[1]), int(parts[2]), parts[3])


def link_section(
    link: LinkResult, number: int, here: int | None = None, arrivals: bool = False
) -> Block:
    """A partnership with its menu: Confirm, Wrong..., Edit... (`number` keeps ids unique)."""
    options = [
        {"text": _plain_text(label), "value": fix_value(verb, link.key)}
        for verb, label in FIXES
        if not (verb == "confirm" and (link.confirmed or link.corrected))
    ]
    menu = {"action_id": f"{FIX}:{number}", "options": options, "type": "overflow"}
    return {**section(link_text(link, here, arrivals)), "accessory": menu}


def links_blocks(
    links: Sequence[LinkResult],
    here: int | None = None,
    *,
    by_kind: bool = False,
    first: int = 0,
    arrivals: bool = False,
) -> list[Block]:
    """Partnership sections with their menus, numbered from `first`; grouped by kind, the
    unconfirmed ones last; `arrivals` marks old news."""
    if not by_kind:
        return [link_section(link, n, here, arrivals) for n, link in enumerate(links, start=first)]
    blocks: list[Block] = []
    trusted = [link for link in links if not link.unconfirmed]
    doubtful = [link for link in links if link.unconfirmed]
    numbered = list(enumerate([*trusted, *doubtful], start=first))
    for kind, group in groupby(numbered[: len(trusted)], key=lambda item: item[1].kind):
        blocks.append(section(f"*{KIND_HEADINGS.get(kind, kind)}*"))
        blocks += [link_section(link, n, here) for n, link in group]
    if doubtful:
        blocks.append(section(f"*Unconfirmed* \u00b7 {UNCONFIRMED_NOTE}"))
        blocks += [link_section(link, n, here) for n, link in numbered[len(trusted) :]]
    return blocks


def person_text(name: str, role: str | None, place: str | None) -> str:
    """'Jules Radich, mayor of Dunedin'."""
    title = " of ".join(x for x in (role, place) if x)
    return escape(f"{name}, {title}" if title else name)


def _people_text(people: Sequence[PersonResult]) -> str:
    lines = [f"\u2022 {person_text(p.name, p.role, p.place)}" for p in people[:PEOPLE_SHOWN]]
    return "*People quoted*\n" + "\n".join(lines)


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    styled = {"style": style} if style else {}
    label = _plain_text(clip(text, BUTTON_CHARS))
    return {"action_id": action_id, **styled, "text": label, "type": "button", "value": value}


def export_button(target: str, filters: Filters | None = None) -> Block:
    """*Export CSV* of an answer, by what it is about ("place KEY", "pair KEY KEY", "country
    CC", "between SIDE SIDE", "latest") and its filters: it is read again by keys."""
    return button("Export CSV", EXPORT, f"{target}|{filters.as_text() if filters else ''}")


def share_value(kind: str, *keys: str) -> str:
    """What a Share button re-renders: 'place|<key>', 'pair|<key>|<key>' or 'latest'."""
    return "|".join((kind, *keys))


def action_ids(action: str) -> re.Pattern[str]:
    """The action_ids of `action`'s buttons: `action` itself, or numbered `action:3`."""
    return re.compile(rf"^{re.escape(action)}(:[0-9]{{1,4}})?\Z")


def actions(buttons: list[Block]) -> list[Block]:
    """Rows of at most five buttons, at most two rows; each button's action_id numbered."""
    numbered = [{**b, "action_id": f"{b['action_id']}:{i}"} for i, b in enumerate(buttons)]
    rows = [numbered[i : i + 5] for i in range(0, len(numbered), 5)][:2]
    return [{"elements": row, "type": "actions"} for row in rows]


def _page_blocks(profile: PlaceProfile, page: int) -> list[Block]:
    """What a card shows of the store: a page of partnerships (the profile holds that page's),
    then, on the first page, people and the latest articles."""
    shown = profile.partnerships[:LINKS_PER_PAGE]
    total = profile.partnership_count
    blocks = links_blocks(shown, profile.place.id, by_kind=True)
    if total > len(shown):
        first = page * LINKS_PER_PAGE + 1
        blocks.append(context(f"partnerships {first}-{first + len(shown) - 1} of {total}"))
    if profile.people and page == 0:
        blocks += [divider(), section(_people_text(profile.people))]
    if profile.articles and page == 0:
        latest = "\n".join(f"\u2022 {article_link(a)}" for a in profile.articles)
        blocks.append(section(f"*Latest articles*\n{latest}"))
    return blocks


def place_card(answer: PlaceAnswer, *, shared_by: str | None = None) -> View:
    """The card of `/citylink <place>`: the answer's page of partnerships, a "more" button."""
    place, page, profile = answer.place, answer.page or 0, answer.profile
    blocks: list[Block] = [header(place.name)]
    facts = f"{place.kind} \u00b7 {escape(place_label(place))}"
    if profile:
        facts += f" \u00b7 {profile.article_count} article{'s' * (profile.article_count != 1)}"
    shared = f" \u00b7 shared by <@{escape(shared_by)}>" if shared_by else ""
    blocks.append(context(facts + shared))
    shown_for = read_as(answer.query, place) if shared_by is None else None
    if shown_for:
        others = " \u2014 not this one? See the buttons below." if answer.alternatives else ""
        blocks.append(context(shown_for + others))
    total = profile.partnership_count if profile else 0
    if not total and not answer.filters:
        blocks.append(section(
            f"I have no partnerships of {escape(place.name)} yet. Forward me an article about "
            "it with the *Send to CityLink* shortcut and I will learn them."
        ))  # fmt: skip
    if answer.filters:
        blocks.append(context(filter_note(answer.filters, total)))
    blocks += _page_blocks(profile, page) if profile else []
    if answer.cities:
        blocks.append(section(f"*Links of places in {escape(place.name)}*"))
        blocks += links_blocks(answer.cities[:LINKS_PER_PAGE], first=LINKS_PER_PAGE * 2)
    if shared_by is None:
        blocks += actions(_place_buttons(answer, page, 0 if answer.filters else total))
    return view_of(blocks, f"{place_label(place)}: {total} partnerships")


def read_as(query: str, place: Place) -> str | None:
    """'Showing Narni, Italy for "Narnia"' when the name typed is not the place's own."""
    if not query or fold(query.split(",")[0]) == fold(place.name):
        return None
    return f"Showing {escape(place_label(place))} for \u201c{escape(clip(query, 60))}\u201d"


def filter_note(filters: Filters, count: int) -> str:
    """What a filter was read as, and how many links it kept: nothing kept says so too."""
    understood = escape(filters.describe())
    if not count:
        return f"Nothing matches *{understood}* (that is how I read your filter)."
    return f"Only *{understood}*: {count} link{'s' * (count != 1)}"


def _place_buttons(answer: PlaceAnswer, page: int, total: int) -> list[Block]:
    key = answer.place.key
    buttons = [button("Share to channel", SHARE, share_value("place", key, str(page)), "primary"),
               button("Add a partnership", ADD, key),
               export_button(f"place {key}", answer.filters)]  # fmt: skip
    if (page + 1) * LINKS_PER_PAGE < total:
        buttons.append(button("More partnerships", SHOW_PAGE, f"{key}|{page + 1}"))
    others = answer.alternatives[:3]
    labels = distinct_labels([answer.place, *others])[1:]
    buttons += [
        button(f"Not this one? {label}", SHOW_PLACE, p.key)
        for p, label in zip(others, labels, strict=True)
    ]
    return buttons


def did_you_mean(query: str, candidates: Sequence[Place]) -> View:
    """An unknown name: suggestions as buttons, never an error."""
    shown = escape(clip(query, 100))
    if not candidates:
        text = (
            f"I don't know a place called \u201c{shown}\u201d. Try its English name, "
            "add the country (`Dunedin, NZ`), or type `/citylink help`."
        )
        return view_of([section(text)], text)
    text = f"I don't know a place called \u201c{shown}\u201d. Did you mean:"
    shown = candidates[:5]
    buttons = [
        button(label, SHOW_PLACE, p.key)
        for p, label in zip(shown, distinct_labels(shown), strict=True)
    ]
    return view_of([section(text), *actions(buttons)], text)


def _shared_note(shared_by: str | None) -> list[Block]:
    return [context(f"shared by <@{escape(shared_by)}>")] if shared_by else []


def pair_card(
    a: Place,
    b: Place,
    links: Sequence[LinkResult],
    *,
    shared_by: str | None = None,
    filters: Filters | None = None,
    asked: tuple[PlaceAnswer, PlaceAnswer] | None = None,
) -> View:
    """What links two places: twinnings first, then agreements, visits...; newest first in each.

    `asked`: the lookups of the two names typed, to say how each was read and offer the others.
    """
    title = f"{a.name} & {b.name}"
    blocks: list[Block] = [header(title), *_shared_note(shared_by)]
    notes = [read_as(side.query, side.place) for side in asked or ()]
    if any(notes):
        blocks.append(context("; ".join(n for n in notes if n)))
    links = sorted(links, key=lambda link: KIND_ORDER.get(link.kind, len(KIND_ORDER)))
    if filters:
        blocks.append(context(filter_note(filters, len(links))))
    elif not links:
        blocks.append(section(f"I know of no link between {escape(place_label(a))} and "
                               f"{escape(place_label(b))} yet."))  # fmt: skip
    blocks += links_blocks(links[: LINKS_PER_PAGE * 2])
    if shared_by is None:
        others = [
            button(f"Not this one? {label}", SHOW_PAIR,
                   f"{other.key}|{b.key}" if side is asked[0] else f"{a.key}|{other.key}")
            for side in asked or ()
            for other, label in zip(side.alternatives[:2], distinct_labels(
                [side.place, *side.alternatives[:2]])[1:], strict=True)
        ]  # fmt: skip
        share = button("Share to channel", SHARE, share_value("pair", a.key, b.key))
        more = [button("Add a partnership", ADD, f"{a.key}|{b.key}"),
                export_button(f"pair {a.key} {b.key}", filters)]  # fmt: skip
        blocks += actions([share, *more, *others])
    return view_of(blocks, f"{title}: {len(links)} links")


def latest_card(
    links: Sequence[LinkResult],
    *,
    shared_by: str | None = None,
    with_share: bool = True,
    filters: Filters | None = None,
) -> View:
    blocks: list[Block] = [header("Newest partnerships"), *_shared_note(shared_by)]
    if filters:
        blocks.append(context(filter_note(filters, len(links))))
        with_share = False  # a Share button re-renders the unfiltered list
        if shared_by is None and links:
            blocks += actions([export_button("latest", filters)])
    elif not links:
        blocks.append(section("Nothing yet: forward me an article about a city partnership."))
    blocks += links_blocks(links, arrivals=True)
    if with_share and shared_by is None and links:
        blocks += actions([button("Share to channel", SHARE, share_value("latest"))])
    return view_of(blocks, f"Newest partnerships: {len(links)}")


def counts_text(counts: StoreCounts) -> str:
    return (
        f"I know {counts.articles} articles, {counts.places} places, "
        f"{counts.partnerships} partnerships and {counts.people} people."
    )


def stats_card(counts: StoreCounts) -> View:
    return view_of([section(counts_text(counts))], counts_text(counts))


def help_card(note: str | None = None) -> View:
    blocks = [section(escape(note))] if note else []
    return view_of([*blocks, section(HELP_TEXT)], "How to use CityLink")


def message(text: str) -> View:
    """A one-line answer (errors, confirmations)."""
    return view_of([section(text)], text)


def home_view(links: Sequence[LinkResult], counts: StoreCounts) -> dict:
    """The App Home tab: how to use the bot, what it knows, the newest partnerships."""
    latest = latest_card(links, with_share=False).blocks
    blocks = [section(HELP_TEXT), context(counts_text(counts)), divider(), *latest]
    return {"type": "home", "blocks": blocks[:100]}
