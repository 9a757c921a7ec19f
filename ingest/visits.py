"""Visits: who travels (`a`) and who hosts (`b`) in a sentence that reports a trip, a
delegation or a welcome ("a delegation from Yunnan in Colombo", "McAllen welcomed Tampico's
mayor")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from facts.shapes import Partnership, Person, Place
from ingest.article_state import ONE_ANAPHORA, ArticleState, Party, anaphor_kind
from ingest.dates import years_in
from ingest.kinds import AWAITED_IN, VISIT_REGEX
from ingest.names import BODY_HEADS, called_by
from ingest.resolve import Mention
from ingest.sentences import country_spans, country_starts, span_text
from ingest.status import link_year, main_clause_at, visit_status
from ingest.syntax import name_root, subject_verb
from ingest.titles import TITLE_WORDS

EVENT_HEADS = frozenset(
    {"conference", "forum", "meeting", "event", "summit", "expo", "trip", "tour", "visit"}
    | {
        "ceremony",
        "fair",
        "session",
        "workshop",
        "congress",
        "assembly",
        "convention",
        "roundtable",
    }
    | {"festival", "celebration", "gala", "exhibition", "carnival", "opening"}
)
# "a Karnataka government delegation", "delegates from Lviv", "the mayor's delegation".
DELEGATION_LEMMAS = frozenset({"delegation", "delegate", "mission"})
# "a council team", "a group of farmers": people who travel together, as a delegation does.
GROUP_NOUNS = frozenset({"team", "group"})
# "a delegation of", "delegates from the": what a delegation's place follows, however parsed.
DELEGATION_OF = re.compile(r"\bdelegat(?:ion|ions|es) (?:of|from)(?: the)?$", re.I)
NAME_MODIFIERS = frozenset({"compound", "poss", "nmod", "amod"})  # "Cape Town Mayor X hosted"
HOST_PREPOSITIONS = {"in", "to", "at"}
# "arrived on Monday via Hanoi", "travelled via Praia and Lisbon", "stopped over in Doha": a
# stop on the way, before the place and any others listed with it.
TRANSIT_BEFORE = re.compile(
    r"\b(?:via|by way of|stop-?overs? (?:in|at)|stopp(?:ed|ing) over (?:in|at)|"
    r"transit(?:ing)? (?:through|in|at))"
    r"(?:\s+(?-i:[A-Z])[\w'’-]*)*(?:(?:,| and)(?:\s+(?-i:[A-Z])[\w'’-]*)+)*(?:,| and)?$",
    re.I,
)
STOP_VERBS = frozenset({"stop", "transit", "refuel"})  # "stopped in Doha before arriving in Lima"
# "stopped in Doha on its way to Lima": a stop whose trip goes on elsewhere.
ON_THE_WAY = re.compile(r"\s*(?:,\s*)?(?:on (?:its|their|his|her|the) way|en route) to\b", re.I)
DEPARTURE_VERBS = frozenset({"leave", "depart", "head"})
ARRIVAL_VERBS = frozenset({"arrive", "land", "fly"})
# Verbs whose subject does what they complete: "Suzhou agreed to host", "decided to receive".
SUBJECT_CONTROL = frozenset(
    {"agree", "decide", "plan", "offer", "hope", "prepare", "want", "intend", "promise"}
    | {"expect", "aim", "seek", "be", "look"}
)
ONWARD_VERBS = frozenset({"reach", "travel", "continue", "proceed", "drive", "transfer", "go"})
HOSTING_VERBS = frozenset({"host", "receive", "welcome", "invite"})
GUEST_VERBS = HOSTING_VERBS - {"invite"}  # an invitation is no visit yet
SIGNING_VERBS = frozenset({"sign", "ink", "seal", "conclude"})
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "province", "state", "region", "county", "port", "capital"}
)
# A journey the article's own place makes when no one else is named: "the trip to X".
TRIP = re.compile(r"trip|tour|travel", re.I)
TRAVEL_VERBS = frozenset({"visit", "tour", "travel", "arrive"})
# "a visit to a dairy farm": the visit goes to something the sentence names anew, not to the
# host met before.
NEW_DESTINATION = re.compile(r"\s+(?:to|of)\s+(?:a|an)\b", re.I)
# ", where he signed an agreement with", ", where the delegation met": what the visitors did
# there (not ", where Auckland and Guangzhou have been sister cities since 1989").
WHERE_CLAUSE = re.compile(
    r"\s*,\s*where\s+(?:he|she|they|it|the\s+(?:delegation|mayor|governor|group|team|visitors))"
    r"\s+(?:also\s+)?(?:signed|inked|sealed|concluded|met|visited|toured|held|attended|opened)\b",
    re.I,
)
TO_OR_IN = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?", re.I)
# Who a host receives "from" a place: people and delegations, not a forum's speakers.
GUEST_NOUNS = frozenset(
    {"counterpart", "delegation", "delegate", "mayor", "governor", "official", "minister"}
    | {"guest", "visitor", "leader", "president", "chairman", "secretary", "team"}
)


def _kind_noun(token):
    """ "the central province of Nghe An", "the State of Salzburg": the noun the name is the place
    of, standing for it."""
    noun = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and noun.lemma_.lower() in PLACE_NOUNS:
        return noun
    return token


def host_named(named: list[Mention]) -> Place | None:
    """The place a visit in the sentence of `named` goes to: "a tour in Los Angeles", "a visit
    to the province of Nghe An"."""
    on_the_way = None
    for m in named:
        if _moving_on(m.span):
            continue
        root = name_root(m.span)
        head = _kind_noun(root).head
        if _visited(root):
            return m.place
        if head.lower_ == "for" and _departs(head.head):
            return m.place
        if head.lower_ == "to" and head.head.lower_ in {"way", "route"}:
            on_the_way = on_the_way or m.place  # "on its way to Lima", unless a place visited
            continue
        if head.lower_ in HOST_PREPOSITIONS and (
            head.head.pos_ in {"VERB", "AUX"}
            or head.head.lower_ == "due"  # "a delegation is due in Timaru in May"
            or _done_there(head)
            or VISIT_REGEX.search(head.head.text)
            or head.head.lemma_ in EVENT_HEADS | DELEGATION_LEMMAS
            or _delegation_origin(head.head)
            or _venue_of_event(head.head)
            or _delegation_destination(head)
        ):
            return m.place
        if _hosting_subject(m.span):
            return m.place
    return on_the_way


