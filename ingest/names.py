"""Where people's names are in a text, and which capitalised words are none.

The model's PERSON entities, and the name-shaped words next to a title that it missed or cut
("Mayor Kenji Okada", "its mayor, Lee Jae-joon", "Minister of Trade Ana Lind", "D.Sumiya").
Courtesy titles are no part of a name ("Mr Fabien Verdier"); organisations, places and the
capitals of a title-cased headline name nobody.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.resolve import Mention
from ingest.sentences import entities, sentence_of, text_of
from ingest.syntax import subject_verb
from ingest.titles import (
    TITLE_WORDS,
    after_honorifics,
    before_honorifics,
    is_title,
    title_before,
)
from ingest.written import after_county, joined_by_hyphen

# Words of organisations and places, never of a person's name ("Wicklow County Council").
NOT_NAME_WORDS = frozenset(
    {
        "council", "committee", "municipality", "municipal", "district", "ministry",
        "department", "university", "association", "office", "government", "party", "company",
        "corporation", "agency", "authority", "commission", "chamber", "institute",
        "foundation", "province", "county", "bureau", "assembly", "congress", "parliament",
        "trade", "investment", "development", "tourism", "commerce", "industry", "affairs",
        "network", "society", "group", "board", "fund", "trust", "centre", "center", "college",
        "school", "hospital", "museum", "festival", "forum", "league", "cup", "club",
        "airlines", "airways", "holdings", "motors", "orchestra", "philharmonic",
    }
)  # fmt: skip
# Words of a partnership body's name, never of a person's: "the Tulsa Sister Cities association".
TIE_WORDS = frozenset({"cities", "twinning"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "note", "explain", "state", "stress"})
# Lower-case words that open a surname ("van Lingen-Bosch", "de Vries", "von Hagen").
SURNAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "ter", "ten", "da", "dos", "du"})
GRAMMAR_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "in", "on", "at", "for", "to"})
NOT_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY"})
NAME_TO_SUBJECT = frozenset({"pobj", "prep", "compound", "appos"})  # "Minister of X Ana Lind"
INITIALLED_NAME = re.compile(r"(?:[A-Z]\.)+[A-Z][a-z]+")  # "E.Bat-Uul", "M.A.Ivanov"
# A given name cut short before the rest of a name: "Ma." (Maria), "Ch.", "Md." (Mohammad).
SHORT_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,2}")
NOT_SHORT_NAMES = frozenset(
    {"st", "mt", "ft", "no", "co", "dr", "mr", "ms", "jr", "sr", "gen", "lt", "col", "sgt", "rev"}
    | {"hon", "gov", "sen", "rep", "inc", "ltd", "vol", "art", "sec", "ave", "rd", "cr", "cllr"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "eng", "cap"}
    | {"mag", "dra", "lic", "ing", "fr", "bc", "mgr", "arq", "drs", "ir", "sra", "abg", "mba"}
)  # "Mag. Elke Kahr", "Dra. Maria Lopez", "Ing. Jan Novak": degrees and courtesies, no names


# The last word of a public body's name, which its official's name may follow ("Chairman of
# the Provincial People's Committee Nguyen Van Tho").
BODY_HEADS = frozenset(
    {"committee", "council", "government", "department", "bureau", "office", "administration"}
    | {"commission", "assembly", "ministry", "duma"}
)


def called_by(name: str) -> list[str]:
    """The words a person may be called by alone: all but the first of a full name ("Rangel"
    of "Juan Felipe Rangel Ordóñez"), or a one-word name itself ("Tanaka"); and the family name
    before a hyphened given name ("Kim" of "Kim Dong-hyun", "Lin" of "Lin Chia-hao")."""
    words = name.split()
    family = words[:1] if len(words) == 2 and HYPHENED_GIVEN.fullmatch(words[1]) else []
    return words[1:] + family or words


# A Korean or Chinese given name after the family name ("Dong-hyun"), not a double surname
# ("Horváth-Kis").
HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def person_names(doc: Doc, mentions: list[Mention]) -> list[Span]:
    """PERSON entities, and name-shaped words the model missed or cut next to a title."""
    found = _joined_at_particles(
        [e for e in entities(doc) if e.label_ == "PERSON"] + _initialled_names(doc)
    )
    for name in _short_given_names(doc):
        found = [e for e in found if not name.start <= e.start < name.end] + [name]
    for token in doc[:-1]:
        run = _run_near_title(doc, token)
        if run is None or not _is_name(run, mentions):
            continue
        if not any(e.start <= run.start < e.end and run.end <= e.end for e in found):
            found = [e for e in found if not run.start <= e.start < run.end] + [run]
    headline = {}  # by sentence start: whether the sentence is a title-cased headline
    for span in found:
        sent = sentence_of(span)
        if sent.start not in headline:
            headline[sent.start] = _headline_case(sent)
    names = (_person_name(s, mentions) for s in found if not headline[sentence_of(s).start])
    return sorted((n for n in names if n is not None), key=lambda s: s.start)


def _joined_at_particles(names: list[Span]) -> list[Span]:
    """ "Marieke" and "van Lingen-Bosch", cut apart by the model at the surname's particle:
    one name."""
    joined: list[Span] = []
    for name in sorted(names, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None and last.end == name.start and name[0].lower_ in SURNAME_PARTICLES:
            joined[-1] = Span(name.doc, last.start, name.end, label="PERSON")
        else:
            joined.append(name)
    return joined


def _initialled_names(doc: Doc) -> list[Span]:
    """Names written with the initials joined on ("B.Badral", "E.Bat-Uul"), as in Mongolia."""
    names = []
    for match in INITIALLED_NAME.finditer(text_of(doc)):
        word = doc.char_span(*match.span())  # None unless the match is whole tokens
        if word is None or len(word) != 1:
            continue
        end = word.end
        if end + 1 < len(doc) and joined_by_hyphen(doc, end) and doc[end + 1].is_title:
            end += 2  # "E.Bat-Uul"
        names.append(doc[word.start : end])
    return names


def _short_given_names(doc: Doc) -> list[Span]:
    """ "Councilor Ma. Isabel Gonzaga", "Ch. Venkata Ramana": a short given name with its dot,
    after a title or taken for a person by the model, and the name it opens."""
    names = []
    for token in doc[1:-3]:
        dot = doc[token.i + 1]
        if (
            not SHORT_GIVEN_NAME.fullmatch(token.text)
            or token.lower_ in NOT_SHORT_NAMES
            or dot.text != "."
            or token.whitespace_
            or not (is_title(doc[token.i - 1]) or token.ent_type_ == "PERSON")
        ):
            continue
        run = _name_run(doc, token.i + 2, 1)
        if run is not None:
            names.append(doc[token.i : run.end])
    return names


def _run_near_title(doc: Doc, token) -> Span | None:
    """Name-shaped words after a title, or on either side of a comma that closes a role."""
    if is_title(token):  # "deputy mayor Hélène Paris", "Minister of Trade Ana Lind"
        start = after_honorifics(doc, token.i + 1)
        return _name_run(doc, start, 1) or _name_after_portfolio(doc, token)
    if token.lower_ == "and" and token.i > 0 and doc[token.i - 1].is_title:
        return _name_run(doc, after_honorifics(doc, token.i + 1), 1)  # "... and Mr Tom Hart"
    if token.text == "," and token.i > 0:  # "Mehmet Yılmaz, the mayor of Antakya"
        run = _name_run(doc, token.i - 1, -1)
        if run is None and title_before(doc, token.i) is not None:
            return _name_run(doc, after_honorifics(doc, token.i + 1), 1)  # "its mayor, Dr. Ana"
        return run
    return None


def _name_after_portfolio(doc: Doc, title) -> Span | None:
    """The name closing "Minister of Foreign Affairs Wang Yi": its last two capitalised words."""
    i = title.i + 1
    if i + 3 >= len(doc) or doc[i].lower_ not in {"of", "for"}:
        return None
    end = i + 1
    while end < len(doc) and end - i < 9 and portfolio_word(doc[end]):
        end += 1
    words = [t for t in doc[i + 1 : end] if t.lower_ not in {"and", "&", "the"}]
    if len(words) < 3 or not doc[end - 1].is_title:
        return None
    name = doc[end - 2 : end]
    return name if all(_is_name_word(t) for t in name) and vouched_name(name) else None


def portfolio_word(token) -> bool:
    capitalised = (token.is_title or token.is_upper) and token.is_alpha  # "UB City Office"
    return capitalised or token.lower_ in {"and", "&", "the", "of", "'s", "’s"}


def _speaks(name: Span) -> bool:
    """Whether the name, or the title it closes, is who speaks ("Minister of X Ana Lind said")."""
    verb = subject_verb(name.root, NAME_TO_SUBJECT, 4)
    return verb is not None and verb.lemma_ in SPEECH_VERBS


def vouched_name(name: Span) -> bool:
    """Whether more than its capitals says these words name a person (after a portfolio).

    The name speaks ("... Ana Lind said"), its surname stands alone elsewhere ("Lind said"), or
    its initials are joined on ("B.Badral").
    """
    doc, surname = name.doc, name[-1]
    if INITIALLED_NAME.fullmatch(name[0].text):
        return True
    if _speaks(name):
        return True
    return any(
        t.text == surname.text and t.i != surname.i and doc[t.i - 1].text != name[0].text
        for t in doc
    )


def _is_name_word(token) -> bool:
    if not (token.is_alpha and token.text[:1].isupper()) or token.lower_ in TITLE_WORDS:
        return False
    # "Xu Da She": a capitalised "She" inside a sentence is a name, "The" or "And" never is
    return not token.is_stop or not token.is_sent_start and token.lower_ not in GRAMMAR_WORDS


def _name_run(doc: Doc, start: int, step: int) -> Span | None:
    """Two to four capitalised words from `start` on (step 1) or ending at it (step -1)."""
    i, words = start, 0
    while 0 <= i < len(doc) and words < 4:
        token = doc[i]
        joined = token.text == "-" and not doc[i - 1].whitespace_ and 0 < i < len(doc) - 1
        if not (_is_name_word(token) or joined or _after_hyphen(token)):
            break
        words += not joined and not _after_hyphen(token)
        i += step
    span = doc[start:i] if step > 0 else doc[i + 1 : start + 1]
    return span if words >= 2 and span[0].text != "-" and span[-1].text != "-" else None


def _after_hyphen(token) -> bool:
    """ "joon" of "Lee Jae-joon": a name's lower-case syllable after a hyphen."""
    doc, i = token.doc, token.i
    return token.is_lower and token.is_alpha and i > 1 and joined_by_hyphen(doc, i - 1)


