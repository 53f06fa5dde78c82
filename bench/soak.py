"""Soak: the real processes under mixed load for a while, then did anything leak, slow or go missing?

Starts, on a fresh database (PostgreSQL by default, --sqlite for a file):
  - `tenure serve --no-worker` (the API), and `tenure worker` in its own process, which is killed
    with SIGKILL twice during the run (at a third and two thirds of it, while a delivery is in
    flight) and restarted at once;
  - a flaky webhook receiver on 127.0.0.1 that checks every signature, answers 500 to about 30% of
    deliveries and records the webhook-id of every one it accepts;
  - writers: about 10 POST /articles a second, each a new article with a departure (half of them
    with the successor's appointment) under names no other article uses, sent with an API key
    from `tenure keys create`;
  - readers: about 50 reads a second of person and company timelines and /events (first pages,
    a company filter, and next pages from earlier cursors).
A subscription to departures and appointments is registered through POST /webhooks/subscriptions.

Every window (5 minutes; 30 s with --quick) prints p50/p99 by route, error counts by status, the
server's RSS (VmRSS), the outbox depth (pending deliveries) and the load average. When the load
stops, the worker gets a drain period to deliver what is owed; then the receiver's record is
compared with the database: an event of a subscribed type whose delivery the receiver never
accepted is missing; a webhook-id accepted twice is a duplicate. Duplicates are what at-least-once
delivery promises after a kill -9 (the worker sent, the receiver accepted, the worker died before
recording it), so one is explained when it was first accepted while a killed worker held it (in
the lease before the kill) and again after the kill; a 500 followed by a successful retry is a
retry, not a duplicate.

Targets (exit code 1 when one is missed): no missing delivery; no 5xx (nor connection failure);
no bad signature and no unexplained duplicate; at least 95% of the offered requests sent (the
pacers skip a slot when the server already holds its fill: it is saturated, and its latencies
are queueing); server RSS growth under 10% from the first window after the warm-up (the first
window) to the last; p99 of each route in the last window within 1.5x of the first window after
the warm-up. The last line is `SOAK_RESULT {json}` for machines.

The worker runs with a short retry schedule (seconds: 1, 1, 2, 2, 3, 3, then 5) and a 5 s HTTP
timeout (lease 35 s), so the receiver's failures and the killed worker's leases clear within the
drain period; the default schedule waits 5 minutes before the second retry. Rate limiting is off
(the writers alone send 600 requests a minute on one key) and the server logs at WARNING.

    .venv/bin/python bench/soak.py                   # 30 minutes on PostgreSQL
    .venv/bin/python bench/soak.py --quick           # 2 minutes (what `make test` runs)
    .venv/bin/python bench/soak.py --sqlite --minutes 10
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import text

from tenure.models.db import create_engine

ROOT = Path(__file__).resolve().parents[1]
TENURE = str(Path(sys.executable).parent / "tenure")
RESULT_PREFIX = "SOAK_RESULT "
SUBSCRIBED_TYPES = ("departure", "appointment")
# The worker's retry waits in seconds (20 retries: a delivery failing them all at a 30% failure
# rate is a 1e-11 event) and its HTTP timeout: the lease of a killed worker's round is 5 + 30 s.
RETRY_SCHEDULE = "1,1,2,2,3,3," + ",".join(["5"] * 14)
HTTP_TIMEOUT_SECONDS = 5
# Targets.
MAX_RSS_GROWTH = 0.10
MAX_P99_RATIO = 1.5
MIN_CARRIED = 0.95
# Requests in flight at most (beyond them the server is saturated and the pacers skip slots).
WRITERS_IN_FLIGHT = 16
READERS_IN_FLIGHT = 48


@dataclass(frozen=True)
class Plan:
    duration: float
    window: float
    write_rate: float
    read_rate: float
    fail_ratio: float
    drain_timeout: float
    kills: tuple[float, ...]
    seed: int


def plan_from(args: argparse.Namespace) -> Plan:
    duration = 120.0 if args.quick else args.minutes * 60.0
    window = 30.0 if args.quick else args.window_minutes * 60.0
    return Plan(
        duration=duration,
        window=window,
        write_rate=args.write_rate,
        read_rate=args.read_rate,
        fail_ratio=args.fail_ratio,
        drain_timeout=60.0 if args.quick else 180.0,
        kills=(duration / 3, 2 * duration / 3),
        seed=args.seed,
    )


class Clock:
    """Seconds since the load started, on the monotonic clock every record uses."""

    def __init__(self) -> None:
        self.t0 = time.monotonic()

    def now(self) -> float:
        return time.monotonic() - self.t0

    async def sleep_until(self, t: float) -> None:
        await asyncio.sleep(max(0.0, t - self.now()))


# ---------------------------------------------------------------------------------------------
# The database: a fresh one per run.


@dataclass
class Database:
    url: str
    admin_url: str | None = None
    name: str | None = None

    @classmethod
    def create(cls, args: argparse.Namespace, workdir: Path) -> Database:
        if args.sqlite:
            return cls(url=f"sqlite+aiosqlite:///{workdir / 'soak.db'}")
        name = f"{args.db_prefix}{datetime.now(UTC):%Y%m%d%H%M%S}_{os.getpid()}"
        asyncio.run(_pg_admin(args.admin_url, f'CREATE DATABASE "{name}"'))
        base = args.admin_url.rpartition("/")[0].replace("postgresql://", "postgresql+asyncpg://", 1)
        return cls(url=f"{base}/{name}", admin_url=args.admin_url, name=name)

    def drop(self) -> None:
        if self.admin_url and self.name:
            asyncio.run(_pg_admin(self.admin_url, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


async def _pg_admin(admin_url: str, sql: str) -> None:
    conn = await asyncpg.connect(admin_url, timeout=10)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


class Probe:
    """The soak's own read-only queries: outbox depth during the run, the delivery ledger after."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    async def outbox_depth(self) -> int:
        async with self.engine.connect() as conn:
            found = await conn.scalar(
                text("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
            )
        return int(found or 0)

    async def deliveries(self, subscription_id: int) -> list[tuple[str, int | None, str]]:
        """(webhook_id, event_id, status) of every delivery owed to the subscription."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT webhook_id, event_id, status FROM webhook_deliveries WHERE subscription_id = :s"
                ),
                {"s": subscription_id},
            )
            return [(r[0], r[1], r[2]) for r in rows]

    async def subscribed_events(self) -> list[int]:
        types = ", ".join(f"'{t}'" for t in SUBSCRIBED_TYPES)
        async with self.engine.connect() as conn:
            return list(
                (await conn.execute(text(f"SELECT id FROM events WHERE type IN ({types})"))).scalars()
            )

    async def unknown_attempts(self) -> int:
        """Attempts a killed worker left unrecorded (found again once their lease ran out)."""
        async with self.engine.connect() as conn:
            found = await conn.scalar(
                text("SELECT count(*) FROM webhook_delivery_attempts WHERE outcome = 'unknown'")
            )
        return int(found or 0)

    async def refresh_statistics_if_no_autovacuum(self) -> bool:
        """ANALYZE when PostgreSQL's autovacuum is off, as autovacuum would; True if it ran.

        A fresh database that grows for minutes without statistics gets plans made for an empty
        table (a bitmap of every departure, then a sort, instead of the timeline index), so its
        pages slow down with its size. Production servers run autovacuum; some test servers do not.
        """
        if self.engine.dialect.name != "postgresql":
            return False
        async with self.engine.connect() as conn:
            if await conn.scalar(text("SHOW autovacuum")) == "on":
                return False
            await conn.execute(text("ANALYZE"))
            await conn.commit()
        return True

    async def close(self) -> None:
        await self.engine.dispose()


# ---------------------------------------------------------------------------------------------
# The processes: `tenure serve`, `tenure worker`, and the one-shot commands.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Processes:
    """tenure commands with the soak's environment, each logging into the work directory."""

    def __init__(self, database_url: str, logdir: Path) -> None:
        self.logdir = logdir
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "TENURE_DATABASE_URL": database_url,
            "TENURE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
            "TENURE_WEBHOOK_RETRY_SCHEDULE": RETRY_SCHEDULE,
            "TENURE_HTTP_TIMEOUT": str(HTTP_TIMEOUT_SECONDS),
            "TENURE_RATE_LIMIT_PER_MINUTE": "0",
            "TENURE_LOG_LEVEL": "WARNING",
        }
        self.running: list[subprocess.Popen[bytes]] = []

    def run(self, *argv: str) -> str:
        """Run a command to its end; its stdout, or SystemExit with its own error line."""
        done = subprocess.run([TENURE, *argv], env=self.env, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"soak: `tenure {' '.join(argv)}` failed: {done.stderr.strip()[-500:]}")
        return done.stdout

    def start(self, log_name: str, *argv: str) -> subprocess.Popen[bytes]:
        with (self.logdir / log_name).open("ab") as sink:
            proc = subprocess.Popen([TENURE, *argv], env=self.env, stdout=sink, stderr=sink, cwd=ROOT)
        self.running.append(proc)
        return proc

    def stop_all(self) -> None:
        for proc in self.running:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.running:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def tree_rss_bytes(pid: int) -> int | None:
    """VmRSS of the process and its descendants (uvicorn's worker processes, when there are)."""
    own = rss_bytes(pid)
    if own is None:
        return None
    return own + sum(tree_rss_bytes(child) or 0 for child in _children(pid))


