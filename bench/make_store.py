"""Fill a store with N synthetic articles' worth of facts about real gazetteer places, fast.

Rows go in with SQLAlchemy Core bulk inserts after `store.migrate.upgrade(url)`, into the same
tables and columns `store/repository.py` writes, all in the shared corpus (scope ''). Seeded, so
the same arguments give the same store. Places are picked Zipf-like by population rank, so big
cities carry many partnerships, as in real news.
Usage: python bench/make_store.py [DATABASE_URL] [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facts.identity import canonical_url, content_hash, folded_name  # noqa: E402
from facts.shapes import PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, Money  # noqa: E402
from facts.shapes import Place as PlaceFact  # noqa: E402
from places.gazetteer import load_gazetteer  # noqa: E402
from store import models  # noqa: E402
from store.db import make_engine  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.results import PartnershipState  # noqa: E402

DEFAULT_URL = "sqlite:////tmp/citylink-bench-100k.db"
PLACES = 20_000
ZIPF = 0.7
CHUNK = 5_000
FIRST = ["Ana", "Li", "Jules", "Maria", "Kenji", "Amara", "Olga", "Raj", "Chen", "Sofia", "Tom"]
LAST = ["Radich", "Wang", "Silva", "Okafor", "Tanaka", "Novak", "Patel", "Smith", "Haddad"]
ROLES = ["mayor", "governor", "party secretary", "ambassador", "consul general", "chairman"]
SOURCES = ["Xinhua", "Reuters", "Local Herald", "City Gazette", "Daily News"]
SERIAL_TABLES = (
    "places",
    "articles",
    "forwards",
    "people",
    "organizations",
    "partnerships",
    "evidence",
)


@dataclass(frozen=True)
class Stated:
    """One evidence row's statement, for `PartnershipState.from_evidence`."""

    status: str
    year: int | None
    amount: Money | None
    newest: tuple  # sort key: newest first when sorted descending


