"""Lists of partners: "Bergen is twinned with Rostock and Turku, and it signed a friendship
agreement with Quebec City" links Bergen to each place listed under the kind whose words come
before it; "Its sister cities include ..." lists the partners of the place reported before;
rows under a header ("Bergen – Rostock (Germany), 1990") and agreements counted in one sentence
and named in the next ("two other friendship agreements" ... "agreements with A and B")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Protocol, TypeVar

from spacy.tokens import Span

from facts.shapes import Partnership
from ingest.dates import YEAR, published_year
from ingest.kinds import (
    COUNTED_PARTNERS_AFTER,
    KIND_REGEX,
    MEMORANDUM,
    TWINNING_KINDS,
    TWINNING_KINDS_FIRST,
)
from ingest.resolve import CITY_SUFFIXES, KIND_SUFFIXES
from ingest.sentences import headline_end, span_text, text_of
from ingest.status import (
    OTHERS_ARE,
    PARTNERS_LIST,
    TAKEN_BACK,
    link_status,
    link_year,
    member_years,
)
from ingest.tables import ENDED_CELL, ROW_KINDS, dated_row
from ingest.written import BULLETS, CAPITALISED_WORDS, NAME
from places.names import fold
from places.place import Place

# "Its sister cities include ...", "The town's 7 domestic twin towns are ...", "Their other
# partners are ...": a list whose hub is the place the possessive stands for.
POSSESSIVE_HUB = re.compile(
    r"^\W*(?:Its|Their|(?:The|the) (?P<noun>city|town|municipality|province|"
    r"state|region|prefecture|county)['’]s|(?P<named>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s)"
    r"\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<link>(?:sister|twin|partner|friendship|friendly)[\s-]*(?:cit(?:y|ies)|towns?|states?|"
    r"provinces?|regions?|prefectures?|municipalities)|partners)\b"
)
THEIR = re.compile(r"\W*Their\b")  # "Their sister cities ...": a possessive that may be two's
# "The sister cities of Tartu are ...", "Other twin towns of Lyon, in France, include ...":
# a list whose hub is named after "of".
PARTNERS_OF_NAMED = re.compile(
    r"^\W*(?:(?:The|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<link>(?:sister|twin|partner|friendship|friendly)[\s-]*(?:cit(?:y|ies)|towns?|states?|"
    r"provinces?|regions?|prefectures?|municipalities)|partners)\s+of\s+"
    r"(?:the\s+(?:city|town|province|state)\s+of\s+)?"
    rf"(?P<named>{NAME})(?:,(?:(?! and )[^,;]){{1,40}},)?\s+(?:are|were|include[sd]?)\b"
    # not "are not Portland", "are meeting in Portland", "are expected to send"
    r"(?!\s+(?:not|no|never|set|due|to|\w+ing|\w+ed)\b)"
)
# A row's memorandum by another name (not a bare "agreement signed in 2004" under "Partner towns").
COOPERATION_AGREEMENT = re.compile(r"\b(?:co-?operation|framework) agreements?\b", re.I)
# A header's words for the article's own town: "the agreements of the City remain in force:".
OWN_TOWN = re.compile(r"\bof the (?:City|Town|Municipality)\b(?! of)")
OURS = re.compile(r"\W*our\b", re.I)  # "Our partner cities": the article's own town's
# "- Turin", "• Turin", "3. Turin", "Lyon – Turin", "Lyon - Turin".
# a bulleted row, never a header
BULLET = re.compile(rf"^\s*(?:[{re.escape(''.join(sorted(BULLETS)))}]|\d{{1,3}}[.)])\s+\w")
NUMBERED = re.compile(r"^\s*\(?\d{1,3}[.)]\s")  # "2. ", "3) ": a numbered note
ROW_SHAPE = re.compile(rf"{BULLET.pattern}|\w\s+[-–—]{{1,2}}\s+[A-Z]")
# "Overseas affiliations of Kagawa Prefecture", "International partners of Lyon": a header
# whose rows name each tie's kind (not "Event partners of Auckland Unlimited:").
AFFILIATIONS = re.compile(
    r"\b(?:affiliations|(?:international|overseas|foreign) (?:partners|partnerships|relations))\b",
    re.I,
)
# "now has five exchange partners at home and abroad:": rows that count only where they name
# their kind of tie (not a port's "three partners in Asia:").
COUNTED_PARTNERS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|(?:its|their|our)\s+own|"
    r"the\s+following)\s+(?:[\w-]+\s+){0,2}partners\b[^.:;]{0,40}:\s*$",
    re.I,
)  # "The city of Sikasso has its own partners:" too
# "Cuenca's existing partnerships are:": partners whose rows name the kind of each tie.
PARTNERSHIPS_LISTED = re.compile(
    r"['’]s\s+(?:(?:existing|current|present|international|foreign|overseas|other|official)\s+)"
    r"{0,2}partnerships\s+(?:are|include)?\s*:\s*$",
    re.I,
)
# "has four partner cities:", "Lyon's twin towns are:": a list the next sentence may hold alone.
# "two other friendship agreements": agreements counted here and named in the next sentence.
# "Vinnytsia has other partner cities": ties in place the next sentence may list.
COUNTED_BEFORE = re.compile(
    r"(?:\b(?P<count>two|three|four|five|six|several|\d{1,2})\s+"
    r"(?P<other>other\s+|more\s+|further\s+)?|\b(?P<owned>has|have)\s+(?:also\s+)?other\s+)$",
    re.I,
)
# "Vinnytsia has twin-city and partnership relations with more than 15 cities": ties in place
# counted after their kind (which then reports no link), whose partners a list may name.
TIES_COUNTED = re.compile(rf"(?:\s+and\s+[\w-]+)?{COUNTED_PARTNERS_AFTER.pattern}", re.I)
HAS = re.compile(r"\b(?:has|have|maintains?)\b", re.I)
# "Among them:", "They include:": a line that opens the list of the ties the sentence before
# counted.
LIST_LEAD = re.compile(
    r"\W*(?:among (?:them|these|others)|(?:they|these) (?:include|are)|including)\s*:\s*", re.I
)
# "Here is the current list:", "They are, in order of signing:": a line that only leads into the
# list its header announced.
LIST_LEAD_IN = re.compile(
    r"\b(?:list|as follows|following|here (?:is|are|they are)|in order of)\b[^:]*:\s*$", re.I
)
# "They include the cities of A and B": the words a list may open with before its first name.
LIST_OPENS = re.compile(r"\s*(?:the\s+)?(?:(?:cities|towns|municipalities)\s+of\s+)?", re.I)
# "has other partner cities", "has also other friendship towns": ties the sentence owns
# without naming them (a kind trigger reads no tie there).
OTHER_TIES = re.compile(
    r"\b(?:has|have)\s+(?:also\s+)?other\s+(?P<ties>(?:sister|twin|partner|(?P<friendship>"
    r"friendship))[\s-](?:cit(?:y|ies)|towns?|municipalit(?:y|ies)))\b",
    re.I,
)
# "... agreements with Pechenga and Harbin", "They include A, B and C": the sentence naming them.
NAMED_WITH = re.compile(
    r"\b(?:agreements?|ties|relationships?|links|partnerships?|pacts?|accords?)\s+with\b|"
    r"^\W*(?P<list>They|These|The list|Among them)\s+(?:include[sd]?|are)\b"
    r"(?<!They are)(?<!These are)",
    re.I,
)
REGION_NOUNS = frozenset({"province", "state", "region", "prefecture", "county"})
ROLL_MARKS = frozenset({",", "(", "-", "–", "—"})  # after the name a roll's paragraph opens with
HEADING_WORDS = 6


class Positioned(Protocol):
    start: int  # character offset in the sentence


P = TypeVar("P", bound=Positioned)


def listed_pairs(parties: list[P], triggers: list[int], trigger: int) -> list[tuple[P, P]]:
    """(hub, partner) for each party listed after the trigger at `trigger`, up to the next
    trigger after them, where the hub is the one party named before the sentence's first
    trigger; [] if none is. ("signed a friendship agreement with X": both triggers list X.)"""
    hubs = [p for p in parties if p.start < min(triggers)]
    after = [p for p in parties if p.start >= trigger]
    if len(hubs) != 1 or not after:
        return []
    end = min((t for t in triggers if t > after[0].start), default=None)
    return [(hubs[0], p) for p in after if end is None or p.start < end]


# "With Shimabara, Legazpi now has four sister cities: ...": the newest partner, counted in, and
# reported in a sentence of its own.
COUNTED_IN = re.compile(
    rf"\s*With\s+(?P<names>{CAPITALISED_WORDS}),[^,:;]*?"
    r"\bnow (?:has|counts|boasts|maintains)\b",
    re.I,
)


def without_counted_in(parties: list[P], text: str, state) -> list[P]:
    """The parties of a sentence but the newest partner it counts in ("With Shimabara, ..."),
    when an earlier sentence reported its tie."""
    counted_in = COUNTED_IN.match(text)
    if counted_in is None:
        return parties
    tied = {key for pair in state.twinned for key in pair}
    return [p for p in parties if p.start >= counted_in.end("names") or p.place.key not in tied]


class PossessiveList(NamedTuple):
    """ "The city's sister cities are ...": what the possessive stands for and where its list
    begins."""

    wanted: str | None  # the kind of place ("city", "region"), None for "its"
    partners_only: bool  # "its partners are ...": the kind is the one reported last
    end: int  # where the words naming the link end
    named: tuple[int, int] | None = None  # "Uzhhorod's other partners": where the hub is named
    plural: bool = False  # "Their sister cities ...": may stand for two places
    others: bool = False  # "The others are ...": only a town whose ties the text counts


def possessive_hub(text: str) -> PossessiveList | None:
    """The possessive list a sentence opens with, if any."""
    plural = THEIR.match(text) is not None
    match = POSSESSIVE_HUB.match(text)
    others = OTHERS_ARE.match(text)
    if match is None and others is not None:
        return PossessiveList(None, True, others.end("link"), others=True)
    if match is None:
        of_hub = PARTNERS_OF_NAMED.match(text)
        return of_hub and PossessiveList(
            None,
            of_hub.group("link") == "partners",
            of_hub.end(),
            of_hub.span("named"),
            plural=plural,
        )
    noun = match.group("noun")
    wanted = None if noun is None else "region" if noun in REGION_NOUNS else "city"
    named = match.span("named") if match.group("named") else None
    return PossessiveList(
        wanted, match.group("link") == "partners", match.end(), named, plural=plural
    )


class ListHeader(NamedTuple):
    """A line announcing a list of links ("Twin towns of Lyon:"), for the rows that follow."""

    kind: str
    status: str
    hub: Place | None  # the one place the header names, partner of rows naming one place
    names_next: bool = False  # "... has four partner cities:": the next sentence may be names
    numbered: bool = False  # "2. Ipoh's sister cities are:": the next numbered note ends it
    in_row: bool = False  # the sentence before was in a paragraph a partner's name opens


# "Xihu District, Hangzhou, China: friendship city (2006; exchanges suspended since 2012)":
# a partner's address, a colon and its tie, whatever the brackets after it say.
KIND_ROW = re.compile(r"^\s*[A-Z][^:.;]{0,60}:\s*(?:sister|twin|friendship|partner)[\s-]")


def is_table_row(sent: Span) -> bool:
    """A short line without a verb, a bullet or a dash between names: "Lyon – Turin (Italy),
    1958", "• Turin, Italy (1958)"; or a partner's address and its tie after a colon."""
    text = span_text(sent)
    if KIND_ROW.match(text) and len(sent) <= 28:
        return True
    # "- Qinhuangdao, Hebei Province, People's Republic of China (Friendship City, 1981)": a
    # long bulleted row of names, not "- Also: a cooperation programme with Beirut on ..."
    bulleted = bool(BULLET.match(text))
    row = _before_comment(sent) if bulleted else sent
    lower = sum(t.is_alpha and t.is_lower for t in row)
    return (
        len(row) <= (28 if bulleted and lower <= 3 else 16)
        and bool(ROW_SHAPE.search(text))
        and not any(
            t.pos_ in {"VERB", "AUX"}
            and t.is_alpha
            and not t.ent_type_
            and not (bulleted and t.tag_ == "VBN" and t.dep_ == "acl")
            for t in row
        )
    )  # "Chungcheongnam-do": a verb's tag in a place's name is none, nor on a bullet "•"; a
    # bulleted row's "- Graz (Austria) – friendship agreement signed in 2019" has no verb of its
    # own


