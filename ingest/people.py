"""People with their roles and places, and organisations with theirs.

Roles are read from the two ways news names an official: an apposition ("Jules Radich,
mayor of Dunedin") and a title before the name ("Antioch Mayor Lamar Thorpe", "vice governor
of Guangdong Province Ouyang Weimin"). Names the model misses are taken from the capitalised
words next to a title. Without a stated place, an official leading a delegation is from its
place, and a town-hall official from the dateline's town. Later surname-only mentions
("Radich said") are the same person. People named without any role (bylines, passers-by)
are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from facts.shapes import Organization, Person, Place
from ingest.resolve import Mention
from ingest.sentences import entities, sentence_of
from ingest.titles import (
    TITLE_WORDS,
    portfolio_start,
    role_words,
    title_before,
    title_start,
)

# Officials of a town hall: named without a place, they belong to the dateline's town.
LOCAL_TITLES = frozenset({"mayor", "councillor", "councilor", "alderman", "provost", "selectman"})
NOT_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY"})
PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "of", "across"})
LEAD_VERBS = frozenset({"lead", "head"})
ROLE_STOP = frozenset({"of", "at", "for", "with", "in", "from", ",", ".", "who", "which", ";"})
EVENT_WORDS = re.compile(r"\b(Conference|Forum|Expo|Summit|Festival|Decade|Games|Fair|Week)\b")


@dataclass
class _Found:
    name: str
    role: str
    place: Place | None


def _place_in(span: Span, mentions: list[Mention], org_mentions: list[Mention]) -> Place | None:
    for m in mentions + org_mentions:
        if span.start <= m.span.start and m.span.end <= span.end:
            return m.place
    return None


def _ends_role(token) -> bool:
    if token.text in {",", ";", "(", "\n"} or "\n" in token.text:
        return True
    if token.text == ".":  # "No. 5 District" goes on; a sentence's end does not
        return not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num)
    return False


def _role_phrase(doc: Doc, start: int) -> Span | None:
    """The role after "NAME, ": title words up to the clause's end."""
    end = start
    while end < len(doc) and not _ends_role(doc[end]) and end - start < 25:
        joined = doc[end].lower_ == "and" and doc[end + 1].lower_ in TITLE_WORDS
        if doc[end].lower_ in {"who", "which", "and"} and end > start + 1 and not joined:
            break  # but "president and CEO of ..." is one role
        end += 1
    phrase = doc[start:end]
    head = [t for t in phrase[:4] if t.lower_ in TITLE_WORDS]
    return phrase if head else None


def _role_text(phrase: Span) -> str:
    owner = [t.i for t in phrase[:4] if t.lower_ in {"'s", "’s"}]
    if owner:  # "Medellín's secretary of mobility": the place is not part of the role
        phrase = phrase.doc[owner[0] + 1 : phrase.end]
    words = []
    for token in phrase:
        if token.lower_ in ROLE_STOP and words:
            break
        if token.lower_ in {"the", "a", "an"} and not words:
            continue
        words.append(token.text)
    return " ".join(words)


ROLE_ANAPHOR = re.compile(r"\bthe (?:(?P<adj>[A-Z][\w ]*?) )?(?P<noun>city|town|state|province)\b")


def _anaphoric_place(phrase: Span, mentions: list[Mention], country_of) -> Place | None:
    """ "mayor of the New Zealand city": the last such place named before."""
    match = ROLE_ANAPHOR.search(phrase.text)
    if not match:
        return None
    kind = "city" if match.group("noun") in {"city", "town"} else "region"
    country = country_of(match.group("adj")) if match.group("adj") else None
    earlier = [
        m.place
        for m in mentions
        if m.span.start < phrase.start
        and m.place.kind == kind
        and country in (None, m.place.country)
    ]
    return earlier[-1] if earlier else None


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


def _appositive(person: Span, mentions, org_mentions, country_of) -> _Found | None:
    doc = person.doc
    if person.end + 1 >= len(doc) or doc[person.end].text != ",":
        return None
    phrase = _role_phrase(doc, person.end + 1)
    if phrase is None:
        return None
    place = (
        _place_in(phrase, mentions, org_mentions)
        or _anaphoric_place(phrase, mentions, country_of)
        or _place_after(phrase, mentions + org_mentions)
    )
    return _Found(person.text, _role_text(phrase), place)


def _prenominal(person: Span, mentions: list[Mention]) -> _Found | None:
    doc = person.doc
    start = title_start(doc, person.start)
    if start == person.start:
        return None
    start = portfolio_start(doc, start, mentions)
    role = role_words(doc[start : person.start])
    before = [m for m in mentions if m.span.end == start]
    after = [
        m for m in mentions if m.span.start == person.end + 1 and doc[person.end].lower_ == "of"
    ]  # "Governor Enrique Alfaro of Jalisco"
    place = before[0].place if before else after[0].place if after else None
    if place is None:  # "vice governor of Guangdong Province Ouyang Weimin"
        inside = [m for m in mentions if m.span.end == person.start and m.span.start > start]
        place = inside[0].place if inside else None
    return _Found(person.text, role, place)


def _role_before(person: Span, mentions, org_mentions) -> _Found | None:
    """ "its mayor, Joaquim Braga", "the mayor of Santos, Paulo Lobo": the role comes first."""
    doc = person.doc
    if person.start < 3 or doc[person.start - 1].text != ",":
        return None
    phrase = title_before(doc, person.start - 1)
    if phrase is None:
        return None
    owner = doc[max(0, phrase.start - 4) : phrase.end]
    place = _place_in(owner, mentions, org_mentions)
    if place is None and doc[phrase.start - 1].lower_ in {"its", "'s", "’s"}:
        earlier = [m.place for m in mentions if m.span.end <= phrase.start]
        place = earlier[-1] if earlier else None  # "Braga ... Its mayor": the place before
    return _Found(person.text, _role_text(phrase), place)


