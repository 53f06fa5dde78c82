"""Observability fixtures: the real app on the test's database, a keyed client, /metrics parsed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families

from tenure.api.app import create_app
from tenure.settings import Settings

Client = AsyncTestClient[Litestar]
PUBLISHED = "2025-10-21T09:30:00-04:00"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        webhook_allow_hosts=("127.0.0.1",),
        webhook_retry_schedule=(0, 0),
        http_timeout=3.0,
    )


@pytest.fixture
async def client(settings: Settings, api_key: str) -> AsyncIterator[Client]:
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


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
