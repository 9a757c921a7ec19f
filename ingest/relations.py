"""Partnerships between places, read sentence by sentence from the language of partnership news.

Each sentence is checked for the kinds it reports (a twinning, an agreement, a deal, a visit,
other cooperation), the parties it names (places, places behind chambers and universities that
sign, people's places, and anaphora such as "the two cities" or "the state"), and how sure it is
(signed, already in place, or only wished for; refusals are dropped).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span

from facts.shapes import Partnership, Person, Place
from ingest.acronyms import BODY_ACRONYM
from ingest.article_state import (
    CITY_NOUNS,
    NAMED_KIND_NOUNS,
    ONE_ANAPHORA,
    ArticleState,
    Party,
    anaphor_kind,
    council,
)
from ingest.dates import earlier_this_year
from ingest.home import COUNCIL_AFTER_NAME, OWN_GOVERNMENT
from ingest.hubs import (
    announced_named,
    announcement,
    header_ended,
    is_table_row,
    list_header,
    listed_pairs,
    partners_listed,
    possessive_hub,
    possessive_place,
    table_row,
    twin_possessor,
    without_counted_in,
)
from ingest.kinds import (
    COOPERATION_INSTRUMENT,
    KIND_REGEX,
    LASTING_KINDS,
    NAMED_PROGRAMME,
    PARTNERSHIP_AIM,
    PARTNERSHIP_OBJECT,
    RUNNING_TOTAL,
    TIE_ORDINAL,
    TWINNING,
    TWINNING_KINDS,
    WITH_WHICH,
    inside_name,
    modifies_event,
    one_agreement,
    restates_agreement,
    twinning_memorandum,
    valued_deal,
)
from ingest.money import MoneyMention, find_money, in_local_currency
from ingest.names import SPEECH_VERBS, called_by
from ingest.resolve import DESIGNATOR_NOUNS, KIND_SUFFIXES, Mention, contained, kind_word
from ingest.sentences import (
    country_spans,
    entities_in,
    headline_end,
    is_dateline,
    sentence_of,
    sentence_start,
    span_text,
    text_of,
)
from ingest.status import (
    PROPOSAL_REFUSED,
    RESPECTIVELY,
    SIGNING_VERB,
    clause_at,
    coordinate_breaks,
    ended_aside,
    ends_a_link,
    link_status,
    link_year,
    main_clause_at,
    member_years,
    refuses_another_link,
    relative_clauses,
)
from ingest.syntax import name_root
from ingest.tables import cells, table_header, table_partner
from ingest.titles import is_title
from ingest.unlisted import HYPHEN_UNITS, POSSESSIVE_S, locating_gap
from ingest.visits import POSTED_IN, TRANSIT_BEFORE, find_hosting, host_named, visits
from ingest.written import CAPITALS, COMPASS_WORDS, NAME, NAME_PARTICLES, after_county
from places.divisions import within_reach
from places.names import fold
from places.place import CITY_STATES

# Organisations that act for their place: subjects and those signed "with".
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "conj", "appos"})
NAME_LABELS = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
SEAT_VERBS = frozenset({"base", "based", "headquarter", "headquartered", "locate", "located"})
# Groups based in a place that act for it: its trade and its delegations.
ACTING_GROUPS = frozenset(
    {"company", "firm", "business", "enterprise", "exporter", "importer", "delegation", "mission"}
)
# Kinds a business signs too: a firm's agreement or contract.
FIRM_KINDS = frozenset({"mou", "trade_deal", "cooperation"})
# One business a place only locates: "a Thunder Bay maker", "a mine operator in Kiruna".
BUSINESS_NOUNS = frozenset(
    {"maker", "manufacturer", "producer", "operator", "supplier", "cooperative", "company"}
    | {"firm", "exporter", "importer", "retailer", "developer", "carrier", "bank", "startup"}
    | {"chain", "distributor", "wholesaler", "investor", "winery", "brewery", "publisher"}
    | {"printer", "house"}  # "a publishing house in Salzburg"
)
MEMBER_NOUNS = frozenset({"member", "councillor", "councilor", "official", "representative"})
# "have sister cities abroad", "ties with foreign cities": partners in other countries.
ABROAD = re.compile(r"\b(?:abroad|overseas|foreign (?:cities|towns|partners|regions))\b", re.I)
# "with the German state of Rhineland-Palatinate", "officials from Hubei": the other side's.
PARTNER_BEFORE = re.compile(r"\b(?:with|from)\b[^,;]*$", re.I)
WITH_BEFORE = re.compile(r"\bwith\b[^,;]*$", re.I)  # "signed ... with the Lao province of"
# A body "in" a region is its government: "the regional assembly in Warmia-Masuria" acts for it.
GOVERNING_BODIES = frozenset(
    {"assembly", "council", "government", "administration", "legislature", "parliament"}
)
SPECIFIC_KINDS = ("sister_city", "friendship_city", "mou", "trade_deal")
CONTAINER_AFTER = re.compile(  # "the Montreal borough of Montréal-Nord", "the London Borough of",
    # "the Belgrade municipality of Zemun"
    r"^\s*(?:cit(?:y|ies)|provinces?|states?|count(?:y|ies)|regions?|(?i:boroughs?)|districts?|"
    r"suburbs?|wards?|municipalit(?:y|ies)) of\b"
)
# "the central Vietnamese city of": what a district's town is called before its name.
TOWN_OF = re.compile(r"^the (?:[\w-]+ ){0,3}?(?:city|town) of\b")
NEAR_CHARS = 40
# "the capital of Telangana", "just south of Seoul", "near Lyon", "Seo-gu, a district of
# Daejeon", "Rovereto, in the province of Trento": words that only say where.
LOCATOR_BEFORE = re.compile(
    r"\b(?:capital|outskirts|suburbs?|edge) of(?: the)?$|"
    # "Kropyvnytskyi, the centre of the Kirovohrad region" (not "the trading centre of Lyon"),
    # "Oleksandriia, the second-largest city of the Kirovohrad region"
    r"\b(?:the|administrative|regional) (?:centre|center|seat) of(?: the)?$|"
    r"\b(?:largest|biggest|second[\w-]*|third[\w-]*) (?:city|town|port) (?:of|in)(?: the)?$|"
    r"\ban? (?:district|ward|borough|suburb|neighbou?rhood) of$|"
    # "Çankaya, the central district of Ankara" (not "the district of Mapo", nor "The historic
    # district of Fatih signed ...": the district)
    r",\s*the (?-i:[a-z])[\w-]* (?:(?-i:[a-z])[\w-]* )?(?:district|ward|borough|suburb|"
    r"neighbou?rhood) of$|"
    # "Hoan Kiem District of Hanoi" (not "the Metropolitan Borough of Stockport")
    r"\b(?!(?-i:Metropolitan|Royal|London|Federal|Special|Administrative)\b)"
    r"(?-i:[A-Z])[\w'’-]* (?-i:District|Ward) of$|"
    r",\s*in the (?:(?-i:[A-Z])[\w-]* )?(?:province|region|state|prefecture|county|department|"
    r"district|oblast) of$|"  # "Jaén, in the Peruvian region of Cajamarca"
    r",\s*on the (?:(?-i:[A-Z])[\w-]* )?island of$|"  # "Mindelo, on the island of São Vicente"
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west) of$|"
    r"\b(?:near|outside)$|"
    # "a county-level city administered by Weifang" (not "the port falls under Rotterdam, which
    # signed ...": a town that acts)
    r"\b(?:city|town|county|district|village|municipality)\s+(?:administered|governed) by$|"
    + TRANSIT_BEFORE.pattern,
    re.I,
)
# "Yeongdo-gu, one of the districts of the South Korean port city of Busan": where it lies.
ONE_OF_ITS_PARTS = re.compile(
    r"\bone of the (?:[\w-]+ )?(?:districts|wards|boroughs|suburbs|neighbou?rhoods) of\b"
    r"[^,;.]{0,50}$",
    re.I,
)
# "Hyogo Prefecture, where Nishinomiya is located,", "the region of Päijät-Häme, of which
# Lahti is the administrative centre," "in which Lahti lies," "to which Lahti belongs," or "the
# province in which Gniezno lies": a town named only to say where the region is.
WHERE_BEFORE = re.compile(
    r"(?:,\s*|\b(?:province|region|state|county|prefecture|oblast|department) )"
    r"(?:where|(?:of|in|to) which)$",
    re.I,
)
LIES_AFTER = re.compile(
    r"(?:is|are|was|were) (?:located|situated|based)\b|lies\b|sits\b|belongs\b|"
    r"is (?:the|its) (?:[\w-]+ )?(?:centre|center|capital|seat)\b",
    re.I,
)
# "the ancient capital of Kaifeng", "the former imperial capital of Kyoto": the town that was
# a capital, not a region's capital the sentence locates by its region, nor a venue ("in the
# old capital of Kyoto").
FORMER_CAPITAL = re.compile(
    r"(?<!\bin )(?<!\bat )(?<!\bnear )\bthe (?:ancient|old|former|historic|imperial|royal)\s+"
    r"(?:imperial\s+|royal\s+)?capital of$",
    re.I,
)
# "now part of Belgrade", "a town that is part of Saint Petersburg" (not "part of Busan's plan",
# "part of the Lyon delegation": a name that goes on names who acts).
PART_OF_BEFORE = re.compile(
    r"\b(?:is|are|was|were|now|became|becomes|forms?|formed) (?:now )?part of(?: the)?$", re.I
)
NAME_GOES_ON = re.compile(r"\s*(?:['’]s?\b|-?[a-z])")
LOCATIVE_PREPOSITIONS = frozenset({"in", "to", "at", "across", "throughout"})
# What a place after "in"/"at" hangs on when it is where an agreement was signed.
VENUE_HEADS = frozenset(
    {"sign", "ink", "seal", "conclude", "ceremony", "signing", "forum", "summit", "conference"}
    | {"agreement", "memorandum", "mou", "pact", "deal", "accord", "treaty"}
)
# "DURBAN —", "PORTSMOUTH, N.H. --", "DAVAO CITY (Agency/29 May) –", "SIBU (Feb 18):".
DATELINE = re.compile(
    rf"[{CAPITALS}][{CAPITALS} .'-]+[{CAPITALS}](?:,[^—–:(]{{1,40}}?)?\s*(?:\([^)]{{0,40}}\)\s*)?"
    r"(?:—|–|--|:)"
)
# ", and Leeds in Yorkshire in England.", "; Houston, Texas (1983); and Ulsan (1997).", ", and
# Osaka, Japan, since 1989 and 2001, respectively.": names that end a list, with their years, no
# new clause; an aside may close it (", and Lishui in China, although only one is active.").
LIST_TAIL = re.compile(
    rf"(?:,\s*|;\s*)?(?:and\s+)?(?:(?:the|and|in|of|since|{NAME_PARTICLES})\s+|"
    rf"[{CAPITALS}][\w.'’-]*[\s,;]*|\([{CAPITALS}][^()]{{0,40}}\)(?=\s*(?:[,;.!]|and\b|$))[\s,;]*|"
    r"\(?(?:since\s+)?(?:19|20)\d\d\b\)?[\s,;]*)+(?:respectively)?"
    r"(?P<aside>(?<=,)\s*(?:although|though|while|whereas|but)\b[^;]*)?[.!]?\s*"
)
# "In addition to Rennes, ...", "Besides Rennes and Bad Homburg, ...": partners named first.
FRONTED_PARTNERS = re.compile(r"\s*(?:In addition to|Besides)\s+", re.I)  # not "Along with"
# "after friendship ties with ...": the partners' list opening after "after".
TIES_WITH = re.compile(r"(?:[\w-]+ ){0,3}?(?:ties|agreements?|relations|links|pacts?) with\b", re.I)
# "Council resolved to ...", "- Council renewed ...", "In the same sitting, council ratified ...": a
# council's own news names it bare.
BARE_COUNCIL = re.compile(r"(?<![A-Za-z] )(?<![\w-])[Cc]ouncil(?= [a-z]|['’]s\b)")
# "In 2011 the Municipality also signed ...": the page's own town, named by no place before it
# in its sentence, nor by "the Municipality of X" just before.
OWN_MUNICIPALITY = re.compile(r"(?<=[Tt]he )Municipality(?= (?!of\b)[a-z])")
MUNICIPALITY_OF = re.compile(r"\bMunicipality of\b")
# "Honiara's third twin city, after ...", "Mapo-gu's third overseas partnership, after ...":
# the partners the possessor had before.
EARLIER_PARTNERS = re.compile(
    r"['’]s (?:[\w-]+ ){0,3}?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th))\b[^,;.]{0,60}?,?\s+(?:after|following|joining|alongside)\s+",
    re.I,
)
# "Suresnes followed in 1983", "It was followed by Mobile in 1993": the next of a town's ties.
FOLLOWED = re.compile(
    r"\b(?:followed in (?P<year>(?:19|20)\d\d)\b(?=\s*(?:[.,;]|$))|(?:was|were) followed by\b)"
)  # not "Basel followed in 1960 with a tram line"
# What may open a sentence before the town that followed: "The second, with ".
FOLLOWER = re.compile(
    rf"\W*(?:the (?:next|{TIE_ORDINAL}),? with (?:the (?:[\w-]+ )"
    r"{1,2}(?:city|town|port) of )?)?",
    re.I,
)
# What may stand between "was followed by" and the town: "by [the Polish city of] Gdynia".
FOLLOWED_BY = re.compile(r"\s*(?:the (?:[\w-]+ ){1,2}(?:city|town|port) of\s+)?")
# The tie reported before is what was followed: "It was followed by", "..., which was followed
# by" (not "They were followed by Istanbul and Busan", a pair of their own).
FOLLOWED_BY_IT = re.compile(r"(?:^\W*(?:It|This|That)|,\s*which) (?:was|were) followed by$")
# "in the region", "across the area": where, not who.
IN_THE_REGION = re.compile(r"\b(?:in|across|throughout|around|within)\s+$", re.I)
# Organisations that stand for their place: governments, chambers, universities, agencies.
PUBLIC_BODY = re.compile(
    r"\b(?:Council|Government|Municipal\w*|City Hall|Chamber|Universit\w+|College|Academy|"
    r"Institute|Agency|Authority|Office|Bureau|Department|Ministry|Commission|Committee|Board|"
    r"Administration|Assembly|Legislature|Parliament|Senate|Police|Fire|Hospital|School|"
    r"Association|Federation|Foundation|Museum|Library|Secretariat|Prefecture|Province|State|"
    r"County|District|City|Region|Oblast|Governorate|Metropolitan|Mayor\w*)\b"
)
PAIR_ANAPHORA = re.compile(
    r"\b(?:the|both) (?:two (?:port |border |coastal |capital |sister )?)?(?:cities|sides|towns|"
    r"places|communities|municipalities|"
    r"governments|councils|regions|provinces|states|mayors|parties)\b|"
    r"\b(?:the two|them)(?= (?:[a-z]+ed|sister|twin|friendship|partner)\b)",
    re.I,
)
# A place's name and what joins it to the next: "Lyon and ", "Kuala Lumpur, ", "Turin & ".
COORDINATED = re.compile(rf"{NAME}\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
# "with", "with the city of": the words right before a link's partner.
_KIND_OF = r"(?:city|town|state|province|region|county)\s+of\s+"
_WITH_PARTNER_NEXT = rf"\s+with\s+(?:the\s+)?(?:{_KIND_OF})?$"
# "ties with", "twinned with the city of".
LINKED_WITH = re.compile(
    r"\b(?:ties|links|relations|relationships|agreements?|partnerships?|twinned|pacts?|"
    rf"accords?){_WITH_PARTNER_NEXT}",
    re.I,
)
# "the LoI with Pontianak", "the twinning agreement with Baku", "the 2009 cooperation
# agreement with", "the friendship agreement signed in 2014 with", "A friendship agreement with"
# opening the sentence: the link the article's own town has (not "signed an agreement with", "the
# university's agreement with").
OWN_LINK_WITH = re.compile(
    # "There was also a cooperation agreement with Pointe-Noire", "In 2012 a memorandum with"
    r"(?:\bthe|^\W*(?:In (?:19|20)\d\d,?\s+an?|(?-i:An?|There (?:is|was|are|were) (?:also )?an?)))"
    r"\s+(?:(?:19|20)\d\d\s+)?"
    r"(?:(?:sister|twin(?:ning)?|friendship|friendly|partner|city|town|"
    rf"cooperation|trade|proposed|planned|new|formal|long-?standing|{TIE_ORDINAL})[\s-]+){{0,3}}"
    r"(?:memorand\w*|MoUs?|LoIs?|letters? of intent|agreements?|"
    r"pacts?|accords?|protocols?|charters?|relationships?|partnerships?|ties|twinning)"
    r"(?:,?\s+(?:signed|concluded)(?:\s+in\s+(?:19|20)\d\d)?)?,?"
    # "the friendship protocol with the French city of Poitiers", "... with the Hungarian spa
    # town of Hévíz"
    rf"\s+with\s+(?:the\s+)?(?:(?:[A-Z][\w-]+\s+)?(?:(?-i:[a-z])[\w-]+\s+)?{_KIND_OF})?$",
    re.I,
)
# "We also have a sister city agreement with", "Our oldest partnerships, with", "Our oldest
# partner is": a town speaking of its own ties (an interview, an op-ed, a council's page).
WE_LINK_WITH = re.compile(
    r"(?<![\w-])(?:we|our)\s+(?:[\w-]+,?\s+){0,8}?(?:with|is|are)\s+(?:the\s+)?"
    rf"(?:(?:(?-i:[A-Z])[\w-]+\s+)?(?:(?-i:[a-z])[\w-]+\s+)?{_KIND_OF})?$",
    re.I,
)
# "Pescara, on the Adriatic, twinned with us since 1998", "Bodh Gaya has been our friendship
# city": the same, after the partner's name.
WE_AFTER = re.compile(r"[^.;:\"“”]{0,60}?\b(?:with us|(?:is|has been|was) our)\b")
# "Campeche, the other fortified port, became a sister city in 1996": a partner that opens the
# sentence became the article's own town's.
BECAME_TIE = re.compile(
    r"\W*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:,[^,;]{1,80},)?\s+"
    r"(?P<tie>became\s+(?:a|its|our)\s+(?:sister|twin|partner)[\s-](?:city|town)\b)"
)
# "Lyon and Turin became sister cities": the words between a named pair and its twinning.
# "to declare A and B sister cities", "make them": a pair named as what it is to become.
DECLARED = re.compile(r"\b(?:declar|mak|proclaim|nam)(?:e|es|ed|ing)\s+$", re.I)
BECAME = re.compile(
    r"\s+(?:(?:have|has|had)\s+been|became|become|are|were|remain(?:ed)?|(?:will|would)\s+become)"
    r"\s+(?:(?:official|formal|close|long-?time)\s+)?$",
    re.I,
)
NAME_WORDS = re.compile(NAME)
# "... with five towns: ", "... with the following cities – ": the partners, counted, next.
COUNTED_OPENING = re.compile(
    r"(?<=\bwith\s)(?:[\w-]+\s+){1,2}(?:cities|towns|municipalities|places|partners|regions|"
    r"provinces|states|communities)\s*(?::|\s[-–—])\s*$"
)
# "[Iloilo] has three sister cities: A, B and C": a list of someone's partners, opened by its
# owner's verb, whoever the owner is.
OWNED_LIST = re.compile(
    r"\b(?:has|have|had|maintains?|boasts?|counts?)\s+(?:(?!gone|become|been|come)[\w-]+\s+)"
    r"{0,4}?(?:cities|towns|municipalities|partners|regions|provinces|states|prefectures)"
    r"\s*(?::|\s+in)\s*$",  # "has three sister cities: A, B", "has friendship towns in A and B"
    re.I,
)
# "... relationship between": the words after a link's trigger before the pair it names.
BETWEEN_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+between\s+(?:the\s+)?", re.I)
# "between Kochi Prefecture and Fujian Province", "between the city of Aswan and the Greek city
# of Heraklion"
_KIND_OF = (
    r"(?:(?:[A-Z][\w-]*\s+)?(?:city|town|municipality|province|state|prefecture|county)\s+of\s+)?"
)
BETWEEN_PAIR = re.compile(
    rf"{_KIND_OF}(?P<first>{NAME})\s+(?:and|&)\s+(?:the\s+)?{_KIND_OF}(?P<second>{NAME})"
)
# "signed with the city of": the words before a partner's name.
WITH_PARTNER = re.compile(r"\bwith\s+(?:the\s+)?(?:(?:city|town|state|province)\s+of\s+)?$", re.I)
# Words of a nation's business: its link with a city named alone is the nation's.
NATIONAL_HOLDER = re.compile(
    r"\b(?:prime minister|president|government|ministry|minister|national|federal|embassy|"
    r"country|nation)\b",
    re.I,
)
# "Its partnership with Pushkin ...", "It signed a friendship agreement with ...", "In Korea,
# it signed ...", "Besides Hasselt, it is twinned with ...", "It is a sister city of Turin": the
# ties of the place the sentence before was about (not "It was signed in 2003": the agreement).
OPENING_ITS = re.compile(
    r"\s*(?:(?:In|Since|At|By|Besides|Apart from)\s[^,;]{1,40},\s+)?"
    r"(?:[Ii]ts\s+(?:[\w-]+\s+){0,3}?(?:partnerships?|partners?|sister|twin(?:ning)?s?|friendship|"
    r"ties|agreements?|links|relations)|[Ii]t\s+(?:also\s+)?(?:signed|inked|concluded|"
    r"(?:is|was|has been) (?:also )?(?:twinned|an?\s+(?:sister|twin|partner|friendship)[\s-]"
    r"(?:city|town))|"
    r"has (?:also )?(?:signed|had|maintained|established|concluded|sister|twin|partner|"
    r"friendship|ties|links)))\b"  # "It has had a cooperation agreement with"
)
POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
DESCRIBING_CLAUSE = re.compile(r",\s+which\b[^,;]*$")
# "We are twinned with ...", "We have been sister cities of ... since": an article of its own
# town (an op-ed, a council's page) speaking for it, outside quotes.
WE_TWINNED = re.compile(
    r"[^\w\"“”‘’']*We (?:are|were|have been|have also been) (?:also )?"
    r"(?:twinned|(?:sister|twin|partner|friendship)[\s-](?:cities|towns)) (?:with|of)\b"
)
DELEGATION_ANAPHORA = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?P<mods>(?:[\w-]+ ){0,3})delegation\b"
)


def _anaphora_parties(
    text: str, state: ArticleState, gaz_country, named_parties: list[Party], speaking: set[str]
) -> list[Party]:
    named = {p.place.key for p in named_parties}
    # "The province signed ... with Savannakhet": a place the sentence names as the partner
    partners = {
        p.place.key
        for p in named_parties
        if WITH_BEFORE.search(text, max(0, p.start - 40), p.start)
    }
    parties = []
    pair = PAIR_ANAPHORA.search(text)
    if (
        pair
        and state.last_pair
        and len(named) < 2
        and not _new_pair_before(pair, state, named_parties)
    ):
        parties += [Party(p, pair.start()) for p in state.last_pair]
    for match in ONE_ANAPHORA.finditer(text):
        if len(named) > 1 and _describes(match):
            continue
        if _region_named_before(match, named_parties):
            continue  # "the assembly in Warmia-Masuria suspended the province's agreement"
        around = match["noun"] in {"region", "area"} and IN_THE_REGION.search(
            text, 0, match.start()
        )
        if around and text[match.end() : match.end() + 2] not in POSSESSIVE_S:
            continue  # "ties with cities in Turkey and in the region": around, not a party
        place = _one_anaphor(match, state, gaz_country, named, speaking, partners)
        if place is not None:
            parties.append(Party(place, match.start()))
    subject = state.subject
    if OPENING_ITS.match(text) and subject is not None and subject.key not in named:
        parties.append(Party(subject, 0))  # "Sigulda has partners ... Its partnership with X"
    own = state.home or state.focus
    we = WE_TWINNED.match(text)  # "We are twinned with Cádiz": the article's own town speaks
    if we and own is not None and own.kind == "city" and own.key not in named:
        parties.append(Party(own, we.start()))
    for match in BARE_COUNCIL.finditer(text):
        if own is not None and own.kind == "city" and own.key not in named:
            parties.append(Party(own, match.start()))  # "Council resolved to ...": its own
    match = DELEGATION_ANAPHORA.search(text)
    if match and not re.search(r"delegation (?:from|of)", text, re.I):
        found = _delegation(match, state, gaz_country, named)
        parties += [Party(p, match.start(), delegation=True) for p in found]
    return parties


def _new_pair_before(pair: re.Match, state: ArticleState, named: list[Party]) -> bool:
    """ "A 2011 twinning with Lugo was suspended in 2020, when both councils agreed ...",
    "... travelled to Saint-Raphaël to re-sign the charter the two towns signed in 2004": a place
    the sentence names before "both councils" makes a pair of its own with the town, not the
    pair the text spoke of last (not "The two cities also signed ... with Shanghai")."""
    last = {p.key for p in state.last_pair or ()}
    return any(p.start < pair.start() and p.place.key not in last for p in named)


def _apposed_country(anaphor: re.Match, gaz_country) -> str | None:
    """The country an apposition right after the anaphor places it in: "The province, across
    the border in Laos, signed ..." (not "across the Mekong from Thailand")."""
    text = anaphor.string
    if not text.startswith(",", anaphor.end()):
        return None
    end = text.find(",", anaphor.end() + 1)
    apposition = text[anaphor.end() : end if end > 0 else len(text)]
    words = re.findall(r"\bin (?:the )?([A-Z][\w'-]+)", apposition)
    return next((code for code in map(gaz_country, words) if code), None)


