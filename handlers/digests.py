"""Digests: composed at send time from what arrived since the channel's last one, posted once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session, sessionmaker

from handlers.digest_content import DigestContent, schedule_of, select_links
from handlers.digest_views import digest_messages
from store import digests, queries
from store.digests import SubscriptionResult

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=15)  # a claim older than this belongs to a worker that died
PACE_SECONDS = 1.0  # Slack allows about one message per second per channel
DEFAULTS = {"frequency": "weekly", "weekday": 0, "time_of_day": "09:00", "timezone": "UTC",
            "places": [], "kinds": [], "muted_words": [], "skip_empty": False}  # fmt: skip


@dataclass(frozen=True)
class SendOutcome:
    channel_id: str
    status: str  # "sent" | "empty" | "up to date" | "taken" | "failed"
    detail: str = ""


class DigestService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        client_for: Callable[[str], WebClient],
        *,
        worker: str,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.sessions, self.client_for, self.worker = sessions, client_for, worker
        self.now, self.sleep = now, sleep
        self._last_post: dict[str, float] = {}

    def ensure_default(self, channel: str, team: str = "") -> SubscriptionResult:
        """CITYLINK_DIGEST_CHANNEL's weekly subscription (Monday 09:00 UTC) unless it has one."""
        with self.sessions.begin() as session:
            existing = digests.subscription_of(session, team, channel)
            return existing or digests.subscribe(
                session, team, channel, user_id="settings", now=self.now(), **DEFAULTS
            )

    def preview(self, subscription: SubscriptionResult) -> DigestContent:
        """The subscription's next digest as it would be now, without posting or recording it."""
        end = self.now()
        return self.compose(subscription, self.period_start(subscription, end), end)

    def compose(self, subscription: SubscriptionResult, start: datetime, end: datetime):
        team = subscription.scope or None
        with self.sessions.begin() as session:
            found = queries.recent_partnerships(session, limit=None, team_id=team, since=start,
                                                until=end)  # fmt: skip
            articles = queries.articles_between(session, start, end, team_id=team)
        links = select_links(found, subscription, start, end)
        if subscription.places or subscription.muted_words:
            shown = {e.article.id for link in links for e in link.evidence}
            articles = [a for a in articles if a.id in shown]
        return DigestContent(
            subscription, start, end,
            links=tuple(x for x in links if x.kind != "visit" and x.status != "proposed"),
            visits=tuple(x for x in links if x.kind == "visit"),
            proposals=tuple(x for x in links if x.kind != "visit" and x.status == "proposed"),
            articles=tuple(articles),
        )  # fmt: skip

    def period_start(self, subscription: SubscriptionResult, end: datetime) -> datetime:
        """Where the next digest starts: the end of the last one sent, else one period back."""
        with self.sessions.begin() as session:
            last = digests.last_sent_end(session, subscription.id)
        return last or end - schedule_of(subscription).period

    def send_due(self) -> list[SendOutcome]:
        """Send every subscription's digest whose scheduled time has come and not been sent."""
        with self.sessions.begin() as session:
            everyone = digests.subscriptions(session)
        return [self.send_scheduled(s) for s in everyone]

    def send_scheduled(self, subscription: SubscriptionResult) -> SendOutcome:
        end = schedule_of(subscription).last_due(self.now())
        if subscription.created_at > end:  # subscribed after the last due moment: wait
            return SendOutcome(subscription.channel_id, "up to date")
        return self._send(subscription, end, empty_ok=not subscription.skip_empty)

    def send_now(self, subscription: SubscriptionResult) -> SendOutcome:
        """`citylink digest`: what is new up to now; nothing is posted when nothing is new."""
        return self._send(subscription, self.now(), empty_ok=False)

    def _send(self, subscription: SubscriptionResult, end: datetime, empty_ok: bool):
        channel = subscription.channel_id
        start = self.period_start(subscription, end)
        if start >= end:
            return SendOutcome(channel, "up to date")
        content = self.compose(subscription, start, end)
        if content.empty and not empty_ok and not subscription.skip_empty:
            return SendOutcome(channel, "up to date", "nothing new since the last digest")
        with self.sessions.begin() as session:
            claimed = digests.claim_digest(
                session,
                subscription.id,
                start,
                end,
                worker=self.worker,
                now=self.now(),
                lease=LEASE,
            )
        if claimed is None:
            return SendOutcome(channel, "taken", "another process has this digest")
        if content.empty and subscription.skip_empty:
            return self._finish(claimed, channel, None, "empty")
        try:
            ts = self._post(channel, content)
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc)
            log.warning("digest for %s failed: %s", channel, error)
            with self.sessions.begin() as session:
                digests.mark_failed(session, claimed, error)
            return SendOutcome(channel, "failed", error)
        return self._finish(claimed, channel, ts, "sent")

    def _finish(self, digest_id: int, channel: str, ts: str | None, status: str) -> SendOutcome:
        with self.sessions.begin() as session:
            digests.mark_sent(session, digest_id, ts, self.now())
        return SendOutcome(channel, status, ts or "")

    def _post(self, channel: str, content: DigestContent) -> str | None:
        first_ts = None
        for view in digest_messages(content, schedule_of(content.subscription)):
            self._pace(channel)
            response = self.client_for(content.subscription.scope).chat_postMessage(
                channel=channel, text=view.text, blocks=view.blocks, unfurl_links=False
            )
            first_ts = first_ts or response.get("ts")
        return first_ts

    def _pace(self, channel: str) -> None:
        last = self._last_post.get(channel)
        if last is not None:
            self.sleep(max(0.0, PACE_SECONDS - (time.monotonic() - last)))
        self._last_post[channel] = time.monotonic()
