"""Which sentence a span is in, and the document's entities, computed once per document.

`Span.sent` walks the document's sentences on every call, and `Doc.ents` (so `Span.ents`)
builds every entity span anew; extraction asks them for every mention and every sentence.
Read them here only once the pipeline has finished setting entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.dates import MONTH_WORD

_KEY = "citylink_sentence_bounds"
_ENTS = "citylink_entities"
_TEXT = "citylink_text"


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    bounds = doc.user_data.get(_KEY)
    if bounds is None:
        bounds = [(0, 0)] * len(doc)
        for sent in doc.sents:
            bounds[sent.start : sent.end] = [(sent.start, sent.end)] * len(sent)
        doc.user_data[_KEY] = bounds
    return bounds


def sentence_of(span: Span) -> Span:
    """The sentence holding the span's first token."""
    start, end = _bounds(span.doc)[span.start]
    return span.doc[start:end]


def sentence_start(span: Span) -> int:
    return _bounds(span.doc)[span.start][0]


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def entities_in(span: Span) -> list[Span]:
    """The entities wholly inside the span, as `Span.ents` gives them."""
    return [e for e in entities(span.doc) if span.start <= e.start and e.end <= span.end]


def country_starts(span: Span) -> set[int]:
    """Where the span's country names (`doc.spans["countries"]`) begin, as offsets in its text."""
    return set(country_spans(span))


def country_spans(span: Span) -> dict[int, Span]:
    """The span's country names (labelled with their codes) by where each begins in its text."""
    return {
        c.start_char - span.start_char: c
        for c in span.doc.spans["countries"]
        if span.start <= c.start < span.end
    }


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text the document was parsed from, so that `text_of` need not rebuild it."""
    doc.user_data[_TEXT] = text


def text_of(doc: Doc) -> str:
    """The document's text (`Doc.text` joins every token again on each call)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """The span's text, cut from the document's (`Span.text` joins its tokens again)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def headline_end(text: str) -> int:
    """Where the headline ends: the first line, when it is no sentence of the body (no final
    stop, or an exclamation or question over a byline and a blank line: "Ipoh and Kumagaya take
    first step - online!") and a body follows; 0 when there is none."""
    first, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip():
        return 0
    lines = [line.strip() for line in rest.split("\n")]
    bylined = len(lines) > 2 and bool(lines[0]) and not lines[1]  # a byline, a blank line
    set_apart = bylined and re.search(r"[!?]\s*$", first)
    if re.search(r"[.!?:;\"'”’)]\s*$", first) and not set_apart:
        return 0
    return len(text) - len(text.lstrip()) + len(first)


# ", Nov 16 (ONA) —", ", 12 May 2024 -", ", Jalisco, May 3, 2016.-": a wire's date after its
# place (and region), in the story's first paragraph (after a headline, a byline and a blank
# line at most).
TOP_LINES = 4
DATED = re.compile(
    r",\s+(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.'’-]*){0,3},\s+)?"  # its region
    rf"(?:\d{{1,2}}\s+)?{MONTH_WORD}\.?"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?\.?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--|-)"
    # not a date range ("May 9 - May 12", "May 9 - 12:"), but "— Mayor ...", "— 30 years after"
    rf"(?!\s*(?:\d{{1,2}}\s*[:,;)]|{MONTH_WORD}\.?\b))",
    re.I,
)


def is_dateline(span: Span) -> bool:
    """ "CHONGQING, May 24 (Xinhua) --", "Sohar, Nov 16 (ONA) —", "Doha: ...": a place opening
    a paragraph, in capitals, before the date or, near the top, before a colon (not "Baghdad:
    Baghdad Mayoralty signed ...", where the town's own body follows)."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    if not opens or span.end >= len(doc) or not doc[span.end].is_punct:
        return False
    if span.text.isupper():
        return True
    text = text_of(doc)  # "Sohar, Nov 16 (ONA) —" opens the story, not a programme's line
    top = text.count("\n", 0, span.start_char) <= TOP_LINES
    colon = doc[span.end].text == ":" and span.text not in text[span.end_char : span.end_char + 40]
    return top and (colon or bool(DATED.match(text, span.end_char)))
