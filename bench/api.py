"""API benchmark: timelines and /events over 100,000 events in PostgreSQL, first page vs deep page.

Creates a fresh database (`tenure_bench` by default, dropped and re-created from the server at
--admin-url), migrates it with the real migrations, bulk-loads people, companies, articles and
events with COPY, starts `tenure serve` on 127.0.0.1 in a subprocess, and times three cases
(a company timeline, a person timeline, a filtered /events page) at the first page and at the
page reached by following next_cursor --depth times. Prints requests/s and p50/p99 latency,
the deep/first ratio (the target is at most 2x), and whether PostgreSQL's plan for each query
uses the timeline indexes.

    .venv/bin/python bench/api.py                # 100,000 events, 300 requests per case
    .venv/bin/python bench/api.py --events 20000 --requests 100
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.dialects import postgresql

from tenure.ingest.merge import sort_date_for
from tenure.models.migrate import upgrade
from tenure.timelines.filters import parse_filter
from tenure.timelines.queries import EntityKind, filtered_statement, paged, timeline_statement

ROOT = Path(__file__).resolve().parents[1]
EVENT_TYPES = ("departure", "appointment", "reporting_change", "award", "funding_round", "founding")
# Share of each type in the synthetic record (departures and appointments dominate the news).
TYPE_WEIGHTS = (30, 35, 10, 8, 10, 7)
STATUSES = ("announced", "planned", "reported", "completed")
PRECISIONS = (("day", 60), ("month", 20), ("year", 15), ("week", 5))
UNDATED_SHARE = 0.05


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    params: dict[str, str]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--database", default="tenure_bench")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--companies", type=int, default=300)
    parser.add_argument("--requests", type=int, default=300, help="timed requests per case")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--depth", type=int, default=50, help="pages followed before the deep page")
    parser.add_argument("--limit", type=int, default=50, help="page size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


# --- loading ------------------------------------------------------------------------------------


async def create_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def zipf_weights(n: int) -> list[float]:
    # A few people and companies are in the news far more than the rest, as in real coverage.
    return [1.0 / rank for rank in range(1, n + 1)]


def random_date(rng: random.Random) -> tuple[str | None, str | None]:
    if rng.random() < UNDATED_SHARE:
        return None, None
    day = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(0, 31 * 365))
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    if precision == "year":
        return f"{day.year:04d}", precision
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", precision
    if precision == "week":
        day -= dt.timedelta(days=day.weekday())
    return day.isoformat(), precision


async def load(url: str, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    now = dt.datetime.now(dt.UTC)
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        people = [(f"Person {i:05d}", f"person {i:05d}", now) for i in range(1, args.people + 1)]
        await conn.copy_records_to_table("people", records=people, columns=["name", "name_key", "created_at"])
        companies = [(f"Company {i:04d}", f"company {i:04d}", now) for i in range(1, args.companies + 1)]
        await conn.copy_records_to_table(
            "organizations", records=companies, columns=["name", "name_key", "created_at"]
        )
        article_count = max(1, args.events // 4)
        articles = [
            (
                f"https://news.example.com/{i}",
                f"Story {i}",
                "Bench Wire",
                now - dt.timedelta(days=rng.randrange(0, 3650)),
                0,
                f"{i:064x}",
                f"Story {i}.",
                "text",
                now,
            )
            for i in range(1, article_count + 1)
        ]
        await conn.copy_records_to_table(
            "articles",
            records=articles,
            columns=[
                "url",
                "title",
                "source",
                "published_at",
                "published_utc_offset",
                "content_hash",
                "text",
                "format",
                "created_at",
            ],
        )
        person_ids = rng.choices(range(1, args.people + 1), zipf_weights(args.people), k=args.events)
        company_ids = rng.choices(range(1, args.companies + 1), zipf_weights(args.companies), k=args.events)
        types = rng.choices(EVENT_TYPES, TYPE_WEIGHTS, k=args.events)
        events = []
        for i in range(args.events):
            date, precision = random_date(rng)
            event_type = types[i]
            status = rng.choice(STATUSES) if event_type == "departure" else None
            events.append(
                (
                    event_type,
                    None if event_type == "funding_round" else person_ids[i],
                    company_ids[i] if rng.random() > 0.03 else None,
                    "chief executive officer",
                    date,
                    precision,
                    sort_date_for(date, precision),
                    status,
                    "{}" if status is None else f'{{"status": "{status}"}}',
                    round(rng.uniform(0.4, 0.99), 2),
                    1,
                    now,
                    now,
                )
            )
        await conn.copy_records_to_table(
            "events",
            records=events,
            columns=[
                "type",
                "person_id",
                "organization_id",
                "role",
                "date",
                "date_precision",
                "sort_date",
                "status",
                "details",
                "confidence",
                "revision",
                "created_at",
                "updated_at",
            ],
        )
        first_id = await conn.fetchval("SELECT min(id) FROM events")
        sources = []
        for offset in range(args.events):
            for article_id in rng.sample(range(1, article_count + 1), 1 + (rng.random() < 0.2)):
                evidence = f"Evidence for event {first_id + offset} in article {article_id}."
                sources.append((first_id + offset, article_id, evidence, 0, len(evidence), 0.8, now))
        await conn.copy_records_to_table(
            "event_sources",
            records=sources,
            columns=[
                "event_id",
                "article_id",
                "evidence",
                "evidence_start",
                "evidence_end",
                "confidence",
                "created_at",
            ],
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def busiest(url: str, column: str) -> int:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        return int(
            await conn.fetchval(
                f"SELECT {column} FROM events WHERE {column} IS NOT NULL GROUP BY {column} "
                f"ORDER BY count(*) DESC LIMIT 1"
            )
        )
    finally:
        await conn.close()


# --- query plans --------------------------------------------------------------------------------


async def explain(url: str, cases: Sequence[tuple[str, Any]]) -> list[tuple[str, str, bool]]:
    """The top of PostgreSQL's plan for each case's deep-page statement, and whether it uses an index."""
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    found = []
    try:
        for name, statement in cases:
            sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [r[0] for r in rows]
            uses_index = any("ix_events_" in line for line in plan)
            # The top line (total time) and the index lines say what matters.
            shown = [plan[0], *(line for line in plan if "Index" in line or "Sort" in line)]
            found.append((name, "\n      ".join(line.strip() for line in shown), uses_index))
    finally:
        await conn.close()
    return found


def deep_statement(
    kind: EntityKind | None, entity_id: int, filter_args: dict[str, Any], cursor: str, limit: int
) -> Any:
    """The statement the API runs for this page (the same functions build it)."""
    event_filter = parse_filter(**filter_args)
    if kind is None:
        return paged(filtered_statement(event_filter), cursor, limit)
    return paged(timeline_statement(kind, entity_id, event_filter), cursor, limit)


# --- serving and timing -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TENURE_DATABASE_URL": url,
        "TENURE_LOG_LEVEL": "WARNING",
        "TENURE_PAGE_SIZE_MAX": "500",
        # The per-client rate limit would cap the benchmark, not measure the API.
        "TENURE_RATE_LIMIT_PER_MINUTE": "0",
    }
    tenure = str(Path(sys.executable).parent / "tenure")
    return subprocess.Popen(
        [tenure, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"], env=env, cwd=ROOT
    )


async def wait_until_up(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if (await client.get("/schema/openapi.json")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not start within 60 s")


async def follow(client: httpx.AsyncClient, case: Case, depth: int) -> str:
    cursor = None
    for page in range(depth):
        params = dict(case.params, **({"cursor": cursor} if cursor else {}))
        response = await client.get(case.path, params=params)
        response.raise_for_status()
        cursor = response.json()["next_cursor"]
        if cursor is None:
            raise SystemExit(f"{case.name}: only {page + 1} pages; load more events or lower --depth")
    assert cursor is not None
    return cursor


@dataclass(frozen=True)
class Timing:
    requests_per_second: float
    p50_ms: float
    p99_ms: float


async def time_case(
    client: httpx.AsyncClient, case: Case, cursor: str | None, requests: int, concurrency: int
) -> Timing:
    params = dict(case.params, **({"cursor": cursor} if cursor else {}))
    for _ in range(10):  # warm the connection pool and PostgreSQL's caches
        (await client.get(case.path, params=params)).raise_for_status()
    latencies: list[float] = []
    queue = list(range(requests))

    async def worker() -> None:
        while queue:
            queue.pop()
            started = time.perf_counter()
            response = await client.get(case.path, params=params)
            latencies.append(time.perf_counter() - started)
            response.raise_for_status()

    wall = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - wall
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Timing(len(latencies) / wall, statistics.median(latencies) * 1000, p99 * 1000)


async def main() -> int:
    args = parse_args()
    base, _, _ = args.admin_url.rpartition("/")
    url = f"{base.replace('postgresql', 'postgresql+asyncpg', 1)}/{args.database}"
    started = time.perf_counter()
    await create_database(args.admin_url, args.database)
    upgrade(url)
    await load(url, args)
    print(
        f"loaded {args.events:,} events ({args.people:,} people, {args.companies:,} companies, "
        f"{UNDATED_SHARE:.0%} undated) into {args.database} in {time.perf_counter() - started:.1f} s"
    )
    person_id = await busiest(url, "person_id")
    company_id = await busiest(url, "organization_id")
    limit = str(args.limit)
    cases = [
        Case("company timeline", f"/companies/{company_id}/timeline", {"limit": limit}),
        Case("person timeline", f"/people/{person_id}/timeline", {"limit": limit}),
        Case("/events type+since", "/events", {"type": "departure", "since": "2000", "limit": limit}),
    ]
    port = free_port()
    server = start_server(url, port)
    rows = []
    deep_cursors: dict[str, str] = {}
    try:
        limits = httpx.Limits(max_connections=args.concurrency)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30
        ) as client:
            await wait_until_up(client, server)
            for case in cases:
                deep_cursors[case.name] = await follow(client, case, args.depth)
                first = await time_case(client, case, None, args.requests, args.concurrency)
                deep = await time_case(client, case, deep_cursors[case.name], args.requests, args.concurrency)
                rows.append((case, first, deep))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)

    print(
        f"\n{args.requests} requests per case, concurrency {args.concurrency}, page size {args.limit}, "
        f"deep page = after {args.depth} pages"
    )
    print(f"{'case':<22}{'page':<7}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}   deep/first p50")
    worst = 0.0
    for case, first, deep in rows:
        ratio = deep.p50_ms / first.p50_ms
        worst = max(worst, ratio)
        for label, t in (("first", first), ("deep", deep)):
            tail = f"   {ratio:.2f}x" if label == "deep" else ""
            print(
                f"{case.name:<22}{label:<7}{t.requests_per_second:>8.1f}{t.p50_ms:>9.1f}{t.p99_ms:>9.1f}{tail}"
            )
    print(f"worst deep/first p50 ratio: {worst:.2f}x (target <= 2x): {'OK' if worst <= 2 else 'OVER'}")

    deep = deep_cursors
    plans = await explain(
        url,
        [
            (
                "company timeline",
                deep_statement("organization", company_id, {}, deep[cases[0].name], args.limit),
            ),
            ("person timeline", deep_statement("person", person_id, {}, deep[cases[1].name], args.limit)),
            (
                "/events type+since",
                deep_statement(
                    None, 0, {"types": ["departure"], "since": "2000"}, deep[cases[2].name], args.limit
                ),
            ),
        ],
    )
    print("\nquery plans of the deep pages (EXPLAIN ANALYZE):")
    for name, plan, uses_index in plans:
        print(f"  {name}: {'uses a timeline index' if uses_index else 'NO INDEX USED'}\n      {plan}")
    if not args.keep:
        await drop_database(args.admin_url, args.database)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
