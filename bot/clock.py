"""`citylink clock`: the one scheduler process; a job per subscription, synced every minute."""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from services.digests import DigestService
from services.schedule import WEEKDAYS
from store import digests
from store.digests import SubscriptionResult

log = logging.getLogger(__name__)
JOB_DEFAULTS = {
    "coalesce": True,  # a backlog of missed runs fires once
    "misfire_grace_time": 6 * 3600,  # a clock down for hours still sends when it is back
    "max_instances": 1,
}
SYNC_JOB = "sync-subscriptions"
FORWARDS_JOB = "resume-forwards"
RETRY_JOB = "retry-digests"
FEEDS_JOB = "poll-feeds"  # each feed is due on its own interval; this looks for due ones
RETRY_MINUTES = 5  # a digest that failed (Slack down, a part unanswered) is sent again this soon


def trigger_for(subscription: SubscriptionResult) -> CronTrigger:
    hour, minute = subscription.time_of_day.split(":")
    day = "*" if subscription.frequency == "daily" else WEEKDAYS[subscription.weekday][:3]
    return CronTrigger(day_of_week=day, hour=hour, minute=minute, timezone=subscription.timezone)


def sync_jobs(scheduler: BaseScheduler, service: DigestService) -> None:
    """One job per subscription: new ones added, changed ones rescheduled, removed ones gone."""
    with service.sessions.begin() as session:
        wanted = {f"digest-{s.id}": s for s in digests.subscriptions(session)}
    for job in scheduler.get_jobs():
        if job.id.startswith("digest-") and job.id not in wanted:
            job.remove()
    for job_id, subscription in wanted.items():
        trigger = trigger_for(subscription)
        job = scheduler.get_job(job_id)
        if job is None:
            scheduler.add_job(service.send_scheduled, trigger, args=[subscription], id=job_id)
        elif str(job.trigger) != str(trigger) or job.args[0] != subscription:
            job.modify(args=[subscription])
            job.reschedule(trigger)


def resume_forwards(resume: Callable[[], int]) -> None:
    """Answer the forwards nobody is reading; a store still down is tried again next minute."""
    try:
        answered = resume()
    except SQLAlchemyError as exc:
        log.warning("could not look for forwards to resume: %s", exc)
        return
    if answered:
        log.info("answered %d forward(s) left unanswered", answered)


def send_due(service: DigestService) -> None:
    """Send every digest that is due and not sent: new ones, and ones that failed part way."""
    for outcome in service.send_due():
        if outcome.status != "up to date":
            log.info("digest %s: %s %s", outcome.channel_id, outcome.status, outcome.detail)


def poll_feeds(poll: Callable[[], list]) -> None:
    """Poll the feeds that are due; a store that is down is tried again next minute."""
    try:
        polled = poll()
    except SQLAlchemyError as exc:
        log.warning("could not poll feeds: %s", exc)
        return
    for result in polled:
        if result.new or result.queued or result.error:
            log.info("feed %s: %d new, %d queued, %s", result.feed.url, result.new,
                     result.queued, result.error or "ok")  # fmt: skip


def run_clock(
    service: DigestService,
    resume: Callable[[], int],
    poll: Callable[[], list] = list,
    *,
    once: bool = False,
) -> None:
    """Send what is due now, answer forwards left unanswered and poll the feeds that are due
    (a restart skips nothing), then keep to the schedule, and try again every few minutes what
    failed."""
    resume_forwards(resume)
    send_due(service)
    poll_feeds(poll)
    if once:
        return
    scheduler = BlockingScheduler(timezone="UTC", job_defaults=JOB_DEFAULTS)
    sync_jobs(scheduler, service)
    scheduler.add_job(sync_jobs, IntervalTrigger(minutes=1), args=[scheduler, service],
                      id=SYNC_JOB)  # fmt: skip
    scheduler.add_job(resume_forwards, IntervalTrigger(minutes=1), args=[resume],
                      id=FORWARDS_JOB)  # fmt: skip
    scheduler.add_job(send_due, IntervalTrigger(minutes=RETRY_MINUTES), args=[service],
                      id=RETRY_JOB)  # fmt: skip
    scheduler.add_job(poll_feeds, IntervalTrigger(minutes=1), args=[poll], id=FEEDS_JOB)
    scheduler.start()
