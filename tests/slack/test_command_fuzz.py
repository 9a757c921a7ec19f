"""Whatever is typed after `/citylink`, the answer is a helpful 200 and the store is untouched."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from store import models
from tests.slack.conftest import within_block_kit_limits

HOSTILE = [
    "'; DROP TABLE places; --", "Robert'); DELETE FROM articles;--", "\" OR 1=1 --",
    "%", "_", "\\", "<script>alert(1)</script>", "<@U123>", "<!channel>", "&amp;&lt;&gt;",
    "\x00\x01\x02", "\u202e\u200b", "🏙️🏙️", "a" * 3000, "& & &", "Paris &", "& Paris",
]  # fmt: skip


def _rows(services) -> tuple[int, ...]:
    """Row counts of the tables a command could harm."""
    tables = (models.Article, models.Place, models.Partnership, models.Evidence, models.Person)
    with services.lookups.sessions.begin() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in tables)


TEXTS = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), min_size=200, max_size=3000),
    st.text(st.characters(max_codepoint=0x7F), max_size=80),
)


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXTS)
def test_any_text_gets_a_helpful_answer(slack, services, text):
    before = _rows(services)
    response = slack.command(text)
    assert response.status == 200
    message = json.loads(response.body)
    assert message["blocks"] and message["text"]
    assert within_block_kit_limits(message)
    assert _rows(services) == before
