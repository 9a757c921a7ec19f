"""Buttons on CityLink's answers: open a candidate, page a card, share it to the channel."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from sqlalchemy.exc import SQLAlchemyError

from handlers.context import services_of, team_of
from services.areas import AreaService
from services.filters import Filters
from services.lookups import LookupService
from views import areas as area_cards
from views import cards

log = logging.getLogger(__name__)
GONE = "That place is no longer in my gazetteer. Try `/citylink <place>` again."
NO_PAGE = "That page of the card no longer exists. Try `/citylink <place>` again."
COUNTRY = re.compile(r"[A-Z]{2}")  # an ISO 3166-1 alpha-2 code
PAGE = re.compile(r"[0-9]{1,4}")  # a card's pages; a longer number was never on a button of ours


def button_value(action: dict) -> str | None:
    """The pressed button's value, or the chosen option's of an overflow menu; None when it is
    missing or not text."""
    option = action.get("selected_option")
    value = option.get("value") if isinstance(option, dict) else action.get("value")
    return value if isinstance(value, str) else None


def place_view(lookups: LookupService, key: str, page_text: str, team_id: str | None,
               shared_by: str | None = None) -> cards.View | str:  # fmt: skip
    """The card of a place's page ('' is the first), or a sentence saying why there is none."""
    if not PAGE.fullmatch(page_text or "0"):
        return NO_PAGE
    page = int(page_text or "0")
    found = lookups.profile_of(key, team_id=team_id, page=page)
    if found is None:
        return GONE
    if page and not (found.profile and found.profile.partnerships):  # past the last page
        return NO_PAGE
    return cards.place_card(found, shared_by=shared_by)


def shared_view(
    lookups: LookupService, value: str, user: str, team_id: str | None
) -> cards.View | str:
    """The view a Share button stands for, marked as shared by `user`; a sentence if it is gone."""
    kind, *keys = value.split("|")
    if kind == "place" and keys:
        return place_view(lookups, keys[0], keys[1] if len(keys) > 1 else "", team_id, user)
    if kind == "pair" and len(keys) == 2:
        pair = lookups.pair_of(*keys, team_id=team_id)
        return (cards.pair_card(pair.a.place, pair.b.place, pair.links, shared_by=user)
                if pair else GONE)  # fmt: skip
    if kind == "latest":
        return cards.latest_card(lookups.latest(team_id=team_id), shared_by=user)
    return GONE


def guarded(make: Callable[[], cards.View | str | None]) -> cards.View | str | None:
    """The view, or a sentence saying the store does not answer."""
    try:
        return make()
    except SQLAlchemyError as exc:
        log.warning("store unavailable for a button: %s", exc)
        return cards.STORE_DOWN


def _answer(respond: Respond, view: cards.View | str, **how) -> None:
    """Send the view as `how` says, or the sentence to the presser alone."""
    if respond.response_url is None:  # the button was on no message of ours
        log.warning("a button was pressed outside a message; there is nowhere to answer")
    elif isinstance(view, str):
        respond(text=view, replace_original=False, response_type="ephemeral")
    else:
        respond(blocks=view.blocks, text=view.text, **how)


def handle_show_place(ack: Ack, action: dict, respond: Respond, context) -> None:
    """A candidate or "More partnerships" button: replace the answer with that card."""
    ack()
    value = button_value(action)
    key, _, page = (value or "").partition("|")
    lookups = services_of(context).lookups
    view = guarded(lambda: place_view(lookups, key, page, team_of(context))) if value else GONE
    _answer(respond, view, replace_original=True)


def handle_share(ack: Ack, action: dict, respond: Respond, context) -> None:
    """Post the answer for everyone in the channel; the private copy goes away."""
    ack()
    value, user, team = button_value(action), context.user_id, team_of(context)
    lookups = services_of(context).lookups
    view = guarded(lambda: shared_view(lookups, value, user, team)) if value and user else GONE
    _answer(respond, view, response_type="in_channel", replace_original=False,
            delete_original=True)  # fmt: skip


def handle_show_pair(ack: Ack, action: dict, respond: Respond, context) -> None:
    """"Not this one?" on a pair view: the pair with the other place instead."""
    ack()
    keys = (button_value(action) or "").split("|")
    lookups = services_of(context).lookups

    def make() -> cards.View | str:
        pair = lookups.pair_of(*keys, team_id=team_of(context)) if len(keys) == 2 else None
        return cards.pair_card(pair.a.place, pair.b.place, pair.links) if pair else GONE

    _answer(respond, guarded(make), replace_original=True)


def handle_show_country(ack: Ack, action: dict, respond: Respond, context) -> None:
    """"Georgia, the country": replace the question with the country's card."""
    ack()
    code = button_value(action) or ""
    areas = AreaService(services_of(context).lookups)

    def make() -> cards.View | str:
        if not COUNTRY.fullmatch(code):
            return GONE
        largest = tuple(areas.lookups.index.best_known(code))
        found = areas.country(code, team_id=team_of(context), filters=Filters(), offered=largest)
        return area_cards.country_card(found)

    _answer(respond, guarded(make), replace_original=True)


def register(app: App) -> None:
    app.action(cards.action_ids(cards.SHOW_PLACE))(handle_show_place)
    app.action(cards.action_ids(cards.SHOW_PAGE))(handle_show_place)
    app.action(cards.action_ids(cards.SHARE))(handle_share)
    app.action(cards.action_ids(area_cards.SHOW_COUNTRY))(handle_show_country)
    app.action(cards.action_ids(cards.SHOW_PAIR))(handle_show_pair)
