"""How place names are written, for the patterns that read names in running text."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from places.names import COUNTY_WORDS

# Capital letters, accented Latin ones too: "Ålesund", "Łódź", "Évora", "Şanlıurfa".
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# The marks a row of a list opens with ("• Turin", "- Turin"), never a word of a name.
BULLETS = frozenset({"•", "·", "-", "–", "—", "*", "▪", "◦"})
# Lower-case words inside a place's name: "Boca del Rio", "Frankfurt am Main", "Bergen op Zoom".
NAME_PARTICLES = (
    r"(?:de|del|de la|de las|de los|la|las|los|le|les|du|des|di|da|do|dos|das|el|y|"
    r"van|von|der|den|am|an der|op|upon|on|sur|sous)"
)
# One name: capitalised words, with particles between them.
NAME = rf"[{CAPITALS}][\w'’.-]*(?:\s+(?:{NAME_PARTICLES}\s+)?[{CAPITALS}][\w'’.-]*)*"
# Capitalised words (ASCII capitals) even inside a case-blind pattern: "Shimabara", "Novi Sad".
CAPITALISED_WORDS = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
# Where counted partners are: "has two sister cities in Korea", "partner towns in the Czech
# Republic".
IN_NAMED_PLACE = rf"(?:\s+in\s+(?:the\s+)?{CAPITALISED_WORDS})?"
# Directions and positions: "Central" or "North East" names a region many countries have, and
# often none ("the South West", "the Central branch").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"northern", "southern", "eastern", "western", "central", "centre", "center", "centro"}
    | {"middle", "mid", "upper", "lower"}
)


def after_county(span: Span) -> bool:
    """Whether the county's word comes right before the name ("County Clare")."""
    return span.start > 0 and span.doc[span.start - 1].text in COUNTY_WORDS


def compass_name(text: str) -> bool:
    """Whether a name is made of direction words alone: "South West", "North-East", "Central"."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    return bool(words) and all(w in COMPASS_WORDS for w in words)


# A nickname in quotes inside a name: 'Rodolfo "Dodong" Alcantara', 'Roel “Dodo” Degamo'.
QUOTES = frozenset({'"', "“", "”"})
NICKNAME = re.compile(r'\s["“][^"”]{1,20}["”]\s')


def joined_by_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen joining two words with no space: inside a title ("Director-General",
    "vice-governor"), a surname ("Moroziuk-Bilyi") or a name and its romanised kind word
    ("Minato-ku")."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