def _region_named(place: Place | None, state: ArticleState) -> Place | None:
    """The region a place names: itself, or the region of its name met in the article
    ("Nakhon Phanom Province" for the town of Nakhon Phanom)."""
    if place is None or place.kind == "region":
        return place
    return next(
        (
            p
            for p in state.recent
            if p.kind == "region"
            and p.country == place.country
            and fold(p.name).startswith(fold(place.name))
        ),
        None,
    )


def _subject_place(named: list[Mention]) -> Place | None:
    """The place a sentence is about: its subject itself ("Nakhon Phanom also maintains ties
    ...", "Quang Nam and Sekong signed ..."), not a person's or a group's place ("Gyeonggi
    Vice Governor Kim said ...", "Guangdong investors ...")."""
    for m in named:
        token = name_root(m.span)
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            return m.place
    return None


def _region_named_before(anaphor: re.Match, parties: list[Party]) -> bool:
    """Whether "the province" stands for a region its own sentence names before it, not as a
    partner ("the agreement with Lower Silesia ..., and the region signed ...")."""
    text = anaphor.string
    if PARTNER_BEFORE.search(text, max(0, anaphor.start() - 40), anaphor.start()):
        return False  # "signed an MoU with the province's minister": the other side
    return anaphor_kind(anaphor.group("noun")) == "region" and any(
        p.place.kind == "region"
        and p.start < anaphor.start()
        and not PARTNER_BEFORE.search(text, max(0, p.start - 40), p.start)
        for p in parties
    )


