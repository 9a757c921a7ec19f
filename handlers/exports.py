"""*Export CSV*: the answer's partnerships as a file, uploaded to the asker in a DM."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from handlers.actions import button_value
from handlers.context import services_of, team_of
from services import exports
from views import cards

log = logging.getLogger(__name__)


def acknowledge(ack: Ack) -> None:
    """Slack gets its answer at once; the file is made and uploaded after."""
    ack()


def send_export(action: dict, respond: Respond, client: WebClient, context) -> None:
    """Make the CSV and upload it to the presser's DM; say where it went, or why not."""
    text, user = button_value(action), context.user_id
    if text is None or not user:
        return _say(respond, "That button is from an older message. Look it up again.")
    lookups = services_of(context).lookups
    try:
        name, content, count = exports.export(lookups, text, team_id=team_of(context))
        dm = client.conversations_open(users=user)["channel"]["id"]
        note = f"{count} partnerships for \u201c{text}\u201d"
        client.files_upload_v2(channel=dm, filename=name, title=name, content=content,
                               initial_comment=note)  # fmt: skip
    except SQLAlchemyError as exc:
        log.warning("store unavailable for an export: %s", exc)
        return _say(respond, cards.STORE_DOWN)
    except SlackApiError as exc:
        log.warning("export upload failed: %s", exc.response.get("error"))
        return _say(respond, "I could not upload the file just now. Please try again.")
    _say(respond, f"I sent you *{name}* ({count} partnerships) in a direct message.")


def _say(respond: Respond, text: str) -> None:
    if respond.response_url is not None:
        respond(text=text, response_type="ephemeral", replace_original=False)


def register(app: App) -> None:
    app.action(cards.action_ids(cards.EXPORT))(ack=acknowledge, lazy=[send_export])
