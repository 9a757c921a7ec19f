"""Dates in news text: header dates (bylines, datelines) and the years a sentence refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1900, 2100

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# A month's name, whole or cut short: "November", "Nov", "Sept".
MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH = rf"(?P<month>{MONTH_WORD})\.?"
MONTH_NAME = re.compile(_MONTH, re.I)  # "Nov", "Nov.", "November"
# The days of the week, and the reported days a news story speaks of ("on Tuesday", "yesterday").
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
LATELY = r"yesterday|today|this (?:morning|afternoon|week)"
# A month name may be glued to a preceding word in scraped headers ("XinhuaNovember 16, 2018").
_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
_YEAR = r"(?P<year>(?:19|20)\d\d|2100)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"{_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(rf"(?<!\d){_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", re.I),
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?!\d)")
# A year alone, or with its month or season, ending a header cell ("No. 47, October 2023",
# "No. 118, Autumn 2016").
_MONTH_OR_SEASON = rf"(?:{MONTH_WORD}|spring|summer|autumn|fall|winter)"
YEAR_ONLY = re.compile(
    rf"^(?:\W*|.*[,–—]\s+(?={_MONTH_OR_SEASON}))(?:{_MONTH_OR_SEASON}\.?\s+)?{_YEAR}\W*$", re.I
)


def published_year(published: str | None) -> int | None:
    """The year of an ISO `YYYY-MM-DD` or `YYYY` publication date."""
    match = re.match(r"\s*(\d{4})", published or "")
    return int(match.group(1)) if match else None


def published_day(published: str | None) -> date | None:
    """The day of an ISO `YYYY-MM-DD` publication date; None for a year alone or none."""
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    """An ISO day, or None when the numbers do not form a real date in range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(value: str) -> int:
    """A month number from digits or an English month name."""
    return int(value) if value.isdigit() else MONTHS[value.lower()[:3]]


def parse_date(text: str) -> str | None:
    """The first full date in a header string as `YYYY-MM-DD`; a lone year as `YYYY`."""
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(int(m["year"]), _month_number(m["month"]), int(m["day"]))
            if iso:
                found.append((m.start(), iso))
                break
    if found:
        return min(found)[1]
    numeric = NUMERIC_DATE.search(text)
    if numeric:
        a, b, year = (int(g) for g in numeric.groups())
        # Day-first and month-first are both common; decide only when one reading is impossible.
        if a > 12 or b > 12:
            return _iso(year, b, a) if a > 12 else _iso(year, a, b)
        return str(year)
    lone = YEAR_ONLY.match(text)
    return lone["year"] if lone else None


@dataclass(frozen=True)
class YearMention:
    """A year a sentence refers to, and how it was stated."""

    start: int
    end: int
    year: int
    how: str  # "explicit" | "since" | "relative" | "month" | "anniversary"


