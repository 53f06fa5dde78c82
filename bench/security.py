"""What the trust layer costs per request: the API-key guard, the rate limit, and log masking.

Builds the app on a scratch SQLite database with one article and one key, then times GET /events
in-process (Litestar's test client, no network) in three ways: no key (open read), a valid key
(hash, indexed lookup, constant-time compare, bucket), and the guard turned off. Also times the
address guard's check of a resolved name and `redact` on a typical log line. Prints medians.

    .venv/bin/python bench/security.py                 # 400 requests per case
    .venv/bin/python bench/security.py --requests 1000
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import ipaddress
import statistics
import tempfile
import time
from pathlib import Path

from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade
from tenure.security.addresses import resolve_and_check
from tenure.security.keys import create_key
from tenure.security.redact import redact
from tenure.settings import Settings

ARTICLE = "Harbor Lane Logistics said on Monday that Priya Okafor will become chief executive."


async def _seed(url: str) -> str:
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        published = dt.datetime(2025, 10, 21, 9, 30, tzinfo=dt.UTC)
        await ingest_article(sessions, ArticleInput(text=ARTICLE, published_at=published))
        return (await create_key(sessions, "bench")).plaintext
    finally:
        await engine.dispose()


async def _time_requests(
    settings: Settings, headers: dict[str, str], n: int, require_keys: bool
) -> list[float]:
    app = create_app(settings, require_keys=require_keys)
    times: list[float] = []
    async with AsyncTestClient(app=app) as client:
        for _ in range(20):  # warm-up
            await client.get("/events", headers=headers)
        for _ in range(n):
            started = time.perf_counter()
            response = await client.get("/events", headers=headers)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.text
    return times


async def _address_check_us(n: int) -> float:
    async def resolver(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("2606:2800:220:1::248")]

    started = time.perf_counter()
    for _ in range(n):
        await resolve_and_check("https://hooks.example.com/tenure", (), resolver=resolver)
    return (time.perf_counter() - started) / n * 1e6


def _redact_us(n: int) -> float:
    line = '127.0.0.1:5000 - "GET /people/12/timeline?type=departure&limit=50 HTTP/1.1" 200'
    started = time.perf_counter()
    for _ in range(n):
        redact(line)
    return (time.perf_counter() - started) / n * 1e6


async def main(requests: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        key = await _seed(url)
        settings = Settings(database_url=url, rate_limit_per_minute=1_000_000)
        cases = {
            "guard off": ({}, False),
            "open read, no key": ({}, True),
            "valid key": ({"Authorization": f"Bearer {key}"}, True),
        }
        medians: dict[str, float] = {}
        for name, (headers, require_keys) in cases.items():
            times = await _time_requests(settings, headers, requests, require_keys)
            medians[name] = statistics.median(times) * 1000
        base = medians["guard off"]
        print(f"GET /events in-process on SQLite, {requests} requests per case (median ms)")
        for name, ms in medians.items():
            print(f"  {name:<20} {ms:6.2f} ms   ({ms / base:4.2f}x guard off)")
    print(f"address guard, a name with 2 addresses (fake resolver): {await _address_check_us(5000):.1f} us")
    print(f"redact, one access-log line: {_redact_us(20000):.1f} us")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=400)
    asyncio.run(main(parser.parse_args().requests))