def _children(pid: int) -> list[int]:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    found = []
    for task in tasks:
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def rss_bytes(pid: int) -> int | None:
    """The process's resident set (VmRSS), or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


# ---------------------------------------------------------------------------------------------
# The flaky receiver.


class Receiver:
    """A small HTTP/1.1 server: checks the Standard Webhooks signature (401 when wrong), answers
    500 to fail_ratio of the deliveries, accepts the rest (200) and records when, by webhook-id."""

    def __init__(self, clock: Clock, fail_ratio: float, seed: int) -> None:
        self.clock = clock
        self.fail_ratio = fail_ratio
        self.rng = random.Random(seed)
        self.secret: bytes | None = None
        self.accepted: dict[str, list[float]] = {}
        self.refused = 0
        self.bad_signatures = 0
        # Set when a delivery arrives: the killer waits for one, to kill the worker mid-send.
        self.sending = asyncio.Event()
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    def set_secret(self, secret: str) -> None:
        self.secret = base64.b64decode(secret.removeprefix("whsec_"))

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/hook"

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
        for writer in self.writers:  # idle keep-alive connections: their handlers then return
            writer.close()
        await asyncio.sleep(0.2)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                headers, body = request
                self.sending.set()
                # A little receiver latency keeps deliveries in flight, where a kill -9 bites.
                await asyncio.sleep(self.rng.uniform(0.0, 0.05))
                status = self._judge(headers, body)
                writer.write(f"HTTP/1.1 {status} {_REASONS[status]}\r\ncontent-length: 0\r\n\r\n".encode())
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return  # the worker was killed mid-request
        finally:
            self.writers.discard(writer)
            writer.close()

    def _judge(self, headers: dict[str, str], body: bytes) -> int:
        if not self._signed(headers, body):
            self.bad_signatures += 1
            return 401
        if self.rng.random() < self.fail_ratio:
            self.refused += 1
            return 500
        self.accepted.setdefault(headers["webhook-id"], []).append(self.clock.now())
        return 200

    def _signed(self, headers: dict[str, str], body: bytes) -> bool:
        msg_id, stamp = headers.get("webhook-id"), headers.get("webhook-timestamp")
        if self.secret is None or not msg_id or not stamp or not stamp.isdigit():
            return False
        if abs(time.time() - int(stamp)) > 300:
            return False
        mac = hmac.new(self.secret, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(mac).decode()
        offered = headers.get("webhook-signature", "").split()
        return any(hmac.compare_digest(expected, one) for one in offered)


_REASONS = {200: "OK", 401: "Unauthorized", 500: "Internal Server Error"}


async def _read_request(reader: asyncio.StreamReader) -> tuple[dict[str, str], bytes] | None:
    """One request from a keep-alive connection, or None when the client closed it."""
    line = await reader.readline()
    if not line:
        return None
    headers: dict[str, str] = {}
    while True:
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length") or 0))
    return headers, body


# ---------------------------------------------------------------------------------------------
# Articles nobody else writes: names coined from a counter.

# Given names with the pronoun that refers back to them.
GIVEN_NAMES = (
    ("Priya", "her"), ("Marcus", "him"), ("Helena", "her"), ("Daniel", "him"), ("Sofia", "her"),
    ("Tomas", "him"), ("Amara", "her"), ("Jonas", "him"), ("Leila", "her"), ("Victor", "him"),
    ("Nadia", "her"), ("Oscar", "him"), ("Irene", "her"), ("Felix", "him"), ("Clara", "her"),
    ("Hugo", "him"),
)  # fmt: skip
SYLLABLES = ("ka", "lo", "ven", "mir", "tas", "bor", "len", "dri", "sul", "fen", "gar", "hol", "mar", "pet")
SECTORS = ("Robotics", "Analytics", "Logistics", "Therapeutics", "Materials", "Networks", "Foods")
ROLES = ("chief executive", "chief financial officer", "chief operating officer", "chief technology officer")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("March", "April", "May", "June", "July", "August", "September")


def coined(n: int, syllables: int) -> str:
    """A pronounceable word unique to n among n < len(SYLLABLES) ** syllables."""
    parts = []
    for _ in range(syllables):
        n, digit = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def article(n: int, rng: random.Random) -> dict[str, Any]:
    """The n-th article: a departure at a company of its own, half the time with its successor."""
    company = f"{coined(n, 4)} {SECTORS[n % len(SECTORS)]}"
    given, pronoun = GIVEN_NAMES[n % len(GIVEN_NAMES)]
    leaving = f"{given} {coined(2 * n, 5)}"
    successor = f"{GIVEN_NAMES[(n + 5) % len(GIVEN_NAMES)][0]} {coined(2 * n + 1, 5)}"
    role = ROLES[n % len(ROLES)]
    if n % 2:
        body = (
            f"{company} said on {rng.choice(WEEKDAYS)} that its {role}, {leaving}, will step down at the "
            f"end of {rng.choice(MONTHS)}. {successor}, the chief operating officer, will succeed {pronoun}."
        )
    else:
        body = f"{company} announced that {leaving}, its {role}, has resigned. Analysts expect a search."
    day = 1 + n % 27
    return {
        "text": body,
        "published_at": f"2026-02-{day:02d}T09:30:00Z",
        "url": f"https://soak.example.com/articles/{n}",
        "title": f"{leaving} leaves {company}",
        "source": "Soak Wire",
    }


# ---------------------------------------------------------------------------------------------
# Load: writers and readers, paced open-loop, every request timed.


@dataclass(frozen=True, slots=True)
class Sample:
    t: float
    route: str
    status: int  # 0: no response (connection failure or timeout)
    ms: float


class Load:
    def __init__(self, client: httpx.AsyncClient, key: str, clock: Clock, seed: int) -> None:
        self.client = client
        self.auth = {"authorization": f"Bearer {key}"}
        self.clock = clock
        self.rng = random.Random(seed)
        self.samples: list[Sample] = []
        self.people: list[int] = []
        self.companies: list[int] = []
        self.cursors: list[str] = []
        self.posted = 0
        self.events_created = 0

    async def timed(self, route: str, method: str, url: str, **kwargs: Any) -> httpx.Response | None:
        started = self.clock.now()
        try:
            response = await self.client.request(method, url, **kwargs)
        except httpx.HTTPError:
            response = None
        ms = (self.clock.now() - started) * 1000
        self.samples.append(Sample(started, route, response.status_code if response else 0, ms))
        return response

    async def write_one(self) -> None:
        n = self.posted
        self.posted += 1
        response = await self.timed(
            "POST /articles", "POST", "/articles", json=article(n, self.rng), headers=self.auth
        )
        if response is None or response.status_code != 201:
            return
        for event in response.json()["events"]:
            self.events_created += 1
            if event.get("person"):
                self.people.append(event["person"]["id"])
            if event.get("organization"):
                self.companies.append(event["organization"]["id"])

    async def read_one(self) -> None:
        pick = self.rng.random()
        if self.people and pick < 0.35:
            person = self.rng.choice(self.people)
            await self.timed("GET /people/{id}/timeline", "GET", f"/people/{person}/timeline")
        elif self.companies and pick < 0.6:
            company = self.rng.choice(self.companies)
            await self.timed("GET /companies/{id}/timeline", "GET", f"/companies/{company}/timeline")
        elif self.cursors and pick < 0.75:
            await self._events({"cursor": self.rng.choice(self.cursors), "limit": "20"})
        elif self.companies and pick < 0.85:
            await self._events({"company": str(self.rng.choice(self.companies))})
        else:
            await self._events({"type": "departure", "limit": "20"})

    async def _events(self, params: dict[str, str]) -> None:
        response = await self.timed("GET /events", "GET", "/events", params=params)
        if response is not None and response.status_code == 200:
            cursor = response.json().get("next_cursor")
            if cursor:
                self.cursors.append(cursor)
                del self.cursors[:-200]


@dataclass
class Pacer:
    """Starts one() rate times a second until `until`, whether or not earlier ones have answered
    (open loop: a slow server meets the same arrivals, and its queueing shows in the latency), with
    at most `cap` in flight: past that the server is saturated, and the slots it could not take
    are counted as missed rather than sent later in a burst."""

    rate: float
    cap: int
    missed: list[float] = field(default_factory=list)

    async def run(self, clock: Clock, until: float, one: Callable[[], Awaitable[None]]) -> None:
        room = asyncio.Semaphore(self.cap)
        tasks: set[asyncio.Task[None]] = set()

        async def guarded() -> None:
            try:
                await one()
            finally:
                room.release()

        n = 0
        while (due := n / self.rate) < until:
            await clock.sleep_until(due)
            await room.acquire()
            late = int((clock.now() - due) * self.rate)
            self.missed.extend(due + k / self.rate for k in range(late))
            n += late + 1
            task = asyncio.create_task(guarded())
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.gather(*tasks)


# ---------------------------------------------------------------------------------------------
# The run.


@dataclass
class Gauges:
    rss: list[tuple[float, int]] = field(default_factory=list)
    outbox: list[tuple[float, int]] = field(default_factory=list)
    load: list[tuple[float, float]] = field(default_factory=list)
    kills: list[float] = field(default_factory=list)
    analyzed: int = 0  # ANALYZE runs standing in for a disabled autovacuum
    # Requests the pacers could not start: the server already had its fill in flight.
    missed_writes: list[float] = field(default_factory=list)
    missed_reads: list[float] = field(default_factory=list)


async def watch(clock: Clock, until: float, server_pid: int, probe: Probe, gauges: Gauges) -> None:
    """Every 2 s the server's RSS and the load average; every 4 s the outbox depth; every minute
    fresh planner statistics where autovacuum is off (Probe.refresh_statistics_if_no_autovacuum)."""
    tick = 0
    while clock.now() < until:
        now = clock.now()
        rss = tree_rss_bytes(server_pid)
        if rss is not None:
            gauges.rss.append((now, rss))
        gauges.load.append((now, os.getloadavg()[0]))
        if tick % 2 == 0:
            with contextlib.suppress(Exception):  # a busy database must not end the soak
                gauges.outbox.append((now, await probe.outbox_depth()))
        if tick % 30 == 15:
            with contextlib.suppress(Exception):
                gauges.analyzed += await probe.refresh_statistics_if_no_autovacuum()
        tick += 1
        await asyncio.sleep(2.0)


class Worker:
    """The `tenure worker` process, killed with SIGKILL and restarted on cue."""

    def __init__(self, processes: Processes) -> None:
        self.processes = processes
        self.proc = processes.start("worker.log", "worker")

    async def kill_and_restart(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        await asyncio.to_thread(self.proc.wait)
        self.proc = self.processes.start("worker.log", "worker")


async def kill_on_cue(clock: Clock, plan: Plan, worker: Worker, receiver: Receiver, gauges: Gauges) -> None:
    for at in plan.kills:
        await clock.sleep_until(at)
        # Wait (up to 5 s) for a delivery in flight, so the kill falls between a send and its record.
        receiver.sending.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(receiver.sending.wait(), 5.0)
        gauges.kills.append(clock.now())
        await worker.kill_and_restart()


async def print_windows(clock: Clock, plan: Plan, load: Load, gauges: Gauges) -> None:
    """Each window's table as soon as it ends (and its last requests have had 3 s to answer)."""
    for i in range(window_count(plan)):
        await clock.sleep_until((i + 1) * plan.window + 3.0)
        for line in window_lines(window_at(i, load.samples, gauges, plan)):
            print(line, flush=True)


