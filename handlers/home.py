"""App Home: how to use the bot, what it knows, the newest partnerships."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from handlers.context import STORE_FAILED, services_of, team_of
from services.lookups import LookupService
from views import cards

log = logging.getLogger(__name__)


def ack_at_once(ack: Ack) -> None:
    """The tab is built after the acknowledgement: a slow store must not make Slack retry."""
    ack()


def handle_home_opened(event: dict, client: WebClient, context) -> None:
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    known = None if context.get(STORE_FAILED) else _known(services_of(context).lookups,
                                                          team_of(context))  # fmt: skip
    # Without the store the tab still opens, and says why it is empty.
    view = known or {"type": "home", "blocks": cards.message(cards.STORE_DOWN).blocks}
    client.views_publish(user_id=event["user"], view=view)


def _known(lookups: LookupService, team_id: str | None) -> dict | None:
    try:
        return cards.home_view(lookups.latest(team_id=team_id), lookups.counts(team_id=team_id))
    except SQLAlchemyError as exc:
        log.warning("store unavailable for the App Home: %s", exc)
        return None


def register(app: App) -> None:
    app.event("app_home_opened")(ack=ack_at_once, lazy=[handle_home_opened])
