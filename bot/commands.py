"""What each `citylink` sub-command does; `bot/cli.py` only parses arguments."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from bot import blocktext
from bot.app import build_app
from bot.clock import run_clock
from bot.config import Settings
from bot.console import run_console
from bot.server import serve_http, serve_socket
from bot.wiring import (
    digest_service,
    feed_service,
    forward_resumer,
    item_queue,
    make_services,
    store_sessions,
)
from bot.workspaces import installation_store, multi_workspace, record_installation
from facts.shapes import ArticleText
from handlers.commands import answer
from ingest.errors import IngestError
from ingest.fetch import fetch_article
from ingest.reader import URL, iter_paths, read_path, read_stdin
from services import exports
from services.digest_content import schedule_of
from services.gold_export import export_gold
from services.ingesting import Forward, IngestService
from services.questions import parse
from services.reextracting import Reextractor
from services.registry import RegistryImport
from store import corrections as store_corrections
from store import models
from store.migrate import upgrade
from views.digests import digest_messages
from views.plain import facts_text, lookup_json, pair_json

if TYPE_CHECKING:
    from ingest.extract import Extractor

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles"
log = logging.getLogger(__name__)


def _extractor(settings: Settings) -> Extractor:
    from ingest.extract import Extractor  # spaCy loads only for commands that extract
    from ingest.pipeline import build_nlp

    return Extractor(build_nlp(settings.citylink_spacy_model, str(settings.citylink_cache_dir)))


def _reader(settings: Settings) -> Callable[[Path | str], ArticleText]:
    """Reads a path, stdin ("-") or a URL (fetched safely) into an article."""
    allowed = frozenset(settings.citylink_fetch_allow_hosts)

    def read(item: Path | str) -> ArticleText:
        if item == "-":
            return read_stdin()
        if isinstance(item, str) and URL.match(item):
            return fetch_article(item, allow_hosts=allowed)
        return read_path(item)

    return read


def extract(settings: Settings, args) -> int:
    """Print the facts of each article; `--json`: one object per line."""
    extractor, failed, read = _extractor(settings), 0, _reader(settings)
    for item in iter_paths(args.paths):
        try:
            article = read(item)
        except IngestError as exc:
            print(f"{item}: {exc.reason}", file=sys.stderr)
            failed += 1
            continue
        facts = extractor(article)
        if args.json:
            print(json.dumps({"path": str(item), **facts.to_json()}, ensure_ascii=False))
        else:
            print(facts_text(str(item), facts))
    return 1 if failed else 0


def ingest_paths(settings: Settings, paths: list[str], forward: Forward) -> tuple[Counter, list]:
    """Ingest every path; count new and known articles and collect failures with reasons."""
    service = IngestService(store_sessions(settings), _extractor(settings))
    counts, failures, read = Counter(), [], _reader(settings)
    items = list(iter_paths(paths))
    progress = tqdm(total=len(items), unit="article", file=sys.stderr, disable=None)

    def readable():
        for item in items:
            try:
                yield read(item)
            except IngestError as exc:
                failures.append((item, exc.reason))
                progress.update()

    for outcome in service.ingest_many(readable(), forward):
        counts["new" if outcome.result.created else "already known"] += 1
        progress.update()
    progress.close()
    return counts, failures


def ingest(settings: Settings, args) -> int:
    """Ingest files, folders or stdin, then print a summary; exit 1 if anything failed."""
    counts, failures = ingest_paths(settings, args.paths, Forward(via="cli"))
    for item, reason in failures:
        print(f"failed: {item}: {reason}", file=sys.stderr)
    print(f"{counts['new']} new, {counts['already known']} already known, {len(failures)} failed")
    return 1 if failures else 0


def lookup(settings: Settings, args) -> int:
    """Print what `/citylink TEXT` answers; `--json -` answers one query per stdin line."""
    lookups = make_services(settings).lookups
    texts = [" ".join(args.text)]
    if args.text == ["-"]:
        texts = [line.strip() for line in sys.stdin if line.strip()]
    for text in texts:
        if args.json:
            names = parse(text).names if not lookups.is_place_name(text) else ()
            found = pair_json(lookups.pair(*names)) if names else lookup_json(
                lookups.place(text, page=None))  # fmt: skip
            print(json.dumps(found, ensure_ascii=False))
        else:
            print(blocktext.render(answer(lookups, text).blocks)[0])
    return 0


def evaluate(settings: Settings, args) -> int:
    """Score extraction against a gold file: scores, reliability by confidence, error classes."""
    from ingest.evaluate import article_path, format_report, gold_part, load_gold, score

    gold, unknown = gold_part(load_gold(args.gold), args.only)
    if unknown:
        print(f"not in {args.gold}: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    extractor, predicted = _extractor(settings), {}
    for item in gold:
        predicted[item["id"]] = extractor(read_path(article_path(args.articles, item))).to_json()
    report = score(gold, predicted)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        print(format_report(report, show_errors=args.errors))
    return 0


def db_upgrade(settings: Settings, args) -> int:
    """Migrate the store; `--seed`: then fill an empty one with the bundled articles."""
    upgrade(settings.database_url)
    print("database is up to date")
    if getattr(args, "seed", False):
        seed_if_empty(settings)
    return 0


def seed_if_empty(settings: Settings) -> None:
    """A fresh store starts with the bundled demo corpus (the store is migrated first)."""
    if _store_is_empty(settings):
        counts, failures = ingest_paths(settings, [str(CORPUS)], Forward(via="bundled"))
        print(f"seeded the store with {counts['new']} bundled articles", file=sys.stderr)


def _store_is_empty(settings: Settings) -> bool:
    """Whether the (migrated) store holds no article; asks the store for one id, not a count."""
    sessions = store_sessions(settings)
    try:
        with sessions.begin() as session:
            return session.scalar(select(models.Article.id).limit(1)) is None
    finally:
        sessions.kw["bind"].dispose()  # `serve` asks before gunicorn forks: no pooled connection


def console(settings: Settings, args) -> int:
    """The local Slack shell on the configured store, seeded on first use."""
    seed_if_empty(settings)
    return run_console(settings, make_services)


def serve(settings: Settings, args) -> int:
    """Slack over HTTP (gunicorn) or, with --socket, Socket Mode; the store is seeded by the
    Procfile's `release: citylink db upgrade --seed`, not here."""
    token = settings.slack_bot_token or multi_workspace(settings)
    needed = (("SLACK_BOT_TOKEN", token), ("SLACK_SIGNING_SECRET", settings.slack_signing_secret))
    missing = [name for name, value in needed if not value]
    if getattr(args, "socket", False) and not settings.slack_app_token:
        missing.append("SLACK_APP_TOKEN")
    if missing:
        print(
            f"citylink serve needs {', '.join(missing)}; try `citylink console` locally",
            file=sys.stderr,
        )
        return 2

    def build():
        """The app and its services; spaCy loads with the first forwarded article."""
        services = make_services(settings)
        return build_app(settings, services), services

    try:
        if _store_is_empty(settings):
            log.warning("the store is empty: run `citylink db upgrade --seed` to fill it")
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0]
        print(f"citylink serve: cannot reach the store: {reason}", file=sys.stderr)
        return 1
    if getattr(args, "socket", False):
        serve_socket(build()[0], settings.slack_app_token)
    else:
        serve_http(build, settings.port, settings.slack_signing_secret)
    return 0


