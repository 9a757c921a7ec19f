"""The article's own town or region when its government publishes it ("Mackay Regional Council >
News", "Government of Prince Edward Island | News Release"): its officials, its "Council" and its
lists of partners are that place's."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from facts.shapes import Place
from ingest.resolve import Mention
from ingest.sentences import text_of

# What a town's own council or government is called after: "City Council", "Shire Council".
_GOVERNMENT_OF = r"(?:City|Town|Borough|District|Municipal|County|Metropolitan|Regional|Shire)"
# A place's own government named in an organisation: "Hobart City Council", "Shanghai Municipal
# People's Government", "Mackay Regional Council", "Rajshahi City Corporation", "Bahir Dar City
# Administration".
OWN_GOVERNMENT = re.compile(
    rf"\b(?:{_GOVERNMENT_OF} (?:Council|Government|Assembly|Administration)|City Hall|"
    r"Municipality|"
    r"(?:City|Municipal|Metropolitan) Corporation|People's (?:Government|Committee)|"
    r"Mayor's Office|City Government|(?:Provincial|Prefectural|State) Government|Government of)\b"
)
# The government's words right after its town's name: "Townsville| City Council".
COUNCIL_AFTER_NAME = re.compile(
    rf"\s+(?:{_GOVERNMENT_OF}\s+(?:Council|Government|Administration)|Council|Municipality|"
    r"Administration)\b"
)


# The head word of a town's government: "Gore District Council", "The City of Launceston".
GOVERNMENT_WORDS = frozenset(
    {"council", "city", "town", "municipality", "borough", "government", "corporation"}
)
# A town's government named before its name: "The City of| Launceston".
TOWN_OF = re.compile(r"\b(?:City|Town|Municipality|Borough) of $")
# A region's own government around its name: "Government of| Odisha", "Hainan| Provincial
# Government".
GOVERNMENT_BEFORE_REGION = re.compile(r"\bGovernment of (?:the )?$")
GOVERNMENT_AFTER_REGION = re.compile(r"\s+(?:Provincial|Prefectural|State)?\s*Government\b")


def _header(doc: Doc) -> tuple[int, int]:
    """Where the lines between the headline and the body start and end."""
    text = text_of(doc)
    return text.find("\n"), text.find("\n\n")


def _first_government(
    mentions: list[Mention], start: int, end: int, kind: str, governs
) -> Place | None:
    """The first place of `kind` named between the characters `start` and `end` whose own
    government `governs` finds around its name."""
    return next(
        (
            m.place
            for m in sorted(mentions, key=lambda m: m.span.start)
            if start < m.span.start_char < end and m.place.kind == kind and governs(m.span)
        ),
        None,
    )


def publisher_town(doc: Doc, org_mentions: list[Mention]) -> Place | None:
    """The town whose own government the lines under the headline name, as a council's news
    page does ("Townsville City Council > News"); not a council the headline names."""
    text = text_of(doc)
    first_end, header_end = _header(doc)
    return _first_government(
        org_mentions,
        first_end,
        header_end,
        "city",
        lambda name: (
            COUNCIL_AFTER_NAME.match(text, name.end_char) and not _credited(text, name.start_char)
        ),
    )


# "Republished from the Mekelle City Administration news portal": a line crediting a source, not
# the page's own publisher.
CREDIT = re.compile(
    r"\b(?:republished|reprinted|originally published|source|courtesy|adapted|translated)\b",
    re.I,
)


def _credited(text: str, at: int) -> bool:
    """Whether the line before `at` credits a source."""
    return bool(CREDIT.search(text, text.rfind("\n", 0, at) + 1, at))


def council_town(doc: Doc, mentions: list[Mention]) -> Place | None:
    """The town whose own government the first paragraph names as its subject ("Gore District
    Council has voted", "The City of Launceston has ended"): the article is that town hall's."""
    text = text_of(doc)
    lead_start = _header(doc)[1] + 1
    lead_end = text.find("\n\n", lead_start + 1)
    lead_end = len(text) if lead_end < 0 else lead_end
    return _first_government(
        mentions,
        lead_start,
        lead_end,
        "city",
        lambda name: (
            (
                COUNCIL_AFTER_NAME.match(text, name.end_char)
                or TOWN_OF.search(text, 0, name.start_char)
            )
            and _acts(name)
        ),
    )


def _acts(name: Span) -> bool:
    """Whether the government around the name is the sentence's subject ("Gore District
    Council has voted"), not a guest ("a delegation from the City of Inagawa arrived")."""
    doc = name.doc
    around = doc[max(0, name.start - 2) : min(len(doc), name.end + 3)]
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in GOVERNMENT_WORDS for t in around)


def publisher_region(doc: Doc, mentions: list[Mention]) -> Place | None:
    """The state or province whose own government the lines under the headline name
    ("Government of Odisha | Press Note"): its premier and provincial officers are its."""
    text = text_of(doc)
    first_end, header_end = _header(doc)
    return _first_government(
        mentions,
        first_end,
        header_end,
        "region",
        lambda name: (
            GOVERNMENT_BEFORE_REGION.search(text, 0, name.start_char)
            or GOVERNMENT_AFTER_REGION.match(text, name.end_char)
        ),
    )
