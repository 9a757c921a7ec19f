"""The "Send to CityLink" message shortcut: learn from the message, reply in its thread."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers import replies
from handlers.ingesting import Forward
from handlers.services import services_of

CALLBACK_ID = "send_to_citylink"
log = logging.getLogger(__name__)


def ack_at_once(ack: Ack) -> None:
    ack()


def _message_text(message: dict) -> str:
    """The message's text plus the links of its unfurled attachments."""
    links = [f"<{a['from_url']}>" for a in message.get("attachments", []) if a.get("from_url")]
    return " ".join([message.get("text", ""), *links])


def learn_from_shortcut(body: dict, client: WebClient, respond: Respond, context) -> None:
    message, channel = body.get("message", {}), (body.get("channel") or {}).get("id")
    forward = Forward(via="shortcut", user_id=body["user"]["id"],
                      team_id=(body.get("team") or {}).get("id"), channel_id=channel)  # fmt: skip
    forwarding = services_of(context).forwarding
    learned = [
        forwarding.from_file(f, forward, context.bot_token) for f in message.get("files", [])
    ]
    learned += forwarding.from_message(_message_text(message), forward)
    view = replies.forward_reply(learned)
    thread = message.get("thread_ts") or message.get("ts")
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread, text=view.text,
                                blocks=view.blocks)  # fmt: skip
    except SlackApiError as exc:  # e.g. not_in_channel: tell the forwarder privately instead
        log.info("threaded reply failed (%s); answering privately", exc.response.get("error"))
        respond(text=view.text, blocks=view.blocks, response_type="ephemeral")


def register(app: App) -> None:
    app.shortcut(CALLBACK_ID)(ack=ack_at_once, lazy=[learn_from_shortcut])