def _is_name_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in TITLE_WORDS


def _name_run(doc: Doc, start: int, step: int) -> Span | None:
    """Two to four capitalised words from `start` on (step 1) or ending at it (step -1)."""
    i, words = start, 0
    while 0 <= i < len(doc) and words < 4:
        token = doc[i]
        joined = token.text == "-" and not doc[i - 1].whitespace_ and 0 < i < len(doc) - 1
        if not (_is_name_word(token) and not token.is_stop or joined):
            break
        words += not joined
        i += step
    span = doc[start:i] if step > 0 else doc[i + 1 : start + 1]
    return span if words >= 2 and span[0].text != "-" and span[-1].text != "-" else None


def _candidates(doc: Doc, taken: set[int]) -> list[Span]:
    """PERSON entities, and name-shaped words the model missed next to a title or apposition."""
    found = [e for e in entities(doc) if e.label_ == "PERSON"]
    for token in doc[:-1]:
        run = None
        if token.lower_ in TITLE_WORDS:  # "deputy mayor Hélène Paris"
            run = _name_run(doc, token.i + 1, 1)
        elif token.text == "," and token.i > 0:  # "Mehmet Yılmaz, the mayor of Antakya"
            run = _name_run(doc, token.i - 1, -1)
            if run is None and title_before(doc, token.i) is not None:
                run = _name_run(doc, token.i + 1, 1)  # "its mayor, Joaquim Braga Teixeira"
        if run is None or taken & set(range(run.start, run.end)):
            continue
        labels = {e.label_ for e in entities(doc) if e.start < run.end and run.start < e.end}
        if not labels & NOT_NAME_LABELS and not any(e.start <= run.start < e.end for e in found):
            found.append(run)
    return sorted(found, key=lambda s: s.start)


def _led_from(person: Span, mentions: list[Mention]) -> Place | None:
    """ "a delegation from Wuxi led by Vice Mayor Zhou Min", "X led a delegation from Stirling"."""
    sent, head = sentence_of(person), person.root.head
    leads = head.lemma_ in LEAD_VERBS or head.lower_ == "by" and head.head.lemma_ in LEAD_VERBS
    if not leads and head.lower_ not in TITLE_WORDS:
        return None
    doc = person.doc
    froms = [
        m.place
        for m in mentions
        if sent.start < m.span.start < sent.end
        and (
            doc[m.span.start - 1].lower_ == "from"
            or m.span.end < person.start  # "a Karnataka (government) delegation led by X"
            and "delegation" in doc[m.span.end : m.span.end + 3].text.lower()
        )
    ]
    return froms[0] if froms and "delegation" in sent.text else None


def _dateline(mentions: list[Mention]) -> Place | None:
    """The place the article is filed from: an upper-case place name opening a paragraph."""
    return next((m.place for m in mentions if m.span.text.isupper() and len(m.span) == 1), None)


def _home(mentions: list[Mention]) -> Place | None:
    """The town of an article's town-hall officials: its dateline, else its most-named city."""
    cities = Counter(m.place for m in mentions if m.place.kind == "city")
    return _dateline(mentions) or (cities.most_common(1)[0][0] if cities else None)


def find_people(
    doc: Doc, mentions: list[Mention], org_mentions: list[Mention], country_of
) -> list[Person]:
    """People with a role, one per full name, in order of first appearance."""
    found: dict[str, _Found] = {}
    taken = {t for m in mentions for t in range(m.span.start, m.span.end)}
    home = _home(mentions)
    for person in _candidates(doc, taken):
        apposed = _appositive(person, mentions, org_mentions, country_of)
        apposed = apposed or _role_before(person, mentions, org_mentions)
        hit = apposed or _prenominal(person, mentions)
        name = " ".join(person.text.split())
        if hit is None or name in found:
            continue
        role = hit.role.lower() if hit.role != "CEO" else hit.role
        if role.split()[-1] == "counterpart":  # "his Lutsk counterpart": the same office
            role = next(reversed(found.values())).role if found else role
        place = hit.place or _led_from(person, mentions)
        if place is None and role.split()[-1] in LOCAL_TITLES:
            place = home
        if place is not None or apposed:
            found[name] = _Found(name, role, place)
    return [Person(f.name, f.role, f.place) for f in found.values()]


def _surnames(doc: Doc, people: list[Person]) -> set[str]:
    names = [p.name for p in people] + [e.text for e in entities(doc) if e.label_ == "PERSON"]
    return {name.split()[-1] for name in names if len(name.split()) > 1}


def without_surnames(doc: Doc, mentions: list[Mention], people: list[Person]) -> list[Mention]:
    """ "Paris told the crowd" after "Hélène Paris": a person's surname alone is that person.

    A mention still counts as a place with a place word ("in Paris", "Paris city") or in capitals
    opening a dateline.
    """
    surnames = _surnames(doc, people)
    return [
        m
        for m in mentions
        if m.span.text not in surnames
        or m.span._.kind_hint
        or (m.span.start > 0 and doc[m.span.start - 1].lower_ in PLACE_PREPOSITIONS)
    ]


def same_person(people: list[Person], name: str) -> Person | None:
    """The known person a surname-only mention ("Radich") refers to."""
    for person in people:
        if name == person.name or person.name.split()[-1] == name:
            return person
    return None


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
