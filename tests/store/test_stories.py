"""One story, many outlets: rewrites of one story share a story id, a different story does not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from services.digest_content import schedule_of
from services.digests import DEFAULTS, DigestService
from store import digests, models, queries
from views.cards import link_text
from views.digests import digest_messages

# Three texts of our own: two outlets' rewrites of one story, and another story on the same
# two cities (stating the same link, so only the text tells them apart).
FIRST = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities. Suwon's mayor welcomed the "
    "delegation at city hall and called the renewal a milestone for both cities."
)
REWRITE = (
    "The Japanese city of Kumamoto and South Korea's Suwon on Tuesday renewed the sister-city "
    "agreement they first signed ten years ago. Kumamoto's mayor, who is visiting Suwon with "
    "twenty business leaders, said the cities plan to open a joint trade office next spring "
    "and to expand exchanges of students between their universities. Welcoming the delegation "
    "at city hall, the mayor of Suwon called the renewal a milestone."
)
OTHER = (
    "Kumamoto and Suwon held a joint tourism fair in Kumamoto on Saturday, drawing thousands of "
    "visitors from both cities, which have been sister cities since 2014. Organisers said food "
    "stalls from Suwon sold out within hours, and the two cities plan a second fair in Suwon "
    "next year with performances by school choirs and a film week."
)


def stories(sessions) -> dict[str, int]:
    with sessions.begin() as session:
        rows = session.execute(select(models.Article.text, models.Article.story_id))
        return {text[:30]: story for text, story in rows}


def test_rewrites_of_one_story_are_one_story_and_another_story_is_not(
    add, sessions, places, sister_facts
):
    a, b = places.dunedin, places.shanghai  # any two places: the texts are our own
    for text in (OTHER, FIRST, REWRITE):
        add(text, sister_facts(a, b, sentence=text.split(". ")[0]))
    found = stories(sessions)
    assert found[FIRST[:30]] == found[REWRITE[:30]]
    assert found[OTHER[:30]] != found[FIRST[:30]]
    with sessions.begin() as session:
        (link,) = queries.recent_partnerships(session)
    shown = link_text(link)
    assert "2 sources" in shown and "+1 more article" in shown


def test_a_text_like_another_but_stating_other_links_is_its_own_story(
    add, sessions, places, sister_facts
):
    add(FIRST, sister_facts(places.dunedin, places.shanghai))
    add(REWRITE, sister_facts(places.dunedin, places.stirling))  # no link in common
    found = stories(sessions)
    assert found[FIRST[:30]] != found[REWRITE[:30]]


def test_a_digest_lists_a_story_once_with_its_sources(add, sessions, places, sister_facts):
    for n, text in enumerate((OTHER, FIRST, REWRITE)):
        add(text, sister_facts(places.dunedin, places.shanghai, sentence=text.split(". ")[0],
                               title=f"Report {n}"))  # fmt: skip
    now = datetime.now(UTC)
    with sessions.begin() as session:
        subscription = digests.subscribe(session, "", "C1", user_id="U1", now=now, **DEFAULTS)
    service = DigestService(sessions, lambda team: None, worker="test", now=lambda: now)
    content = service.compose(subscription, now - timedelta(hours=1), now + timedelta(minutes=1))
    text = str(digest_messages(content, schedule_of(subscription)))
    assert text.count("Report 0") == 1 and "(2 sources)" in text
    assert "Report 1" not in text  # the story's older report: its sources are counted instead
