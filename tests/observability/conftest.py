"""Observability fixtures: the real app on the test's database, a keyed client, /metrics parsed.

The client is httpx over ASGI in the test's own event loop, so requests gathered together really
run concurrently, each in its own task, as under uvicorn. (Litestar's AsyncTestClient runs the
app in a thread of its own and answers one request at a time: no concurrency to test.)
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from litestar import Litestar
from prometheus_client.parser import text_string_to_metric_families

from tenure.api.app import create_app
from tenure.settings import Settings

Client = httpx.AsyncClient
PUBLISHED = "2025-10-21T09:30:00-04:00"


@pytest.fixture
def settings(database_url: str) -> Settings:
    # The webhook receiver is on 127.0.0.1; a failed attempt is due again at once.
    return Settings(
        database_url=database_url, webhook_allow_hosts=("127.0.0.1",), webhook_retry_schedule=(0, 0)
    )


@asynccontextmanager
async def serving(app: Litestar, api_key: str | None = None) -> AsyncIterator[Client]:
    """A client of the app, its lifespan (database engine) running meanwhile.

    The lifespan runs in a task of its own: it must end in the task it began in, and a fixture's
    teardown may run in another.
    """
    started, stopping = asyncio.Event(), asyncio.Event()

    async def lifespan() -> None:
        async with app.lifespan():
            started.set()
            await stopping.wait()

    running = asyncio.create_task(lifespan())
    await asyncio.wait([running, asyncio.create_task(started.wait())], return_when=asyncio.FIRST_COMPLETED)
    if running.done():
        running.result()  # start-up failed: raise its error here
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers=headers, timeout=60
        ) as http:
            yield http
    finally:
        stopping.set()
        await running


@pytest.fixture
async def client(settings: Settings, api_key: str) -> AsyncIterator[Client]:
    async with serving(create_app(settings), api_key) as http:
        yield http


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse_metrics(text: str) -> tuple[set[str], Samples]:
    """(family names, {(sample name, sorted labels): value}) of a Prometheus text exposition."""
    families: set[str] = set()
    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        families.add(family.name)
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return families, samples


async def scrape(client: Client) -> tuple[set[str], Samples]:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return parse_metrics(response.text)


def value(samples: Samples, name: str, **labels: str) -> float:
    """A sample's value; 0 when the series has not been recorded yet."""
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)
