"""Throughput of full ingestion (extraction and store writes) against bare `nlp.pipe`.

Both run in this one process on the same texts (the bundled corpus and the development set,
repeated), so the ratio is fair on a noisy shared machine. Goal: ratio >= 0.8.
Usage: python -m bench.ingest [REPEATS]  (as a module: a script here would shadow `ingest`)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from handlers.ingesting import Forward, IngestService
from ingest.extract import Extractor
from ingest.pipeline import build_nlp
from ingest.reader import iter_paths, read_path
from store.db import make_engine, make_sessions
from store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "data" / "articles", ROOT / "data" / "dev" / "articles"]


def _articles(repeats: int):
    base = [read_path(Path(p)) for c in CORPORA if c.exists() for p in iter_paths([str(c)])]
    # Distinct texts each round, so deduplication never short-circuits the work.
    return [
        replace(a, text=f"{a.text}\n\n(round {r})", path=None, url=None)
        for r in range(repeats)
        for a in base
    ]


def _bare(nlp, articles) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=8):
        pass
    return time.perf_counter() - start


def _full(nlp, articles, url: str) -> float:
    upgrade(url)
    service = IngestService(make_sessions(make_engine(url)), Extractor(nlp))
    start = time.perf_counter()
    for _ in service.ingest_many(articles, Forward(via="bench")):
        pass
    return time.perf_counter() - start


def main(repeats: int = 3, rounds: int = 3) -> None:
    nlp = build_nlp()
    articles = _articles(repeats)
    nlp("warm up the pipeline")
    bare, full = [], []
    for i in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            bare.append(_bare(nlp, articles))
            full.append(_full(nlp, articles, f"sqlite:///{tmp}/bench-{i}.db"))
    n = len(articles)
    print(f"articles per round: {n}; rounds: {rounds}")
    bare_s, full_s = statistics.median(bare), statistics.median(full)
    print(f"bare nlp.pipe: median {bare_s:.2f} s ({n / bare_s:.1f}/s)")
    print(f"full ingestion: median {full_s:.2f} s ({n / full_s:.1f}/s)")
    print(f"throughput ratio full/bare: {bare_s / full_s:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
