"""Webhook fixtures: a receiver on 127.0.0.1, settings that allow it with a short retry schedule."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import time
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Delivery
from tenure.models.db import create_engine, session_factory
from tenure.security.addresses import IpAddress
from tenure.settings import Settings
from tenure.webhooks.worker import deliver_due

PUBLISHED = datetime(2025, 10, 22, 9, 0, tzinfo=UTC)
Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        webhook_allow_hosts=("127.0.0.1",),
        webhook_retry_schedule=(0, 0),
        http_timeout=3.0,
        worker_poll_interval=0.05,
        public_url="https://tenure.example.org",
    )


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[Sessions]:
    engine = create_engine(database_url)
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()


async def drain(sessions: Sessions, settings: Settings, *, within: float = 15.0) -> None:
    """Run worker rounds until no delivery is pending (retries of a 0 s schedule included)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        await deliver_due(sessions, settings, "test-worker")
        async with sessions() as session:
            pending = (await session.execute(select(Delivery.id).where(Delivery.status == "pending"))).first()
        if pending is None:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("deliveries still pending after the timeout")


def independent_verify(secret: str, headers: Mapping[str, str], body: bytes) -> bool:
    """A Standard Webhooks check written from the specification, sharing no code with tenure."""
    key = base64.b64decode(secret.split("_", 1)[1])
    msg_id, stamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(stamp)) > 300:
        return False
    mac = hmac.new(key, msg_id.encode() + b"." + stamp.encode() + b"." + body, hashlib.sha256).digest()
    expected = base64.b64encode(mac).decode()
    for candidate in headers["webhook-signature"].split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False


class FakeResolver:
    """Answers host lookups from a table; the system resolver is never asked."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        import ipaddress

        self.table = {host: [ipaddress.ip_address(a) for a in addrs] for host, addrs in table.items()}

    async def __call__(self, host: str, port: int) -> list[IpAddress]:
        if host not in self.table:
            raise OSError(f"no such host in the test table: {host}")
        return list(self.table[host])


class FailingTransport(httpx.AsyncBaseTransport):
    """Fails the test if any request reaches it: the guard must refuse before connecting."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pytest.fail(f"a request went out to {request.url}")
