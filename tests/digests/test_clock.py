"""The clock process: jobs follow subscriptions; two clocks on one database post once."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select

from bot.clock import JOB_DEFAULTS, sync_jobs
from services.schedule import Schedule
from store import digests, models
from tests.digests.conftest import DUNEDIN, SHANGHAI, posts


def test_jobs_follow_subscriptions_as_they_change(service, subscribe):
    scheduler = BackgroundScheduler(timezone="UTC", job_defaults=JOB_DEFAULTS)
    scheduler.start(paused=True)  # jobs are real, nothing runs
    first = subscribe("C1")
    subscribe("C2", frequency="daily", time_of_day="18:30", timezone="Asia/Shanghai")
    sync_jobs(scheduler, service)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {f"digest-{first.id}", f"digest-{first.id + 1}"}
    assert all(job.coalesce and job.misfire_grace_time >= 3600 for job in jobs.values())
    assert "day_of_week='mon'" in str(jobs[f"digest-{first.id}"].trigger)
    subscribe("C1", weekday=4, time_of_day="17:00")
    with service.sessions.begin() as session:
        digests.unsubscribe(session, "", "C2")
    sync_jobs(scheduler, service)
    (job,) = scheduler.get_jobs()
    assert "day_of_week='fri'" in str(job.trigger) and "hour='17'" in str(job.trigger)
    scheduler.shutdown(wait=False)


def test_two_clock_processes_post_a_digest_once(database_url, sessions, standin, report):
    """Two `citylink clock --once` on one PostgreSQL store race for the same digest."""
    if not database_url.startswith("postgresql"):
        pytest.skip("two processes racing need PostgreSQL (CITYLINK_TEST_DATABASE_URL)")
    now = datetime.now(UTC)
    due = Schedule("weekly", 0, "09:00", "UTC").last_due(now)
    with sessions.begin() as session:
        digests.subscribe(session, "", "C9", user_id="U1", now=due - timedelta(days=30),
                          frequency="weekly", weekday=0, time_of_day="09:00", timezone="UTC",
                          places=[], kinds=[], muted_words=[], skip_empty=False)  # fmt: skip
    report(due - timedelta(days=1), (DUNEDIN, SHANGHAI, "sister_city", "new"))
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_API_URL": standin.url}  # fmt: skip
    clocks = [subprocess.Popen([sys.executable, "-m", "bot", "clock", "--once"], env=env)
              for _ in range(2)]  # fmt: skip
    assert [c.wait(timeout=120) for c in clocks] == [0, 0]
    (post,) = posts(standin)
    assert post["channel"] == "C9" and "Dunedin" in str(post["blocks"])
    with sessions.begin() as session:
        assert session.scalar(select(func.count(models.Digest.id))) == 1
