"""Throughput and worst cases of the extraction engine (`tenure.extractors.extract`), on one core.

Corpus: at least 500 articles of about 3 KB. They are built from the project's own `seeds/*.md`
(paragraphs reshuffled, publication times shifted so every article resolves its dates afresh);
while there are no seeds, from news-style templates in this file. Prints articles/s (target: 60
per CPU second, dateparser included), per-article p50/p99 latency, dateparser calls and cache
hits per article, peak memory, then the seconds each pathological input takes (target < 2 s).

    .venv/bin/python bench/extract.py [--articles 500] [--seed-dir seeds] [--synthetic] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from tenure.extractors import extract
from tenure.extractors.dates.spans import DATEPARSER_STATS, find_dates, parse_published_at
from tenure.extractors.text.front_matter import read_front_matter

TARGET_BYTES = 3_000
TARGET_ARTICLES_PER_CPU_SECOND = 60  # with dateparser resolving spans at run time
PATHOLOGICAL_TARGET_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published_at: datetime


# --- corpus from seeds --------------------------------------------------------------------------------


def seed_paragraphs(seed_dir: Path) -> list[tuple[list[str], datetime]]:
    """Each seed article's body paragraphs and publication time (files without one are skipped)."""
    seeds = []
    for path in sorted([*seed_dir.glob("*.md"), *seed_dir.glob("*.html")]):
        raw = path.read_text(encoding="utf-8", errors="replace")
        front = read_front_matter(raw)
        published = front.fields.get("published_at")
        if not published:  # not an article (the folder's README)
            continue
        try:
            published_at = parse_published_at(published)
        except ValueError:
            published_at = parse_published_at("2025-01-15")
        paragraphs = [p.strip() for p in raw[front.body_start :].split("\n\n") if p.strip()]
        if paragraphs:
            seeds.append((paragraphs, published_at))
    return seeds


def corpus_from_seeds(
    seeds: list[tuple[list[str], datetime]], count: int, rng: random.Random
) -> list[Article]:
    """Articles of about 3 KB: a seed's paragraphs in order, topped up from other seeds."""
    articles = []
    for index in range(count):
        paragraphs, published_at = seeds[index % len(seeds)]
        parts = list(paragraphs)
        while sum(len(p) + 2 for p in parts) < TARGET_BYTES:
            parts.append(rng.choice(rng.choice(seeds)[0]))
        text = "\n\n".join(parts)
        if len(text) > TARGET_BYTES * 1.5:
            text = text[: int(TARGET_BYTES * 1.5)].rsplit("\n\n", 1)[0]
        articles.append(Article(text, published_at + timedelta(hours=7 * index)))
    return articles


# --- synthetic corpus (fallback while seeds/ is empty) --------------------------------------------------

FIRST = (
    "Vesna",
    "Orrin",
    "Tamsin",
    "Ravi",
    "Ilse",
    "Corin",
    "Milo",
    "Pell",
    "Anouk",
    "Dario",
    "Keziah",
    "Linus",
)
LAST = (
    "Holt",
    "Vale",
    "Orr",
    "Okafor",
    "Marr",
    "Pike",
    "Brandt",
    "Dorsey",
    "Visser",
    "Renn",
    "Achebe",
    "Strand",
)
COMPANIES = ("Quillon Labs", "Brightmoor Bank", "Kestrel Robotics", "Solent Health", "Arden Mills",
             "Fenwick Insurance", "Lark Systems", "Corvid Games", "Meridian Freight", "Quay Energy")  # fmt: skip
ROLES = ("chief executive", "chief financial officer", "chief technology officer", "president",
         "head of research", "chief operating officer", "general counsel")  # fmt: skip
WHEN = ("on Tuesday", "yesterday", "last week", "three hours ago", "earlier this month", "on Nov. 6",
        "in March 2014", "in 2013", "last April", "on 17 October", "this week", "two days ago")  # fmt: skip
FUTURE = ("effective March 1", "next year", "next month", "effective Oct. 1", "later this year")