def _workspace(settings: Settings, service) -> str:
    """The single workspace's team id (its forwards are its own), or '' in multi-workspace mode."""
    if multi_workspace(settings) or not settings.slack_bot_token:
        return ""
    try:
        return service.client_for("").auth_test().get("team_id") or ""
    except SlackApiError:
        return ""


def install(settings: Settings, args) -> int:
    """Record a workspace installation without the OAuth dance (scripted setups, tests)."""
    store = installation_store(settings, store_sessions(settings).kw["bind"])
    record_installation(store, args.team_id, args.bot_token, args.bot_user_id)
    print(f"installed CityLink for team {args.team_id}")
    return 0


def clock(settings: Settings, args) -> int:
    """The scheduler process of the Procfile's `clock:` line; `--once` sends what is due."""
    service = digest_service(settings)
    if settings.citylink_digest_channel:
        service.ensure_default(settings.citylink_digest_channel, _workspace(settings, service))
    run_clock(service, forward_resumer(settings), feed_service(settings).poll_due, once=args.once)
    return 0


def digest(settings: Settings, args) -> int:
    """Post (or, with --dry-run, print) a channel's digest of what is new since its last one."""
    channel = args.channel or settings.citylink_digest_channel
    if not channel:
        print("citylink digest needs --channel ID or CITYLINK_DIGEST_CHANNEL", file=sys.stderr)
        return 2
    service = digest_service(settings)
    team = _workspace(settings, service)
    if channel == settings.citylink_digest_channel:  # the configured channel has one by default
        subscription = service.ensure_default(channel, team)
    else:
        subscription = service.subscription(channel, team)
    if subscription is None:
        print(f"{channel} has no digest subscription: run `/citylink subscribe` in it (or set "
              "CITYLINK_DIGEST_CHANNEL to it); nothing was posted", file=sys.stderr)  # fmt: skip
        return 1
    if args.dry_run:
        content = service.preview(subscription)
        for view in digest_messages(content, schedule_of(subscription)):
            print(blocktext.render(view.blocks)[0])
        if args.chart:
            png = service.chart(subscription, content.end)
            if png is None:
                print("no chart: no new links in the last twelve periods", file=sys.stderr)
            else:
                Path(args.chart).write_bytes(png)
                print(f"chart written to {args.chart}", file=sys.stderr)
        return 0
    outcome = service.send_now(subscription)
    print(f"{channel}: {outcome.status} {outcome.detail}".rstrip())
    return 1 if outcome.status == "failed" else 0


