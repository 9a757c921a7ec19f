"""Walking spaCy's dependency parse, for the readers of people and of links."""

from __future__ import annotations

from spacy.tokens import Span, Token


def subject_verb(token: Token, through: frozenset[str], steps: int) -> Token | None:
    """The verb whose subject `token` is, or heads through at most `steps` links of the kinds
    `through` ("Ana Lind" of "Minister of X Ana Lind said" -> "said"); None if it is no subject."""
    for _ in range(steps):
        if token.dep_ == "nsubj":
            return token.head
        if token.dep_ not in through:
            return None
        token = token.head
    return None


def name_root(span: Span) -> Token:
    """The token a place's name hangs on the sentence by: "Caxias" of "in Caxias do Sul", whose
    "do" the parser may read as a verb's; else the span's own root."""
    attached = (t for t in span if t.dep_ == "pobj" and not span.start <= t.head.i < span.end)
    return next(attached, span.root)