PARAGRAPHS = (
    "{p1}, the {role} of {c1}, said {when} that {s1} would step down {future}, ending a tenure that "
    "began in {year}. The company did not name a successor, and a spokesperson declined to comment "
    "on whether the search had started.",
    "{c1} named {p2} as its new {role} {when}. {p2s} joins from {c2}, where {s2} ran the division "
    "for six years and oversaw its expansion into three new markets, according to a statement.",
    "{p1s} departure follows a difficult stretch for {c1}, whose shares have fallen by a fifth since "
    "{year}. Analysts at two brokerages said the move had been expected since the {year2} annual meeting.",
    "{c2}, founded by {p2} in {year}, raised $40 million in a Series B round {when}, led by Harrow "
    "Ventures, valuing the company at about $300 million, people familiar with the matter said.",
    "{p2} will report to {p1} rather than to the chief operating officer, the company said in a memo "
    "sent around 9 p.m., November 11, which was seen by reporters.",
    "{p1} received the {year} Harlan Prize for work on distributed ledgers, an honour shared with "
    "{p2}. The prize, worth $1 million, was presented at a ceremony {when}.",
    "Industry watchers noted that turnover among senior executives has risen sharply over the past "
    "decade, with more than 2,018 departures recorded in a single year and a median tenure of 4.6 years.",
    "In a post on LinkedIn {when}, {p2} wrote that {s2} was proud of the team and planned to take "
    "some time off before deciding what comes next. {s2c} did not answer calls seeking comment.",
    "The board said it had appointed an interim {role} while it considers candidates, and that the "
    "search committee would report back {future}. Details of compensation were not disclosed.",
    "{c1} was among the first companies in its sector to publish a succession plan, a practice it "
    "adopted in {year} after a proxy fight with an activist investor that lasted most of that year.",
)


def synthetic_article(rng: random.Random, index: int) -> Article:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
    companies = rng.sample(COMPANIES, 2)
    pronouns = [rng.choice(("he", "she")) for _ in range(2)]
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < TARGET_BYTES:
        paragraphs.append(
            rng.choice(PARAGRAPHS).format(
                p1=people[0],
                p2=people[1],
                p1s=people[0] + "'s",
                p2s=people[1].split()[0],
                s1=pronouns[0],
                s2=pronouns[1],
                s2c=pronouns[1].capitalize(),
                c1=companies[0],
                c2=companies[1],
                role=rng.choice(ROLES),
                when=rng.choice(WHEN),
                future=rng.choice(FUTURE),
                year=rng.randint(1995, 2024),
                year2=rng.randint(2015, 2024),
            )  # fmt: skip
        )
    title = f"# {companies[0]} {rng.choice(ROLES)} {people[0]} to step down\n\n"
    offset = timezone(timedelta(hours=rng.choice((-5, 0, 1, 8))))
    published = datetime(2025, 1, 1, 9, tzinfo=UTC) + timedelta(hours=13 * index)
    return Article(title + "\n\n".join(paragraphs), published.astimezone(offset))


def build_corpus(count: int, seed_dir: Path, synthetic: bool) -> tuple[list[Article], str]:
    rng = random.Random(20251112)
    seeds = [] if synthetic else seed_paragraphs(seed_dir)
    if seeds:
        return corpus_from_seeds(seeds, count, rng), f"{len(seeds)} seed articles in {seed_dir}"
    return [synthetic_article(rng, i) for i in range(count)], "synthetic templates (no seeds found)"


# --- measurements ---------------------------------------------------------------------------------------


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run_throughput(articles: list[Article]) -> tuple[float, float, list[float], int]:
    """Wall seconds, CPU seconds of this process, per-article wall latencies, events found.

    CPU seconds are reported too because the machine may be shared: other jobs stretch wall time.
    """
    extract(articles[0].text, articles[0].published_at)  # warm up: lazy tables, regex compilation
    DATEPARSER_STATS.calls = DATEPARSER_STATS.hits = 0
    latencies = []
    events = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        before = time.perf_counter()
        events += len(extract(article.text, article.published_at))
        latencies.append(time.perf_counter() - before)
    return time.perf_counter() - started, time.process_time() - cpu_started, latencies, events


