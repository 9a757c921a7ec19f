"""The composition root: one Bolt app with CityLink's listeners and services."""

from __future__ import annotations

import logging

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

import handlers
from bot.config import Settings
from bot.wiring import web_client
from bot.workspaces import multi_workspace, oauth_settings
from handlers.context import CONTEXT_KEY, Services
from handlers.middleware import describe
from views import cards

log = logging.getLogger(__name__)
SORRY = "Sorry, something went wrong on my side. It has been logged; please try again."


def build_app(settings: Settings, deps: Services, *, client: WebClient | None = None) -> App:
    """A Bolt app whose Web API calls go to `SLACK_API_URL`."""
    client = client or web_client(settings)
    oauth = None
    if multi_workspace(settings):  # each team's token comes from its installation
        oauth = oauth_settings(settings, deps.lookups.sessions.kw["bind"])
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret,
        oauth_settings=oauth,
        token_verification_enabled=False,
        process_before_response=True,  # answer when the listener returns, not on a 10 ms poll;
        logger=log,  # slow work still runs in lazy listeners, after the acknowledgement
    )
    if oauth is not None:
        app.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked
    else:  # Slack retries an event it gets no 200 for; one configured token has nothing to delete
        app.event("app_uninstalled")(note_revocation)
        app.event("tokens_revoked")(note_revocation)

    @app.middleware
    def provide_services(context, next) -> None:  # noqa: A002 - Bolt's argument name
        context[CONTEXT_KEY] = deps
        next()

    @app.error
    def answer_kindly(error: Exception, body: dict, context, respond) -> BoltResponse | None:
        log.error("%s failed", describe(context), exc_info=error)
        if body.get("response_url"):
            respond(**_sorry())
        return None

    handlers.register(app)
    return app


def note_revocation(ack, context) -> None:
    """Single-workspace mode: acknowledge an uninstall or revoked tokens, and log one line."""
    ack()
    log.warning("%s: acknowledged; the bot token is configured, not stored: nothing to remove",
                describe(context))  # fmt: skip


def _sorry() -> dict:
    view = cards.message(SORRY)
    return {"text": view.text, "blocks": view.blocks, "response_type": "ephemeral",
            "replace_original": False}  # fmt: skip
