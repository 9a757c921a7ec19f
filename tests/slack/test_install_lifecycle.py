"""What the app asks of a workspace (manifest.yml); uninstalls and revoked tokens in every mode."""

from __future__ import annotations

import logging

import pytest

from bot.app import build_app
from bot.wiring import make_services
from bot.workspaces import BOT_SCOPES, multi_workspace
from tests.slack.conftest import ROOT, Slack

MANIFEST = ROOT / "manifest.yml"
UNUSED = {"im:read", "links:read", "channels:history"}  # nothing calls what these allow
LIFECYCLE = [{"type": "app_uninstalled"},
             {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UCITYLINK"]}}]  # fmt: skip


def manifest_list(*path: str) -> list[str]:
    """The items of the list at `path` in manifest.yml, read by indentation (a plain file: no
    YAML library needed)."""
    found, items = 0, []
    for line in MANIFEST.read_text().splitlines():
        text, indent = line.strip(), len(line) - len(line.lstrip())
        if not text or text.startswith("#"):
            continue
        if found == len(path):
            if indent != 2 * found or not text.startswith("- "):
                break
            items.append(text[2:])
        elif indent == 2 * found and text == f"{path[found]}:":
            found += 1
    return items


def test_installs_ask_for_the_scopes_the_manifest_lists_and_no_unused_ones():
    scopes = manifest_list("oauth_config", "scopes", "bot")
    assert scopes == BOT_SCOPES
    assert "chat:write" in scopes and not UNUSED & set(scopes)


def test_the_manifest_subscribes_to_no_event_the_app_ignores():
    events = manifest_list("settings", "event_subscriptions", "bot_events")
    assert "app_mention" in events and "tokens_revoked" in events
    assert "file_shared" not in events


@pytest.fixture
def oauth_mode(settings, standin) -> Slack:
    """Many workspaces: the app's client id and secret, no single bot token."""
    oauth = settings.model_copy(update={"slack_bot_token": None, "slack_client_id": "111.222",
                                        "slack_client_secret": "shh"})  # fmt: skip
    assert multi_workspace(oauth)
    return Slack(build_app(oauth, make_services(oauth)), standin)


@pytest.mark.parametrize("event", LIFECYCLE, ids=lambda e: e["type"])
def test_one_workspace_acknowledges_an_uninstall_and_logs_it_once(slack, event, caplog):
    with caplog.at_level(logging.INFO, logger="bot.app"):
        response = slack.event({**event, "event_ts": "1700000000.000100"})
    assert response.status == 200  # not 404, which Slack would retry
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.app"]
    assert len(lines) == 1 and f"event {event['type']}" in lines[0], lines


@pytest.mark.parametrize("event", LIFECYCLE, ids=lambda e: e["type"])
def test_many_workspaces_acknowledge_an_uninstall(oauth_mode, event):
    assert oauth_mode.event({**event, "event_ts": "1700000000.000100"}, team="T9").status == 200
