"""`tenure sources add|list|show|pause|resume|remove|poll`: follow feeds and pages."""

from __future__ import annotations

import argparse
import asyncio
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.cli.database import with_sessions
from tenure.cli.worker import run_until_stopped
from tenure.models import Source
from tenure.settings import Settings
from tenure.sources import registry
from tenure.sources.registry import NewSource

if TYPE_CHECKING:
    from tenure.sources.claims import ClaimedSource, PollResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sources",
        help="follow RSS/Atom feeds and web pages",
        description="Sources are polled by `tenure worker` (and `tenure serve`), or by `tenure sources poll`; "
        "each new item's page becomes an article, with its events and webhooks.",
    )
    actions = parser.add_subparsers(dest="sources_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="follow a feed (or a page, taken as one article)")
    add.add_argument("url", help="a feed URL, a site page announcing its feed, or an article page")
    add.add_argument("--every", help="poll interval: 15m, 1h, 90s, 2d (default: TENURE_SOURCES_EVERY)")
    add.add_argument("--name", help="what its articles say they came from (default: the host name)")
    add.add_argument(
        "--kind", choices=registry.KINDS, default="auto", help="default auto: fetch it once and see"
    )
    add.set_defaults(func=run_add)
    actions.add_parser("list", help="every source with its status").set_defaults(func=run_list)
    show = actions.add_parser("show", help="a source's status and its latest items")
    show.add_argument("id", type=int)
    show.set_defaults(func=run_show)
    for name, func, text in (
        ("pause", run_pause, "stop polling it"),
        ("resume", run_resume, "poll it again, now"),
        ("remove", run_remove, "stop following it (its articles stay)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("id", type=int, help="the id `tenure sources list` shows")
        action.set_defaults(func=func)
    poll = actions.add_parser("poll", help="poll due sources (or the ones named) here")
    poll.add_argument("ids", nargs="*", type=int, metavar="ID", help="poll these now, due or not")
    poll.add_argument("--once", action="store_true", help="poll once and exit (default: keep polling)")
    poll.set_defaults(func=run_poll)


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    data = NewSource(url=args.url, every=args.every, name=args.name, kind=args.kind)
    row = asyncio.run(with_sessions(settings, lambda s: registry.add_source(s, settings, data)))
    print(f"source {row.id}: following {row.url} ({row.kind}) every {_interval(row.every_seconds)}")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    rows = asyncio.run(with_sessions(settings, registry.list_sources))
    if not rows:
        print("no sources yet: follow one with `tenure sources add URL`")
        return 0
    print(
        f"{'ID':>4}  {'STATUS':<12} {'EVERY':>5} {'LAST POLL':<17} {'NEXT POLL':<17} {'HTTP':>4} "
        f"{'SEEN':>5} {'NEW':>5} {'SKIP':>5} {'FAILS':>5}  URL"
    )
    for row in rows:
        print(
            f"{row.id:>4}  {status_word(row):<12} {_interval(row.every_seconds):>5} "
            f"{_when(row.last_polled_at):<17} {_when(row.next_poll_at):<17} {row.last_status or '-':>4} "
            f"{row.items_seen:>5} {row.items_new:>5} {row.items_skipped:>5} {row.consecutive_failures:>5}  "
            f"{row.url}"
        )
        if row.last_error:
            print(f"      last error: {row.last_error}")
    return 0


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    async def load(sessions: async_sessionmaker[AsyncSession]) -> tuple[Source, list[Any]]:
        return await registry.get_source(sessions, args.id), await registry.recent_items(sessions, args.id)

    row, recent = asyncio.run(with_sessions(settings, load))
    for label, value in (
        ("source", f"{row.id} {row.url}"),
        ("name", row.name or "-"),
        ("kind", row.kind),
        ("status", status_word(row)),
        ("every", _interval(row.every_seconds)),
        ("last poll", _when(row.last_polled_at)),
        ("next poll", _when(row.next_poll_at)),
        ("HTTP status", row.last_status or "-"),
        ("items", f"{row.items_seen} seen, {row.items_new} new, {row.items_skipped} skipped"),
        (
            "failures",
            f"{row.consecutive_failures} in a row"
            + (f" since {_when(row.failing_since)}" if row.failing_since else ""),
        ),
        ("last error", row.last_error or "-"),
        ("last notice", row.last_notice or "-"),
    ):
        print(f"{label:>12}: {value}")
    for item in recent:
        why = f"  ({item.reason})" if item.reason else ""
        article = f" article {item.article_id}" if item.article_id else ""
        print(f"  {_when(item.seen_at)}  {item.outcome:<9}{article}  {item.link or item.guid}{why}")
    return 0


def run_pause(args: argparse.Namespace, settings: Settings) -> int:
    row = asyncio.run(with_sessions(settings, lambda s: registry.pause_source(s, args.id)))
    print(f"source {row.id} paused")
    return 0


def run_resume(args: argparse.Namespace, settings: Settings) -> int:
    row = asyncio.run(with_sessions(settings, lambda s: registry.resume_source(s, args.id)))
    print(f"source {row.id} resumed; it is polled now")
    return 0


def run_remove(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(with_sessions(settings, lambda s: registry.remove_source(s, args.id)))
    print(f"source {args.id} removed (its articles stay)")
    return 0


def run_poll(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here: the poller loads feed and page readers every other command can do without.
    from tenure.sources.worker import poll_due_once, run_poller

    if not args.once:
        logging.basicConfig(
            level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        doing = "polling sources; Ctrl-C (or SIGTERM) stops at the next item"
        return asyncio.run(run_until_stopped(settings, doing, "poller", run_poller))

    async def once(sessions: async_sessionmaker[AsyncSession]) -> list[PollResult]:
        for source_id in args.ids:
            await registry.get_source(sessions, source_id)  # NotFound before any request
        return await poll_due_once(sessions, settings, ids=args.ids, progress=_print_result)

    results = asyncio.run(with_sessions(settings, once))
    failed = sum(1 for r in results if r.error)
    print(
        f"polled {len(results)} source(s): {sum(r.new for r in results)} new articles, "
        f"{sum(r.duplicate for r in results)} duplicates, {sum(r.skipped for r in results)} skipped, "
        f"{sum(r.not_modified for r in results)} not modified, {failed} failed"
    )
    return 1 if failed else 0


def _print_result(source: ClaimedSource, result: PollResult) -> None:
    if result.error:
        print(f"source {source.id}: failed: {result.error}", flush=True)
    elif result.not_modified:
        print(f"source {source.id}: not modified (HTTP 304)", flush=True)
    else:
        print(
            f"source {source.id}: {result.new} new, {result.duplicate} duplicate, {result.skipped} skipped"
            + (f", {result.retry} to retry" if result.retry else "")
            + (f" ({'; '.join(result.notices)})" if result.notices else ""),
            flush=True,
        )


def status_word(row: Source) -> str:
    status = registry.source_status(row)
    return status.upper() if status == "unhealthy" else status


def _interval(seconds: int) -> str:
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.strftime("%Y-%m-%d %H:%M")