def _describes(anaphor: re.Match) -> bool:
    """ "..., which has brought investment into the province's industries": a possessive in a
    relative clause that reports no link of its own describes; it names no party (where the
    sentence names its parties itself)."""
    text = anaphor.string
    opening = DESCRIBING_CLAUSE.search(text, 0, anaphor.start())
    if opening is None or not POSSESSIVE_AFTER.match(text, anaphor.end()):
        return False
    end = next((i for i in range(anaphor.end(), len(text)) if text[i] in ",;"), len(text))
    return not any(r.search(text, opening.start(), end) for r in KIND_REGEX.values())


def _delegation(match: re.Match, state: ArticleState, gaz_country, named: set[str]) -> list[Place]:
    """ "the delegation", "the Chinese provincial delegation": the visitors met before, else
    the one place met before in the country the delegation is of ("The Italian delegation"
    after a signing with Bassano del Grappa), when it goes to places met before too (not "The
    Italian delegation to the Boao Forum arrived in Haikou")."""
    countries = set()
    for word in match.group("mods").split():
        if word[:1].isupper():
            country = gaz_country(word)
            if not country:
                return []  # "the Dunedin delegation" names its place itself
            countries.add(country)
    if state.last_visitors:
        return [v for v in state.last_visitors if not countries or v.country in countries]
    met = {p.key: p for p in state.recent if p.country in countries}
    known = named <= {p.key for p in state.recent}
    return list(met.values()) if len(met) == 1 and known else []


# What may open a clause before its subject: "In 2016, the province signed ...".
OPENS_CLAUSE = re.compile(r"\s*(?:[^,;]{0,40},\s*)?")
# The words of a region's kind that set regions apart: a state is no province.
DESIGNATED_NOUNS = frozenset({"state", "province", "prefecture"})
QUOTED_OR_SAID = re.compile(r"[\"“”]|\b(?:said|says|told|added|noted|stressed)\b")


def _last_word(span: Span, place: Place) -> str:
    """The last word of a place's name as written, if a kind word, else of its name."""
    last = span[-1].lower_
    return last if last in KIND_SUFFIXES else place.name.split()[-1].lower()


def _one_anaphor(
    match: re.Match,
    state: ArticleState,
    gaz_country,
    named: set[str],
    speaking: set[str],
    partners: set[str],
):
    """ "the city", "the New Zealand city", "his city": a place met before, not one named here.

    "The council" is the article's own town when it is one, that of its dateline first: news
    of a council is local news. So is "the city" of no one speaking: the article's own town,
    not the partner named last.
    """
    noun, adj = match.group("noun"), match.group("adj")
    home = state.home if state.home and state.home.kind == "city" else None
    focus = home or state.focus
    if council(noun):
        if adj or match.string[: match.start()].rstrip().endswith("where"):
            return None  # not "the British Council", nor "Tianjin, where the council signed"
        if focus and focus.kind == "city":
            return focus if focus.key not in named else None
    wanted = anaphor_kind(noun)
    speaker = state.speaker_place
    if match.group(0).split()[0].lower() in {"his", "her", "my", "our"} and speaker:
        return speaker
    country = gaz_country(adj) if adj else None
    if adj and not country:
        return None
    # "the province" is not "the State of Penang": no region written with another such word
    otherwise = {
        key
        for key, words in state.called.items()
        if noun in DESIGNATED_NOUNS and words & DESIGNATED_NOUNS and noun not in words
    }
    # a speaker of an earlier sentence speaks on only in quotes: "The town has been twinned
    # with Humenne" after "Kulyk invited ..." is the article's town
    spoken = bool(speaking) or QUOTED_OR_SAID.search(match.string) is not None
    fits = speaker is not None and wanted in (None, speaker.kind) and speaker.key not in otherwise
    fits = fits and spoken
    if fits and country in (None, speaker.country):
        if speaker.key not in named:
            return speaker
        if speaker.key in speaking:  # "Porto mayor Rui Moreira said the city had ...": Porto
            return None
    if noun == "district" and any("district" in state.called.get(key, ()) for key in named):
        return None  # "The Cahul District Council ..., the district administration said": that
        # district, a party already (not the town of Cahul)
    own = noun in CITY_NOUNS and focus is not None and focus.kind == "city" or noun == "district"
    if own and not adj and focus is not None and focus.key not in partners:
        # "In June 2023 the city signed ...": the town the article is about; named in the
        # sentence too ("the city ended its ties ...: Kropyvnytskyi City Council terminated"),
        # a party already, not the town named before it (but "the city ... signed with
        # Greenville": another)
        return focus if focus.key not in named else None
    apposed = _apposed_country(match, gaz_country)  # "The province, ... in Laos, signed"
    region = _region_named(state.subject, state) if noun in DESIGNATED_NOUNS and not adj else None
    if (
        region is not None
        and region.key not in otherwise
        and OPENS_CLAUSE.fullmatch(match.string, 0, match.start())
        and apposed in (None, region.country)
        and region.key not in partners
        and noun in state.called.get(region.key, ())  # not "the state" for Gyeonggi province
    ):
        return region  # "Nakhon Phanom also keeps ties ... The province signed ...": that one
    country = country or apposed
    if noun == "district":
        return None  # not the city a district was located in just before ("... in Beijing")
    called = noun if noun in NAMED_KIND_NOUNS else None  # "the county": not Virginia
    return state.last_met(wanted, named | otherwise, country, called)


# "the Michigan city", "the Gauteng coastal town": a town the article names elsewhere.
TOWN_NOUN_AFTER = re.compile(
    r"^\s*(?:[a-z]+ )?(?:city|town|port|municipality)\b(?!\s+(?:of|authorities|officials|"
    r"government|council|hall|administration|leaders|delegation|mayor)\b)"
)  # not "the Thua Thien Hue city authorities", who act


# "other Balkan cities", "three Ohio towns": towns of a region that the text does not name.
TOWNS_AFTER = re.compile(r"^\s*(?:cities|towns|municipalities|ports|villages)\b(?!\s+of\b)")


def _describes_a_town(span: Span) -> bool:
    """Whether a region's name only says where a town is: "the Michigan city", "other Balkan
    cities" (not "the Guangdong city of Foshan", whose town is named, nor "Guangdong cities
    and Texas cities signed ..., while Guangdong and Texas signed ...", where it acts too)."""
    doc = span.doc
    after = doc[span.end : span.end + 3].text
    the = span.start > 0 and doc[span.start - 1].lower_ == "the"
    if the and TOWN_NOUN_AFTER.match(after) is not None:
        return True
    return bool(TOWNS_AFTER.match(after)) and span_text(span.sent).count(span.text) == 1


def _locates_a_town(county: Span) -> bool:
    """ "Kilkee, Co Clare,", "in north Co Clare", "Co Kerry's Killarney": an Irish county
    written with its word, after a town and its comma or "in", or before the town it holds."""
    doc, word = county.doc, county.start - 1
    before = doc[word - 1].lower_ if word > 0 else ""
    after = doc[county.end].text if county.end < len(doc) else ""
    return before in {",", "in"} | COMPASS_WORDS or after in POSSESSIVE_S


def _sentence_parties(sent: Span, named, org_mentions, speakers, people, state, gaz_country):
    """Places acting in this sentence: named (its `named` mentions), behind signing
    organisations, of its placed `speakers`, or by anaphora."""
    offset = sent.start_char
    parties, venues = [], []
    for i, m in enumerate(named):
        if _where_said(m.span) or _seat(m.span) or _one_business(m.span):
            continue  # "..., the premier said in Nanjing": where it was said, not who
        if i and _after_comma(named[i - 1].span, m.span) and is_table_row(sent):
            continue  # "- Hoan Kiem District, Hanoi, Vietnam – friendship city": an address
        if _holds_the_next(m, named[i + 1 :], gaz_country):
            continue  # "the Silicon Valley cities of Antioch, ...", "the Sofia district of ..."
        if i and (_holds_the_part(named[i - 1], m) or _town_of(named[i - 1], m)):
            continue  # "The Zemun municipality of Belgrade": Belgrade only holds Zemun
        if _named_by_its_part(m, named):
            continue  # "Tokyo's Taito Ward": Tokyo only holds Taito
        if m.place.kind == "region" and _describes_a_town(m.span):
            continue  # "between the Latvian resort town and the Michigan city": a town of it
        if after_county(m.span) and _locates_a_town(m.span):
            continue  # "Kilkee, Co Clare, signed ...": where the town is, even one unknown
        before = sent.doc[max(0, m.span.start - 6) : m.span.start].text
        former_capital = m.place.kind == "city" and FORMER_CAPITAL.search(before)
        further = sent.doc[max(0, m.span.start - 14) : m.span.start].text
        locator = LOCATOR_BEFORE.search(before) and not former_capital
        locator = locator or ONE_OF_ITS_PARTS.search(further)
        if locator or _bracketed_locator(m, named) or _ward(m.span):
            continue  # "the capital of Telangana", "just south of Seoul": only where a place is
        after = sent.doc[m.span.end : m.span.end + 4].text  # not doc.text: it joins every token
        if WHERE_BEFORE.search(before) and LIES_AFTER.match(after):
            continue  # "Hyogo Prefecture, where Nishinomiya is located,": only where it lies
        if PART_OF_BEFORE.search(before) and not NAME_GOES_ON.match(after):
            continue  # "Pushkin, a town that is part of Saint Petersburg": where it lies
        if _posting(m.span):
            continue  # "Belgium's Consul General in Mumbai": where a diplomat serves
        locator = _locates_another(m, named)
        party = Party(m.place, m.span.start_char - offset, locator=locator)
        dateline = _dateline(m.span, sent)
        if dateline and state.home is None:
            state.home = m.place
        (venues if dateline or _signing_venue(m, named) else parties).append(party)
    for m in org_mentions:
        if sent.start <= m.span.start < sent.end and _org_acts(m.span):
            own = _government_of(m.span)  # "Hobart City Council" is the city itself
            parties.append(Party(m.place, m.span.start_char - offset, via_org=not own))
    named_parties = list(parties)
    if len({p.place.key for p in named_parties}) < 2:
        parties += _acting_people(sent, speakers, people)
    text = span_text(sent)
    speaking = {p.place.key for p in speakers if p.place}
    parties += _anaphora_parties(text, state, gaz_country, named_parties, speaking)
    parties += _own_municipality(sent, named_parties, state)
    parties += _own_side(sent, parties, state)
    if len({p.place.key for p in _drop_contained(parties)}) < 2:
        parties += venues  # "a Dunedin delegation signed memorandums in Shanghai": a party
    listing = possessive_hub(text)
    after = [p for p in parties if listing and p.start >= listing.end]
    hub = possessive_place(state, listing, {p.place.key for p in after}) if listing else None
    if listing and listing.named:  # "Uzhhorod's other partners are ...": the place named,
        # no one else ("Air Astana's partners", "Kyiv Mayor Klitschko's partners")
        spans = {(m.span.start_char - offset, m.span.end_char - offset): m.place for m in named}
        hub = spans.get(listing.named)
    if listing:  # "Its sister cities include A, B and C": partners of the hub, not each other's
        parties = [Party(hub, 0), *after] if hub is not None else []
    parties = [p for p in parties if not _country(p.place, gaz_country)]
    return _drop_contained(parties)


def _own_municipality(sent: Span, named_parties: list[Party], state: ArticleState) -> list[Party]:
    """ "In 2011 the Municipality also signed ...": the page's own town, when no place comes
    before it in the sentence ("Officials from X said the Municipality ..."), no other town of
    its country is named in it, and no "the Municipality of X" just before."""
    own = state.home or state.focus
    text = span_text(sent)
    found = OWN_MUNICIPALITY.search(text)
    if found is None or own is None or own.kind != "city":
        return []
    if any(p.start < found.start() or p.place.country == own.country for p in named_parties):
        return []
    before = text_of(sent.doc)[max(0, sent.start_char - 300) : sent.start_char]
    return [] if MUNICIPALITY_OF.search(before) else [Party(own, found.start())]


