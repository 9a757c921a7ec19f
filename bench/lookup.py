"""Lookup costs: `/citylink` through the real Bolt app, fuzzy matching, and `citylink serve`.

(a) Server-side cost of `/citylink <place>` against a no-op `/noop` command on the same app
    instance (signed requests dispatched in-process), as a ratio of medians: each quality query
    asked once, then again (every lookup reads the store and renders its card: nothing is kept).
    Goal <= 3x.
(b) Fuzzy match latency over the quality list plus random typos of gazetteer names.
    Goal: p95 <= 5 ms.
(c) `citylink serve` as a subprocess: time to ready (GET /healthz) and the memory of its
    process tree (PSS: pages the master and its worker share are split between them, not
    counted once per process as RSS does) after ~20 signed lookups over HTTP. Goals: ready <= 5 s,
    memory <= 450 MB.
The store is the synthetic one of bench/make_store.py (built and cached in /tmp when missing).
Usage: python bench/lookup.py [--database-url URL] [--articles N] [--rounds R]
       python bench/lookup.py --fuzzy    (b) only: no store, no server
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from slack_bolt import BoltRequest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import typo  # noqa: E402
from bench.serving import start_server, stop_server, tree_memory_mb  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.simulate import FORM, signed_headers, slash_command  # noqa: E402
from bot.standin import WebAPIStandIn  # noqa: E402
from bot.wiring import make_services, place_index  # noqa: E402
from store import models  # noqa: E402
from store.db import make_engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "data" / "lookup" / "queries.json"
DEFAULT_URL = "sqlite:////tmp/citylink-bench-100k.db"
SECRET = "bench-signing-secret"
TYPOS = 300
SERVE_REQUESTS = 20
SETTLE_SECONDS = 60.0
IDS = {"team": "T0BENCH", "user": "U0BENCH", "channel": "C0BENCH"}
WARM_UP = ("Ibadan", "Arequipa", "Perth & Kobe", "latest")  # not among the quality queries


def quality_queries() -> list[str]:
    """The queries of data/lookup/queries.json."""
    return [i["query"] for i in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]]


def ensure_store(url: str, articles: int) -> None:
    """Build the synthetic store unless it already holds articles."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            count = connection.scalar(select(func.count()).select_from(models.Article.__table__))
    except Exception:  # noqa: BLE001 - no tables yet
        count = 0
    finally:
        engine.dispose()
    if not count:
        script = ROOT / "bench" / "make_store.py"
        subprocess.run([sys.executable, str(script), url, "--articles", str(articles)], check=True)


def command_body(text: str, command: str, response_url: str) -> str:
    """A signed-request body for `command` (the form Slack posts for a slash command)."""
    body = slash_command(text, response_url=response_url, **IDS)
    return body.replace("command=%2Fcitylink", "command=" + command.replace("/", "%2F"))


def _ms(seconds: list[float]) -> tuple[float, float]:
    """Median and p95 in milliseconds."""
    values = sorted(s * 1000 for s in seconds)
    return statistics.median(values), statistics.quantiles(values, n=20)[18]


def app_cost(url: str, rounds: int) -> dict[str, float]:
    """Median server-side times of `/citylink <q>` and of `/noop`: each query first asked by a
    fresh app instance, then asked again `rounds` times."""
    standin = WebAPIStandIn().start()
    try:
        settings = load_settings(
            database_url=url,
            slack_api_url=standin.url,
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
        )
        first, again = _asked(_bench_app(settings, standin), standin, rounds)
    finally:
        standin.stop()
    figures: dict[str, float] = {"requests": len(first["lookup"])}
    for name, times in (("first", first), ("again", again)):
        figures[f"{name}_p50"], figures[f"{name}_p95"] = _ms(times["lookup"])
        figures[f"{name}_noop"] = _ms(times["noop"])[0]  # the no-ops sent between those lookups
        figures[f"{name}_ratio"] = figures[f"{name}_p50"] / figures[f"{name}_noop"]
    return figures


def _bench_app(settings, standin: WebAPIStandIn):
    """An app instance with a `/noop` command, past its own first-use costs."""
    app = build_app(settings, make_services(settings))
    app.command("/noop")(lambda ack: ack())
    for text in WARM_UP:  # not among the quality queries
        _dispatch_time(app, text, "/citylink", standin.origin)
    return app


def _asked(app, standin: WebAPIStandIn, again: int) -> tuple[dict, dict]:
    """Times of each quality query asked once, then `again` more times, each beside a `/noop`."""
    first, repeated = {"lookup": [], "noop": []}, {"lookup": [], "noop": []}
    for round_ in range(again + 1):
        times = repeated if round_ else first
        for text in quality_queries():
            times["lookup"].append(_dispatch_time(app, text, "/citylink", standin.origin))
            times["noop"].append(_dispatch_time(app, text, "/noop", standin.origin))
    return first, repeated


def _dispatch_time(app, text: str, command: str, origin: str) -> float:
    """How long the app takes over a signed request (signing it is the client's work)."""
    body = command_body(text, command, f"{origin}response/bench")
    headers = signed_headers(SECRET, body, FORM)
    start = time.perf_counter()
    response = app.dispatch(BoltRequest(body=body, headers=headers))
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{command} {text!r}: HTTP {response.status} {response.body}")
    return elapsed


