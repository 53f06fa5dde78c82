"""`tenure reextract`: run the current engine over stored articles and reconcile their events.

One line per event that changes (stdout), progress every few seconds (stderr), then a summary by
event type. `--dry-run` prints the same lines and writes nothing. Exit code 1 when an article
failed (the others are still done), 0 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.cli.database import with_sessions
from tenure.errors import InvalidInput
from tenure.ingest.reextract import ACTIONS, ArticleReport, Selection, Summary, reextract
from tenure.settings import Settings

PROGRESS_EVERY = 5.0  # seconds between progress lines


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reextract",
        help="run the current engine over stored articles and reconcile their events",
        description="Extract stored articles again with this version of the engine: facts newly found "
        "become events (webhooks fire as for any new event), facts no longer found lose the article as "
        "a source and are retired when no article states them, unless a person confirmed or edited them. "
        "Analysts' corrections are kept and rejected events stay rejected. Running it twice changes "
        "nothing the second time.",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)"
    )
    parser.add_argument("--article", type=int, metavar="ID", help="only the article with this id")
    parser.add_argument("--dry-run", action="store_true", help="print the differences, write nothing")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="articles reconciled at a time, on PostgreSQL (helps when the database, not the CPU, is "
        "the limit; default 1)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    selection = Selection(since=_since(args.since), article_id=args.article)
    if args.jobs < 1:
        raise InvalidInput(f"--jobs must be at least 1, not {args.jobs}")
    summary = asyncio.run(
        with_sessions(settings, lambda sessions: _run(sessions, selection, args.dry_run, args.jobs))
    )
    for article_id, why in summary.failed:
        print(f"tenure: article {article_id}: {why}", file=sys.stderr)
    for line in summary_lines(summary, dry_run=args.dry_run):
        print(line)
    return 1 if summary.failed else 0


def _since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--since {value!r} is not a date; write YYYY-MM-DD, e.g. 2025-01-31") from None


async def _run(
    sessions: async_sessionmaker[AsyncSession], selection: Selection, dry_run: bool, jobs: int
) -> Summary:
    started = last = time.monotonic()

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY or done == total:
            last = now
            rate = done / max(now - started, 1e-9)
            print(f"reextract: {done}/{total} articles ({rate:.0f}/s)", file=sys.stderr, flush=True)

    return await reextract(
        sessions, selection, dry_run=dry_run, jobs=jobs, on_report=_print_differences, on_progress=progress
    )


def _print_differences(report: ArticleReport) -> None:
    for d in report.differences:
        print(f"article {report.article_id}: {d.action} {d.event_type} event {d.event_id}: {d.what}")


def summary_lines(summary: Summary, *, dry_run: bool) -> list[str]:
    verb = "would change" if dry_run else "changed"
    lines = [
        f"articles: {summary.articles} re-extracted, {len(summary.failed)} failed"
        + (" (dry run: nothing written)" if dry_run else ""),
        f"events {verb}: {summary.changed}",
    ]
    types = sorted({t for counter in summary.counts.values() for t in counter})
    if types:
        lines.append(f"  {'type':<17}" + "".join(f"{action:>10}" for action in ACTIONS))
    for event_type in types:
        lines.append(f"  {event_type:<17}" + "".join(f"{summary.counts[a][event_type]:>10}" for a in ACTIONS))
    return lines