def _departs(verb) -> bool:
    """ "left for Lviv", "headed for Lviv": a verb of setting off (not "the head for Asia")."""
    return verb.pos_ == "VERB" and verb.lemma_ in DEPARTURE_VERBS


def _done_there(preposition) -> bool:
    """ "signed the agreement in Gdansk": the place a signing was done "in" (not "covers
    schools in Gdansk")."""
    thing = preposition.head
    return (
        preposition.lower_ == "in" and thing.dep_ == "dobj" and thing.head.lemma_ in SIGNING_VERBS
    )


def _visited(token) -> bool:
    """ "visited Mosul", "toured the port of Busan", "to tour the harbour, the city of Split and
    ...": what is visited."""
    token = _kind_noun(token)  # "the city of Mosul"
    while token.dep_ in {"conj", "appos"} and token.head != token:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_ in {"visit", "tour"}


def _venue_of_event(token) -> bool:
    """ "met ... at the Blue Palace [in Tunis]": the place of a venue where something happened."""
    happening = token.head.head
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in {"at", "in"}
        and (
            happening.pos_ in {"VERB", "AUX"} or happening.lemma_ in DELEGATION_LEMMAS | EVENT_HEADS
        )
    )


def _delegation_origin(token) -> bool:
    """ "a delegation from Yunnan [in Colombo]": the place a delegation comes from."""
    return (
        token.dep_ in {"pobj", "conj"}
        and token.head.lower_ in {"from", "of"}
        and token.head.head.lemma_ in DELEGATION_LEMMAS
    )


def _delegation_destination(preposition) -> bool:
    """ "a delegation from Padang to Seremban": where a delegation from somewhere goes."""
    origin = preposition.head
    return (
        preposition.lower_ == "to"
        and origin.lower_ == "from"
        and origin.head.lemma_ in DELEGATION_LEMMAS
    )


def _hosting_subject(span: Span) -> bool:
    """ "Cape Town Mayor X hosted a delegation", "Lyon welcomed ...", "Lyon invited ...": the host
    is the subject of hosting, or names it."""
    verb = subject_verb(span.root, NAME_MODIFIERS, 3)
    return verb is not None and verb.lemma_ in HOSTING_VERBS