def time_find_dates(articles: list[Article]) -> float:
    """Seconds find_dates alone takes over the corpus (on the raw text: close to what the engine
    gives it after cleaning), to tell the date finder's share from the engine's."""
    started = time.perf_counter()
    for article in articles:
        find_dates(article.text, article.published_at)
    return time.perf_counter() - started


def peak_traced_memory(articles: list[Article]) -> int:
    """Peak Python allocation while extracting the corpus (a separate pass: tracing slows it down)."""
    tracemalloc.start()
    for article in articles:
        extract(article.text, article.published_at)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def pathological_inputs() -> dict[str, str]:
    words = "the chief executive said she would leave the company and join a rival firm next spring "
    return {
        "200 KB no punctuation": (words * (200_000 // len(words) + 1))[:200_000],
        "200 KB all capitals": (
            "THE CEO OF ACME CORP, JOHN SMITH, SAID ON TUESDAY HE WILL STEP DOWN IN MAY. " * 2700
        )[:200_000],
        '"Nov 6 " x 10,000': "Nov 6 " * 10_000,
        '"2018 " x 10,000': "2018 " * 10_000,
        "200 KB one line of letters": ("abcdefghij" * 20_000),
    }


def time_pathological(published_at: datetime) -> list[tuple[str, float, float, int]]:
    """Per input: wall seconds, CPU seconds of this process, events found."""
    results = []
    for name, text in pathological_inputs().items():
        started, cpu_started = time.perf_counter(), time.process_time()
        events = extract(text, published_at)
        results.append((name, time.perf_counter() - started, time.process_time() - cpu_started, len(events)))
    return results


def profile(articles: list[Article], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        extract(article.text, article.published_at)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed-dir", type=Path, default=Path(__file__).resolve().parent.parent / "seeds")
    parser.add_argument("--synthetic", action="store_true", help="use the templates even when seeds exist")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the corpus run instead")
    parser.add_argument("--skip-pathological", action="store_true")
    args = parser.parse_args(argv)

    pinned = pin_to_one_core()
    articles, origin = build_corpus(args.articles, args.seed_dir, args.synthetic)
    sizes = [len(a.text.encode("utf-8")) for a in articles]
    print(
        f"corpus: {len(articles)} articles from {origin}, median {statistics.median(sizes):,.0f} bytes; {pinned}"
    )
    if args.profile:
        profile(articles, 30)
        return 0

    elapsed, cpu, latencies, events = run_throughput(articles)
    rate = len(articles) / elapsed
    print(
        f"throughput: {rate:,.1f} articles/s wall, {len(articles) / cpu:,.1f} articles per CPU second "
        f"({events:,} events in {elapsed:.2f} s)"
    )
    print(
        f"latency per article: p50 {percentile(latencies, 0.5) * 1000:.2f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.2f} ms, max {max(latencies) * 1000:.2f} ms"
    )
    calls, hits = DATEPARSER_STATS.calls, DATEPARSER_STATS.hits
    print(
        f"dateparser: {calls / len(articles):.2f} calls and {hits / len(articles):.2f} cache hits per article "
        f"({hits / max(1, calls + hits):.0%} of resolutions from the cache)"
    )
    dates_seconds = time_find_dates(articles)
    print(
        f"of which find_dates: {dates_seconds / len(articles) * 1000:.2f} ms/article "
        f"({dates_seconds / elapsed:.0%} of the extraction time)"
    )
    peak = peak_traced_memory(articles)
    max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"memory: peak traced allocation {peak / 1e6:.1f} MB; process max RSS {max_rss_kb / 1024:.1f} MB")

    worst = 0.0
    if not args.skip_pathological:
        print("pathological inputs (target < 2 s each, judged on CPU time):")
        for name, seconds, cpu_seconds, count in time_pathological(datetime(2025, 11, 12, tzinfo=UTC)):
            worst = max(worst, cpu_seconds)
            flag = "ok" if cpu_seconds < PATHOLOGICAL_TARGET_SECONDS else "SLOW"
            print(f"  {name:<28} {seconds:6.3f} s wall {cpu_seconds:6.3f} s CPU  {count:>5} events  {flag}")
    fast_enough = len(articles) / cpu >= TARGET_ARTICLES_PER_CPU_SECOND
    return 0 if fast_enough and worst < PATHOLOGICAL_TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
