"""Forwarding replies stay within Slack's 50 blocks however many files come at once."""

from __future__ import annotations

from datetime import UTC, datetime

from facts.shapes import ArticleFacts, Partnership, Place, PlaceMention
from services.forwarding import Learned
from services.ingesting import IngestOutcome
from store.results import AddResult
from views.replies import forward_reply

DUNEDIN = Place("Dunedin", "NZ", "city", 2191562)
SHANGHAI = Place("Shanghai", "CN", "city", 1796236)


def learned(n: int) -> Learned:
    facts = ArticleFacts(
        title=f"Story {n}", places=[PlaceMention(DUNEDIN, 1), PlaceMention(SHANGHAI, 1)],
        partnerships=[Partnership(DUNEDIN, SHANGHAI, kind, "new", "They signed.", 2024)
                      for kind in ("sister_city", "mou", "visit")],
    )  # fmt: skip
    result = AddResult(n, True, f"Story {n}", datetime.now(UTC), "U1", "dm", partnerships=3)
    return Learned(f"file{n}.pdf", outcome=IngestOutcome(result, facts))


def test_many_articles_at_once_fit_one_message_a_line_each():
    reply = forward_reply([learned(n) for n in range(30)])
    assert len(reply.blocks) <= 50
    assert [block["text"]["text"] for block in reply.blocks][29] == (
        "*Learned from Story 29*: 3 partnerships")  # fmt: skip


def test_one_article_lists_each_of_its_links():
    text = str(forward_reply([learned(1)]).blocks)
    assert text.count("*Dunedin*") == 3
