"""Politeness toward the sites tenure polls: one request at a time per host, spaced out, and
robots.txt honoured for article pages.

Both are per process: several workers on several machines each keep their own turns, so a host
polled by N workers sees at most N requests per interval (sources are claimed by one worker at a
time, so in practice one worker polls a given feed).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

__all__ = ["HostTurns", "RobotsRules", "RobotsVerdict"]

# robots.txt answers are kept this long per host, then fetched again.
ROBOTS_TTL_SECONDS = 3600.0


class HostTurns:
    """One request at a time to each host, at least `interval` seconds from the end of one to the
    start of the next. Waiting is done holding the host's lock, so turns are taken in order."""

    def __init__(self, interval: float) -> None:
        self.interval = max(0.0, interval)
        self._locks: dict[str, asyncio.Lock] = {}
        self._last_done: dict[str, float] = {}

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._last_done.get(host, float("-inf")) + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._last_done[host] = time.monotonic()


@dataclass(frozen=True, slots=True)
class RobotsVerdict:
    allowed: bool
    # Why not, when not: "robots.txt disallows it" or "robots.txt could not be read (HTTP 503)".
    reason: str | None = None
    # False when the answer may change soon (robots.txt unreachable): the item is tried again later.
    final: bool = True


# (robots.txt URL) -> (HTTP status or None when no answer came, body).
RobotsFetcher = Callable[[str], Awaitable[tuple[int | None, bytes]]]


class RobotsRules:
    """robots.txt per host (RFC 9309 as urllib.robotparser reads it), cached for an hour.

    A missing robots.txt (4xx) allows everything; 401 and 403 are read as "disallow all", as
    urllib.robotparser does; no answer or a 5xx disallows for now (RFC 9309 section 2.3.1.4), so
    the item waits for a later poll rather than being fetched against the site's wishes.
    """

    def __init__(self, fetch: RobotsFetcher, user_agent: str) -> None:
        self.fetch = fetch
        self.user_agent = user_agent
        self._cache: dict[str, tuple[float, RobotFileParser | None, str | None]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def verdict(self, page_url: str, robots_url: str) -> RobotsVerdict:
        async with self._locks.setdefault(robots_url, asyncio.Lock()):
            cached = self._cache.get(robots_url)
            if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL_SECONDS:
                cached = (time.monotonic(), *await self._load(robots_url))
                self._cache[robots_url] = cached
        _, parser, unavailable = cached
        if parser is None:
            return RobotsVerdict(False, unavailable, final=False)
        if parser.can_fetch(self.user_agent, page_url):
            return RobotsVerdict(True)
        return RobotsVerdict(False, f"robots.txt of {robots_url.rsplit('/', 1)[0]} disallows it")

    async def _load(self, robots_url: str) -> tuple[RobotFileParser | None, str | None]:
        status, body = await self.fetch(robots_url)
        parser = RobotFileParser(robots_url)
        if status is None or status >= 500:
            shown = "no answer" if status is None else f"HTTP {status}"
            return None, f"robots.txt could not be read ({shown}); trying again later"
        if status in (401, 403):
            lines = ["User-agent: *", "Disallow: /"]
        elif status >= 400:
            lines = []  # no rules: everything allowed
        else:
            lines = body.decode("utf-8", errors="replace").splitlines()
        parser.parse(lines)
        return parser, None
