"""The "Send to CityLink" message shortcut: learn from the message, reply in its thread."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers.context import ACCEPTED, STORE_FAILED, services_of, team_of
from handlers.events import FILE_FIELDS, NO_TEAM
from services.inbox import NOT_SAVED, Answer, deliver
from store.forward_requests import PendingForward
from views.cards import message

CALLBACK_ID = "send_to_citylink"


def _message_text(message: dict) -> str:
    """The message's text plus the links of its unfurled attachments."""
    links = [f"<{a['from_url']}>" for a in message.get("attachments") or []
             if isinstance(a, dict) and a.get("from_url")]  # fmt: skip
    return " ".join([str(message.get("text") or ""), *links])


def forward_of(body: dict, team: str) -> PendingForward:
    """The forward a shortcut carries, keyed by its trigger id."""
    shared = body.get("message") if isinstance(body.get("message"), dict) else {}
    files = tuple({k: f[k] for k in FILE_FIELDS if k in f} for f in shared.get("files") or []
                  if isinstance(f, dict))  # fmt: skip
    return PendingForward(
        key=f"shortcut:{body.get('trigger_id') or body.get('action_ts')}", scope=team,
        user_id=str((body.get("user") or {}).get("id") or "?"), via="shortcut",
        text=_message_text(shared), files=files,
        channel_id=(body.get("channel") or {}).get("id"),
        thread_ts=shared.get("thread_ts") or shared.get("ts"),
        response_url=body.get("response_url"),
    )  # fmt: skip


def keep_forward(ack: Ack, body: dict, context) -> None:
    """Keep the forward in the store, then acknowledge: a crash after this loses nothing."""
    team = team_of(context)
    accepted = (
        team is not None
        and not context.get(STORE_FAILED)
        and services_of(context).inbox.accept(forward_of(body, team))
    )
    context[ACCEPTED] = accepted
    ack()


def learn_from_shortcut(body: dict, client: WebClient, context) -> None:
    """Read the kept forward and answer in the message's thread (privately if that fails)."""
    team = team_of(context)
    if not context.get(ACCEPTED):
        why = NOT_SAVED if team else NO_TEAM
        deliver(client, Answer(forward_of(body, team or ""), message(why), done=False))
        return
    answer = services_of(context).inbox.read(forward_of(body, team),
                                             lambda _team: context.bot_token)  # fmt: skip
    if answer is not None:
        deliver(client, answer)


def register(app: App) -> None:
    app.shortcut(CALLBACK_ID)(ack=keep_forward, lazy=[learn_from_shortcut])
