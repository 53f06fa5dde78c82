"""`tenure serve`: the HTTP API under uvicorn, with the webhook delivery worker beside it.

The schema check runs before uvicorn starts, so a database behind the migrations ends the
command with one line saying what to run, not a start-up traceback.

`--workers N` (N > 1) runs N uvicorn processes on one socket, each building the app from the
environment (`tenure.api.app:app_from_environment`); the webhook worker and the source poller
then run once, in a thread of the parent process, not once per server process. SQLite keeps
one process: its writers would then be serialised by file locks alone, and past the busy
timeout a write fails with "database is locked".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import importlib
import logging
import os
import socket
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models.availability import database_errors
from tenure.models.migrate import ensure_current
from tenure.settings import Settings

_log = logging.getLogger("tenure.serve")
# How long the worker gets to finish its current delivery when the server stops.
_WORKER_GRACE_SECONDS = 10.0
# How many timelines --demo-links offers: the busiest people, enough to show more than one story.
_DEMO_PEOPLE = 3


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API (and deliver webhooks)",
        description="Serve the HTTP API on the database named by TENURE_DATABASE_URL. "
        "A webhook delivery worker runs in the same process unless --no-worker is given.",
    )
    parser.add_argument("--host", help="address to listen on (default: TENURE_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default: TENURE_PORT or 8000)")
    parser.add_argument(
        "--no-worker", action="store_true", help="do not deliver webhooks here (run `tenure worker`)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes (default 1; PostgreSQL only: SQLite keeps 1). The webhook worker "
        "still runs once.",
    )
    parser.add_argument(
        "--demo-links",
        action="store_true",
        help="once serving, print the timeline URLs of the busiest people, the API description URL "
        "and the pages' URLs (search, a person, the company with the richest leadership chart)",
    )
    parser.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    changes: dict[str, Any] = {}
    if args.host:
        changes["host"] = args.host
    if args.port is not None:
        changes["port"] = args.port
    if args.no_worker:
        changes["serve_worker"] = False
    settings = dataclasses.replace(settings, **changes)
    if args.workers < 1:
        print(f"tenure: --workers must be at least 1, got {args.workers}", file=sys.stderr)
        return 2
    workers = args.workers
    if workers > 1 and settings.database_url.startswith("sqlite"):
        print(
            "tenure: SQLite serves from one process (its writers would contend for the file lock); "
            "ignoring --workers: use PostgreSQL for more",
            file=sys.stderr,
        )
        workers = 1
    if workers > 1:
        return serve_processes(settings, workers, demo_links=args.demo_links)
    # The loop uvicorn's own processes run on (uvloop when installed): `serve` drives uvicorn
    # from a loop of ours, which uvicorn's loop setting never reaches.
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        return runner.run(serve(settings, demo_links=args.demo_links))


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    import uvicorn

    return uvicorn.Config("tenure.api.app:app_from_environment").get_loop_factory()


async def serve(settings: Settings, *, demo_links: bool = False) -> int:
    import uvicorn

    from tenure.api.app import create_app

    await _check_schema(settings)
    app = create_app(settings, check_schema=False)  # just checked, with a one-line error
    config = uvicorn.Config(
        app, host=settings.host, port=settings.port, log_level=settings.log_level.lower(), lifespan="on"
    )
    server = uvicorn.Server(config)
    stop = asyncio.Event()
    serving = asyncio.create_task(server.serve())
    worker = start_worker(settings, stop) if settings.serve_worker else None
    try:
        if demo_links and await _wait_until_started(server, serving):
            await print_demo_links(settings)
        await serving
    finally:
        stop.set()
        if worker is not None:
            await _finish(worker)
    return 0 if server.started else 1


def serve_processes(settings: Settings, workers: int, *, demo_links: bool = False) -> int:
    """N uvicorn processes on one socket; the webhook worker once, in a thread of this process."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from tenure.observability.multiprocess import multiprocess_dir, prepare_multiprocess_dir

    asyncio.run(_check_schema(settings))
    # The server processes read their settings from the environment: give them this command's.
    os.environ["TENURE_HOST"] = settings.host
    os.environ["TENURE_PORT"] = str(settings.port)
    # Each process counts its own metrics; prometheus-client's multiprocess mode adds them up
    # from files in one folder, which must be fresh for this run.
    # The parent's webhook worker counts into the same folder, so /metrics shows its deliveries.
    fresh = None if multiprocess_dir() else tempfile.mkdtemp(prefix="tenure-metrics-")
    prepare_multiprocess_dir(fresh)
    config = uvicorn.Config(
        "tenure.api.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level=settings.log_level.lower(),
        lifespan="on",
    )
    supervisor = Multiprocess(config, sockets=[tcp_listener(config.bind_socket())])
    background = _Background(settings, demo_links)
    background.start()
    try:
        supervisor.run()
    finally:
        background.stop()
    return 0


