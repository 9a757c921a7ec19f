"""Header dates and the years a sentence names or implies."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.dates import parse_date, published_year, years_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xinhua, May 24, 2024", "2024-05-24"),
        ("XinhuaUpdated: November 16, 2018", "2018-11-16"),
        ("April 22, 2024", "2024-04-22"),
        (" date 2019-06-11", "2019-06-11"),
        ("By Jane Doe | The Hindu | 2022-09-14", "2022-09-14"),
        ("Reuters, March 3, 2025", "2025-03-03"),
        ("Published: Sept. 5, 2020 10:42 a.m.", "2020-09-05"),
        ("Fri, 24 May 2024 10:00:00 GMT", "2024-05-24"),
        ("24th of May 2024", "2024-05-24"),
        ("2024-05-24T10:00:00+08:00", "2024-05-24"),
        ("2024/5/4", "2024-05-04"),
        ("2024年5月24日", "2024-05-24"),
        ("13/05/2024", "2024-05-13"),
        ("05/13/2024", "2024-05-13"),
        ("05/06/2024", "2024"),
        ("May 2024", "2024"),
        ("2023", "2023"),
    ],
)
def test_header_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["CHONGQING, May 24 (Xinhua) --", "Feb 30, 2024", "2024-13-01", "The 2023 Forum", "", "x"],
)
def test_no_date(text):
    assert parse_date(text) is None


def test_published_year():
    assert [published_year(p) for p in ("2024-05-24", "2023", None, "")] == [2024, 2023, None, None]


def _years(sentence, published="2024-05-24"):
    return [(y.year, y.how) for y in years_in(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dunedin and Shanghai have been sister cities since 1994.", [(1994, "since")]),
        ("The agreement was signed in 1962 in Tokyo.", [(1962, "explicit")]),
        ("Diplomatic relations began 45 years ago.", [(1979, "ago")]),
        ("The cities twinned two decades ago.", [(2004, "ago")]),
        ("Trade grew last year.", [(2023, "relative")]),
        ("The forum this year drew 48 cities.", [(2024, "relative")]),
        ("A delegation visited this week.", [(2024, "relative")]),
        ("They plan to sign next year.", [(2025, "relative")]),
        ("The 2023 Shanghai Forum opened on Friday.", [(2023, "explicit")]),
        ("Ties grew in the past year.", []),
        ("Over the last year, ties grew.", []),
        ("Some 2,019 people and 2019 delegates attended.", []),
        ("Revenue rose 20 percent in the 1990s.", []),
        ("Call +86 21 6321 2019 for details.", []),
        ("Between 2019 and 2020 exports doubled.", [(2019, "explicit"), (2020, "explicit")]),
    ],
)
def test_years_in_sentences(sentence, expected):
    assert _years(sentence) == expected


def test_relative_years_need_a_publication_date():
    assert _years("Since 1994 and 45 years ago, last year, this week.", None) == [(1994, "since")]


def test_relative_years_from_a_year_only_date():
    assert _years("They met last year.", "2023") == [(2022, "relative")]


def test_last_week_in_early_january_is_the_previous_year():
    assert _years("They met last week.", "2024-01-03") == [(2023, "relative")]


def test_spans_cover_the_phrase():
    sentence = "Sister cities since 1994, they met 45 years ago."
    spans = [sentence[y.start : y.end] for y in years_in(sentence, "2024")]
    assert spans == ["since 1994", "45 years ago"]


@given(st.text(), st.sampled_from([None, "2024-05-24", "2023", "garbage", "2024-99-99"]))
def test_years_in_never_raises_and_spans_are_inside(sentence, published):
    for mention in years_in(sentence, published):
        assert 0 <= mention.start < mention.end <= len(sentence)
        assert 1800 <= mention.year <= 2200


@given(st.text(alphabet="0123456789 ,.-/+()yearsgoinclthwk", max_size=60))
def test_years_in_never_raises_on_number_noise(sentence):
    years_in(sentence, "2024-01-01")


@given(st.text())
def test_parse_date_never_raises(text):
    result = parse_date(text)
    assert result is None or len(result) in (4, 10)


@pytest.mark.parametrize(
    ("sentence", "began"),
    [
        ("Leeds and Dortmund celebrated 45 years of twinning on Saturday.", 1980),
        ("The two cities have been sister cities for thirty years.", 1995),
        ("The mayor arrives in May for the 65th anniversary of the link.", 1960),
    ],
)
def test_how_long_a_link_has_lasted_gives_when_it_began(sentence, began):
    assert [y.year for y in years_in(sentence, "2025-03-10") if y.how == "ago"] == [began]


def test_an_anniversary_without_a_number_gives_no_year():
    assert years_in("They marked an anniversary of friendship.", "2025-03-10") == []


def test_a_term_still_to_come_is_no_start():
    sentence = "Lyon and Porto renewed their pact to cooperate for 10 years."
    assert [y for y in years_in(sentence, "2024-03-01") if y.how == "ago"] == []