def _before_comment(sent: Span) -> Span:
    """A bulleted row before the clause that comments on it: "- Kielce (Poland) – partner city
    since 1995|, the agreement was extended in 2015"."""
    clause = next(
        (
            t.i
            for t in sent
            if t.text == "," and t.i + 1 < sent.end and t.nbor().lower_ in {"the", "which", "it"}
        ),
        sent.end,
    )
    return sent.doc[sent.start : clause]


def _bulleted_line(sent: Span) -> bool:
    """Whether the sentence goes on a bulleted line another sentence opened."""
    text = text_of(sent.doc)
    line = text[text.rfind("\n", 0, sent.start_char) + 1 : sent.start_char]
    return bool(line.strip()) and bool(BULLET.match(line))


def opens_line(sent: Span) -> bool:
    """Whether the sentence is the first of its line."""
    before = text_of(sent.doc)[: sent.start_char].rstrip(" \t")
    return not before or before.endswith("\n")


def roll_row(sent: Span) -> bool:
    """A paragraph of a roll of partners, which opens with the partner's name and a comma, a
    bracket or a dash: "Pirna, Germany (Saxony) – partnership agreement signed in 1994.", or a
    bulleted line too long to be a table's row ("• Puebla, Mexico – friendship agreement,
    signed in 2011;")."""
    if not opens_line(sent):
        return False
    text = span_text(sent)
    if BULLET.match(text) and is_table_row(sent):
        return False
    doc = sent.doc
    start = sent.start_char + row_start(text)
    first = next((s for s in doc.spans["places"] if s.start_char == start), None)
    if first is None or first.end + 1 >= sent.end or doc[first.end].text not in ROLL_MARKS:
        return False
    return doc[first.end].text in ",(" or doc[first.end + 1].is_lower  # not "Lyon – Turin"


