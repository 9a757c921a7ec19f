"""Places no gazetteer lists, where the text itself says they are places.

No offline source names every district, commune, municipality or regency of the world
("Gasabo District" of Kigali, "the commune of Cocody", "Phu Cat and Tay Son districts"), and
news names them as parties and home places all the time. A capitalised name the gazetteer
does not know, written with such a local unit's kind word, is a place of its own (a town, as
far as the data goes). Its country, and what it lies in, come from the place or country that
locates it in the text ("Rwanda's Gasabo District", "Cocody, in Abidjan"); with none, it is
no place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from ingest.written import joined_by_hyphen
from places.names import fold
from places.place import Place

# Kind words of local units: after the name ("Gasabo District", "Phu Cat and Tay Son
# districts", "Yopougon commune") or before it with "of" ("the district of Gasabo").
UNIT_WORDS = frozenset(
    {"district", "districts", "commune", "communes", "municipality", "regency", "barangay"}
)
LIST_JOINERS = frozenset({",", "and"})
POSSESSIVE_S = frozenset({"'s", "’s"})
# Words of a unit's kind that may come between its name and its kind word.
DESIGNATOR_WORDS = frozenset({"local", "metropolitan", "municipal", "rural", "urban"})
# What districts of a service or a trade are named for: no place ("Northshore School District",
# "the Wynwood Arts District", "West Kowloon Cultural District").
SERVICE_WORDS = frozenset(
    {"school", "schools", "water", "fire", "police", "health", "sanitation", "irrigation"}
    | {"transit", "library", "park", "parks", "hospital", "court", "arts", "art", "cultural"}
    | {"business", "financial", "historic", "entertainment", "innovation", "shopping", "design"}
    | {"industrial", "technology", "university", "museum", "theatre", "theater", "catholic"}
    | {"public", "free", "special", "economic", "electoral", "congressional", "legislative"}
)
# Romanised kind words a hyphen joins to a name ("Gwonseon-gu").
HYPHEN_UNITS = frozenset({"gu", "ku", "gun", "si", "qu"})
MOST_WORDS = 3
# Words that may stand between a place and what locates it: "Cocody, in Abidjan", "Gasabo
# District, one of the three districts of Kigali", "Ulaanbaatar's Khan-Uul District".
LOCATING_WORDS = (
    frozenset({",", "(", "in", "of", "the", "a", "an", "one", "part", "near", "outside"})
    | {"new", "area", "ward", "borough"}
    | POSSESSIVE_S
    | UNIT_WORDS
    | {"capital", "city", "province", "region", "state", "county", "prefecture"}
)
LOCATOR_REACH = 8  # tokens
TEXT_CODE = "text:"  # the code of a place only the text knows: "text:RW-gasabo"

if not Span.has_extension("unlisted"):  # the index of the kind word that names the place
    Span.set_extension("unlisted", default=None)


def unlisted_names(
    doc: Doc,
    taken: Iterable[Span],
    listed: Iterable[Span],
    *,
    is_listed: Callable[[str], bool],
    common_words: set[str],
    title_words: frozenset[str],
) -> list[Span]:
    """Names the text gives a local unit's kind word that the gazetteer does not know; each is
    marked `span._.unlisted` with the index of the kind word that names it (the same for names
    listed with one kind word, and for the name's mentions without one).

    Not a name that overlaps the places and countries `taken`, or a gazetteer name `listed`
    in the text that reaches past it ("Timaru District"), or that is the gazetteer's once its
    English words are cut off ("Mersin Metropolitan Municipality"), or that begins with a place
    taken ("Arklow Municipal District"); see `_unit_name` for the rest.
    """
    taken = list(taken)
    named = {fold(span.text) for span in taken}
    used = {t.i for span in taken for t in span}
    listed = list(listed)
    found: dict[int, Span] = {}
    for word in doc:
        hyphened = _hyphened_unit(word)
        if not hyphened and (word.lower_ not in UNIT_WORDS or _hotel(word)):
            continue
        plural = word.lower_.endswith("s")
        # "Hakata-ku": the designator names the unit; "Phu Cat and Tay Son districts (of X)"
        names = [_name_to(doc, word.i + 1)] if hyphened else _names_before(doc, word.i, plural)
        if names[0] is None and word.i + 2 < len(doc) and doc[word.i + 1].lower_ == "of":
            names = _names_after(doc, word.i + 2, plural)  # "the districts of A and B"
        elif names[0] is None and word.lower_ == "barangay" and word.i + 1 < len(doc):
            names = _names_after(doc, word.i + 1, plural)  # "Barangay Basper"
        for name in map(_without_designator_words, filter(None, names)):
            if name is None:
                continue
            core = _without_english_tail(name, common_words)
            if core is None or is_listed(core.text) or used & {t.i for t in name}:
                continue
            if any(fold(name[:n].text) in named for n in range(1, len(name) + 1)):
                continue
            if any(_reaches_past(other, name) for other in listed):
                continue
            if _unit_name(name, word, title_words):
                found.setdefault(name.start, name)
                name._.unlisted = word.i
    for name, namesake in _other_mentions(doc, list(found.values()), used):
        if name.start not in found:
            found[name.start] = name
            name._.unlisted = namesake._.unlisted
    return sorted(found.values(), key=lambda s: s.start)


def _hyphened_unit(word: Token) -> bool:
    """A romanised kind word a hyphen joins to a name, with no English kind word after it
    ("Hakata-ku in Fukuoka"; "Gwonseon-gu district" is read by "district")."""
    doc, i = word.doc, word.i
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return (
        word.lower_ in HYPHEN_UNITS
        and i >= 2
        and joined_by_hyphen(doc, i - 1)
        and after not in UNIT_WORDS
    )


def _hotel(word: Token) -> bool:
    """ "Hyatt Regency Kathmandu", "the Laico Regency hotel": a regency that is a hotel."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        word.lower_ == "regency"
        and after is not None
        and (after.is_title or after.lower_ in {"hotel", "hotels"})
    )


