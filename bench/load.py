"""Load on `citylink serve`: N concurrent clients sending signed `/citylink` commands over HTTP.

Starts `citylink serve` (gunicorn, gthread) on a free port of 127.0.0.1 against the store at
`--database-url`, with a local Web API stand-in, waits for GET /healthz (the ready time), then
runs N client threads, each on a kept-alive connection, posting signed slash commands to POST
/slack/events for a fixed duration or request count: back to back (a closed loop), or paced
like people (`--rate R`: R requests a second in all, each client sending at its own steady
moments; a request's latency counts from when it was due, so a slow server cannot slow the
clients down and hide its queue). Requests sent in the first `--warmup` seconds (a cold
worker's first pages) are not counted. The mix: real place names from the store, one-letter
typos of them, pairs "A & B" of stored partnerships, `latest` and `stats` (`--kinds place`:
place names only; `--kinds country,filtered`: countries' cards and filtered place cards).
Latency is client-side: the ack, which carries the answer. An error is a
non-200, a timeout, or an apology in the answer. It also reports the CPU each request cost the
server and the clients (on a 2-core machine they share the cores) and the memory (PSS) of the
server's process tree after the run. Every run is bounded: at most MAX_SECONDS and
MAX_REQUESTS.
Usage: python bench/load.py [--database-url URL] [--clients N] [--duration S | --requests R]
                            [--rate R] [--kinds KIND,...] [--warmup S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from http.client import HTTPConnection, HTTPException
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import aliased

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.serving import cpu_seconds, start_server, stop_server, tree, tree_memory_mb  # noqa: E402
from bot.simulate import FORM, signed_headers, slash_command  # noqa: E402
from bot.standin import WebAPIStandIn  # noqa: E402
from places.regions import country_name  # noqa: E402
from store import models  # noqa: E402
from store.db import make_engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/citylink_bench_100k"
SECRET = "bench-load-signing-secret"
IDS = {"team": "T0BENCH", "user": "U0BENCH", "channel": "C0BENCH"}
MIX = {"place": 55, "typo": 15, "pair": 15, "latest": 10, "stats": 5}  # percent of requests
# Asked for by name only (`--kinds country,filtered`): a country's card, a filtered place card.
MORE = {"country": 50, "filtered": 50}
FILTERS = ("sister cities of {}", "{} kind:mou since:2015", "proposed {}", "{} visits 2020")
MAX_SECONDS, MAX_REQUESTS = 600.0, 200_000  # a run stops at whichever comes first
SAMPLE = 2_000  # names and pairs drawn from the store
APOLOGIES = ("something went wrong", "can't reach my knowledge store")


@dataclass
class Result:
    kind: str
    started: float  # time.monotonic() when the request went out
    seconds: float
    ok: bool


@dataclass
class Workload:
    """What the clients ask, drawn once from the store, seeded."""

    names: list[str]
    pairs: list[tuple[str, str]]
    mix: dict[str, int]
    countries: list[str]

    def next(self, rng: random.Random) -> tuple[str, str]:
        """One (kind, text) of the mix."""
        kind = rng.choices(list(self.mix), weights=list(self.mix.values()))[0]
        if kind == "place":
            return kind, rng.choice(self.names)
        if kind == "typo":
            return kind, typo(rng.choice(self.names), rng)
        if kind == "pair":
            return kind, " & ".join(rng.choice(self.pairs))
        if kind == "country":
            return kind, rng.choice(self.countries)
        if kind == "filtered":
            return kind, rng.choice(FILTERS).format(rng.choice(self.names))
        return kind, kind


def typo(name: str, rng: random.Random) -> str:
    """One edit (delete, substitute, insert or swap) past the first letter."""
    if len(name) < 4:
        return name + rng.choice("abcdefghijklmnopqrstuvwxyz")
    i, letter = rng.randrange(1, len(name)), rng.choice("abcdefghijklmnopqrstuvwxyz")
    swapped = name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]
    edits = [name[:i] + name[i + 1 :], name[:i] + letter + name[i + 1 :],
             name[:i] + letter + name[i:], swapped]  # fmt: skip
    return rng.choice(edits)


def load_workload(url: str, seed: int, mix: dict[str, int]) -> Workload:
    """Names of places the store holds partnerships of, and stored partnership pairs."""
    engine = make_engine(url)
    place, a, b, link = (
        models.Place,
        aliased(models.Place),
        aliased(models.Place),
        models.Partnership,
    )
    with engine.connect() as connection:
        linked = select(link.place_a_id).union(select(link.place_b_id)).subquery()
        names = connection.scalars(
            select(place.name).join(linked, linked.c.place_a_id == place.id).order_by(place.id)
        ).all()
        codes = connection.scalars(
            select(place.country).join(linked, linked.c.place_a_id == place.id).distinct()
            .order_by(place.country)
        ).all()  # fmt: skip
        pairs = connection.execute(
            select(a.name, b.name).select_from(link).join(a, a.id == link.place_a_id)
            .join(b, b.id == link.place_b_id).order_by(link.id)
        ).all()  # fmt: skip
    engine.dispose()
    if not names:
        raise SystemExit(f"{url} holds no partnerships; build it with bench/make_store.py")
    rng = random.Random(seed)
    names, pairs = (
        rng.sample(names, min(SAMPLE, len(names))),
        rng.sample(pairs, min(SAMPLE, len(pairs))),
    )
    countries = [country_name(code) for code in codes]
    return Workload(list(names), [tuple(p) for p in pairs], mix, countries)


class Clients:
    """N threads, each with its own connection, until the deadline or the request budget."""

    def __init__(self, base: str, response_url: str, workload: Workload, timeout: float,
                 rate: float = 0.0):  # fmt: skip
        self.base, self.response_url, self.workload = base, response_url, workload
        self.timeout, self.rate = timeout, rate
        self.results: list[Result] = []
        self.lock = threading.Lock()

    def run(self, clients: int, duration: float, requests: int, seed: int) -> float:
        """Run the clients; the wall-clock seconds they took."""
        self.deadline, self.budget = time.monotonic() + duration, requests
        self.period = clients / self.rate if self.rate else 0.0  # each client's pace
        threads = [threading.Thread(target=self._client, args=(random.Random(seed + i),))
                   for i in range(clients)]  # fmt: skip
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start

    def _take(self) -> bool:
        """Whether another request may go out."""
        if time.monotonic() >= self.deadline:
            return False
        with self.lock:
            self.budget -= 1
            return self.budget >= 0

    def _client(self, rng: random.Random) -> None:
        server = urlsplit(self.base)
        http = HTTPConnection(server.hostname, server.port, timeout=self.timeout)
        due = time.monotonic() + rng.uniform(0, self.period)  # clients start out of step
        try:
            while self._take():
                kind, text = self.workload.next(rng)
                if self.period:
                    time.sleep(max(0.0, due - time.monotonic()))
                result = self._send(http, kind, text, due if self.period else None)
                due += self.period
                with self.lock:
                    self.results.append(result)
        finally:
            http.close()

    def _send(self, http: HTTPConnection, kind: str, text: str, due: float | None) -> Result:
        """One signed command on the client's kept-alive connection (reopened after an error);
        timed from `due` when paced (a late start is the server's delay too).

        The standard library's client, not httpx: on a 2-core machine the load generator's own
        CPU time comes out of the server's, and httpx cost about 1.5 ms per request.
        """
        body = slash_command(text, response_url=self.response_url, **IDS)
        headers = {k: v[0] for k, v in signed_headers(SECRET, body, FORM).items()}
        started = time.monotonic() if due is None else due
        start = time.perf_counter() - (time.monotonic() - started)
        try:
            http.request("POST", "/slack/events", body=body.encode(), headers=headers)
            response = http.getresponse()
            answer = response.read().decode(errors="replace").lower()
            ok = response.status == 200 and not any(a in answer for a in APOLOGIES)
        except (OSError, HTTPException):
            http.close()  # the next request reconnects
            ok = False
        return Result(kind, started, time.perf_counter() - start, ok)


@dataclass
class Cost:
    """What the whole run cost: CPU of the server's processes and of the clients, and memory."""

    server_cpu: float
    client_cpu: float
    requests: int
    memory: tuple[float, float]  # RSS and PSS of the server's process tree after the run, MB
    ready: float  # seconds from starting `citylink serve` to GET /healthz 200

    def line(self) -> str:
        per = 1000 / max(self.requests, 1)
        return (f"\n`citylink serve` ready in {self.ready:.2f} s. CPU per request (warm-up "
                f"included): server {self.server_cpu * per:.2f} ms, clients "
                f"{self.client_cpu * per:.2f} ms. Memory after the run: PSS "
                f"{self.memory[1]:.0f} MB (RSS summed {self.memory[0]:.0f} MB).")  # fmt: skip


def _row(label: str, results: list[Result], seconds: float) -> str:
    ms = sorted(r.seconds * 1000 for r in results)
    p99 = statistics.quantiles(ms, n=100, method="inclusive")[98] if len(ms) > 1 else ms[0]
    errors = sum(not r.ok for r in results)
    return (f"| {label} | {len(ms):,} | {len(ms) / seconds:.1f} | {statistics.median(ms):.1f} "
            f"| {p99:.1f} | {ms[-1]:.1f} | {errors} |")  # fmt: skip


def table(
    results: list[Result], seconds: float, clients: int, url: str, rate: float, warmup: float
) -> str:
    """The Markdown table: everything, then each kind of request."""
    think = f", paced at {rate:g} requests a second" if rate else ", closed loop"
    lines = [
        f"Store: `{url}`; {clients} concurrent clients, {seconds:.1f} s measured after "
        f"{warmup:g} s of warm-up{think}.",
        "",
        "| requests | count | req/s | p50 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|---|",
        _row("**all**", results, seconds),
    ]
    for kind in MIX:
        subset = [r for r in results if r.kind == kind]
        if subset:
            lines.append(_row(f"`{kind}`", subset, seconds))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds")
    parser.add_argument("--requests", type=int, help="stop after this many requests instead")
    parser.add_argument("--timeout", type=float, default=10.0, help="per request, seconds")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds not counted at first")
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="requests a second from all clients together (0: closed loop)",
    )
    parser.add_argument(
        "--kinds",
        default=",".join(MIX),
        help=f"comma-separated kinds of request to send, of {', '.join([*MIX, *MORE])}",
    )
    args = parser.parse_args(argv)
    kinds = {**MIX, **MORE}
    mix = {kind: kinds[kind] for kind in args.kinds.split(",") if kind in kinds}
    if not mix:
        parser.error(f"--kinds: none of {', '.join(kinds)}")
    duration = MAX_SECONDS if args.requests else min(args.duration, MAX_SECONDS)
    workload = load_workload(args.database_url, args.seed, mix)
    standin = WebAPIStandIn().start()
    server, base, ready = start_server(args.database_url, standin.url, SECRET)
    try:
        clients = Clients(base, f"{standin.origin}response/bench", workload, args.timeout,
                          args.rate)  # fmt: skip
        began, client_cpu = time.monotonic(), time.process_time()
        server_cpu = cpu_seconds(tree(server.pid))
        budget = min(args.requests or MAX_REQUESTS, MAX_REQUESTS)
        seconds = clients.run(args.clients, args.warmup + duration, budget, args.seed)
        cost = Cost(
            server_cpu=cpu_seconds(tree(server.pid)) - server_cpu,
            client_cpu=time.process_time() - client_cpu,
            requests=len(clients.results),
            memory=tree_memory_mb(server.pid),
            ready=ready,
        )
    finally:
        stop_server(server)
        standin.stop()
    measured = [r for r in clients.results if r.started >= began + args.warmup]
    if not measured:
        raise SystemExit("no request went out after the warm-up; run longer")
    print(table(measured, seconds - args.warmup, args.clients, args.database_url, args.rate,
                args.warmup))  # fmt: skip
    print(cost.line())


if __name__ == "__main__":
    main()
