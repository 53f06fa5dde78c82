"""Several workers sharing one outbox: each delivery is sent exactly once (PostgreSQL row locks)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections import Counter

import pytest
from sqlalchemy import func, select

from tenure.models import Delivery, DeliveryAttempt
from tenure.settings import Settings
from tenure.webhooks.signing import new_webhook_id
from tenure.webhooks.subscriptions import NewSubscription, create_subscription
from tenure.webhooks.worker import run_worker

from .conftest import Sessions
from .receiver import Receiver

DELIVERIES = 1000


async def _queue(sessions: Sessions, subscription_id: int, count: int) -> None:
    async with sessions() as session, session.begin():
        session.add_all(
            Delivery(
                subscription_id=subscription_id,
                webhook_id=new_webhook_id(),
                kind="created",
                payload={"schema": "tenure.event.v1", "n": n},
                status="pending",
            )
            for n in range(count)
        )


async def _succeeded(sessions: Sessions) -> int:
    async with sessions() as session:
        query = select(func.count()).select_from(Delivery).where(Delivery.status == "succeeded")
        return int((await session.execute(query)).scalar_one())


async def test_two_workers_send_each_of_1000_deliveries_once(
    backend: str, sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    if backend != "postgres":
        pytest.skip("several workers share an outbox through PostgreSQL row locks; SQLite has one writer")
    # A generous timeout: on a loaded machine a slow answer would be retried (at-least-once) and
    # look like a double send; any failed attempt fails the test below anyway.
    settings = dataclasses.replace(settings, http_timeout=30.0)
    sub = await create_subscription(sessions, settings, NewSubscription(url=receiver.url()))
    await _queue(sessions, sub.id, DELIVERIES)
    stop = asyncio.Event()
    workers = [asyncio.create_task(run_worker(settings, stop)) for _ in range(2)]
    try:
        for _ in range(600):
            if await _succeeded(sessions) >= DELIVERIES:
                break
            await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.gather(*workers)

    assert await _succeeded(sessions) == DELIVERIES
    async with sessions() as session:
        failures = list(
            (
                await session.execute(select(DeliveryAttempt.error).where(DeliveryAttempt.error.is_not(None)))
            ).scalars()
        )
    assert failures == []
    ids = Counter(r.headers["webhook-id"] for r in receiver.received)
    assert len(ids) == DELIVERIES
    assert max(ids.values()) == 1
    async with sessions() as session:
        by_worker = dict(
            (
                await session.execute(
                    select(DeliveryAttempt.worker, func.count()).group_by(DeliveryAttempt.worker)
                )
            ).all()
        )
    assert sum(by_worker.values()) == DELIVERIES
    assert len(by_worker) == 2, "both workers should have taken a share"
