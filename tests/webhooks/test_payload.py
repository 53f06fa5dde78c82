"""The payload is the API's event shape, its JSON Schema is generated, and updates reach who asked."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema_rs
import msgspec
from sqlalchemy import select

from tenure.ingest.service import ArticleInput, ingest_article
from tenure.models import Event
from tenure.settings import Settings
from tenure.timelines.filters import EventFilter
from tenure.timelines.queries import EventQuery, event_out, events_page
from tenure.webhooks.payload import SCHEMA, SCHEMA_FILE, WebhookPayload, payload_json_schema
from tenure.webhooks.subscriptions import NewSubscription, create_subscription

from .conftest import Sessions, drain
from .receiver import Receiver
from .test_delivery import DEPARTURE, ingest

SAME_FACT = "A filing shows Priya Lindqvist stepped down as chief operating officer of Halvorsen Freight."


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = json.loads(SCHEMA_FILE.read_text())
    assert committed == payload_json_schema(), (
        "docs/webhook-payload.schema.json is stale: run `make schema` and commit the file"
    )
    assert committed["properties"]["schema"]["enum"] == [SCHEMA]
    event = committed["$defs"]["EventOut"]["properties"]
    assert event["type"]["enum"] == [
        "appointment",
        "award",
        "departure",
        "founding",
        "funding_round",
        "reporting_change",
    ]
    source = committed["$defs"]["SourceOut"]["properties"]
    assert "source" in source and "publisher" not in source and "evidence_span" in source


def test_a_drifted_payload_does_not_decode() -> None:
    body = {"schema": "tenure.event.v1", "type": "event.created"}
    try:
        msgspec.json.decode(json.dumps(body), type=WebhookPayload)
    except msgspec.ValidationError as exc:
        assert "tenure.event.v2" in str(exc) or "schema" in str(exc)
    else:
        raise AssertionError("a v1 body decoded as v2")


async def test_payloads_match_the_schema_and_updates_reach_only_who_asked(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    await create_subscription(sessions, settings, NewSubscription(url=receiver.url("/new-only")))
    await create_subscription(
        sessions, settings, NewSubscription(url=receiver.url("/updates"), notify_updates=True)
    )
    await ingest(sessions, DEPARTURE)
    await ingest(sessions, SAME_FACT)  # the same departure, reported again: a second source
    await drain(sessions, settings)

    validator = jsonschema_rs.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    for received in receiver.received:
        validator.validate(json.loads(received.body))  # the committed schema, details by type too
    bodies = [(r.path, msgspec.json.decode(r.body, type=WebhookPayload)) for r in receiver.received]
    seen = sorted((path, b.type, b.sequence, len(b.event.sources)) for path, b in bodies)
    assert seen == [
        ("/new-only", "event.created", 1, 1),
        ("/updates", "event.created", 1, 1),
        ("/updates", "event.updated", 2, 2),
    ]


async def test_the_payload_event_is_what_the_api_shows(
    sessions: Sessions, settings: Settings, receiver: Receiver
) -> None:
    """Same keys and values as GET /events: source (not publisher), the article's local time,
    evidence_span, rounded confidence."""
    await create_subscription(sessions, settings, NewSubscription(url=receiver.url()))
    new_york = dt.timezone(dt.timedelta(hours=-4))
    published = dt.datetime(2025, 10, 22, 5, 0, tzinfo=new_york)
    await ingest_article(sessions, ArticleInput(text=DEPARTURE, published_at=published, source="Wire"))
    await drain(sessions, settings)
    sent = json.loads(receiver.received[0].body)["event"]
    async with sessions() as session:
        page = await events_page(session, EventQuery(filter=EventFilter()), None, 10)
        (stored,) = (await session.execute(select(Event))).scalars()
    api = json.loads(msgspec.json.encode(event_out(page.items[0])))
    assert sent == api
    source = sent["sources"][0]
    assert source["source"] == "Wire" and "publisher" not in source
    assert source["published_at"] == "2025-10-22T05:00:00-04:00"
    assert source["evidence_span"] == [0, len(DEPARTURE)]
    assert sent["confidence"] == round(stored.confidence, 3)
