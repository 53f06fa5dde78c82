"""Webhook targets go through the address guard: at subscription time and again at every send.

The second check matters: a name that was public when the subscription was made can later
resolve to an internal address (DNS rebinding); the delivery must then be refused, never sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.app import create_app
from tenure.errors import AddressRefused
from tenure.settings import Settings
from tenure.webhooks.subscriptions import NewSubscription, create_subscription, list_subscriptions
from tenure.webhooks.worker import ClaimedDelivery, Transports, send_one

from .fakes import FailingTransport, FakeResolver

RESOLVER = FakeResolver(
    {
        "hooks.example": ["93.184.216.34"],
        "sneaky.example": ["127.0.0.1"],
        "metadata.example": ["169.254.169.254"],
        "half.example": ["93.184.216.34", "10.0.0.1"],
    }
)
REFUSED = [
    ("loopback", "http://127.0.0.1:9000/hook", "loopback"),
    ("private", "http://10.0.0.1/hook", "private-network"),
    ("metadata", "http://169.254.169.254/latest/meta-data/", "metadata"),
    ("v6-loopback", "http://[::1]/hook", "loopback"),
    ("name-to-loopback", "https://sneaky.example/hook", "sneaky.example resolves to 127.0.0.1"),
    ("name-to-metadata", "https://metadata.example/hook", "metadata"),
    ("one-private-address-of-two", "https://half.example/hook", "10.0.0.1"),
    ("ftp-scheme", "ftp://hooks.example/hook", "scheme"),
]


def _settings(database_url: str, resolver: FakeResolver = RESOLVER) -> Settings:
    return Settings(
        database_url=database_url, extra={"resolver": resolver, "http_transport": FailingTransport()}
    )


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
async def test_a_subscription_to_an_internal_target_is_refused(
    sessions: async_sessionmaker[AsyncSession], database_url: str, url: str, words: str
) -> None:
    with pytest.raises(AddressRefused) as info:
        await create_subscription(sessions, _settings(database_url), NewSubscription(url=url))
    assert words in info.value.detail
    assert await list_subscriptions(sessions) == []


async def test_the_operator_can_allow_an_internal_receiver(
    sessions: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    settings = Settings(database_url=database_url, webhook_allow_hosts=("10.0.0.0/8",))
    row = await create_subscription(sessions, settings, NewSubscription(url="http://10.0.0.1/hook"))
    assert row.url == "http://10.0.0.1/hook"


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
async def test_a_delivery_to_a_target_that_turned_internal_is_never_sent(url: str, words: str) -> None:
    delivery = ClaimedDelivery(
        id=1,
        subscription_id=1,
        webhook_id="msg_test",
        payload={"type": "event.created", "data": {}},
        attempt_count=0,
        created_at=dt.datetime(2025, 10, 21, tzinfo=dt.UTC),
        url=url,
        secret="whsec_" + "A" * 32,
    )
    settings = Settings(extra={"resolver": RESOLVER, "http_transport": FailingTransport()})
    # The failing transport stands in for every connection pool the worker would lend.
    outcome = await send_one(delivery, settings, Transports(FailingTransport()))
    assert outcome.status_code is None
    assert outcome.error is not None and words in outcome.error


# --- through the API --------------------------------------------------------------------------


@pytest.fixture
async def client(database_url: str, api_key: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=create_app(_settings(database_url))) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


@pytest.mark.parametrize(("url", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
async def test_the_api_refuses_internal_webhook_targets(
    client: AsyncTestClient[Litestar], url: str, words: str
) -> None:
    response = await client.post("/webhooks/subscriptions", json={"url": url})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert words in response.json()["detail"]
    listing = await client.get("/webhooks/subscriptions")
    assert listing.status_code == 200
    assert listing.json()["items"] == []


async def test_webhook_management_needs_a_key_even_to_read(client: AsyncTestClient[Litestar]) -> None:
    created = await client.post("/webhooks/subscriptions", json={"url": "https://hooks.example/tenure"})
    assert created.status_code == 201, created.text
    assert created.json()["secret"].startswith("whsec_")
    del client.headers["Authorization"]
    for path in ("/webhooks/subscriptions", "/webhooks/subscriptions/1"):
        response = await client.get(path)
        assert response.status_code == 401, (path, response.text)
        assert "whsec_" not in response.text
    assert (
        await client.post("/webhooks/subscriptions", json={"url": "https://hooks.example/x"})
    ).status_code == 401
