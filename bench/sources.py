"""Source polling benchmark: local feeds with article pages, one poller process, then four.

Serves --feeds RSS feeds of --items items each on 127.0.0.1 (spread over --hosts host names, each
item with its own article page, each feed with an ETag), follows them all in a fresh PostgreSQL
database, and polls them with N poller processes claiming from that database (FOR UPDATE SKIP
LOCKED). Pass 1 ingests every item; pass 2 makes every source due again and should be all 304s.
Prints, per N: items/s and polls/s of pass 1, polls/s of pass 2, and the share of 304s in pass 2.
The machine is shared, so compare the ratios between runs rather than the absolute figures.

    .venv/bin/python bench/sources.py                         # 200 feeds x 20 items, 1 then 4 pollers
    .venv/bin/python bench/sources.py --feeds 40 --items 10   # a quicker run
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import multiprocessing
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import asyncpg
from sqlalchemy import func, select, update

from tenure.models import Article, Source
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade
from tenure.settings import Settings
from tenure.sources.registry import NewSource, add_source
from tenure.sources.worker import poll_due_once

FIRST = ("Ada", "Bram", "Cleo", "Dara", "Emil", "Fenna", "Goran", "Hana", "Ivo", "Jora", "Kasper", "Lene")
LAST = (
    "Aldane",
    "Brisk",
    "Coldwell",
    "Dunmore",
    "Elstree",
    "Farrow",
    "Gellert",
    "Hollis",
    "Ingram",
    "Jessup",
)
COMPANY = (
    "Arlen",
    "Bexley",
    "Cobalt",
    "Dravet",
    "Embry",
    "Fairholt",
    "Glenmoor",
    "Hexa",
    "Ironvale",
    "Juniper",
)


def page(feed: int, item: int) -> bytes:
    person = f"{FIRST[item % len(FIRST)]} {LAST[feed % len(LAST)]}{feed}x{item}"
    company = f"{COMPANY[feed % len(COMPANY)]} Works {feed}"
    return (
        f"<!doctype html><html><head><title>{company} hires {person}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav><article><h1>{company} hires {person}</h1>"
        f"<p>{company} said on Monday that {person} will become its chief operating officer on March 1, "
        f"after six years at a rival group where the executive ran the northern plants.</p>"
        f"<p>The company, which employs {feed * 10 + item + 40} people, did not say who would lead the "
        f"plants in the meantime. Story {feed}-{item}.</p></article>"
        f"<footer>Bench Gazette</footer></body></html>"
    ).encode()


def feed_body(feed: int, items: int, host: str) -> bytes:
    entries = "".join(
        f"<item><title>Story {feed}-{n}</title><link>http://{host}/page/{feed}/{n}.html</link>"
        f'<guid isPermaLink="false">bench-{feed}-{n}</guid><pubDate>Mon, 03 Feb 2025 09:00:00 +0000</pubDate></item>'
        for n in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>{entries}</channel></rss>'.encode()


class Server:
    """Feeds at /feed/N.xml (ETag "fN", 304 when sent back) and pages at /page/N/K.html."""

    def __init__(self, items: int, hosts: int) -> None:
        self.counts = {"feed": 0, "not_modified": 0, "page": 0}
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                parts = self.path.strip("/").split("/")
                status, body, kind = 404, b"", "page"
                if parts[0] == "feed":
                    n = int(parts[1].removesuffix(".xml"))
                    kind, etag = "feed", f'"f{n}"'
                    if self.headers.get("If-None-Match") == etag:
                        status, kind = 304, "not_modified"
                    else:
                        status, body = 200, feed_body(n, items, f"site{n % hosts}.bench:{owner.port}")
                elif parts[0] == "page":
                    status, body = 200, page(int(parts[1]), int(parts[2].removesuffix(".html")))
                elif parts[0] == "robots.txt":
                    status, body = 200, b"User-agent: *\nAllow: /\n"
                with owner.lock:
                    owner.counts[kind] += 1
                self.send_response(status)
                self.send_header("Content-Type", "application/rss+xml" if kind == "feed" else "text/html")
                if parts[0] == "feed":
                    self.send_header("ETag", f'"f{parts[1].removesuffix(".xml")}"')
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        class Threaded(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

        self.server = Threaded(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


async def _loopback(host: str, port: int) -> list[ipaddress.IPv4Address]:
    return [ipaddress.IPv4Address("127.0.0.1")]


def settings_for(url: str, interval: float) -> Settings:
    return Settings(
        database_url=url,
        webhook_allow_hosts=("127.0.0.1",),
        sources_host_interval=interval,
        extra={"resolver": _loopback},
    )


def poller(url: str, interval: float, start: Any, done: Any) -> None:
    """One poller process: ready (imports done, database reached), then poll until none is due;
    puts on `done` the moment it finished (before the process's own shutdown)."""
    settings = settings_for(url, interval)

    async def run() -> None:
        engine = create_engine(url)
        try:
            sessions = session_factory(engine)
            async with sessions() as session:
                await session.execute(select(1))
            await asyncio.to_thread(start.wait)
            await poll_due_once(sessions, settings, progress=lambda *_: None)
            done.put(time.time())
        finally:
            await engine.dispose()

    asyncio.run(run())


async def _admin(admin_url: str, sql: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def prepare(url: str, feeds: int, hosts: int, port: int) -> None:
    engine = create_engine(url)
    sessions = session_factory(engine)
    settings = settings_for(url, 0)
    try:
        for n in range(feeds):
            await add_source(
                sessions,
                settings,
                NewSource(f"http://site{n % hosts}.bench:{port}/feed/{n}.xml", kind="feed"),
            )
    finally:
        await engine.dispose()


async def article_count(url: str, make_due: bool = False) -> int:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            if make_due:
                await session.execute(update(Source).values(next_poll_at=func.now()))
            return int((await session.execute(select(func.count()).select_from(Article))).scalar_one())
    finally:
        await engine.dispose()


def run_pass(url: str, workers: int, interval: float) -> float:
    """Seconds from the moment every poller is ready until the last one is done (start-up excluded)."""
    context = multiprocessing.get_context("spawn")
    start, done = context.Barrier(workers + 1), context.Queue()
    processes = [context.Process(target=poller, args=(url, interval, start, done)) for _ in range(workers)]
    for process in processes:
        process.start()
    start.wait()
    started = time.time()
    finished = [done.get() for _ in processes]
    for process in processes:
        process.join()
    return max(finished) - started


def bench(args: argparse.Namespace, workers: int) -> None:
    name = f"tenure_bench_sources_{workers}"
    asyncio.run(_admin(args.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_admin(args.admin_url, f'CREATE DATABASE "{name}"'))
    url = args.admin_url.rpartition("/")[0].replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{name}"
    try:
        upgrade(url)
        server = Server(args.items, args.hosts)
        asyncio.run(prepare(url, args.feeds, args.hosts, server.port))
        first = run_pass(url, workers, args.host_interval)
        stored = asyncio.run(article_count(url, make_due=True))
        before = dict(server.counts)
        second = run_pass(url, workers, args.host_interval)
        polls2 = (
            server.counts["feed"] + server.counts["not_modified"] - before["feed"] - before["not_modified"]
        )
        not_modified = server.counts["not_modified"] - before["not_modified"]
        print(
            f"{workers} poller(s): pass 1 {first:6.1f} s, {stored} articles, {stored / first:6.1f} items/s, "
            f"{args.feeds / first:5.2f} polls/s | pass 2 {second:5.1f} s, {polls2 / second:6.1f} polls/s, "
            f"304s {not_modified / max(polls2, 1):.0%}",
            flush=True,
        )
        server.server.shutdown()
    finally:
        asyncio.run(_admin(args.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument(
        "--hosts", type=int, default=20, help="host names the feeds and pages are spread over"
    )
    parser.add_argument(
        "--host-interval", type=float, default=0.0, help="seconds between requests to one host"
    )
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 4], help="poller processes, one run each"
    )
    args = parser.parse_args()
    print(f"{args.feeds} feeds x {args.items} items over {args.hosts} hosts, PostgreSQL", flush=True)
    for workers in args.workers:
        bench(args, workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
