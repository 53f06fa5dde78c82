"""Webhook benchmark: departure events to several subscribers on a local receiver.

Creates a fresh database (SQLite file, or a PostgreSQL database re-created from --admin-url),
migrates it, subscribes --subscribers URLs of a receiver on 127.0.0.1, starts `tenure worker` as
a separate process (as in production), then commits --events departure events, each in its own
transaction through the same outbox call the ingest service makes, at --rate events/s (0: as fast
as possible). Prints delivery latency from each event's commit to its receipt (p50/p99/max) and
deliveries/s. The target is p99 under 1 s with a healthy receiver.

    .venv/bin/python bench/webhooks.py                       # PostgreSQL, 1,000 events, 3 subscribers
    .venv/bin/python bench/webhooks.py --backend sqlite
    .venv/bin/python bench/webhooks.py --rate 0              # a burst: throughput rather than latency
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import asyncpg

from tenure.models import Event, Organization, Person
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import upgrade
from tenure.names.keys import name_key
from tenure.settings import Settings
from tenure.webhooks.outbox import EventChange, enqueue_event_changes
from tenure.webhooks.subscriptions import NewSubscription, create_subscription

TENURE = str(Path(sys.executable).parent / "tenure")


class Receiver:
    """Records (event id, receipt time) for every POST and answers 204 at once."""

    def __init__(self) -> None:
        self.received: list[tuple[int, float]] = []
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                at = time.time()
                with owner.lock:
                    owner.received.append((json.loads(body)["event"]["id"], at))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/subscriber-{n}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


async def _pg_admin(admin_url: str, sql: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def database(args: argparse.Namespace, workdir: str) -> str:
    if args.backend == "sqlite":
        return f"sqlite+aiosqlite:///{workdir}/bench.db"
    name = "tenure_bench_webhooks"
    asyncio.run(_pg_admin(args.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_pg_admin(args.admin_url, f'CREATE DATABASE "{name}"'))
    base = args.admin_url.rpartition("/")[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{name}"


async def prepare(url: str, receiver: Receiver, subscribers: int) -> tuple[int, int]:
    settings = Settings(database_url=url, webhook_allow_hosts=("127.0.0.1",))
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        for n in range(subscribers):
            await create_subscription(sessions, settings, NewSubscription(url=receiver.url(n)))
        async with sessions() as session, session.begin():
            person = Person(name="Wren Okafor", name_key=name_key("Wren Okafor", "person"))
            org = Organization(name="Calder Maritime", name_key=name_key("Calder Maritime", "organization"))
            session.add_all([person, org])
        return person.id, org.id
    finally:
        await engine.dispose()


async def produce(url: str, events: int, rate: float, person_id: int, org_id: int) -> dict[int, float]:
    """Commit one departure per transaction, with its outbox rows; returns event id -> commit time."""
    engine = create_engine(url)
    sessions = session_factory(engine)
    committed: dict[int, float] = {}
    start = time.perf_counter()
    try:
        for n in range(events):
            if rate > 0:
                await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
            async with sessions() as session, session.begin():
                event = Event(
                    type="departure",
                    person_id=person_id,
                    organization_id=org_id,
                    role=f"role {n}",
                    status="announced",
                    details={"status": "announced"},
                    confidence=0.9,
                )
                session.add(event)
                await session.flush()
                await enqueue_event_changes(session, [EventChange(event.id, "created")])
            committed[event.id] = time.time()
    finally:
        await engine.dispose()
    return committed


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--subscribers", type=int, default=3)
    parser.add_argument("--rate", type=float, default=50.0, help="events committed per second (0: a burst)")
    parser.add_argument("--poll", type=float, help="worker poll interval in seconds (default: the setting's)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        url = database(args, workdir)
        upgrade(url)
        receiver = Receiver()
        person_id, org_id = asyncio.run(prepare(url, receiver, args.subscribers))
        env = {**os.environ, "TENURE_DATABASE_URL": url, "TENURE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1"}
        env["TENURE_LOG_LEVEL"] = "WARNING"
        if args.poll is not None:
            env["TENURE_WORKER_POLL_INTERVAL"] = str(args.poll)
        worker = subprocess.Popen([TENURE, "worker"], env=env, stdout=subprocess.DEVNULL)
        try:
            time.sleep(1.5)  # the worker's start-up (imports, schema check) is not delivery latency
            committed = asyncio.run(produce(url, args.events, args.rate, person_id, org_id))
            expected = args.events * args.subscribers
            deadline = time.time() + 120
            while len(receiver.received) < expected and time.time() < deadline:
                time.sleep(0.05)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
            receiver.close()
        if args.backend == "postgres":
            name = url.rpartition("/")[2]
            asyncio.run(_pg_admin(args.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    latencies = [at - committed[event_id] for event_id, at in receiver.received if event_id in committed]
    first_commit = min(committed.values())
    last_receipt = max(at for _, at in receiver.received)
    print(
        f"backend={args.backend} events={args.events} subscribers={args.subscribers} "
        f"rate={'burst' if args.rate <= 0 else f'{args.rate:g}/s'} "
        f"poll={args.poll if args.poll is not None else Settings().worker_poll_interval:g}s"
    )
    print(
        f"deliveries received: {len(receiver.received)} of {expected} (distinct events {len(set(e for e, _ in receiver.received))})"
    )
    print(
        f"latency commit->receipt: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(
        f"throughput: {len(receiver.received) / (last_receipt - first_commit):.0f} deliveries/s (first commit to last receipt)"
    )
    return 0 if len(receiver.received) >= expected else 1


if __name__ == "__main__":
    sys.exit(main())
