"""Many articles in at once: extraction in worker processes, database writes in concurrent tasks.

Extraction is pure CPU work and the database half is mostly waiting on round trips, so with
`workers` > 1 that many writers run the front door (`ingest_article`: the same checks,
idempotency, all-or-nothing transaction and fact locks) at once, and hand extraction to a
process pool (one process per core, at most one per writer): while one article is extracted in
another process, this one serves the others' round trips. An already known article is found
before extraction, so a re-ingest costs no extraction. With one worker there is no pool: the
front door, one article after another.

The caller hears about every article through `on_done` (a result, or the one-line reason it
failed) and the batch goes on; an unreachable database stops it (DatabaseUnavailable, or the
driver's error, propagates).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import DatabaseUnavailable, TenureError
from tenure.extractors import MAX_ARTICLE_CHARS
from tenure.ingest.service import ArticleInput, IngestResult, ingest_article
from tenure.models.availability import UNREACHABLE

__all__ = ["Outcome", "default_workers", "ingest_many"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one article: its result, or why it failed (one readable line)."""

    label: str
    result: IngestResult | None = None
    error: str | None = None


def default_workers(database_url: str) -> int:
    """Four writers on PostgreSQL; one on SQLite, which lets one writer in at a time anyway."""
    return 4 if database_url.startswith("postgresql") else 1


async def ingest_many(
    sessions: async_sessionmaker[AsyncSession],
    articles: Iterable[tuple[str, ArticleInput | None, str | None]],
    on_done: Callable[[Outcome], None],
    *,
    workers: int = 1,
    max_bytes: int = MAX_ARTICLE_CHARS,
) -> None:
    """Ingest (label, article, error) items: an item with an error (unreadable file) is reported
    as it is. `on_done` is called once per item, in the items' order whatever order the writers
    finish in, so what a batch prints does not depend on the number of workers."""
    in_order = _InOrder(on_done)
    pending = enumerate(articles)  # shared by the writers: each takes the next item
    async with _extraction_pool(workers) as pool:

        async def write() -> None:
            for index, (label, article, error) in pending:
                in_order.done(index, await _one(sessions, label, article, error, max_bytes, pool))

        tasks = [asyncio.ensure_future(write()) for _ in range(max(1, workers))]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


class _InOrder:
    """Hands outcomes on in their items' order, holding back those that finished early."""

    def __init__(self, on_done: Callable[[Outcome], None]) -> None:
        self._on_done = on_done
        self._next = 0
        self._waiting: dict[int, Outcome] = {}

    def done(self, index: int, outcome: Outcome) -> None:
        self._waiting[index] = outcome
        while self._next in self._waiting:
            self._on_done(self._waiting.pop(self._next))
            self._next += 1


@asynccontextmanager
async def _extraction_pool(workers: int) -> AsyncIterator[Executor | None]:
    if workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=max(1, min(workers, os.cpu_count() or 1)))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


async def _one(
    sessions: async_sessionmaker[AsyncSession],
    label: str,
    article: ArticleInput | None,
    error: str | None,
    max_bytes: int,
    pool: Executor | None,
) -> Outcome:
    if article is None:
        return Outcome(label, error=error or "unreadable")
    try:
        result = await ingest_article(sessions, article, max_bytes=max_bytes, extraction=pool)
    except (DatabaseUnavailable, *UNREACHABLE):
        raise
    except TenureError as exc:
        return Outcome(label, error=exc.detail)
    except Exception as exc:  # a bug on one article (say, in extraction) must not stop the batch
        return Outcome(label, error=f"unexpected error: {type(exc).__name__}: {exc}")
    return Outcome(label, result=result)
