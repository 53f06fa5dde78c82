"""Ingestion throughput on both back ends: articles/s and per-article latency, sequential and concurrent.

Corpus: synthetic news-style articles built from templates in this file over a small cast
(fictional people and companies), so the same facts recur across articles and entity
resolution and cross-article merging do real work. Extraction runs for real; the figure
"extract only" isolates how much of an ingest is the engine. Each back end gets a fresh,
migrated database (SQLite file in a temp folder; PostgreSQL database created and dropped).

    .venv/bin/python bench/ingest.py [--articles 300] [--concurrency 8] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tenure.extractors import extract
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
FIRST = ["Ingrid", "Marta", "Tobias", "Elin", "Rafael", "Noor", "Jonas", "Aiko", "Bruno", "Clara"]
LAST = ["Solberg", "Quist", "Lind", "Haugen", "Moreau", "Okafor", "Brenner", "Tanaka", "Duarte", "Vance"]
ORGS = [
    "Halvorsen Freight",
    "Brenner Logistics",
    "Quayside Analytics",
    "Oakfield Capital",
    "Morrow Biotech",
    "Saltmarsh Energy",
    "Pinecrest Media",
    "Larkspur Robotics",
    "Tidewater Systems",
    "Corvid Security",
]
ROLES = ["chief executive", "chief technology officer", "chief financial officer", "chief operating officer"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
TEMPLATES = [
    "{person} will step down as {role} of {org} effective {month} {day}, the company said on Monday.",
    "{org} named {person} {role} on Tuesday, ending a search that lasted several months.",
    "{org} raised ${amount} million in a Series {series} round led by {investor} last week.",
    "{person} won the {prize} Prize in {year} for work on logistics software.",
    "{person}, who joined {org} in {year}, now reports to {boss}.",
]
FILLER = (
    "Analysts said the change had been expected for some time. The company's shares moved little "
    "in early trading, and a spokesperson declined to comment further on the matter."
)


def corpus(count: int, rng: random.Random) -> list[ArticleInput]:
    people = [f"{first} {last}" for first in FIRST for last in LAST][:40]
    start = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
    articles = []
    for n in range(count):
        paragraphs = []
        for _ in range(3):
            template = rng.choice(TEMPLATES)
            paragraphs.append(
                template.format(
                    person=rng.choice(people),
                    boss=rng.choice(people),
                    org=rng.choice(ORGS),
                    investor=rng.choice(ORGS),
                    role=rng.choice(ROLES),
                    month=rng.choice(MONTHS),
                    day=rng.randint(1, 28),
                    amount=rng.choice([20, 40, 85, 120]),
                    series=rng.choice("ABC"),
                    prize=rng.choice(["Kessler", "Aldgate"]),
                    year=rng.randint(2015, 2023),
                )
            )
            paragraphs.append(FILLER)
        published = start + timedelta(days=rng.randint(0, 600), hours=rng.randint(0, 23))
        text = f"# Briefing {n}\n\n" + "\n\n".join(paragraphs) + "\n"
        articles.append(
            ArticleInput(
                text=text, published_at=published, url=f"https://news.example.com/{n}", format="markdown"
            )
        )
    return articles


async def run_backend(url: str, articles: list[ArticleInput], concurrency: int) -> dict[str, float]:
    upgrade(url)
    engine = create_engine(url)
    sessions = session_factory(engine)
    half = len(articles) // 2
    latencies: list[float] = []
    events = 0
    try:
        began = time.perf_counter()
        for article in articles[:half]:
            t0 = time.perf_counter()
            result = await ingest_article(sessions, article)
            latencies.append(time.perf_counter() - t0)
            events += len(result.events)
        sequential = half / (time.perf_counter() - began)

        queue = list(articles[half:])

        async def worker() -> None:
            while queue:
                await ingest_article(sessions, queue.pop())

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        concurrent = (len(articles) - half) / (time.perf_counter() - began)
        again = time.perf_counter()
        for article in articles[:50]:
            await ingest_article(sessions, article)
        known = 50 / (time.perf_counter() - again)
    finally:
        await engine.dispose()
    latencies.sort()
    return {
        "sequential articles/s": sequential,
        "p50 ms": statistics.median(latencies) * 1000,
        "p99 ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        f"concurrent({concurrency}) articles/s": concurrent,
        "already-known articles/s": known,
        "events per article": events / half,
    }


def pg_database(prefix: str) -> tuple[str, str]:
    import asyncpg

    name = f"{prefix}{uuid.uuid4().hex[:8]}"

    async def create() -> None:
        conn = await asyncpg.connect(PG_ADMIN, timeout=5)
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.close()

    asyncio.run(create())
    return name, f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"


def drop_pg(name: str) -> None:
    import asyncpg

    async def drop() -> None:
        conn = await asyncpg.connect(PG_ADMIN, timeout=5)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()

    asyncio.run(drop())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--pg-prefix", default="tenure_bench_", help="name prefix of the scratch PG database")
    args = parser.parse_args()
    articles = corpus(args.articles, random.Random(7))
    began = time.perf_counter()
    for article in articles:
        extract(article.text, article.published_at, fmt=article.format)
    print(f"extract only: {len(articles) / (time.perf_counter() - began):.0f} articles/s")
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
                figures = asyncio.run(run_backend(url, articles, args.concurrency))
        else:
            name, url = pg_database(args.pg_prefix)
            try:
                figures = asyncio.run(run_backend(url, articles, args.concurrency))
            finally:
                drop_pg(name)
        print(f"{backend}: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
