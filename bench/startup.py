"""Cold start of `citylink extract` on one article, and the gazetteer build with and without cache.

Each figure is the median of several runs in fresh processes (the machine is shared and noisy),
printed as a Markdown table for docs/benchmarks.md. Usage: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "data" / "articles" / "004_0951e30b849bc137.txt"
LOAD_GAZETTEER = (
    "import sys, time; from pathlib import Path; t = time.perf_counter();"
    "from places.gazetteer import load_gazetteer; load_gazetteer(Path(sys.argv[1]));"
    "print(time.perf_counter() - t)"
)


def _seconds(command: list[str], env_home: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={"HOME": env_home, "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - start


def _inner_seconds(cache_dir: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", LOAD_GAZETTEER, cache_dir],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip())


def main(runs: int = 5) -> None:
    cold, built, cached = [], [], []
    with tempfile.TemporaryDirectory() as home:
        extract = [sys.executable, "-m", "bot", "extract", str(ARTICLE), "--json"]
        _seconds(extract, home)  # fills the gazetteer cache under this HOME
        for _ in range(runs):
            cold.append(_seconds(extract, home))
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as empty:
                built.append(_inner_seconds(empty))
            cached.append(_inner_seconds(str(Path(home) / ".cache" / "citylink")))
    rows = [
        ("`citylink extract` one article, new process (gazetteer cached)", cold),
        ("gazetteer build, no cache", built),
        ("gazetteer load from cache", cached),
    ]
    print(f"| measure ({runs} runs) | median s | min s | max s |\n|---|---|---|---|")
    for name, values in rows:
        print(
            f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |"
        )
    print(
        f"\nbuild / cached load ratio: {statistics.median(built) / statistics.median(cached):.1f}x"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
