"""The "Send to CityLink" message shortcut: learn from the message, reply in its thread."""

from __future__ import annotations

from functools import partial

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers.events import answer_kept, keep, shared_files
from store.forward_requests import PendingForward

CALLBACK_ID = "send_to_citylink"


def _message_text(message: dict) -> str:
    """The message's text plus the links of its unfurled attachments."""
    links = [f"<{a['from_url']}>" for a in message.get("attachments") or []
             if isinstance(a, dict) and a.get("from_url")]  # fmt: skip
    return " ".join([str(message.get("text") or ""), *links])


def forward_of(body: dict, team: str) -> PendingForward:
    """The forward a shortcut carries, keyed by its trigger id."""
    shared = body.get("message") if isinstance(body.get("message"), dict) else {}
    files = shared_files(shared.get("files"))
    return PendingForward(
        key=f"shortcut:{body.get('trigger_id') or body.get('action_ts')}", scope=team,
        user_id=str((body.get("user") or {}).get("id") or "?"), via="shortcut",
        text=_message_text(shared), files=files,
        channel_id=(body.get("channel") or {}).get("id"),
        thread_ts=shared.get("thread_ts") or shared.get("ts"),
        response_url=body.get("response_url"),
    )  # fmt: skip


def keep_forward(ack: Ack, body: dict, context) -> None:
    keep(context, partial(forward_of, body))
    ack()


def learn_from_shortcut(body: dict, client: WebClient, context) -> None:
    """Answer in the message's thread (privately if the bot cannot post there)."""
    answer_kept(client, context, partial(forward_of, body))


def register(app: App) -> None:
    app.shortcut(CALLBACK_ID)(ack=keep_forward, lazy=[learn_from_shortcut])
