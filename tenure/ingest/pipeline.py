"""Many articles in at once: extraction in worker processes, database writes in concurrent tasks.

With `workers` > 1, articles are checked and extracted (pure CPU work) in a process pool, one
process per core and at most one per writer, a few articles ahead of the writers, while
`workers` writer processes (tenure.ingest.writers) store them, each article in its own
transaction through `ingest_prepared` (the front door's database half: idempotency,
all-or-nothing, fact locks). Storing is client-side CPU work too, so the writers are processes,
not tasks of this one: a batch is not capped at what one core does.
Two articles that may touch the same people, companies or facts (tenure.ingest.families) are
stored in batch order, unrelated ones at once, so the stored result is the one a sequential
ingest gives. With one worker it is the front door itself, one article after another.

An article already stored is found before extraction (one query per few dozen articles), so
a re-ingest costs no extraction.

The caller hears about every article through `on_done` (a result, or the one-line reason it
failed), in batch order, and the batch goes on; an unreachable database stops it
(DatabaseUnavailable, or the driver's error, propagates).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import DatabaseUnavailable, TenureError
from tenure.extractors import MAX_ARTICLE_CHARS
from tenure.ingest.families import Families, load_families
from tenure.ingest.service import (
    ArticleInput,
    IngestResult,
    PreparedArticle,
    checked_article,
    content_hash,
    ingest_article,
    known_articles,
    prepare_article,
)
from tenure.ingest.writers import start_writer, store_in_writer
from tenure.models.availability import UNREACHABLE

__all__ = ["Outcome", "default_workers", "ingest_many"]

Item = tuple[str, ArticleInput | None, str | None]  # label, article (None if unreadable), error
# Articles extracted ahead of the writers, per writer: enough to keep the pool busy while the
# writers wait on the database, few enough that a large batch is not held in memory twice.
_AHEAD_PER_WORKER = 4


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
    articles: Iterable[Item],
    on_done: Callable[[Outcome], None],
    *,
    workers: int = 1,
    max_bytes: int = MAX_ARTICLE_CHARS,
) -> None:
    """Ingest (label, article, error) items: an item with an error (unreadable file) is reported
    as it is. `on_done` is called once per item, in the items' order whatever order the writers
    finish in, so what a batch prints does not depend on the number of workers."""
    in_order = _InOrder(on_done)
    if workers <= 1:
        for index, (label, article, error) in enumerate(articles):
            storing = ingest_article(sessions, article, max_bytes=max_bytes) if article else None
            in_order.done(index, await _outcome(label, error, storing))
        return
    families = await load_families(sessions)
    queue: asyncio.Queue[_Job | None] = asyncio.Queue(maxsize=workers * _AHEAD_PER_WORKER)
    url = sessions.kw["bind"].url.render_as_string(hide_password=False)
    extractors = ProcessPoolExecutor(max_workers=min(workers, os.cpu_count() or 1))
    writers = ProcessPoolExecutor(max_workers=workers, initializer=start_writer, initargs=(url,))
    tasks = [
        asyncio.ensure_future(
            _sequence(sessions, iter(articles), extractors, families, queue, workers, max_bytes)
        )
    ]
    tasks += [asyncio.ensure_future(_write(writers, queue, in_order)) for _ in range(workers)]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for pool in (extractors, writers):
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass(slots=True)
class _Job:
    index: int
    label: str
    extraction: asyncio.Future[PreparedArticle] | None  # None: the item could not be read
    error: str | None
    after: list[asyncio.Future[None]]  # earlier articles of the same families
    done: asyncio.Future[None]


async def _sequence(
    sessions: async_sessionmaker[AsyncSession],
    articles: Iterator[Item],
    pool: Executor,
    families: Families,
    queue: asyncio.Queue[_Job | None],
    workers: int,
    max_bytes: int,
) -> None:
    """Start extractions in batch order and hand the writers each article with the earlier
    articles it must wait for (those touching one of its families)."""
    started: asyncio.Queue[_Job | None] = asyncio.Queue(maxsize=workers * _AHEAD_PER_WORKER)
    last: dict[str, asyncio.Future[None]] = {}  # family -> the latest article touching it

    async def start() -> None:
        try:
            for chunk in _chunks(enumerate(articles), workers * _AHEAD_PER_WORKER):
                for job in await _start_chunk(sessions, chunk, pool, max_bytes):
                    await started.put(job)
        finally:
            await started.put(None)

    starting = asyncio.ensure_future(start())
    try:
        while (job := await started.get()) is not None:
            if job.extraction is not None:
                try:
                    prepared: PreparedArticle | None = await asyncio.shield(job.extraction)
                except Exception:  # the writer reports it; no families, nothing to wait for
                    prepared = None
                for family in families.of(prepared.extracted or ()) if prepared else ():
                    previous = last.get(family)
                    if previous is not None and previous not in job.after:
                        job.after.append(previous)
                    last[family] = job.done
            await queue.put(job)
        await starting
    finally:
        starting.cancel()
    for _ in range(workers):
        await queue.put(None)  # one stop mark per writer


def _chunks(items: Iterator[tuple[int, Item]], size: int) -> Iterator[list[tuple[int, Item]]]:
    while chunk := list(islice(items, size)):
        yield chunk


async def _start_chunk(
    sessions: async_sessionmaker[AsyncSession], chunk: list[tuple[int, Item]], pool: Executor, max_bytes: int
) -> list[_Job]:
    """Jobs for a chunk of items: extraction started for the articles not stored yet (one query
    finds those already stored, so a re-ingest costs no extraction)."""
    loop = asyncio.get_running_loop()
    checked: dict[int, ArticleInput | BaseException] = {}
    for index, (_, article, _) in chunk:
        if article is not None:
            try:
                checked[index] = checked_article(article, max_bytes)
            except TenureError as exc:
                checked[index] = exc
    valid = {i: data for i, data in checked.items() if isinstance(data, ArticleInput)}
    digests = {i: content_hash(data.text) for i, data in valid.items()}
    urls, hashes = await known_articles(sessions, [(data.url, digests[i]) for i, data in valid.items()])
    jobs = []
    for index, (label, article, error) in chunk:
        extraction: asyncio.Future[PreparedArticle] | None = None
        data = checked.get(index)
        if isinstance(data, BaseException):
            extraction = loop.create_future()
            extraction.set_exception(data)
        elif data is not None and (digests[index] in hashes or (data.url and data.url in urls)):
            extraction = loop.create_future()
            extraction.set_result(PreparedArticle(data, digests[index], None))
        elif article is not None:
            extraction = loop.run_in_executor(pool, prepare_article, article, max_bytes)
        jobs.append(_Job(index, label, extraction, error, [], loop.create_future()))
    return jobs


async def _write(writers: Executor, queue: asyncio.Queue[_Job | None], in_order: _InOrder) -> None:
    while (job := await queue.get()) is not None:
        try:
            if job.after:
                await asyncio.wait(job.after)
            stored = None
            if job.extraction is not None:
                stored = _store_extracted(writers, job.extraction)
            in_order.done(job.index, await _outcome(job.label, job.error, stored))
        finally:
            if not job.done.done():
                job.done.set_result(None)


async def _store_extracted(writers: Executor, extraction: Awaitable[PreparedArticle]) -> IngestResult:
    prepared = await extraction
    return await asyncio.get_running_loop().run_in_executor(writers, store_in_writer, prepared)


async def _outcome(label: str, error: str | None, storing: Awaitable[IngestResult] | None) -> Outcome:
    if storing is None:
        return Outcome(label, error=error or "unreadable")
    try:
        result = await storing
    except (DatabaseUnavailable, *UNREACHABLE):
        raise
    except TenureError as exc:
        return Outcome(label, error=exc.detail)
    except Exception as exc:  # a bug on one article (say, in extraction) must not stop the batch
        return Outcome(label, error=f"unexpected error: {type(exc).__name__}: {exc}")
    return Outcome(label, result=result)


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
