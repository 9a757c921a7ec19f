"""Digests: composed at send time from what arrived since the channel's last one, posted once.

Each part of a digest is recorded as Slack accepts it, so a retry (after a failure, or after the
process died) starts at the first part not recorded. A part whose post failed without a clear
answer (HTTP 5xx, or no answer in time) is not sent again at once (bot/slack_retries.py): the
digest is marked failed and the next run posts that part again. If Slack had in fact accepted it,
that one part appears twice; a part already recorded never does (at least once per part).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.orm import Session, sessionmaker

from services.digest_chart import chart_data
from services.digest_content import DigestContent, schedule_of, select_links
from store import digests, queries
from store.digests import DigestClaim, SubscriptionResult
from views.digest_chart import TITLE, draw
from views.digests import digest_messages

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=15)  # a claim older than this belongs to a worker that died
PACE_SECONDS = 1.0  # Slack allows about one message per second per channel
DEFAULTS = {"frequency": "weekly", "weekday": 0, "time_of_day": "09:00", "timezone": "UTC",
            "places": [], "kinds": [], "muted_words": [], "skip_empty": False}  # fmt: skip


class PartFailed(Exception):
    """Slack refused a digest's part, or gave no clear answer; the parts before it are posted."""

    def __init__(self, number: int, of: int, error: str):
        super().__init__(f"part {number} of {of} failed: {error}")
        self.error = error


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
        confirm_below: float = 0.0,
    ):
        self.sessions, self.client_for, self.worker = sessions, client_for, worker
        self.now, self.sleep = now, sleep
        self.confirm_below = confirm_below  # unconfirmed links wait for someone to confirm them
        self._last_post: dict[str, float] = {}

    def ensure_default(self, channel: str, team: str = "") -> SubscriptionResult:
        """CITYLINK_DIGEST_CHANNEL's weekly subscription (Monday 09:00 UTC) unless it has one."""
        with self.sessions.begin() as session:
            existing = digests.subscription_of(session, team, channel)
            return existing or digests.subscribe(
                session, team, channel, user_id="settings", now=self.now(), **DEFAULTS
            )

    def subscription(self, channel: str, team: str = "") -> SubscriptionResult | None:
        """The channel's subscription, if it has one."""
        with self.sessions.begin() as session:
            return digests.subscription_of(session, team, channel)

    def preview(self, subscription: SubscriptionResult) -> DigestContent:
        """The subscription's next digest as it would be now, without posting or recording it."""
        end = self.now()
        return self.compose(subscription, self.period_start(subscription, end), end)

    def compose(self, subscription: SubscriptionResult, start: datetime, end: datetime):
        team = subscription.scope or None
        with self.sessions.begin() as session:
            found = queries.recent_partnerships(
                session, limit=None, team_id=team, since=start, until=end,
                confirm_below=self.confirm_below,
            )  # fmt: skip
            articles = queries.articles_between(session, start, end, team_id=team)
            vouched = queries.vouched_between(session, team, start, end,
                                              confirm_below=self.confirm_below)  # fmt: skip
        trusted = [link for link in found if not link.unconfirmed]
        links = select_links(trusted, subscription, start, end)
        listed = {link.key for link in links}
        confirmed = [x for x in select_links(vouched, subscription) if x.key not in listed]
        links.sort(key=lambda link: link.news_day, reverse=True)  # by the date of the news
        older = [link for link in links if link.old_news]
        links = [link for link in links if not link.old_news]
        if subscription.places or subscription.muted_words:
            shown = {e.article.id for link in links for e in link.evidence}
            articles = [a for a in articles if a.id in shown]
        return DigestContent(
            subscription, start, end,
            links=tuple(x for x in links if x.kind != "visit" and x.status in {"new", "existing"}),
            visits=tuple(x for x in links if x.kind == "visit"),
            proposals=tuple(x for x in links if x.kind != "visit" and x.status == "proposed"),
            ended=tuple(x for x in links if x.kind != "visit" and x.status == "ended"),
            articles=tuple(articles), confirmed=tuple(confirmed), older=tuple(older),
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
        claimed = self._claim(subscription, start, end)
        if claimed is None:
            return SendOutcome(channel, "taken", "another process has this digest")
        if claimed.period_end != end:  # resuming a digest partly posted: its own period
            content = self.compose(subscription, start, claimed.period_end)
        if content.empty and subscription.skip_empty:
            return self._finish(claimed.id, channel, None, "empty")
        try:
            ts = self._post(claimed, channel, content)
        except PartFailed as failed:
            log.warning("digest for %s: %s; the next run posts it again", channel, failed)
            with self.sessions.begin() as session:
                digests.mark_failed(session, claimed.id, failed.error)
            return SendOutcome(channel, "failed", failed.error)
        sent = self._finish(claimed.id, channel, ts, "sent")
        chart = self._share_chart(content, channel, ts)
        outcome = SendOutcome(channel, "sent", f"{sent.detail} {chart}".strip())
        if claimed.period_end < end:  # what arrived since the resumed digest's period follows
            log.info("digest for %s: %s", channel, self._send(subscription, end, empty_ok=False))
        return outcome

    def _claim(self, subscription: SubscriptionResult, start: datetime, end: datetime):
        now, lease = self.now(), LEASE
        with self.sessions.begin() as session:
            return digests.claim_digest(
                session, subscription.id, start, end, worker=self.worker, now=now, lease=lease
            )

    def _finish(self, digest_id: int, channel: str, ts: str | None, status: str) -> SendOutcome:
        with self.sessions.begin() as session:
            digests.mark_sent(session, digest_id, ts, self.now())
        return SendOutcome(channel, status, ts or "")

    def chart(self, subscription: SubscriptionResult, end: datetime) -> bytes | None:
        """The chart of the twelve periods up to `end` as a PNG; None when they hold no link."""
        with self.sessions.begin() as session:
            data = chart_data(session, subscription, end, confirm_below=self.confirm_below)
        return None if data.empty else draw(data)

    def _share_chart(self, content: DigestContent, channel: str, ts: str | None) -> str:
        """Upload the chart into the thread of the digest, already recorded as sent: the text
        stands without it, so a failure (or a crash) only loses the chart."""
        try:
            png = self.chart(content.subscription, content.end)
            if png is None:
                return ""
            self.client_for(content.subscription.scope).files_upload_v2(
                channel=channel, thread_ts=ts, file=png, filename="citylink-digest.png",
                title=TITLE, alt_txt=f"{TITLE} by kind, and the most connected places")  # fmt: skip
        except Exception as exc:  # the chart is extra: nothing about it may undo a posted digest
            log.warning("digest chart for %s not shared: %s", channel, _error_text(exc))
            return f"(chart not shared: {_error_text(exc)})"
        return "(with its chart)"

    def _post(self, claimed: DigestClaim, channel: str, content: DigestContent) -> str | None:
        """Post the parts not yet recorded, recording each as Slack accepts it."""
        views = digest_messages(content, schedule_of(content.subscription))
        first_ts, done = claimed.message_ts, claimed.parts_sent
        for number, view in enumerate(views[done:], start=done + 1):
            self._pace(channel)
            try:
                response = self.client_for(content.subscription.scope).chat_postMessage(
                    channel=channel, text=view.text, blocks=view.blocks, unfurl_links=False
                )
            except (SlackClientError, OSError) as exc:  # OSError: no answer in time, or none
                raise PartFailed(number, len(views), _error_text(exc)) from exc
            first_ts = first_ts or response.get("ts")
            with self.sessions.begin() as session:
                digests.mark_part_sent(session, claimed.id, number, first_ts)
        return first_ts

    def _pace(self, channel: str) -> None:
        last = self._last_post.get(channel)
        if last is not None:
            self.sleep(max(0.0, PACE_SECONDS - (time.monotonic() - last)))
        self._last_post[channel] = time.monotonic()


def _error_text(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc)
    return f"{type(exc).__name__}: {exc}"
