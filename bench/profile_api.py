"""Where a timeline request's time goes: pyinstrument over the app called in-process.

Runs --requests GETs of one URL straight into the ASGI app (no HTTP server, no client: what is
left is tenure, Litestar, SQLAlchemy and the driver), one at a time, against a database
bench/api.py left (--keep). Prints the share of samples per stage, each sample given to the
innermost stage on its stack, then pyinstrument's own tree when --tree is given.

    .venv/bin/python bench/api.py --database h_bench --keep        # once, to load the data
    .venv/bin/python bench/profile_api.py postgresql+asyncpg://postgres@127.0.0.1/h_bench \\
        /companies/1/timeline?limit=50
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from typing import Any

from pyinstrument import Profiler

from tenure.api.app import create_app
from tenure.settings import load_settings

# (stage, substrings of a frame "function\x00file\x00line" that place a sample in it), innermost
# match wins; the order breaks ties within one frame.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("log masking", ("security/redact.py",)),
    ("rate limiting", ("security/ratelimit.py",)),
    ("auth and key lookup", ("require_api_key", "security/keys.py")),
    ("time-zone conversion", ("local_time",)),
    ("serialisation (msgspec)", ("msgspec", "litestar/serialization", "encode_json")),
    ("ORM row loading", ("sqlalchemy/orm/loading.py", "sqlalchemy/orm/strategies.py")),
    ("connection checkout", ("sqlalchemy/pool/", "_checkout", "pre_ping", "do_ping")),
    ("session set-up and transaction", ("sqlalchemy/orm/session.py", "sqlalchemy/ext/asyncio/session.py")),
    ("statement compile and cache", ("sqlalchemy/sql/compiler.py", "sqlalchemy/sql/cache_key.py")),
    ("driver and wire (asyncpg, aiosqlite)", ("asyncpg", "aiosqlite", "sqlalchemy/dialects/")),
    ("other SQLAlchemy", ("sqlalchemy/",)),
    ("merge following (canonical entity)", ("canonical_entity", "resolve_entity")),
    ("sources query", ("source_rows", "_sources")),
    ("view building", ("views_of_rows", "event_out", "timeline_out", "event_page_out", "page_out")),
    ("timeline reads (tenure.timelines)", ("tenure/timelines/",)),
    ("Litestar routing, DI, responses", ("litestar/",)),
    ("event loop", ("asyncio/",)),
)


def stage_of(stack: list[str]) -> str:
    for frame in reversed(stack):
        for stage, marks in STAGES:
            if any(mark in frame for mark in marks):
                return stage
    return "other"


async def call(app: Any, target: str) -> int:
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database_url")
    parser.add_argument("target", help="path and query, e.g. /people/1/timeline?limit=50")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = parser.parse_args()
    settings = load_settings(database_url=args.database_url, rate_limit_per_minute=600, log_level="WARNING")
    app = create_app(settings)
    async with app.lifespan():
        for _ in range(50):  # warm the pool, the statement caches and PostgreSQL's
            if (status := await call(app, args.target)) != 200:
                raise SystemExit(f"{args.target}: HTTP {status}")
        profiler = Profiler(interval=0.0002, async_mode="enabled")
        started = time.perf_counter()
        profiler.start()
        for _ in range(args.requests):
            await call(app, args.target)
        profiler.stop()
        wall = time.perf_counter() - started
    session = profiler.last_session
    assert session is not None
    shares: Counter[str] = Counter()
    for stack, seconds in session.frame_records:
        shares[stage_of(stack)] += seconds
    total = sum(shares.values())
    print(f"{args.requests} requests of {args.target}: {wall / args.requests * 1000:.2f} ms each, in-process")
    for stage, seconds in shares.most_common():
        print(f"  {seconds / total:6.1%}  {seconds / args.requests * 1000:6.3f} ms  {stage}")
    if args.tree:
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
