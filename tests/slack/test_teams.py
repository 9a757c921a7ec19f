"""Whose request is it: the installing workspace Bolt reads from the authorization, never the
envelope (Slack Connect), a null `team` (org-wide installs) or the shared corpus."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import select

from bot.simulate import FORM, JSON, dispatch
from store import models
from tests.slack.conftest import PAYLOADS, SECRET, Slack, all_text

# An article of our own, long enough to be read as one when pasted.
ARTICLE = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities."
)


def _authorization(team: str | None, enterprise: str | None = None) -> list[dict]:
    return [{"enterprise_id": enterprise, "team_id": team, "user_id": "UCITYLINK",
             "is_bot": True, "is_enterprise_install": team is None}]  # fmt: skip


def connect_mention(slack: Slack, text: str, *, installing: str, envelope: str):
    """A mention in a Slack Connect channel: the envelope names the other organisation."""
    body = json.loads((PAYLOADS / "event_callback.app_mention.bolt_test.json").read_text())
    body["event"].update(text=f"<@UCITYLINK> {text}", team=envelope, user_team=envelope)
    body.update(team_id=envelope, enterprise_id="EOTHER", event_id=f"Ev{time.time_ns()}",
                authorizations=_authorization(installing), is_ext_shared_channel=True,
                context_team_id=envelope)  # fmt: skip
    return dispatch(slack.app, SECRET, json.dumps(body), JSON)


def shortcut(slack: Slack, text: str, *, team: dict | None, user_team: str | None):
    """The message shortcut; org-wide installs send `"team": null` and the user's team."""
    payload = json.loads((PAYLOADS / "message_action.json").read_text())
    payload.update(
        callback_id="send_to_citylink",
        team=team,
        trigger_id=f"{time.time_ns()}.shortcut",
        response_url=slack.response_url(),
    )
    payload["user"] = {"id": "W111", "team_id": user_team} if user_team else {"id": "W111"}
    payload["message"].update(text=text)
    return dispatch(slack.app, SECRET, urlencode({"payload": json.dumps(payload)}), FORM)


def scopes(services) -> list[str]:
    """The scope of every article forwarded from Slack."""
    with services.lookups.sessions.begin() as session:
        query = select(models.Article.scope).where(models.Article.ingested_via != "bundled")
        return list(session.scalars(query))


def test_a_mention_in_a_slack_connect_channel_is_kept_for_the_installing_team(slack, services):
    assert connect_mention(slack, ARTICLE, installing="T111", envelope="TOTHER").status == 200
    answer = slack.wait_for("chat.postMessage", timeout=30)[0].params
    assert "Learned from" in all_text(answer["blocks"])
    assert scopes(services) == ["T111"]
    assert "Suwon" in all_text(slack.answer("Kumamoto", team="T111")["blocks"])
    assert "Suwon" not in all_text(slack.answer("Kumamoto", team="TOTHER")["blocks"])


def test_a_shortcut_from_an_org_wide_install_is_kept_for_the_users_team(slack, services):
    org = None  # Enterprise Grid org-wide installs send `"team": null` in shortcut payloads
    assert shortcut(slack, ARTICLE, team=org, user_team="T222").status == 200
    slack.wait_for("chat.postMessage", timeout=30)
    assert scopes(services) == ["T222"]


def test_a_forward_naming_only_an_org_is_kept_for_the_org_never_for_everyone(slack, services):
    body = json.loads((PAYLOADS / "message_action.json").read_text())
    body.update(callback_id="send_to_citylink", team=None, enterprise={"id": "E111"},
                trigger_id=f"{time.time_ns()}.org", response_url=slack.response_url(),
                user={"id": "W111"})  # fmt: skip
    body["message"].update(text=ARTICLE)
    form = urlencode({"payload": json.dumps(body)})
    assert dispatch(slack.app, SECRET, form, FORM).status == 200
    slack.wait_for("chat.postMessage", timeout=30)
    assert scopes(services) == ["E111"]


def test_app_home_counts_what_the_installing_team_knows(slack, standin):
    connect_mention(slack, ARTICLE, installing="T111", envelope="TOTHER")
    slack.wait_for("chat.postMessage", timeout=30)

    def home(installing: str) -> str:
        body = json.loads((PAYLOADS / "event_callback.app_mention.bolt_test.json").read_text())
        body.update(event={"type": "app_home_opened", "user": "W111", "channel": "D1",
                           "tab": "home"}, team_id="TOTHER", event_id=f"Ev{time.time_ns()}",
                    authorizations=_authorization(installing))  # fmt: skip
        before = len(standin.calls_to("views.publish"))
        assert dispatch(slack.app, SECRET, json.dumps(body), JSON).status == 200
        published = slack.wait_for("views.publish", before + 1)[-1].params
        return all_text(published["view"]["blocks"])

    assert home("T111") != home("T999")  # the team's own article counts for it alone


def test_a_command_from_enterprise_grid_answers_for_its_workspace(slack):
    slack.answer("help")  # the app is warm
    connect_mention(slack, ARTICLE, installing="T111", envelope="TOTHER")
    slack.wait_for("chat.postMessage", timeout=30)
    fields = dict(parse_qsl((PAYLOADS / "slash_command.form.txt").read_text().strip()))
    fields.update(command="/citylink", text="Kumamoto", response_url=slack.response_url(),
                  team_id="T111", enterprise_id="E111")  # fmt: skip
    response = dispatch(slack.app, SECRET, urlencode(fields), FORM)
    assert "Suwon" in all_text(json.loads(response.body)["blocks"])