def _without_designator_words(name: Span) -> Span | None:
    """The name without the words of its kind that end it: "Steve Tshwete" of "Steve Tshwete
    Local Municipality"."""
    end = name.end
    while end > name.start and name.doc[end - 1].lower_ in DESIGNATOR_WORDS:
        end -= 1
    return name.doc[name.start : end] if end > name.start else None


def _unit_name(name: Span, word: Token, title_words: frozenset[str]) -> bool:
    """Whether a name read by a unit's kind word is a unit's: not the end of a longer name ("Do
    Luong district"), not "the" name right before its kind word (a hotel, "the Hyatt Regency",
    or a body, "the Northshore School District"; but "the Treichville and Abobo communes"), not
    a district of a service ("Wynwood Arts District"), not a person or a title ("Barangay
    Chairman Edgardo Pineda", "the district of Congressman Joey Salceda"), and not a plural
    ("Barangay Health Workers")."""
    doc = name.doc
    the = name.start > 0 and doc[name.start - 1].lower_ == "the" and word.i == name.end
    if _name_goes_on(name) or the:
        return False
    words = {t.lower_ for t in name}
    if words & (SERVICE_WORDS | title_words) or name[-1].tag_ in {"NNS", "NNPS"}:
        return False
    return not _person(name)


def _other_mentions(doc: Doc, names: list[Span], used: set[int]) -> list[tuple[Span, Span]]:
    """The same names written elsewhere without a kind word ("The Regent of Tanah Datar"),
    each with its namesake; not a person the unit is named after ("Sol Plaatje, the writer")."""
    found = []
    for i in range(len(doc)):
        for name in names:
            span = doc[i : i + len(name)]
            if span.text == name.text and not used & set(range(span.start, span.end)):
                found.append((span, name))
    return [
        (span, name)
        for span, name in found
        if not (_name_goes_on(span) or _name_follows(span) or _person(span))
    ]


def _person(span: Span) -> bool:
    """Whether the model reads a person's name over the span."""
    people = [e for e in span.doc.ents if e.label_ == "PERSON"]
    return any(e.start < span.end and span.start < e.end for e in people)


def _name_follows(name: Span) -> bool:
    """Whether a capitalised word other than a unit's kind word follows ("Gasabo Hospital")."""
    after = name.doc[name.end] if name.end < len(name.doc) else None
    return after is not None and after.is_title and after.lower_ not in UNIT_WORDS