async def drain(
    clock: Clock, probe: Probe, receiver: Receiver, subscription_id: int, patience: float
) -> float:
    """Wait until every delivery owed has been accepted (or the timeout); seconds waited."""
    started = clock.now()
    while clock.now() - started < patience:
        owed = await probe.deliveries(subscription_id)
        if all(webhook_id in receiver.accepted for webhook_id, _, _ in owed):
            break
        await asyncio.sleep(1.0)
    return clock.now() - started


async def wait_until_answering(base: str, server: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=2) as client:
        for _ in range(300):
            if server.poll() is not None:
                raise SystemExit("soak: tenure serve exited before answering (see serve.log)")
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get("/events", params={"limit": "1"})).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise SystemExit("soak: tenure serve did not answer within 60 s")


@dataclass
class Outcome:
    samples: list[Sample]
    gauges: Gauges
    receiver: Receiver
    owed: list[tuple[str, int | None, str]]
    events: list[int]
    unknown_attempts: int
    drained_in: float
    posted: int
    events_created: int


async def soak(
    plan: Plan, processes: Processes, database_url: str, key: str, serve_args: list[str]
) -> Outcome:
    clock = Clock()
    receiver = Receiver(clock, plan.fail_ratio, plan.seed)
    hook_url = await receiver.start()
    port = free_port()
    server = processes.start(
        "serve.log", "serve", "--no-worker", "--host", "127.0.0.1", "--port", str(port), *serve_args
    )
    base = f"http://127.0.0.1:{port}"
    await wait_until_answering(base, server)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        created = await client.post(
            "/webhooks/subscriptions",
            json={"url": hook_url, "event_types": list(SUBSCRIBED_TYPES), "description": "soak"},
            headers={"authorization": f"Bearer {key}"},
        )
        if created.status_code != 201:
            raise SystemExit(
                f"soak: the subscription was refused: {created.status_code} {created.text[:300]}"
            )
        subscription = created.json()
        receiver.set_secret(subscription["secret"])
        worker = Worker(processes)
        probe = Probe(database_url)
        load = Load(client, key, clock, plan.seed)
        gauges = Gauges()
        clock.t0 = time.monotonic()  # the load starts now; setup is not part of any window
        try:
            await asyncio.gather(
                Pacer(plan.write_rate, WRITERS_IN_FLIGHT, gauges.missed_writes).run(
                    clock, plan.duration, load.write_one
                ),
                Pacer(plan.read_rate, READERS_IN_FLIGHT, gauges.missed_reads).run(
                    clock, plan.duration, load.read_one
                ),
                watch(clock, plan.duration, server.pid, probe, gauges),
                kill_on_cue(clock, plan, worker, receiver, gauges),
                print_windows(clock, plan, load, gauges),
            )
            drained_in = await drain(clock, probe, receiver, subscription["id"], plan.drain_timeout)
            owed = await probe.deliveries(subscription["id"])
            events = await probe.subscribed_events()
            unknown = await probe.unknown_attempts()
        finally:
            await probe.close()
            await receiver.close()
    return Outcome(
        load.samples, gauges, receiver, owed, events, unknown, drained_in, load.posted, load.events_created
    )


