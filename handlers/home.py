"""App Home: how to use the bot, what it knows, the newest partnerships."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from handlers import views
from handlers.services import services_of


def handle_home_opened(event: dict, body: dict, client: WebClient, context) -> None:
    if event.get("tab", "home") != "home":
        return
    lookups, team_id = services_of(context).lookups, body.get("team_id")
    view = views.home_view(lookups.latest(team_id=team_id), lookups.counts(team_id=team_id))
    client.views_publish(user_id=event["user"], view=view)


def register(app: App) -> None:
    app.event("app_home_opened")(handle_home_opened)
