"""`/citylink`: look up a place, a pair, the newest partnerships, help and stats."""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import partial

from slack_bolt import Ack, App
from sqlalchemy.exc import SQLAlchemyError

from handlers import corrections
from handlers.context import services_of, team_of
from places.names import fold
from places.place import NOTABLE_POPULATION
from services.areas import AreaService
from services.digest_content import schedule_of
from services.filters import split_filters
from services.lookups import LookupService, PlaceAnswer
from services.subscriptions import WORDS as SUBSCRIPTION_WORDS
from services.subscriptions import SubscriptionService
from views import areas as area_cards
from views import cards, digests

log = logging.getLogger(__name__)
MAX_QUERY_CHARS = 200
PAIR_SEPARATOR = re.compile(r"\s*[&+]\s*|\s+and\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """A parsed `/citylink` text: `what` is help, stats, latest, pair or place."""

    what: str
    text: str = ""
    names: tuple[str, ...] = ()  # the two sides of a pair
    note: str | None = None


def clean(text: str) -> str:
    """Slack's escapes undone, control characters dropped, spaces collapsed."""
    text = html.unescape(text or "")
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(text.split())


def parse(text: str) -> Request:
    text = clean(text)
    word = text.lower()
    if word in ("", "help", "?", "-h", "--help"):
        return Request("help")
    if word in ("stats", "status"):
        return Request("stats")
    if word in ("latest", "new", "recent", "news"):
        return Request("latest")
    if len(text) > MAX_QUERY_CHARS:
        return Request("help", note="That is longer than any place name. Try one place.")
    if not any(c.isalnum() for c in text):
        return Request("help", note="I need a place name to look up.")
    parts = [p.strip() for p in PAIR_SEPARATOR.split(text, maxsplit=1)]
    if len(parts) == 2 and all(parts):
        return Request("pair", text, tuple(parts))
    return Request("place", text)


def answer(lookups: LookupService, text: str, *, team_id: str | None = None) -> cards.View:
    """The view `/citylink <text>` answers with; the CLI and the console use it too."""
    request = parse(text)
    if request.what == "help":
        return cards.help_card(request.note)
    if request.what == "stats":
        return cards.stats_card(lookups.counts(team_id=team_id))
    if request.what == "latest":
        return cards.latest_card(lookups.latest(team_id=team_id))
    areas = AreaService(lookups)
    if request.what == "pair" and not lookups.is_place_name(request.text):
        return _pair_answer(lookups, areas, request.names, team_id)
    words, filters, problem = split_filters(request.text, partial(_is_name, lookups))
    if problem:
        return cards.help_card(problem)
    if not words:
        return cards.latest_card(areas.latest(team_id=team_id, filters=filters), filters=filters)
    found = lookups.place(words, team_id=team_id, page=None if filters else 0)
    if country := _country_meant(found):
        offered = found.country_places
        return area_cards.country_card(areas.country(country, team_id=team_id, filters=filters,
                                                     offered=offered))  # fmt: skip
    if found.place is None:
        return cards.did_you_mean(found.query, found.candidates)
    if found.country:  # "Georgia": the country, or the US state?
        return area_cards.which_one(found)
    return cards.place_card(areas.narrowed(found, team_id=team_id, filters=filters))


def _is_name(lookups: LookupService, text: str) -> bool:
    """Whether `text` is a place's or a country's whole name (filter words stop there)."""
    found = lookups.index.search(text, limit=3, fuzzy=False)
    return any(fold(c.place.name) == fold(text) for c in found) or bool(
        lookups.index.namesake_country(text))  # fmt: skip


def _country_meant(found: PlaceAnswer) -> str | None:
    """The country a name means, unless a notable place has that very name too ("Georgia")."""
    if not found.country:
        return None
    place = found.place
    notable = place is not None and (
        place.kind == "region" or (place.population or 0) >= NOTABLE_POPULATION)  # fmt: skip
    exact = place is not None and fold(place.name) == fold(found.query)
    return None if notable and exact else found.country


def _pair_answer(lookups: LookupService, areas: AreaService, names, team_id) -> cards.View:
    """Two places, two countries, or a country and a place; filter words on either side."""
    sides, asked = [], []
    for name in names:
        words, filters, problem = split_filters(name, partial(_is_name, lookups))
        if problem:
            return cards.help_card(problem)
        asked.append(filters)
        sides.append(lookups.place(words or name, team_id=team_id, profile=False))
    filters = asked[0] | asked[1]
    countries = [_country_meant(x) for x in sides]
    unknown = next((x for x, c in zip(sides, countries, strict=True) if x.place is None and not c),
                   None)  # fmt: skip
    if unknown is not None:
        return cards.did_you_mean(unknown.query, unknown.candidates)
    if any(countries):  # a country on either side
        a, b = (c or x.place for x, c in zip(sides, countries, strict=True))
        return area_cards.country_card(areas.between(a, b, team_id=team_id, filters=filters))
    pair = lookups.pair_of(sides[0].place.key, sides[1].place.key, team_id=team_id)
    links = [link for link in pair.links if filters.keeps(link)]
    return cards.pair_card(pair.a.place, pair.b.place, links, filters=filters,
                           asked=(sides[0], sides[1]))  # fmt: skip


def subscription_answer(
    subscribing: SubscriptionService, command: dict, team: str
) -> cards.View:
    """`subscribe`, `subscriptions`, `unsubscribe` and `digest` (a preview) for this channel."""
    word, _, rest = clean(command.get("text", "")).partition(" ")
    channel = command.get("channel_id", "")
    if word.lower() == "subscriptions":
        subs = subscribing.of_team(team)
        return digests.subscriptions_card(
            [(s, subscribing.place_names(s), schedule_of(s).describe()) for s in subs]
        )
    if word.lower() == "unsubscribe":
        gone = subscribing.unsubscribe(team, channel)
        return cards.message("This channel will get no more digests." if gone
                             else "This channel has no digest subscription.")  # fmt: skip
    if word.lower() == "digest":
        sub = subscribing.of_channel(team, channel)
        if sub is None:
            return cards.message("This channel has no digest yet: try `/citylink subscribe`.")
        preview = subscribing.preview(sub)
        return cards.View([b for v in preview for b in v.blocks][:50], preview[0].text)
    result = subscribing.subscribe(team, channel, command.get("user_id", "?"), rest)
    if isinstance(result, str):
        return cards.help_card(
            result + " Example: `/citylink subscribe weekly monday 09:00 "
            "Europe/Berlin places: Shanghai kinds: sister, mou mute: expo`"
        )
    names, when = subscribing.place_names(result), schedule_of(result).describe()
    return cards.message("Subscribed: " + digests.subscription_text(result, names, when))


def handle_citylink(ack: Ack, command: dict, context) -> None:
    """Answer in the acknowledgement itself: lookups take milliseconds."""
    services, typed = services_of(context), command.get("text", "")
    text = clean(typed)  # `answer` cleans what was typed itself: cleaning twice unescapes twice
    word, _, rest = text.partition(" ")
    try:
        if word.lower() in SUBSCRIPTION_WORDS:
            view = subscription_answer(services.subscribing, command, team_of(context) or "")
        elif word.lower() in corrections.WORDS:
            view = corrections.command_answer(services.correcting, word.lower(), rest,
                                              team_of(context) or "", command.get("user_id", "?"))
        else:
            view = answer(services.lookups, typed, team_id=team_of(context))
    except SQLAlchemyError:
        log.exception("store unavailable for /citylink")
        view = cards.message(cards.STORE_DOWN)
    ack(response_type="ephemeral", blocks=view.blocks, text=view.text)


def register(app: App) -> None:
    app.command("/citylink")(handle_citylink)
