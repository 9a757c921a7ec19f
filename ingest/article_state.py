"""What reading an article carries from sentence to sentence: the parties a sentence names,
what earlier sentences established, and how a sentence points back to a place ("the city")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.hubs import Announced, ListHeader
from ingest.tables import TableHeader
from places.place import Place

# "the city", "the New Zealand city", "its council", "the City Council": a place met before.
ONE_ANAPHORA = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Ii]ts) (?:(?!(?i:city|town|municipal) )"
    r"(?P<adj>[A-Z][\w ]*?) )?"
    r"(?P<noun>city|town|state|province|region|municipality|area|county|prefecture|district|"
    r"oblast|krai|voivodeship|governorate|"
    r"(?i:(?:city |town |municipal )?council))"
    r"\b(?!-| of| in [A-Z]| council| commission| hall| government| officials)"
)
CITY_NOUNS = frozenset({"city", "town", "municipality"})  # the anaphora that stand for a city


# "the county", "the prefecture", "the oblast": only a place the article writes with that word.
NAMED_KIND_NOUNS = frozenset(
    {"county", "prefecture", "oblast", "krai", "voivodeship", "governorate"}
)


def council(noun: str) -> bool:
    """Whether an anaphor's noun is a town's council: "council", "City Council"."""
    return noun.lower().endswith("council")


def anaphor_kind(noun: str) -> str | None:
    """The kind of place an anaphor's noun stands for; "the district" may be a city's (Seoul's
    Mapo-gu) or a region (India's), so either."""
    if noun in CITY_NOUNS or council(noun):
        return "city"
    return None if noun == "district" else "region"


@dataclass
class Party:
    place: Place
    start: int  # character offset in the sentence, for ordering
    via_org: bool = False
    delegation: bool = False  # "the delegation": the visitors met before
    locator: bool = False  # "the capital of X": X only says where another place is


class ArticleState:
    """What earlier sentences established: for anaphora and default event locations."""

    def __init__(self, focus: Place | None, event_place: Place | None, published: str | None):
        self.focus = focus
        self.event_place = event_place
        self.published = published
        self.recent: list[Place] = []  # places named so far, most recent last
        self.last_pair: tuple[Place, Place] | None = None
        self.last_visitors: list[Place] = []
        self.last_host: Place | None = None
        self.speaker_place: Place | None = None
        self.twinned: set[frozenset[str]] = set()  # pairs reported as sister or friendship cities
        self.memoranda: set[frozenset[str]] = set()  # pairs with an agreement of their own
        self.last_kind: str | None = None  # the twinning kind reported last
        self.twinning_said = False  # whether a sentence has spoken of twinning ("12 sister cities")
        self.header: ListHeader | None = None  # the list whose rows the sentences are
        self.table: TableHeader | None = None  # the table of partners whose rows they are
        self.announced: Announced | None = None  # links counted in the sentence before
        self.home: Place | None = None  # the place of the dateline
        self.called: dict[str, set[str]] = {}  # place key -> kind words written with its name
        self.possessor: Place | None = None  # whose sister city the sentence before named
        self.subject: Place | None = None  # the place that was the sentence before's subject

    def last_met(
        self, kind: str | None, excluded: set[str], country: str | None = None, called=None
    ) -> Place | None:
        """The place of this kind (any, for None) named last, none of the `excluded` keys, in
        `country` if one is given, and written with the kind word `called` if one is given."""
        return next(
            (
                p
                for p in reversed(self.recent)
                if kind in (None, p.kind)
                and p.key not in excluded
                and country in (None, p.country)
                and (called is None or called in self.called.get(p.key, ()))
            ),
            None,
        )
