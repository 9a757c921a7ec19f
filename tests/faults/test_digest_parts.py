"""A clock process killed between the parts of a digest: the next one posts only what is left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.standin import WebAPIStandIn
from services.digests import DEFAULTS, LEASE
from services.schedule import Schedule
from store import digests, models
from tests.digests.conftest import posts
from tests.faults.conftest import texts


def clock_process(database_url: str, standin: WebAPIStandIn, log: Path) -> subprocess.Popen:
    """`citylink clock --once`, as the Procfile's clock line runs it, logging to `log`."""
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_API_URL": standin.url}  # fmt: skip
    env.pop("CITYLINK_DIGEST_CHANNEL", None)
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "bot", "clock", "--once"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip


def test_a_clock_killed_between_parts_leaves_each_part_posted_once(
    database_url, sessions, standin, two_part_news, tmp_path
):
    due = Schedule("weekly", 0, "09:00", "UTC").last_due(datetime.now(UTC))
    with sessions.begin() as session:
        digests.subscribe(session, "", "C9", user_id="U1", now=due - timedelta(days=30),
                          **DEFAULTS)  # fmt: skip
    two_part_news(due)
    standin.hang("chat.postMessage", 300, after=1)  # part 2 waits: the kill lands meanwhile
    log = tmp_path / "clock.log"

    first = clock_process(database_url, standin, log)
    deadline = time.monotonic() + 120
    while len(standin.calls_to("chat.postMessage")) < 2:
        assert first.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    assert first.wait(timeout=10) == -signal.SIGKILL
    (posted,) = texts(posts(standin))
    parts = int(posted.removeprefix("Partnership news (1/").removesuffix(")"))
    assert parts >= 2

    with sessions.begin() as session:  # the lease runs out, as if 16 minutes had passed
        claim = session.scalars(select(models.Digest)).one()
        claim.claimed_at -= LEASE + timedelta(minutes=1)
    second = clock_process(database_url, standin, log)
    assert second.wait(timeout=120) == 0, log.read_text()

    assert texts(posts(standin)) == [f"Partnership news ({n}/{parts})" for n in range(1, parts + 1)]
    assert {p["channel"] for p in posts(standin)} == {"C9"}