def fuzzy_latency(seed: int = 7) -> dict[str, float]:
    """p50/p95 of `PlaceIndex.search` over the quality list plus random typos of city names."""
    index = place_index(str(load_settings().citylink_cache_dir))  # the one `serve` uses
    rng = random.Random(seed)
    cities = [p for p in index.gaz.places if p.kind == "city" and len(p.name) > 3]
    sources = rng.sample(cities, TYPOS)
    typos = [typo(p.name, rng) for p in sources]
    times, found = [], 0
    for text in quality_queries() + typos:
        start = time.perf_counter()
        best = index.search(text)
        times.append(time.perf_counter() - start)
        found += text in typos and any(c.place == sources[typos.index(text)] for c in best)
    p50, p95 = _ms(times)
    return {"p50": p50, "p95": p95, "queries": len(times), "typo_top5": found / TYPOS}


def _post_lookup(base: str, text: str, origin: str) -> float:
    body = command_body(text, "/citylink", f"{origin}response/bench")
    headers = {k: v[0] for k, v in signed_headers(SECRET, body, FORM).items()}
    request = urllib.request.Request(f"{base}/slack/events", body.encode(), headers, method="POST")
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"/citylink {text!r} over HTTP: {response.status}")
    return time.perf_counter() - start


def serve_figures(url: str) -> dict[str, float]:
    """Start `citylink serve`, time it to ready, send lookups, read the tree's memory."""
    standin = WebAPIStandIn().start()
    try:
        process, base, ready = start_server(url, standin.url, SECRET)
        try:
            queries = quality_queries()[:SERVE_REQUESTS]
            http = [_post_lookup(base, text, standin.origin) for text in queries]
            after_requests = tree_memory_mb(process.pid)
            settled = _settled_memory(process.pid)
        finally:
            stop_server(process)
    finally:
        standin.stop()
    return {
        "ready_s": ready,
        "rss_after_requests": after_requests[0],
        "pss_after_requests": after_requests[1],
        "rss_settled": settled[0],
        "pss_settled": settled[1],
        "http_p50": _ms(http)[0],
    }


def _settled_memory(pid: int) -> tuple[float, float]:
    """The tree's RSS and PSS once its PSS stops growing."""
    deadline, last = time.perf_counter() + SETTLE_SECONDS, tree_memory_mb(pid)
    while time.perf_counter() < deadline:
        time.sleep(2.0)
        now = tree_memory_mb(pid)
        if abs(now[1] - last[1]) < 2.0:
            return now
        last = now
    return last


def table(app: dict, fuzzy: dict, serve: dict, url: str) -> str:
    """The Markdown table of every figure, with its goal."""
    rows = [
        ("`/citylink` first asked: median (in-process Bolt)", f"{app['first_p50']:.2f} ms", ""),
        ("`/citylink` first asked: p95", f"{app['first_p95']:.2f} ms", ""),
        ("`/citylink` asked again: median", f"{app['again_p50']:.2f} ms", ""),
        ("`/citylink` asked again: p95", f"{app['again_p95']:.2f} ms", ""),
        (
            "`/noop` median beside them (same app): first, again",
            " / ".join(f"{app[f'{n}_noop']:.2f}" for n in ("first", "again")) + " ms",
            "",
        ),
        ("ratio first asked / `/noop`", f"{app['first_ratio']:.1f}x", "<= 3x"),
        ("ratio asked again / `/noop`", f"{app['again_ratio']:.1f}x", "<= 3x"),
        (f"fuzzy match p50 ({fuzzy['queries']} queries)", f"{fuzzy['p50']:.2f} ms", ""),
        ("fuzzy match p95", f"{fuzzy['p95']:.2f} ms", "<= 5 ms"),
        ("random typos: source place in top 5", f"{fuzzy['typo_top5']:.0%}", ""),
        ("`citylink serve` time to ready (/healthz 200)", f"{serve['ready_s']:.2f} s", "<= 5 s"),
        ("`/citylink` over HTTP median (20 requests)", f"{serve['http_p50']:.1f} ms", ""),
        (
            "serve memory after 20 lookups: PSS (process tree)",
            f"{serve['pss_after_requests']:.0f} MB",
            "<= 450 MB",
        ),
        ("serve memory settled: PSS", f"{serve['pss_settled']:.0f} MB", "<= 450 MB"),
        (
            "serve RSS after 20 lookups, settled (shared pages counted per process)",
            f"{serve['rss_after_requests']:.0f} MB, {serve['rss_settled']:.0f} MB",
            "",
        ),
    ]
    lines = [
        f"Store: `{url}`; {app['requests']} distinct queries, each asked first and again.",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
    ]
    return "\n".join(lines + [f"| {m} | {v} | {g} |" for m, v, g in rows])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--fuzzy", action="store_true", help="fuzzy matching figures only")
    args = parser.parse_args(argv)
    if args.fuzzy:
        fuzzy = fuzzy_latency()
        print(f"fuzzy match over every name and alias, {fuzzy['queries']} queries: "
              f"p50 {fuzzy['p50']:.2f} ms, p95 {fuzzy['p95']:.2f} ms (goal <= 5 ms); "
              f"random typos with their place in the top 5: {fuzzy['typo_top5']:.0%}")  # fmt: skip
        return
    ensure_store(args.database_url, args.articles)
    app = app_cost(args.database_url, args.rounds)
    fuzzy = fuzzy_latency()
    serve = serve_figures(args.database_url)
    print(table(app, fuzzy, serve, args.database_url))


if __name__ == "__main__":
    main()
