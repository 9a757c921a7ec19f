"""Name folding: the one key every place name is indexed, matched and compared under."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Lower-case words allowed inside a multi-word place name ("Stratford-upon-Avon", "Rio de Janeiro").
NAME_PARTICLES = frozenset([
    "de", "del", "der", "des", "di", "do", "da", "dos", "das", "du", "la", "le", "les", "los",
    "las", "am", "an", "im", "upon", "on", "sur", "en", "y", "e", "of", "the", "and", "op", "aan",
    "bei", "ob", "von", "zu", "el", "al",
])  # fmt: skip
# "County Clare", "Co. Kerry", "Co Down": the word of an Irish county before its name.
COUNTY_WORDS = frozenset({"County", "Co.", "Co"})
# Letters NFKD does not decompose but readers treat as plain Latin ones ("Łódź" is "Lodz").
PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
_DROPPED = re.compile(r"[’'`.]")  # "Xi'an", "Xi’an", "St. Louis"
_BREAKS = re.compile(r"[\s\-_,/]+")  # "Stratford-upon-Avon", "Dunedin,NZ"
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]*[A-Za-z.]$")


@lru_cache(maxsize=65_536)  # articles fold the same few hundred names over and over
def fold(text: str | None) -> str:
    """Case-fold, strip accents, drop apostrophes and dots, and make dashes and commas spaces.

    "São Paulo", "SAO-PAULO" and "sao paulo" all fold to "sao paulo"; "Łódź" to "lodz". Other
    punctuation stays: "&" is part of a few names ("Trinidad & Tobago") and ends none, so
    "Dunedin &" is no name. Native scripts keep their letters and vowel signs: only marks that
    combine with a base letter (accents) go.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DROPPED.sub("", text.casefold().translate(PLAIN_LETTERS))
    return _BREAKS.sub(" ", text).strip()


def ascii_fold(text: str) -> str:
    """Strip accents but keep case and punctuation: "São Paulo" -> "Sao Paulo"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def looks_like_text_name(name: str) -> bool:
    """True for names that read as a proper name in English text (capitalised Latin words)."""
    if len(name) < 3 or not _LATIN_NAME.match(name) or name.isupper():
        return False
    words = re.split(r"[\s\-]+", name)
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words if w)