def _holds_the_next(m: Mention, later: list[Mention], gaz_country) -> bool:
    """ "the Silicon Valley cities of Antioch", "the Belgrade municipality of Zemun", "the Sofia
    district of Lozenets": the place only holds the place named next, known or not; not "The
    Gangnam district of Seoul" (the smaller is the part), nor "the Hebei province of China"."""
    end = _after_container(m.span)
    if end is None:
        return False
    nxt = next((n for n in later if n.span.start == end), None)
    if nxt is not None:
        return not _part_of(nxt.place, m.place)
    doc = m.span.doc
    name = doc[end : end + 1]
    while name.end < len(doc) and doc[name.end].is_title:
        name = doc[name.start : name.end + 1]  # "North Macedonia"
    return end < len(doc) and doc[end].is_title and not gaz_country(name.text)


def _holds_the_part(part: Mention, m: Mention) -> bool:
    """Whether `m` is the town the part named before it lies in ("The Zemun municipality of
    Belgrade")."""
    return _after_container(part.span) == m.span.start and _part_of(m.place, part.place)


def _town_of(town: Mention, m: Mention) -> bool:
    """Whether `m` holds the town named right before it with its word: "Tu Son city of Bac
    Ninh", "Oyama City of Tochigi" (a province, whatever town the data reads its name as)."""
    span, doc = town.span, town.span.doc
    return (
        span[-1].lower_ in {"city", "town"}
        and span.end + 1 == m.span.start
        and doc[span.end].lower_ == "of"
        and town.place.country == m.place.country
    )


def _after_container(span: Span) -> int | None:
    """Where the name after "<place> district of" begins, if such words follow the place, or
    "of" after a district's own name ("Jung-gu of Incheon", "Hai Chau District of the central
    Vietnamese city of Da Nang")."""
    doc = span.doc
    container = CONTAINER_AFTER.match(doc[span.end : span.end + 4].text)
    if container:
        return span.end + len(container.group().split())
    district = span[-1].lower_ in PART_AFTER | HYPHEN_UNITS
    if not district or doc[span.end : span.end + 1].text != "of":
        return None
    town = TOWN_OF.match(doc[span.end + 1 : span.end + 7].text)
    return span.end + 1 + (len(town.group().split()) if town else 0)


def _part_of(outer: Place, place: Place) -> bool:
    """Whether `place` is the part in "the <place> district of <outer>": the smaller of two
    towns ("The Gangnam district of Seoul"); a region and a town read the other way ("the
    Skopje municipality of Karpoš")."""
    both_towns = place.kind == outer.kind == "city"
    return both_towns and (place.population or 0) < (outer.population or 0)


REGIONAL_HOLDER = re.compile(
    r"\b(?:regional|provincial|prefectural|voivodeship|province|region|oblast|prefecture|"
    r"governorate|county)\b",
    re.I,
)
# "the City Council", "the Municipal Assembly": the article's own town's body, no other holder.
OWN_BODY = re.compile(
    r"(?:the )?(?:City|Town|Municipal|Local)? ?(?:Council|Assembly|Executive)", re.I
)


def _own_side(sent: Span, parties: list[Party], state: ArticleState) -> list[Party]:
    """ "As for the LoI with Pontianak, ...": the one partner a sentence names after "the ...
    with" is the partner of the article's own town (its dateline's, else its most-named city),
    a town of another country; not when an organisation or a nation holds the link ("the port
    alliance renewed the agreement with Kaohsiung", "the prime minister suspended ...")."""
    kept = {p.place.key for p in _drop_contained(parties)}  # "the town of Suzdal in the
    if len(kept) != 1:  # Vladimir region": one
        return []
    own = state.home or state.focus
    text = span_text(sent)
    # "Haderslev: the friendship agreement with the town of Haderslev": the mention after it
    mentions = sorted((p for p in parties if p.place.key in kept), key=lambda p: p.start)
    found = ((p, OWN_LINK_WITH.search(text, 0, p.start)) for p in mentions)
    partner, link = next(((p, m) for p, m in found if m), (mentions[0], None))
    if link is None:  # "Campeche, ..., became a sister city in 1996"
        became = BECAME_TIE.match(text)
        if became and mentions[0].start < became.start("tie"):
            partner, link = mentions[0], became
    if link is None:  # "We also have a sister city agreement with X", "X, twinned with us"
        link = WE_LINK_WITH.search(text, 0, partner.start) or WE_AFTER.match(text, partner.start)
    if own is None or own.kind != "city" or own.country == partner.place.country:
        return []
    before = text[: partner.start]
    if link is None or "'s" in before or NATIONAL_HOLDER.search(before):
        return []
    if _in_organisation(sent, partner.start):
        return []  # "the cooperation agreement with the Kursk Chamber of Commerce"
    link_at = min(link.start(), partner.start)
    if coordinate_breaks(text, 0, link_at):
        return []  # "Other towns are reconsidering the twinning, but the partnership with X ..."
    holders = [e for e in entities_in(sent) if e.label_ == "ORG" and not OWN_BODY.fullmatch(e.text)]
    # "Lublin city council voted to end the 2009 agreement with", "China signed the ...",
    # "the voivodeship would end the ...": another town, a nation or a region holds it
    doc = sent.doc
    holders += [*doc.spans["places"], *doc.spans["org_places"], *country_spans(sent).values()]
    before_link = sent.start_char + link_at
    # "Haderslev: the friendship agreement with the town of Haderslev": the row's label holds
    # nothing
    partner_at = sent.start_char + partner.start
    named = {e.text for e in holders if e.start_char == partner_at}
    held = any(
        sent.start <= e.start and e.start_char < before_link and e.text not in named
        for e in holders
        if not _named_for(e, own)  # "by decision of the Vinnytsia City Council, the ..."
    )
    if held or REGIONAL_HOLDER.search(text, 0, link_at):
        return []
    return [Party(own, 0)]


def _in_organisation(sent: Span, at: int) -> bool:
    """Whether the place named at `at` is part of an organisation's name ("the Kursk Chamber of
    Commerce"), not of its own government's ("the City of Kursk", "Kursk City Council")."""
    start = sent.start_char + at
    return any(
        e.label_ == "ORG"
        and e.start_char <= start < e.end_char
        and not (OWN_GOVERNMENT.search(e.text) or TOWN_OF_NAME.match(e.text))
        for e in entities_in(sent)
    )


# "the City of Kursk", "the Municipality of Zemun": a town's own name as an organisation's.
TOWN_OF_NAME = re.compile(
    r"(?:the\s+)?(?:City|Town|Municipality|Commune|District|Province|Prefecture|County|Region|"
    r"State)\s+of\b",
    re.I,
)


def _named_for(span: Span, place: Place) -> bool:
    """ "Vinnytsia", "the Vinnytsia City Council": the place itself or its own council (not
    "Vinnytsia Polytechnic")."""
    text = span.text[4:] if span.text.lower().startswith("the ") else span.text
    if fold(text[: len(place.name)]) != fold(place.name):
        return False
    end = span.end_char - len(text) + len(place.name)
    return end == span.end_char or bool(COUNCIL_AFTER_NAME.match(text_of(span.doc), end))


def _country(place: Place, gaz_country) -> bool:
    """ "Keelung in Taiwan": a region that is a country is never a party (a city-state is)."""
    return place.kind == "region" and gaz_country(place.name) == place.country


def _signing_venue(m: Mention, named: list[Mention]) -> bool:
    """ "signed the pact in Hamburg", "at a ceremony in Hamburg", "with Rostock in Hamburg" (a
    city is not inside another city): where it was signed. A party only when the sentence
    names no two others."""
    token = m.span.root
    if token.dep_ != "pobj" or token.head.lower_ not in {"in", "at"}:
        return False
    head = token.head.head
    # "at a ceremony held at the municipality's building in Ilkadim": the building's place
    while head.dep_ == "pobj" and head.head.lower_ in {"in", "at", "on"}:
        head = head.head.head
    if head.lemma_ in {"hold", "host"} and head.dep_ in {"acl", "relcl"}:
        head = head.head
    if head.lemma_.lower() in VENUE_HEADS:
        return True
    return m.place.kind == "city" and any(
        o is not m and o.place.kind == "city" and o.span.start <= head.i < o.span.end for o in named
    )


def _dateline(span: Span, sent: Span) -> bool:
    """ "DURBAN — The province of ...", "PORTSMOUTH, N.H. —", "Toluca, State of Mexico, October
    19, 2016.- The Governor ...": where the story was filed, which
    acts only when the sentence names no two other parties."""
    match = DATELINE.match(span_text(sent))
    return is_dateline(span) or bool(match) and span.end_char - sent.start_char <= match.end()


def _where_said(span: Span) -> bool:
    token = span.root
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in {"in", "at"}
        and token.head.head.lemma_ in SPEECH_VERBS
    )


def _one_business(span: Span) -> bool:
    """ "a Thunder Bay mining-equipment maker", "a cocoa cooperative in Ilesa": a place that only
    says where one business is; the business's deals are no partnership of places."""
    token = span.root
    noun = token.head if token.dep_ in {"compound", "nmod", "amod"} else None
    while (
        noun is not None
        and noun.dep_ in {"compound", "amod"}
        and noun.head.i > noun.i
        and noun.lemma_ not in BUSINESS_NOUNS
    ):
        noun = noun.head  # "a Durban dredging firm", "a Prague wine-shop chain"
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "from", "of"}:
        noun = token.head.head
    # "the Colmar printing firm Imprimerie Rhénane": one firm, named
    named = noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "PROPN"
    return (
        noun is not None
        and noun.lemma_ in BUSINESS_NOUNS
        and noun.tag_ == "NN"
        and noun.dep_ != "appos"  # "Jaan Tamm, a software developer from Tallinn": a person
        and (named or any(c.lower_ in {"a", "an"} for c in noun.children))
    )


def _seat(span: Span) -> bool:
    """ "a society based in Frankfurt", "a Frankfurt-based society": where an organisation sits,
    not a party. Firms and delegations based there act for it ("deals with companies based in
    Abidjan", "a Kobe-based trade delegation")."""
    token, doc = span.root, span.doc
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
        verb = token.head.head
    elif doc[span.end : span.end + 1].text == "-" and span.end + 1 < len(doc):
        verb = doc[span.end + 1]
    else:
        return False
    group = verb.head
    one_business = group.lemma_ in BUSINESS_NOUNS and group.tag_ == "NN"  # "the Beira-based
    # company Sofala Dragagens signed a contract ...": one firm's deal, not its town's
    return verb.lemma_ in SEAT_VERBS and (group.lemma_ not in ACTING_GROUPS or one_business)


def _locates_another(m: Mention, named: list[Mention]) -> bool:
    """ "Izumiotsu, a town in Osaka Prefecture", "students sent to California": a region after
    a preposition of place that holds another place the sentence names only says where; so does
    a region that only names an official's office ("the Opole Voivodeship marshal"), and a big
    city named right by one of its districts."""
    root = m.span.root
    of_place = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS
    of_place &= root.head.head.lemma_ not in GOVERNING_BODIES  # "the assembly in Warmia-Masuria"
    holds = [o for o in named if o.place != m.place and contained(o.place, m.place)]
    if m.place.kind == "city":  # "the Nansha District of Guangzhou", "Guangzhou's Nansha"
        return any(_next_to(o.span, m.span) for o in holds)
    # "Kharkiv Oblast governor X attended as Kharkiv and Kaunas signed": whose official
    after = m.span.doc[m.span.end] if m.span.end < len(m.span.doc) else None
    owner = after is not None and after.is_lower and is_title(after)
    return (of_place or owner) and m.place.kind == "region" and bool(holds)


SEAT_TITLES = frozenset(
    {"councillor", "councilor", "cllr", "alderman", "alderwoman", "mp", "senator", "rep"}
    | {"representative", "deputy", "member", "assemblyman", "assemblywoman", "assemblymember"}
)


