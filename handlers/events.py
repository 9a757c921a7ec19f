"""Forwards by DM (links, pasted text, files) and by @mention; answered in the thread."""

from __future__ import annotations

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers.context import ACCEPTED, STORE_FAILED, services_of, team_of
from services.inbox import NOT_SAVED, Answer, deliver
from store.forward_requests import PendingForward
from views.cards import message

FORWARD_SUBTYPES = (None, "file_share")
FILE_FIELDS = ("name", "title", "url_private", "url_private_download", "mimetype", "size")
NO_TEAM = "I can't tell which workspace this came from, so I did not save it."


def is_forward_by_dm(event: dict) -> bool:
    """A person's own DM to the bot (not the bot's replies, edits or deletions)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in FORWARD_SUBTYPES
        and not event.get("bot_id")
    )


def forward_of(body: dict, event: dict, team: str) -> PendingForward:
    """The forward an event carries, keyed by Slack's event id."""
    files = tuple({k: f[k] for k in FILE_FIELDS if k in f} for f in event.get("files") or []
                  if isinstance(f, dict))  # fmt: skip
    return PendingForward(
        key=str(body.get("event_id") or f"{event.get('channel')}:{event.get('ts')}"),
        scope=team, user_id=str(event.get("user") or "?"),
        via="dm" if event.get("channel_type") == "im" else "mention",
        text=str(event.get("text") or ""), files=files, channel_id=event.get("channel"),
        thread_ts=event.get("thread_ts") or event.get("ts"),
    )  # fmt: skip


def keep_forward(ack: Ack, body: dict, event: dict, context) -> None:
    """Keep the forward in the store, then acknowledge: a crash after this loses nothing.

    The team is the installing workspace Bolt read from the authorization, never the envelope
    (in a Slack Connect channel that is the other organisation's).
    """
    team = team_of(context)
    accepted = (
        team is not None
        and not context.get(STORE_FAILED)
        and services_of(context).inbox.accept(forward_of(body, event, team))
    )
    context[ACCEPTED] = accepted
    ack()


def learn_from_event(body: dict, event: dict, client: WebClient, context) -> None:
    """Read the kept forward and answer in its thread; or say it could not be kept."""
    team = team_of(context)
    if not context.get(ACCEPTED):
        why = NOT_SAVED if team else NO_TEAM
        deliver(client, Answer(forward_of(body, event, team or ""), message(why), done=False))
        return
    answer = services_of(context).inbox.read(forward_of(body, event, team),
                                             lambda _team: context.bot_token)  # fmt: skip
    if answer is not None:
        deliver(client, answer)


def register(app: App) -> None:
    app.event("app_mention")(ack=keep_forward, lazy=[learn_from_event])
    app.event("message", matchers=[is_forward_by_dm])(ack=keep_forward, lazy=[learn_from_event])
    app.event("message")(ignore)


def ignore(ack: Ack) -> None:
    """Other messages (edits, deletions, the bot's own replies): nothing to do."""
    ack()
