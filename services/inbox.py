"""Forwards kept from their acknowledgement until answered: stored and answered, or the sender told.

A forward is recorded before Slack is acknowledged, read by the lazy listener that follows, and
removed once its answer is ready. A store failure while reading is retried a few times at once;
if the store stays down the forward is given back, the sender is told it will be answered later,
and `resume` (the clock, every minute) reads what was given back or left by a killed worker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.webhook import WebhookClient
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from services.forwarding import ForwardService
from services.ingesting import Forward
from store import forward_requests
from store.forward_requests import PendingForward
from store.models import utcnow
from views import replies
from views.cards import View, message

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=10)  # longer than reading five slow links takes
WAITED = timedelta(minutes=1)  # a kept forward its own worker has not taken by then is resumed
RETRY_SECONDS = (1.0, 3.0)  # waits between the tries made at once
MAX_ATTEMPTS = 5
WEBHOOK_SECONDS = 10
NOT_SAVED = (
    "I could not save that: my knowledge store is not answering. Please send it again in a minute."
)
KEPT_FOR_LATER = (
    "My knowledge store is not answering right now. I have kept what you sent "
    "and will answer here once I have read it."
)
GIVEN_UP = "I tried several times but could not read what you sent. Please send it again later."


@dataclass(frozen=True)
class Answer:
    """What to tell the sender of a forward, and where."""

    forward: PendingForward
    view: View | None  # None: nothing to say now (the sender was told before)
    done: bool  # False: the forward is kept and will be answered later


class ForwardInbox:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        forwarding: ForwardService,
        *,
        now: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.sessions, self.forwarding, self.now, self.sleep = sessions, forwarding, now, sleep

    def accept(self, forward: PendingForward) -> bool:
        """Keep the forward until it is answered; False when the store cannot take it now."""
        try:
            with self.sessions.begin() as session:
                forward_requests.record_forward(session, forward, self.now())
        except SQLAlchemyError:
            log.warning("could not keep forward %s", forward.key, exc_info=True)
            return False
        return True

    def read(self, kept: PendingForward, token_of: Callable[[str], str | None]) -> Answer | None:
        """Read the kept forward and say what was learned; None if another worker has it.

        `token_of(team)` is the bot token that downloads the team's shared files.
        """
        try:
            with self.sessions.begin() as session:
                forward = forward_requests.claim_forward(session, kept.key, now=self.now(),
                                                         lease=LEASE)  # fmt: skip
        except SQLAlchemyError as exc:  # its claim is free: `resume` takes it
            log.warning("could not claim forward %s; kept for later: %s", kept.key, exc)
            told_before = kept.attempts > 0
            return Answer(kept, None if told_before else message(KEPT_FOR_LATER), done=False)
        if forward is None:
            return None
        if forward.attempts > MAX_ATTEMPTS:
            self._finish(forward)
            return Answer(forward, message(GIVEN_UP), done=True)
        for wait in (*RETRY_SECONDS, None):
            try:
                view = replies.forward_reply(self._learn(forward, token_of(forward.scope)))
                break
            except SQLAlchemyError as exc:
                if wait is None:
                    return self._keep_for_later(forward, exc)
                log.info("store failed reading forward %s (%s); trying again", kept.key, exc)
                self.sleep(wait)
        self._finish(forward)
        return Answer(forward, view, done=True)

    def resume(self, token_of: Callable[[str], str | None]) -> Iterator[Answer]:
        """Read every forward that was given back, or whose worker died, in the order sent."""
        with self.sessions.begin() as session:
            kept = forward_requests.resumable_forwards(session, now=self.now(), waited=WAITED,
                                                       lease=LEASE)  # fmt: skip
        for forward in kept:
            answer = self.read(forward, token_of)
            if answer is not None:
                yield answer

    def _learn(self, forward: PendingForward, bot_token: str | None):
        sender = Forward(via=forward.via, user_id=forward.user_id, team_id=forward.scope,
                         channel_id=forward.channel_id)  # fmt: skip
        learned = [self.forwarding.from_file(f, sender, bot_token) for f in forward.files]
        return learned + self.forwarding.from_message(forward.text, sender)

    def _keep_for_later(self, forward: PendingForward, error: Exception) -> Answer:
        log.warning("store down reading forward %s; kept for later: %s", forward.key, error)
        try:
            with self.sessions.begin() as session:
                forward_requests.release_forward(session, forward.key, str(error))
        except SQLAlchemyError:  # still down: its claim runs out and `resume` takes it then
            log.warning("could not give forward %s back; its lease will", forward.key)
        told_before = forward.attempts > 1
        return Answer(forward, None if told_before else message(KEPT_FOR_LATER), done=False)

    def _finish(self, forward: PendingForward) -> None:
        """Forget the answered forward; if the store fails now, it is answered once more later."""
        try:
            with self.sessions.begin() as session:
                forward_requests.finish_forward(session, forward.key)
        except SQLAlchemyError:
            log.warning("could not mark forward %s answered", forward.key, exc_info=True)


def deliver(client: WebClient, answer: Answer) -> None:
    """What was learned goes in the forward's thread; a problem, or an answer the thread would
    not take, goes to the sender privately (the shortcut's response URL, else an ephemeral
    message). An answer that cannot reach Slack at all is logged, never dropped without a word."""
    forward, view = answer.forward, answer.view
    if view is None:
        return
    if answer.done:
        try:
            client.chat_postMessage(channel=forward.channel_id, thread_ts=forward.thread_ts,
                                    text=view.text, blocks=view.blocks)  # fmt: skip
            return
        except (SlackClientError, OSError) as exc:
            log.info("threaded answer to %s failed (%s); answering privately", forward.key, exc)
    try:
        if forward.response_url:
            sent = WebhookClient(forward.response_url, timeout=WEBHOOK_SECONDS).send(
                text=view.text, blocks=view.blocks, response_type="ephemeral"
            )
            if sent.status_code != 200:
                raise SlackClientError(f"response_url answered {sent.status_code}")
        else:
            client.chat_postEphemeral(channel=forward.channel_id, user=forward.user_id,
                                      text=view.text, blocks=view.blocks)  # fmt: skip
    except (SlackClientError, OSError):
        log.error("could not answer forward %s from %s: %s", forward.key, forward.user_id,
                  view.text, exc_info=True)  # fmt: skip
