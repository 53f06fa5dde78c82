"""The per-key token bucket: a burst up to the limit, then 429 with Retry-After, then refill."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.errors import RateLimited
from tenure.security.ratelimit import TokenBuckets
from tenure.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refusal_then_refill() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=3, clock=clock)
    for _ in range(3):
        buckets.take("key:1")
    with pytest.raises(RateLimited) as info:
        buckets.take("key:1")
    assert info.value.retry_after == 20  # one token comes back every 60/3 seconds
    buckets.take("key:2")  # other keys have their own bucket
    clock.now += 20
    buckets.take("key:1")
    with pytest.raises(RateLimited):
        buckets.take("key:1")


def test_zero_means_no_limit() -> None:
    buckets = TokenBuckets(per_minute=0)
    for _ in range(1000):
        buckets.take("key:1")


async def test_the_api_answers_429_with_retry_after(database_url: str, api_key: str) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=5)
    async with AsyncTestClient(app=create_app(settings)) as client:
        headers = {"Authorization": f"Bearer {api_key}"}
        codes = [(await client.get("/events", headers=headers)).status_code for _ in range(5)]
        assert codes == [200] * 5
        refused = await client.get("/events", headers=headers)
        assert refused.status_code == 429
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert int(refused.headers["retry-after"]) == 12
        assert "5 requests a minute" in refused.json()["detail"]
