"""Token buckets: each API key may make Settings.rate_limit_per_minute requests a minute.

The buckets live in the process's memory, so the limit is per process: N API processes behind a
load balancer allow a key up to N times the rate. That is a deliberate trade (no shared store on
the request path); put a shared limiter in the load balancer when that matters.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from tenure.errors import RateLimited

__all__ = ["TokenBuckets"]

# Past this many buckets, full ones (idle clients) are dropped so memory stays bounded.
MAX_BUCKETS = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """A bucket of `per_minute` tokens per client, refilled continuously; a burst may use it all."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def take(self, client: str) -> None:
        """Spend one token for client, or raise RateLimited saying when to come back."""
        if self.capacity <= 0:
            return  # a limit of 0 means no limit
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[client] = _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.refill_per_second)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return
        wait = math.ceil((1.0 - bucket.tokens) / self.refill_per_second)
        raise RateLimited(
            f"rate limit of {int(self.capacity)} requests a minute reached; retry in {wait} s",
            retry_after=max(1, wait),
        )

    def _prune(self, now: float) -> None:
        if len(self._buckets) < MAX_BUCKETS:
            return
        for client, bucket in list(self._buckets.items()):
            if bucket.tokens + (now - bucket.updated) * self.refill_per_second >= self.capacity:
                del self._buckets[client]