def _moving_on(span: Span) -> bool:
    """ "before flying to Nairobi", "fly back to Lviv", "return to Tokyo", "arrived in Rome and
    reached the Alto Molise by coach", "stopped over in Doha": not the host."""
    doc = span.doc
    if TRANSIT_BEFORE.search(doc[max(0, span.start - 6) : span.start].text):
        return True
    if ON_THE_WAY.match(doc[span.end : span.end + 5].text):
        return True
    verb = span.root.head.head
    if _stopover(verb):
        return True
    if verb.lemma_ == "return" or any(
        c.lower_ in {"back", "home"} and c.dep_ in {"prt", "advmod"} for c in verb.children
    ):
        return True
    return any(t.dep_ == "mark" and t.lower_ in {"before", "after"} for t in verb.children) or (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in {"before", "after"}
        and not (verb.head.lower_ == "before" and verb.head.head.lemma_ in STOP_VERBS)
    )


def _visit_year(text: str, status: str, published: str | None, start: int) -> int | None:
    """A visit made before the article's event is dated by its own clause ("signed a pact in
    2019, and hosted a delegation last year": last year), else as any link."""
    if status == "proposed":
        return None
    if status == "existing":
        begin, end = main_clause_at(text, start)
        own = [y.year for y in years_in(text, published) if begin <= y.start < end]
        if own:
            return own[0]
    return link_year(text, status, published)


def _stopover(verb) -> bool:
    """ "arrived in Rome ... and reached Agnone", "landed in Madrid and travelled on to Segovia":
    an arrival the trip goes on from."""
    return verb.lemma_ in ARRIVAL_VERBS and any(
        c.dep_ == "conj" and c.lemma_ in ONWARD_VERBS and _onward_place(c) for c in verb.children
    )


def _onward_place(verb) -> bool:
    """Whether the onward verb names a place it goes on to ("reached Segovia", "travelled on to
    Segovia"; not "went on to sign", "drove to the city hall", "travelled back to Omsk")."""
    if any(c.lower_ in {"back", "home"} for c in verb.children):
        return False
    return any(
        (t.ent_type_ in {"GPE", "LOC"} or t.pos_ == "PROPN")
        and (t.head == verb or t.head.lower_ == "to" and t.head.head == verb)
        for t in verb.subtree
    )


def _leaders(sent: Span, placed: list[Person]) -> list[Place]:
    """The places of those who lead a delegation: "X, chairman of Y's council, who is leading a
    delegation", "a delegation led by X", "X led a mission"."""
    found = []
    for verb in sent:
        if verb.lemma_ != "lead":
            continue
        led = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DELEGATION_LEMMAS]
        anchor = None
        if verb.dep_ == "acl" and verb.head.lemma_ in DELEGATION_LEMMAS:
            agents = [c for c in verb.children if c.dep_ == "agent"]
            anchor = next((c for a in agents for c in a.children if c.dep_ == "pobj"), None)
        elif led:
            # "..., who is leading": the person named last before "who"
            anchor = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if anchor is None:
            continue
        at = anchor.idx - sent.start_char
        named = [(span_text(sent).find(p.name), p) for p in placed if p.place]
        before = [(i, p) for i, p in named if 0 <= i <= at]
        if before:
            place = max(before, key=lambda pair: pair[0])[1].place
            found += [place] if place not in found else []
    return found


def _subjects_places(sent: Span, placed: list[Person]) -> list[Place]:
    """ "Nixon left on Monday and has visited Montreal and Ottawa": the places of the people
    who visit, toured or travelled in the sentence."""
    found = []
    for person in placed:
        surnames = called_by(person.name)  # "Mayor Rangel" of "Juan Felipe Rangel Ordóñez"
        if any(t.text in surnames and _visit_subject(t) for t in sent):
            found += [person.place] if person.place not in found else []
    return found


