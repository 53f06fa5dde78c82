"""Change webhooks on both back ends: event.retracted and event.updated, each only to who opted in."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from tenure.api.app import create_app
from tenure.curation.corrections import Who, confirm_event, edit_event, reject_event, restore_event
from tenure.ingest.entities import merge_people
from tenure.ingest.reextract import Selection, reextract
from tenure.models import Event
from tenure.settings import Settings
from tenure.webhooks.outbox import record_retraction, record_update
from tenure.webhooks.payload import WebhookPayload
from tenure.webhooks.subscriptions import NewSubscription, create_subscription

from .conftest import Sessions, drain, independent_verify
from .receiver import Receiver
from .test_delivery import DEPARTURE, ingest


def _nothing(text: str, published_at: datetime, *, fmt: str = "auto") -> list[Any]:
    return []


async def test_a_retired_departure_reaches_retraction_subscribers_signed(
    sessions: Sessions, settings: Settings, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = await create_subscription(sessions, settings, NewSubscription(url=receiver.url("/plain")))
    dashboard = await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/dashboard"), notify_retractions=True)
    )
    await ingest(sessions, DEPARTURE)
    monkeypatch.setattr("tenure.ingest.reextract.extract", _nothing)  # the engine no longer sees it
    summary = await reextract(sessions, Selection())
    assert summary.counts["retired"]["departure"] == 1
    await drain(sessions, settings)

    received = sorted(receiver.received, key=lambda r: (r.path, json.loads(r.body)["sequence"]))
    assert [(r.path, json.loads(r.body)["type"]) for r in received] == [
        ("/dashboard", "event.created"),
        ("/dashboard", "event.retracted"),
        ("/plain", "event.created"),
    ]
    retraction = received[1]
    assert independent_verify(dashboard.secret, retraction.headers, retraction.body)
    assert not independent_verify(plain.secret, retraction.headers, retraction.body)
    payload = msgspec.json.decode(retraction.body, type=WebhookPayload)
    assert (payload.change, payload.sequence, payload.event.type) == ("retired", 2, "departure")
    assert payload.event.person is not None and payload.event.person.name == "Priya Lindqvist"
    assert payload.event.sources == []  # the only article no longer states it


async def test_a_fact_found_by_reextraction_is_announced_as_new(
    sessions: Sessions, settings: Settings, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    await create_subscription(sessions, settings, NewSubscription(url=receiver.url()))
    with monkeypatch.context() as patched:
        patched.setattr("tenure.ingest.service.extract", _nothing)  # an engine that missed it
        await ingest(sessions, DEPARTURE)
    assert (await reextract(sessions, Selection())).counts["created"]["departure"] == 1
    await drain(sessions, settings)

    (request,) = receiver.received
    payload = json.loads(request.body)
    assert (payload["type"], payload["change"], payload["event"]["sources"][0]["evidence"]) == (
        "event.created",
        "created",
        DEPARTURE,
    )


@pytest.mark.parametrize(
    ("kind", "paths"),
    [
        pytest.param("edited", ["/updates"], id="an-edit-goes-to-update-subscribers"),
        pytest.param("rejected", ["/retractions"], id="a-rejection-goes-to-retraction-subscribers"),
    ],
)
async def test_the_curation_hooks_reach_only_who_opted_in(
    sessions: Sessions, settings: Settings, receiver: Receiver, kind: str, paths: list[str]
) -> None:
    await ingest(sessions, DEPARTURE)
    for path, options in (
        ("/updates", {"notify_updates": True}),
        ("/retractions", {"notify_retractions": True}),
    ):
        await create_subscription(sessions, settings, NewSubscription(url=receiver.url(path), **options))  # type: ignore[arg-type]
    async with sessions() as session, session.begin():
        event = (await session.execute(select(Event))).scalar_one()
        event.revision += 1
        if kind == "edited":
            event.role = "chief operations officer"
            assert await record_update(session, event) == 1
        else:
            event.state = "rejected"
            assert await record_retraction(session, event, "rejected") == 1
    await drain(sessions, settings)

    bodies = [(r.path, json.loads(r.body)) for r in receiver.received]
    expected_type = "event.updated" if kind == "edited" else "event.retracted"
    assert [(path, body["type"], body["change"], body["sequence"]) for path, body in bodies] == [
        (path, expected_type, kind, 2) for path in paths
    ]


async def test_subscription_api_takes_notify_retractions(
    settings: Settings, api_key: str, receiver: Receiver
) -> None:
    async with AsyncTestClient(app=create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {api_key}"
        created = await client.post(
            "/webhooks/subscriptions", json={"url": receiver.url(), "notify_retractions": True}
        )
        assert created.status_code == 201, created.text
        assert (created.json()["notify_retractions"], created.json()["notify_updates"]) == (True, False)
        listed = (await client.get("/webhooks/subscriptions")).json()["items"]
    assert [s["notify_retractions"] for s in listed] == [True]


async def test_an_analysts_corrections_reach_subscribers(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    # The correction service itself tells subscribers: edit -> updated, reject -> retracted,
    # restore -> created again, confirm -> nothing.
    await ingest(sessions, DEPARTURE)
    await create_subscription(
        sessions,
        settings,
        NewSubscription(url=receiver.url("/all"), notify_updates=True, notify_retractions=True),
    )
    async with sessions() as session:
        event_id = (await session.execute(select(Event.id))).scalar_one()
    who = Who(actor="analyst", reason=None)
    await edit_event(sessions, event_id, {"role": "chief logistics officer"}, who, None)
    await confirm_event(sessions, event_id, who)
    await reject_event(sessions, event_id, who)
    await restore_event(sessions, event_id, who)
    await drain(sessions, settings)

    bodies = sorted((json.loads(r.body) for r in receiver.received), key=lambda b: b["sequence"])
    assert [(b["type"], b["change"], b["event"]["role"]) for b in bodies] == [
        ("event.updated", "edited", "chief logistics officer"),
        ("event.retracted", "rejected", "chief logistics officer"),
        ("event.created", "restored", "chief logistics officer"),
    ]


async def test_an_event_folded_by_a_merge_is_retracted_pointing_at_the_survivor(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    """Two names of one person, one departure each: merging the people deletes one event, and a
    dashboard that was sent it hears it is gone and which event states the fact now."""
    dashboard = await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/dashboard"), notify_retractions=True)
    )
    await create_subscription(sessions, settings, NewSubscription(url=receiver.url("/plain")))
    await ingest(sessions, DEPARTURE)
    await ingest(sessions, DEPARTURE.replace("Priya Lindqvist", "Priya Holm"))
    async with sessions() as session:
        kept, folded = (await session.execute(select(Event).order_by(Event.id))).scalars().all()
    await merge_people(sessions, folded.person_id or 0, kept.person_id or 0)
    await drain(sessions, settings)

    retractions = [r for r in receiver.received if json.loads(r.body)["type"] == "event.retracted"]
    assert [r.path for r in retractions] == ["/dashboard"]
    assert independent_verify(dashboard.secret, retractions[0].headers, retractions[0].body)
    payload = msgspec.json.decode(retractions[0].body, type=WebhookPayload)
    assert (payload.change, payload.folded_into, payload.event.id) == ("folded", kept.id, folded.id)
    assert payload.sequence == folded.revision + 1  # newer than the event.created it follows
    assert [s.url for s in payload.event.sources] == [None]  # as the subscriber last saw it
    created = [json.loads(r.body) for r in receiver.received if json.loads(r.body)["type"] == "event.created"]
    assert all("folded_into" not in body for body in created)
    async with sessions() as session:
        assert (await session.execute(select(Event.id))).scalars().all() == [kept.id]
