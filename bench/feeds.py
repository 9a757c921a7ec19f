"""Feeds at scale: F feeds of I items each, polled once, then the backlog drained by N
`citylink work` processes (PostgreSQL only: on SQLite the poller reads its items itself).

A local HTTP server serves the feeds (RSS 2.0) and their articles (short synthetic partnership
news, each different, between real cities). For each worker count the store is emptied and
migrated, the feeds are added to one team, `citylink feeds poll` queues every item, and N
`citylink work --until-empty` processes read the queue. Reported per worker count: the poll's
seconds, items read per minute (wall clock from the workers' start to the last one's exit),
and the peak memory (RSS) of the poller and of each worker. The store's database is emptied:
it must be named citylink_bench_*.
Usage: python bench/feeds.py [--database-url URL] [--feeds F] [--items I] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.serving import ROOT, tree_memory_mb  # noqa: E402
from store import models  # noqa: E402
from store.db import make_engine, make_sessions  # noqa: E402
from store.feeds import add  # noqa: E402
from store.migrate import upgrade  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/citylink_bench_feeds"
CITIES = ("Chongqing", "Dunedin", "Shanghai", "Lyon", "Birmingham", "Turku", "Gothenburg",
          "Kumamoto", "Suwon", "Hamburg", "Osaka", "Chicago", "Milan", "Kraków", "Nuremberg",
          "Busan", "Seattle", "Kobe", "Marseille", "Genoa", "Mombasa", "Cape Town", "Lima",
          "Quito", "Perth", "Auckland", "Hanoi", "Manila", "Toronto", "Denver")  # fmt: skip
EVENTS = (
    "{a} and {b} signed a memorandum of understanding on {topic} on {day}, the city of {a} said.",
    "{a} and {b} became sister cities on {day} in a ceremony at the city hall of {b}.",
    "A delegation from {a} led by its mayor visited {b} on {day} to discuss {topic}.",
    "{a} and {b} marked {n} years as sister cities on {day} with a concert in {a}.",
)
TOPICS = ("port cooperation", "clean energy", "student exchanges", "tourism", "public health",
          "urban transport", "water management", "culture and sport")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MORE = ("Officials said the two cities would open a joint office next year.",
        "Business leaders from both cities attended the meeting.",
        "The agreement also covers exchanges between universities.",
        "The mayor said the partnership would bring investment and jobs.")  # fmt: skip


def article(feed: int, item: int) -> str:
    """Item `item` of feed `feed`: its own text, so no two are duplicates."""
    rng = random.Random(feed * 100_003 + item)
    a, b = rng.sample(CITIES, 2)
    event = rng.choice(EVENTS).format(a=a, b=b, topic=rng.choice(TOPICS),
                                      day=rng.choice(DAYS), n=rng.randrange(5, 50))  # fmt: skip
    body = " ".join([event, *rng.sample(MORE, 2), f"Report {feed}-{item}."])
    return f"<html><head><title>{a} and {b}</title></head><body><h1>{a} and {b}</h1>" \
           f"<p>{body}</p></body></html>"  # fmt: skip


def feed(base: str, number: int, items: int) -> str:
    links = [f"{base}/a/{number}/{j}" for j in range(items)]
    entries = "".join(f"<item><title>Story {j}</title><link>{link}</link><guid>{link}</guid>"
                      "</item>" for j, link in enumerate(links))  # fmt: skip
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {number}</title>' \
           f"<link>{base}/</link>{entries}</channel></rss>"  # fmt: skip


class Source(ThreadingHTTPServer):
    """/f/N: feed N; /a/N/J: its item J."""

    daemon_threads = True

    def __init__(self, items: int):
        self.items = items
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        parts = self.path.strip("/").split("/")
        if parts[0] == "f":
            body, kind = feed(self.server.base, int(parts[1]), self.server.items), "rss+xml"
        else:
            body, kind = article(int(parts[1]), int(parts[2])), "html"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", f"application/{kind}" if kind != "html" else "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def reset(url: str) -> None:
    if not (make_url(url).database or "").startswith("citylink_bench"):
        raise SystemExit("bench/feeds.py empties its store: name its database citylink_bench_*")
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        name = make_url(url).database
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    upgrade(url)


def watch(processes: list[subprocess.Popen]) -> list[float]:
    """Wait for the processes to exit; the peak RSS (MB) of each, sampled twice a second."""
    peaks = [0.0] * len(processes)
    while any(p.poll() is None for p in processes):
        for n, process in enumerate(processes):
            if process.poll() is None:
                peaks[n] = max(peaks[n], tree_memory_mb(process.pid)[0])
        time.sleep(0.5)
    for process in processes:
        if process.returncode != 0:
            raise SystemExit(f"a process failed: {process.stderr.read().decode()[-2000:]}")
    return peaks


def run(url: str, feeds: int, items: int, workers: int, source: Source) -> str:
    reset(url)
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as session:
        for number in range(feeds):
            add(session, "T0BENCH", f"{source.base}/f/{number}", user="U0BENCH",
                now=models.utcnow(), interval_minutes=60)  # fmt: skip
    env = {**os.environ, "DATABASE_URL": url, "CITYLINK_FETCH_ALLOW_HOSTS": "127.0.0.1"}
    citylink = str(ROOT / ".venv" / "bin" / "citylink")
    start = time.perf_counter()
    poller = subprocess.Popen([citylink, "feeds", "poll"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)  # fmt: skip
    (poller_mb,) = watch([poller])
    polled = time.perf_counter() - start
    start = time.perf_counter()
    readers = [subprocess.Popen([citylink, "work", "--until-empty"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for _ in range(workers)]  # fmt: skip
    worker_mb = watch(readers)
    drained = time.perf_counter() - start
    with sessions.begin() as session:
        read = session.scalar(select(func.count()).select_from(models.FeedItem)
                              .where(models.FeedItem.outcome == "new"))  # fmt: skip
        stored = session.scalar(select(func.count()).select_from(models.Article))
    sessions.kw["bind"].dispose()
    memory = ", ".join(f"{mb:.0f}" for mb in worker_mb)
    return (
        f"| {workers} | {feeds * items:,} | {read:,} new, {stored:,} stored | {polled:.0f} s "
        f"| {drained:.0f} s | {read / drained * 60:,.0f} | {poller_mb:.0f} MB | {memory} MB |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, in turn")
    args = parser.parse_args(argv)
    source = Source(args.items)
    threading.Thread(target=source.serve_forever, daemon=True).start()
    print("| workers | items | read | poll | drain | items/min | poller RSS | workers' RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for workers in (int(n) for n in args.workers.split(",")):
        print(run(args.database_url, args.feeds, args.items, workers, source), flush=True)
    source.shutdown()


if __name__ == "__main__":
    main()
