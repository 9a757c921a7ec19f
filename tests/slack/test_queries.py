"""Countries, regions and filters through `/citylink`, on the bundled corpus and our own facts."""

from __future__ import annotations

import csv
import io

import pytest

from tests.slack.conftest import all_text, buttons, menus


def lines(message: dict) -> list[str]:
    """The partnership lines of an answer."""
    return [b["text"]["text"].split("\n")[0] for b in menus(message["blocks"])]


def test_a_country_card_counts_its_places_links_and_lists_the_newest(slack):
    china = slack.answer("China")
    text = all_text(china["blocks"])
    assert china["blocks"][0]["text"]["text"] == "China"
    assert "*Sister cities*" in text and "*Visits*" in text  # counts by kind and status
    assert "Most connected places" in text and "Shanghai, China" in text
    assert any("Chongqing" in line for line in lines(china))
    assert "Shanghai" in [b["text"]["text"] for b in buttons(china["blocks"])]


def test_two_countries_list_the_links_between_their_places(slack):
    both = lines(slack.answer("China & United States"))
    assert both and all(" \u2192 " in x or " & " in x for x in both)
    assert any("San Francisco" in x for x in both)
    assert not any("Dunedin" in x for x in both)  # New Zealand is neither
    assert any("Dunedin" in x for x in lines(slack.answer("New Zealand & China")))


def test_a_region_covers_its_cities(slack):
    slack.answer("add Chengdu & Dunedin sister city 2012")
    text = all_text(slack.answer("Sichuan")["blocks"])
    assert "Links of places in Sichuan" in text
    assert "Chengdu" in text.split("Links of places in Sichuan")[1]


@pytest.mark.parametrize(
    ("typed", "kept", "dropped"),
    [
        ("sister cities of Shanghai", "since 1994", "memorandums"),
        ("Shanghai mou since 2020", "memorandums", "since 1994"),
        ("proposed Shanghai", "official sister city", "since 1994"),
        ("Dunedin kind:mou", "memorandums", "since 1994"),
        ("China kind:visit year:2024", "Saratoga", "Dunedin"),
    ],
)
def test_filters_in_plain_words_or_as_key_value(slack, typed, kept, dropped):
    answer = slack.answer(typed)
    text = all_text(answer["blocks"])
    assert "Only *" in text
    shown = "\n".join(b["text"]["text"] for b in menus(answer["blocks"]))
    assert kept in shown and dropped not in shown


def test_a_filter_nothing_matches_says_what_it_understood(slack):
    text = all_text(slack.answer("Dunedin ended since 2020")["blocks"])
    assert "Nothing matches *ended, since 2020*" in text


def test_a_filter_word_inside_a_name_is_part_of_the_name(slack):
    assert slack.answer("New York sister cities")["blocks"][0]["text"]["text"] == "New York City"


def test_a_key_it_does_not_know_gets_help(slack):
    assert "kind:, status:, year: or since:" in all_text(slack.answer("Dunedin colour:red")[
        "blocks"])  # fmt: skip


def test_filters_alone_narrow_the_newest_links(slack):
    text = all_text(slack.answer("mou since 2023")["blocks"])
    assert "Only *mou, since 2023*" in text


def test_the_pair_view_lists_twinnings_first(slack):
    shown = lines(slack.answer("Dunedin & Shanghai"))
    kinds = ["sister" in x for x in shown]
    assert kinds[0] and not any(kinds[1:])


def test_a_fuzzy_match_says_what_it_read(slack):
    text = all_text(slack.answer("Chungking")["blocks"])
    assert "Showing Chongqing, China for \u201cChungking\u201d" in text
    assert "Showing" not in all_text(slack.answer("Dunedin, NZ")["blocks"])


def test_the_pair_view_offers_not_this_one_for_either_name(slack):
    pair = slack.answer("Portland & Shanghai")
    others = [b for b in buttons(pair["blocks"]) if b["text"]["text"].startswith("Not this one?")]
    maine = next(b for b in others if "Maine" in b["text"]["text"])
    slack.press(maine)
    card = slack.wait_for("/response/")[-1].params
    assert card["blocks"][0]["text"]["text"] == "Portland & Shanghai"
    assert "Portland, Maine" in all_text(card["blocks"])


def exported(slack, standin, message: dict) -> tuple[list[dict], str]:
    """Press *Export CSV*: the rows of the file uploaded, and what the asker was told."""
    export = next(b for b in buttons(message["blocks"]) if b["text"]["text"] == "Export CSV")
    slack.press(export)
    done = slack.wait_for("files.completeUploadExternal", timeout=30)[-1].params
    body = next(c for c in standin.calls if c.method.startswith("/upload/")).params["_body"]
    said = slack.wait_for("/response/")[-1].params["text"]
    assert done["channel_id"] == "DW111"  # the asker's direct message
    start = body.index(b"place_a,")
    text = body[start:].decode().split("\r\n--")[0]
    return list(csv.DictReader(io.StringIO(text))), said


def test_export_of_a_card_uploads_its_partnerships_as_csv_to_the_asker(slack, standin):
    rows, said = exported(slack, standin, slack.answer("Dunedin"))
    assert "in a direct message" in said
    assert {(r["place_a"], r["place_b"], r["kind"]) for r in rows} >= {
        ("Dunedin", "Shanghai", "visit")}  # fmt: skip
    sister = next(r for r in rows if r["kind"] == "sister_city")
    assert sister["year"] == "1994" and sister["status"] == "existing"
    assert sister["geonameid_a"] and sister["article_title"] and sister["evidence"]
    assert len(rows) == len(menus(slack.answer("Dunedin")["blocks"]))


def test_export_of_a_filtered_answer_keeps_the_filter(slack, standin):
    rows, _ = exported(slack, standin, slack.answer("China kind:visit"))
    assert rows and {r["kind"] for r in rows} == {"visit"}


def test_export_of_a_country_holds_every_link_not_one_page(slack, standin):
    china = slack.answer("China")
    shown = len(menus(china["blocks"]))
    rows, _ = exported(slack, standin, china)
    assert len(rows) > shown and all("CN" in (r["country_a"], r["country_b"]) for r in rows)


def test_export_reads_the_card_by_its_place_not_its_name(slack, standin):
    slack.answer("add Portland, Maine & Dunedin sister city 2001")
    pair = slack.answer("Portland & Dunedin")
    maine = next(b for b in buttons(pair["blocks"]) if "Maine" in b["text"]["text"])
    slack.press(maine)
    card = slack.wait_for("/response/")[-1].params
    rows, _ = exported(slack, standin, card)
    assert [(r["place_a"], r["year"]) for r in rows] in ([("Portland", "2001")],
                                                        [("Dunedin", "2001")])  # fmt: skip
