"""The article's own town when a town's government publishes it ("Mackay Regional Council >
News"): its officials, its "Council" and its lists of partners are that town's."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from facts.shapes import Place
from ingest.resolve import Mention
from ingest.sentences import entities, text_of

# A place's own government named in an organisation: "Hobart City Council", "Shanghai Municipal
# People's Government", "Mackay Regional Council".
OWN_GOVERNMENT = re.compile(
    r"\b(?:(?:City|Town|Borough|District|Municipal|County|Metropolitan|Regional|Shire) "
    r"(?:Council|Government|Assembly)|"
    r"City Hall|Municipality|Municipal Corporation|People's (?:Government|Committee)|"
    r"Mayor's Office|City Government|Provincial Government|State Government)\b"
)


def publisher_town(doc: Doc, org_mentions: list[Mention]) -> Place | None:
    """The town whose own government the header lines name, as a council's news page does."""
    header_end = text_of(doc).find("\n\n")
    governments = [
        e for e in entities(doc) if e.end_char <= header_end and OWN_GOVERNMENT.search(e.text)
    ]
    return next(
        (
            m.place
            for m in org_mentions
            if m.place.kind == "city" and any(e.start <= m.span.start < e.end for e in governments)
        ),
        None,
    )
