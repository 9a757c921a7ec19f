"""Header dates and the years a sentence names or implies."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.dates import after_publication, parse_date, published_year, years_in


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
        ("Bulletin of the Chamber | No. 47, October 2023", "2023"),
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
        ("Diplomatic relations began 45 years ago.", []),
        ("2023 marks the 30th anniversary.", [(2023, "explicit"), (1993, "anniversary")]),
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
    sentence = "Sister cities since 1994, they met last year."
    spans = [sentence[y.start : y.end] for y in years_in(sentence, "2024")]
    assert spans == ["since 1994", "last year"]


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
    "sentence",
    [
        "Leeds and Dortmund celebrated 45 years of twinning on Saturday.",
        "The two cities have been sister cities for thirty years.",
        "The mayor arrives on Friday for the 65th anniversary of the link.",
        "The cities twinned two decades ago.",
        "After 15 years, the partnership is thriving.",
    ],
)
def test_approximate_durations_give_no_start_year(sentence):
    assert years_in(sentence, "2025-03-10") == []


@pytest.mark.parametrize(
    ("sentence", "began"),
    [
        ("2025 marks the 40th anniversary of the twinning of Leeds and Dortmund.", 1985),
        ("This year the two cities celebrate the thirtieth anniversary of their pact.", 1995),
        ("In 2024 and 2025, Ghent and Kyoto mark their twenty-fifth anniversary.", 2000),
        ("The 1990 charter reaches its 35th anniversary in 2025.", 1990),
        ("In 2025, Leeds and Dortmund marked 40 years as twin cities.", 1985),
        ("This year the two cities celebrate 30 years of partnership.", 1995),
    ],
)
def test_an_anniversary_in_a_stated_year_gives_the_start(sentence, began):
    assert [y.year for y in years_in(sentence, "2025-03-10") if y.how == "anniversary"] == [began]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The pact was signed in November.", [(2024, "month")]),
        ("The pact was signed on 3 February.", [(2025, "month")]),
        ("The pact was signed on Feb. 3, 2019.", [(2019, "explicit")]),
        ("Delegates may sign in spring.", []),
    ],
)
def test_a_month_without_a_year_is_the_latest_by_publication(sentence, expected):
    assert _years(sentence, "2025-02-12") == expected
    assert [y for y in years_in(sentence, "2025") if y.how == "month"] == []


def test_an_anniversary_years_before_publication_is_not_its_own_date():
    sentence = "The twinning, sealed in 1992, marked its 30th anniversary with a concert."
    assert [y.how for y in years_in(sentence, "2025-03-10")] == ["explicit"]


def test_a_term_still_to_come_is_no_start():
    sentence = "Lyon and Porto renewed their pact to cooperate for 10 years."
    assert years_in(sentence, "2024-03-01") == []


@pytest.mark.parametrize(
    ("sentence", "published", "after"),
    [
        ("The fair runs from September 6-11, 2017.", "2017-05-10", True),
        ("The fair ran from March 6-11, 2017.", "2017-05-10", False),
        ("The fair opens in 2018.", "2017-05-10", True),
        ("The fair opens in September 2017.", "2017", False),
    ],
)
def test_a_year_with_its_month_after_publication(sentence, published, after):
    [year] = [y for y in years_in(sentence, published) if y.how == "explicit"]
    assert after_publication(sentence, year, published) is after
