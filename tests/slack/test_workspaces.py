"""Many workspaces: installs on our engine, per-team tokens, and each team's data its own."""

from __future__ import annotations

import time

import pytest

from bot.app import build_app
from bot.cli import main
from bot.wiring import make_services
from bot.workspaces import installation_store
from tests.slack.conftest import Slack, all_text
from tests.slack.test_forwarding import PASTED, dm, reply


@pytest.fixture
def teams(settings, standin, monkeypatch) -> Slack:
    """OAuth mode (client id and secret, no bot token) with two teams installed by the CLI."""
    oauth = settings.model_copy(update={"slack_bot_token": None, "slack_client_id": "111.222",
                                        "slack_client_secret": "shh"})  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", oauth.database_url)
    monkeypatch.setenv("SLACK_CLIENT_ID", "111.222")
    for team in ("T1", "T2"):
        assert main(["install", "--team-id", team, "--bot-token", f"xoxb-{team}",
                     "--bot-user-id", f"U{team}"]) == 0  # fmt: skip
    slack = Slack(build_app(oauth, make_services(oauth)), standin)
    slack.settings = oauth
    return slack


def test_a_team_sees_its_own_forwards_and_never_another_teams(teams):
    assert teams.event(dm(PASTED), team="T1").status == 200
    answer = reply(teams)
    assert answer["channel"] == "D024BE91L"
    posted = teams.standin.calls_to("chat.postMessage")[-1]
    assert posted.headers["Authorization"] == "Bearer xoxb-T1"  # the team's own token
    assert "Kumamoto" in all_text(teams.answer("Suwon", team="T1")["blocks"])
    other = all_text(teams.answer("Suwon", team="T2")["blocks"])
    assert "Kumamoto" not in other and "no partnerships" in other
    assert "Dunedin" in all_text(teams.answer("Shanghai", team="T2")["blocks"])  # shared corpus


def test_uninstalling_removes_the_installation(teams):
    store = installation_store(
        teams.settings, make_services(teams.settings).lookups.sessions.kw["bind"]
    )
    assert store.find_bot(enterprise_id=None, team_id="T2") is not None
    event = {"type": "app_uninstalled", "event_ts": "1.0"}
    assert teams.event(event, team="T2").status == 200
    deadline = time.monotonic() + 10  # the listener runs after the acknowledgement
    while store.find_bot(enterprise_id=None, team_id="T2") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.find_bot(enterprise_id=None, team_id="T2") is None
    assert store.find_bot(enterprise_id=None, team_id="T1") is not None