def _headline_case(sentence: Span) -> bool:
    """A title-cased headline ("Mayor Welcomes Sister City Guests"): its capitals name nobody.

    A caption of names ends with a full stop; a headline does not.
    """
    sent = [t for t in sentence if not t.is_space]
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    if len(words) < 4 or sent[-1].text in {".", "!", "?"}:
        return False
    return all(t.text[:1].isupper() for t in words)


def _is_name(run: Span, mentions: list[Mention]) -> bool:
    """Name-shaped words that are no place, date or number.

    A word of a longer name may be a town's name as well ("Marek Kowalczyk", "Ana Lucero");
    right after a title every word may ("Mayor Kenji Okada"), but never a longer place name.
    """
    overlapping = [e for e in entities(run.doc) if e.start < run.end and run.start < e.end]
    if any(e.label_ in NOT_NAME_LABELS - {"GPE", "LOC"} for e in overlapping):
        return False
    titled = _titled(run)
    places = [m.span for m in mentions if m.span.start < run.end and run.start < m.span.end]
    if not titled:  # the model's guess counts too where no title vouches for a name
        places += [e for e in overlapping if e.label_ in {"GPE", "LOC"}]
    if any(len(p) > 1 or p.start < run.start or after_county(p) for p in places):
        return False  # "Co Kerry, ...": the county
    return len({p.start for p in places}) <= (len(run) if titled else 1)


