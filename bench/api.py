"""API benchmark: timelines and /events over 100,000 events in PostgreSQL, first page vs deep page.

Creates a fresh database (`tenure_bench` by default, dropped and re-created from the server at
--admin-url), migrates it with the real migrations, bulk-loads people, companies, articles and
events with COPY, starts `tenure serve --workers N` on 127.0.0.1 in a subprocess, and times
three cases (a company timeline, a person timeline, a filtered /events page) at the first page
and at the page reached by following next_cursor --depth times, --concurrency requests at a
time over keep-alive connections. Prints requests/s and p50/p99 latency per case, the
deep/first ratio (the target is at most 2x), the ratio of the p50 request time to the query's
own execution time (EXPLAIN ANALYZE, median of several runs; the target is at most 5x), and
PostgreSQL's plan for each query.

    .venv/bin/python bench/api.py                # 100,000 events, 1000 requests per case
    .venv/bin/python bench/api.py --events 1000000 --workers 2 --database my_bench
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import asyncpg
import httpx
from sqlalchemy.dialects import postgresql

from tenure.ingest.merge import sort_date_for
from tenure.models.migrate import upgrade
from tenure.timelines.filters import parse_filter
from tenure.timelines.queries import EntityKind
from tenure.timelines.reads import events_query, timeline_query

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
    kind: EntityKind | None  # None: /events
    entity_id: int
    filter_args: dict[str, Any]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--database", default="tenure_bench")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--companies", type=int, default=300)
    parser.add_argument("--requests", type=int, default=1000, help="timed requests per case")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=1, help="server processes (tenure serve --workers)")
    parser.add_argument("--explain-runs", type=int, default=7, help="EXPLAIN ANALYZE runs per query")
    parser.add_argument("--depth", type=int, default=50, help="pages followed before the deep page")
    parser.add_argument("--limit", type=int, default=50, help="page size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database a --keep run left if it holds --events events"
    )
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


@dataclass(frozen=True)
class Plan:
    name: str
    page: str
    execution_ms: float  # median EXPLAIN ANALYZE execution time of the page's statements, summed
    text: str
    uses_index: bool


async def explain(url: str, name: str, page: str, statements: Sequence[Any], runs: int) -> Plan:
    """PostgreSQL's plan of a page's statements and their median execution time (EXPLAIN ANALYZE)."""
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    total = 0.0
    shown: list[str] = []
    uses_index = False
    try:
        for statement in statements:
            sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
            times = []
            for _ in range(runs):
                plan = [r[0] for r in await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")]
                times.append(float(plan[-1].split(":")[1].split()[0]))  # "Execution Time: 0.123 ms"
            total += statistics.median(times)
            uses_index = uses_index or any("ix_events_" in line for line in plan)
            # The top line (total time), the index and sort lines, and the execution time.
            shown += [plan[0], *(line for line in plan[1:] if "Index" in line or "Sort" in line), plan[-1]]
    finally:
        await conn.close()
    return Plan(name, page, total, "\n      ".join(line.strip() for line in shown), uses_index)


def page_statements(
    kind: EntityKind | None,
    entity_id: int,
    filter_args: dict[str, Any],
    cursor: str | None,
    limit: int,
) -> list[Any]:
    """The statement the API runs for this page (built by the same functions): one, with the
    subject and the events' sources in it."""
    event_filter = parse_filter(**filter_args)
    if kind is None:
        statement, parameters = events_query(event_filter, cursor, limit)
    else:
        statement, parameters = timeline_query(kind, entity_id, event_filter, cursor, limit)
    return [statement.params(parameters)]


