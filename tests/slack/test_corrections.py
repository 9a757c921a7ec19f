"""Fixing facts where they are read: menus, forms and commands, through signed requests."""

from __future__ import annotations

import pytest

from bot.app import build_app
from bot.wiring import make_services
from tests.slack.conftest import Slack, all_text, buttons, menu_of, menus


def card(slack: Slack, text: str, team: str = "T111") -> list[dict]:
    return slack.answer(text, team=team)["blocks"]


def told(slack: Slack) -> str:
    """What the presser was last told under the message they used."""
    return slack.wait_for("/response/")[-1].params["text"]


def field_of(form: dict, name: str) -> str:
    """The form's place field ("a" or "b") that holds `name`."""
    places = {b["block_id"]: b["element"].get("initial_value") for b in form["blocks"]
              if b.get("block_id") in ("a", "b")}  # fmt: skip
    return next(field for field, value in places.items() if value == name)


def digest_text(slack: Slack, team: str = "T111") -> str:
    slack.answer("subscribe weekly", team=team)
    return all_text(card(slack, "digest", team))


def test_every_partnership_line_has_the_three_fixes(slack):
    blocks = card(slack, "Dunedin")
    assert len(menus(blocks)) >= 3  # sister city, MoU, visit
    labels = [o["text"]["text"] for o in menus(blocks)[0]["accessory"]["options"]]
    assert labels == ["Confirm", "Wrong\u2026", "Edit\u2026"]
    pair = card(slack, "Dunedin & Shanghai")
    assert len(menus(pair)) == len(menus(blocks))
    assert menus(card(slack, "latest"))


def test_confirm_marks_the_fact_for_the_team(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "Shanghai", "since 1994"), "confirm")
    assert "Confirmed for your team" in told(slack)
    line = menu_of(card(slack, "Dunedin"), "Shanghai", "since 1994")
    assert "confirmed by <@W111>" in line["text"]["text"]
    assert "confirm|" not in str(line["accessory"]["options"])  # nothing left to confirm


def test_wrong_hides_the_fact_from_card_pair_view_and_digest(slack):
    memoranda = "signed several memorandums"
    assert memoranda in all_text(card(slack, "Dunedin"))
    before = digest_text(slack).count("memorandum")  # a digest line says the kind
    assert before
    slack.choose(menu_of(card(slack, "Dunedin"), memoranda), "wrong")
    form = slack.opened()
    assert form["callback_id"] == "citylink_correct"
    answer = slack.submit(form, note="Signed by companies, not the cities")
    assert answer["response_action"] == "update"
    assert "Hidden" in all_text(answer["view"]["blocks"])
    assert memoranda not in all_text(card(slack, "Dunedin"))
    assert memoranda not in all_text(card(slack, "Dunedin & Shanghai"))
    assert memoranda not in all_text(card(slack, "latest"))
    assert digest_text(slack).count("memorandum") < before


def test_edit_changes_status_and_year_and_says_who(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "edit")
    answer = slack.submit(slack.opened(), what="change", status="ended", year="2001")
    assert "Saved" in all_text(answer["view"]["blocks"])
    line = menu_of(card(slack, "Dunedin"), "Shanghai", "ended")
    assert "2001" in line["text"]["text"]
    assert "corrected by <@W111>" in line["text"]["text"]


def test_edit_changes_the_kind_and_the_card_files_it_under_that_kind(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "memorandums of understanding"), "edit")
    slack.submit(slack.opened(), what="change", kind="cooperation")
    text = all_text(card(slack, "Dunedin"))
    assert "*Cooperation*" in text and "*Memorandums and agreements*" not in text
    assert text.index("*Cooperation*") < text.index("memorandums of understanding")


def test_edit_moves_a_fact_to_another_place(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "memorandums of understanding"), "edit")
    form = slack.opened()
    slack.submit(form, what="change", **{field_of(form, "Shanghai"): "Christchurch"})
    dunedin = all_text(card(slack, "Dunedin"))
    assert "Christchurch" in dunedin and "corrected by" in dunedin
    assert "memorandums of understanding" in all_text(card(slack, "Christchurch"))
    shanghai = card(slack, "Dunedin & Shanghai")
    assert "memorandums of understanding" not in all_text(shanghai)


def test_edit_turns_a_visit_round(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "\u2192"), "edit")
    form = slack.opened()
    assert any(b.get("block_id") == "direction" for b in form["blocks"])
    slack.submit(form, what="change", direction="reverse")
    assert "*Shanghai* \u2192 *Dunedin*" in all_text(card(slack, "Dunedin"))


@pytest.mark.parametrize(
    ("values", "field", "says"),
    [
        ({"year": "19x4"}, "year", "four digits"),
        ({"year": "1066"}, "year", "between"),
        ({"Shanghai": "Qwzxqy Vvvtt"}, "Shanghai", "don't know a place"),
        ({"Shanghai": "Dunedin"}, "b", "two different places"),
        ({}, "kind", "Nothing changed"),
        ({"kind": "mou"}, "kind", "link already"),  # two facts would become one
    ],
)
def test_a_form_that_cannot_be_saved_says_why_beside_the_field(slack, values, field, says):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "edit")
    form = slack.opened()
    values = {field_of(form, k) if k == "Shanghai" else k: v for k, v in values.items()}
    answer = slack.submit(form, what="change", **values)
    assert answer["response_action"] == "errors"
    assert says in answer["errors"][field_of(form, field) if field == "Shanghai" else field]
    assert "corrected" not in all_text(card(slack, "Dunedin"))  # nothing was kept