def _visit_subject(token) -> bool:
    """The subject of "visited", or of a verb a visit is coordinated with ("left and visited")."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    awaited = verb.lemma_ == "expect" or any(c.lower_ == "due" for c in verb.children)
    return awaited or any(v.lemma_ in TRAVEL_VERBS for v in verbs)


def _anaphoric_host(
    text: str, parties: list[Party], placed: list[Person], state: ArticleState
) -> Place | None:
    """ "[Bahia's vice-governor] is on a visit to the province": the last place of that kind
    met before that is neither named in the sentence nor the place of someone in it (the
    visitors' own)."""
    own = {p.place.key for p in parties if not ONE_ANAPHORA.match(text, p.start)}
    own |= {p.place.key for p in placed if p.place}
    for match in ONE_ANAPHORA.finditer(text):
        if match.group("adj") or not re.search(r"\b(?:to|in) $", text[: match.start()]):
            continue
        found = state.last_met(anaphor_kind(match.group("noun")), own)
        if found is not None:
            return found
    return None


def _origins(named: list[Mention]) -> list[Place]:
    """Where a delegation comes from: "a Karnataka government delegation", "delegates from A and
    B". The delegation is its region's, even when a city of that region is named beside it."""
    found = []
    for m in named:
        token = _kind_noun(name_root(m.span))  # "a delegation of the Lao province of Xiengkhouang"
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ == "pobj" and token.head.lower_ in {"from", "of"}:
            token = token.head.head
        else:
            for _ in range(3):  # "Karnataka" -> "government" -> "delegation"
                if token.dep_ not in NAME_MODIFIERS or token.lemma_ in DELEGATION_LEMMAS:
                    break
                token = token.head
        doc = m.span.doc
        written = DELEGATION_OF.search(doc[max(0, m.span.start - 6) : m.span.start].text)
        if m.span.end < len(doc) and doc[m.span.end].text in {"'s", "’s"}:
            written = None  # "a delegation of Shanghai's Putuo District": Putuo's
        if (token.lemma_ in DELEGATION_LEMMAS or written) and m.place not in found:
            found.append(m.place)  # written: "a delegation of Binh Dinh province" misparsed
    return found


def _goes_elsewhere(sent: Span, match: re.Match) -> bool:
    """ "a visit to a dairy farm", "a trade mission to Japan": the visit goes to something the
    sentence names anew, not to the host met before."""
    if NEW_DESTINATION.match(match.string, match.end()):
        return True
    after = TO_OR_IN.match(match.string, match.end())
    return after is not None and after.end() in country_starts(sent)


def _named_before(place: Place, named: list[Mention], sent: Span, start: int) -> bool:
    return any(m.place == place and m.span.start_char - sent.start_char < start for m in named)


def _town_where_in_country(sent: Span, match: re.Match, named: list[Mention]) -> Place | None:
    """ "a six-day visit to China, where he signed a friendship agreement with Yangzhou": the
    visit went to the town of that country its "where" clause names."""
    countries = country_spans(sent)
    for trigger in VISIT_REGEX.finditer(match.string, match.start()):
        after = TO_OR_IN.match(match.string, trigger.end())
        country = countries.get(after.end()) if after else None
        if country is not None:
            break
    else:
        return None
    end = country.end_char - sent.start_char
    if not WHERE_CLAUSE.match(match.string, end):
        return None
    return next(
        (
            m.place
            for m in named
            if m.span.start_char - sent.start_char > end and m.place.country == country.label_
        ),
        None,
    )


def _hosts(named: list[Mention], host: Place, any_country: bool = False) -> list[Place]:
    """ "visited Munich and Stuttgart": the host and the places listed with it (in its country,
    unless `any_country`)."""
    roots = {m.span.root.i for m in named if m.place == host}
    found = [host]
    for m in named:
        root = m.span.root
        same_land = any_country or m.place.country == host.country
        if root.dep_ == "conj" and root.head.i in roots and same_land:
            roots.add(root.i)
            found += [m.place] if m.place not in found else []
    return found


@dataclass
class Hosting:
    """ "Arklow councillors hosted delegates from Aberystwyth": who hosted whom, and where the
    hosting verb is in the sentence."""

    host: Place
    guests: list[Place]
    start: int


def find_hosting(sent: Span, mentions: list[Mention], people: list[Person]) -> Hosting | None:
    """The place of the subject of "host", "welcome" or "receive" and the places of its object
    ("McAllen officials welcomed Tampico Mayor Ana Ruiz": Tampico visits McAllen)."""
    for verb in sent:
        if verb.lemma_ not in GUEST_VERBS or verb.pos_ != "VERB":
            continue
        subject = _subject(verb)
        guests = _guests(verb)
        if subject is None or guests is None:
            continue
        if subject.head != verb and not (guests.lemma_ in GUEST_NOUNS or guests.ent_type_):
            continue  # "Riccione will donate boats and host four lifeguards": no delegation
        host = _destination(verb, mentions) or next(
            (m.place for m in mentions if _within(m.span, subject)), None
        )  # "the county's chair welcomed them to Arklow": Arklow hosts
        if host is None:
            continue
        found = [m.place for m in mentions if _within(m.span, guests) or _from(m.span, verb)]
        found += [
            p.place for p in people if any(t.text == p.name.split()[-1] for t in guests.subtree)
        ]
        visitors = [g for g in dict.fromkeys(found) if g.country != host.country]
        if subject.head != verb and not visitors:
            continue  # "travelled to Suzhou and received a delegation of entrepreneurs"
        return Hosting(host, visitors, verb.idx - sent.start_char)
    return None


def _subject(verb):
    """Who hosts: the verb's subject, or that of the verb it is joined to ("Lyon signed ... and
    hosted ..."), the object of the verb it completes ("asked Lleida to host") or the subject
    of one it is looked forward "to" ("The mayor looked forward to receiving ...")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ == "xcomp":  # "asked Lleida to host", "Suzhou agreed to host"
            controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if controller is not None or verb.head.lemma_ not in SUBJECT_CONTROL:
                return controller  # not "Graz helped Maribor host"
        elif verb.dep_ == "pcomp" and verb.head.lower_ == "to":
            verb = verb.head
        elif verb.dep_ != "conj":
            return None
        verb = verb.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head  # "looked forward to": past "to" and "forward"
    return None


def _from(span: Span, verb) -> bool:
    """ "hosted his counterpart from Tianjin", parsed with "from Tianjin" on the verb: the place
    of the guest, when the guest is a person or a delegation."""
    root = span.root
    guest = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "from"
        and root.head.head == verb
        and guest is not None
        and (guest.lemma_ in GUEST_NOUNS or guest.ent_type_ == "PERSON")
    )


def _destination(verb, mentions: list[Mention]) -> Place | None:
    """The place a hosting verb brings its guests "to"."""
    for m in mentions:
        root = m.span.root
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head == verb:
            return m.place
    return None


def _guests(verb):
    """The object of a hosting verb; "welcomed X to sign ..." is parsed with X the subject of
    "sign"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g
        for c in verb.children
        if c.dep_ in {"ccomp", "xcomp"}
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    return objects[0] if objects else None


def _within(span: Span, token) -> bool:
    """Whether the span lies in the subtree of `token`."""
    return token.left_edge.i <= span.start and span.end - 1 <= token.right_edge.i


# "... and then to Tokyo", "on to Osaka": the words before a place a trip goes on to.
DESTINATION_BEFORE = re.compile(r"\b(?:then|on|onward|also) to\s+(?:the\s+)?$", re.I)
# "the Consul General in Guangzhou attended", "the Consul-General of Nigeria in Guangzhou":
# where a diplomat serves, not whence one came.
_DIPLOMAT = r"\b(?:consul(?:[- ]general)?|ambassador|envoy|high commissioner|attach[eé])"
DIPLOMAT = re.compile(_DIPLOMAT, re.I)
POSTED_IN = re.compile(
    rf"{_DIPLOMAT}"
    r"(?:\s+of\s+(?:the\s+)?\w+(?:\s+\w+){0,2})?\s+(?P<prep>in|to)\s*$",
    re.I,
)
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we"})  # "he is due in Lyon", not "it"
# "sees regular school visits", "annual visits": visits of a tie in place, no event.
HABITUAL_BEFORE = re.compile(
    r"\b(?:regular|regularly|frequent|annual|yearly|reciprocal|mutual|occasional|routine)"
    r"(?:\s+[a-z]+)?\s+$",
    re.I,
)
# "a delegation came here in 2023": the article's own town hosted it.
HERE = re.compile(r"\b(?:came|come|comes|coming|arrived|arrives|arriving|visited) here\b", re.I)


def _habitual(match: re.Match) -> bool:
    """ "regular school visits", "annual visits": visits that recur, not one that happened."""
    before = match.string[: match.start()]
    return match.group().lower() == "visits" and bool(HABITUAL_BEFORE.search(before))


# "During the visit, ...", "Within the framework of the visit, ...": the visit reported before.
VISIT_RECALLED = re.compile(
    r"\b(?:during|within the framework of|as part of|on the sidelines of|in the course of)\s+"
    r"(?:the|this)\s+$",
    re.I,
)


def _recalled(match: re.Match) -> bool:
    """Whether the visit is one met before, in an opening phrase: "During the visit, companies
    of A and B signed ..." names no visit between A and B."""
    text = match.string
    return bool(VISIT_RECALLED.search(text, 0, match.start())) and text.startswith(",", match.end())


# Crowds that visit a place on their own: no one's delegation.
CROWDS = frozenset(
    {"tourist", "visitor", "traveller", "traveler", "pilgrim", "holidaymaker", "passenger"}
    | {"fan", "spectator", "backpacker", "sightseer", "vacationer"}
)


def _crowd_visits(sent: Span, match: re.Match) -> bool:
    """Whether the visit's subject is a crowd and no one else: "tourists visited the region"
    (not "fans and officials from Liverpool", "visitors from the Osaka city assembly",
    "passengers, among them the mayor")."""
    word = sent.char_span(match.start(), match.end())
    subject = next((c for c in word.root.children if c.dep_ == "nsubj"), None) if word else None
    if subject is None or subject.lemma_.lower() not in CROWDS:
        return False
    return not any(
        t.lemma_.lower() in GUEST_NOUNS - {"visitor", "guest"}
        or t.lower_ in BODY_HEADS
        or t.ent_type_ in {"PERSON", "ORG"}
        or t.dep_ == "conj"
        for t in subject.subtree
    )


def _awaited_guest(sent: Span, match: re.Match) -> bool:
    """ "Diagne is expected in La Rochelle", "the delegation is due in Timaru": someone is
    awaited (not "Growth is expected in Lyon"); any other trigger passes."""
    if not AWAITED_IN.fullmatch(match.group()):
        return True
    word = sent.char_span(match.start(), match.start() + len(match.group().split()[0]))
    if word is None or word.end >= len(sent.doc):
        return False
    verbs = (word.root, word.root.nbor())  # "is" (due) or "expected", not a verb they report to
    subjects = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        s.ent_type_ == "PERSON" or s.lemma_ in GUEST_NOUNS or s.lower_ in PERSONAL_PRONOUNS
        for s in subjects
    )


CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis"})


def _without_clauses(token) -> list:
    """A noun's phrase without the clauses on it: "the mayor of Erding" of "the mayor of
    Erding, who said the town would ..."."""
    found = [token]
    for child in token.children:
        if child.dep_ not in CLAUSES:
            found += _without_clauses(child)
    return found


def _attendees_places(
    sent: Span, match: re.Match, named: list[Mention], placed: list[Person]
) -> list[Place] | None:
    """Who attends, when one or a few people do: the places of their own roles ("The mayor of
    Rotterdam, Anna de Vries, attended the summit in Bangkok"), not a consul's posting nor a
    place named elsewhere in the sentence; none for a diplomat. None when the trigger is no
    "attend", when a delegation or officials attend ("Mayors of the cities of A and B
    attended": they travel as one side), or when the attendees' own places are not said."""
    if not match.group().lower().startswith("attend"):
        return None
    if any(t.lemma_ in DELEGATION_LEMMAS | GROUP_NOUNS for t in sent):
        return None
    word = sent.char_span(match.start(), match.end())
    if word is None:
        return None
    verb = word.root
    attendees = [c for c in verb.children if c.dep_ == "nsubj"]
    attendees += [c for a in verb.children if a.dep_ == "agent" for c in a.children]
    if verb.dep_ == "relcl":  # "X, who attended the signing"
        attendees.append(verb.head)
    # "attended by the mayor of A, ..., and the mayor of B", the second parsed as the verb's
    attendees += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    attendees += [c for a in attendees for c in a.conjuncts]
    attendees += [a.head for a in attendees if a.dep_ == "appos"]  # "the Consul, Ana Ruiz, who"
    if any(a.tag_ == "NNS" and a.lemma_ in GUEST_NOUNS | TITLE_WORDS for a in attendees):
        return None  # "Kumamoto city councillors attended": officials travel as one side
    crowd = attendees and all(a.tag_ == "NNS" for a in attendees)
    around = [t for a in attendees for t in a.subtree] + list(sent.doc[verb.i : sent.end])
    if crowd and not any(t.ent_type_ == "PERSON" for t in around):  # "..., among them Mayor X"
        return []  # "a gala attended by more than 300 residents": no side travelling
    said = {t.i for a in attendees for t in _without_clauses(a) if t != verb}
    text = span_text(sent)
    own = [
        m.place
        for m in named
        if m.span.root.i in said
        and not POSTED_IN.search(text[: m.span.start_char - sent.start_char])
    ]
    words = {sent.doc[i].text for i in said}
    own += [p.place for p in placed if p.place and p.name.split()[-1] in words]
    phrase = " ".join(sent.doc[i].text for i in sorted(said))
    if verb.dep_ == "relcl":  # "Argentina's consul-general in Melbourne, Ana Ruiz, who attended"
        phrase = sent.doc[max(sent.start, verb.i - 12) : verb.i].text
    titles = set(phrase.lower().split()) - {"general"}  # "consul general" is one diplomat
    officials = [w for w in titles if w in TITLE_WORDS and not DIPLOMAT.match(w)]
    if DIPLOMAT.search(phrase) and not (own and officials):
        return []  # a consul at a signing travels for no town, "the Gdańsk consul" neither
    return own or None  # "Japan's ambassador and Kumamoto Mayor Onishi attended": Kumamoto


