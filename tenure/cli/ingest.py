"""`tenure ingest PATH...`: store article files (and their events) in the database.

Files or folders (walked in sorted order); each file's front matter gives its publication time,
`--published-at` stands in for files without one. `--workers N` stores N articles at once
(tenure.ingest.pipeline: extraction in worker processes, writes in concurrent transactions).
A progress bar runs on stderr; a file that fails gets one error line, in file order, and the
batch goes on (exit code 1 at the end). An unreachable database stops the batch with one line.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.cli.database import with_sessions
from tenure.ingest.documents import article_paths, read_articles
from tenure.ingest.pipeline import Outcome, default_workers, ingest_many
from tenure.ingest.service import ARTICLE_FORMATS, IngestResult
from tenure.models.availability import UNREACHABLE, unavailable
from tenure.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="store article files and their events in the database",
        description="Ingest article files (Markdown, text, HTML with front matter; .json/.jsonl records) "
        "or folders of them into the database named by TENURE_DATABASE_URL.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    parser.add_argument(
        "--published-at",
        help="publication time, RFC 3339 with a UTC offset, for files whose front matter gives none",
    )
    parser.add_argument(
        "--format",
        choices=ARTICLE_FORMATS,
        default="auto",
        help="how to read text files (default: by suffix)",
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="articles stored at once; with more than one, extraction runs in one process per core "
        "(default: 4 on PostgreSQL, 1 on SQLite)",
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers from 1 to 64")
    return value


@dataclass
class Summary:
    new: int = 0
    known: int = 0
    failed: int = 0
    created: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)

    def add(self, result: IngestResult) -> None:
        if not result.created:
            self.known += 1
            return
        self.new += 1
        types = {event.id: event.type for event in result.events}
        for change in result.changes:
            bucket = self.created if change.kind == "created" else self.merged
            bucket[types.get(change.event_id, "?")] += 1

    def lines(self) -> list[str]:
        total_created, total_merged = sum(self.created.values()), sum(self.merged.values())
        lines = [
            f"articles: {self.new} new, {self.known} already known, {self.failed} failed",
            f"events: {total_created} created, {total_merged} merged into stored events",
        ]
        for event_type in sorted(set(self.created) | set(self.merged)):
            lines.append(
                f"  {event_type:<17} {self.created[event_type]:>4} created {self.merged[event_type]:>4} merged"
            )
        return lines


def run(args: argparse.Namespace, settings: Settings) -> int:
    from tenure.cli.extract import checked_published_at

    fallback = checked_published_at(args.published_at, where="--published-at") if args.published_at else None
    workers = args.workers if args.workers is not None else default_workers(settings.database_url)
    summary = asyncio.run(_ingest_all(args.paths, fallback, args.format, workers, settings))
    for line in summary.lines():
        print(line)
    return 1 if summary.failed else 0


async def _ingest_all(paths: list[str], fallback: Any, fmt: str, workers: int, settings: Settings) -> Summary:
    files = list(article_paths(paths))
    return await with_sessions(
        settings, lambda sessions: _ingest_files(sessions, files, fallback, fmt, workers, settings)
    )


async def _ingest_files(
    sessions: async_sessionmaker[AsyncSession],
    files: list[Any],
    fallback: Any,
    fmt: str,
    workers: int,
    settings: Settings,
) -> Summary:
    summary = Summary()
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    # Files are read up front (reading is cheap next to extraction), so the bar counts articles.
    items = [
        (item.label, item.article, item.error)
        for path in files
        for item in read_articles(
            path, published_at=fallback, fmt=fmt, max_file_bytes=settings.max_request_bytes
        )
    ]

    def done(outcome: Outcome) -> None:
        if outcome.result is None:
            summary.failed += 1
            # Through the progress bar's console, so the line is not drawn over; plain text, no markup.
            console.print(
                f"tenure: {outcome.label}: {outcome.error}", markup=False, highlight=False, soft_wrap=True
            )
        else:
            summary.add(outcome.result)
        progress.update(task, advance=1, description=f"ingesting {outcome.label}")

    with progress:
        task = progress.add_task("ingesting", total=len(items))
        try:
            await ingest_many(sessions, items, done, workers=workers, max_bytes=settings.max_article_bytes)
        except UNREACHABLE as exc:
            raise unavailable(settings.database_url, exc) from exc
    return summary