def feeds_poll(settings: Settings, args) -> int:
    """Poll every feed that is due once, as the clock does each minute; print what each gave."""
    for result in feed_service(settings).poll_due():
        said = result.error or ("not modified" if result.not_modified else f"{result.new} new")
        if result.queued:
            said = f"{result.queued} item(s) queued for `citylink work`"
        print(f"{result.feed.url}: {said}")
    return 0


def work(settings: Settings, args) -> int:
    """The Procfile's `ingest:` line: read queued feed items until stopped (`--until-empty`:
    until none is left). Start as many as the backlog needs, on any machine."""
    queue = item_queue(settings)
    if queue is None:
        print("citylink work is for a PostgreSQL store: on SQLite the clock reads feed items "
              "itself", file=sys.stderr)  # fmt: skip
        return 2
    queue.work(feed_service(settings).read_item, until_empty=args.until_empty)
    return 0


def export(settings: Settings, args) -> int:
    """Write the partnerships `/citylink QUERY` answers with (all of them) as CSV, JSON or
    GraphML to stdout."""
    lookups = make_services(settings).lookups
    text = " ".join(args.query) or "latest"
    _, content, count = exports.export(lookups, text, team_id=args.team, fmt=args.format)
    sys.stdout.write(content)
    print(f"{count} partnerships", file=sys.stderr)
    return 0


def import_twinnings(settings: Settings, args) -> int:
    """Load a registry's twinnings; list the rows whose places could not be resolved."""
    try:
        data = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"citylink import twinnings: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    index = make_services(settings).lookups.index
    registry = RegistryImport(store_sessions(settings), index)
    done = registry.load(data, team_id=args.team, name=Path(args.file).name)
    if not done.new:
        print(f"{args.file} was imported before; nothing changed")
        return 0
    print(f"imported {done.links} twinnings from {args.file}")
    for row in done.unresolved:
        where = f" ({row.country})" if row.country else ""
        print(f"line {row.line}: {row.label}{where}: {row.reason}", file=sys.stderr)
    if done.unresolved:
        count = len(done.unresolved)
        print(f"{count} place{'s' * (count != 1)} could not be resolved (listed above)",
              file=sys.stderr)  # fmt: skip
    return 0


def reextract(settings: Settings, args) -> int:
    """Run today's extractor over stored articles again; corrections stay and apply to the new
    facts, and those whose fact is gone are listed."""
    since = None
    if args.since:
        try:
            since = datetime.combine(date.fromisoformat(args.since), time(), UTC)
        except ValueError:
            print(f"citylink reextract: --since takes a date like 2026-12-01, not {args.since!r}",
                  file=sys.stderr)  # fmt: skip
            return 2
    extractor = _extractor(settings)
    service = Reextractor(store_sessions(settings), extractor.pipe)
    ids = service.article_ids(since)
    progress = tqdm(total=len(ids), unit="article", file=sys.stderr, disable=None)
    report = service.run(ids, progress.update)
    progress.close()
    print(f"re-read {report.articles} article{'s' * (report.articles != 1)}")
    for gone in report.unmatched:
        row = gone.correction
        who = f"{row.action} by {row.mark.user_id} of team {gone.team or '-'}"
        print(f"correction {row.id} ({who}, {row.mark.at:%Y-%m-%d}): no article states "
              f"{gone.names[0]} & {gone.names[1]} ({row.fact[2]}) any more; it is kept and "
              "applies again if the fact returns")
    return 0


def corrections_export(settings: Settings, args) -> int:
    """Write a team's corrected facts as a gold file (and the articles' texts beside it)."""
    sessions = store_sessions(settings)
    with sessions.begin() as session:
        teams = store_corrections.teams(session)
    team = args.team
    if team is None and len(teams) == 1:
        team = teams[0]
    if team is None or team not in teams:
        known = ", ".join(t or "''" for t in teams) or "none yet"
        print(f"citylink corrections export: name a team with --team (teams with corrections: "
              f"{known})", file=sys.stderr)  # fmt: skip
        return 2
    export = export_gold(sessions, team)
    gold = Path(args.gold)
    folder = Path(args.articles) if args.articles else gold.with_name(gold.stem + "_articles")
    folder.mkdir(parents=True, exist_ok=True)
    for key, text in export.texts.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    gold.write_text(json.dumps(export.gold, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {len(export.gold)} corrected articles to {gold} (texts in {folder}); "
          f"measure with: citylink eval --gold {gold} --articles {folder}")  # fmt: skip
    return 0


def run(settings: Settings, args) -> int:
    """`make run`: migrate and seed the store, then serve Slack when tokens are set, else the
    console."""
    seed_if_empty(settings)
    if settings.slack_configured:
        return serve(settings, args)
    return run_console(settings, make_services)