def _without_english_tail(name: Span, common_words: set[str]) -> Span | None:
    """The name without the English words that end it ("Mersin" of "Mersin Metropolitan");
    None when it is English words only ("the Financial District", "Health Workers")."""
    end = name.end
    while end > name.start and {name.doc[end - 1].lower_, name.doc[end - 1].lemma_} & common_words:
        end -= 1
    return name.doc[name.start : end] if end > name.start else None


def _reaches_past(other: Span, name: Span) -> bool:
    return other.start < name.end and name.start < other.end and other.end > name.end


def _name_goes_on(name: Span) -> bool:
    """Whether a capitalised word stands right before, other than a sentence's first or a
    function word ("The Treichville and Abobo communes")."""
    before = name.doc[name.start - 1] if name.start else None
    function = before is not None and before.pos_ in {"DET", "ADP", "CCONJ", "PRON"}
    return before is not None and before.is_title and not (before.is_sent_start or function)


def _names_after(doc: Doc, start: int, plural: bool) -> list[Span | None]:
    """The name right after a kind word, and for a plural one the names listed after it
    ("the districts of Nyarugenge and Kicukiro")."""
    names = [_name_from(doc, start)]
    while plural and names[-1] is not None and names[-1].end + 1 < len(doc):
        if doc[names[-1].end].lower_ not in LIST_JOINERS:
            break
        names.append(_name_from(doc, names[-1].end + 1))
    return names


def _names_before(doc: Doc, end: int, plural: bool) -> list[Span | None]:
    """The name right before a kind word, and for a plural one the names listed before it
    too ("Phu Cat and Tay Son districts")."""
    names = [_name_to(doc, end)]
    while plural and names[-1] is not None and names[-1].start >= 2:
        if doc[names[-1].start - 1].lower_ not in LIST_JOINERS:
            break
        names.append(_name_to(doc, names[-1].start - 1))
    return names


def _name_word(token) -> bool:
    return token.is_alpha and token.is_title and not token.is_stop


def _name_from(doc: Doc, start: int) -> Span | None:
    """Up to three capitalised words from `start` on, hyphened ones ("Khan-Uul") as one."""
    i = start
    while i < len(doc) and i - start < MOST_WORDS * 3 and _name_word(doc[i]):
        i += 1
        if i + 1 < len(doc) and doc[i].text == "-" and _name_word(doc[i + 1]):
            i += 1  # the word after the hyphen is read next
    return doc[start:i] if i > start else None


def _name_to(doc: Doc, end: int) -> Span | None:
    """Up to three capitalised words ending right before `end` ("Gasabo District",
    "Gwonseon-gu district")."""
    i, words = end - 1, 0
    if i >= 2 and doc[i - 1].text == "-" and doc[i].lower_ in HYPHEN_UNITS:
        i -= 2  # "Gwonseon-gu": the romanised kind word stays with the name
    while i >= 0 and words < MOST_WORDS and _name_word(doc[i]):
        i, words = i - 1, words + 1
        if i >= 1 and doc[i].text == "-" and _name_word(doc[i - 1]):
            i -= 1  # "Khan-Uul": one word
    return doc[i + 1 : end] if words else None


def unlisted_places(
    spans: list[Span], found: dict[int, Place], countries: list[Span]
) -> dict[int, Place]:
    """A place for every unlisted name among `spans`, by span start, one per name, in the
    country of what locates one of its mentions (a place `found` for another span, a country
    named, or a place listed with it before one kind word: "the Yopougon and Abobo communes").
    With nothing to locate it, the name is no place: cross-border news is mostly about the
    partner, so "A delegation from the Chinese city of Chengdu visited Kicukiro District" says
    nothing of where Kicukiro is."""
    locators = [(s, found[s.start]) for s in spans if s.start in found]
    locators += [(c, None) for c in countries]
    unlisted = [s for s in spans if s._.unlisted is not None]
    located: dict[str, tuple[str, Place | None]] = {}
    for span in unlisted:
        where = _locator(span, locators)
        if where is not None:
            located.setdefault(fold(span.text), where)
    for span in unlisted:  # "the districts of Kulon Progo and Gunungkidul in Yogyakarta"
        listed_with = [fold(s.text) for s in unlisted if s._.unlisted == span._.unlisted]
        where = next((located[key] for key in listed_with if key in located), None)
        if where is not None:
            located.setdefault(fold(span.text), where)
    places = {}
    for span in unlisted:
        where = located.get(fold(span.text))
        if where is not None and _fits(span, where[0]):
            places[span.start] = _place(span.text, *where)
    return places


