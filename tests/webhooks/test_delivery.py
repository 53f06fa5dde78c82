"""Deliveries end to end against a real receiver on 127.0.0.1, on both back ends."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import threading

import pytest
from sqlalchemy import select

from tenure.errors import AddressRefused, Conflict
from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Delivery, DeliveryAttempt, Organization, Subscription
from tenure.names.keys import name_key
from tenure.settings import Settings
from tenure.webhooks.subscriptions import (
    NewSubscription,
    create_subscription,
    delete_subscription,
    list_deliveries,
    redeliver,
)
from tenure.webhooks.worker import deliver_due, run_worker

from .conftest import PUBLISHED, FailingTransport, FakeResolver, Sessions, drain, independent_verify
from .receiver import Receiver

DEPARTURE = "Priya Lindqvist stepped down as chief operating officer of Halvorsen Freight on Monday."
OTHER_DEPARTURE = "Tobias Renner resigned as chief executive of Ostrava Dynamics on Monday."
APPOINTMENT = "Halvorsen Freight named Ada Brenner its chief executive on Monday."


async def ingest(sessions: Sessions, text: str) -> None:
    await ingest_article(sessions, ArticleInput(text=text, published_at=PUBLISHED, url=None, title="Moves"))


async def subscribe(
    sessions: Sessions, settings: Settings, receiver: Receiver, **kwargs: object
) -> Subscription:
    return await create_subscription(sessions, settings, NewSubscription(url=receiver.url(), **kwargs))  # type: ignore[arg-type]


async def attempts_of(sessions: Sessions) -> list[DeliveryAttempt]:
    async with sessions() as session:
        return list((await session.execute(select(DeliveryAttempt).order_by(DeliveryAttempt.id))).scalars())


async def only_delivery(sessions: Sessions) -> Delivery:
    async with sessions() as session:
        return (await session.execute(select(Delivery))).scalar_one()


async def test_an_ingested_departure_arrives_once_signed(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    sub = await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)

    assert len(receiver.received) == 1
    request = receiver.received[0]
    assert independent_verify(sub.secret, request.headers, request.body)
    assert not independent_verify(sub.secret, request.headers, request.body + b" ")
    assert request.headers["webhook-id"].startswith("msg_")
    assert request.headers["content-type"] == "application/json"
    payload = json.loads(request.body)
    assert payload["schema"] == "tenure.event.v2"
    assert payload["type"] == "event.created"
    assert payload["sequence"] == 1
    event = payload["event"]
    assert (event["type"], event["person"]["name"], event["organization"]["name"]) == (
        "departure",
        "Priya Lindqvist",
        "Halvorsen Freight",
    )
    assert event["date"] == "2025-10-20"
    assert event["sources"][0]["evidence"] == DEPARTURE
    assert payload["links"]["person_timeline"] == (
        f"https://tenure.example.org/people/{event['person']['id']}/timeline"
    )
    assert payload["links"]["company_timeline"].endswith(f"/companies/{event['organization']['id']}/timeline")
    delivery = await only_delivery(sessions)
    assert (delivery.status, delivery.attempt_count, delivery.webhook_id) == (
        "succeeded",
        1,
        request.headers["webhook-id"],
    )


async def test_filters_on_type_and_company_hold(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    async with sessions() as session, session.begin():
        halvorsen = Organization(
            name="Halvorsen Freight", name_key=name_key("Halvorsen Freight", "organization")
        )
        session.add(halvorsen)
    await subscribe(sessions, settings, receiver)  # every departure
    by_company = await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/halvorsen"), organization_ids=[halvorsen.id])
    )
    await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/appointments"), event_types=["appointment"])
    )
    for text in (DEPARTURE, OTHER_DEPARTURE, APPOINTMENT):
        await ingest(sessions, text)
    await drain(sessions, settings)

    seen = sorted(
        (r.path, json.loads(r.body)["event"]["type"], json.loads(r.body)["event"]["organization"]["name"])
        for r in receiver.received
    )
    assert seen == [
        ("/appointments", "appointment", "Halvorsen Freight"),
        ("/halvorsen", "departure", "Halvorsen Freight"),
        ("/hook", "departure", "Halvorsen Freight"),
        ("/hook", "departure", "Ostrava Dynamics"),
    ]
    assert by_company.organization_ids == [halvorsen.id]


async def test_500_twice_then_200_arrives_on_the_third_attempt(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.script = [(500, {}), (500, {})]
    await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)

    assert len(receiver.received) == 3
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    attempts = await attempts_of(sessions)
    assert [a.status_code for a in attempts] == [500, 500, 200]
    assert [a.error is None for a in attempts] == [False, False, True]
    assert attempts[0].response_excerpt == "receiver says no"
    delivery = await only_delivery(sessions)
    assert (delivery.status, delivery.attempt_count) == ("succeeded", 3)


async def test_the_retry_schedule_spaces_attempts(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.script = [(503, {})]
    slow = dataclasses.replace(settings, webhook_retry_schedule=(1, 1))
    await subscribe(sessions, slow, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, slow)
    first, second = receiver.received
    # One second, give or take the 20% jitter.
    assert 0.75 <= second.at - first.at <= 2.5


async def test_retry_after_is_honoured(sessions: Sessions, settings: Settings, receiver: Receiver) -> None:
    receiver.script = [(429, {"Retry-After": "1"})]
    await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)
    first, second = receiver.received
    assert second.at - first.at >= 0.95


async def test_a_worker_killed_mid_attempt_leaves_the_delivery_for_a_restart(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.stall = threading.Event()
    await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    worker = asyncio.create_task(run_worker(settings, asyncio.Event(), lease_seconds=1.0))
    for _ in range(200):
        if receiver.received:
            break
        await asyncio.sleep(0.02)
    assert len(receiver.received) == 1
    worker.cancel()  # killed while the receiver holds the request open
    with pytest.raises(asyncio.CancelledError):
        await worker
    receiver.stall.set()
    receiver.stall = None
    assert (await only_delivery(sessions)).status == "pending"
    assert await attempts_of(sessions) == []

    stop = asyncio.Event()
    restarted = asyncio.create_task(run_worker(settings, stop, lease_seconds=1.0))
    try:
        for _ in range(300):
            if (await only_delivery(sessions)).status == "succeeded":
                break
            await asyncio.sleep(0.02)
    finally:
        stop.set()
        await restarted
    first, second = receiver.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert (await only_delivery(sessions)).status == "succeeded"
    # The killed worker's send is logged as unknown (it did reach the receiver), then the resend.
    attempts = await attempts_of(sessions)
    assert [(a.outcome, a.status_code) for a in attempts] == [("unknown", None), ("succeeded", 200)]
    assert attempts[0].error is not None and attempts[0].error.startswith("outcome unknown")


async def test_410_disables_the_subscription(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.script = [(410, {})]
    sub = await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)
    await ingest(sessions, OTHER_DEPARTURE)  # a disabled subscription collects nothing more
    await drain(sessions, settings)
    async with sessions() as session:
        stored = await session.get(Subscription, sub.id)
        assert stored is not None
        assert stored.status == "disabled"
        assert "410" in (stored.disabled_reason or "")
    assert len(receiver.received) == 1
    logs = await list_deliveries(sessions, sub.id)
    assert sorted(log.delivery.status for log in logs) == ["failed"]


async def test_a_redirect_is_a_failure_and_is_not_followed(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.script = [(302, {"Location": receiver.url("/elsewhere")})]
    await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)
    assert [r.path for r in receiver.received] == ["/hook", "/hook"]
    attempts = await attempts_of(sessions)
    assert [a.status_code for a in attempts] == [302, 200]
    assert "redirect" in (attempts[0].error or "")


async def test_failing_for_the_whole_schedule_disables_with_a_reason(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.default = 500
    sub = await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    await drain(sessions, settings)
    assert len(receiver.received) == 3  # the first attempt and one per schedule entry
    delivery = await only_delivery(sessions)
    assert (delivery.status, delivery.attempt_count) == ("failed", 3)
    async with sessions() as session:
        stored = await session.get(Subscription, sub.id)
        assert stored is not None
        assert stored.status == "disabled"
        assert "retry schedule" in (stored.disabled_reason or "")
        assert "500" in (stored.disabled_reason or "")


@pytest.mark.parametrize(
    ("url", "resolves_to", "reason"),
    [
        ("http://hooks.internal.example/x", ["10.0.0.5"], "private"),
        ("http://metadata.example/latest", ["169.254.169.254"], "metadata"),
        ("http://[::ffff:127.0.0.1]:8080/x", [], "loopback"),
        ("http://localhost.example/x", ["::1"], "loopback"),
    ],
    ids=["private-v4", "metadata", "mapped-loopback-literal", "loopback-v6"],
)
async def test_a_non_public_target_is_refused_at_creation(
    sessions: Sessions, database_url: str, url: str, resolves_to: list[str], reason: str
) -> None:
    guarded = Settings(
        database_url=database_url,
        extra={
            "resolver": FakeResolver({url.split("/")[2]: resolves_to}),
            "http_transport": FailingTransport(),
        },
    )
    with pytest.raises(AddressRefused, match=reason):
        await create_subscription(sessions, guarded, NewSubscription(url=url))
    async with sessions() as session:
        assert (await session.execute(select(Subscription))).first() is None


async def test_an_idle_worker_wakes_on_commit_not_at_its_next_poll(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    # PostgreSQL: NOTIFY at commit; SQLite: the in-process after-commit hook (worker in this process).
    sleepy = dataclasses.replace(settings, worker_poll_interval=60.0)
    await subscribe(sessions, sleepy, receiver)
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(sleepy, stop))
    try:
        await asyncio.sleep(0.5)  # the worker's first round found nothing: it now waits up to 60 s
        await ingest(sessions, DEPARTURE)
        for _ in range(250):
            if receiver.received:
                break
            await asyncio.sleep(0.02)
        assert len(receiver.received) == 1, "the worker slept through the commit"
    finally:
        stop.set()
        await worker


async def test_a_subscription_deleted_mid_send_ends_the_round_cleanly(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    receiver.stall = threading.Event()
    sub = await subscribe(sessions, settings, receiver)
    await ingest(sessions, DEPARTURE)
    round_ = asyncio.create_task(deliver_due(sessions, settings, "test-worker"))
    for _ in range(200):
        if receiver.received:
            break
        await asyncio.sleep(0.02)
    (delivery,) = [log.delivery for log in await list_deliveries(sessions, sub.id)]
    with pytest.raises(Conflict, match="being sent right now"):
        await redeliver(sessions, delivery.id)
    await delete_subscription(sessions, sub.id)
    receiver.stall.set()
    assert await round_ == 1
    assert await attempts_of(sessions) == []


async def test_every_send_checks_the_address_again(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    await subscribe(sessions, settings, receiver)  # allowed when created
    await ingest(sessions, DEPARTURE)
    # The operator then withdraws the allowance: the worker must refuse before connecting.
    strict = dataclasses.replace(
        settings,
        webhook_allow_hosts=(),
        extra={"http_transport": FailingTransport(), "resolver": FakeResolver({})},
    )
    await deliver_due(sessions, strict, "test-worker")
    (attempt,) = await attempts_of(sessions)
    assert attempt.status_code is None
    assert "loopback" in (attempt.error or "")
    assert receiver.received == []


async def _round_beside_a_hostile_receiver(
    sessions: Sessions, settings: Settings, receiver: Receiver, answer: bytes
) -> list[DeliveryAttempt]:
    """One departure to two subscribers, one of which answers 200 with `answer`; drained, then one
    more round (a jammed round would send again there). Each receiver must have got it once."""
    hostile = Receiver()
    hostile.answer = answer
    try:
        await subscribe(sessions, settings, hostile)
        await subscribe(sessions, settings, receiver)
        await ingest(sessions, DEPARTURE)
        await drain(sessions, settings)
        await deliver_due(sessions, settings, "test-worker")
        assert (len(hostile.received), len(receiver.received)) == (1, 1)
    finally:
        hostile.close()
    attempts = await attempts_of(sessions)
    assert [a.status_code for a in attempts] == [200, 200]
    return attempts


async def test_a_nul_in_a_receivers_answer_is_recorded_once_and_jams_nothing(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    """PostgreSQL refuses NUL in text: the answer is cleaned before it is stored, so the round
    that holds it commits, and neither it nor the other delivery in the round is sent again."""
    answer = b'{"ok": true}\x00\x00 and \x1b[31m escape codes'
    attempts = await _round_beside_a_hostile_receiver(sessions, settings, receiver, answer)
    excerpts = sorted(a.response_excerpt or "" for a in attempts)
    assert excerpts == ['{"ok": true}', '{"ok": true} and [31m escape codes']


async def test_a_record_the_database_refuses_does_not_roll_back_the_round(
    sessions: Sessions, settings: Settings, receiver: Receiver, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the cleaning, PostgreSQL refuses the round; each attempt is then recorded alone and
    the refused one without the receiver's text, so nothing is sent twice."""
    monkeypatch.setattr("tenure.webhooks.worker.storable", lambda text, limit=None: text)
    attempts = await _round_beside_a_hostile_receiver(sessions, settings, receiver, b"ok\x00")
    stored = sorted(str(a.response_excerpt) for a in attempts)
    assert stored == (["None", '{"ok": true}'] if backend == "postgres" else ["ok\x00", '{"ok": true}'])
