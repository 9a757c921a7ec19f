"""Tables of partners a page lays out in cells, one partner a row:

    Sister city | Country | Relationship | Established | Status
    Matsue (Shimane) | Japan | Sister city | 1990 | Active

The header row names the columns; each row below it is a tie of the article's own town with
the place in its partner column, of the kind, year and status its cells give (else of the kind
the paragraph over the table names).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span

from facts.shapes import Partnership, Place
from ingest.dates import published_year
from ingest.kinds import KIND_REGEX, MEMORANDUM, TWINNING, TWINNING_KINDS_FIRST
from ingest.sentences import span_text

CELL_BREAK = re.compile(r"\s*(?:\||\t)\s*")
# What each column of a header holds, by the words of its cell.
COLUMN_WORDS = {
    "partner": re.compile(
        r"\b(?:sister|twin|partner|friendship)[\s-]*(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|"
        r"regions?|provinces?|states?)\b|^partners?$",  # "Partner | Country | Type | Year"
        re.I,
    ),
    "kind": re.compile(r"\b(?:relationship|type|kind|status of tie)\b", re.I),
    "year": re.compile(r"\b(?:established|since|year|signed|date|founded)\b", re.I),
    "status": re.compile(r"^status$", re.I),
}
# Not "concluded": in the English of Japanese city halls, a concluded affiliation was signed.
ENDED_CELL = re.compile(r"\b(?:ended|terminated|suspended|dissolved|cancell?ed|lapsed)\b", re.I)
PROPOSED_CELL = re.compile(r"\b(?:proposed|pending|planned|in progress|under discussion)\b", re.I)
YEAR_CELL = re.compile(r"\b(?:19|20)\d\d\b")
# "City | Country | Partner since": a plain place column, in a table another column of which
# says it is about partners (not "City | Venue | Date").
PLACE_COLUMN = re.compile(r"^(?:cit(?:y|ies)|towns?|municipalit(?:y|ies))$", re.I)
ABOUT_PARTNERS = re.compile(r"\b(?:sister|twin(?:ned)?|partner(?:ship)?s?|friendship)\b", re.I)
ROW_KINDS = (*TWINNING_KINDS_FIRST, "mou", "cooperation")  # the kinds a row's cells may name
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class TableHeader(NamedTuple):
    """The columns of a table of partners (column name -> cell index), and whose partners they
    are: the article's own town as the text stands at the header."""

    columns: dict[str, int]
    hub: Place | None = None
    kind: str = "sister_city"  # a row's kind when its cells name none


def cells(text: str) -> list[tuple[int, int]]:
    """Where each cell of a row starts and ends, when the row has at least three."""
    bounds, start = [], 0
    for match in CELL_BREAK.finditer(text.rstrip()):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return bounds if len(bounds) >= 3 else []


def table_header(sent: Span) -> TableHeader | None:
    """A header row naming a partner column ("Sister city", or "City" in a table whose other
    columns speak of partners) and at least one of kind, year or status."""
    text = span_text(sent)
    heads = [text[a:b].strip() for a, b in cells(text)]
    columns = {}
    for i, head in enumerate(heads):
        for name, words in COLUMN_WORDS.items():
            if name not in columns and words.search(head):
                columns[name] = i
                break
    if "partner" not in columns and any(ABOUT_PARTNERS.search(head) for head in heads):
        plain = [i for i, head in enumerate(heads) if PLACE_COLUMN.match(head)]
        columns.update({"partner": plain[0]} if plain else {})
    if "partner" not in columns or len(columns) < 2:
        return None
    return TableHeader(columns, kind=_introduced_kind(sent))


def _introduced_kind(header: Span) -> str:
    """ "The Chamber has memorandums with business organisations in five cities." over a table
    that names no kind: its rows are memorandums (a twinning word there keeps them twinnings)."""
    before = header.doc.text[: header.start_char].rstrip()
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(before)]
    intro = before[breaks[-1] if breaks else 0 :]
    return "mou" if MEMORANDUM.search(intro) and not TWINNING.search(intro) else "sister_city"


def table_partner(
    sent: Span, header: TableHeader, parties, published: str | None
) -> list[Partnership]:
    """The tie a row under `header` gives the header's town: with the first place of its
    partner cell, of the kind its cells name (sister city unless one says otherwise)."""
    text = span_text(sent)
    row = cells(text)
    if len(row) <= max(header.columns.values()):
        return []
    a, b = row[header.columns["partner"]]
    hub = header.hub
    partner = next((p.place for p in parties if a <= p.start < b and p.place != hub), None)
    if partner is None:
        return []
    # "Perth | Kagoshima | 1974": the row names both sides (not "Batam | Batam Traders' Forum")
    other = [
        p.place for p in parties if not a <= p.start < b and not p.locator and p.place != partner
    ]
    hub = other[0] if other else hub

    def cell(name: str) -> str:
        index = header.columns.get(name)
        return text[slice(*row[index])] if index is not None else ""

    described = cell("kind") or text[a:b]
    kind = next((k for k in ROW_KINDS if KIND_REGEX[k].search(described)), None)
    if kind is None and cell("kind").strip():
        return []  # a kind the table names but no twinning or memorandum: not ours to guess
    kind = kind or header.kind
    stated = cell("status") or cell("kind")  # "Sister city (suspended 2022)"
    status = (
        "ended" if ENDED_CELL.search(stated) else "proposed" if PROPOSED_CELL.search(stated)
        else "existing"
    )  # fmt: skip
    year = YEAR_CELL.search(cell("year"))
    status, started = dated_row(status, int(year.group()) if year else None, published)
    return [Partnership(hub, partner, kind, status, text.strip(), started)]


def dated_row(status: str, year: int | None, published: str | None) -> tuple[str, int | None]:
    """A row's status and year: a row dated years before the news is a tie in place already
    (unless ended), one dated the year of the news among ties in place is the news; a proposed
    one has no year."""
    reported = published_year(published)
    if year and reported and year < reported - 1 and status != "ended":
        status = "existing"
    elif year and year == reported and status == "existing":
        status = "new"
    return status, year if status != "proposed" else None