def tcp_listener(sock: socket.socket) -> socket.socket:
    """uvicorn's bound socket, marked as TCP. uvicorn creates it with protocol 0; accepted
    connections inherit that, and asyncio turns TCP_NODELAY on only for sockets that say
    IPPROTO_TCP. Without it, every keep-alive response after the first waited for the client's
    delayed ACK (about 40 ms on Linux): with --workers, p50 was 48 ms at any load and half the
    CPU idle (uvicorn issue 3149, open in 0.54)."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    tcp.set_inheritable(True)
    return tcp


async def _check_schema(settings: Settings) -> None:
    async with database_errors(settings.database_url, connecting=True):
        await ensure_current(settings.database_url)


class _Background:
    """The webhook worker and source poller (and the demo links) in their own thread and loop,
    beside the server processes; stop() lets the worker finish its delivery, as serve does."""

    def __init__(self, settings: Settings, demo_links: bool) -> None:
        self.settings = settings
        self.demo_links = demo_links
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.halt: asyncio.Event | None = None
        self.thread = threading.Thread(target=asyncio.run, args=(self._main(),), name="tenure-worker")

    def start(self) -> None:
        self.thread.start()
        self.ready.wait(10)

    def stop(self) -> None:
        if self.loop is not None and self.halt is not None:
            self.loop.call_soon_threadsafe(self.halt.set)
        self.thread.join(_WORKER_GRACE_SECONDS + 5)

    async def _main(self) -> None:
        self.loop, self.halt = asyncio.get_running_loop(), asyncio.Event()
        self.ready.set()
        worker = start_worker(self.settings, self.halt) if self.settings.serve_worker else None
        if self.demo_links and await _wait_for_port(self.settings, self.halt):
            await print_demo_links(self.settings)
        await self.halt.wait()
        if worker is not None:
            await _finish(worker)


async def _wait_for_port(settings: Settings, halt: asyncio.Event) -> bool:
    """True once the server processes accept connections (False if told to stop first)."""
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    while not halt.is_set():
        try:
            _, writer = await asyncio.open_connection(host, settings.port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return True
    return False


def start_worker(settings: Settings, stop: asyncio.Event) -> asyncio.Task[Any] | None:
    """Run the webhook delivery worker and the source poller as a task, when this build has them."""
    try:
        module = importlib.import_module("tenure.webhooks.worker")
    except ModuleNotFoundError as exc:
        if exc.name != "tenure.webhooks.worker":
            raise
        return None
    run_worker = getattr(module, "run_worker", None)
    if run_worker is None:
        return None
    task = asyncio.create_task(_deliver_and_poll(run_worker, settings, stop), name="tenure-webhook-worker")
    task.add_done_callback(_report_worker_exit)
    return task


async def _deliver_and_poll(run_worker: Any, settings: Settings, stop: asyncio.Event) -> None:
    """The delivery worker and the source poller side by side, as `tenure worker` runs them."""
    from tenure.sources.worker import run_poller

    await asyncio.gather(run_worker(settings, stop), run_poller(settings, stop))


def _report_worker_exit(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _log.error("the webhook worker stopped: %s", task.exception())


async def _finish(worker: asyncio.Task[Any]) -> None:
    try:
        await asyncio.wait_for(asyncio.shield(worker), _WORKER_GRACE_SECONDS)
    except TimeoutError:
        worker.cancel()
    except Exception:  # already reported by _report_worker_exit
        return
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await worker


async def _wait_until_started(server: Any, serving: asyncio.Task[Any]) -> bool:
    while not server.started:
        if serving.done():
            return False
        await asyncio.sleep(0.05)
    return True


async def print_demo_links(settings: Settings) -> None:
    from tenure.cli.database import with_sessions
    from tenure.shape import EntityRef
    from tenure.timelines.directory import busiest_people
    from tenure.timelines.leadership import busiest_company

    base = _browser_base(settings)

    async def busiest(
        sessions: async_sessionmaker[AsyncSession],
    ) -> tuple[list[tuple[EntityRef, int]], EntityRef | None]:
        async with sessions() as session:
            return await busiest_people(session, _DEMO_PEOPLE), await busiest_company(session)

    people, company = await with_sessions(settings, busiest)
    if not people:
        print(
            f"No events stored yet: POST articles to {base}/articles (try `tenure ingest seeds/`)", flush=True
        )
    for person, events in people:
        print(f"Open {base}/people/{person.id}/timeline  ({person.name}, {events} events)", flush=True)
    print(f"API description: {base}/schema", flush=True)
    # The pages: search, the busiest person, and the company with the richest leadership chart.
    print(f"Pages: {base}/", flush=True)
    if people:
        print(f"Person page: {base}/p/{people[0][0].id}  ({people[0][0].name})", flush=True)
    if company is not None:
        print(f"Company page with its leadership chart: {base}/c/{company.id}  ({company.name})", flush=True)


def _browser_base(settings: Settings) -> str:
    if settings.public_url:
        return settings.base_url
    # A wildcard listen address is not one a browser can open.
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(settings.host, settings.host)
    return f"http://{host}:{settings.port}"
