"""People with their roles and places, and organisations with theirs.

Roles are read from the two ways news names an official: an apposition ("Jules Radich,
mayor of Dunedin") and a title before the name ("Antioch Mayor Lamar Thorpe", "vice governor
of Guangdong Province Ouyang Weimin"). Later surname-only mentions ("Radich said") are the same
person. People named without any role (bylines, passers-by) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ingest.facts import Organization, Person, Place
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
    ]
)
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
        if doc[end].lower_ in {"who", "which", "and"} and end > start + 1:
            break
        end += 1
    phrase = doc[start:end]
    head = [t for t in phrase[:4] if t.lower_ in TITLE_WORDS]
    return phrase if head else None


def _role_text(phrase: Span) -> str:
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
    start = person.start
    while start > 0 and doc[start - 1].lower_ in TITLE_WORDS:
        start -= 1
    if start == person.start:
        return None
    role = doc[start : person.start].text.lower()
    before = [m for m in mentions if m.span.end == start]
    after = [
        m for m in mentions if m.span.start == person.end + 1 and doc[person.end].lower_ == "of"
    ]  # "Governor Enrique Alfaro of Jalisco"
    place = before[0].place if before else after[0].place if after else None
    if place is None:  # "vice governor of Guangdong Province Ouyang Weimin"
        inside = [m for m in mentions if m.span.end == person.start and m.span.start > start]
        place = inside[0].place if inside else None
    return _Found(person.text, role, place) if place else None


def find_people(
    doc: Doc, mentions: list[Mention], org_mentions: list[Mention], country_of
) -> list[Person]:
    """People with a role, one per full name, in order of first appearance."""
    found: dict[str, _Found] = {}
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for person in persons:
        hit = _appositive(person, mentions, org_mentions, country_of) or _prenominal(
            person, mentions
        )
        name = " ".join(person.text.split())
        if hit and name not in found:
            found[name] = _Found(
                name, hit.role.lower() if hit.role != "CEO" else hit.role, hit.place
            )
    return [Person(f.name, f.role, f.place) for f in found.values()]


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
    for ent in doc.ents:
        if ent.label_ != "ORG" or EVENT_WORDS.search(ent.text):
            continue
        name = re.sub(r"^(the|The)\s+", "", " ".join(ent.text.split())).rstrip(",'s ")
        if len(name) < 3 or name.isupper() and len(name) <= 4 or name in orgs:
            continue
        orgs[name] = Organization(name, _org_place(ent, mentions))
    return list(orgs.values())
