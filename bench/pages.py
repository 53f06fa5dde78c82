"""Pages benchmark: server-side render time of a person page and a company page with 500 events
each, on PostgreSQL (the target is a median under 100 ms).

Creates a fresh database (`tenure_bench_pages`, dropped and re-created from the server at
--admin-url), migrates it, stores a person with 500 events across five companies and a company
with 500 events among 60 people (appointments and departures for its leadership chart), then
renders each page --requests times in process through Litestar's test client (the full app:
routing, queries, templates, the SVG chart) and prints the median and p90 wall time in
milliseconds, and the median CPU time the app spent (steadier on a busy machine).

    .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --requests 100
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import random
import statistics
import time

from api import create_database, drop_database
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.ingest.merge import sort_date_for
from tenure.models import Article, Event, EventSource, Organization, Person
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade
from tenure.names.keys import name_key
from tenure.settings import Settings

EVENTS = 500
TYPES = ("appointment", "departure", "award", "funding_round", "reporting_change", "founding")
ROLES = ("CEO", "CFO", "CTO", "COO", "chair", "president", "vice president of sales", "general counsel")
STATUSES = ("announced", "planned", "reported", "completed")
ARTICLE = "A paragraph of context about the company and the market it sells into. " * 30


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--database", default="tenure_bench_pages")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def random_date(rng: random.Random) -> tuple[str, str]:
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
    precision = rng.choice(("day", "day", "month", "year"))
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
    return text, precision


async def load(url: str) -> tuple[int, int]:
    """Store the data; returns (person id, company id)."""
    rng = random.Random(11)
    engine = create_engine(url)
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        people = [Person(name=f"Person {i:03d}", name_key=name_key(f"Person {i:03d}")) for i in range(61)]
        companies = [
            Organization(name=f"Company {i}", name_key=name_key(f"Company {i}", "organization"))
            for i in range(6)
        ]
        session.add_all(people + companies)
        await session.flush()
        star, busy = people[0], companies[0]
        plan = [(star, rng.choice(companies[1:])) for _ in range(EVENTS)]
        plan += [(rng.choice(people[1:]), busy) for _ in range(EVENTS)]
        for n, (person, company) in enumerate(plan):
            date, precision = random_date(rng)
            kind = TYPES[0] if n >= EVENTS and n % 5 < 2 else rng.choice(TYPES)
            status = rng.choice(STATUSES) if kind == "departure" else None
            event = Event(
                type=kind,
                person_id=person.id,
                organization_id=company.id,
                role=rng.choice(ROLES) if kind in ("appointment", "departure") else None,
                date=date,
                date_precision=precision,
                sort_date=sort_date_for(date, precision),
                status=status,
                details={},
                confidence=0.8,
            )
            evidence = f"{person.name} moved at {company.name} (event {n})."
            article = Article(
                url=f"https://bench.example.com/{n}",
                title=f"Story {n}",
                source="Bench News",
                published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                content_hash=f"{n:064d}",
                text=evidence + " " + ARTICLE,
                format="text",
            )
            session.add_all([event, article])
            await session.flush()
            session.add(
                EventSource(
                    event_id=event.id,
                    article_id=article.id,
                    evidence=evidence,
                    evidence_start=0,
                    evidence_end=len(evidence),
                    confidence=0.8,
                    rule_id="bench",
                )
            )
    await engine.dispose()
    return star.id, busy.id


async def time_pages(url: str, person_id: int, company_id: int, requests: int) -> None:
    app = create_app(Settings(database_url=url))
    async with AsyncTestClient(app=app) as client:
        for name, path in (("person page", f"/p/{person_id}"), ("company page", f"/c/{company_id}")):
            response = await client.get(path)
            assert response.status_code == 200, response.text[:300]
            shown = response.text.count('<li class="event">')
            for _ in range(3):  # warm up
                await client.get(path)
            times, cpu = [], []
            for _ in range(requests):
                start, start_cpu = time.perf_counter(), time.process_time()
                await client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            times.sort()
            p90 = times[int(len(times) * 0.9) - 1]
            # CPU time of this process (the app; PostgreSQL's own work is not in it) moves less
            # with the machine's load than the wall clock does.
            print(
                f"{name:<13} {path:<10} {shown} events  median {statistics.median(times):6.1f} ms"
                f"  p90 {p90:6.1f} ms  app CPU median {statistics.median(cpu):5.1f} ms"
                f"  ({len(response.content) // 1024} KiB)",
                flush=True,
            )


async def main() -> None:
    args = parse_args()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request would drown the figures
    base = args.admin_url.rsplit("/", 1)[0]
    url = f"{base.replace('postgresql', 'postgresql+asyncpg', 1)}/{args.database}"
    await create_database(args.admin_url, args.database)
    try:
        await asyncio.to_thread(upgrade, url)
        person_id, company_id = await load(url)
        load_1m = os.getloadavg()[0]
        print(
            f"PostgreSQL, {EVENTS} events per page, {args.requests} renders each (target: median < 100 ms); "
            f"load average {load_1m:.1f} on {os.cpu_count()} CPUs"
        )
        await time_pages(url, person_id, company_id, args.requests)
    finally:
        if not args.keep:
            await drop_database(args.admin_url, args.database)


if __name__ == "__main__":
    asyncio.run(main())
