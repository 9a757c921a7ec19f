"""The `citylink` command line: one sub-command per line of DESIGN.md's command contract."""

from __future__ import annotations

import argparse
import logging
import sys

from bot import commands
from bot.config import ConfigError, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="citylink", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="ingest files, folders or stdin (-) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    p.set_defaults(run=commands.ingest)

    p = sub.add_parser("extract", help="print the facts of articles without storing them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per article per line")
    p.set_defaults(run=commands.extract)

    p = sub.add_parser("lookup", help="print what `/citylink TEXT` answers")
    p.add_argument("text", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands.lookup)

    p = sub.add_parser("eval", help="precision and recall of extraction against a gold file")
    p.add_argument("--gold", required=True)
    p.add_argument("--articles", required=True)
    p.add_argument("--only", metavar="ID,ID...",
                   help="score only these articles of the gold file")  # fmt: skip
    p.add_argument("--errors", action="store_true",
                   help="list every miss, false positive and mismatch too")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands.evaluate)

    feeds = sub.add_parser("feeds", help="the feeds teams follow")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True)
    p = feeds_sub.add_parser("poll", help="poll every feed that is due once, as the clock does")
    p.set_defaults(run=commands.feeds_poll)

    p = sub.add_parser("work", help="read queued feed items (PostgreSQL; any number at once)")
    p.add_argument("--until-empty", action="store_true", help="stop when the queue is empty")
    p.set_defaults(run=commands.work)

    p = sub.add_parser("export", help="what `/citylink QUERY` answers, as a file on stdout")
    p.add_argument("query", nargs="*", help="a place, a pair, a country, filters (default: latest)")
    p.add_argument("--format", choices=("csv", "json", "graphml"), default="csv")
    p.add_argument("--team", help="the team whose articles and corrections count")
    p.set_defaults(run=commands.export)

    imports = sub.add_parser("import", help="known facts from a registry")
    imports_sub = imports.add_subparsers(dest="import_command", required=True)
    p = imports_sub.add_parser("twinnings", help="a Wikidata P190 CSV (see the README)")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--team", help="the team that sees them (default: every team)")
    p.set_defaults(run=commands.import_twinnings)

    p = sub.add_parser("reextract", help="extract stored articles again, keeping corrections")
    p.add_argument("--since", metavar="DATE", help="only articles added on or after DATE")
    p.set_defaults(run=commands.reextract)

    fixes = sub.add_parser("corrections", help="what teams corrected")
    fixes_sub = fixes.add_subparsers(dest="corrections_command", required=True)
    p = fixes_sub.add_parser("export", help="a team's corrected facts as an eval gold file")
    p.add_argument("--gold", required=True, metavar="FILE")
    p.add_argument("--articles", metavar="DIR",
                   help="where the texts go (default: FILE's name + _articles)")  # fmt: skip
    p.add_argument("--team", help="the team (needed when several have corrections)")
    p.set_defaults(run=commands.corrections_export)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    p = db_sub.add_parser("upgrade", help="apply Alembic migrations")
    p.add_argument("--seed", action="store_true",
                   help="fill an empty store with the bundled articles")  # fmt: skip
    p.set_defaults(run=commands.db_upgrade)

    p = sub.add_parser("console", help="a local Slack shell driving the real app")
    p.set_defaults(run=commands.console)

    p = sub.add_parser("serve", help="serve Slack: HTTP on $PORT, or Socket Mode with --socket")
    p.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    p.set_defaults(run=commands.serve)

    p = sub.add_parser("clock", help="the scheduler process that posts digests")
    p.add_argument("--once", action="store_true", help="send what is due now, then exit")
    p.set_defaults(run=commands.clock)

    p = sub.add_parser("digest", help="post (or print) a channel's digest now")
    p.add_argument("--channel", help="channel ID (default: CITYLINK_DIGEST_CHANNEL)")
    p.add_argument("--dry-run", action="store_true", help="print it instead of posting")
    p.add_argument("--chart", metavar="FILE.png", help="with --dry-run: write its chart here")
    p.set_defaults(run=commands.digest)

    p = sub.add_parser("install", help="record a workspace installation without OAuth")
    p.add_argument("--team-id", required=True)
    p.add_argument("--bot-token", required=True)
    p.add_argument("--bot-user-id")
    p.set_defaults(run=commands.install)

    p = sub.add_parser("run", help="what `make run` starts: migrate and seed, then the main job")
    p.set_defaults(run=commands.run)
    return parser


LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"
SERVICES = {"serve", "clock"}  # long-running processes log what they do; others stay quiet


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    level = logging.INFO if args.command in SERVICES else logging.WARNING
    logging.basicConfig(level=level, format=LOG_FORMAT)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"citylink: {exc}", file=sys.stderr)
        return 2
    try:
        return args.run(settings, args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
