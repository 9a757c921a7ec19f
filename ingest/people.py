"""People with their roles and places, and organisations with theirs.

Roles are read from the ways news names an official: an apposition ("Jules Radich, mayor of
Dunedin"), a role before a comma ("the Mayor of Recife, Ana Lima"), and a title before the
name ("Antioch Mayor Lamar Thorpe", "Mayor of Lund Anna Berg", "European Commissioner for
Research Liisa Tamm"); a plural title gives its role to each name listed under it ("her fellow
councillors Ann Lee and Tom Hart"). Names come from `ingest/names.py`.

A role's place is its holder's own: the one stated; else the place of the delegation the
official leads, of the official named just before for "fellow" councillors, of the body named
before for "president of the chamber", the place an organisation's acronym is named after
("Sibu Municipal Council (SMC)": "SMC chairman"), the town of an office the text names without
a holder ("the mayor of Miyazu ... Mayor Kenji Okada"), the home town for a town-hall
official ("Mayor", "City Director", "council secretary"), the home region for a province's
("Premier", "Provincial Fisheries Officer": the region whose government publishes the article,
else the one named in the home town's country, else the one named, in a country whose regions
have that office).
National offices (ambassador, consul, minister, senator, MP) have no city. Later surname-only
mentions ("Radich said", "Governor Liu") are the same person. People named without any role
(bylines, photo credits, students) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from facts.shapes import Organization, Person, Place
from ingest.acronyms import BODY_WORDS
from ingest.home import council_town
from ingest.names import BODY_HEADS, person_names, portfolio_word, vouched_name
from ingest.resolve import Mention, kind_word
from ingest.sentences import entities, headline_end, is_dateline, sentence_of, text_of
from ingest.titles import (
    LOCAL_MAYORS,
    OWNER_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    before_honorifics,
    is_title,
    portfolio_start,
    role_after,
    role_text,
    role_words,
    title_before,
    title_start,
)
from ingest.written import NICKNAME

# Officials of a town hall: named without a place, they belong to the dateline's town.
LOCAL_TITLES = frozenset(
    {"mayor", "councillor", "councilor", "alderman", "provost", "selectman", *LOCAL_MAYORS}
)
# Words of a town hall's other offices ("City Director", "council secretary", "municipal
# president"): named without a place, they are the home town's too, unless they name a higher
# body ("State Council", "county council").
TOWN_HALL_WORDS = frozenset({"city", "council", "municipal", "municipality", "town"})
HIGHER_BODY_WORDS = frozenset(
    {"state", "national", "federal", "county", "regional", "provincial", "european", "executive"}
)
# Heads of a state or province: named without a place, they belong to the article's region.
REGIONAL_TITLES = frozenset({"governor", "premier"})
# "Provincial Fisheries Officer", "Chief Minister": offices of a province or state.
REGIONAL_ROLE = re.compile(r"\b(?:provincial|prefectural|chief minister)\b")
# The countries whose regions a title heads: a premier is Canadian, Australian or South
# African (China's is its nation's), a chief minister Indian, Malaysian or Pakistani.
REGION_HEADS = {
    "premier": frozenset({"CA", "AU", "ZA"}),
    "chief minister": frozenset({"IN", "MY", "PK"}),
}
# "Central bank governor": no region's.
NO_REGION_WORDS = frozenset({"bank", "central"})
# Offices of a nation or a state: a city named with them is where they serve, not whose they are.
NATIONAL_TITLES = frozenset({"ambassador", "consul", "envoy", "senator", "mp", "minister"})
# ", June 2 (Bernama) --", " (VNA) —": an agency's name in brackets after a dateline.
WIRE_AGENCY = re.compile(r"[^—–\n]{0,30}?\([A-Za-z][\w .&/-]{1,30}\)\s*(?:—|–|--|-|:)")
# "Tanzania's Deputy High Commissioner to Kenya": a Commonwealth country's envoy.
NATIONAL_ROLE = re.compile(r"\bhigh commissioner\b|\bconsul-general\b")
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "of", "across"})
LEAD_VERBS = frozenset({"lead", "head"})
JOURNEY_WORDS = LEAD_VERBS | {"arrive", "visit", "tour", "travel", "fly", "delegation"}
# "The delegation includes ...": who travel with a delegation.
MEMBER_VERBS = frozenset({"include", "comprise"})
GROUP_NOUNS = frozenset({"delegation", "group", "team", "visitor", "mission"})
EVENT_WORDS = re.compile(r"\b(Conference|Forum|Expo|Summit|Festival|Decade|Games|Fair|Week)\b")


@dataclass
class _Found:
    name: str
    role: str
    place: Place | None
    plural: bool = False  # "councillors Ann Lee and Tom Hart": the role goes on down the list
    stated: bool = True  # the place is the text's, not one guessed from the dateline or office


def _place_in(span: Span, mentions: list[Mention], org_mentions: list[Mention]) -> Place | None:
    for m in mentions + org_mentions:
        if span.start <= m.span.start and m.span.end <= span.end:
            return m.place
    return None


ROLE_ANAPHOR = re.compile(
    r"\b[Tt]he (?:(?P<adj>[A-Z][\w ]*?) )?(?P<noun>city|town|state|province)\b"
)


def _anaphoric_place(phrase: Span, mentions: list[Mention], country_of) -> Place | None:
    """ "mayor of the New Zealand city": the last such place named before."""
    match = ROLE_ANAPHOR.search(phrase.text)
    if not match:
        return None
    noun = match.group("noun")
    kind = "city" if noun in {"city", "town"} else "region"
    country = country_of(match.group("adj")) if match.group("adj") else None
    earlier = sorted(
        (
            m
            for m in mentions
            if m.span.start < phrase.start
            and m.place.kind == kind
            and country in (None, m.place.country)
        ),
        key=lambda m: m.span.start,
    )
    # "Kaduna State ... the state": a place the text calls so, else one it calls nothing else
    called = [m for m in earlier if kind_word(m.span) == noun]
    plain = [m for m in earlier if kind_word(m.span) is None]
    return (called or plain)[-1].place if called or plain else None


BODY_NAME_LINKS = frozenset({"of", "and", "for", "&", "-"})


def _body_place(phrase: Span, mentions: list[Mention]) -> Place | None:
    """ "president of the chamber", "the society's chair": the place of the one body named
    before whose name ends in those words ("the Tema Chamber of Commerce")."""
    doc, words = phrase.doc, []
    for token in phrase:
        if token.lower_ == "the":
            words = []
            for noun in doc[token.i + 1 : phrase.end]:
                if noun.pos_ != "NOUN" or not noun.is_lower:
                    break
                words.append(noun.lower_)
            if words:
                break
    if not words:
        return None
    places = set()
    for m in mentions:
        if m.span.end >= phrase.start:
            continue
        name = []
        for token in doc[m.span.end : m.span.end + 8]:
            if not (token.is_title or token.lower_ in BODY_NAME_LINKS and name):
                break
            name.append(token.lower_)
        if any(name[i : i + len(words)] == words for i in range(len(name))):
            places.add(m.place)
    return places.pop() if len(places) == 1 else None


def _place_after(phrase: Span, mentions: list[Mention]) -> Place | None:
    """ "CEO of Joyu, a Shanghai-based provider": the organisation's place right after."""
    doc = phrase.doc
    tail = doc[phrase.end : phrase.end + 8]
    return next(
        (
            m.place
            for m in mentions
            if tail.start <= m.span.start < tail.end
            and m.span.end + 1 < len(doc)
            and doc[m.span.end + 1].lower_ == "based"
        ),
        None,
    )