def _ward(span: Span) -> bool:
    """ "Councillor Fatou Sanyang (Talinding) said ...": the ward or seat of the member just
    named, no party (not "Mayor Ken Sim (Vancouver) signed ...": the mayor's town)."""
    doc = span.doc
    if not (
        span.start >= 2
        and doc[span.start - 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and doc[span.start - 2].ent_type_ == "PERSON"
    ):
        return False
    name = next(e for e in doc.ents if e.start <= span.start - 2 < e.end)
    return any(
        t.lower_.rstrip(".") in SEAT_TITLES for t in doc[max(0, name.start - 3) : name.start]
    )


def _bracketed_locator(m: Mention, named: list[Mention]) -> bool:
    """ "Winsen (Luhe), Germany (Lower Saxony, district of Harburg)": the places in brackets
    that open on the region holding the place named right before only say where that is (not
    "Ballarat's sister cities (Inagawa and Changchun)")."""
    doc, sent = m.span.doc, m.span.sent
    opening = next(
        (t.i for t in reversed(doc[sent.start : m.span.start]) if t.text in {"(", ")"}), None
    )
    if opening is None or doc[opening].text == ")":
        return False
    first = next(o for o in named if o.span.start > opening)  # m at the latest
    return any(
        o.span.end <= opening
        and opening - o.span.end <= 6
        and not any(t.pos_ in {"VERB", "AUX"} for t in doc[o.span.end : opening])
        and first.place.kind == "region"
        and contained(o.place, first.place)
        for o in named
    )


def _after_comma(before: Span, span: Span) -> bool:
    """Whether only a comma stands between two names ("Nerima, Tokyo")."""
    gap = span.doc[before.end : span.start]
    return len(gap) == 1 and gap[0].text == ","


# The words of a town's part after its name: "Tokyo's Taito Ward", "Shenzhen's Nanshan District".
PART_AFTER = frozenset({"district", "ward", "borough"})


def _named_by_its_part(m: Mention, named: list[Mention]) -> bool:
    """ "Tokyo's Taito Ward": a town whose part, written with its part's word, follows it
    ("'s" between) only locates the part, whatever the data knows of where the part lies; so
    does a big city before a place within its reach ("Shanghai's Pudong New Area")."""
    doc, end = m.span.doc, m.span.end
    if end >= len(doc) or doc[end].lower_ not in POSSESSIVE_S:
        return False
    part = next((o for o in named if o.span.start == end + 1 and o.place != m.place), None)
    if part is not None and within_reach(part.place, m.place):
        return True
    if part is None or part.place.kind != "city":
        return False
    last = part.span[-1].lower_
    word = doc[part.span.end].lower_ if part.span.end < len(doc) else ""
    return last in PART_AFTER or word in PART_AFTER


def _next_to(a: Span, b: Span) -> bool:
    """Whether only locating words stand between two names ("of", "'s", ", a district of")."""
    left, right = (a, b) if a.start < b.start else (b, a)
    gap = left.doc[left.end : right.start]
    return locating_gap(gap)


def _entity_around(span: Span) -> Span | None:
    """The model's entity of the sentence that holds the span ("the Lyon Chamber")."""
    around = entities_in(sentence_of(span))
    return next((e for e in around if e.start <= span.start and span.end <= e.end), None)


def _government_of(span: Span) -> bool:
    """Whether the organisation named around `span` is its place's own government
    ("Hobart City Council", "Auckland Council", "Shanghai Municipal People's Government")."""
    entity = _entity_around(span)
    name = entity.text if entity is not None else ""
    own_council = re.fullmatch(rf"(?:the )?{re.escape(span.text)} Council", name, re.I)
    return bool(OWN_GOVERNMENT.search(name) or own_council)


def _org_acts(span: Span) -> bool:
    """A public body that signs ("the Lyon Chamber signed ... with X") acts for its place; a
    company ("Lyon Motors signed ...") does not: its deals are no partnership of places."""
    entity = _entity_around(span)
    if entity is not None and span.label_ != BODY_ACRONYM and not PUBLIC_BODY.search(entity.text):
        return False  # not a company; "SMC" of "Sibu Municipal Council (SMC)" is a public body
    root = entity.root if entity is not None else span.root
    while root.dep_ in {"conj", "appos"} and root.head != root:
        root = root.head
    if root.dep_ in ACTING_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"of", "from"}:  # "Members of the council"
        members = root.head.head  # "a delegation from Bristol City Council", "firms of the chamber"
        head = is_title(members) and _government_of(span)  # "the President of Seremban Council"
        while members.dep_ in {"conj", "appos"} and members.head != members:
            members = members.head  # "the Mayor of Padang, X, and the President of ..."
        acting = members.dep_ in {"nsubj", "nsubjpass"}
        return acting and (head or members.lemma_ in MEMBER_NOUNS | ACTING_GROUPS)
    return root.dep_ == "pobj" and root.head.lower_ in {"with", "between", "and"}


def _acting_people(sent: Span, speakers: list[Person], people: list[Person]) -> list[Party]:
    """Places of the people who act or speak in the sentence ("Radich said", "Lacava signed"),
    and of the one a pronoun stands for ("she and the Mayor of Hanover signed").

    `speakers` have a place, and their surname is in the sentence's text.
    """
    acting = []
    for person in speakers:
        surname = person.name.split()[-1]
        for token in sent:
            title = token.nbor(-1).text if token.i > 0 else ""
            titled = _titled_first_name(person, title, token.text, people)
            if (token.text == surname or titled) and (  # "Mayor Prasert", "Mayor Kim"
                token.dep_ in {"nsubj", "nsubjpass"} or token.head.lemma_ in SPEECH_VERBS
            ):
                acting.append(Party(person.place, token.idx - sent.start_char))
                break
    pronoun = next((t for t in sent if _paired_pronoun(t)), None)
    place = _pronoun_place(pronoun, people) if pronoun is not None else None
    if place is not None:  # "she and the Mayor of Hanover signed"
        acting.append(Party(place, pronoun.idx - sent.start_char))
    return acting


def _pronoun_place(pronoun, people: list[Person]) -> Place | None:
    """The place of the one person a pronoun stands for: named before it in its sentence ("X
    flew in, and she and Cllr Y signed"), else the subject of the sentence before ("Mayor X of
    Bristol welcomed Mayor Y of Hanover. She and ...")."""
    sent, doc = pronoun.sent, pronoun.doc
    earlier = doc[sent.start : pronoun.i]
    previous = doc[sent.start - 1].sent if sent.start else None
    found = [p for p in people if _surname_in(p, earlier)]
    if not found and previous is not None:
        found = [p for p in people if _surname_in(p, previous, subject=True)]
    return found[0].place if len(found) == 1 else None


def _surname_in(person: Person, words: Span, subject: bool = False) -> bool:
    """Whether the person's surname stands among the words (as their subject, if asked)."""
    surname = person.name.split()[-1]
    return any(t.text == surname and (not subject or _subject_of_sentence(t)) for t in words)


def _subject_of_sentence(token) -> bool:
    """A subject, or a name in apposition to one ("our Mayor, Nikos Papadakis, travelled")."""
    while token.dep_ in {"compound", "appos"} and token.head is not token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _paired_pronoun(token) -> bool:
    """ "he and the Mayor of Plovdiv signed": a person's pronoun joined to another subject."""
    subject = token.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "conj" for c in token.children)
    return token.lower_ in {"he", "she"} and subject


def _drop_contained(parties: list[Party]) -> list[Party]:
    """One party per place, by its own name rather than its body's ("The Basra Provincial
    Council approved ... between Basra and İzmir"); a region drops out when a place inside it
    is named beside it."""
    unique: dict[str, Party] = {}
    for p in sorted(parties, key=lambda p: p.start):
        first = unique.setdefault(p.place.key, p)
        if first.via_org and not p.via_org:
            unique[p.place.key] = p
    kept = sorted(unique.values(), key=lambda p: p.start)
    return [
        p
        for p in kept
        if p.delegation
        or not any(q is not p and contained(q.place, p.place) and _beside(p, q) for q in kept)
    ]


def _beside(outer: Party, place: Party) -> bool:
    """ "Bengaluru, Karnataka", "Karnataka's capital Bengaluru", "Nansha District of Guangzhou":
    the region or city only locates the place inside it. Farther apart ("Karnataka and Bavaria
    signed ... an incubator in Bengaluru") both act."""
    near = abs(outer.start - place.start) <= NEAR_CHARS
    return (outer.place.kind == "region" and (near or outer.locator)) or (
        outer.place.kind == "city" and outer.locator
    )


def _pairs(
    parties: list[Party], kind: str, state: ArticleState, listed: list[tuple[Party, Party]]
) -> list[tuple[Place, Place]]:
    """The pairs a trigger of `kind` links: hub and partners of a list, else the article's
    focus and each other party, else the first two parties."""
    places = [p.place for p in parties if not p.via_org or kind != "sister_city"]
    places = list({p.key: p for p in places}.values())
    if listed:
        pairs = [(a.place, b.place) for a, b in listed if {a.place, b.place} <= set(places)]
    elif len(places) < 2:
        return []
    elif len(places) > 2 and state.focus is not None and state.focus in places:
        pairs = [(p, state.focus) for p in places if p != state.focus]
    else:
        pairs = [(places[0], places[1])]
    same_country_ok = kind in TWINNING_KINDS
    return [
        (a, b)
        for a, b in pairs
        if not contained(a, b)
        and not contained(b, a)
        and (same_country_ok or a.country != b.country)
    ]


def _kind_matches(sent: Span, text: str, state: ArticleState) -> dict[str, re.Match]:
    """The first words of each kind the sentence reports a link with, one kind per agreement."""
    names = [
        (e.start_char - sent.start_char, e.end_char - sent.start_char)
        for e in entities_in(sent)
        if e.label_ in NAME_LABELS and not INSTRUMENT_NAME.match(e.text)
    ]
    # "friendly cooperation cities": the words of a twinning, no cooperation of their own
    twinning_words = [m.span() for m in TWINNING.finditer(text)]
    found = country_spans(sent)
    countries = set(found)
    # city-states are towns too: "a cooperation agreement with Singapore"
    nations = {
        start: c.end_char - sent.start_char
        for start, c in found.items()
        if c.label_ not in CITY_STATES
    }
    # an agreement reported before ("Under the MoU, ..."), not the first report of one
    provides = UNDER_INSTRUMENT.match(text) if state.last_pair is not None else None
    if provides and provides.group("covers") and ANOTHER_PARTNER.search(text, provides.end()):
        provides = None  # "The charter also commits Pune to cooperation with Stuttgart"
    matches = {}
    for kind, regex in KIND_REGEX.items():
        match = next(
            (
                m
                for m in regex.finditer(text)
                if not inside_name(m, names)
                and not modifies_event(m, kind)
                and not IDEA_OF.search(text, max(0, m.start() - 30), m.start())
                and not (
                    kind == "cooperation" and any(a < m.start() < b for a, b in twinning_words)
                )
                and not (kind == "friendship_city" and _of_two_countries(m, countries))
                and not (kind == "mou" and _national_agreement(m, countries))
                and not (kind in FIRM_KINDS and _firms_deal(m, sent))
                and not (kind in NATIONS_KINDS and _nations_tie(m, nations))
                and not (
                    provides
                    and (kind == "cooperation" or kind == "mou" and m.start() < provides.end())
                    and not NAMED_PROGRAMME.match(m.group())
                )
            ),
            None,
        )
        if match:
            matches[kind] = match
    matches |= partners_listed(text, state, matches)
    valued_deal(matches, text)  # first: "signed a cooperation deal" with no value is no trade
    one_agreement(matches)
    twinning_memorandum(matches)
    return matches


# "the Agreement on Twinning and Cooperation between A and B", which the model takes for a name:
# the instrument itself, whose words say its kind.
INSTRUMENT_NAME = re.compile(
    r"(?:the\s+)?(?:Agreement|Memorandum|Charter|Protocol|Treaty|Accord)s?\s+(?:on|of)\b"
)
# "The idea of a twinning goes back to 2015": the idea's age, no report of the tie (a later
# trigger of the kind in the sentence may report it: "..., and they were twinned in 1988").
IDEA_OF = re.compile(r"\b(?:idea|dream|notion) of (?:a |an |the )?$", re.I)
# "Under the MoU, the two provinces will cooperate in ...", "The memorandum provides for
# cooperation in ...": what an agreement reported before provides for, neither that agreement
# again nor a cooperation of its own.
_INSTRUMENT_NOUN = (
    r"(?:agreements?|memorand(?:um|a|ums)|mous?|protocols?|pacts?|charters?|accords?|deals?|"
    r"treat(?:y|ies)|letters? of intent)"
)
_INSTRUMENT = rf"(?:the|this|that|its|their) (?:[\w-]+ ){{0,3}}?{_INSTRUMENT_NOUN}"
UNDER_INSTRUMENT = re.compile(
    rf"\s*(?:(?:under|within the (?:scope|framework) of) {_INSTRUMENT}\s*,|"
    rf"(?P<covers>{_INSTRUMENT} (?:also )?(?:provides? for|covers?|commits?)\b))",
    re.I,
)
# "the Polish-Ukrainian agreement", "the Sino-Russian protocol": two nations' adjectives (not
# "Schleswig-Holstein").
TWO_NATIONS_BEFORE = re.compile(r"\b[A-Z][a-z]+-[A-Z][a-z]+(?:an|ish|ese|ic|i)\s+$")
BETWEEN_TWO = re.compile(r"\s+between\s+(?:the\s+)?(?P<one>\w[\w ]*?) and (?:the\s+)?(?P<two>\w)")


def _of_two_countries(match: re.Match, countries: set[int]) -> bool:
    """ "the friendship and cooperation relations between Vietnam and Japan": friendship of two
    countries, not of the places the sentence names (not "with the Russian city of X", nor
    "Tokushima and Saginaw have maintained friendship ties between the United States and
    Japan")."""
    if not match.group().lower().startswith("friendship and"):
        return False
    after = BETWEEN_TWO.match(match.string, match.end())
    return after is not None and {after.start("one"), after.start("two")} <= countries


