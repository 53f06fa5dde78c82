"""/metrics: the named series are there and move when work happens, on both back ends."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from webhooks.receiver import Receiver

from tenure.models import Delivery, Source, Subscription
from tenure.models.base import utcnow
from tenure.settings import Settings
from tenure.webhooks.worker import deliver_due

from .conftest import PUBLISHED, Client, parse_metrics, scrape, value

DEPARTURE = "Wilhelmina Osei stepped down as chief operating officer of Brackenridge Mills on Monday."
HISTOGRAM = "tenure_http_request_duration_seconds"

NAMED_SERIES = [
    HISTOGRAM,
    "tenure_ingest_articles",
    "tenure_events_created",
    "tenure_webhook_delivery_attempts",
    "tenure_webhook_outbox_depth",
    "tenure_webhook_outbox_oldest_due_age_seconds",
    "tenure_sources",
    "tenure_database_gauges_up",
]


async def test_every_named_series_is_exposed_without_a_key(client: Client) -> None:
    del client.headers["Authorization"]
    families, samples = await scrape(client)

    assert set(NAMED_SERIES) <= families
    assert value(samples, "tenure_database_gauges_up") == 1
    assert value(samples, "tenure_webhook_outbox_depth") == 0
    assert value(samples, "tenure_sources", state="active") == 0


async def test_an_ingest_moves_the_ingest_and_event_counters(client: Client) -> None:
    _, before = await scrape(client)
    article = {"text": DEPARTURE, "published_at": PUBLISHED, "url": "https://mills.example.net/osei"}

    first = await client.post("/articles", json=article)
    again = await client.post("/articles", json=article)
    refused = await client.post("/articles", json={**article, "format": "rtf", "url": None})
    _, after = await scrape(client)

    assert (first.status_code, again.status_code, refused.status_code) == (201, 200, 422)
    assert [e["type"] for e in first.json()["events"]] == ["departure"]
    for outcome in ("new", "duplicate", "rejected"):
        moved = value(after, "tenure_ingest_articles_total", outcome=outcome)
        assert moved - value(before, "tenure_ingest_articles_total", outcome=outcome) == 1, outcome
    created = ("tenure_events_created_total", {"type": "departure"})
    assert value(after, created[0], **created[1]) - value(before, created[0], **created[1]) == 1


async def test_requests_are_timed_by_route_template_not_path(client: Client) -> None:
    count = f"{HISTOGRAM}_count"
    events = {"method": "GET", "route": "/events", "status": "200"}
    _, before = await scrape(client)

    for _ in range(3):
        assert (await client.get("/events")).status_code == 200
    missing = await client.get("/people/987654/timeline")
    _, after = await scrape(client)

    assert value(after, count, **events) - value(before, count, **events) == 3
    assert value(after, f"{HISTOGRAM}_sum", **events) > value(before, f"{HISTOGRAM}_sum", **events)
    assert missing.status_code == 404
    routes = {dict(labels)["route"] for (name, labels) in after if name == count}
    assert [r for r in routes if r.startswith("/people/{") and r.endswith("}/timeline")]
    assert not [route for route in routes if "987654" in route]


async def _due_delivery(sessions: async_sessionmaker[AsyncSession], url: str, waited: float) -> None:
    async with sessions() as session, session.begin():
        subscription = Subscription(url=url, secret="whsec_" + "A" * 32, event_types=["departure"])
        session.add(subscription)
        await session.flush()
        session.add(
            Delivery(
                subscription_id=subscription.id,
                webhook_id="msg_metrics_test",
                kind="created",
                payload={"type": "event.created"},
                next_attempt_at=utcnow() - dt.timedelta(seconds=waited),
            )
        )


async def test_outbox_gauges_and_delivery_attempts_follow_the_worker(
    client: Client, sessions: async_sessionmaker[AsyncSession], settings: Settings, receiver: Receiver
) -> None:
    receiver.default = 500
    await _due_delivery(sessions, receiver.url(), waited=90)
    _, queued = await scrape(client)

    assert value(queued, "tenure_webhook_outbox_depth") == 1
    assert 90 <= value(queued, "tenure_webhook_outbox_oldest_due_age_seconds") < 200

    assert await deliver_due(sessions, settings, "metrics-test") == 1  # 500: retried later
    receiver.default = 200
    assert await deliver_due(sessions, settings, "metrics-test") == 1  # the 0 s schedule: due again
    _, delivered = await scrape(client)

    attempts = "tenure_webhook_delivery_attempts_total"
    for result in ("http_error", "succeeded"):
        assert value(delivered, attempts, result=result) - value(queued, attempts, result=result) == 1
    assert value(delivered, "tenure_webhook_outbox_depth") == 0
    assert value(delivered, "tenure_webhook_outbox_oldest_due_age_seconds") == 0


async def test_source_gauges_show_states_and_the_last_poll(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    now = utcnow()
    async with sessions() as session, session.begin():
        session.add_all(
            [
                Source(url="https://feeds.example.org/a.xml", last_polled_at=now - dt.timedelta(seconds=300)),
                Source(url="https://feeds.example.org/b.xml", last_polled_at=now - dt.timedelta(seconds=120)),
                Source(url="https://feeds.example.org/c.xml", paused=True),
                Source(url="https://feeds.example.org/d.xml", unhealthy=True),
            ]
        )
    families, samples = await scrape(client)

    states = {s: value(samples, "tenure_sources", state=s) for s in ("active", "paused", "unhealthy")}
    assert states == {"active": 2, "paused": 1, "unhealthy": 1}
    assert 120 <= value(samples, "tenure_sources_last_poll_age_seconds") < 200


_PREPARE = """
from tenure.observability.multiprocess import prepare_multiprocess_dir
print(prepare_multiprocess_dir())
"""
_RECORD_IN_A_WORKER = """
from tenure.observability.metrics import INGESTS, observe_request
INGESTS.labels("new").inc(2)
observe_request("GET", "/events", 200, 0.002)
"""
_RENDER = """
import sys
from tenure.observability.metrics import render
sys.stdout.write(render().decode())
"""
_ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, environ: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, check=True, timeout=60, capture_output=True, text=True
    )
    return done.stdout


def test_multiprocess_mode_adds_up_every_worker(tmp_path: Path) -> None:
    """Each process is a worker of `tenure serve --workers N`; the last one answers the scrape."""
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_99999.db").write_bytes(b"left by a previous run")
    environ = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONPATH": str(_ROOT)}

    assert _python(_PREPARE, environ).strip() == str(folder)
    assert not (folder / "counter_99999.db").exists()
    for _ in range(2):
        _python(_RECORD_IN_A_WORKER, environ)
    _, samples = parse_metrics(_python(_RENDER, environ))

    assert value(samples, "tenure_ingest_articles_total", outcome="new") == 4
    events = {"method": "GET", "route": "/events", "status": "200"}
    assert value(samples, f"{HISTOGRAM}_count", **events) == 2


def test_without_the_variable_prepare_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from tenure.observability.multiprocess import prepare_multiprocess_dir

    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    assert prepare_multiprocess_dir() is None
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