def _after_party_tag(doc: Doc, i: int) -> int:
    """Past a party's tag after a name ("Anna Berg (S), chair ...", "Tom Lee (D-Calif.)")."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
    tag = close is not None and close > i + 1 and not any(t.is_lower for t in doc[i + 1 : close])
    return close + 1 if tag else i


def _appositive(person: Span, mentions, org_mentions, country_of, names) -> _Found | None:
    doc = person.doc
    comma = _after_party_tag(doc, person.end)
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    phrase = role_after(doc, comma + 1)
    if phrase is None or phrase[0].pos_ == "CCONJ" or any(_titles_name(phrase, n) for n in names):
        return None  # "Ann Lee, Cllr Tom Hart, ...", "..., and others": no role of hers
    place = (
        _place_in(phrase, mentions, org_mentions)
        or _anaphoric_place(phrase, mentions, country_of)
        or _body_place(phrase, mentions + org_mentions)
        or _place_after(phrase, mentions + org_mentions)
    )
    return _Found(person.text, role_text(phrase, mentions, country_of), place)


def _title_of_place(person: Span, mentions: list[Mention]) -> _Found | None:
    """ "Mayor of Lund Anna Berg", "Governor of the Ulyanovsk Oblast Vadim Korotaev", "Governor
    of Champassak province Mr Khamphao Sivilay", "Deputy Commissioner Lahore Rafia Haider" (as
    South Asian news writes a district's officer): a title and its place right before the
    name."""
    doc = person.doc
    start = before_honorifics(doc, person.start)  # "Governor of Champassak province Mr X"
    body = _body_start(doc, start)  # "Head of Kaliningrad city administration Elena Dyatlova"
    place = next((m for m in mentions if body <= m.span.end <= start), None)
    of = place.span.start - 1 if place else 0
    if of > 0 and doc[of].lower_ == "the":
        of -= 1  # "of the Ulyanovsk Oblast"
    if place is None:
        return None
    if of < 1 or doc[of].lower_ != "of":
        of = place.span.start if place.span.end == start else 0  # "Commissioner Lahore X Y"
    start = title_start(doc, of)
    if start == of:
        return None
    role = doc[portfolio_start(doc, start, mentions) : of]
    return _Found(person.text, role_words(role), place.place, _has_plural(role))


def _body_start(doc: Doc, end: int) -> int:
    """Where a public body in lower case, named by its place's name, opens before `end`:
    "city administration", "district council" (else `end`)."""
    if end < 1 or not doc[end - 1].is_lower or doc[end - 1].lower_ not in BODY_HEADS:
        return end
    start = end - 1
    if start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in BODY_WORDS:
        start -= 1
    return start


def _title_of_portfolio(person: Span, mentions: list[Mention]) -> _Found | None:
    """ "European Commissioner for Trade Ana Lind", "chairman of the Port of Lund Jo Ward"."""
    doc = person.doc
    i = person.start
    while i > max(0, person.start - 10) and portfolio_word(doc[i - 1]):
        i -= 1
    after_body = doc[person.start - 1].lower_ in BODY_HEADS
    # the walk may run on past the title's "of" or "for" to a capitalised title: "Vice Chairman
    # of the Da Nang People's Committee Tran Chi Cuong" (a public body's name right before
    # vouches for the name), "Gauteng MEC for Finance Lebogang Maile"
    joins = {"of", "for"} if after_body else {"for"}
    titled = (k for k in range(i, person.start) if doc[k].lower_ in joins)
    i = next((k + 1 for k in titled if title_start(doc, k) < k), i)
    if doc[i].lower_ == "of":  # the walk ran on past "of" to the title
        i += 1
    if i < 2 or doc[i - 1].lower_ not in {"of", "for"}:
        return None
    # a portfolio after "for" is words of a title, the name after it a person's, where the
    # model reads one ("Minister for Foreign Affairs Penny Wong")
    given = doc[i - 1].lower_ == "for" and any(
        e.label_ == "PERSON" and (e.start, e.end) == (person.start, person.end) for e in doc.ents
    )
    if not (after_body or given or vouched_name(person)):
        return None
    if not any(t.is_title for t in doc[i : person.start]):
        return None  # "member of the Global Cities Network": no portfolio, an organisation
    start = title_start(doc, i - 1)
    if start == i - 1:
        return None
    start = portfolio_start(doc, start, mentions)
    place = next((m.place for m in mentions if m.span.end == start), None)
    inside = [m.place for m in mentions if i <= m.span.start and m.span.end <= person.start]
    return _Found(
        person.text, role_words(doc[start : person.start]), place or next(iter(inside), None)
    )


def _has_plural(role: Span) -> bool:
    return any(t.tag_ in {"NNS", "NNPS"} and is_title(t) for t in role)


def _titles_name(phrase: Span, name: Span) -> bool:
    """Whether the phrase is a title before a name ("Cllr Tom Hart", "Ambassador to China
    Palitha Kohona"), not a role of its own."""
    if not phrase.start < name.start < phrase.end:
        return False
    doc, start = phrase.doc, before_honorifics(phrase.doc, name.start)
    return title_start(doc, start) <= phrase.start + 1 or _posted_to(doc, start)


def _prenominal(person: Span, mentions: list[Mention], org_mentions) -> _Found | None:
    doc = person.doc
    end = person.start  # "Cllr Tom Hart" is titled; "councillors Mr Tom Hart" too
    if title_start(doc, end) == end:
        end = _before_aside(doc, before_honorifics(doc, end))
    start = title_start(doc, end)
    if start == end and _posted_to(doc, end):  # "Ambassador to China Palitha Kohona"
        start = title_start(doc, end - 2)
    if start == end:
        return _title_of_place(person, mentions + org_mentions) or _title_of_portfolio(
            person, mentions + org_mentions
        )
    start = portfolio_start(doc, start, mentions)
    role = role_words(doc[start:end])
    before = _named_before(doc, start, mentions + org_mentions)
    after = [
        m
        for m in mentions + org_mentions
        if m.span.start == person.end + 1 and doc[person.end].lower_ == "of"
    ]  # "Governor Enrique Alfaro of Jalisco", "Chief Executive Jo Ward of Leeds City Council"
    comma_before = start >= 2 and doc[start - 1].text == ","
    if not before and comma_before and doc[start - 2].lower_ in {"counterpart", "counterparts"}:
        # "his Mbeya counterpart, Mayor Amani Mwakalinga"
        before = _named_before(doc, start - 2, mentions + org_mentions)
    place = before[0].place if before else after[0].place if after else None
    if place is None and start >= 2 and ROLE_ANAPHOR.fullmatch(doc[start - 2 : start].text):
        phrase = doc[start - 2 : end]  # "the state governor": no adjective, so no country
        place = _anaphoric_place(phrase, mentions + org_mentions, country_of=None)
    return _Found(person.text, role, place, _has_plural(doc[start:end]))


def _named_before(doc: Doc, start: int, mentions: list[Mention]) -> list[Mention]:
    """The place named right before a title, alone, as its owner or in the public body named
    right before it: "Tianjin Party Secretary", "Kassel's mayor", "Vannes' mayor", "Tawau
    Municipal Council president"."""
    org = next((e for e in entities(doc) if e.end == start and e.label_ == "ORG"), None)
    owner = start > 0 and doc[start - 1].lower_ in POSSESSIVES
    named = [m for m in mentions if m.span.end == start - owner]
    if named or org is None or not any(t.lower_ in BODY_WORDS for t in org):
        return named
    if any(t.lower_ in {"regional", "provincial"} for t in org):
        return []  # "Wellington Regional Council chair": the region's, not the city's
    inside = [m for m in mentions if m.span.end == org.start or org.start <= m.span.start < org.end]
    return inside if len({m.place.key for m in inside}) == 1 else []  # not "Busan-Fukuoka ..."


def _posted_to(doc: Doc, end: int) -> bool:
    """ "Ambassador to China", "Consul General in Houston" right before a name: a title and
    the place of its posting."""
    return (
        end >= 3
        and doc[end - 2].lower_ in {"to", "in"}
        and doc[end - 1].ent_type_ == "GPE"
        and title_start(doc, end - 2) < end - 2
    )


def _before_aside(doc: Doc, end: int) -> int:
    """Where a bracketed portfolio before a name opens: "Principal Secretary (Trade) Ana Rao"."""
    if end < 2 or doc[end - 1].text != ")":
        return end
    opening = next((i for i in range(end - 2, max(0, end - 8), -1) if doc[i].text == "("), None)
    return opening if opening is not None else end


def _role_before(person: Span, mentions, org_mentions, country_of, names) -> _Found | None:
    """ "its mayor, Joaquim Braga", "the mayor of Santos, Paulo Lobo": the role comes first.

    Not the role of a name before it that has no title of its own: "Li, Governor of Sichuan,
    Zhao, Governor of Yunnan" (but "Cllr Ann Lee, Mayor of Lund, Bo Berg" is Berg's).
    """
    doc = person.doc
    comma = before_honorifics(doc, person.start) - 1  # "the mayor of Santos, Dr. Paulo Lobo"
    # "Vice Governor of Tochigi Kazuhiro Sekine": no comma after the place the title is of
    bare = (
        comma > 1
        and doc[comma].text != ","
        and _ends_a_name(doc, comma + 1, mentions, org_mentions)
    )
    if bare:
        comma += 1
    elif comma < 2 or doc[comma].text != ",":
        return None
    phrase = title_before(doc, comma)
    title_place = _place_in(phrase, mentions, org_mentions) if phrase is not None else None
    if phrase is None or bare and title_place is None:
        return None
    earlier = next((n for n in names if n.end == phrase.start - 1 and doc[n.end].text == ","), None)
    if earlier is not None and not (
        _prenominal(earlier, mentions, org_mentions)
        or _role_before(earlier, mentions, org_mentions, country_of, names)
    ):
        return None
    owner = doc[_owner_start(doc, phrase.start) : phrase.end]
    # the title's own place first: "signed in Lyon by the Mayor of Wuhan, Wang Lin" is Wuhan's
    place = (
        title_place
        or _place_in(owner, mentions, org_mentions)
        or _anaphoric_place(owner, mentions, country_of)  # "the state governor, Ada Obi"
    )
    if place is None and doc[phrase.start - 1].lower_ in {"its", "'s", "’s"}:
        # "Braga ... Its mayor", "the Gdansk Chamber of Commerce ... Its president": the place
        # named last before, in an organisation's name too.
        earlier = sorted(
            (m for m in mentions + org_mentions if m.span.end <= phrase.start),
            key=lambda m: m.span.start,
        )
        place = earlier[-1].place if earlier else None
    qualified = doc[_qualifier_start(doc, phrase.start, mentions) : phrase.end]
    role = role_text(qualified, mentions, country_of)
    return _Found(person.text, role, place, _has_plural(phrase))


def _ends_a_name(doc: Doc, end: int, mentions, org_mentions) -> bool:
    """Whether the name of the place or body a title is "of" ends right before `end`: "Vice
    Governor of Tochigi | Kazuhiro Sekine", "Chairman of the People's Committee | Ngo Tan
    Phuong" (not "Ambassador to South Korea Carmen | Rosa Delgado")."""
    starts = [m.span.start for m in mentions + org_mentions if m.span.end == end]
    last = doc[end - 1]
    if last.ent_type_ == "ORG" and (end == len(doc) or doc[end].ent_iob_ != "I"):
        starts.append(next(e.start for e in doc.ents if e.start < end <= e.end))
    return any(_object_of(doc[max(0, start - 6) : start]) for start in starts)


def _object_of(before: Span) -> bool:
    """Whether the words before a name end in "of" or "in" and a few words of their own ("of
    the provincial", "Consul General in | Da Nang")."""
    words = [t.lower_ for t in before]
    at = max((i for i, w in enumerate(words) if w in {"of", "in"}), default=None)
    return at is not None and not any(t.is_punct for t in before[at + 1 :])


def _owner_start(doc: Doc, start: int) -> int:
    """Up to four words before a title in its own clause: "the city's deputy mayor"."""
    owner = start
    while owner > max(0, start - 4) and not doc[owner - 1].is_punct:
        owner -= 1
    return owner


def _qualifier_start(doc: Doc, start: int, mentions: list[Mention]) -> int:
    """ "the French ambassador", "its Party Secretary": words before a title that are its own."""
    qualifier = portfolio_start(doc, start, mentions)
    if any(m.span.start <= qualifier < m.span.end for m in mentions):
        return start  # "the Kano State attorney general": the place is no part of the role
    if qualifier > 0 and ROLE_ANAPHOR.match(doc[qualifier - 1 : start].text):
        return start  # "the state acting governor": the state is the place
    if doc[qualifier].lower_ in OWNER_WORDS:
        return start  # "his fellow councillors"
    return qualifier


def _led_from(person: Span, mentions: list[Mention]) -> Place | None:
    """ "a delegation from Wuxi led by Vice Mayor Zhou Min", "X led a delegation from Stirling",
    "X, who led the Lund delegation to Kiel,"."""
    led = _led_in_relative_clause(person, mentions)
    if led is not None:
        return led
    sent, member = sentence_of(person), person.root
    while member.dep_ in {"conj", "appos"} and member.head != member:
        member = member.head  # "includes Deputy Mayor A, Commissioner B and ...": B with A
    head = member.head
    leads = head.lemma_ in LEAD_VERBS or head.lower_ == "by" and head.head.lemma_ in LEAD_VERBS
    leads |= head.lemma_ in MEMBER_VERBS and any(  # "The delegation includes Deputy Mayor X"
        c.dep_ == "nsubj" and c.lemma_ in GROUP_NOUNS for c in head.children
    )
    if not leads and head.lower_ not in TITLE_WORDS:
        return None
    doc = person.doc
    froms = [
        m.place
        for m in mentions
        if sent.start < m.span.start < sent.end
        and (
            doc[m.span.start - 1].lower_ == "from"
            or m.span.end < person.start
            and (_names_delegation(m.span) or _delegation_of(m.span))
        )
    ]
    if froms and any(t.lemma_ in {"delegation", "group", "mission"} for t in sent):
        return froms[0]
    return _earlier_delegation(sent, mentions) if leads else None


def _led_in_relative_clause(person: Span, mentions: list[Mention]) -> Place | None:
    """ "X, who led the Lund delegation to Kiel,": the place the clause's delegation is of."""
    doc = person.doc
    for clause in person.root.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in LEAD_VERBS:
            continue
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        for m in mentions:
            if not start <= m.span.start < end:
                continue
            if doc[m.span.start - 1].lower_ == "from" or _names_delegation(m.span):
                return m.place
    return None


def _delegation_of(span: Span) -> bool:
    """ "a delegation of Yunnan", "a delegation of the Chinese province of Yunnan"."""
    token = span.root
    for _ in range(2):
        if token.dep_ != "pobj" or token.head.lower_ not in {"of", "from"}:
            return False
        token = token.head.head
        if token.lemma_ == "delegation":
            return True
    return False


def _names_delegation(span: Span) -> bool:
    """ "a Karnataka (government) delegation": the name qualifies the delegation itself (not
    "Rotterdam welcomed a delegation")."""
    for token in span.doc[span.end : span.end + 3]:
        if token.lower_ == "delegation":
            return True
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return False
    return False


def _earlier_delegation(sent: Span, mentions: list[Mention]) -> Place | None:
    """ "A delegation from Gdansk arrived. The visitors were led by ...": the place named before."""
    doc = sent.doc
    before = [t.i for t in doc[max(0, sent.start - 60) : sent.start] if not t.is_space]
    if not before:
        return None
    earlier = sentence_of(doc[before[-1] : before[-1] + 1])
    if "delegation" not in {t.lower_ for t in earlier}:
        return None
    froms = [
        m.place
        for m in mentions
        if earlier.start < m.span.start < earlier.end and doc[m.span.start - 1].lower_ == "from"
    ]
    return froms[0] if froms else None


def _dateline(mentions: list[Mention]) -> Place | None:
    """The place a local article is filed from: an upper-case place name opening a paragraph,
    one word ("NELSON —") or a local paper's two ("ILOILO CITY –"); a wire's dateline of two
    words with its agency ("KUALA LUMPUR, June 2 (Bernama) --") is where the reporter was."""
    for m in mentions:
        if not is_dateline(m.span):
            continue
        line = text_of(m.span.doc)[m.span.end_char :].split("\n", 1)[0]
        if len(m.span) == 1 or not WIRE_AGENCY.match(line):
            return m.place
    return None


def _home_region(places: _Places, role: str) -> Place | None:
    """The region of an article's provincial official: the one whose government publishes it,
    else the one region it names in its home town's country, else the one region it names;
    of a country whose regions have that office."""
    if places.region:
        return places.region if _heads(role, places.region) else None
    regions = {m.place for m in places.mentions if m.place.kind == "region"}
    home = _home(places)
    local = {r for r in regions if home and r.country == home.country}
    if local:  # "MELBOURNE — Victoria and Jiangsu ... Governor X": Victoria's, or none
        region = local.pop() if len(local) == 1 else None
        return region if region and _heads(role, region) else None
    fitting = {r for r in regions if _heads(role, r)}
    return fitting.pop() if len(fitting) == 1 else None


def _heads(role: str, region: Place) -> bool:
    """Whether a region of this country may have the office: no Canadian province has a
    governor who speaks for it (an Australian state's is the Crown's), no Chinese one a
    premier."""
    title = next((t for t in REGION_HEADS if t in role), None)
    if title:
        return region.country in REGION_HEADS[title]
    return not ("governor" in role and region.country in {"CA", "AU"})


def _home(places: _Places) -> Place | None:
    """The town of an article's town-hall officials: its dateline, else the town whose council
    publishes it, else the town whose government its lead names, else its most-named city."""
    cities = Counter(m.place for m in places.mentions if m.place.kind == "city")
    return (
        _dateline(places.mentions)
        or places.publisher
        or places.council
        or (cities.most_common(1)[0][0] if cities else None)
    )


def find_people(
    doc: Doc,
    mentions: list[Mention],
    org_mentions: list[Mention],
    country_of,
    publisher: Place | None,
    acronyms: dict[str, Place],
    region: Place | None = None,
) -> list[Person]:
    """People with a role, one per full name, in order of first appearance; `publisher` is the
    town whose council publishes the article, `region` the region whose government does,
    `acronyms` the towns of bodies' acronyms."""
    found: dict[str, _Found] = {}
    names = person_names(doc, mentions)
    titled = [_stated_role(person, mentions, org_mentions, country_of, names) for person in names]
    places = _Places(
        mentions,
        acronyms,
        _unheld_offices(doc, mentions, [hit for hit in titled if hit]),
        publisher,
        region,
        council_town(doc, mentions + org_mentions),
    )
    previous: tuple[int, _Found] | None = None  # where the last role-holder's name ended
    for person, hit in zip(names, titled, strict=True):
        hit = hit or _listed_after(person, previous)
        name = " ".join(NICKNAME.sub(" ", person.text).split())  # 'Rodolfo "Dodong" Alcantara'
        if name in found and hit is not None and hit.place and not found[name].stated:
            known = found[name]  # a caption or headline named the office, the text its place
            known.place = _role_place(person, hit, previous, places)
            known.stated = True
        if hit is None or name in found or _surname_of_known(name, found, hit.place, hit.role):
            previous = (person.end, found[name]) if name in found else previous
            continue
        found = _without_surname_of(name, found)
        place = _role_place(person, hit, previous, places)
        found[name] = _Found(name, _role(hit, found), place, hit.plural, hit.place is not None)
        previous = (person.end, found[name])
    return [Person(f.name, f.role, f.place) for f in found.values()]


def _stated_role(person: Span, mentions, org_mentions, country_of, names) -> _Found | None:
    """The role the text gives a name: before it, else after it, else a title. A plural role
    before ("the mayors of both towns, Ana Ruiz, Mayor of Mendoza, and ...") yields to the
    person's own placed role after the name."""
    before = _role_before(person, mentions, org_mentions, country_of, names)
    if before is not None and not before.plural:
        return before
    after = _appositive(person, mentions, org_mentions, country_of, names)
    if before is not None and not (after and after.place and _office_held(person)):
        return before  # "the mayors of both towns, Ana Ruiz, a member of the ... Party"
    return after or _titled_person(person, mentions, org_mentions)


def _office_held(person: Span) -> bool:
    """Whether the words after a name and its comma give an office held now ("Mayor of
    Mendoza"), not a description ("a former director of ...", "president ... until 2019")."""
    doc = person.doc
    words = doc[person.end + 1 : min(len(doc), person.end + 14)]
    aside = [
        t.lower_ for t in words[: next((t.i - words.start for t in words if t.text in ",;"), None)]
    ]
    return (
        bool(aside)
        and aside[0] not in {"a", "an", "the", "formerly"}
        and not ({"former", "formerly", "until", "ex"} & set(aside))
    )


def _titled_person(person: Span, mentions, org_mentions) -> _Found | None:
    """A title before a name; with no place either, the model or the text must vouch for it.

    "Premier League Manchester United" is a title and capitals, but no person.
    """
    hit = _prenominal(person, mentions, org_mentions)
    if hit is None or hit.place is not None or vouched_name(person):
        return hit
    people = [e for e in entities(person.doc) if e.label_ == "PERSON"]
    return hit if any(e.start < person.end and person.start < e.end for e in people) else None


def _without_surname_of(name: str, found: dict[str, _Found]) -> dict[str, _Found]:
    """ "Mayor Kowalczyk" in a headline, "Marek Kowalczyk" later: keep only the full name."""
    return {known: f for known, f in found.items() if " " in known or known not in name.split()}


def _surname_of_known(
    name: str, found: dict[str, _Found], place: Place | None = None, role: str | None = None
) -> bool:
    """ "Governor Odera" after "Samuel Ochieng Odera", "Mr Xu" after "Xu Hongmei", "Mayor Van
    Lingen-Bosch" after "Marieke van Lingen-Bosch", "Dela Paz" after "Alfred Dela Paz": the
    same; so is "Mayor Andi Rahmat" after "Mayor Andi Rahmat Syamsuddin" (Indonesian news
    shortens a name so), in the same office only ("Consul Carlos Alberto" after "Mayor Carlos
    Alberto Silva" is another)."""
    if " " not in name:
        return any(name in known.split() for known in found)
    folded = name.casefold()
    return any(  # not "Mayor Tai Man of Shenzhen" after "Mayor Chan Tai Man of Sha Tin"
        place in (None, f.place)
        and (
            known.casefold().endswith(" " + folded)
            or known.casefold().startswith(folded + " ")
            and role is not None
            and role.lower() == f.role
        )
        for known, f in found.items()
    )


def _role(hit: _Found, found: dict[str, _Found]) -> str:
    """The role in lower case; "his Lutsk counterpart" holds the office named just before."""
    role = hit.role.lower() if hit.role != "CEO" else hit.role
    if role.split()[-1] == "counterpart" and found:
        return next(reversed(found.values())).role
    return role


@dataclass
class _Places:
    """What an article says about whose offices are whose, for roles named without a place."""

    mentions: list[Mention]
    acronyms: dict[str, Place]  # "smc": Sibu
    offices: dict[str, Place]  # "mayor": the town of an office named without its holder
    publisher: Place | None  # the town whose council publishes the article
    region: Place | None  # the region whose government publishes the article
    council: Place | None  # the town whose government the first paragraph names


def _role_place(person: Span, hit: _Found, previous, places: _Places) -> Place | None:
    """The place the role belongs to: the one stated, else what the office and text imply."""
    role = hit.role.lower()
    words = set(role.split())
    place = hit.place or _led_from(person, places.mentions)
    place = place or next((places.acronyms[w] for w in sorted(words) if w in places.acronyms), None)
    regional = words & REGIONAL_TITLES or REGIONAL_ROLE.search(role)
    if place is None and regional and not words & NO_REGION_WORDS:
        place = _home_region(places, role)
    if words & NATIONAL_TITLES or NATIONAL_ROLE.search(role):  # "the consul general of Peru"
        return place if place and place.kind == "region" else None
    if hit.place is None and _ours(person):  # "our Mayor, Nikos Papadakis": the town the
        # article is filed or published from, if it says (not the town it names most)
        return _dateline(places.mentions) or places.publisher or places.council
    if place is None and _fellow(person) and previous:
        place = previous[1].place  # "her fellow councillors": the town of the one named before
    office = places.offices.get(role)
    if place is None and office and _holds_office(person, office, places.mentions):
        place = office
    before = {t.lower_ for t in person.doc[max(0, person.start - 4) : person.start]}
    town_hall = words & TOWN_HALL_WORDS and not (words | before) & HIGHER_BODY_WORDS
    if place is None and town_hall and _travels(person):  # "the visiting Municipal President"
        return _delegation_place(person, places.mentions)
    if place is None and (words & LOCAL_TITLES or town_hall):
        place = _home(places)
    return place


def _ours(person: Span) -> bool:
    """Whether "our" and title words alone stand before the name and its comma ("our Deputy
    Mayor, X"; not "on behalf of our association, chairman X")."""
    doc = person.doc
    comma = before_honorifics(doc, person.start) - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    for token in reversed(doc[max(0, comma - 4) : comma]):
        if token.lower_ == "our":
            return True
        if not (is_title(token) or token.lower_ in TITLE_MODIFIERS):
            return False
    return False


def _delegation_place(person: Span, mentions: list[Mention]) -> Place | None:
    """ "a delegation of Łowicz councillors led by the Chairwoman of the Town Council, X": the
    place the sentence's delegation is named with."""
    for token in sentence_of(person):
        if token.lemma_ == "delegation":
            start, end = token.left_edge.i, token.right_edge.i + 1
            named = [m.place for m in mentions if start <= m.span.start < min(end, person.start)]
            if named:
                return named[0]
    return None


def _unheld_offices(doc: Doc, mentions: list[Mention], hits: list[_Found]) -> dict[str, Place]:
    """ "The mayor of Miyazu was in Nelson ... Mayor Kenji Okada": an office the text names
    without its holder is that of the one holder named without a place. Only an office of one
    place that no holder named with a place holds ("Nelson Mayor Rachel Sutton") counts."""
    unheld: dict[str, set[Place]] = {}
    for m in mentions:
        start, end = m.span.start, m.span.end
        if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 3].lower_ == "the":
            title = doc[start - 2]  # "the mayor of Miyazu"
        else:  # "Miyazu mayor in Nelson", "Miyazu's mayor said", not "Nelson Mayor Rachel Sutton"
            at = end + 1 if end < len(doc) and doc[end].lower_ in {"'s", "’s"} else end
            if at + 1 >= len(doc) or doc[at + 1].is_title:
                continue
            title = doc[at]
        if title.lower_ in LOCAL_TITLES | REGIONAL_TITLES:
            unheld.setdefault(title.lower_, set()).add(m.place)
    for hit in hits:
        unheld.get(hit.role.lower(), set()).discard(hit.place)
    unplaced = Counter(hit.role.lower() for hit in hits if hit.place is None)
    return {
        title: places.pop()
        for title, places in unheld.items()
        if len(places) == 1 and unplaced[title] <= 1  # two mayors without a town: whose?
    }


