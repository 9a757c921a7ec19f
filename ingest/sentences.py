"""Which sentence a span is in, computed once per document.

`Span.sent` walks the document's sentences on every call; resolution and relations ask it for
every mention, which made it a fifth of extraction time.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "citylink_sentence_bounds"


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
