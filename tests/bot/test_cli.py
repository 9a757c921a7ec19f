"""The `citylink` command line as a user runs it: real files, a real SQLite store, real spaCy."""

from __future__ import annotations

import io
import json
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlalchemy import func, or_, select

from bot.cli import main
from bot.standin import WebAPIStandIn
from store import corrections, models
from store.db import make_engine, make_sessions
from store.queries import recent_partnerships, store_counts
from tests.articles_server import ArticleServer, article_html
from views.cards import LINKS_PER_PAGE

CORPUS = Path(__file__).resolve().parents[2] / "data" / "articles"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture
def store(tmp_path, monkeypatch) -> str:
    """A fresh SQLite store in a temporary directory, named by DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'citylink.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    return url


def _article_count(url: str) -> int:
    engine = make_engine(url)
    with make_sessions(engine).begin() as session:
        count = store_counts(session).articles
    engine.dispose()
    return count


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, Path]:
    """One file of each kind of bad input, and a folder mixing good and bad files."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "photo.txt",
        "gbk": folder / "chinese.txt",
        "huge": folder / "huge.txt",
        "no_body": folder / "menu.html",
        "missing": folder / "missing.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["gbk"].write_bytes("重庆市与硅谷城市签署合作备忘录。".encode("gbk"))
    files["huge"].write_text("Dunedin and Shanghai are sister cities. " * 520_000)
    files["no_body"].write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(SEEDS[0], mixed / SEEDS[0].name)
    (mixed / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    files["mixed"] = mixed
    return files


def test_bad_inputs_each_get_a_reason_and_the_batch_goes_on(store, bad_inputs, capsys):
    args = ["ingest", *(str(p) for p in bad_inputs.values()), str(SEEDS[1])]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert "2 new, 0 already known, 7 failed" in out
    assert _article_count(store) == 2

    def reason(path: Path) -> str:
        prefix = f"failed: {path}: "
        return next(
            line.removeprefix(prefix) for line in err.splitlines() if line.startswith(prefix)
        )

    assert "empty" in reason(bad_inputs["empty"])
    assert "binary" in reason(bad_inputs["binary"])
    assert "UTF-8" in reason(bad_inputs["gbk"])
    assert "limit is 5 MB" in reason(bad_inputs["huge"])
    assert "no article text" in reason(bad_inputs["no_body"])
    assert "no such file" in reason(bad_inputs["missing"])
    assert ".png" in reason(bad_inputs["mixed"] / "logo.png")


def test_ingesting_the_corpus_twice_keeps_five_articles(store, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    assert "5 new, 0 already known, 0 failed" in capsys.readouterr().out
    assert main(["ingest", str(CORPUS)]) == 0
    assert "0 new, 5 already known, 0 failed" in capsys.readouterr().out
    assert _article_count(store) == 5


def test_db_upgrade_seed_fills_an_empty_store_once(store, capsys):
    assert main(["db", "upgrade", "--seed"]) == 0
    assert "seeded the store with 5 bundled articles" in capsys.readouterr().err
    assert main(["db", "upgrade", "--seed"]) == 0
    assert "seeded" not in capsys.readouterr().err
    assert _article_count(store) == 5


def test_db_upgrade_alone_leaves_the_store_empty(store, capsys):
    assert main(["db", "upgrade"]) == 0
    assert "database is up to date" in capsys.readouterr().out
    assert _article_count(store) == 0


def test_stdin_is_one_article(store, monkeypatch, capsys):
    text = SEEDS[0].read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["ingest", "-"]) == 0
    assert "1 new" in capsys.readouterr().out


def test_extract_json_prints_one_valid_object_per_article(capsys):
    assert main(["extract", "--json", *(str(p) for p in SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SEEDS)
    for line, path in zip(lines, SEEDS, strict=True):
        facts = json.loads(line)
        assert facts["path"] == str(path)
        assert set(facts) >= {"title", "published", "source", "places", "partnerships", "people"}
        assert facts["places"], path


def test_extract_reports_a_missing_file_and_fails(capsys):
    assert main(["extract", "no-such-article.txt"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_lookup_json_answers_the_contract_shape(store, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    assert main(["lookup", "--json", "Chungking"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["query"] == "Chungking"
    assert answer["place"]["name"] == "Chongqing" and answer["place"]["country"] == "CN"
    assert answer["candidates"][0] == answer["place"]
    visitors = {link["a"] for link in answer["partnerships"] if link["kind"] == "visit"}
    assert {"Antioch", "Saratoga"} <= visitors


def test_lookup_json_reads_one_query_per_stdin_line(store, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Dunedin, NZ\n\nXqzzyplok\n"))
    assert main(["lookup", "--json", "-"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["place"]["country"] == "NZ"
    assert second["place"] is None


def test_lookup_json_lists_every_partnership_each_time_it_is_asked(store, monkeypatch, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("Shanghai\nShanghai\n"))
    assert main(["lookup", "--json", "-"]) == 0
    first, again = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first == again
    assert len(first["partnerships"]) == _partnerships_of(store, first["place"]["geonameid"])
    assert len(first["partnerships"]) > LINKS_PER_PAGE  # more than a card's page


def _partnerships_of(url: str, geonameid: int) -> int:
    engine = make_engine(url)
    place, link = models.Place, models.Partnership
    either = or_(link.place_a_id == place.id, link.place_b_id == place.id)
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(link).join(place, either)
                                  .where(place.geonameid == geonameid))  # fmt: skip
    engine.dispose()
    return count


def test_unknown_place_gets_a_friendly_answer(store, capsys):
    assert main(["lookup", "Dunedn"]) == 0
    out = capsys.readouterr().out
    assert "Dunedin" in out
    assert "Traceback" not in out


def test_work_is_for_postgresql_and_says_so_on_sqlite(store, capsys):
    assert main(["work", "--until-empty"]) == 2
    assert "on SQLite the clock reads feed items itself" in capsys.readouterr().err


def test_ingest_fetches_urls_safely(store, monkeypatch, capsys):
    server = ArticleServer()
    try:
        url = server.add("/story", article_html(SEEDS[0].read_text(encoding="utf-8")))
        assert main(["ingest", url, "http://169.254.169.254/latest/meta-data/"]) == 1
        out, err = capsys.readouterr()
        assert "0 new, 0 already known, 2 failed" in out  # loopback and metadata both refused
        assert "cloud metadata address" in err and "loopback" in err
        monkeypatch.setenv("CITYLINK_FETCH_ALLOW_HOSTS", "127.0.0.1")
        assert main(["ingest", url]) == 0
        assert "1 new" in capsys.readouterr().out
    finally:
        server.stop()


def test_digest_posts_once_and_a_second_run_repeats_nothing(store, monkeypatch, capsys, tmp_path):
    standin = WebAPIStandIn().start()
    try:
        monkeypatch.setenv("SLACK_API_URL", standin.url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("CITYLINK_DIGEST_CHANNEL", "C42")  # subscribed by default
        assert main(["ingest", str(CORPUS)]) == 0  # news of 2023 and 2024: old news now
        assert main(["digest", "--channel", "C7"]) == 1
        assert "C7 has no digest subscription" in capsys.readouterr().err
        chart = tmp_path / "chart.png"
        assert main(["digest", "--channel", "C42", "--dry-run", "--chart", str(chart)]) == 0
        assert "no new links in the last twelve" in capsys.readouterr().err
        assert not chart.exists()
        fresh = tmp_path / "fresh.txt"
        fresh.write_text("Twinning news\n\nDunedin and Hamburg signed a memorandum of "
                         "understanding on port cooperation on Monday.\n")  # fmt: skip
        assert main(["ingest", str(fresh)]) == 0
        assert main(["digest", "--channel", "C42", "--dry-run", "--chart", str(chart)]) == 0
        assert "Partnership news" in capsys.readouterr().out
        assert chart.read_bytes().startswith(b"\x89PNG")
        assert not standin.calls_to("chat.postMessage")
        assert main(["digest", "--channel", "C42"]) == 0
        posted = standin.calls_to("chat.postMessage")  # a long digest comes in several parts
        assert posted and {p.params["channel"] for p in posted} == {"C42"}
        assert "Dunedin" in str([p.params["blocks"] for p in posted])
        (shared,) = standin.calls_to("files.completeUploadExternal")  # its chart, in its thread
        assert shared.params["channel_id"] == "C42" and shared.params["thread_ts"]
        assert main(["digest", "--channel", "C42"]) == 0
        assert "up to date" in capsys.readouterr().out.splitlines()[-1]
        assert len(standin.calls_to("chat.postMessage")) == len(posted)
    finally:
        standin.stop()


DEV = Path(__file__).resolve().parents[2] / "data" / "dev"


def test_eval_only_scores_the_chosen_articles(capsys):
    args = ["eval", "--gold", str(DEV / "gold.json"), "--articles", str(DEV / "articles")]
    assert main([*args, "--only", "dev_02_lublin_lutsk,dev_04_dunedin_stirling"]) == 0
    assert capsys.readouterr().out.startswith("2 articles")


def test_eval_only_refuses_an_id_the_gold_file_lacks(capsys):
    args = ["eval", "--gold", str(DEV / "gold.json"), "--articles", str(DEV / "articles")]
    assert main([*args, "--only", "dev_02_lublin_lutsk,dev_99"]) == 2
    assert "dev_99" in capsys.readouterr().err


def _correct(url: str, verb: str, link, after: dict | None = None) -> None:
    engine = make_engine(url)
    with make_sessions(engine).begin() as session:
        corrections.record(session, team="T1", user="U1", action=verb, fact=link.key, before={},
                           after=after or {}, note="", now=datetime.now(UTC))  # fmt: skip
    engine.dispose()


def _links(url: str):
    engine = make_engine(url)
    with make_sessions(engine).begin() as session:
        found = recent_partnerships(session, limit=None, team_id="T1")
    engine.dispose()
    return found


def test_corrections_export_writes_gold_that_eval_scores_the_extractor_against(
    store, tmp_path, capsys
):
    assert main(["ingest", str(CORPUS)]) == 0
    hidden, edited, confirmed, *_ = (x for x in _links(store) if x.kind != "visit")
    _correct(store, "hide", hidden)
    _correct(store, "edit", edited, {"status": "ended"})
    _correct(store, "confirm", confirmed)
    gold_file = tmp_path / "fixed.json"
    assert main(["corrections", "export", "--gold", str(gold_file)]) == 0
    assert "eval --gold" in capsys.readouterr().out

    gold = json.loads(gold_file.read_text())
    links = [link for article in gold for link in article["partnerships"]]
    checked = [(x["a"], x["b"], x["kind"], x["status"]) for x in links if not x.get("optional")]
    assert (edited.a.name, edited.b.name, edited.kind, "ended") in checked
    assert (confirmed.a.name, confirmed.b.name, confirmed.kind, confirmed.status) in checked
    assert (hidden.a.name, hidden.b.name, hidden.kind) not in {x[:3] for x in checked}

    folder = tmp_path / "fixed_articles"
    assert main(["eval", "--gold", str(gold_file), "--articles", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["links"]["fp"] >= 1  # the hidden link, extracted again, counts against it
    assert report["status"]["correct"] < report["status"]["total"]  # the status users fixed


def test_corrections_export_asks_which_team_when_none_or_several(store, tmp_path, capsys):
    assert main(["corrections", "export", "--gold", str(tmp_path / "g.json")]) == 2
    assert "--team" in capsys.readouterr().err


def test_reextract_rereads_every_article_and_refuses_a_bad_date(store, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    assert main(["reextract"]) == 0
    assert "re-read 5 articles" in capsys.readouterr().out
    assert main(["reextract", "--since", "last tuesday"]) == 2
    assert "2026-12-01" in capsys.readouterr().err


def test_lookup_json_answers_a_pair_with_twinnings_first(store, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    assert main(["lookup", "--json", "Dunedin & Shanghai"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["a"]["name"], found["b"]["name"]) == ("Dunedin", "Shanghai")
    kinds = [p["kind"] for p in found["partnerships"]]
    assert kinds[0] == "sister_city" and "visit" in kinds


def test_export_writes_the_answer_as_csv_json_or_graphml(store, capsys):
    assert main(["ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "json", "Dunedin", "kind:sister"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["place_a"], r["place_b"], r["kind"], r["year"]) for r in rows] == [
        ("Shanghai", "Dunedin", "sister_city", 1994)]  # fmt: skip
    assert main(["export", "--format", "graphml", "Dunedin"]) == 0
    graph = ElementTree.fromstring(capsys.readouterr().out.encode())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graph.findall(".//g:edge", ns)) == 3 and len(graph.findall(".//g:node", ns)) == 2
    assert main(["export", "Dunedin"]) == 0
    assert capsys.readouterr().out.startswith("place_a,country_a,geonameid_a,place_b")


# The shape the Wikidata Query Service exports for the README's query (our own rows).
TWINNINGS = """item,itemLabel,partner,partnerLabel,itemCountryCode,partnerCountryCode,start
http://www.wikidata.org/entity/Q100,Dunedin,http://www.wikidata.org/entity/Q101,Edinburgh,NZ,GB,1974-01-01T00:00:00Z
http://www.wikidata.org/entity/Q100,Dunedin,http://www.wikidata.org/entity/Q102,Shanghai,NZ,CN,1994-01-01T00:00:00Z
http://www.wikidata.org/entity/Q103,Kumamoto,http://www.wikidata.org/entity/Q104,Suwon,JP,KR,1994-01-01T00:00:00Z
http://www.wikidata.org/entity/Q105,Qwzxqy Vvvtt,http://www.wikidata.org/entity/Q102,Shanghai,XX,CN,
"""
SIGNED_NOW = (
    "Kumamoto and Suwon sign sister-city agreement\n\nKumamoto and Suwon signed a sister-city "
    "agreement on Tuesday, the mayors of the two cities said. The mayor of Kumamoto, visiting "
    "Suwon with a delegation of business leaders, said the cities would open a joint trade "
    "office next spring and expand student exchanges between their universities."
)


def test_import_twinnings_resolves_rows_reports_the_rest_and_merges_with_articles(
    store, tmp_path, capsys
):
    assert main(["ingest", str(CORPUS)]) == 0
    registry = tmp_path / "twinnings.csv"
    registry.write_text(TWINNINGS, encoding="utf-8")
    assert main(["import", "twinnings", str(registry)]) == 0
    said = capsys.readouterr()
    assert "imported 3 twinnings" in said.out
    assert "line 5: Qwzxqy Vvvtt (XX): no place matches" in said.err
    assert main(["import", "twinnings", str(registry)]) == 0
    assert "imported before" in capsys.readouterr().out

    assert main(["lookup", "--json", "Dunedin"]) == 0
    links = json.loads(capsys.readouterr().out)["partnerships"]
    twinned = {(x["a"], x["b"]): x for x in links if x["kind"] == "sister_city"}
    assert twinned[("Dunedin", "Edinburgh")]["status"] == "existing"
    assert twinned[("Dunedin", "Edinburgh")]["year"] == 1974
    assert twinned[("Shanghai", "Dunedin")]["articles"] == 2  # one link: article and registry


def test_news_calling_a_registry_twinning_new_is_flagged(store, tmp_path, capsys):
    registry = tmp_path / "twinnings.csv"
    registry.write_text(TWINNINGS, encoding="utf-8")
    assert main(["import", "twinnings", str(registry)]) == 0
    article = tmp_path / "signed.txt"
    article.write_text(SIGNED_NOW, encoding="utf-8")
    assert main(["ingest", str(article)]) == 0
    capsys.readouterr()
    assert main(["lookup", "Kumamoto & Suwon"]) == 0
    assert "twinned since 1994 (registry)" in capsys.readouterr().out
