"""Buttons on CityLink's answers: open a candidate, page a card, share it to the channel."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond

from handlers import views
from handlers.lookups import LookupService
from handlers.services import services_of

GONE = "That place is no longer in my gazetteer. Try `/citylink <place>` again."


def _team(body: dict) -> str | None:
    return (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")


def shared_view(lookups: LookupService, value: str, user: str, team_id: str | None):
    """The view a Share button stands for, marked as shared by `user`; None if it is gone."""
    kind, *keys = value.split("|")
    if kind == "place" and keys:
        page = int(keys[1]) if len(keys) > 1 and keys[1].isdigit() else 0
        found = lookups.profile_of(keys[0], team_id=team_id, page=page)
        return found and views.place_card(found, shared_by=user)
    if kind == "pair" and len(keys) == 2:
        pair = lookups.pair_of(*keys, team_id=team_id)
        return pair and views.pair_card(pair.a.place, pair.b.place, pair.links, shared_by=user)
    if kind == "latest":
        return views.latest_card(lookups.latest(team_id=team_id), shared_by=user)
    return None


def handle_show_place(ack: Ack, body: dict, action: dict, respond: Respond, context) -> None:
    """A candidate button: replace the answer with that place's card."""
    ack()
    key, _, page = action["value"].partition("|")
    lookups = services_of(context).lookups
    found = lookups.profile_of(key, team_id=_team(body), page=int(page) if page.isdigit() else 0)
    if found is None:
        respond(text=GONE, replace_original=False, response_type="ephemeral")
        return
    view = views.place_card(found)
    respond(blocks=view.blocks, text=view.text, replace_original=True)


def handle_share(ack: Ack, body: dict, action: dict, respond: Respond, context) -> None:
    """Post the answer for everyone in the channel; the private copy goes away."""
    ack()
    user = body["user"]["id"]
    view = shared_view(services_of(context).lookups, action["value"], user, _team(body))
    if view is None:
        respond(text=GONE, replace_original=False, response_type="ephemeral")
        return
    respond(blocks=view.blocks, text=view.text, response_type="in_channel",
            replace_original=False, delete_original=True)  # fmt: skip


def register(app: App) -> None:
    app.action(views.SHOW_PLACE)(handle_show_place)
    app.action(views.SHOW_PAGE)(handle_show_place)
    app.action(views.SHARE)(handle_share)