def _holds_office(person: Span, office: Place, mentions: list[Mention]) -> bool:
    """Whether the office of `office` is the person's: unless the dateline names another town
    and the person is on no trip ("the mayor of Bremen is expected in Gdansk. Mayor Aleksandra
    Dulkiewicz said ...": Gdansk's mayor stays home; "Mayor Okada arrived at the head of a
    delegation")."""
    home = _dateline(mentions)
    return home in (None, office) or any(t.lemma_ in JOURNEY_WORDS for t in sentence_of(person))


def _travels(person: Span) -> bool:
    """Whether the official is a guest: "the visiting Municipal President", or the one who
    arrives, visits or leads ("Its members, council secretary X, toured the harbour"); not a
    host who welcomes a delegation."""
    doc = person.doc
    if any(t.lower_ == "visiting" for t in doc[max(0, person.start - 5) : person.start]):
        return True
    token = person.root
    while token.dep_ in {"appos", "conj", "pobj", "prep", "agent", "compound"}:
        token = token.head  # through an apposition, "led by" and "of"
    if token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        token = token.head
    return token.lemma_ in JOURNEY_WORDS


def _fellow(person: Span) -> bool:
    """ "his fellow councillors, Ann Lee and ...": colleagues of the official named before."""
    doc = person.doc
    return any(t.lower_ == "fellow" for t in doc[max(0, person.start - 6) : person.start])