# ---------------------------------------------------------------------------------------------
# The report.


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class RouteStats:
    n: int
    p50: float
    p99: float
    errors: dict[str, int]


@dataclass
class Window:
    index: int
    start: float
    end: float
    routes: dict[str, RouteStats]
    rss_mb: float | None
    outbox_max: int | None
    outbox_last: int | None
    load: float | None
    kills: int
    missed_writes: int
    missed_reads: int


def _in(points: list[tuple[float, Any]], start: float, end: float) -> list[Any]:
    return [value for t, value in points if start <= t < end]


def window_at(i: int, samples: list[Sample], gauges: Gauges, plan: Plan) -> Window:
    start, end = i * plan.window, (i + 1) * plan.window
    by_route: dict[str, list[Sample]] = {}
    for s in samples:
        if start <= s.t < end:
            by_route.setdefault(s.route, []).append(s)
    routes: dict[str, RouteStats] = {}
    for route, mine in sorted(by_route.items()):
        ms = [s.ms for s in mine]
        errors = Counter(str(s.status or "no answer") for s in mine if not 200 <= s.status < 300)
        routes[route] = RouteStats(len(ms), statistics.median(ms), percentile(ms, 0.99), dict(errors))
    rss = _in(gauges.rss, start, end)
    outbox = _in(gauges.outbox, start, end)
    load = _in(gauges.load, start, end)
    return Window(
        index=i + 1,
        start=start,
        end=end,
        routes=routes,
        rss_mb=statistics.median(rss) / 2**20 if rss else None,
        outbox_max=max(outbox) if outbox else None,
        outbox_last=outbox[-1] if outbox else None,
        load=statistics.mean(load) if load else None,
        kills=sum(1 for k in gauges.kills if start <= k < end),
        missed_writes=sum(1 for t in gauges.missed_writes if start <= t < end),
        missed_reads=sum(1 for t in gauges.missed_reads if start <= t < end),
    )