_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_ORDINAL_TENS = {
    "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_TEENS = {"eleventh": 11, "twelfth": 12, "fifteenth": 15}
_ORDINAL = (
    rf"\d{{1,3}}(?:st|nd|rd|th)|(?:(?:{'|'.join(_TENS)})-)?(?:{'|'.join(_ORDINAL_UNITS)})"
    rf"|{'|'.join(_ORDINAL_TENS)}|{'|'.join(_TEENS)}"
)
# "the 30th anniversary", "its fortieth anniversary": how many years a link has lasted. Alone it
# gives no start year (an approximate duration); with the year it falls in, it does.
ANNIVERSARY = re.compile(
    rf"\b({_ORDINAL})(?=((?:\s+(?:and|&)\s+(?:{_ORDINAL}))?\s+anniversar(?:y|ies))\b)", re.I
)
# "marked 30 years as sister cities", "celebrate 30 years of partnership": an anniversary in
# other words (not "marked 20 years in office").
YEARS_MARKED = re.compile(
    r"\b(?:mark|celebrat|commemorat)\w*\s+(\d{1,3})(?=(\s+years?)\s+(?:as\s+(?:sister|twin|"
    r"partner|friendship)|of\s+(?:their\s+|the\s+)?(?:twinning|partnership|friendship|ties|"
    r"cooperation|sisterhood)))",
    re.I,
)
YEAR = re.compile(r"(?<![\d,.$€£¥#])(?:19\d\d|20\d\d|2100)(?![\d%]|[.,]\d|\s*(?:%|per\s?cent))")
SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)
# "in March", "on 7 January", "on Feb 7" without a year: the latest such month by publication.
MONTH_ALONE = re.compile(
    r"\b(?:in|on|since|during|early|late|mid)[\s-]+(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\s+"
    r"(?:of\s+)?)?(?P<month>(?-i:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\b"
    r"(?!\.?\s*[0-3]?\d?(?:st|nd|rd|th)?,?\s*(?:19|20)\d\d)\.?",
    re.I,
)
RELATIVE = re.compile(
    r"(?<!\bthe\s)\b(last|this|next|past|coming)\s+(year|month|week)\b"
    r"|\b(yesterday|today)\b",
    re.I,
)
# After these words four digits are a year whatever follows ("in 2019 officials said").
YEAR_CUE = re.compile(
    rf"\b(?:in|since|by|from|until|till|to|of|during|year|early|late|mid|before|after|through"
    rf"|between|spring|summer|autumn|fall|winter|{_MONTH}|[0-3]?\d,?"
    rf"|(?:19|20)\d\d\s+(?:and|or))[\s-]*$",
    re.I,
)
# Otherwise four digits followed by a counted noun are an amount ("2019 foreign ventures").
COUNTED = re.compile(
    r"(?:\s+(?:[a-z]+\s+)?(?!(?:was|has|is|as|its|this|his|us|plus|thus|versus|marks|sees)\b)[a-z]+s\b"
    r"|\s+(?:[a-z]+\s+)?(?:people|staff|yuan|won|yen|km|kg|ha)\b)"
)
NOT_A_YEAR_CUE = re.compile(r"\b(?:No\.|number|Room|flight|Route|than)\s*$", re.I)
NOT_A_YEAR_AFTER = re.compile(r"s\b|\s*(?:%|per\s?cent|million|billion|thousand)\b", re.I)
PHONE = re.compile(r"(?:\+|\(\d)?[\d()]{1,5}(?:[ -]\(?\d{1,4}\)?){2,}")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_amount(sentence: str, start: int, end: int) -> bool:
    """Whether the four digits at start:end count something rather than name a year."""
    before = sentence[max(0, start - 30) : start]
    if NOT_A_YEAR_CUE.search(before) or NOT_A_YEAR_AFTER.match(sentence, end):
        return True
    return not YEAR_CUE.search(before) and bool(COUNTED.match(sentence, end))


def _in_phone_numbers(sentence: str) -> list[tuple[int, int]]:
    """Spans of digit groups that look like phone numbers (not dates or year ranges)."""
    spans = []
    for m in PHONE.finditer(sentence):
        digits = sum(c.isdigit() for c in m.group())
        if not ISO_DAY.match(m.group()) and (digits >= 9 or m.group()[0] in "+("):
            spans.append(m.span())
    return spans


def _explicit_years(sentence: str) -> list[YearMention]:
    """Four-digit years used as years; `since YYYY` marks a start year."""
    phones = _in_phone_numbers(sentence)
    mentions = []
    for m in YEAR.finditer(sentence):
        start, end = m.span()
        if _is_amount(sentence, start, end) or any(a <= start < b for a, b in phones):
            continue
        since = SINCE.search(sentence[:start])
        how, first = ("since", since.start()) if since else ("explicit", start)
        mentions.append(YearMention(first, end, int(m.group()), how))
    return mentions


