"""`/citylink` through the real Bolt app, as a teammate in Slack would use it."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace

from sqlalchemy.orm import sessionmaker

from bot.app import build_app
from bot.wiring import make_services
from services.lookups import LookupService
from store.db import make_engine
from tests.slack.conftest import Slack, all_text, buttons, within_block_kit_limits


def test_a_place_card_lists_partners_people_and_articles(slack):
    message = slack.answer("Chongqing")
    text = all_text(message["blocks"])
    assert message["response_type"] == "ephemeral"
    assert message["blocks"][0]["text"]["text"] == "Chongqing"
    assert "Antioch" in text and "Visits" in text
    assert "mayor of Antioch" in text
    assert "Silicon Valley mayors" in text  # the article
    assert buttons(message["blocks"])[0]["text"]["text"] == "Share to channel"


def test_fuzzy_names_reach_the_same_card(slack):
    for typed in ("Chungking", "chongqin", "CHONGQING", "重庆"):
        assert slack.answer(typed)["blocks"][0]["text"]["text"] == "Chongqing", typed
    assert slack.answer("Dunedin, NZ")["blocks"][0]["text"]["text"] == "Dunedin"
    assert "Shanghai" in slack.answer("上海")["blocks"][0]["text"]["text"]


def test_a_qualified_name_picks_that_place(slack):
    card = all_text(slack.answer("Portland, Maine")["blocks"])
    assert "Maine" in card and "Oregon" not in card.split("Not this one")[0]


def test_a_namesake_offered_instead_says_how_it_differs(slack):
    offered = [b["text"]["text"] for b in buttons(slack.answer("Chongqing")["blocks"])]
    assert "Not this one? Chongqing, China (region)" in offered  # not "Chongqing, China" again


def test_an_unknown_name_gets_suggestions_not_an_error(slack):
    message = slack.answer("Xqzvwk")
    assert "I don't know a place called" in all_text(message["blocks"])
    message = slack.answer("Ocklnd")
    assert "Did you mean" in all_text(message["blocks"])
    offered = [b["text"]["text"] for b in buttons(message["blocks"])]
    assert any(o.startswith("Auckland") for o in offered)
    assert any(o.startswith("Oakland") for o in offered)


def test_empty_text_and_help_explain_the_bot(slack):
    for text in ("", "help", "   "):
        assert "/citylink Chongqing" in all_text(slack.answer(text)["blocks"])


def test_pair_view_shows_what_links_two_places(slack):
    text = all_text(slack.answer("Dunedin &amp; Shanghai")["blocks"])
    assert "sister cities" in text and "since 1994" in text
    assert "Dunedin and Shanghai have been sister" in text


def test_latest_and_stats(slack):
    assert "Newest partnerships" in all_text(slack.answer("latest")["blocks"])
    assert "I know 5 articles" in all_text(slack.answer("stats")["blocks"])


def test_share_posts_the_card_in_the_channel(slack):
    share = buttons(slack.answer("Dunedin")["blocks"])[0]
    assert slack.press(share).status == 200
    posted = slack.wait_for("/response/")[-1].params
    assert posted["response_type"] == "in_channel"
    assert "shared by <@W111>" in all_text(posted["blocks"])
    assert not buttons(posted["blocks"])  # a shared card has no private buttons


def test_a_candidate_button_opens_that_place(slack):
    message = slack.answer("Chongqing")
    other = next(b for b in buttons(message["blocks"]) if b["text"]["text"].startswith("Not this"))
    assert slack.press(other).status == 200
    replaced = slack.wait_for("/response/")[-1].params
    assert replaced["replace_original"] is True
    assert "region" in all_text(replaced["blocks"])


def test_app_home_shows_counts_and_latest(slack):
    event = {"type": "app_home_opened", "user": "W222", "channel": "D111", "tab": "home"}
    assert slack.event(event).status == 200
    view = slack.wait_for("views.publish")[0].params["view"]
    assert view["type"] == "home"
    assert "I know 5 articles" in all_text(view["blocks"])


def test_bad_signature_and_stale_timestamp_are_refused(slack):
    assert slack.command("Chongqing", x_slack_signature="v0=deadbeef").status == 401
    stale = str(int(time.time()) - 600)
    assert slack.command("Chongqing", x_slack_request_timestamp=stale).status == 401


def test_a_long_card_pages_within_block_kit_limits(slack):
    message = slack.answer("Shanghai")
    assert within_block_kit_limits(message)
    more = next(b for b in buttons(message["blocks"]) if b["text"]["text"] == "More partnerships")
    assert slack.press(more).status == 200
    page = slack.wait_for("/response/")[-1].params
    assert within_block_kit_limits(page)
    assert "partnerships 13-" in all_text(page["blocks"])


def test_store_down_gets_a_friendly_answer(settings, services, standin):
    broken = sessionmaker(make_engine("postgresql+psycopg://nobody@127.0.0.1:9/none"))
    down = replace(services, lookups=LookupService(broken, services.lookups.index))
    message = Slack(build_app(settings, down), standin).answer("Chongqing")
    assert "can't reach my knowledge store" in all_text(message["blocks"])


def test_another_worker_answers_with_the_same_card(settings, standin, slack):
    built = slack.answer("Chongqing")
    another = Slack(build_app(settings, make_services(settings)), standin)
    assert another.answer("Chongqing")["blocks"] == built["blocks"]


def test_each_request_is_logged_with_an_id_its_team_and_its_type(slack, caplog):
    with caplog.at_level(logging.INFO, logger="citylink.requests"):
        slack.answer("Dunedin", team="T111")
        slack.answer("Dunedin", team="T111")
    lines = [r.getMessage() for r in caplog.records if r.name == "citylink.requests"]
    assert len(lines) == 2, lines
    assert all(re.fullmatch(r"req=[0-9a-f]{8} team=T111 command /citylink received", x)
               for x in lines), lines  # fmt: skip
    assert lines[0] != lines[1], "each request has its own id"


def test_a_name_of_a_state_and_a_country_asks_which_one(slack):
    message = slack.answer("Georgia")
    assert "Which one?" in all_text(message["blocks"])
    country, state = buttons(message["blocks"])
    assert (country["text"]["text"], state["text"]["text"]) == (
        "Georgia, the country", "Georgia, United States")  # fmt: skip
    slack.press(state)
    card = slack.wait_for("/response/")[-1].params
    assert "region \u00b7 Georgia, United States" in all_text(card["blocks"])
    slack.press(country)
    card = slack.wait_for("/response/", 2)[-1].params
    assert card["blocks"][0]["text"]["text"] == "Georgia"
    assert "country" in all_text(card["blocks"])


def test_a_country_name_offers_its_places(slack):
    message = slack.answer("France")
    assert message["blocks"][0]["text"]["text"] == "France"
    offered = [b["text"]["text"] for b in buttons(message["blocks"])]
    assert any(o.startswith("Paris") for o in offered)


def test_a_district_of_seoul_has_a_card_of_its_own(slack):
    for typed in ("Gangnam-gu", "Gangnam"):
        message = slack.answer(typed)
        assert message["blocks"][0]["text"]["text"] == "Gangnam-gu", typed
        assert "Seoul" in all_text(message["blocks"])