def window_count(plan: Plan) -> int:
    return max(1, int(round(plan.duration / plan.window)))


def windows(outcome: Outcome, plan: Plan) -> list[Window]:
    return [window_at(i, outcome.samples, outcome.gauges, plan) for i in range(window_count(plan))]


@dataclass(frozen=True)
class Check:
    name: str
    value: str
    target: str
    ok: bool


@dataclass
class Ledger:
    """What the receiver got against what the database owed."""

    missing_deliveries: int
    missing_events: int
    duplicates: int
    unexplained_duplicates: int
    unknown_ids: int


def explained_by_kill(times: list[float], kills: list[float]) -> bool:
    """A webhook-id accepted again after a kill, first accepted while the killed worker could have
    held it (within its lease before the kill, or in the receiver's hands as the worker died):
    the worker sent it and died before recording the answer, so its lease ran out and it went again."""
    first, last = min(times), max(times)
    lease = HTTP_TIMEOUT_SECONDS + 30.0
    return any(k - lease <= first <= k + 1.0 and last > k for k in kills)


def ledger(outcome: Outcome) -> Ledger:
    accepted = outcome.receiver.accepted
    owed_ids = {webhook_id for webhook_id, _, _ in outcome.owed}
    delivered_events = {event_id for webhook_id, event_id, _ in outcome.owed if webhook_id in accepted}
    twice = {webhook_id: times for webhook_id, times in accepted.items() if len(times) > 1}
    unexplained = sum(1 for times in twice.values() if not explained_by_kill(times, outcome.gauges.kills))
    return Ledger(
        missing_deliveries=len(owed_ids - accepted.keys()),
        missing_events=len(set(outcome.events) - delivered_events),
        duplicates=len(twice),
        unexplained_duplicates=unexplained,
        unknown_ids=len(accepted.keys() - owed_ids),
    )


