"""Walking spaCy's dependency parse, for the readers of people and of links."""

from __future__ import annotations

from spacy.tokens import Token


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
