"""Re-extraction throughput on PostgreSQL, and timelines answering while it runs.

Stores N synthetic articles (bench/ingest.py's corpus: a small cast, so facts recur and merge)
in a fresh database, runs a first re-extraction that creates their events, then the measured
one after a deliberate rule change (the engine loses its award rules, so prize events are
retired and announced to no one: there are no subscriptions). During the measured run a
separate process reads the busiest company's timeline from `tenure serve` (its own process),
one request after another; the same reads on the idle server before the run are the baseline.
Prints articles/s of both passes, what the measured pass changed, and p50/p99 timeline latency
idle vs during the run (and any failed read).

    .venv/bin/python bench/reextract.py                   # 2,000 articles (a few minutes)
    .venv/bin/python bench/reextract.py --articles 10000  # the issue's figure (two passes of 10,000)
    .venv/bin/python bench/reextract.py --jobs 4          # four articles at a time
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import free_port, start_server, wait_until_up  # noqa: E402  (bench/api.py)
from ingest import corpus, drop_pg, pg_database  # noqa: E402  (bench/ingest.py)

from tenure.extractors import engine  # noqa: E402
from tenure.ingest.reextract import Selection, Summary, reextract  # noqa: E402
from tenure.ingest.service import content_hash  # noqa: E402
from tenure.models import Article, Event  # noqa: E402
from tenure.models.db import create_engine, session_factory  # noqa: E402
from tenure.models.migrate import upgrade  # noqa: E402

BATCH = 1000  # articles per INSERT


async def store_articles(url: str, count: int) -> None:
    rows = [
        {
            "url": a.url,
            "title": f"Briefing {n}",
            "source": "Bench Wire",
            "published_at": a.published_at,
            "published_utc_offset": 0,
            "content_hash": content_hash(a.text),
            "text": a.text,
            "format": a.format,
        }
        for n, a in enumerate(corpus(count, random.Random(7)))
    ]
    db = create_engine(url)
    try:
        async with session_factory(db)() as session, session.begin():
            for start in range(0, len(rows), BATCH):
                await session.execute(insert(Article), rows[start : start + BATCH])
    finally:
        await db.dispose()


async def timed_pass(url: str, label: str, jobs: int) -> tuple[Summary, float]:
    db = create_engine(url)
    began = time.perf_counter()
    last = [began]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] >= 15 or done == total:
            last[0] = time.perf_counter()
            print(f"  {label}: {done}/{total} ({done / (last[0] - began):.0f}/s)", flush=True)

    try:
        summary = await reextract(session_factory(db), Selection(), jobs=jobs, on_progress=progress)
    finally:
        await db.dispose()
    return summary, time.perf_counter() - began


async def busiest_company(url: str) -> int:
    db = create_engine(url)
    try:
        async with session_factory(db)() as session:
            query = (
                select(Event.organization_id)
                .where(Event.organization_id.is_not(None))
                .group_by(Event.organization_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            return int((await session.execute(query)).scalar_one())
    finally:
        await db.dispose()


def read_timelines(base_url: str, path: str, ready: Any, stop: Any, results: Any) -> None:
    """In its own process: GET the timeline until `stop` is set; send back latencies and errors.
    `ready` is set once the first answer came (process start-up is not part of any figure)."""

    async def loop() -> tuple[list[float], int]:
        latencies: list[float] = []
        errors = 0
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
            (await client.get(path)).raise_for_status()
            ready.set()
            while not stop.is_set():
                began = time.perf_counter()
                try:
                    response = await client.get(path, params={"limit": "50"})
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - began)
                errors += not ok
                await asyncio.sleep(0.2)  # about 4 reads a second: a dashboard, not a load test
        return latencies, errors

    results.put(asyncio.run(loop()))


def reading_during(base_url: str, path: str, work: Callable[[], Any]) -> tuple[Any, list[float], int]:
    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    reader = context.Process(target=read_timelines, args=(base_url, path, ready, stop, results))
    reader.start()
    if not ready.wait(timeout=120):
        raise SystemExit("the timeline reader got no answer within 120 s")
    try:
        outcome = work()
    finally:
        stop.set()
    latencies, errors = results.get(timeout=60)
    reader.join(timeout=30)
    return outcome, latencies, errors


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms ({len(ordered)} reads)"


def changes(summary: Summary) -> str:
    parts = [f"{action} {sum(c.values())}" for action, c in summary.counts.items() if sum(c.values())]
    return ", ".join(parts) + (f", failed {len(summary.failed)}" if summary.failed else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=2_000, help="stored articles (the issue's figure: 10000)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="articles at a time (tenure reextract --jobs)")
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="baseline timeline reads")
    args = parser.parse_args()
    name, url = pg_database()
    server = None
    try:
        upgrade(url)
        asyncio.run(store_articles(url, args.articles))
        print(f"stored {args.articles:,} articles in {name}; --jobs {args.jobs}")
        first, seconds = asyncio.run(timed_pass(url, "first pass", args.jobs))
        print(f"first pass (creates the events): {first.articles / seconds:.1f} articles/s; {changes(first)}")

        port = free_port()
        server = start_server(url, port)
        base = f"http://127.0.0.1:{port}"

        async def up() -> None:
            async with httpx.AsyncClient(base_url=base, timeout=30) as client:
                await wait_until_up(client, server)

        asyncio.run(up())
        path = f"/companies/{asyncio.run(busiest_company(url))}/timeline"
        _, idle, idle_errors = reading_during(base, path, lambda: time.sleep(args.idle_seconds))

        # The deliberate rule change: the engine loses its award rules.
        engine.RULES = tuple(rule for rule in engine.RULES if rule.type != "award")
        (second, seconds), busy, busy_errors = reading_during(
            base, path, lambda: asyncio.run(timed_pass(url, "after a rule change", args.jobs))
        )
        print(f"after a rule change: {second.articles / seconds:.1f} articles/s; {changes(second)}")
        print(f"timeline {path} idle:            {percentiles(idle)}, {idle_errors} failed")
        print(f"timeline {path} during the run:  {percentiles(busy)}, {busy_errors} failed")
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
        drop_pg(name)


if __name__ == "__main__":
    main()