# Kinds nations have too: "a cooperation agreement with Haiti" is no town's.
NATIONS_KINDS = frozenset({"mou", "cooperation", "trade_deal"})
NATIONS_AFTER = re.compile(
    r"(?:\s+(?:programm?es?|agreements?|projects?|deals?))?\s+(?:(?:signed|concluded)\s+)?"
    r"(?:between|with|by\s+the\s+governments?\s+of)\s+(?:the\s+)?",
    re.I,
)
# "with France's Bordeaux", "with the Tanzanian town of Kigoma", "with the Italian textile hub
# of Prato": a place of the nation, named (not "cooperation with Chinese cities").
PLACE_OF_NATION = re.compile(
    r"(?:['’]s?|\s+(?:[\w-]+\s+){0,2}?(?:towns?|cit(?:y|ies)|municipalit(?:y|ies)|provinces?|"
    r"regions?|states?|ports?|capital|villages?|districts?|count(?:y|ies)|prefectures?|"
    r"boroughs?|communes?|partners?|hubs?|centres?|centers?)(?:\s+of)?)\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
# "... with China in 2017 and then one with Guangzhou": a town's own agreement follows.
ANOTHER_PARTNER = re.compile(r"\bwith\s+(?:the\s+)?(?-i:[A-Z])")
# "Bhutan and Switzerland have had development cooperation": the pair of nations before.
NATIONS_BEFORE = re.compile(r"\s+(?:(?:have|has|had|signed|concluded)\b(?:\s+[\w-]+){0,4}\s+)?")


def _nations_tie(match: re.Match, nations: dict[int, int]) -> bool:
    """ "a cooperation agreement with Haiti" (not "with China's Hubei"), "the programme signed
    by the governments of Trinidad and Tobago and India", "Bhutan and Switzerland have had
    development cooperation": a tie of nations, not of the places the sentence names."""
    text = match.string
    after = NATIONS_AFTER.match(text, match.end())
    if (
        after
        and after.end() in nations
        and not PLACE_OF_NATION.match(text, nations[after.end()])
        and not ANOTHER_PARTNER.search(text, nations[after.end()])
    ):
        return True
    return any(
        text[end:second] in (" and ", " and the ")
        and second in nations
        and NATIONS_BEFORE.fullmatch(text, nations[second], match.start())
        for end in nations.values()
        for second in nations
    )


def _firms_deal(match: re.Match, sent: Span) -> bool:
    """ "a ceramics producer from Criciúma signed a distribution agreement with ...": what one
    business signs is no place's, whatever places the sentence names elsewhere."""
    start = sent.start_char + match.start()
    span = sent.doc.char_span(start, start + len(match.group()), alignment_mode="expand")
    root = span.root if span is not None else None  # "signed a ... agreement", "a contract"
    verb = root.head if root is not None and root.dep_ in {"dobj", "nsubjpass"} else root
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return False  # not "Under the agreement signed by A and B, a company will ..."
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        s.lemma_ in BUSINESS_NOUNS and any(d.lower_ in {"a", "an"} for d in s.children)
        for s in subjects
    )


def _national_agreement(match: re.Match, countries: set[int]) -> bool:
    """ "the Polish-Ukrainian agreement on cross-border cooperation": the countries' own (one
    "between China and Germany" is `_nations_tie`'s)."""
    return bool(
        COOPERATION_INSTRUMENT.match(match.group())
        and TWO_NATIONS_BEFORE.search(match.string, 0, match.start())
    )


def _links(
    parties, state, text, matches: dict[str, re.Match], whole: tuple[str, int] | None = None
) -> list[Partnership]:
    """The links the kinds `matches` found in `text` report; `text` is a part of the sentence
    `whole` gives (with the part's offset) when the sentence reports several."""
    found, specific, towards = [], set(), []
    triggers = [m.start() for m in matches.values()]
    partners_of_others = _partners_of_other_kinds(parties, text, matches)
    asides = [m.end() for m in NAMESAKE_ASIDE.finditer(text)]  # where a namesake is set apart
    for kind, match in matches.items():
        status = link_status(text, match.start(), state.published)
        if status is None:
            continue
        if (
            status == "new"
            and RUNNING_TOTAL.match(text, match.end())
            and not SIGNING_VERB.search(text, 0, match.end())
        ):
            status = "existing"  # "has established sister city relations with more than 20
            # cities, including Granada": ties gathered over the years (not "signed ... with
            # over 20 cities at the summit")
        linked = len(found)
        money_kind = kind == "trade_deal" or (kind == "mou" and "trade_deal" not in matches)
        amount = _amount(text) if money_kind else None
        sentence, offset = whole or (text, 0)
        within = (offset, offset + len(text)) if whole else None
        year = link_year(sentence, status, state.published, offset + match.start(), within)
        acting = _clause_parties(parties, text, match.start())
        acting = without_counted_in(acting, text, state)
        acting = [p for p in acting if p.start not in partners_of_others[kind]]
        if refuses_another_link(text, match.start()):  # "..., but rejected a proposal to
            end = main_clause_at(text, match.start())[1]  # sign one with Lira": not Lira's
            acting = [p for p in acting if p.start < end]
        own_clause = clause_at(text, match.start())  # not a trigger of an aside's own
        in_reach = [t for t in triggers if clause_at(text, t) in (None, own_clause)]
        if kind == "cooperation" and len(acting) > 2:
            continue  # talk among many delegates is no bilateral link
        fronted = _fronted_partners(acting, text)  # "In addition to Rennes, Exeter is twinned ..."
        unfronted = [p for p in acting if p not in fronted]
        listed = _between_pairs(parties, text, match.end())  # "the twinning between A and B"
        respective = kind in TWINNING_KINDS or kind == "mou"
        if not listed and respective and RESPECTIVELY.search(text, match.end()):
            listed = _stated_pairs(acting, text, match.start())  # "A and B ... with C and D
            # respectively": in that order, before the partners are read as one list
        if not listed:
            listed = listed_pairs(unfronted, in_reach, match.start())
            listed += [(listed[0][0], p) for p in fronted] if listed else []
        if kind in TWINNING_KINDS and not listed:
            listed = _stated_pairs(acting, text, match.start())
        if not listed and _objects_only(acting, text):
            continue  # "[The Cape] has ties with Bavaria and Zhejiang": no tie of theirs
        if _ties_abroad(text, match, kind) and len({p.place.country for p in acting}) == 1:
            continue  # "Ahmedabad and Rajkot also have sister city ties abroad": not each other's
        own_years = _own_years(text, listed) if status in {"existing", "ended"} else {}
        member_starts = {partner.place.key: partner.start for _, partner in listed}
        pairs = list(_pairs(acting, kind, state, listed))
        if not own_years and status in {"existing", "ended"}:
            own_years = _shared_partner_years(text, acting, pairs)
        set_apart = {p.place for p in acting if p.start in asides}
        for a, b in pairs:
            pair = frozenset((a.key, b.key))
            if kind == "cooperation" and pair in specific:
                continue
            if a.name == b.name and {a, b} & set_apart:
                continue  # "Nelson, not to be confused with Nelson in Lancashire, has been ..."
            if kind == "cooperation" and pair in state.twinned and _the_twinning_again(text):
                state.last_pair = (a, b)  # "to focus on the new partnership with X", X its
                continue  # twin: the twinning, the pair "the two" stand for next
            if kind == "mou" and not restates_agreement(match):
                state.memoranda.add(pair)  # not "they signed the agreement": one of its own
            if kind in SPECIFIC_KINDS:
                specific.add(pair)
            stated = own_years.get(a.key, own_years.get(b.key, year))
            at = member_starts.get(b.key, member_starts.get(a.key))
            own_status = status
            if status == "existing" and at is not None and ended_aside(text, at):
                own_status = "ended"  # "Kaliningrad, whose partnership was suspended, Turku"
            money = amount and in_local_currency(amount, (a.country, b.country))
            found.append(Partnership(a, b, kind, own_status, text.strip(), stated, money))
        if kind in TWINNING_KINDS and status == "proposed" and len(found) == linked:
            towards.append(kind)  # a tie hoped for with no pair of its own
    return found + _opened_by_memorandum(found, towards, matches, text)


# "twinning with Kuressaare", "friendship agreement, signed in 2009, with Ustka": a partner
# its instrument names right after it.
WITH_PARTNER = re.compile(
    r"\s*(?:,[^,;]{0,30},\s*)?with\s+"
    r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:city|town|region|province)\s+of\s+)?$",
    re.I,
)


def _partners_of_other_kinds(parties, text: str, matches: dict[str, re.Match]) -> dict:
    """For each kind, the partners (by start) that another kind's instrument names right after
    itself: "its twinning with Kuressaare in 1996 and its friendship agreement with Ustka" pairs
    Kuressaare with the twinning only and Ustka with the friendship only."""
    own: dict[str, set[int]] = {}
    for kind, match in matches.items():
        if kind not in SPECIFIC_KINDS:
            continue  # "agreement on cooperation with X": the cooperation is the agreement's
        own[kind] = {
            p.start
            for p in parties
            if p.start > match.end() and WITH_PARTNER.fullmatch(text, match.end(), p.start)
        }
    if sum(bool(starts) for starts in own.values()) < 2:
        return {kind: set() for kind in matches}  # one instrument's partner: nothing to part
    return {
        kind: set().union(*(v for k, v in own.items() if k != kind)) if kind in own else set()
        for kind in matches
    }


# "not to be confused with Nelson in Lancashire": the namesake the words set apart, next.
NAMESAKE_ASIDE = re.compile(r"\b(?:confused|mixed up) with\s+(?:the\s+)?", re.I)
# "a partnership on energy", "a new economic partnership focused on fisheries": one with an
# object of its own.
PARTNERSHIP_ON = re.compile(
    rf"\s+(?:{PARTNERSHIP_OBJECT}|{PARTNERSHIP_AIM}|(?:agreement|deal)s?\b)", re.I
)
# "strengthened with an agreement on waste" (not "its existing agreements")
NEW_INSTRUMENT = re.compile(rf"\b(?:an?|new)\s+(?:[\w-]+\s+){{0,2}}?{_INSTRUMENT_NOUN}\b", re.I)


def _the_twinning_again(text: str) -> bool:
    """Whether the sentence's only words of cooperation are "partnership", with no object of
    its own and no new instrument beside it: of a pair twinned already, the twinning ("to focus
    on the new partnership with X"), not a cooperation ("launched a partnership on energy",
    "the partnership was strengthened with an agreement on waste", "... a youth exchange")."""
    words = list(KIND_REGEX["cooperation"].finditer(text))
    return (
        all(m.group().lower() in {"partnership", "partnerships"} for m in words)
        and not any(PARTNERSHIP_ON.match(text, m.end()) for m in words)
        and not NEW_INSTRUMENT.search(text)
    )


def _opened_by_memorandum(found, towards: list[str], matches, text: str) -> list[Partnership]:
    """ "a letter of intent between A and B, which both sides described as the first step
    towards a sister-city agreement": the tie hoped for, in the memorandum's main clause, is
    the memorandum's pair's (not "...; a twinning with Kozhikode may follow")."""
    memorandum = matches.get("mou")
    if memorandum is None:
        return []
    clause = main_clause_at(text, memorandum.start())
    kinds = [k for k in towards if main_clause_at(text, matches[k].start()) == clause]
    opened = [p for p in found if p.kind == "mou" and p.status == "new"]
    if len(opened) != 1:
        return []  # "After Kyiv signed a memorandum with Vilnius, which ..., Riga also joined"
    return [
        replace(p, kind=k, status="proposed", year=None, amount=None) for p in opened for k in kinds
    ]


def _fronted_partners(parties: list[Party], text: str) -> list[Party]:
    """ "In addition to Rennes, Exeter is twinned with ...": the partners named in a fronted
    phrase, partners of the sentence's hub as much as those it lists."""
    match = FRONTED_PARTNERS.match(text)
    end = text.find(",", match.end()) if match else -1
    return [p for p in parties if match and match.end() <= p.start < end]


def _own_years(text: str, listed: list[tuple[Party, Party]]) -> dict[str, int | None]:
    """Listed partners' own years, by place key ("Kagoshima (1974), Houston (1983)"): none
    when the list gives none."""
    return _years_by_key(
        text, sorted({partner.start: partner.place.key for _, partner in listed}.items())
    )


def _shared_partner_years(text: str, acting: list[Party], pairs) -> dict[str, int | None]:
    """ "Valladolid, Sumy and Bethlehem, twinned with Lecce since 1998, 2006 and 2010
    respectively": the own years of the places that share one partner, by place key."""
    if len(pairs) < 2:
        return {}
    shared = set.intersection(*({a.key, b.key} for a, b in pairs))
    members: dict[str, int] = {}
    for party in acting:
        if party.place.key not in shared:
            members.setdefault(party.place.key, party.start)
    if len(members) != len(pairs):
        return {}
    return _years_by_key(text, sorted((start, key) for key, start in members.items()))


def _years_by_key(text: str, members: list[tuple[int, str]]) -> dict[str, int | None]:
    """The own years of listed places, by place key, from their (start, key) in order; none
    when the list gives none."""
    years = member_years(text, [start for start, _ in members]) if len(members) > 1 else None
    return {key: year for (_, key), year in zip(members, years, strict=True)} if years else {}