def checks(found: list[Window], book: Ledger, outcome: Outcome) -> list[Check]:
    server_errors = sum(1 for s in outcome.samples if s.status >= 500 or s.status == 0)
    missed = len(outcome.gauges.missed_writes) + len(outcome.gauges.missed_reads)
    carried = len(outcome.samples) / max(1, len(outcome.samples) + missed)
    result = [
        Check("deliveries missing", str(book.missing_deliveries), "0", book.missing_deliveries == 0),
        Check("events without an accepted delivery", str(book.missing_events), "0", book.missing_events == 0),
        Check("5xx or no answer", str(server_errors), "0", server_errors == 0),
        # Below this the server could not take the load at all; its latencies are then queueing.
        Check("offered requests sent", f"{carried:.1%}", f">= {MIN_CARRIED:.0%}", carried >= MIN_CARRIED),
        Check(
            "bad signatures", str(outcome.receiver.bad_signatures), "0", outcome.receiver.bad_signatures == 0
        ),
        Check(
            "duplicates not explained by a kill",
            str(book.unexplained_duplicates),
            "0",
            book.unexplained_duplicates == 0,
        ),  # fmt: skip
        Check("webhook-ids the database never owed", str(book.unknown_ids), "0", book.unknown_ids == 0),
        Check("worker kills", str(len(outcome.gauges.kills)), "2", len(outcome.gauges.kills) == 2),
    ]
    # The first window is the warm-up (caches, pools, the first pages of a growing database).
    first, last = (found[1], found[-1]) if len(found) > 1 else (found[0], found[0])
    if first.rss_mb and last.rss_mb:
        growth = last.rss_mb / first.rss_mb - 1
        result.append(
            Check(
                f"server RSS growth (window {first.index} -> {last.index})",
                f"{growth * 100:+.2f}% ({first.rss_mb:.1f} -> {last.rss_mb:.1f} MB)",
                f"< {MAX_RSS_GROWTH * 100:.0f}%",
                growth < MAX_RSS_GROWTH,
            )
        )
    else:
        result.append(Check("server RSS growth", "not measured", f"< {MAX_RSS_GROWTH * 100:.0f}%", False))
    for route in sorted(first.routes.keys() | last.routes.keys()):
        a, b = first.routes.get(route), last.routes.get(route)
        if a is None or b is None:
            result.append(Check(f"p99 {route}", "no samples in a compared window", "", False))
            continue
        ratio = b.p99 / a.p99
        result.append(
            Check(
                f"p99 {route} (window {last.index} / {first.index})",
                f"{ratio:.2f}x ({a.p99:.0f} -> {b.p99:.0f} ms)",
                f"<= {MAX_P99_RATIO}x",
                ratio <= MAX_P99_RATIO,
            )
        )
    return result


