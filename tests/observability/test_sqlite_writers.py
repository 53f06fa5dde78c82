"""The embedded default under concurrency: SQLite writers queue for one gate, readers never wait,
and a write that waited past Settings.sqlite_write_wait is a 503 with Retry-After."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from tenure.api.app import create_app
from tenure.errors import DatabaseBusy
from tenure.models import Article, Event, Organization
from tenure.models.db import create_engine, session_factory
from tenure.models.write_gate import write_gate
from tenure.names.keys import name_key
from tenure.settings import Settings

from .conftest import PUBLISHED, Client, scrape, serving, value


@pytest.fixture
def backend() -> str:
    """SQLite only: the gate exists for it (PostgreSQL has row locks and real concurrency)."""
    return "sqlite"


WRITERS = 16
FIRST = ("Imogen", "Rafael", "Sunniva", "Tobiah", "Ulla", "Vikram", "Wendeline", "Xavi")
LAST = ("Achterberg", "Bramwell")
# Four companies for sixteen articles: concurrent ingests resolve the same organisation.
COMPANIES = ("Corvid Instruments", "Dunmore Textiles", "Elsinore Shipping", "Fenwick Optics")


def departure(i: int) -> dict[str, Any]:
    person = f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST)]}"
    company = COMPANIES[i % len(COMPANIES)]
    return {
        "text": f"{person} stepped down as chief financial officer of {company} on Monday.",
        "published_at": PUBLISHED,
        "url": f"https://wire.example.com/moves/{i}",
    }


async def test_sixteen_concurrent_writers_beside_readers_all_succeed(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    statuses: collections.Counter[tuple[str, int]] = collections.Counter()
    writing = True
    _, before = await scrape(client)

    async def write(i: int) -> None:
        response = await client.post("/articles", json=departure(i))
        statuses["write", response.status_code] += 1

    async def read() -> None:
        while writing:
            for path in ("/events", "/articles", "/healthz"):
                statuses["read", (await client.get(path)).status_code] += 1
            await asyncio.sleep(0)

    readers = [asyncio.create_task(read()) for _ in range(4)]
    await asyncio.gather(*(write(i) for i in range(WRITERS)))
    writing = False
    await asyncio.gather(*readers)

    assert {key for key in statuses if key[0] == "write"} == {("write", 201)}
    assert statuses["write", 201] == WRITERS
    assert {key for key in statuses if key[0] == "read"} == {("read", 200)}
    async with sessions() as session:
        urls = set((await session.execute(select(Article.url))).scalars())
        departures = await session.scalar(select(func.count(Event.id)).where(Event.type == "departure"))
        companies = set((await session.execute(select(Organization.name))).scalars())
    assert urls == {departure(i)["url"] for i in range(WRITERS)}
    assert departures == WRITERS
    assert companies == set(COMPANIES)
    _, after = await scrape(client)
    created = ("tenure_http_request_duration_seconds_count", {"method": "POST", "route": "/articles"})
    assert (
        value(after, created[0], **created[1], status="201")
        - value(before, created[0], **created[1], status="201")
        == WRITERS
    )
    assert value(after, created[0], **created[1], status="500") == value(
        before, created[0], **created[1], status="500"
    )


def _no_busy_wait(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Without the gate, a second writer on such a connection fails at once: "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=0")
    cursor.close()


@pytest.fixture
async def impatient(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A second engine on the file (as the webhook worker has), whose connections never wait."""
    engine = create_engine(database_url)
    event.listen(engine.sync_engine, "connect", _no_busy_wait)
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()


def company(name: str) -> Organization:
    return Organization(name=name, name_key=name_key(name, "organization"))


async def test_a_second_writer_queues_at_the_gate_not_at_the_file_lock(
    sessions: async_sessionmaker[AsyncSession], impatient: async_sessionmaker[AsyncSession]
) -> None:
    async def second() -> None:
        async with impatient() as session, session.begin():
            session.add(company("Gullwing Ceramics"))

    async with sessions() as session, session.begin():
        session.add(company("Harrowgate Mining"))
        await session.flush()  # holds the gate and SQLite's write lock
        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.3)
        assert not waiting.done()  # queued, not failed
    await asyncio.wait_for(waiting, 5)

    async with sessions() as session:
        names = set((await session.execute(select(Organization.name))).scalars())
    assert names == {"Harrowgate Mining", "Gullwing Ceramics"}


async def test_without_the_gate_the_same_writer_would_fail(database_url: str) -> None:
    """The control for the test above: the gate, not SQLite, is what made the second writer wait."""
    first_engine, second_engine = create_engine(database_url), create_engine(database_url)
    event.listen(second_engine.sync_engine, "connect", _no_busy_wait)
    try:
        async with first_engine.begin() as first, second_engine.begin() as second:
            await first.execute(
                Organization.__table__.insert().values(name="Ingleby Paper", name_key="ingleby paper")
            )
            with pytest.raises(OperationalError, match="database is locked"):
                await second.execute(
                    Organization.__table__.insert().values(name="Jessop Glass", name_key="jessop glass")
                )
    finally:
        await first_engine.dispose()
        await second_engine.dispose()


@asynccontextmanager
async def writer_holding_the_gate(
    sessions: async_sessionmaker[AsyncSession], name: str
) -> AsyncIterator[None]:
    """Another task (as another request would be) holds the gate and the write lock meanwhile."""
    holding, done = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with sessions() as session, session.begin():
            session.add(company(name))
            await session.flush()
            holding.set()
            await done.wait()

    task = asyncio.create_task(hold())
    await asyncio.wait_for(holding.wait(), 5)
    try:
        yield
    finally:
        done.set()
        await task


async def test_reads_do_not_wait_for_a_writer(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await client.get("/events")  # the key's first use is recorded (a write) before the writer starts
    async with writer_holding_the_gate(sessions, "Kestrel Audio"):
        response = await asyncio.wait_for(client.get("/events"), 5)
    assert response.status_code == 200


async def test_past_the_bound_a_write_is_503_with_retry_after(
    settings: Settings, api_key: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    slow = create_app(dataclasses.replace(settings, sqlite_write_wait=0.3))
    async with serving(slow, api_key) as client:
        await client.get("/events")  # the key's first use is recorded (a write) before the writer starts
        async with writer_holding_the_gate(sessions, "Lindenmere Foods"):
            busy = await client.post("/articles", json=departure(1))
        after = await client.post("/articles", json=departure(1))

    assert busy.status_code == 503, busy.text
    assert busy.headers["content-type"].startswith("application/problem+json")
    assert int(busy.headers["retry-after"]) >= 1
    problem = busy.json()
    assert (problem["title"], problem["type"]) == ("Database busy", "urn:tenure:problem:database-busy")
    assert "0.3 seconds" in problem["detail"]
    assert after.status_code == 201, after.text


async def test_the_gate_is_reentrant_for_its_task_and_bounded_for_others() -> None:
    gate = write_gate("sqlite+aiosqlite:///unit-test-gate.db", 0.1)
    await gate.acquire()
    await gate.acquire()  # a nested session of the same task passes
    other = asyncio.create_task(gate.acquire())
    with pytest.raises(DatabaseBusy) as refused:
        await other
    assert refused.value.headers == {"Retry-After": "1"}
    gate.release()
    gate.release()
    await asyncio.wait_for(asyncio.create_task(gate.acquire()), 1)
