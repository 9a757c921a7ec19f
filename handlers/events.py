"""Forwards by DM (links, pasted text, files) and by @mention; answered in the thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

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
    files = shared_files(event.get("files"))
    return PendingForward(
        key=str(body.get("event_id") or f"{event.get('channel')}:{event.get('ts')}"),
        scope=team, user_id=str(event.get("user") or "?"),
        via="dm" if event.get("channel_type") == "im" else "mention",
        text=str(event.get("text") or ""), files=files, channel_id=event.get("channel"),
        thread_ts=event.get("thread_ts") or event.get("ts"),
    )  # fmt: skip


def shared_files(files) -> tuple[dict, ...]:
    """What a forward keeps of each file Slack shared (where to download it, its name and type)."""
    return tuple({k: f[k] for k in FILE_FIELDS if k in f} for f in files or []
                 if isinstance(f, dict))  # fmt: skip


def keep(context, make_forward: Callable[[str], PendingForward]) -> None:
    """Keep the forward in the store before the acknowledgement: a crash after it loses nothing.

    The team is the installing workspace Bolt read from the authorization, never the envelope
    (in a Slack Connect channel that is the other organisation's).
    """
    team = team_of(context)
    context[ACCEPTED] = (
        team is not None
        and not context.get(STORE_FAILED)
        and services_of(context).inbox.accept(make_forward(team))
    )


def answer_kept(client: WebClient, context, make_forward: Callable[[str], PendingForward]) -> None:
    """Read the kept forward and answer in its thread; or say why it could not be kept."""
    team = team_of(context)
    if not context.get(ACCEPTED):
        why = NOT_SAVED if team else NO_TEAM
        deliver(client, Answer(make_forward(team or ""), message(why), done=False))
        return
    answer = services_of(context).inbox.read(make_forward(team), lambda _team: context.bot_token)
    if answer is not None:
        deliver(client, answer)


def keep_forward(ack: Ack, body: dict, event: dict, context) -> None:
    keep(context, partial(forward_of, body, event))
    ack()


def learn_from_event(body: dict, event: dict, client: WebClient, context) -> None:
    answer_kept(client, context, partial(forward_of, body, event))


def register(app: App) -> None:
    app.event("app_mention")(ack=keep_forward, lazy=[learn_from_event])
    app.event("message", matchers=[is_forward_by_dm])(ack=keep_forward, lazy=[learn_from_event])
    app.event("message")(ignore)


def ignore(ack: Ack) -> None:
    """Other messages (edits, deletions, the bot's own replies): nothing to do."""
    ack()
