"""`/citylink`: look up a place, a pair, the newest partnerships, help and stats."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from sqlalchemy.exc import SQLAlchemyError

from handlers import corrections, feeds
from handlers.context import services_of, team_of
from services import questions
from services.areas import AreaAnswer
from services.digest_content import schedule_of
from services.lookups import LookupService
from services.questions import clean
from services.subscriptions import WORDS as SUBSCRIPTION_WORDS
from services.subscriptions import SubscriptionService
from store.results import StoreCounts
from views import areas as area_cards
from views import cards, digests

log = logging.getLogger(__name__)


def answer(lookups: LookupService, text: str, *, team_id: str | None = None) -> cards.View:
    """The view `/citylink <text>` answers with; the CLI and the console use it too."""
    found = questions.ask(lookups, text, team_id=team_id)
    match found:
        case questions.Help(note):
            return cards.help_card(note)
        case StoreCounts():
            return cards.stats_card(found)
        case questions.Latest(links, filters):
            return cards.latest_card(links, filters=filters)
        case questions.Unknown(query, candidates):
            return cards.did_you_mean(query, candidates)
        case questions.WhichOne(place):
            return area_cards.which_one(place)
        case AreaAnswer():
            return area_cards.country_card(found)
        case questions.PairFound(a, b, links, filters):
            return cards.pair_card(a.place, b.place, links, filters=filters, asked=(a, b))
    return cards.place_card(found)


def subscription_answer(subscribing: SubscriptionService, command: dict, team: str) -> cards.View:
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
    before = subscribing.of_channel(team, channel)
    result = subscribing.subscribe(team, channel, command.get("user_id", "?"), rest)
    if isinstance(result, str):
        return cards.help_card(
            result + " Example: `/citylink subscribe weekly monday 09:00 "
            "Europe/Berlin places: Shanghai kinds: sister, mou mute: expo`"
        )
    now = (result, subscribing.place_names(result), schedule_of(result).describe())
    if before is None:
        return cards.message("Subscribed: " + digests.subscription_text(*now))
    was = (before, subscribing.place_names(before), schedule_of(before).describe())
    changed = digests.subscription_changes(was, now)
    if not changed:
        return cards.message("Nothing changed: " + digests.subscription_text(*now))
    return cards.message(f"Changed this channel's digest: {changed}.")


def handle_citylink(ack: Ack, command: dict, context) -> None:
    """Answer in the acknowledgement itself: lookups take milliseconds."""
    services, typed = services_of(context), command.get("text", "")
    text = clean(typed)  # `answer` cleans what was typed itself: cleaning twice unescapes twice
    word, _, rest = text.partition(" ")
    try:
        if word.lower() in SUBSCRIPTION_WORDS:
            view = subscription_answer(services.subscribing, command, team_of(context) or "")
        elif word.lower() in feeds.WORDS:
            view = feeds.command_answer(services.feeds, rest, team_of(context) or "",
                                        command.get("user_id", "?"))  # fmt: skip
        elif word.lower() in corrections.WORDS:
            view = corrections.command_answer(
                services.correcting,
                word.lower(),
                rest,
                team_of(context) or "",
                command.get("user_id", "?"),
            )
        else:
            view = answer(services.lookups, typed, team_id=team_of(context))
    except SQLAlchemyError:
        log.exception("store unavailable for /citylink")
        view = cards.message(cards.STORE_DOWN)
    ack(response_type="ephemeral", blocks=view.blocks, text=view.text)


def register(app: App) -> None:
    app.command("/citylink")(handle_citylink)