def _segment_links(sent: Span, named: list[Mention], parties_of, state) -> list[Partnership]:
    """Links of a sentence made of parts that each report their own ("the 10th anniversary of
    the twinning of A and B, and the 30th of the friendship pact of C and B"): each part's
    kind, status and year go to its own pair. None unless every part names a link and two
    places."""
    text = span_text(sent)
    bounds = [0, *(x for m in coordinate_breaks(text) for x in m.span()), len(text)]
    if len(bounds) == 2:
        return []
    parts = []
    for begin, end in zip(bounds[::2], bounds[1::2], strict=True):
        part = sent.char_span(begin, end, alignment_mode="expand")
        if part is None or not any(r.search(text, begin, end) for r in KIND_REGEX.values()):
            return []
        parties = parties_of(part, [m for m in named if part.start <= m.span.start < part.end])
        if parts and _subjectless(part):  # "A is twinned with B, and has friendship ties with
            parties = [Party(parts[0][2][0].place, 0), *parties]  # C": A's ties with C too
        if len({p.place.key for p in parties}) < 2:
            return []
        parts.append((part, begin, parties))
    found = []  # every part qualifies: only now may their links touch the article's state
    for part, begin, parties in parts:
        matches = _kind_matches(part, part.text, state)
        found += _links(parties, state, part.text, matches, whole=(text, begin))
    return [replace(link, evidence=text.strip()) for link in found]


def _followed_links(parties: list[Party], text: str, tie: Partnership | None, found, state):
    """ "The first partner was Udine, twinned with Villach since 1979. Suresnes followed in
    1983": the towns that followed the one tie the sentence before reported in place are ties
    of its kind of the tie's own town (the article's, else the one with more links), each
    with the year given beside it."""
    followed = FOLLOWED.search(text)
    if tie is None or followed is None:
        return []
    own = state.home or state.focus
    if own not in (tie.a, tie.b):
        own = max((tie.a, tie.b), key=lambda place: sum(place in (f.a, f.b) for f in found))
    listed = [
        p for p in parties if not p.locator and p.place not in (tie.a, tie.b) and not p.via_org
    ]
    if followed["year"]:  # "Suresnes followed in 1983", "The second, with Lecce, followed"
        listed = [p for p in listed if p.start < followed.start()]
        opens = FOLLOWER.fullmatch(text, 0, listed[0].start) if listed else None
    else:  # "It was followed by Mobile in 1993 and Miskolc in 1997"
        listed = [p for p in listed if p.start > followed.start()]
        opens = listed and FOLLOWED_BY.fullmatch(text, followed.end(), listed[0].start)
        opens = opens and FOLLOWED_BY_IT.search(text, 0, followed.end())
    if not opens:
        return []  # not "A concert with Milan musicians followed", "... followed by aid from X"
    years = member_years(text, [p.start for p in listed])
    if years is None:  # "Suresnes, on the edge of Paris, followed in 1983"
        year = followed["year"] and int(followed["year"])
        years = [year if len(listed) == 1 else None] * len(listed)
    return [
        Partnership(own, p.place, tie.kind, "existing", text, year)
        for p, year in zip(listed, years, strict=True)
        if p.place.country != own.country
    ]


def _subjectless(part: Span) -> bool:
    """Whether a part of a sentence goes on with its first part's subject: "(, and) has
    concluded friendship agreements with ..."."""
    words = [t for t in part if not t.is_punct and t.lower_ not in {"and", "but", "while"}]
    return bool(words) and words[0].pos_ in {"AUX", "VERB"}


def _earlier_partner_links(sent: Span, named, parties_of, state) -> list[Partnership]:
    """ "Lautoka is Honiara's third twin city, after Port Moresby and Port Vila": the sentence's
    own link, and the possessor's ties already in place with the partners listed after it,
    of the kind said there ("after friendship ties with Toshima in 2006") or before."""
    text = span_text(sent)
    match = EARLIER_PARTNERS.search(text)
    lead = sent.char_span(0, match.end(), alignment_mode="contract") if match else None
    tail = sent.char_span(match.end(), len(text), alignment_mode="expand") if match else None
    if lead is None or tail is None:
        return []
    owner = [m.place for m in named if m.span.end_char - sent.start_char == match.start()]
    own_matches = _kind_matches(lead, lead.text, state)
    kinds = list(_kind_matches(tail, tail.text, state)) or list(own_matches)
    kinds = [k for k in kinds if k in TWINNING_KINDS]
    listed = [
        p
        for p in parties_of(tail, [m for m in named if m.span.start >= tail.start])
        if not p.locator and not p.via_org
    ]
    offset = tail.start_char - sent.start_char
    opens = listed and (min(p.start for p in listed) == 0 or TIES_WITH.match(text, offset))
    if len(owner) != 1 or not opens or not kinds:
        return []  # not "..., following a visit to Dalian"
    lead_parties = parties_of(lead, [m for m in named if m.span.end <= lead.end])
    found = _links(lead_parties, state, lead.text, own_matches)
    years = member_years(text, [offset + p.start for p in listed])
    for i, partner in enumerate(p.place for p in listed):
        if partner.key != owner[0].key:
            year = years[i] if years else None
            found.append(Partnership(owner[0], partner, kinds[0], "existing", text, year))
    return [replace(link, evidence=text.strip()) for link in found]


def _stated_pairs(parties: list[Party], text: str, trigger: int) -> list[tuple[Party, Party]]:
    """The pairs two coordinated places before a twinning are stated in: "Launceston and
    Taiyuan became sister cities in 1995, when a delegation of Shanxi officials visited" (that
    pair, no other place of the sentence; "to declare A and B sister cities" too); "Lyon and
    Turin signed sister city agreements with Kyoto" (each of them with Kyoto; "with Kyoto and
    Osaka respectively", in that order)."""
    before = sorted((p for p in parties if p.start < trigger), key=lambda p: p.start)
    # the coordinated run right before the trigger ("Lyon, Turin and Porto"), not the Punjab
    # government that "proposed to declare A and B sister cities"
    run = before[-1:]
    for left in reversed(before[:-1]):
        if not COORDINATED.fullmatch(text[left.start : run[0].start]):
            break
        run.insert(0, left)
    if len(run) < 2:
        return []
    after = sorted((p for p in parties if p.start > trigger), key=lambda p: p.start)
    if after and WITH_PARTNER.search(text, trigger, after[0].start):
        if RESPECTIVELY.search(text, after[-1].start):  # "with Kyoto and Osaka respectively"
            return list(zip(run, after, strict=False)) if len(after) == len(run) else []
        return [(b, a) for b in run for a in after]
    if len(run) != 2:
        return []
    before = run
    name = NAME_WORDS.match(text, before[1].start)
    if name is None:
        return []
    declared = DECLARED.search(text, 0, before[0].start) and not text[name.end() : trigger].strip()
    if not (declared or BECAME.fullmatch(text, name.end(), trigger)):
        return []
    return [(before[0], before[1])]


def _between_pairs(parties: list[Party], text: str, trigger_end: int) -> list[tuple[Party, Party]]:
    """ "the friendship relationship between Kochi Prefecture and Fujian Province": the pair
    the words of the link name, whatever else the sentence names (each party by its name, as
    a place named twice is a party once)."""
    between = BETWEEN_AFTER.match(text, trigger_end)
    pair = between and BETWEEN_PAIR.match(text, between.end())
    if not pair:
        return []
    first, second = (
        _named(parties, text, pair.group(side), pair.start(side)) for side in ("first", "second")
    )
    return [(first, second)] if first and second and first.place != second.place else []


def _named(parties: list[Party], text: str, name: str, at: int) -> Party | None:
    """The party written `name` at `at`, else here or elsewhere in the sentence ("Shiga
    Prefecture" of the "Shiga" of "a Shiga delegation")."""
    there = next((p for p in parties if p.start == at), None)
    if there is not None:
        return there
    for party in parties:
        written = NAME_WORDS.match(text, party.start)  # none for "the city" standing for one
        if written and written.group() == name or fold(name).startswith(fold(party.place.name)):
            return party
    return None


# "was ended by the municipal council", "was renewed by the city council of": the party the
# passive's agent names, acting on the tie (not "praised by Seattle newspapers").
PASSIVE_AGENT = re.compile(
    r"\b(?:was|were|been)\s+(?:[a-z]+ly\s+)?(?:signed|approved|ratified|endorsed|renewed|"
    r"extended|ended|terminated|suspended|frozen|cancell?ed|scrapped|revoked|annull?ed|"
    r"dissolved)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
)


def _objects_only(parties: list[Party], text: str) -> bool:
    """Whether every party is named after a link's "with" ("has ties with A and B") or an
    owner's list ("has three sister cities: A, B"): the partners of someone the sentence does
    not name as a place, not each other's."""
    if not parties or any(PASSIVE_AGENT.search(text, 0, p.start) for p in parties):
        return False  # "the agreement with A was ended by the council (of B)": B acts
    before = text[: min(p.start for p in parties)]
    if OWNED_LIST.search(before):
        return True
    counted = COUNTED_OPENING.search(before)  # "has ties with five towns: A, B ..."
    return bool(LINKED_WITH.search(before[: counted.start()] if counted else before))


def _clause_parties(parties: list[Party], text: str, start: int) -> list[Party]:
    """The parties of the clause a trigger at `start` is in: "Lyon, which declined a twinning
    with Porto, signed with Turin" links Lyon and Turin; inside the relative clause, its
    antecedent and the places it names. A relative clause reporting no link of its own
    ("the deputy mayor, who led a delegation from Lviv,") names parties of the sentence."""
    inside = clause_at(text, start)
    if inside is None:
        clauses = [
            (a, b)
            for a, b in relative_clauses(text)
            if any(regex.search(text, a, b) for regex in KIND_REGEX.values())
        ]
        outside = [p for p in parties if not any(a <= p.start < b for a, b in clauses)]
        return _main_clause_parties(outside, text, start)
    a, b = inside
    return _antecedent([p for p in parties if p.start < a], text) + [
        p for p in parties if a <= p.start < b
    ]


def _antecedent(before: list[Party], text: str) -> list[Party]:
    """What a relative clause is about: the party just before it, with those it is coordinated
    with ("Lyon and Turin, which became sister cities"), or both places of "the two cities"."""
    if not before:
        return []
    ordered = sorted(before, key=lambda p: p.start)
    found = [p for p in ordered if p.start == ordered[-1].start]
    for earlier in reversed(ordered[: len(ordered) - len(found)]):
        if not COORDINATED.fullmatch(text, earlier.start, found[0].start):
            break
        found.insert(0, earlier)
    return found


def _main_clause_parties(parties: list[Party], text: str, start: int) -> list[Party]:
    """ "Lyon signed with Turin, and Nantes signed with Porto": a main clause naming two places
    of its own keeps its link to them; one naming fewer ("and it signed with Porto") shares
    the sentence's."""
    begin, end = main_clause_at(text, start)
    tail = LIST_TAIL.fullmatch(text, end)
    if tail:  # "..., Legazpi in Albay, and Marikina.": the list's last names, not its aside's
        end = tail.start("aside") if tail.group("aside") else len(text)
    own = [p for p in parties if begin <= p.start < end]
    return own if len({p.place.key for p in own}) >= 2 else parties


def _amount(text: str) -> MoneyMention | None:
    amounts = find_money(text)
    return amounts[0] if amounts else None


def _ties_abroad(text: str, match: re.Match, kind: str) -> bool:
    """Whether the link's words say its partners are abroad ("have sister city ties abroad"),
    in the sentence's own clause (not "Hamburg and Dresden, which have partners abroad, ..."),
    and no later words of the kind report a tie ("...; they have also been twinned")."""
    abroad = ABROAD.search(text, match.end(), match.end() + 30)
    return (
        abroad is not None
        and clause_at(text, abroad.start()) is None
        and not KIND_REGEX[kind].search(text, abroad.end())
    )


def _posting(span: Span) -> bool:
    """Whether the place is where a diplomat serves: "the Consul General in Mumbai" (not "a
    special envoy to Osaka", sent to sign there)."""
    posted = POSTED_IN.search(span.doc[max(0, span.start - 6) : span.start].text)
    if posted is None or posted.group("prep").lower() != "in":
        return False
    return "envoy" not in posted.group().lower()  # "Lyon's envoy in Turin": a town's own


def _named_at(person: Person, text: str, people: list[Person]) -> int:
    """Where a sentence names a person by a surname ("Mayor Rangel" of "Juan Felipe Rangel
    Ordóñez"), or by a title and the name's first word (a Thai given name, "Mayor Prasert" of
    "Prasert Wongsawat"; a Korean family name, "Mayor Kim" of "Kim Dong-hyun"), or -1."""
    found = [text.find(word) for word in called_by(person.name)]
    first = person.name.split()[0]
    titled = re.finditer(rf"\b(\w+) {re.escape(first)}\b", text)
    found += [m.start() for m in titled if _titled_first_name(person, m[1], first, people)]
    return min((i for i in found if i >= 0), default=-1)


def _titled_first_name(person: Person, title: str, word: str, people: list[Person]) -> bool:
    """ "Mayor Prasert" of Mayor Prasert Wongsawat: the first word of a full name after a word
    of the person's own title (not "Senator Prasert" for him), when no one else fits."""

    def fits(someone: Person) -> bool:
        words = someone.name.split()
        return len(words) > 1 and words[0] == word and title.lower() in (someone.role or "").split()

    return fits(person) and sum(map(fits, people)) == 1