class Builder:
    """Accumulates rows in memory, then writes them table by table in chunks."""

    def __init__(self, places: list[PlaceFact], seed: int):
        self.rng = random.Random(seed)
        self.places = places
        self.cum_weights = list(accumulate(1 / (rank + 1) ** ZIPF for rank in range(len(places))))
        self.ids = range(1, len(places) + 1)
        self.rows: dict[str, list[dict]] = {t: [] for t in models.Base.metadata.tables}
        self.links: dict[tuple[int, int, str], int] = {}
        self.stated: dict[int, list[Stated]] = {}
        self.evidenced: set[tuple[int, int]] = set()
        self.people: list[int] = []
        self.organizations: list[int] = []
        self.now = datetime(2025, 1, 1, tzinfo=UTC)

    def place_rows(self) -> None:
        for i, place in enumerate(self.places, start=1):
            self.rows["places"].append(
                {
                    "id": i,
                    "key": place.key,
                    "geonameid": place.geonameid,
                    "name": place.name,
                    "folded_name": folded_name(place.name),
                    "country": place.country,
                    "admin1": place.admin1,
                    "kind": place.kind,
                    "code": place.code,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "population": place.population,
                }
            )

    def actor_rows(self, articles: int) -> None:
        """People and organizations, each tied to a place."""
        for i in range(1, articles // 5 + 1):
            name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {i}"
            self.rows["people"].append(
                {
                    "id": i,
                    "name": name,
                    "role": self.rng.choice(ROLES),
                    "place_id": self._place_id(),
                }
            )
            self.people.append(i)
        for i in range(1, articles // 10 + 1):
            name = f"Chamber of Commerce {i}"
            self.rows["organizations"].append({"id": i, "name": name, "place_id": self._place_id()})
            self.organizations.append(i)

    def article_rows(self, n: int) -> None:
        for article_id in range(1, n + 1):
            self._article(article_id)
        for pid, stated in self.stated.items():
            self._settle(pid, stated)

    def _place_id(self) -> int:
        return self.rng.choices(self.ids, cum_weights=self.cum_weights)[0]

    def _article(self, article_id: int) -> None:
        rng = self.rng
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        at = self.now + timedelta(seconds=article_id)
        ids = sorted({self._place_id() for _ in range(rng.randint(2, 6))})
        names = [self.places[i - 1].name for i in ids]
        body = f"Article {article_id}: officials of {', '.join(names)} met on {day}. " * 3
        url = f"https://news.example.org/{day:%Y/%m}/{article_id}?utm_source=bench"
        self.rows["articles"].append(
            {
                "id": article_id,
                "scope": "",
                "team_id": None,
                "url": url,
                "canonical_url": canonical_url(url),
                "title": f"{names[0]} and partners, {day}",
                "source": rng.choice(SOURCES),
                "published": day.isoformat(),
                "published_on": day,
                "text": body,
                "content_hash": content_hash(body),
                "ingested_at": at,
                "ingested_by": "bench",
                "ingested_via": "cli",
            }
        )
        self.rows["forwards"].append(
            {
                "id": article_id,
                "article_id": article_id,
                "team_id": None,
                "user_id": "bench",
                "channel_id": None,
                "via": "cli",
                "at": at,
            }
        )
        for place_id in ids:
            self.rows["place_mentions"].append(
                {"article_id": article_id, "place_id": place_id, "count": rng.randint(1, 5)}
            )
        for person in set(rng.sample(self.people, rng.randint(0, 3))):
            self.rows["article_people"].append({"article_id": article_id, "person_id": person})
        for org in set(rng.sample(self.organizations, rng.randint(0, 2))):
            self.rows["article_organizations"].append(
                {"article_id": article_id, "organization_id": org}
            )
        if len(ids) > 1:
            for _ in range(rng.randint(0, 2)):
                self._link(article_id, rng.sample(ids, 2), (day, at, article_id), at)

    def _link(self, article_id: int, pair: list[int], newest: tuple, at: datetime) -> None:
        rng = self.rng
        kind = rng.choice(PARTNERSHIP_KINDS)
        a, b = pair
        if kind != "visit" and self.places[b - 1].key < self.places[a - 1].key:
            a, b = b, a  # unordered kinds: the smaller place key is `a`, as the repository does
        pid = self.links.get((a, b, kind))
        if pid is None:
            pid = self.links[(a, b, kind)] = len(self.links) + 1
            self.rows["partnerships"].append(
                {
                    "id": pid,
                    "place_a_id": a,
                    "place_b_id": b,
                    "kind": kind,
                    "status": "new",
                    "year": None,
                    "amount_value": None,
                    "amount_currency": None,
                    "first_seen_at": at,
                    "updated_at": at,
                }
            )
        if (pid, article_id) in self.evidenced:
            return  # one sentence per partnership and article, as the repository keeps it
        self.evidenced.add((pid, article_id))
        status = rng.choice(PARTNERSHIP_STATUSES)
        year = rng.choice([None, rng.randint(1980, 2024)])
        amount = Money(rng.randint(1, 500) * 100_000, "USD") if kind == "trade_deal" else None
        sentence = f"{self.places[a - 1].name} and {self.places[b - 1].name} agreed a {kind}."
        self.rows["evidence"].append(
            {
                "id": len(self.rows["evidence"]) + 1,
                "partnership_id": pid,
                "article_id": article_id,
                "sentence": f"{sentence} (article {article_id})",
                "status": status,
                "year": year,
                "amount_value": amount and amount.value,
                "amount_currency": amount and amount.currency,
            }
        )
        self.stated.setdefault(pid, []).append(Stated(status, year, amount, newest))

    def _settle(self, pid: int, stated: list[Stated]) -> None:
        """Status, year and amount from all evidence, as `_refresh_partnerships` derives them."""
        state = PartnershipState.from_evidence(sorted(stated, key=lambda s: s.newest, reverse=True))
        row = self.rows["partnerships"][pid - 1]
        row.update(
            status=state.status,
            year=state.year,
            amount_value=state.amount and state.amount.value,
            amount_currency=state.amount and state.amount.currency,
            updated_at=max(s.newest[1] for s in stated),
        )


def pick_places(count: int, rng: random.Random) -> list[PlaceFact]:
    """The largest cities, with first-level regions mixed in, in Zipf rank order."""
    gaz = load_gazetteer()
    cities = sorted((p for p in gaz.places if p.kind == "city"), key=lambda p: -(p.population or 0))
    regions = [p for p in gaz.places if p.kind == "region"]
    chosen = cities[: count - count // 10]
    for region in rng.sample(regions, min(count // 10, len(regions))):
        chosen.insert(rng.randrange(len(chosen) + 1), region)
    return chosen


def write(connection: Connection, rows: dict[str, list[dict]]) -> None:
    """Bulk inserts, parents before children, in chunks."""
    for table in models.Base.metadata.sorted_tables:
        batch = rows[table.name]
        for start in range(0, len(batch), CHUNK):
            connection.execute(insert(table), batch[start : start + CHUNK])


def finish(connection: Connection) -> None:
    """PostgreSQL: move sequences past the explicit ids; SQLite: refresh planner statistics."""
    if connection.dialect.name == "postgresql":
        for table in SERIAL_TABLES:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT max(id) FROM {table}), 1))"
                )
            )
    else:
        connection.execute(text("ANALYZE"))


def vacuum(engine: Engine) -> None:
    """PostgreSQL: VACUUM ANALYZE, outside a transaction as it must run.

    Statistics for the planner, and the visibility map without which no index-only scan is
    possible: a bulk-loaded store has none until (auto)vacuum runs, and autovacuum may be off.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")


def build(url: str, articles: int, seed: int) -> dict[str, int]:
    """Fill the (empty) store at `url`; the row count of every table."""
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        if connection.scalar(select(func.count()).select_from(models.Article.__table__)):
            raise SystemExit(f"{url} already holds articles; give an empty store")
    builder = Builder(pick_places(PLACES, random.Random(seed)), seed)
    builder.place_rows()
    builder.actor_rows(articles)
    builder.article_rows(articles)
    with engine.begin() as connection:
        write(connection, builder.rows)
        finish(connection)
    if engine.dialect.name == "postgresql":
        vacuum(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return {table: len(rows) for table, rows in builder.rows.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", default=DEFAULT_URL)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = build(args.database_url, args.articles, args.seed)
    for table, count in counts.items():
        print(f"{table:>22}: {count:>9,}")
    print(f"built {args.database_url} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
