"""Re-extraction over a store with corrections: they survive, lost ones are listed, a second run
changes nothing, and a run killed half way leaves a consistent store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from sqlalchemy import func, select

from facts.shapes import ArticleFacts, ArticleText
from services.ingesting import Forward, IngestService
from services.reextracting import Reextractor
from store import corrections, models, queries

PAIRS = [("Kumamoto", "Suwon"), ("Dunedin", "Edinburgh"), ("Hamamatsu", "Rochester"),
         ("Turku", "Gothenburg"), ("Osaka", "Melbourne"), ("Lyon", "Birmingham")]  # fmt: skip


def article(n: int) -> ArticleText:
    """An article of our own about the n-th pair; each text differs."""
    a, b = PAIRS[n % len(PAIRS)]
    return ArticleText(
        title=f"{a} and {b} renew ties ({n})",
        text=(
            f"{a} and {b} renewed their sister-city agreement on Tuesday, {n + 10} years after "
            f"the two cities first signed it in {2014 - n}. The mayor of {a}, visiting {b} with "
            "a delegation of business leaders, said the two cities would open a joint trade "
            "office next spring and expand student exchanges between their universities."
        ),
    )


def ingest(sessions, extractor, count: int) -> None:
    service = IngestService(sessions, extractor)
    for n in range(count):
        service.ingest(article(n), Forward(via="cli"))


def snapshot(sessions) -> tuple:
    """Every extracted fact as rows (partnership ids included), for comparing two stores."""
    P, E, AP, M = models.Partnership, models.Evidence, models.ArticlePerson, models.PlaceMention
    with sessions.begin() as s:
        links = set(s.execute(select(P.id, P.place_a_id, P.place_b_id, P.kind, P.status, P.year)))
        stated = set(s.execute(select(E.partnership_id, E.article_id, E.sentence, E.status,
                                      E.year)))  # fmt: skip
        people = set(s.execute(select(models.Person.name, models.Person.role, AP.article_id)
                               .join(AP, AP.person_id == models.Person.id)))  # fmt: skip
        mentions = set(s.execute(select(M.article_id, M.place_id, M.count)))
    return links, stated, people, mentions


def links_of(sessions, team: str | None):
    with sessions.begin() as s:
        return queries.recent_partnerships(s, limit=None, team_id=team)


def correct(sessions, team: str, action: str, fact, after=None) -> None:
    with sessions.begin() as s:
        corrections.record(s, team=team, user="U1", action=action, fact=fact, before={},
                           after=after or {}, note="", now=datetime.now(UTC))  # fmt: skip


def test_corrections_survive_and_a_lost_one_is_listed(sessions, extractor):
    ingest(sessions, extractor, 3)
    edited, hidden, *_ = links_of(sessions, "T1")
    correct(sessions, "T1", "edit", edited.key, {"status": "ended", "year": 1999})
    correct(sessions, "T1", "hide", hidden.key)
    lost = (edited.a.id, edited.b.id, "trade_deal")  # a fact no article states
    correct(sessions, "T1", "edit", lost, {"status": "new"})
    before = snapshot(sessions), links_of(sessions, "T1"), links_of(sessions, "T2")

    service = Reextractor(sessions, extractor.pipe)
    report = service.run(service.article_ids())

    assert report.articles == 3
    assert [(u.team, u.correction.fact) for u in report.unmatched] == [("T1", lost)]
    assert (snapshot(sessions), links_of(sessions, "T1"), links_of(sessions, "T2")) == before
    seen = {link.key: link for link in links_of(sessions, "T1")}
    assert (seen[edited.key].status, seen[edited.key].year) == ("ended", 1999)
    assert hidden.key not in seen
    assert hidden.key in {link.key for link in links_of(sessions, "T2")}


def test_a_second_run_changes_nothing(sessions, extractor):
    ingest(sessions, extractor, 4)
    service = Reextractor(sessions, extractor.pipe)
    service.run(service.article_ids())
    once = snapshot(sessions)
    service.run(service.article_ids())
    assert snapshot(sessions) == once


def test_since_rereads_only_newer_articles(sessions, extractor):
    ingest(sessions, extractor, 2)
    later = datetime.now(UTC)
    time.sleep(0.01)
    ingest(sessions, extractor, 3)  # one new article: the first two are known already
    service = Reextractor(sessions, extractor.pipe)
    assert len(service.article_ids(later)) == 1
    assert len(service.article_ids()) == 3


def test_facts_an_extractor_no_longer_finds_go_with_what_only_they_used(sessions, extractor):
    ingest(sessions, extractor, 2)
    forgetful = Reextractor(sessions, lambda articles: (ArticleFacts() for _ in articles))
    forgetful.run(forgetful.article_ids())
    P, Person = models.Partnership, models.Person
    with sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(P)) == 0
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(models.Article)) == 2


def test_a_run_killed_half_way_leaves_a_consistent_store_and_finishes_when_run_again(
    sessions, extractor, database_url
):
    ingest(sessions, extractor, 40)
    first = links_of(sessions, "T1")[0]
    correct(sessions, "T1", "edit", first.key, {"year": 1990})
    before = snapshot(sessions)
    E = models.Evidence
    with sessions.begin() as s:
        newest = s.scalar(select(func.max(E.id)))

    env = {**os.environ, "DATABASE_URL": database_url}
    run = subprocess.Popen([sys.executable, "-m", "bot", "reextract"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 120
    while True:  # kill it once it has re-read some articles
        with sessions.begin() as s:
            if s.scalar(select(func.max(E.id))) > newest:
                break
        assert run.poll() is None and time.monotonic() < deadline, run.stderr.read()
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    assert run.wait(timeout=10) == -signal.SIGKILL

    assert snapshot(sessions) == before  # each article whole: as it was, or re-read
    service = Reextractor(sessions, extractor.pipe)
    service.run(service.article_ids())
    assert snapshot(sessions) == before
    again = {link.key: link for link in links_of(sessions, "T1")}
    assert again[first.key].year == 1990
