"""Throughput of full ingestion (extraction and store writes) against bare `nlp.pipe`.

Both run in this one process on the same texts (the bundled corpus and the development set,
repeated), interleaved a batch of 8 at a time (one store per round). Each is timed twice: by
the process's CPU time, the headline (the work is single-threaded and CPU-bound, and CPU time
leaves out what a shared machine gives its other tenants), and by the wall clock. The figure is
the median of the rounds' ratios. Goal: ratio >= 0.8.
Usage: python -m bench.ingest [REPEATS]  (as a module: a script here would shadow `ingest`)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.extract import Extractor
from ingest.pipeline import build_nlp
from ingest.reader import iter_paths, read_path
from services.ingesting import BATCH, Forward, IngestService
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


@dataclass
class Clocks:
    """Seconds of CPU time and of wall-clock time, added up over timed stretches."""

    cpu: float = 0.0
    wall: float = 0.0

    def time(self, work: Iterator) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in work:
            pass
        self.cpu += time.process_time() - cpu
        self.wall += time.perf_counter() - wall


def _round(nlp, articles, url: str) -> tuple[Clocks, Clocks]:
    """Bare and full work over `articles`, interleaved a batch at a time."""
    upgrade(url)
    service = IngestService(make_sessions(make_engine(url)), Extractor(nlp))
    bare, full = Clocks(), Clocks()
    for i in range(0, len(articles), BATCH):
        batch = articles[i : i + BATCH]
        bare.time(nlp.pipe((a.text for a in batch), batch_size=BATCH))
        full.time(service.ingest_many(batch, Forward(via="bench")))
    return bare, full


def _report(name: str, bare: list[float], full: list[float], n: int) -> None:
    ratios = [b / f for b, f in zip(bare, full, strict=True)]
    bare_s, full_s = statistics.median(bare), statistics.median(full)
    print(f"{name}: bare nlp.pipe median {bare_s:.2f} s ({n / bare_s:.1f}/s), "
          f"full ingestion median {full_s:.2f} s ({n / full_s:.1f}/s)")  # fmt: skip
    print(f"  ratio full/bare per round: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"  ratio full/bare: median {statistics.median(ratios):.2f}")


def main(repeats: int = 3, rounds: int = 5) -> None:
    nlp = build_nlp()
    articles = _articles(repeats)
    nlp("warm up the pipeline")
    measured = []
    for i in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            measured.append(_round(nlp, articles, f"sqlite:///{tmp}/bench-{i}.db"))
    print(f"articles per round: {len(articles)}; rounds: {rounds}")
    for name, clock in (("CPU time", "cpu"), ("wall clock", "wall")):
        bare = [getattr(b, clock) for b, _ in measured]
        full = [getattr(f, clock) for _, f in measured]
        _report(name, bare, full, len(articles))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