def _relative_year(unit: str, which: str, published: str) -> int | None:
    """The year `last/this/next` year, month or week points to from the publication date."""
    year = published_year(published)
    if year is None or which in {"past", "coming"} and unit == "year":
        return None  # "the past year" is a span of time, not a year
    step = {"last": -1, "past": -1, "yesterday": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        return year + step
    day = published_day(published)
    if day is None:
        return year  # without the day, a month or week away stays in the year
    days = {"month": 30, "week": 7, "day": 1}[unit]
    return (day + timedelta(days=step * days)).year


def _relative_years(sentence: str, published: str | None) -> list[YearMention]:
    """`last year`, `this week`... resolved against the publication date."""
    if published_year(published) is None:
        return []
    mentions = []
    for m in RELATIVE.finditer(sentence):
        which, unit = (m[1], m[2]) if m[1] else (m[3], "day")
        resolved = _relative_year(unit.lower(), which.lower(), published)
        if resolved is not None:
            mentions.append(YearMention(m.start(), m.end(), resolved, "relative"))
    return mentions


# "the governor announced on Tuesday", "this week": the day of the news itself.
NEWS_DAY = re.compile(rf"\b(?:{WEEKDAY}|{LATELY})\b", re.I)
# "signed a sister-state agreement with Guangxi in March": the signing's own date, not "drafted
# in March" or "after the floods in July".
SIGNED_THEN = re.compile(r"\b(?:signed|concluded|inked|sealed)\b[^,;.]{0,60}$", re.I)


def earlier_this_year(sentence: str, published: str | None) -> bool:
    """Whether the sentence dates its signing to a month before the publication's, in the same
    year ("In March, Aerodrom signed ...", "signed a letter of intent last month"), and to no
    day of the news ("... announced on Tuesday")."""
    day = published_day(published)
    if day is None or NEWS_DAY.search(sentence):
        return False
    earlier = [m for m in MONTH_ALONE.finditer(sentence) if _month_number(m["month"]) < day.month]
    earlier += [m for m in RELATIVE.finditer(sentence) if (m[1] or "").lower() == "last"
                and m[2].lower() == "month"]  # fmt: skip
    return any(
        not sentence[: m.start()].strip(" \"“‘'") or SIGNED_THEN.search(sentence, 0, m.start())
        for m in earlier
    )


def _months(sentence: str, published: str | None) -> list[YearMention]:
    """ "signed in March": the year of the latest March by the publication day (not after it)."""
    day = published_day(published)
    if day is None:
        return []
    mentions = []
    for m in MONTH_ALONE.finditer(sentence):
        month = _month_number(m["month"])
        year = day.year if month <= day.month else day.year - 1
        mentions.append(YearMention(m.start(), m.end(), year, "month"))
    return mentions


# "September 6-11, 2017", "May 2026": the month a year is given with.
MONTH_OF_YEAR = re.compile(
    rf"{_START}{_MONTH}\s*(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?)?,?\s*$",
    re.I,
)


def after_publication(sentence: str, year: YearMention, published: str | None) -> bool:
    """Whether a stated year (with its month, if any) falls after the publication date."""
    reported = published_year(published)
    if reported is None or year.how != "explicit":
        return False
    if year.year != reported:
        return year.year > reported
    month = MONTH_OF_YEAR.search(sentence, max(0, year.start - 25), year.start)
    day = published_day(published)
    return month is not None and day is not None and _month_number(month["month"]) > day.month


def ordinal_value(word: str) -> int:
    """The number an ordinal names: "30th", "thirtieth", "twenty-fifth"."""
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    tens, _, unit = word.rpartition("-")
    ordinals = _ORDINAL_UNITS | _ORDINAL_TENS | _TEENS
    return _TENS.get(tens, 0) + ordinals[unit]


def _anniversaries(
    sentence: str, dated: list[YearMention], published: str | None
) -> list[YearMention]:
    """ "2022 marks the 30th anniversary": the start year, from the year the anniversary falls in.

    That year is the nearest year the sentence names (not one well before publication, which
    is more likely the start itself); without one the anniversary dates nothing.
    """
    reported = published_year(published)
    mentions = []
    found = [(m, ordinal_value(m[1])) for m in ANNIVERSARY.finditer(sentence)]
    found += [(m, int(m[1])) for m in YEARS_MARKED.finditer(sentence)]
    for m, lasted in found:
        falls_in = [
            y
            for y in dated
            if y.how in {"explicit", "relative"} and (reported is None or y.year >= reported - 1)
        ]
        if not falls_in:
            continue
        end = m.end(2)  # of the word "anniversary" or "years"
        near = min(falls_in, key=lambda y: min(abs(y.start - end), abs(m.start() - y.end)))
        start = near.year - lasted
        if start >= MIN_YEAR:
            span = (min(near.start, m.start()), max(near.end, end))
            mentions.append(YearMention(*span, start, "anniversary"))
    return mentions


def years_in(sentence: str, published: str | None) -> list[YearMention]:
    """The years a sentence names or implies, in order of appearance."""
    mentions = _explicit_years(sentence) + _relative_years(sentence, published)
    mentions += _anniversaries(sentence, mentions, published) + _months(sentence, published)
    return sorted(mentions, key=lambda y: (y.start, y.end))