# --- serving and timing -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TENURE_DATABASE_URL": url,
        "TENURE_LOG_LEVEL": "WARNING",
        "TENURE_PAGE_SIZE_MAX": "500",
        # The per-client rate limit would cap the benchmark, not measure the API.
        "TENURE_RATE_LIMIT_PER_MINUTE": "0",
    }
    tenure = str(Path(sys.executable).parent / "tenure")
    command = [tenure, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"]
    if workers != 1:
        command += ["--workers", str(workers)]
    return subprocess.Popen(command, env=env, cwd=ROOT)


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
    server_cpu_ms: float  # CPU time of the server's processes per request
    client_cpu_ms: float  # and of this benchmark's own client
    database_cpu_ms: float  # and of every PostgreSQL process on this machine


def _cpu_seconds(stat: str) -> tuple[str, int, float]:
    """(command name, parent pid, CPU seconds) from a /proc/<pid>/stat line."""
    name, rest = stat.split(" (", 1)[1].rsplit(")", 1)
    fields = rest.split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _processes() -> Iterator[tuple[int, str, int, float]]:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name, parent, cpu = _cpu_seconds((entry / "stat").read_text())
        except (OSError, ValueError, IndexError):
            continue  # gone while we read
        yield int(entry.name), name, parent, cpu


def cpu_seconds(server: int) -> tuple[float, float]:
    """CPU seconds used so far by the server (the process and its children) and by PostgreSQL's
    processes (the server is local: its backends, the checkpointer and the WAL writer all count
    against the same two cores as the API), from one pass over /proc."""
    served = database = 0.0
    for pid, name, parent, cpu in _processes():
        if server in (pid, parent):
            served += cpu
        elif name.startswith("postgres"):
            database += cpu
    return served, database


class KeepAlive:
    """A bare HTTP/1.1 keep-alive GET client: httpx costs more CPU per request than the server
    under test, and client and server share this machine's two cores."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def time_case(
    server: int, port: int, case: Case, cursor: str | None, requests: int, concurrency: int
) -> Timing:
    params = dict(case.params, **({"cursor": cursor} if cursor else {}))
    target = f"{case.path}?{urlencode(params)}"
    clients = [KeepAlive(port) for _ in range(concurrency)]
    latencies: list[float] = []
    remaining = requests

    async def worker(client: KeepAlive, count: int, timed: bool) -> None:
        nonlocal remaining
        for _ in range(count):
            started = time.perf_counter()
            status = await client.get(target)
            if timed:
                latencies.append(time.perf_counter() - started)
            if status != 200:
                raise SystemExit(f"{case.name}: HTTP {status} for {target}")

    try:
        # Warm every connection, the server's pools and PostgreSQL's caches.
        await asyncio.gather(*(worker(c, 5, False) for c in clients))
        wall, client_cpu, (server_cpu, database) = (
            time.perf_counter(),
            time.process_time(),
            cpu_seconds(server),
        )
        share, extra = divmod(requests, concurrency)
        await asyncio.gather(*(worker(c, share + (i < extra), True) for i, c in enumerate(clients)))
        wall = time.perf_counter() - wall
        client_cpu = time.process_time() - client_cpu
        server_now, database_now = cpu_seconds(server)
        server_cpu, database = server_now - server_cpu, database_now - database
    finally:
        for client in clients:
            client.close()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    count = len(latencies)
    return Timing(
        count / wall,
        statistics.median(latencies) * 1000,
        p99 * 1000,
        server_cpu * 1000 / count,
        client_cpu * 1000 / count,
        database * 1000 / count,
    )


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


async def loaded(url: str) -> int:
    """Events already in the benchmark database (0 when it does not exist)."""
    try:
        conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    except asyncpg.InvalidCatalogNameError:
        return 0
    try:
        return int(await conn.fetchval("SELECT count(*) FROM events"))
    except asyncpg.UndefinedTableError:
        return 0
    finally:
        await conn.close()


async def prepare(url: str, args: argparse.Namespace) -> None:
    started = time.perf_counter()
    if args.reuse and await loaded(url) == args.events:
        upgrade(url)  # a database kept from an older revision gains the newer migrations
        print(f"reusing {args.events:,} events in {args.database}")
        return
    await create_database(args.admin_url, args.database)
    upgrade(url)
    await load(url, args)
    print(
        f"loaded {args.events:,} events ({args.people:,} people, {args.companies:,} companies, "
        f"{UNDATED_SHARE:.0%} undated) into {args.database} in {time.perf_counter() - started:.1f} s"
    )


async def main() -> int:
    args = parse_args()
    base, _, _ = args.admin_url.rpartition("/")
    url = f"{base.replace('postgresql', 'postgresql+asyncpg', 1)}/{args.database}"
    await prepare(url, args)
    person_id = await busiest(url, "person_id")
    company_id = await busiest(url, "organization_id")
    limit = str(args.limit)
    cases = [
        Case(
            "company timeline",
            f"/companies/{company_id}/timeline",
            {"limit": limit},
            "organization",
            company_id,
            {},
        ),
        Case("person timeline", f"/people/{person_id}/timeline", {"limit": limit}, "person", person_id, {}),
        Case(
            "/events type+since",
            "/events",
            {"type": "departure", "since": "2000", "limit": limit},
            None,
            0,
            {"types": ["departure"], "since": "2000"},
        ),
    ]
    port = free_port()
    server = start_server(url, port, args.workers)
    rows = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            await wait_until_up(client, server)
            for case in cases:
                deep_cursor = await follow(client, case, args.depth)
                for page, cursor in (("first", None), ("deep", deep_cursor)):
                    timing = await time_case(server.pid, port, case, cursor, args.requests, args.concurrency)
                    statements = page_statements(
                        case.kind, case.entity_id, case.filter_args, cursor, args.limit
                    )
                    plan = await explain(url, case.name, page, statements, args.explain_runs)
                    rows.append((case, page, timing, plan, load_average()))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)

    print(
        f"\n{args.events:,} events; {args.requests} requests per case, concurrency {args.concurrency}, "
        f"{args.workers} server worker(s), page size {args.limit}, deep page = after {args.depth} pages"
    )
    print(
        f"{'case':<22}{'page':<7}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'query ms':>10}"
        f"{'p50/query':>11}{'server CPU':>12}{'DB CPU':>9}{'client CPU':>12}   load average"
    )
    first_p50: dict[str, float] = {}
    worst_depth = worst_query = 0.0
    for case, page, timing, plan, load in rows:
        query_ratio = timing.p50_ms / plan.execution_ms
        worst_query = max(worst_query, query_ratio)
        if page == "first":
            first_p50[case.name] = timing.p50_ms
        else:
            worst_depth = max(worst_depth, timing.p50_ms / first_p50[case.name])
        print(
            f"{case.name:<22}{page:<7}{timing.requests_per_second:>8.1f}{timing.p50_ms:>9.2f}"
            f"{timing.p99_ms:>9.2f}{plan.execution_ms:>10.3f}{query_ratio:>10.1f}x"
            f"{timing.server_cpu_ms:>10.2f}ms{timing.database_cpu_ms:>7.2f}ms{timing.client_cpu_ms:>10.2f}ms   {load}"
        )
    print(
        f"worst deep/first p50 ratio: {worst_depth:.2f}x (target <= 2x): {'OK' if worst_depth <= 2 else 'OVER'}"
    )
    print(f"worst p50/query ratio: {worst_query:.1f}x (target <= 5x): {'OK' if worst_query <= 5 else 'OVER'}")

    print("\nquery plans (EXPLAIN ANALYZE):")
    for case, page, _timing, plan, _load in rows:
        used = "uses a timeline index" if plan.uses_index else "NO INDEX USED"
        print(f"  {case.name}, {page} page: {used}\n      {plan.text}")
    if not args.keep:
        await drop_database(args.admin_url, args.database)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
