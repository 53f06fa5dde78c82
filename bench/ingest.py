"""Ingestion throughput on both back ends: articles/s with 1 and N workers, extraction included.

Corpus: synthetic news-style articles built from templates in this file over a small cast
(fictional people and companies), so the same facts recur across articles and entity
resolution and cross-article merging do real work. Extraction runs for real; the figure
"extract only" isolates how much of an ingest is the engine (one core). Each run gets a fresh,
migrated database (SQLite file in a temp folder; PostgreSQL database named --pg-prefix...,
created and dropped) and ingests every article through the pipeline `tenure ingest` uses
(tenure.ingest.pipeline.ingest_many), then ingests them all again (all already known).
With --cli the articles are written as files and `tenure ingest FOLDER --workers N` runs as a
subprocess instead (its start-up included). Each figure is the median of --repeat runs, with
the load average (`uptime`) at the end of the runs beside it: the machine is shared.

    .venv/bin/python bench/ingest.py [--articles 400] [--workers 1,4] [--repeat 3]
        [--backends sqlite,postgres] [--cast wide|small] [--cli] [--pg-prefix tenure_bench_]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tenure.extractors import extract
from tenure.ingest.service import ArticleInput, IngestResult, ingest_article
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade

# The `tenure` script, run by this interpreter (so PYTHONPATH picks the tree under test).
_TENURE = "import sys; from tenure.cli import main; sys.exit(main())"
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


# The wide cast: made-up surnames and company names from syllables, 100 of each.
HEADS = ["Var", "Tol", "Mek", "Sund", "Orr", "Bal", "Dri", "Hask", "Kep", "Lun"]
TAILS = ["sen", "strom", "berg", "ard", "vik", "holt", "mann", "ley", "ton", "ez"]
KINDS = ["Freight", "Logistics", "Analytics", "Capital", "Biotech", "Energy", "Media", "Robotics"]


def cast(size: str, rng: random.Random) -> tuple[list[str], list[str]]:
    """People and companies. "small": 40 people sharing 4 surnames and 10 companies, so nearly
    every article touches what the previous ones did; "wide": 400 people over 100 surnames and
    100 companies, closer to a news feed, where most articles are unrelated."""
    if size == "small":
        return [f"{first} {last}" for first in FIRST for last in LAST][:40], ORGS
    surnames = [head + tail for head in HEADS for tail in TAILS]
    people = [f"{rng.choice(FIRST)} {surname}" for surname in surnames for _ in range(4)]
    companies = [f"{head + tail} {rng.choice(KINDS)}" for head in HEADS for tail in TAILS]
    return sorted(set(people)), companies


def corpus(count: int, rng: random.Random, size: str = "wide") -> list[ArticleInput]:
    people, orgs = cast(size, rng)
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
                    org=rng.choice(orgs),
                    investor=rng.choice(orgs),
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


async def pipeline_run(url: str, articles: list[ArticleInput], workers: int) -> dict[str, float]:
    """Articles/s of a first ingest and of a second one (everything already known)."""
    upgrade(url)
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        began = time.perf_counter()
        results = await ingest_all(sessions, articles, workers)
        first = len(articles) / (time.perf_counter() - began)
        began = time.perf_counter()
        await ingest_all(sessions, articles, workers)
        again = len(articles) / (time.perf_counter() - began)
    finally:
        await engine.dispose()
    events = sum(len(result.events) for result in results)
    return {"articles/s": first, "known articles/s": again, "events/article": events / len(articles)}


async def ingest_all(sessions: Any, articles: list[ArticleInput], workers: int) -> list[IngestResult]:
    """Through tenure.ingest.pipeline; in a tree without it (the "before" figures), N tasks
    calling the front door."""
    try:
        from tenure.ingest.pipeline import Outcome, ingest_many
    except ImportError:
        queue, results = list(reversed(articles)), []

        async def worker() -> None:
            while queue:
                results.append(await ingest_article(sessions, queue.pop()))

        await asyncio.gather(*(worker() for _ in range(workers)))
        return results
    outcomes: list[Outcome] = []
    items = [(f"article {n}", article, None) for n, article in enumerate(articles)]
    await ingest_many(sessions, items, outcomes.append, workers=workers)
    failed = [o for o in outcomes if o.result is None]
    if failed:
        raise SystemExit(f"{len(failed)} articles failed, first: {failed[0].label}: {failed[0].error}")
    return [o.result for o in outcomes if o.result is not None]


def cli_run(url: str, articles: list[ArticleInput], workers: int) -> dict[str, float]:
    """`tenure ingest FOLDER --workers N` as a subprocess: wall-clock articles/s, start-up included."""
    upgrade(url)
    with tempfile.TemporaryDirectory() as folder:
        for n, article in enumerate(articles):
            front = f"---\nurl: {article.url}\npublished_at: {article.published_at.isoformat()}\n---\n"
            (Path(folder) / f"{n:06d}.md").write_text(front + article.text, encoding="utf-8")
        env = {**os.environ, "TENURE_DATABASE_URL": url}
        command = [sys.executable, "-c", _TENURE, "ingest", folder, "--workers", str(workers)]
        figures = {}
        for label in ("articles/s", "known articles/s"):
            began = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"tenure ingest failed ({done.returncode}): {done.stderr.strip()[:500]}")
            figures[label] = len(articles) / (time.perf_counter() - began)
    return figures


def one_run(
    backend: str, articles: list[ArticleInput], workers: int, cli: bool, prefix: str
) -> dict[str, float]:
    def run(url: str) -> dict[str, float]:
        return cli_run(url, articles, workers) if cli else asyncio.run(pipeline_run(url, articles, workers))

    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            return run(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
    name, url = pg_database(prefix)
    try:
        return run(url)
    finally:
        drop_pg(name)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


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
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", default="1,4", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is printed)")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--cast", choices=("wide", "small"), default="wide", help="see cast()")
    parser.add_argument("--cli", action="store_true", help="run `tenure ingest` as a subprocess")
    parser.add_argument("--pg-prefix", default="tenure_bench_", help="name prefix of the scratch PG database")
    args = parser.parse_args()
    articles = corpus(args.articles, random.Random(7), args.cast)
    began = time.perf_counter()
    for article in articles:
        extract(article.text, article.published_at, fmt=article.format)
    print(
        f"extract only (one core): {len(articles) / (time.perf_counter() - began):.0f} articles/s  [{load_average()}]"
    )
    path = "cli" if args.cli else "pipeline"
    for backend in args.backends.split(","):
        for workers in (int(w) for w in args.workers.split(",")):
            runs = [one_run(backend, articles, workers, args.cli, args.pg_prefix) for _ in range(args.repeat)]
            medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            spread = ", ".join(f"{run['articles/s']:.0f}" for run in runs)
            figures = ", ".join(f"{key} {value:.1f}" for key, value in medians.items())
            print(f"{backend} {path} workers={workers}: {figures} (runs: {spread})  [{load_average()}]")


if __name__ == "__main__":
    main()
