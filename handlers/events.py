"""Forwards by DM (links, pasted text, files) and by @mention; answered in the thread."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers import replies
from handlers.forwarding import Learned
from handlers.ingesting import Forward
from handlers.services import services_of

FORWARD_SUBTYPES = (None, "file_share")


def ack_at_once(ack: Ack) -> None:
    """Events are acknowledged before any work; the work runs in a lazy listener."""
    ack()


def is_forward_by_dm(event: dict) -> bool:
    """A person's own DM to the bot (not the bot's replies, edits or deletions)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in FORWARD_SUBTYPES
        and not event.get("bot_id")
    )


def learn_from_event(event: dict, body: dict, client: WebClient, context) -> None:
    """Ingest the event's links, text and files; reply in its thread."""
    forwarding = services_of(context).forwarding
    via = "dm" if event.get("channel_type") == "im" else "mention"
    forward = Forward(via=via, user_id=event.get("user", "?"), team_id=body.get("team_id"),
                      channel_id=event.get("channel"))  # fmt: skip
    learned: list[Learned] = [
        forwarding.from_file(f, forward, context.bot_token) for f in event.get("files", [])
    ]
    learned += forwarding.from_message(event.get("text", ""), forward)
    view = replies.forward_reply(learned)
    client.chat_postMessage(channel=event["channel"], text=view.text, blocks=view.blocks,
                            thread_ts=event.get("thread_ts") or event.get("ts"))  # fmt: skip


def ignore(ack: Ack) -> None:
    """`file_shared` duplicates the file_share message we already handle."""
    ack()


def register(app: App) -> None:
    app.event("app_mention")(ack=ack_at_once, lazy=[learn_from_event])
    app.event("message", matchers=[is_forward_by_dm])(ack=ack_at_once, lazy=[learn_from_event])
    app.event("message")(ignore)
    app.event("file_shared")(ignore)
