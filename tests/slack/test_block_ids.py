"""Buttons Slack accepts: each with its own action_id, and each still opening what it names."""

from __future__ import annotations

import pytest

from tests.blockkit import payload_problems
from tests.slack.conftest import all_text, buttons


def _replaced(slack) -> dict:
    return slack.wait_for("/response/")[-1].params


@pytest.mark.parametrize("name", ["Portland", "Paris", "Москва"])
def test_namesakes_get_buttons_with_their_own_ids_and_each_opens_its_card(slack, name):
    message = slack.answer(name)
    offered = buttons(message["blocks"])
    others = [b for b in offered if b["text"]["text"].startswith("Not this one? ")]
    assert len(others) >= 2, offered  # the name is shared: the namesakes are offered
    assert payload_problems(message) == []
    assert len({b["action_id"] for b in offered}) == len(offered)
    for count, button in enumerate(others, start=1):
        assert slack.press(button).status == 200
        card = slack.wait_for("/response/", count)[-1].params
        label = button["text"]["text"].removeprefix("Not this one? ").removesuffix(" (region)")
        assert card["replace_original"] is True
        assert label in all_text(card["blocks"]), (label, all_text(card["blocks"]))


def test_a_did_you_mean_row_has_one_id_per_suggestion(slack):
    message = slack.answer("Ocklnd")
    offered = buttons(message["blocks"])
    assert len(offered) >= 3 and payload_problems(message) == []
    assert slack.press(offered[1]).status == 200
    assert "Oakland" in _replaced(slack)["blocks"][0]["text"]["text"]


def test_buttons_on_messages_sent_before_they_were_numbered_still_work(slack):
    offered = buttons(slack.answer("Chongqing")["blocks"])
    key = next(b["value"] for b in offered if b["text"]["text"].startswith("Not this one?"))
    assert slack.press({"action_id": "citylink_show_place", "value": key}).status == 200
    assert "region" in all_text(_replaced(slack)["blocks"])
    share = buttons(slack.answer("Dunedin")["blocks"])[0]
    assert slack.press({"action_id": "citylink_share", "value": share["value"]}).status == 200
    assert "shared by <@W111>" in all_text(_replaced(slack)["blocks"])


def test_the_check_finds_what_slack_refuses():
    """The check the fixtures run on every payload: it fails on the rows buttons once made."""
    row = {"type": "actions", "elements": [
        {"type": "button", "action_id": "citylink_show_place", "value": "a"},
        {"type": "button", "action_id": "citylink_show_place", "value": "b"},
    ]}  # fmt: skip
    assert payload_problems({"blocks": [row]}) == [
        "action_id repeated in block 0: ['citylink_show_place']"
    ]
    twice = [{"type": "divider", "block_id": "x"}, {"type": "divider", "block_id": "x"}]
    assert payload_problems({"view": {"type": "home", "blocks": twice}}) == [
        "block_id repeated in the message: ['x']"
    ]
    assert payload_problems('{"blocks": [{"type": "divider", "block_id": "' + "b" * 256 + '"}]}')