def visits(
    sent, parties, named, state, text, hosting: Hosting | None, placed: list[Person]
) -> list[Partnership]:
    match = next(
        (
            m
            for m in VISIT_REGEX.finditer(text)
            if not _habitual(m)
            and _awaited_guest(sent, m)
            and not _recalled(m)
            and not _crowd_visits(sent, m)
        ),
        None,
    )
    attending = _attendees_places(sent, match, named, placed) if match else None
    if attending == []:
        return []  # "Kenya's Consul General, who attended the ceremony, said ..."
    if not match and not (hosting and hosting.guests):
        return []
    start = match.start() if match else hosting.start
    origins = attending or _origins(named) or [p.place for p in parties if p.delegation]
    origins = origins or _leaders(sent, placed)
    if hosting and not origins:
        origins = hosting.guests
    host = (hosting and hosting.host) or host_named(named)
    where = None  # the visitors of a visit "to China, where he signed ..." come before it
    if host is None and match:
        host = where = _town_where_in_country(sent, match, named)
        if where is not None:
            origins = [o for o in origins if _named_before(o, named, sent, start)]
    if host is None and not (match and _goes_elsewhere(sent, match)):
        here = (state.home or state.focus) if HERE.search(text) else None  # "came here"
        host = (
            _anaphoric_host(text, parties, placed, state)
            or here
            or state.last_host
            or state.event_place
        )
    if origins and (host is None or all(p.country == host.country for p in origins)):
        state.last_visitors = origins  # "a Karnataka delegation returned from Germany"
        return []
    if host is None:
        return []
    at_host = next((m.span.start_char - sent.start_char for m in named if m.place == host), None)
    if match and at_host is not None:  # "Welcoming the delegation, he recalled his visit to Lyon"
        start = max((t.start() for t in VISIT_REGEX.finditer(text, 0, at_host)), default=start)
    status = visit_status(text, start, state.published)
    if status is None:
        return []
    year = _visit_year(text, status, state.published, start)
    origins = [p for p in origins if p.country != host.country]
    # "missions to Shanghai and Tokyo": places listed with the host after the trigger visit none
    later = [m for m in named if m.span.start_char - sent.start_char >= start]
    listed = _hosts(later, host, any_country=True)
    awaited = match is not None and bool(AWAITED_IN.fullmatch(match.group()))
    visitors = (
        origins
        or (_subjects_places(sent, placed) if awaited else [])  # "Diagne is expected in ..."
        or [
            p.place
            for p in parties
            if p.place.country != host.country
            and p.place not in listed
            and not DESTINATION_BEFORE.search(text[: p.start])  # "and then to Tokyo": a host too
            and not POSTED_IN.search(text[: p.start])  # "the Consul General in Guangzhou"
            and not (where is not None and p.start > start)
        ]
    )
    visitors = visitors or [p for p in _subjects_places(sent, placed) if p.country != host.country]
    home = state.home  # "SIBU — ... the study trip to Pontianak": the home town went
    if not visitors and match and TRIP.match(match.group()) and home:
        visitors = [home] if home.country != host.country else []
    if visitors and status != "proposed":  # "the delegation" met later is one that travelled
        state.last_visitors, state.last_host = visitors, host
    return [
        Partnership(v, h, "visit", status, text.strip(), year)
        for h in _hosts(named, host)
        for v in visitors
    ]