def _listed_after(person: Span, previous: tuple[int, _Found] | None) -> _Found | None:
    """ "councillors Ann Lee and Tom Hart": the next name of a list under a plural title."""
    if previous is None or not previous[1].plural:
        return None
    doc = person.doc
    between = doc[previous[0] : before_honorifics(doc, person.start)]
    if len(between) == 0 or any(t.text not in {",", "and"} for t in between):
        return None
    return previous[1]


def _surnames(doc: Doc, people: list[Person], mentions: list[Mention]) -> dict[str, int]:
    """Last words of full names, each with where the text first gives the full name, and the
    names of people known by one ("Mayor Garcia"), from the start.

    A name the model alone reads as a person's counts unless its last word is a place the
    article writes after a place word ("Datuk Bandar Ipoh", the mayor's Malay title, in an
    article that says "in Ipoh")."""
    text = text_of(doc)
    placed = {m.span.text for m in mentions if _after_place_word(m.span)}
    named = [(p.name, text.find(p.name)) for p in people]
    named += [
        (e.text, e.start_char)
        for e in entities(doc)
        if e.label_ == "PERSON" and e.text.split()[-1] not in placed
    ]
    first: dict[str, int] = {p.name: 0 for p in people if " " not in p.name}
    for name, at in named:
        if len(name.split()) > 1:
            surname = name.split()[-1]
            first[surname] = min(first.get(surname, len(text)), max(at, 0))
    return first