def _fits(span: Span, country: str) -> bool:
    """Regencies are Indonesia's (kabupaten): elsewhere "Regency" names a hotel ("Chicago's
    Hyatt Regency")."""
    return span.doc[span._.unlisted].lower_ != "regency" or country == "ID"


def _locator(span: Span, locators) -> tuple[str, Place | None] | None:
    """The country (and place) that locates a name written right beside it."""
    doc = span.doc
    for other, place in locators:
        if other.end <= span.start:  # "Rwanda's Kicukiro District", not "In Speyer, Kicukiro"
            gap = doc[other.end : span.start]
            if not any(t.lower_ in POSSESSIVE_S for t in gap):
                continue
        elif span.end <= other.start:  # "Cocody, in Abidjan", not "Huye District, Bremen and"
            gap = doc[span.end : other.start]
            bare_comma = [t.text for t in gap if t.lower_ not in UNIT_WORDS] == [","]
            if _goes_on(other) or (bare_comma and not _ends_apposition(other)):
                continue
        else:
            continue
        if locating_gap(gap) or _listed_before_kind_word(span, other, gap):
            return (place.country, place) if place is not None else (other.label_, None)
    return None


def _goes_on(place: Span) -> bool:
    """Whether a place owns what follows it or is listed on: "Speyer's partner", "Bremen and
    Kigali" (not "Ulaanbaatar, Mongolia")."""
    doc = place.doc
    after = doc[place.end : place.end + 2]
    if not after:
        return False
    if after[0].lower_ in POSSESSIVE_S:
        return True
    return after[0].lower_ in {"and", "or"} and len(after) > 1 and after[1].is_title


def _ends_apposition(place: Span) -> bool:
    """Whether a place after a bare comma closes its apposition: "Bayanzurkh District,
    Ulaanbaatar, Mongolia", not "Kicukiro District, Speyer; ..." or "..., Ottignies-..."."""
    after = place.doc[place.end] if place.end < len(place.doc) else None
    return after is None or after.text in {",", ".", ")"}


def _listed_before_kind_word(span: Span, other: Span, gap: Span) -> bool:
    """ "The Yopougon and Abobo communes": a place listed with the name before their one
    plural kind word is of its country."""
    kind = span.doc[span._.unlisted]
    return (
        kind.lower_.endswith("s")
        and span.end <= kind.i
        and other.end <= kind.i
        and all(t.lower_ in LIST_JOINERS for t in gap)
    )


def locating_gap(gap: Span) -> bool:
    """Whether the words between two names only say that one lies in the other."""
    words = [t for t in gap if not t.like_num]  # "one of the three districts of Kigali"
    return len(gap) <= LOCATOR_REACH and all(t.lower_ in LOCATING_WORDS for t in words)


def _place(name: str, country: str, outer: Place | None) -> Place:
    """The unlisted place, inside the city that locates it as far as the data can tell: in
    its first-level region, at its coordinates (so it counts as one of a big city's districts)."""
    city = (
        outer if outer is not None and outer.country == country and outer.kind == "city" else None
    )
    return Place(
        name=name,
        country=country,
        kind="city",
        code=f"{TEXT_CODE}{country}-{fold(name).replace(' ', '-')}",
        admin1=city.admin1 if city else None,
        latitude=city.latitude if city else None,
        longitude=city.longitude if city else None,
    )


def located_in(inner: Place, outer: Place) -> bool:
    """Whether `inner` is a place only the text knows, which the text locates in the city
    `outer` ("Barangay Lahug of Cebu City")."""
    return (
        (inner.code or "").startswith(TEXT_CODE)
        and outer.kind == "city"
        and inner.latitude is not None
        and (inner.latitude, inner.longitude) == (outer.latitude, outer.longitude)
    )