def _titled(run: Span) -> bool:
    """Whether a title ("Mayor Kenji Okada") or a role and comma ("its mayor, ...") come first."""
    doc = run.doc
    before = before_honorifics(doc, run.start)
    if before > 0 and is_title(doc[before - 1]):
        return True
    return before > 1 and doc[before - 1].text == "," and title_before(doc, before - 1) is not None


def _with_split_surname(name: Span, mentions: list[Mention]) -> Span:
    """ "Ali Hassan Rashid met ...": a surname the gazetteer took for a town ends the name."""
    doc = name.doc
    surname = next((m.span for m in mentions if m.span.start == name.end), None)
    if surname is None or len(surname) != 1 or name.end + 1 >= len(doc):
        return name
    if not name[-1].whitespace_ or doc[name.end + 1].text[:1].isupper():
        return name
    return doc[name.start : name.end + 1]


def _person_name(span: Span, mentions: list[Mention]) -> Span | None:
    """The name without courtesy titles ("Ms Ann Lee"), or None if it names no person."""
    start = _after_posting(span, after_honorifics(span.doc, span.start), mentions)
    end = next((t.i for t in span if t.lower_ == "of"), span.end)  # "Ana Lind of Lund"
    if start >= end or any(t.lower_ in NOT_NAME_WORDS | TIE_WORDS for t in span):
        return None
    return _with_split_surname(span.doc[start:end], mentions)


SIKH_NAMES = frozenset({"singh", "kaur"})  # "Ajmer Singh": a given name, not a district


def _after_posting(span: Span, start: int, mentions: list[Mention]) -> int:
    """Where the name starts after the district a commissioner is named with, without "of"
    ("Deputy Commissioner Lahore Rafia Haider", as South Asian news writes it), or after the
    place a title is "of" ("Vice Governor of Tochigi Kazuhiro Sekine"); at least two name words
    must follow, not a Sikh name's "Singh" ("Commissioner Ajmer Singh Dhillon")."""
    doc = span.doc
    if start < 1 or doc[start - 1].lower_ not in {"commissioner", "of"}:
        return start  # "Councillor Victoria Anne Gibbs": a given name a town bears
    place = next((m.span for m in mentions if m.span.start == start), None)
    if place is None or span.end - place.end < 2 or doc[place.end].lower_ in SIKH_NAMES:
        return start
    return place.end
