"""`tenure worker`: deliver webhooks and poll followed sources until SIGINT or SIGTERM, finishing
the round in progress."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from tenure.models.availability import database_errors
from tenure.models.migrate import ensure_current
from tenure.settings import Settings
from tenure.webhooks.worker import run_worker


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "worker",
        help="deliver webhooks and poll sources (run any number, on any machine, against one PostgreSQL)",
        description="Claims due webhook deliveries from the database named by TENURE_DATABASE_URL, "
        "sends them signed and records every attempt; polls the followed sources that are due. Stops on "
        "SIGINT or SIGTERM after the deliveries in flight are recorded.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return asyncio.run(work(settings))


async def work(settings: Settings) -> int:
    # Imported here: the poller loads feed and page readers every other command can do without.
    from tenure.sources.worker import run_poller

    return await run_until_stopped(
        settings,
        "delivering webhooks and polling sources; Ctrl-C (or SIGTERM) stops after the work in flight",
        "worker",
        run_worker,
        run_poller,
    )


Service = Callable[[Settings, asyncio.Event], Awaitable[None]]


async def run_until_stopped(settings: Settings, doing: str, name: str, *services: Service) -> int:
    """Run background services (delivery worker, source poller) until SIGINT or SIGTERM, on a
    database that is reachable and migrated (else one line and an exit code, from the caller)."""
    async with database_errors(settings.database_url, connecting=True):
        await ensure_current(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    print(f"tenure: {doing}", flush=True)
    await asyncio.gather(*(service(settings, stop) for service in services))
    print(f"tenure: {name} stopped", flush=True)
    return 0