def without_surnames(doc: Doc, mentions: list[Mention], people: list[Person]) -> list[Mention]:
    """ "Paris told the crowd" after "Hélène Paris": a person's surname alone is that person,
    in the headline or once the body has given the full name ("Blumenau's mayor" before "its
    founder, Hermann Blumenau" is the town's).

    A mention still counts as a place with a place word ("in Paris", "Paris city"), its region
    after it ("Lincoln, Nebraska") or in capitals opening a dateline.
    """
    surnames, body = _surnames(doc, people, mentions), headline_end(text_of(doc))
    return [
        m
        for m in mentions
        if not _in_a_name(m.span, people)
        and (
            m.span.text not in surnames
            or body <= m.span.start_char < surnames[m.span.text]
            or m.span._.kind_hint
            or _after_place_word(m.span)
            or _located(m, mentions)
        )
    ]


def _after_place_word(span: Span) -> bool:
    """ "in Paris", "to Paris": a name after a place preposition is the place."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPOSITIONS


def _located(mention: Mention, mentions: list[Mention]) -> bool:
    """ "visited Lincoln, Nebraska": a name its region locates is the place."""
    doc, end = mention.span.doc, mention.span.end
    comma = end < len(doc) and doc[end].text == ","
    return comma and any(m.span.start == end + 1 and m.place.kind == "region" for m in mentions)


def _in_a_name(span: Span, people: list[Person]) -> bool:
    """ "Marek Kowalczyk": a town's name inside a person's full name is no place."""
    doc, start = span.doc, span.start_char
    for person in people:
        if " " not in person.name or span.text not in person.name:
            continue
        offset = person.name.index(span.text)
        if text_of(doc)[start - offset : start - offset + len(person.name)] == person.name:
            return True
    return False


def _org_place(org: Span, mentions: list[Mention]) -> Place | None:
    """The place in the organisation's name, or in "X-based" right after it."""
    return _place_in(org, mentions, []) or _place_after(org, mentions)


def find_organizations(doc: Doc, mentions: list[Mention]) -> list[Organization]:
    """Organisations named in the article, with the place their name or text gives."""
    orgs: dict[str, Organization] = {}
    for ent in entities(doc):
        if ent.label_ != "ORG" or EVENT_WORDS.search(ent.text):
            continue
        name = re.sub(r"^(the|The)\s+", "", " ".join(ent.text.split())).rstrip(",'s ")
        if len(name) < 3 or name.isupper() and len(name) <= 4 or name in orgs:
            continue
        orgs[name] = Organization(name, _org_place(ent, mentions))
    return list(orgs.values())
