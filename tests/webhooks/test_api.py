"""The webhook endpoints through Litestar's test client, on both back ends."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.settings import Settings

from .conftest import Sessions, drain
from .receiver import Receiver
from .test_delivery import DEPARTURE, ingest


@pytest.fixture
async def client(settings: Settings, api_key: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers["Authorization"] = f"Bearer {api_key}"
        yield test_client


def problem(response: Any, status: int, fragment: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert fragment in response.json()["detail"]


async def test_subscription_lifecycle(client: AsyncTestClient[Litestar], receiver: Receiver) -> None:
    created = await client.post(
        "/webhooks/subscriptions", json={"url": receiver.url(), "event_types": ["departure", "appointment"]}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["secret"].startswith("whsec_")
    assert (body["status"], body["event_types"], body["companies"]) == (
        "active",
        ["departure", "appointment"],
        [],
    )
    sub_id = body["id"]

    listed = (await client.get("/webhooks/subscriptions")).json()["items"]
    assert [(s["id"], s["secret"]) for s in listed] == [(sub_id, None)]  # the secret is shown once
    assert (await client.get(f"/webhooks/subscriptions/{sub_id}")).json()["secret"] is None

    paused = await client.post(f"/webhooks/subscriptions/{sub_id}/pause")
    assert paused.json()["status"] == "paused"
    resumed = await client.post(f"/webhooks/subscriptions/{sub_id}/resume")
    assert resumed.json()["status"] == "active"

    assert (await client.delete(f"/webhooks/subscriptions/{sub_id}")).status_code == 204
    problem(await client.get(f"/webhooks/subscriptions/{sub_id}"), 404, "no webhook subscription")


async def test_delivery_log_and_redelivery(
    client: AsyncTestClient[Litestar], receiver: Receiver, sessions: Sessions, settings: Settings
) -> None:
    receiver.script = [(500, {})]
    sub_id = (await client.post("/webhooks/subscriptions", json={"url": receiver.url()})).json()["id"]
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)

    log = (await client.get(f"/webhooks/subscriptions/{sub_id}/deliveries")).json()
    (delivery,) = log["items"]
    assert delivery["status"] == "succeeded"
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 200]
    assert delivery["attempts"][0]["response_excerpt"] == "receiver says no"
    assert delivery["payload"]["event"]["person"]["name"] == "Priya Lindqvist"
    assert delivery["payload"] == json.loads(receiver.received[-1].body)  # the log shows what was sent

    again = await client.post(f"/webhooks/deliveries/{delivery['id']}/redeliver")
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "pending"
    await drain(sessions, settings)
    assert len(receiver.received) == 3
    assert {r.headers["webhook-id"] for r in receiver.received} == {delivery["webhook_id"]}
    problem(await client.post("/webhooks/deliveries/999999/redeliver"), 404, "no webhook delivery")


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"url": "http://10.1.2.3/hook"}, 422, "private-network"),
        ({"url": "http://169.254.169.254/latest/meta-data"}, 422, "metadata"),
        ({"url": "ftp://example.org/hook"}, 422, "scheme"),
        ({"url": "RECEIVER", "event_types": ["resignation"]}, 422, "unknown event type"),
        ({"url": "RECEIVER", "event_types": []}, 422, "at least one"),
    ],
    ids=["private-address", "metadata-address", "bad-scheme", "unknown-type", "no-types"],
)
async def test_invalid_subscriptions_are_refused_with_the_reason(
    client: AsyncTestClient[Litestar], receiver: Receiver, body: dict[str, Any], status: int, fragment: str
) -> None:
    if body["url"] == "RECEIVER":
        body = {**body, "url": receiver.url()}
    problem(await client.post("/webhooks/subscriptions", json=body), status, fragment)
    assert (await client.get("/webhooks/subscriptions")).json()["items"] == []


async def test_subscriptions_need_a_key_even_to_read(client: AsyncTestClient[Litestar]) -> None:
    del client.headers["Authorization"]
    assert (await client.get("/webhooks/subscriptions")).status_code == 401