def row_start(text: str) -> int:
    """Where a row's first name starts: after its bullet or number, if it has one."""
    bullet = BULLET.match(text)
    return bullet.end() - 1 if bullet else 0


# "Kaliningrad in Russia (since 1992) and ...", "Yeonsu-gu, a district of Incheon, and ..."
LIST_WORDS = frozenset({"and", "in", "since", "a", "of", "district", "ward", "borough"})


def names_only(sent: Span) -> bool:
    """A sentence of place names alone, the rest of a list the sentence before announced:
    "Lviv, Dresden, Guadalajara and Wiesbaden." after "Wrocław has four partner cities:", with
    the countries that locate them and their years ("Kaliningrad in Russia (1992) and ...")."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    doc = sent.doc
    placed = {t.i for s in doc.spans["places"] for t in s}  # not "Contact", a GPE to the model
    countries = {t.i for s in doc.spans["countries"] for t in s}
    return any(t.i in placed for t in words) and all(
        t.lower_ in LIST_WORDS or t.i in placed | countries or YEAR.fullmatch(t.text) for t in words
    )


def is_list_header(sent: Span) -> bool:
    """ "Lyon is twinned with these cities:", "Twin towns of Lyon", "Ended cooperation": a
    line a list follows."""
    text = span_text(sent).rstrip()
    verbs = (t for t in _unbracketed(sent) if t.pos_ in {"VERB", "AUX"})
    return text.endswith(":") or _heading(sent) or next(verbs, None) is None


def _heading(sent: Span) -> bool:
    """A short line of its own without a full stop: "Ended cooperation"."""
    text = span_text(sent).strip()
    after = text_of(sent.doc)[sent.end_char :].lstrip(" \t")
    return (
        opens_line(sent)
        and (not after or span_text(sent).rstrip(" \t").endswith("\n"))
        and not text.endswith((".", "!", "?", '"', "”"))
        and 0 < sum(t.is_alpha for t in _unbracketed(sent)) <= HEADING_WORDS
    )


def _unbracketed(sent: Span) -> Iterator:
    """The sentence's words outside brackets: "PARTNER CITIES (as listed by the council)" is a
    heading of three words, with no verb."""
    text = span_text(sent)
    return (t for t in sent if not _bracketed(text, t.idx - sent.start_char))


class Announced(NamedTuple):
    """ "two other friendship agreements": a kind of link whose partners the next sentence
    names, whether they are ties already in place ("other"), and whose they are when the
    sentence names one place ("Vinnytsia has other partner cities")."""

    kind: str
    in_place: bool
    hub: Place | None = None
    list_only: bool = False  # ties counted, for a list ("Among them:", "They include") to name


def announced(kind: str, trigger_start: int, text: str, parties=()) -> Announced | None:
    """The agreements a trigger counts without naming their partners, if it does."""
    match = COUNTED_BEFORE.search(text, 0, trigger_start)
    if match is None:
        return None
    return Announced(kind, bool(match.group("other") or match.group("owned")), _hub(parties))


def _hub(parties) -> Place | None:
    """The one place a sentence names, if it names one."""
    places = {p.place.key: p.place for p in parties}
    return next(iter(places.values())) if len(places) == 1 else None


def named_with(text: str) -> tuple[int, bool] | None:
    """Where "agreements with ..." or "They include ..." names the partners of announced
    agreements, and whether it is a list that must open with them."""
    match = NAMED_WITH.search(text)
    return (match.end(), match.group("list") is not None) if match else None


def possessive_place(state, listing: PossessiveList, listed: set[str]) -> Place | None:
    """What "its" or "the city's" stands for before a list of partners: the place whose
    sister city the sentence before named ("Iloilo's fifth sister city"); else the hub of the
    link reported last (the article's own place when it is one of that pair), else that place;
    a place already reported twinned, or the article's own place when the article has spoken
    of twinning but reported no link yet; else the place the sentence before was about
    ("Kalmar lies on the Baltic coast. Its sister cities include ..."; not for "Their", which
    may stand for two); else, for "the city's" or "the municipality's", the article's place
    if not one of the `listed` places. "The others are ...": only a place whose tie the text
    reported or whose sister city it named."""
    wanted = listing.wanted
    if state.possessor is not None and wanted in (None, state.possessor.kind):
        return state.possessor  # "Hsinchu will be Iloilo's fifth sister city. Its ..."
    candidates = list(state.last_pair or ())
    if not candidates or state.focus in candidates:
        candidates = [state.focus] if state.focus else []
    twinned = {key for pair in state.twinned for key in pair}
    if state.last_pair is None and state.focus in state.recent and state.twinning_said:
        twinned.add(state.focus.key)  # "Tartu has 12 sister cities. Its partners include ..."
    found = next((p for p in candidates if wanted in (None, p.kind) and p.key in twinned), None)
    if listing.others:  # a tie reported, not only words of twinning ("X's sister city is Y")
        return found if state.last_pair is not None else None
    subject = state.subject
    loose = found is None and not listing.plural
    if loose and subject is not None and wanted in (None, subject.kind):
        return subject
    focus = state.focus  # "The municipality's twin towns are ...": the article's own town
    if found is None and wanted is not None and focus is not None and focus.kind == wanted:
        return focus if focus.key not in listed else None
    return found


# "Iloilo City's fifth international sister city": whose twin the sentence names.
TWIN_POSSESSED = re.compile(
    r"['’]s (?:[\w-]+ ){0,3}?(?:sister|twin|partner|friendship)[\s-]*"
    r"(?:cit(?:y|ies)|towns?|states?|provinces?|prefectures?)\b",
    re.I,
)


# "Dumaguete now has five sister cities": whose ties the sentence counts.
TWINS_COUNTED = re.compile(
    r"\s+(?:now\s+|also\s+)?(?:has|have|counts|boasts|maintains)\s+(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:[\w-]+\s+){0,2}?(?:sister|twin|partner|"
    r"friendship)[\s-]*(?:cit(?:y|ies)|towns?|states?|provinces?|prefectures?)\b",
    re.I,
)


def twin_possessor(text: str, named: list, offset: int) -> Place | None:
    """What "its" or "the others" stands for in the sentence after this one: the place whose
    sister city the sentence names ("Hsinchu will be Iloilo City's fifth sister city"), or
    whose sister cities it counts ("Dumaguete now has five sister cities")."""
    match = TWIN_POSSESSED.search(text) or TWINS_COUNTED.search(text)
    ends = match.start() if match else None
    return next((m.place for m in named if m.span.end_char - offset == ends), None)


def partners_listed(text: str, state, matches: dict) -> dict[str, re.Match]:
    """ "Its other partners are A and B": partners of the kind the article reported last, or
    partner cities when it only spoke of twinning; nothing in an article that never did ("the
    institute's partners include schools in ...")."""
    listing = possessive_hub(text)
    if matches or listing is None or not listing.partners_only or not state.twinning_said:
        return {}
    others = OTHERS_ARE.match(text)  # "The others are ...": the others are the link
    link = re.compile(r"\w+").search(text, others.start("link")) if others else None
    return {state.last_kind or "sister_city": link or re.search(r"\bpartners\b", text)}


def header_ended(header: ListHeader | None, text: str) -> bool:
    """Whether a numbered note ends the list a numbered note announced ("3) Media contact")."""
    return header is not None and header.numbered and bool(NUMBERED.match(text))


def list_header(sent, parties, state, matches, links) -> ListHeader | None:
    """The list a sentence announces ("Lyon's twin towns:", "Lyon is twinned with these
    cities:"), or the one still running through its rows; None after other sentences."""
    text = span_text(sent)
    closed = " and " in text and not text.rstrip().endswith((";", ","))
    if state.header and state.header.names_next and names_only(sent) and closed:
        return None  # "Hiroshima (1997) and Osaka (2010)." ends the names a count announced
    if state.header and (is_table_row(sent) or names_only(sent)):
        return state.header._replace(in_row=False)  # a row, which may name its own kind
    if state.header and roll_row(sent):
        return state.header._replace(in_row=True)
    if state.header and state.header.in_row and not opens_line(sent):
        return state.header  # the rest of a roll's paragraph: "Exchanges of choirs."
    if state.header and _bulleted_line(sent):
        return state.header  # "- Kalisz – partner city since 2001, the agreement was renewed"
    if state.header and not parties and not matches and LIST_LEAD_IN.search(text):
        return state.header  # "Our partner cities" and then "Here is the current list:"
    lead = state.announced and state.announced.in_place and LIST_LEAD.fullmatch(text)
    if lead and state.announced.hub:  # "... with more than 15 cities. Among them:"
        return ListHeader(state.announced.kind, "existing", state.announced.hub)
    affiliations = not matches and AFFILIATIONS.search(text)
    counted = not matches and COUNTED_PARTNERS.search(text)
    counted = counted or set(matches) == {"cooperation"} and PARTNERSHIPS_LISTED.search(text)
    if not matches and not affiliations and not counted:
        return None
    numbered = bool(NUMBERED.match(text)) and text.rstrip().endswith(":")
    if links or not is_list_header(sent) or BULLET.match(text) and not numbered:
        return None  # not "- Shaanxi (Friendship Province, 1994)", but "SEATTLE — Seattle's ..."
    if numbered and not any(k in TWINNING_KINDS for k in matches):
        return None  # a numbered note announces only partners ("2. Ipoh's sister cities are:")
    if affiliations or counted:  # "Overseas affiliations of Kagawa Prefecture": rows name
        # their kinds, or else are twinnings; a count of partners names none (""); the hub is
        # a place the line names ("The city of Sikasso, capital of the region, has its own
        # partners:"), not one an anaphor stands for
        named = [p for p in parties if fold(text[p.start :]).startswith(fold(p.place.name))]
        hubs = list({p.place.key: p.place for p in named}.values())
        kind = "sister_city" if affiliations else ""
        return ListHeader(kind, "existing", hubs[0]) if len(hubs) == 1 else None
    kind = next((k for k in matches if k in TWINNING_KINDS), next(iter(matches)))
    named = without_counted_in(parties, text, state)
    # "PARTNER CITIES (as listed by Fujairah Municipality)": an aside's names are no hub, but
    # "PARTNER CITIES (Kozhikode)" names one
    named = [p for p in named if not _bracketed(text, p.start)] or named
    hubs = list({p.place.key: p.place for p in named}.values())
    status = link_status(text, matches[kind].start(), state.published)
    if status is None:
        return None  # "Rejected sister city applications:": refusals list no links
    listing = PARTNERS_LIST.search(text)  # "... has four partner cities:", names to follow
    names_next = bool(listing) and not text[listing.end() :].strip()
    if status == "ended" and state.header and state.header.in_row and kind not in TWINNING_KINDS:
        kind = state.header.kind  # "Our partner towns ... Ended cooperation": ended twinnings
    hub = hubs[0] if len(hubs) == 1 else None
    # "the agreements of the City remain in force:"; "OUR PARTNER CITIES" in a town's news,
    # not under another town's dateline ("BRISTOL — Bath's twinning association ...")
    if not hubs and OWN_TOWN.search(text):
        hub = _article_town(sent, state)
    elif not hubs and OURS.match(text):
        hub = _own_list_town(sent, state)
    return ListHeader(kind, status, hub, names_next, numbered)


def table_row(sent: Span, parties, state) -> list[Partnership]:
    """A row under a list's header: "Lyon – Turin (Italy), 1958", or "- Turin (Italy), 1958"
    under "Lyon's twin towns:"."""
    header, text = state.header, span_text(sent)
    # "– Guadalajara (Jalisco, Mexico), twinning, 1993": the region in brackets only locates
    outside = [p for p in parties if not _bracketed(text, p.start)] or parties
    places = list({p.place.key: p.place for p in outside}.values())
    if header is not None and header.kind and header.hub and header.names_next and names_only(sent):
        evidence = text.strip()  # "... partner cities:" cut from "Lviv, Dresden."
        named = {p.place.key: p for p in parties if p.place != header.hub and not p.locator}
        partners = sorted(named.values(), key=lambda p: p.start)
        years = member_years(text, [p.start for p in partners]) if len(partners) > 1 else None
        years = years or [link_year(text, "existing", state.published)] * len(partners)
        dated = [dated_row(header.status, year, state.published) for year in years]
        return [
            Partnership(header.hub, p.place, header.kind, status, evidence, year)
            for p, (status, year) in zip(partners, dated, strict=True)
        ]
    if header is not None and roll_row(sent):
        return _roll_partner(sent, parties, header, state)
    if header is None or not is_table_row(sent):
        return []
    hub = None if _names_its_town(text, parties) else header.hub
    if len(places) == 1 and hub is not None and places[0] != hub:
        first = min(p.start for p in parties if p.place == places[0])
        if _unknown_name_before(sent, first):
            return []  # "- Bayanzurkh District, Ulaanbaatar": the partner opens its row
        places = [hub, *places]
    if len(places) != 2:
        return []
    status, year = dated_row(
        _row_status(text, header), link_year(text, "existing", state.published), state.published
    )
    # "- Shaanxi, China (Friendship Province, 1994)"; under "Lyon's partnerships are:" the
    # row's own words
    kind = _own_kind(text) or header.kind or _row_kind(text)
    return [Partnership(places[0], places[1], kind, status, text.strip(), year)] if kind else []


def _row_status(row: str, header: ListHeader) -> str:
    """A row's status: its header's, unless the row says its tie ended ("(suspended 2022)",
    "- Belgorod – twin city since 1990, the agreement was terminated in 2022"), not something
    else ("the student exchange ended in 2019 but the tie continues")."""
    return "ended" if any(_tie_ended(row, m) for m in ENDED_CELL.finditer(row)) else header.status


# What an ending word in a row may follow in its clause: nothing ("(suspended 2022)"), or the
# tie itself ("the agreement was", "it was", "exchanges suspended since 2012").
TIE_SUBJECT = re.compile(
    r"\s*(?:(?:(?:the|this|that|its|our|all)\s+)?(?:[\w-]+\s+)?(?:agreement|tie|twinning|"
    r"partnership|relationship|charter|memorandum|link|friendship|exchanges?|contacts?|"
    r"cooperation|relations)|it)?\s*(?:(?:was|were|is|are|has been|have been|had been)\s+)?"
    r"(?:\w+ly\s+)?",
    re.I,
)
GOES_ON = re.compile(r"\b(?:but|continu\w*|remains?|still)\b", re.I)


def _tie_ended(row: str, ending: re.Match) -> bool:
    """Whether the ending word says the row's tie ended."""
    clause = max(row.rfind(mark, 0, ending.start()) for mark in ",;(–—")
    after = ending.end()
    semicolon = row.find(";", after)  # "...; the town hall was restored" is another clause's
    clause_end = semicolon if semicolon >= 0 else len(row)
    goes_on = GOES_ON.search(row, after) or TAKEN_BACK.search(row, after, clause_end)
    return bool(TIE_SUBJECT.fullmatch(row, clause + 1, ending.start())) and not goes_on


def _own_kind(row: str) -> str | None:
    """The kind a row names whatever its list's header says: a twinning ("Friendship
    Province, 1994") or a memorandum ("Gwadar (Pakistan) – port cooperation memorandum, 2015",
    "Valparaíso (Chile), cooperation agreement, 2001")."""
    twinning = next((k for k in TWINNING_KINDS_FIRST if KIND_REGEX[k].search(row)), None)
    memorandum = MEMORANDUM.search(row) or COOPERATION_AGREEMENT.search(row)
    return twinning or ("mou" if memorandum else None)


def _unknown_name_before(sent: Span, at: int) -> bool:
    """Whether a row names something else before its first place ("- Bayanzurkh District,
    Ulaanbaatar"), not a country or a kind word ("- Japan – Kyoto", "- The town of Heilbronn")."""
    countries = {t.i for s in sent.doc.spans["countries"] for t in s}
    return any(
        t.is_alpha and t.is_title and not t.is_stop and t.i not in countries
        and t.lower_ not in KIND_SUFFIXES
        for t in sent
        if t.idx - sent.start_char < at
    )  # fmt: skip


# A row's bare words for its kind: "Bondoukou (Côte d'Ivoire) - friendship, 2004", "Bordeaux
# (France) - memorandum, 2012", "Niamey (Niger) - trade agreement, 2015".
ROW_WORDS = (
    ("friendship_city", re.compile(r"\bfriendship\b", re.I)),
    ("mou", re.compile(r"\bmemorand|\bmou\b|\bagreement\b", re.I)),
)


def _row_kind(row: str) -> str | None:
    """The kind of tie a row names, in its words or its bare ones ("- friendship, 2004")."""
    named = next((k for k in ROW_KINDS if KIND_REGEX[k].search(row)), None)
    return named or next((k for k, words in ROW_WORDS if words.search(row)), None)


def _roll_partner(sent: Span, parties, header: ListHeader, state) -> list[Partnership]:
    """The tie of a roll's paragraph: the header's place, else the article's own (its dateline's
    or its headline's), with the one partner the paragraph opens with, of the year it gives.

    Only under a heading of ties ("Our partner towns"), or of ties ended ("Ended
    cooperation"), and only a paragraph that speaks of its tie, with a year or a kind of link:
    not "Lyon, France – The mayor announced a budget" under "Twinning news in brief".
    """
    text = span_text(sent)
    row_kind = _row_kind(text)
    if (
        header.kind not in TWINNING_KINDS
        and header.status != "ended"
        and not (
            header.kind == "" and row_kind  # under "... has its own partners:", rows name kinds
        )
    ):
        return []
    if not (YEAR.search(text) or any(k.search(text) for k in KIND_REGEX.values())):
        return []
    if BULLET.match(text) and not row_kind:
        return []  # "• Bamberg, Germany – the mayor opened the spring market in 2024"
    hub = _row_hub(sent, parties, header, state)
    partner = next((p.place for p in parties if p.start == row_start(text)), None)
    towns = {
        p.place.key
        for p in parties
        if p.place.kind == "city" and p.place != hub and not _bracketed(text, p.start)
    }
    if hub is None or partner is None or partner == hub or len(towns) > 1:
        return []  # not "Cardiff, Swansea and Newport.": a row names one partner
    # a twinning or a memorandum the row names, else the header's, else whatever kind it names
    kind = _own_kind(text) or header.kind or row_kind
    year = link_year(text, "existing", state.published) if header.status != "proposed" else None
    reported = published_year(state.published)
    status = _row_status(text, header)
    if status == "new" and year and reported and year < reported:
        status = "existing"  # "Sister cities" lists ties signed long ago
    return [Partnership(hub, partner, kind, status, text.strip(), year)]


def _row_hub(sent: Span, parties, header: ListHeader, state) -> Place | None:
    """Whose partner a row names: its header's place, else the article's own town."""
    if _names_its_town(span_text(sent), parties):
        return None
    return header.hub or _own_list_town(sent, state)


def _names_its_town(row: str, parties) -> bool:
    """Whether a row names its own town in brackets: "- Perpignan, France (linked with
    Lancaster), 1962"."""
    return any(_bracketed(row, p.start) and p.place.kind == "city" for p in parties)


def _own_list_town(sent: Span, state) -> Place | None:
    """The town whose list a heading with no place is ("Our partner cities"): the one the
    article is about and its headline names, where no dateline names another; else its
    dateline's, where no other town was named before ("BRISTOL — Bath's twinning association
    ...")."""
    titled = _titled_town(sent, state)
    if titled is not None and state.home in (None, titled):
        return titled
    towns = {p.key for p in state.recent if p.kind == "city"}
    return state.home if state.home and towns <= {state.home.key} else None


def _article_town(sent: Span, state) -> Place | None:
    """The article's own town: its dateline's, or the one it is about that its headline names."""
    return state.home or _titled_town(sent, state)


def _titled_town(sent: Span, state) -> Place | None:
    """The town the article is about, where its headline names it."""
    doc_text = text_of(sent.doc)
    headline = fold(doc_text[: headline_end(doc_text)])
    return state.focus if state.focus and fold(state.focus.name) in headline else None


def _bracketed(text: str, at: int) -> bool:
    """Whether `at` is inside brackets: "(Lower Saxony, district of Harburg)"."""
    return text.count("(", 0, at) > text.count(")", 0, at)


def announcement(text: str, matches: dict, links: list, parties=()) -> Announced | None:
    """ "it voted on two other friendship agreements", "Vinnytsia has other partner cities":
    counted or owned, not named, in this sentence."""
    if links:
        return None
    twinning = [(k, m) for k, m in matches.items() if k in TWINNING_KINDS]
    if twinning:
        kind, match = twinning[0]
        return announced(kind, match.start(), text, parties) or _ties_counted(text, parties)
    owned = OTHER_TIES.search(text)
    if owned is None:
        return _ties_counted(text, parties)
    kind = "friendship_city" if owned.group("friendship") else "sister_city"
    return announced(kind, owned.start("ties"), text, parties)


def _ties_counted(text: str, parties) -> Announced | None:
    """Ties the town itself has, counted after their kind, for a list to name: "Vinnytsia has
    twin-city relations with more than 15 cities", "has sister and partnership relations with
    12 towns" (not "with 35 foreign partners", which may be firms)."""
    kind = next(
        (
            kind
            for kind in TWINNING_KINDS_FIRST
            for match in KIND_REGEX[kind].finditer(text)
            if (counted := TIES_COUNTED.match(text, match.end()))
            and not counted.group().lower().endswith("partners")
            and HAS.search(text, 0, match.start())
        ),
        None,
    )
    hub = _hub(parties)
    if kind is None or hub is None or not _owner(text, parties, hub):
        return None
    return Announced(kind, True, hub, list_only=True)


# The capitalised words of a name from its first: "Vinnytsia", "Vinnytsia Medical University".
NAME_RUN = re.compile(r"[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+)*")


def _owner(text: str, parties, place: Place) -> bool:
    """Whether the sentence names the place itself before its count, and no organisation or
    region named after it ("Vinnytsia has", not "Vinnytsia Medical University has", "Dnipro
    Oblast has")."""
    start = min(p.start for p in parties if p.place == place)
    run = NAME_RUN.match(text, start)
    has = HAS.search(text, start)
    if run is None or has is None:
        return False
    words = run.group().split()
    while words and words[-1].lower() in CITY_SUFFIXES:
        words.pop()  # "Cebu City has": the town itself
    # not "Vinnytsia and Karmiel have ... between them": one holder
    alone = not re.search(r"\b[A-Z]", text[run.end() : has.start()])
    return len(words) <= len(place.name.split()) and alone


def announced_named(parties, state, text: str) -> list[Partnership]:
    """ "... agreements with Pechenga and Harbin" after "two other friendship agreements": the
    announced kind between the article's place and each place named after "with"."""
    naming = named_with(text) if state.announced else None
    if naming is None or state.announced.list_only and not naming[1]:
        return []  # ties counted are named by a list ("They include ..."), not "... with X"
    start, listed = naming
    named = {p.place.key: p for p in reversed(parties) if p.start >= start}  # first mentions
    first = min((p.start for p in named.values()), default=None)
    if first is None or listed and not LIST_OPENS.fullmatch(text, start, first):
        return []  # not "They include schools in Lyon and Turin"
    partners = {key: p.place for key, p in sorted(named.items(), key=lambda kv: kv[1].start)}
    countries = {p.country for p in partners.values()}
    kind, in_place, hub, _ = state.announced
    if hub is None:  # the pair reported last holds one place foreign to all those named
        hubs = [p for p in state.last_pair or () if p.country not in countries]
        hub = hubs[0] if len(hubs) == 1 else None
    if hub is None or hub.key in partners:
        return []
    status = "existing" if in_place else link_status(text, start, state.published)
    if status is None:
        return []
    starts = [named[key].start for key in partners]
    years = member_years(text, starts) if len(partners) > 1 else None
    years = years or [link_year(text, status, state.published)] * len(partners)
    return [
        Partnership(hub, p, kind, status, text.strip(), year)
        for p, year in zip(partners.values(), years, strict=True)
    ]