def _remember(state: ArticleState, named: list[Mention], speakers: list[Person], links) -> None:
    state.recent += [m.place for m in named if not _posting(m.span)]  # not "the city" later
    state.subject = _subject_place(named)
    if speakers:
        state.speaker_place = speakers[-1].place
    pairs = [(p.a, p.b) for p in links if p.kind != "visit"]
    if state.last_pair is None:  # "the two sides" are the partners, not a visitor and its host
        pairs = pairs or [(p.a, p.b) for p in links]
    if pairs:
        state.last_pair = pairs[-1]
    twinnings = [p for p in links if p.kind in TWINNING_KINDS and p.status != "proposed"]
    state.twinned |= {frozenset((p.a.key, p.b.key)) for p in twinnings}
    if twinnings:
        state.last_kind = twinnings[-1].kind


STATUS_WEIGHT = {"ended": 4, "existing": 3, "new": 2, "proposed": 1}


# What says a tie is old without giving its year: "for 25 years", "for many years", "for over
# half a century", "for decades", "its oldest sister city", "long-standing", "since".
TIE_OF_OLD = re.compile(
    r"\b(?:for (?:(?:many|several|some|more than|over|nearly|almost|about) )*(?:[\w-]+ )?"
    r"(?:years|decades|a century|half a century)|oldest|long-?(?:standing|time)|long been|"
    r"decades|since)\b",
    re.I,
)


def _merge(known: Partnership | None, again: Partnership) -> Partnership:
    """The same link twice in an article: keep the surest reading (ended > existing > new >
    proposed); a long-standing link keeps the earliest start year either mention gives."""
    if known is None:
        return again
    # "signed a sister city agreement on Sunday" ... "Paterson is proud to be La Vega's sister
    # city": an undated tie in place after the signing is the one signed (not "have been sister
    # cities for 25 years", "Portland is Sapporo's oldest sister city")
    undated = again.status == "existing" and again.year is None
    if known.status == "new" and undated and not TIE_OF_OLD.search(again.evidence):
        return known
    better = STATUS_WEIGHT[again.status] > STATUS_WEIGHT[known.status]
    same_but_dated = again.status == known.status and known.year is None and again.year
    kept, other = (again, known) if better or same_but_dated else (known, again)
    standing = {"existing", "ended"}
    if other.year and {kept.status, other.status} <= standing:
        return replace(kept, year=min(kept.year or other.year, other.year))  # the earliest start
    return kept


def _by_sentence(mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Mentions grouped by the start of their sentence, in order."""
    grouped: dict[int, list[Mention]] = {}
    for m in mentions:
        grouped.setdefault(sentence_start(m.span), []).append(m)
    return grouped


def find_partnerships(
    doc: Doc,
    mentions: list[Mention],
    org_mentions: list[Mention],
    people: list[Person],
    state: ArticleState,
    gaz_country,
) -> list[Partnership]:
    """Every partnership the article reports, one per pair and kind (the first evidence wins)."""
    found: dict[tuple, Partnership] = {}
    by_sentence = _by_sentence(mentions)
    for m in [*mentions, *org_mentions]:
        # "Kisumu County", "Vologda Oblast" (one name, though the place may go by "Vologda")
        word = kind_word(m.span) or _last_word(m.span, m.place)
        word = DESIGNATOR_NOUNS.get(word.rpartition("-")[2], word)  # "Gyeongsangnam-do"
        state.called.setdefault(m.place.key, set()).add(word)
    body_start = headline_end(text_of(doc))
    # the places of the headline's news: a signing it does not name, dated to an earlier month,
    # is background, a tie in place by the time of writing
    headline = {m.place for m in [*mentions, *org_mentions] if m.span.start_char < body_start}
    proposed_before: list[tuple] = []  # the keys of the links proposed in the sentence before
    tie_before: tuple | None = None  # the key of the one tie in place the last linking
    # sentence reported, if it reported one
    linked_before = False  # whether the sentence before reported links
    for sent in doc.sents:
        text, named = span_text(sent), by_sentence.get(sent.start, [])
        if header_ended(state.header, text):
            state.header = None
        spoken = [(at, p) for p in people if p.place and (at := _named_at(p, text, people)) >= 0]
        placed = [p for _, p in spoken]
        if placed:  # "Porto Mayor Rui Costa said his city ...": this sentence's own speaker
            state.speaker_place = min(spoken, key=lambda named: named[0])[1].place
        parties_of = partial(
            _sentence_parties,
            org_mentions=org_mentions,
            speakers=placed,
            people=people,
            state=state,
            gaz_country=gaz_country,
        )
        parties = parties_of(sent, named)
        acting_orgs = [m for m in org_mentions if sent.start <= m.span.start < sent.end]
        in_cells = parties + [
            Party(m.place, m.span.start_char - sent.start_char) for m in acting_orgs
        ]
        if _table_row(sent, text, in_cells, state, found):
            continue  # the model reads a row's cells as one name at times: "Lae (Morobe Province"
        hosting = find_hosting(sent, named + acting_orgs, placed)
        matches = _kind_matches(sent, text, state)
        links = (
            _earlier_partner_links(sent, named, parties_of, state)
            or _segment_links(sent, named, parties_of, state)
            or _links(parties, state, text, matches)
            or _followed_links(parties, text, found.get(tie_before), found.values(), state)
        )
        links += table_row(sent, in_cells, state) if not links else []
        links += announced_named(parties, state, text) if not matches else []
        announced = announcement(text, matches, links, parties)
        links += visits(sent, parties, named, state, text, hosting, placed)
        state.header = list_header(sent, in_cells, state, matches, links)
        state.announced = announced  # after the header, which reads the sentence before's
        if not links and PROPOSAL_REFUSED.search(text):
            for key in proposed_before:  # "... declined to take the proposal any further"
                found.pop(key, None)
        cut = not links and tie_before is not None
        if cut and _ends_tie_before(sent, named, tie_before, found, right_after=linked_before):
            found[tie_before] = replace(found[tie_before], status="ended")
        _date_named_ties(text, parties, found)
        linked_before = bool(links)
        if links and headline and earlier_this_year(text, state.published):
            links = [_background(link, headline) for link in links]
        for link in links if sent.start_char >= body_start else []:
            found[_key(link)] = _merge(found.get(_key(link)), link)
        proposed_before = [
            _key(link) for link in links if link.status == "proposed" and link.kind != "visit"
        ]
        if links:
            ties = [_key(t) for t in links if t.status == "existing" and t.kind in LASTING_KINDS]
            tie_before = ties[0] if len(ties) == 1 else None
        elif tie_before and any(m.place.key not in tie_before for m in named):
            tie_before = None  # the text has moved on to another place
        _remember(state, named, placed, links)
        state.twinning_said |= bool(TWINNING.search(text))
        state.possessor = twin_possessor(text, named, sent.start_char)
    links = list(found.values())
    return [
        link
        for i, link in enumerate(links)
        if not _restated_agreement(link, links[:i], state) and not _domestic_aside(link, state)
    ]


def _table_row(sent: Span, text: str, parties, state: ArticleState, found: dict) -> bool:
    """Whether the sentence is the header or a row of a table of partners (its row's tie, of
    the article's own town, goes to `found`); a line of another shape ends the table."""
    header = table_header(sent)
    if header is not None:
        named_before = state.focus if state.focus in state.recent else None
        state.table = header._replace(hub=state.home or named_before)  # not its first row's
        return True
    if state.table is None or not cells(text) or state.table.hub is None:
        state.table = None
        return False
    for link in table_partner(sent, state.table, parties, state.published):
        found[_key(link)] = _merge(found.get(_key(link)), link)
    return True


def _background(link: Partnership, headline: set[Place]) -> Partnership:
    """ "In March, Aerodrom signed a letter of intent with Cankaya" under a headline about
    another pair: a tie signed before the article's event, in place by the time of writing.
    A place the headline names, or one inside it, makes the signing its news."""
    if link.status != "new" or link.kind == "visit":
        return link
    if any(contained(party, named) for party in (link.a, link.b) for named in headline):
        return link
    return replace(link, status="existing")


def _domestic_aside(link: Partnership, state: ArticleState) -> bool:
    """Two partners of one country abroad that the article's own place lists with what it
    signed with each ("In China – Hunan Province, with which a friendship agreement was signed
    in 2013, and Jiangxi Province, with which ..."): not each other's partners."""
    own = [p for p in (state.home, state.focus) if p is not None]
    return (
        link.kind != "visit"
        and link.a.country == link.b.country
        and bool(own)
        and all(p.country != link.a.country for p in own)
        and len(WITH_WHICH.findall(link.evidence)) > 1
    )


# "The Popayán link dates from 1995", "The Buenaventura agreement was signed in 2012", "and the
# Holguín agreement from 2009": the start of a tie the partner's name calls up.
NAMED_TIE_DATED = re.compile(
    r"\b[Tt]he (?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*) (?:link|agreement|twinning|"
    r"partnership|tie|relationship|charter|friendship) (?:(?:was|were) (?:first )?(?:signed|"
    r"agreed|concluded|established|formali[sz]ed) in|dates? (?:back )?(?:from|to)|goes back to|"
    r"began in|from) (?P<year>(?:19|20)\d\d)\b"
)


def _date_named_ties(text: str, parties: list[Party], found: dict) -> None:
    """Dates the one tie in place of a partner that a later sentence dates by the partner's
    name, when no sentence before gave its year."""
    for match in NAMED_TIE_DATED.finditer(text):
        partner = next((p.place for p in parties if p.start == match.start("name")), None)
        if partner is None:
            continue
        undated = [
            key
            for key, link in found.items()
            if partner in (link.a, link.b)
            and link.kind in LASTING_KINDS
            and link.status in {"existing", "ended"}
            and link.year is None
        ]
        if len(undated) == 1:
            found[undated[0]] = replace(found[undated[0]], year=int(match.group("year")))


def _ends_tie_before(
    sent: Span, named: list[Mention], key: tuple, found: dict, right_after: bool
) -> bool:
    """Whether a sentence cuts the one tie in place a sentence before reported, with no other
    place named since ("... signed a sister-city agreement with Oxnard in 1996. [...] In 2018
    the council cancelled the agreement"): it names no other place or nation, and is no
    heading ("Suspended cooperation")."""
    if key not in found or not span_text(sent).rstrip().endswith("."):
        return False
    if any(m.place.key not in key for m in named):
        return False
    pair = {m.span.start for m in named}
    if any(
        e.label_ == "NORP" or e.label_ == "GPE" and e.start not in pair for e in entities_in(sent)
    ):
        return False  # "... should have written to the Spanish mayor before ending the agreement"
    return ends_a_link(span_text(sent), right_after)


def _key(link: Partnership) -> tuple:
    """One partnership per pair and kind; a visit's pair keeps its direction."""
    if link.kind == "visit":
        return (link.kind, link.a.key, link.b.key)
    return (link.kind, *sorted((link.a.key, link.b.key)))


# "The MoU was signed by ...", "The renewed agreement was signed on Friday": a sentence that
# opens with the signing of an agreement the article has reported.
SIGNING_RESTATED = re.compile(
    r"the (?:(?:renewed|new|revised|updated|same) )?(?:agreement|mou|memorandum|pact|accord|"
    r"charter|protocol)s? (?:of understanding )?(?:was|were|had been|has been) (?:signed|inked)\b",
    re.I,
)


def _restated_agreement(link: Partnership, earlier: list[Partnership], state: ArticleState) -> bool:
    """ "the agreement between them was scrapped" in an article on their friendship agreement,
    "The MoU was signed by ..." after the chambers' memorandum: an agreement the article has
    reported before as a tie of the pair, or as a memorandum of one of its parties, not another
    memorandum."""
    pair = frozenset((link.a.key, link.b.key))
    if link.kind != "mou":
        return False
    if pair in state.twinned and pair not in state.memoranda:
        return True
    return bool(SIGNING_RESTATED.match(link.evidence.strip())) and any(
        _signed_before(other, pair) for other in earlier
    )


def _signed_before(other: Partnership, pair: frozenset[str]) -> bool:
    """Whether `other` is a signed tie the restated signing may be: the pair's own, or the
    memorandum one of the pair signed in the article's news ("The MoU was signed by ..."), not
    an older one of another pair."""
    keys = {other.a.key, other.b.key}
    if other.kind == "visit" or other.status == "proposed":
        return False
    return keys == pair or other.kind == "mou" and other.status == "new" and bool(keys & pair)


EVENT_WORDS = re.compile(
    r"\b(?:conference|forum|summit|expo|fair|festival|meeting|ceremony|gathered|held|hosted|"
    r"convened|took place|trip|visit)\b",
    re.I,
)


def event_place(doc: Doc, mentions: list[Mention]) -> Place | None:
    """Where the reported event happens: the dateline's place, else the first event's venue."""
    for m in mentions:
        if m.span.text.isupper() and len(m.span.text) > 2:
            return m.place
    by_sentence = _by_sentence(mentions)
    for sent in doc.sents:
        if EVENT_WORDS.search(span_text(sent)):
            host = host_named(by_sentence.get(sent.start, []))
            if host is not None:
                return host
    return None
