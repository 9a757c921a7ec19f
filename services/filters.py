"""Filters in plain words or as key:value: `sister cities of Shanghai`, `kind:visit year:2024`.

`split_filters` takes the filter words out of what was typed and leaves the place names; a
`Filters` says which links it keeps and, in words, what it understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from store.models import utcnow
from store.results import LinkResult

KIND_WORDS = (  # (pattern, kind), tried in order; whole words only
    (r"sister[- ]?(?:cit(?:y|ies)|states?|provinces?|regions?)?", "sister_city"),
    (r"twin(?:s|ned|ning)?(?: towns?| cit(?:y|ies))?", "sister_city"),
    (r"friendship(?: cit(?:y|ies)| ties)?", "friendship_city"),
    (r"mous?|memorand(?:um|a)s?(?: of understanding)?|agreements?", "mou"),
    (r"trade(?: deals?)?|deals?", "trade_deal"),
    (r"cooperation", "cooperation"),
    (r"visits?|delegations?", "visit"),
)  # fmt: skip
STATUS_WORDS = {"new": "new", "existing": "existing", "in place": "existing",
                "proposed": "proposed", "planned": "proposed", "ended": "ended"}  # fmt: skip
KEYS = {"kind": "kind", "kinds": "kind", "status": "status", "year": "year", "since": "since"}
CONNECTORS = {"of", "with", "for", "in", "from", "and", "all", "between"}  # beside a filter
YEAR = r"(1[89][0-9]{2}|20[0-9]{2})"
KEY_VALUE = re.compile(r"\b([a-z]+):\s*(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class Filters:
    kinds: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    year: int | None = None
    since: int | None = None

    def __bool__(self) -> bool:
        return bool(self.kinds or self.statuses or self.year or self.since)

    def keeps(self, link: LinkResult) -> bool:
        if self.kinds and link.kind not in self.kinds:
            return False
        if self.statuses and link.status not in self.statuses:
            return False
        year = link_year(link)
        if self.year is not None and year != self.year:
            return False
        return self.since is None or (year is not None and year >= self.since)

    def __or__(self, other: Filters) -> Filters:
        """Both filters' words together (a pair's two sides)."""
        return Filters(self.kinds | other.kinds, self.statuses | other.statuses,
                       self.year or other.year, self.since or other.since)  # fmt: skip

    def as_text(self) -> str:
        """The filters as `key:value` words, which `split_filters` reads back the same."""
        words = [f"kind:{k}" for k in sorted(self.kinds)]
        words += [f"status:{s}" for s in sorted(self.statuses)]
        words += [f"year:{self.year}"] if self.year else []
        return " ".join(words + ([f"since:{self.since}"] if self.since else []))

    def describe(self) -> str:
        """'sister city links, proposed, since 2020', as understood."""
        parts = [" or ".join(sorted(k.replace("_", " ") for k in self.kinds))] if self.kinds else []
        parts += [" or ".join(sorted(self.statuses))] if self.statuses else []
        parts += [f"in {self.year}"] if self.year else []
        parts += [f"since {self.since}"] if self.since else []
        return ", ".join(parts)


def link_year(link: LinkResult) -> int | None:
    """The year of a link: its own (signed, began), else the year of its newest news."""
    if link.year is not None:
        return link.year
    return link.news_day.year if link.evidence else None


def _kind(words: str) -> str | None:
    return next((k for pattern, k in KIND_WORDS if re.fullmatch(pattern, words, re.I)), None)


def filter_word(phrase: str) -> tuple[str, object] | None:
    """What a phrase at either end of the text asks for: ("kind", "mou"), ("since", 2020)..."""
    lowered = phrase.lower()
    if (kind := _kind(phrase)) is not None:
        return "kind", kind
    if lowered in STATUS_WORDS:
        return "status", STATUS_WORDS[lowered]
    if lowered == "this year":
        return "since", utcnow().year
    if found := re.fullmatch(rf"since {YEAR}", lowered):
        return "since", int(found.group(1))
    if found := re.fullmatch(rf"(?:in )?{YEAR}", lowered):
        return "year", int(found.group(1))
    return None


def _peel(words: list[str], at_start: bool) -> tuple[int, tuple[str, object]] | None:
    """The longest filter phrase (up to four words) at one end of `words`, and its length."""
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[:n] if at_start else words[-n:])
        found = filter_word(phrase)
        if found is not None:
            return n, found
    return None


def split_filters(text: str, is_place: Callable[[str], bool]) -> tuple[str, Filters, str | None]:
    """(the place words, the filters, a problem with a key:value) from what was typed.

    `key:value` filters are read anywhere; plain filter words only at either end, and only
    until what is left is a place's exact name (`is_place`): "New York sister cities" keeps
    "New York" whole.
    """
    asked: dict[str, set] = {"kind": set(), "status": set(), "year": set(), "since": set()}
    problem = None
    for key, value in KEY_VALUE.findall(text):
        name, value = KEYS.get(key.lower()), value.lower()
        found = filter_word(value.replace("_", " ")) if name in ("kind", "status") else None
        if found and found[0] == name:
            asked[name].add(found[1])
        elif name in ("year", "since") and re.fullmatch(YEAR, value):
            asked[name].add(int(value))
        else:
            problem = f"I don't understand `{key}:{value}`. Try kind:, status:, year: or since:."
    words = KEY_VALUE.sub(" ", text).split()
    while words and not is_place(" ".join(words)):
        at_end = _peel(words, at_start=False)  # "New York sister cities": the end goes first
        peeled = at_end or _peel(words, at_start=True)
        if peeled is None:
            break
        n, (name, value) = peeled
        words = words[:-n] if at_end else words[n:]
        asked[name].add(value)
        while words and words[-1 if at_end else 0].lower() in CONNECTORS:  # "sister cities of"
            words.pop(-1 if at_end else 0)
    year, since = max(asked["year"], default=None), max(asked["since"], default=None)
    filters = Filters(frozenset(asked["kind"]), frozenset(asked["status"]), year, since)
    return " ".join(words), filters, problem
