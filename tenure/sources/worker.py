"""The poller: claim due sources, poll them, until told to stop; `tenure worker` and `tenure serve`
run it beside the webhook delivery worker, `tenure sources poll` on its own.

Settings.sources_concurrency lanes run at once, each claiming one source at a time, so a slow
feed never holds up the others; requests to one host still go one at a time (SourceClient).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models.db import create_engine, session_factory
from tenure.settings import Settings
from tenure.sources.claims import ClaimedSource, PollResult, any_due, claim_sources
from tenure.sources.client import SourceClient
from tenure.sources.poll import poll_claimed
from tenure.webhooks.worker import worker_name

__all__ = ["poll_due_once", "run_poller"]

_log = logging.getLogger("tenure.sources")
# After an unexpected error (database down), wait this many idle periods before trying again.
ERROR_BACKOFF_IDLES = 3

Progress = Callable[[ClaimedSource, PollResult], None]


def _log_result(source: ClaimedSource, result: PollResult) -> None:
    if result.error:
        _log.warning("source %s (%s): %s", source.id, source.url, result.error)
    elif result.not_modified:
        _log.debug("source %s: not modified", source.id)
    else:
        _log.info(
            "source %s: %d new, %d duplicate, %d skipped, %d to retry",
            source.id,
            result.new,
            result.duplicate,
            result.skipped,
            result.retry,
        )


async def poll_due_once(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    ids: Sequence[int] = (),
    client: SourceClient | None = None,
    worker: str | None = None,
    progress: Progress | None = None,
) -> list[PollResult]:
    """Poll every source due now (or the named ones) once, sources_concurrency at a time."""
    client = client or SourceClient(settings)
    worker = worker or worker_name()
    results: list[PollResult] = []
    pending = list(ids)

    async def lane() -> None:
        while True:
            if ids:
                if not pending:
                    return
                claimed = await claim_sources(sessions, worker, limit=1, ids=[pending.pop(0)])
                if not claimed:
                    continue  # another worker holds it right now
            else:
                claimed = await claim_sources(sessions, worker, limit=1)
                if not claimed:
                    return
            result = await poll_claimed(sessions, client, claimed[0])
            results.append(result)
            (progress or _log_result)(claimed[0], result)

    await asyncio.gather(*(lane() for _ in range(max(1, settings.sources_concurrency))))
    return results


async def run_poller(settings: Settings, stop: asyncio.Event) -> None:
    """Poll due sources until stop is set; polls in progress stop at their next item."""
    worker = worker_name()
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    client = SourceClient(settings)
    _log.info("source poller %s started", worker)

    async def lane() -> None:
        while not stop.is_set():
            try:
                claimed = await claim_sources(sessions, worker, limit=1) if await any_due(sessions) else []
                if claimed:
                    _log_result(claimed[0], await poll_claimed(sessions, client, claimed[0], stop))
                    continue
                wait = settings.sources_idle_seconds
            except Exception:  # a database outage must not end the poller
                _log.exception("source poller round failed; retrying shortly")
                wait = settings.sources_idle_seconds * ERROR_BACKOFF_IDLES
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), wait)

    try:
        await asyncio.gather(*(lane() for _ in range(max(1, settings.sources_concurrency))))
    finally:
        await engine.dispose()
        _log.info("source poller %s stopped", worker)