def test_one_teams_corrections_never_change_what_another_sees(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "wrong")
    slack.submit(slack.opened())
    slack.answer("add Dunedin & Stirling sister city 1990")
    assert "since 1994" not in all_text(card(slack, "Dunedin"))
    assert "Stirling" in all_text(card(slack, "Dunedin"))
    other = all_text(card(slack, "Dunedin", team="T222"))
    assert "since 1994" in other and "Stirling" not in other


def test_add_by_command_records_who_added_it_and_its_source(slack):
    url = "https://example.org/dunedin-stirling"
    answer = all_text(slack.answer(f"add Dunedin & Stirling sister city 1990 <{url}>")["blocks"])
    assert "Added for your team" in answer
    line = menu_of(card(slack, "Stirling"), "Dunedin")
    assert "since 1990" in line["text"]["text"] and "added by <@" in line["text"]["text"]
    assert url in line["text"]["text"]
    again = all_text(slack.answer("add Dunedin & Stirling sister city")["blocks"])
    assert "already" in again


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("add Dunedin", "two places"),
        ("add Dunedin & Qwzxqy Vvvtt sister city", "don't know"),
        ("add Dunedin & Stirling 1990", "what kind"),
        ("add Dunedin & Stirling mou 1066", "year"),
    ],
)
def test_add_by_command_explains_what_it_could_not_use(slack, text, says):
    assert says in all_text(slack.answer(text)["blocks"])
    assert "Stirling" not in all_text(card(slack, "Dunedin"))


def test_the_add_button_opens_a_form_with_the_cards_place(slack):
    add = next(
        b for b in buttons(card(slack, "Dunedin")) if b["text"]["text"] == "Add a partnership"
    )
    slack.press(add)
    form = slack.opened()
    assert form["callback_id"] == "citylink_add_form"
    missing = slack.submit(form)
    assert set(missing["errors"]) == {"b", "kind"}
    answer = slack.submit(form, b="Edinburgh", kind="friendship_city", year="2015")
    assert answer["response_action"] == "update"
    assert "Edinburgh" in all_text(card(slack, "Dunedin"))


def test_history_lists_evidence_and_corrections_in_time_order(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "edit")
    slack.submit(slack.opened(), what="change", year="1993", note="The council minutes say 1993")
    text = all_text(card(slack, "history Dunedin & Shanghai"))
    assert "have been sister city since 1994" in text
    assert "year 1994 \u2192 1993" in text and "council minutes" in text
    assert text.index("since 1994") < text.index("1994 \u2192 1993")


@pytest.fixture
def doubting(settings, standin) -> Slack:
    """A workspace that wants every extracted link confirmed before it trusts it."""
    strict = settings.model_copy(update={"citylink_confirm_below": 0.99})
    return Slack(build_app(strict, make_services(strict)), standin)


def test_low_confidence_facts_wait_under_unconfirmed_until_someone_confirms(doubting):
    blocks = card(doubting, "Dunedin")
    assert "*Unconfirmed*" in all_text(blocks)
    assert "since 1994" not in digest_text(doubting)
    doubting.choose(menu_of(blocks, "since 1994"), "confirm")
    assert "since 1994" in digest_text(doubting)
    line = menu_of(card(doubting, "Dunedin"), "since 1994")
    trusted = all_text(card(doubting, "Dunedin")).split("*Unconfirmed*")[0]
    assert "since 1994" in trusted and "confirmed by" in line["text"]["text"]


PASTED = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities."
)


def test_a_forwarding_reply_offers_the_same_fixes(slack):
    mention = {"type": "app_mention", "user": "W111", "channel": "C111", "ts": "5.5",
               "text": f"<@W111> {PASTED}"}  # fmt: skip
    assert slack.event(mention).status == 200
    blocks = slack.wait_for("chat.postMessage", timeout=30)[0].params["blocks"]
    assert "sister cities" in all_text(card(slack, "Kumamoto & Suwon"))
    slack.choose(menu_of(blocks, "Suwon", "sister cities"), "wrong")
    slack.submit(slack.opened())
    assert "sister cities" not in all_text(card(slack, "Kumamoto & Suwon"))


def test_a_hidden_fact_can_be_shown_again_from_its_history(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "wrong")
    slack.submit(slack.opened())
    history = card(slack, "history Dunedin & Shanghai")
    assert "since 1994" in all_text(history)  # the evidence stays in the history
    assert "hidden by <@W111>" in all_text(history)
    again = next(b for b in buttons(history) if b["text"]["text"].startswith("Show again"))
    slack.press(again)
    assert "Shown again for your team" in told(slack)
    assert "since 1994" in all_text(card(slack, "Dunedin"))
    assert not [b for b in buttons(card(slack, "history Dunedin & Shanghai"))
                if b["text"]["text"].startswith("Show again")]  # fmt: skip


def test_adding_a_fact_the_team_hid_shows_it_again(slack):
    slack.choose(menu_of(card(slack, "Dunedin"), "since 1994"), "wrong")
    slack.submit(slack.opened())
    answer = all_text(slack.answer("add Dunedin & Shanghai sister city 1994")["blocks"])
    assert "Added for your team" in answer
    assert "since 1994" in all_text(card(slack, "Dunedin"))


def test_add_keeps_names_that_hold_filter_words(slack):
    answer = all_text(slack.answer("add Dunedin & New York sister city 1990")["blocks"])
    assert "Added for your team" in answer and "New York" in answer
    answer = all_text(slack.answer("add Trinidad and Tobago & Dunedin friendship")["blocks"])
    assert "Trinidad and Tobago" in answer or "Added" in answer  # the name was kept whole


def test_history_of_places_nothing_is_known_of_says_so(slack):
    text = all_text(slack.answer("history Stirling & Narni")["blocks"])
    assert "I know nothing of Stirling & Narni yet" in text
