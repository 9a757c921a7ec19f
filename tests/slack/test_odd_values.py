"""Signed requests with values no button or command of ours would send get a kind answer."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest

from bot.app import SORRY
from bot.simulate import FORM, dispatch
from tests.slack.conftest import PAYLOADS, SECRET, Slack, all_text, buttons, checked
from tests.slack.test_forwarding import PASTED, dm, reply

NO_PAGE = "That page of the card no longer exists"
GONE = "That place is no longer in my gazetteer"


def press(slack: Slack, action: dict, *, drop=(), **fields):
    """A button press as Slack sends it, with `action` over the recorded one's fields, the
    recorded action's `drop` fields left out and the payload's top-level `fields` replaced."""
    payload = json.loads((PAYLOADS / "block_actions.json").read_text())
    recorded = {k: v for k, v in payload["actions"][0].items() if k not in drop}
    payload.update(response_url=slack.response_url(), actions=[{**recorded, **action}])
    payload.update(fields)
    payload = {k: v for k, v in payload.items() if v is not ...}  # `...`: leave the field out
    return checked(dispatch(slack.app, SECRET, urlencode({"payload": json.dumps(payload)}), FORM))


def answered(slack: Slack) -> dict:
    return slack.wait_for("/response/")[-1].params


def place_key(slack: Slack, name: str) -> str:
    share = buttons(slack.answer(name)["blocks"])[0]["value"]  # "place|<key>|<page>"
    return share.split("|")[1]


PAGES = {"5,000 digits": "9" * 5000, "1,000 digits": "9" * 1000, "past the last": "9999",
         "superscript two": "\u00b2", "negative": "-1", "exponent": "1e3", "spaced": " 1",
         "more fields": "1|"}  # fmt: skip


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_a_page_no_card_has_is_answered_kindly(slack, page):
    sent = {"action_id": "citylink_show_page:1", "value": f"{place_key(slack, 'Shanghai')}|{page}"}
    assert press(slack, sent).status == 200
    answer = answered(slack)
    assert NO_PAGE in answer["text"] and answer["replace_original"] is False


def test_the_next_page_still_opens(slack):
    key = place_key(slack, "Shanghai")
    assert press(slack, {"action_id": "citylink_show_page:1", "value": f"{key}|1"}).status == 200
    assert "partnerships 13-" in all_text(answered(slack)["blocks"])


@pytest.mark.parametrize(
    "action",
    [{}, {"value": None}, {"value": 17}, {"value": ["place"]}, {"value": "x" * 5000},
     {"value": "place"}, {"value": "pair|geonames:2191562"}, {"value": "stats"},
     {"value": "place|no-such-key|0"}, {"value": "pair|no-such-key|geonames:2191562"}],
    ids=["no value", "null", "a number", "a list", "long nonsense", "place without key",
         "pair of one", "unknown kind", "unknown place", "unknown pair"],
)  # fmt: skip
def test_a_share_button_with_an_odd_value_is_answered_kindly(slack, action):
    sent = {"action_id": "citylink_share:0", **action}
    assert press(slack, sent, drop=("value",)).status == 200
    answer = answered(slack)
    assert GONE in answer["text"] and answer["response_type"] == "ephemeral"


@pytest.mark.parametrize("action_id", ["citylink_show_place:2", "citylink_show_page:1"])
def test_a_place_button_without_a_value_is_answered_kindly(slack, action_id):
    assert press(slack, {"action_id": action_id}, drop=("value",)).status == 200
    assert GONE in answered(slack)["text"]


def test_a_shared_page_no_card_has_is_answered_kindly(slack):
    key = place_key(slack, "Shanghai")
    sent = {"action_id": "citylink_share:0", "value": f"place|{key}|{'7' * 5000}"}
    assert press(slack, sent).status == 200
    assert NO_PAGE in answered(slack)["text"]


def test_a_share_from_no_one_is_not_posted(slack):
    sent = {"action_id": "citylink_share:0", "value": "latest"}
    assert press(slack, sent, user=...).status == 200
    answer = answered(slack)
    assert GONE in answer["text"] and answer["response_type"] == "ephemeral"


def test_a_press_with_nowhere_to_answer_is_acknowledged_without_an_error(slack, caplog):
    with caplog.at_level(logging.WARNING):
        sent = {"action_id": "citylink_show_place:1", "value": "geonames:2191562"}
        assert press(slack, sent, response_url=...).status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert "nowhere to answer" in caplog.text


def test_an_org_wide_install_press_sees_the_pressers_team(slack):
    """With an org-wide install `team` is null; the team is the presser's, as Bolt reads it."""
    assert slack.event(dm(PASTED), team="T111").status == 200
    reply(slack)
    key = place_key(slack, "Suwon")
    sent = {"action_id": "citylink_show_place:1", "value": key}
    assert press(slack, sent, team=None, user={"id": "W111", "team_id": "T111"}).status == 200
    assert "Kumamoto" in all_text(answered(slack)["blocks"])
    other = {"id": "W222", "team_id": "T222"}
    assert press(slack, sent, team=None, user=other).status == 200
    assert "Kumamoto" not in all_text(answered(slack)["blocks"])


@pytest.mark.parametrize(
    "word",
    ["a" * 300, "../../../../etc/passwd", "/etc/localtime", "Europe/../UTC", "America",
     "zone.tab", "__init__.py", "Europe/Berlin\\", "UTC\u00b2"],
)  # fmt: skip
def test_a_word_that_is_no_time_zone_is_not_understood(slack, word):
    text = all_text(slack.answer(f"subscribe weekly {word}")["blocks"])
    assert "I don't understand \u201c" in text and SORRY not in text
    assert "No channel has a digest" in all_text(slack.answer("subscriptions")["blocks"])


def test_a_time_zone_still_subscribes(slack):
    text = all_text(slack.answer("subscribe daily 07:15 America/Argentina/Buenos_Aires")["blocks"])
    assert "every day at 07:15 (America/Argentina/Buenos_Aires)" in text


def test_too_many_or_too_long_place_names_are_refused_kindly(slack):
    many = ", ".join(["Shanghai"] * 26)
    assert "at most 25 places" in all_text(slack.answer(f"subscribe places: {many}")["blocks"])
    long = all_text(slack.answer("subscribe places: " + "Shanghai" * 400)["blocks"])
    assert "I don't know a place called" in long and len(long) < 2000


def test_a_subscription_from_an_odd_team_id_is_refused_kindly(slack):
    text = all_text(slack.answer("subscribe weekly", team="T" * 65)["blocks"])
    assert "I can only subscribe a channel" in text
