"""A town's or a region's body named by its acronym: "Sibu Municipal Council (SMC)" makes "SMC"
stand for Sibu, in roles ("SMC chairman") and as a party ("SMC's sister cities are:")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from facts.shapes import Place
from ingest.resolve import Mention
from ingest.sentences import entities

# Words of companies, clubs and international bodies named after a town.
NOT_BODY_WORDS = frozenset(
    {"company", "club", "fc", "football", "bank", "banking", "ltd", "inc", "limited", "holdings"}
)
BODY_ACRONYM = "BODY_ACRONYM"  # the label of an acronym's mention: it names a public body
# Words of the bodies of a town or a region: "Sibu Municipal Council", "Kisumu County Government".
BODY_WORDS = frozenset(
    {"council", "municipal", "municipality", "city", "government", "county", "province"}
    | {"provincial", "prefecture", "prefectural", "chamber", "assembly", "committee"}
    | {"metropolitan"}
)


def acronym_places(doc: Doc, mentions: list[Mention], country_of) -> dict[str, Place]:
    """ "Sibu Municipal Council (SMC)": the place in the name of a town's or a region's own
    body is that of its acronym (keys in lower case); not a company or a club named after a
    town ("Toyota Motor Corporation (TMC)", "Melbourne City FC"), a country's code after a
    council ("Portland City Council (US)"), nor an acronym defined twice."""
    found: dict[str, Place | None] = {}
    for ent in entities(doc):
        after = doc[ent.end : ent.end + 3]
        if ent.label_ != "ORG" or len(after) < 3 or after[0].text != "(" or after[2].text != ")":
            continue
        words = {t.lower_ for t in ent}
        if not words & BODY_WORDS or words & NOT_BODY_WORDS:
            continue
        acronym = after[1].text
        if acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6:
            place = next((m.place for m in mentions if ent.start <= m.span.start < ent.end), None)
            if place is not None and not country_of(acronym):
                key = acronym.lower()
                found[key] = place if found.get(key, place) == place else None
    return {key: place for key, place in found.items() if place is not None}


def acronym_mentions(doc: Doc, acronyms: dict[str, Place]) -> list[Mention]:
    """Each later use of such an acronym ("MBMB's existing sister cities are:"), as a mention
    of its body's place; not the acronym where it is defined, in brackets."""
    return [
        Mention(Span(doc, t.i, t.i + 1, BODY_ACRONYM), acronyms[t.lower_])
        for t in doc
        if t.is_upper and t.lower_ in acronyms and not (t.i > 0 and doc[t.i - 1].text == "(")
    ]