def _errors_text(errors: dict[str, int]) -> str:
    return ", ".join(f"{status}: {n}" for status, n in sorted(errors.items())) or "-"


def table_lines(found: list[Window]) -> Iterator[str]:
    for w in found:
        yield from window_lines(w)


def window_lines(w: Window) -> Iterator[str]:
    rss = f"{w.rss_mb:.0f} MB" if w.rss_mb is not None else "?"
    load = f"{w.load:.1f}" if w.load is not None else "?"
    yield (
        f"window {w.index} [{w.start:.0f}-{w.end:.0f} s]  server RSS {rss}  outbox max {w.outbox_max} "
        f"last {w.outbox_last}  load avg {load}  worker kills {w.kills}"
    )
    if w.missed_writes or w.missed_reads:
        yield f"  saturated: {w.missed_writes} posts and {w.missed_reads} reads not sent (too many in flight)"
    yield f"  {'route':<30}{'n':>7}{'req/s':>7}{'p50 ms':>9}{'p99 ms':>9}  errors"
    for route, r in w.routes.items():
        rate = r.n / (w.end - w.start)
        yield f"  {route:<30}{r.n:>7}{rate:>7.1f}{r.p50:>9.1f}{r.p99:>9.1f}  {_errors_text(r.errors)}"


def report(plan: Plan, outcome: Outcome, database: str) -> int:
    found = windows(outcome, plan)
    book = ledger(outcome)
    results = checks(found, book, outcome)
    receiver = outcome.receiver
    print("\nall windows:")
    for line in table_lines(found):
        print(line)
    accepted_total = sum(len(t) for t in receiver.accepted.values())
    print(
        f"\narticles posted {outcome.posted}, events created {outcome.events_created}; deliveries owed "
        f"{len(outcome.owed)}, accepted {len(receiver.accepted)} distinct ({accepted_total} in all), "
        f"refused with 500 {receiver.refused}; duplicates {book.duplicates} (explained by a kill: "
        f"{book.duplicates - book.unexplained_duplicates}); attempts a killed worker left unrecorded "
        f"{outcome.unknown_attempts}; drained in {outcome.drained_in:.1f} s; kills at "
        + ", ".join(f"{k:.0f} s" for k in outcome.gauges.kills)
    )
    if outcome.gauges.analyzed:
        print(
            f"autovacuum is off on this server: the soak ran ANALYZE {outcome.gauges.analyzed} times in its place"
        )
    print(f"\n{'target':<52}{'value':<34}{'limit':<10}result")
    for c in results:
        print(f"{c.name:<52}{c.value:<34}{c.target:<10}{'PASS' if c.ok else 'FAIL'}")
    ok = all(c.ok for c in results)
    summary = {
        "ok": ok,
        "database": database,
        "duration_s": plan.duration,
        "window_s": plan.window,
        "posted": outcome.posted,
        "analyzed": outcome.gauges.analyzed,
        "deliveries_owed": len(outcome.owed),
        "missing_deliveries": book.missing_deliveries,
        "missing_events": book.missing_events,
        "duplicates": book.duplicates,
        "unexplained_duplicates": book.unexplained_duplicates,
        "unknown_attempts": outcome.unknown_attempts,
        "refused_500": receiver.refused,
        "bad_signatures": receiver.bad_signatures,
        "kills": len(outcome.gauges.kills),
        "checks": [{"name": c.name, "value": c.value, "target": c.target, "ok": c.ok} for c in results],
        "windows": [
            {
                "index": w.index,
                "rss_mb": w.rss_mb,
                "outbox_max": w.outbox_max,
                "missed_writes": w.missed_writes,
                "missed_reads": w.missed_reads,
                "load": w.load,
                "routes": {
                    k: {"n": r.n, "p50": r.p50, "p99": r.p99, "errors": r.errors} for k, r in w.routes.items()
                },
            }
            for w in found
        ],
    }
    print(RESULT_PREFIX + json.dumps(summary), flush=True)
    return 0 if ok else 1


# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="2 minutes in 30 s windows (make test runs it)")
    parser.add_argument("--minutes", type=float, default=30.0, help="how long the load runs (default 30)")
    parser.add_argument("--window-minutes", type=float, default=5.0, help="report window (default 5)")
    parser.add_argument("--sqlite", action="store_true", help="an SQLite file instead of PostgreSQL")
    parser.add_argument(
        "--admin-url",
        default=os.environ.get("TENURE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="PostgreSQL to create the run's database on (default: TENURE_TEST_PG_URL or local postgres)",
    )
    parser.add_argument(
        "--db-prefix",
        default=os.environ.get("TENURE_SOAK_DB_PREFIX", "tenure_soak_"),
        help="name prefix of the run's PostgreSQL database (default: TENURE_SOAK_DB_PREFIX or tenure_soak_)",
    )
    parser.add_argument("--keep-db", action="store_true", help="leave the database for inspection")
    parser.add_argument("--write-rate", type=float, default=10.0, help="POST /articles per second")
    parser.add_argument("--read-rate", type=float, default=50.0, help="reads per second")
    parser.add_argument("--fail-ratio", type=float, default=0.3, help="share of deliveries answered 500")
    parser.add_argument(
        "--server-workers", type=int, help="pass --workers N to `tenure serve` (its RSS is summed over them)"
    )
    parser.add_argument("--seed", type=int, default=13)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = plan_from(args)
    with tempfile.TemporaryDirectory(prefix="tenure-soak-") as tmp:
        workdir = Path(tmp)
        database = Database.create(args, workdir)
        processes = Processes(database.url, workdir)
        try:
            processes.run("db", "upgrade")
            key = processes.run("keys", "create", "soak").strip()
            backend = "sqlite" if args.sqlite else "postgresql"
            print(
                f"soak: {plan.duration / 60:g} min on {backend}, {plan.write_rate:g} posts/s, "
                f"{plan.read_rate:g} reads/s, receiver failing {plan.fail_ratio:.0%}, "
                f"worker killed at {', '.join(f'{k:.0f} s' for k in plan.kills)}",
                flush=True,
            )
            serve_args = ["--workers", str(args.server_workers)] if args.server_workers else []
            outcome = asyncio.run(soak(plan, processes, database.url, key, serve_args))
        finally:
            processes.stop_all()
            if args.keep_db:
                print(f"soak: database kept: {database.url}; logs were in {workdir}")
            else:
                database.drop()
        for log in ("serve.log", "worker.log"):
            tail = (workdir / log).read_text(errors="replace")
            if "Traceback" in tail:
                print(f"soak: {log} holds a traceback; its end:\n{tail[-3000:]}")
        return report(plan, outcome, backend)


if __name__ == "__main__":
    sys.exit(main())
