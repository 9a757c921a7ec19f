"""Titles of officials in news text: full, abbreviated ("Gov.", "Cllr") and with portfolios."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ingest.resolve import Mention

TITLE_WORDS = frozenset(
    [
        "mayor",
        "governor",
        "president",
        "minister",
        "secretary",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "manager",
        "officer",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "executive",
        "commissioner",
        "councillor",
        "councilor",
        "ambassador",
        "consul",
        "head",
        "chief",
        "leader",
        "deputy",
        "vice",
        "representative",
        "delegate",
        "founder",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "member",
        "premier",
        "alderman",
        "prefect",
        "magistrate",
        "envoy",
        "dean",
        "professor",
        "chancellor",
        "rector",
        "administrator",
        "coordinator",
        "general",
        "lord",
        "senator",
        "mp",
        "legislator",
        "speaker",
        "principal",
        "provost",
        "counterpart",
    ]
)
# Abbreviated titles of news style ("Gov. Kathy Hochul", "Coun. Ann Lee", "Cllr Tom Hart").
TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "coun": "councillor",
    "cllr": "councillor", "clr": "councillor", "amb": "ambassador", "ald": "alderman",
    "dep": "deputy", "supt": "superintendent", "lt": "lieutenant",
}  # fmt: skip
# Only "Cllr" goes without a dot: a bare "Sen" or "Rep" is a name ("Amartya Sen").
TITLE_WORDS = TITLE_WORDS | {f"{a}." for a in TITLE_ABBREVIATIONS} | {"cllr", "clr"}


def title_start(doc: Doc, end: int) -> int:
    """Where the run of title words ending before `end` starts ("Deputy Mayor", "Coun .")."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if token.lower_ in TITLE_WORDS:
            start -= 1
        elif token.text == "." and start > 1 and doc[start - 2].lower_ in TITLE_ABBREVIATIONS:
            start -= 2  # "Coun. Ann Lee": the tokenizer splits some abbreviations from the dot
        else:
            break
    return start


def role_words(span: Span) -> str:
    """A title as written, abbreviations spelled out: "Gov." -> "governor"."""
    words = [t.lower_.rstrip(".") for t in span if t.text != "."]
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words)


def portfolio_start(doc: Doc, start: int, mentions: list[Mention]) -> int:
    """ "Industries Minister X", "Gujarat industries minister X": the portfolio is the role's."""
    qualifier = start
    while qualifier > 0 and start - qualifier < 2:
        token = doc[qualifier - 1]
        capitalised = token.is_title and token.pos_ in {"NOUN", "PROPN"} and not token.ent_type_
        if token.pos_ != "NOUN" and not capitalised:
            break
        qualifier -= 1
    if any(m.span.end == qualifier for m in mentions):
        return qualifier  # "Gujarat industries minister": the place comes first
    if all(t.is_title for t in doc[qualifier:start]) and doc[start].is_title:
        return qualifier  # "Industries Minister": a capitalised portfolio
    return start


OWNER_WORDS = frozenset({"its", "their", "the", "his", "her"})


def title_before(doc: Doc, comma: int) -> Span | None:
    """The role phrase closed by the comma before a name: "the mayor of Santos, ..."."""
    start, titled = comma, False
    while start > 0 and comma - start < 8:
        token = doc[start - 1]
        if token.is_punct or token.is_space or token.pos_ in {"VERB", "AUX"}:
            break
        if token.ent_type_ == "PERSON" or titled and token.pos_ in {"ADP", "CCONJ", "SCONJ"}:
            break  # "Teixeira and the mayor of Santos, ...", "headed by its mayor, ..."
        titled = titled or token.lower_ in TITLE_WORDS
        start -= 1
    phrase = doc[start:comma]
    titles = [t.i for t in phrase if t.lower_ in TITLE_WORDS]
    if not titles or titles[0] == start:
        return None  # a bare "Mayor, ..." opens nothing
    owner = doc[start : titles[0]]
    owned = all(
        t.lower_ in OWNER_WORDS
        or t.ent_type_
        or t.lower_ in {"'s", "’s", "city", "town"}
        or t.is_title
        for t in owner
    )
    return doc[titles[0] : comma] if owned else None
