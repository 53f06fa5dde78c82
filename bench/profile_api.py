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

# (stage, substrings of a frame "function\x00file\x00line"): a sample goes to the first stage
# with a frame on its stack, so a stage includes the library work done for it (a query's driver
# calls count as that query).
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rate limiting", ("security/ratelimit.py",)),
    ("log masking", ("security/redact.py",)),
    ("auth and key lookup", ("require_api_key", "security/keys.py")),
    ("connection checkout (pool, pre-ping)", ("sqlalchemy/pool/", "_checkout", "do_ping")),
    ("time-zone conversion", ("local_time",)),
    ("merge following (canonical entity)", ("canonical_entity",)),
    ("sources query", ("source_rows",)),
    ("ORM row loading", ("sqlalchemy/orm/loading.py",)),
    ("view building", ("views_of_rows", "event_out", "_event\x00", "_source\x00")),
    ("page query (compile, execute, rows)", ("_page\x00", "timeline_rows", "events_page_rows")),
    ("serialisation (msgspec)", ("msgspec", "litestar/serialization", "encode_json")),
    ("session set-up and close", ("provide_session", "sqlalchemy/orm/session.py", "asyncio/session.py")),
    ("Litestar routing, DI, responses", ("litestar/",)),
)
# Samples spent waiting for PostgreSQL (the loop idle in select): not CPU, reported apart.
IDLE = ("[await]", "select\x00")


def stage_of(stack: list[str]) -> str:
    if any(mark in stack[-1] for mark in IDLE):
        return "idle: waiting for the database"
    for stage, marks in STAGES:
        if any(mark in frame for frame in stack for mark in marks):
            return stage
        if stage == "ORM row loading" and not any(__file__ in frame for frame in stack):
            # SQLAlchemy's async layer runs the sync ORM in a greenlet: its frames sit apart from
            # the request's stack, so the query they serve cannot be told.
            return "SQLAlchemy in its greenlet (execute, compile, result rows)"
    return "other (event loop, ASGI glue)"


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
    settings = load_settings(database_url=args.database_url, rate_limit_per_minute=0, log_level="WARNING")
    app = create_app(settings)
    async with app.lifespan():
        for _ in range(50):  # warm the pool, the statement caches and PostgreSQL's
            if (status := await call(app, args.target)) != 200:
                raise SystemExit(f"{args.target}: HTTP {status}")
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.requests):
            await call(app, args.target)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(
            f"{args.requests} requests of {args.target}, in-process, unprofiled: "
            f"{wall * 1000 / args.requests:.2f} ms each, {cpu * 1000 / args.requests:.2f} ms of CPU"
        )
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
    idle = shares.pop("idle: waiting for the database", 0.0)
    busy = sum(shares.values())
    per = 1000 / args.requests
    print(f"profiled (the profiler slows each request): {wall * per:.2f} ms each")
    print(f"  busy {busy * per:.3f} ms a request, shares of it:")
    for stage, seconds in shares.most_common():
        print(f"  {seconds / busy:6.1%}  {seconds * per:6.3f} ms  {stage}")
    print(f"  and {idle * per:.3f} ms a request idle, waiting for the database")
    if args.tree:
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
