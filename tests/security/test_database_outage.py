"""The database dies before or during an ingest: 503 with a message, nothing half-written, and
the same app serves again once the database is back, without a restart.

Runs on a private PostgreSQL (tests/security/private_postgres.py), never the machine's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest
from conftest import new_api_key
from litestar.testing import AsyncTestClient

from tenure.api.app import create_app
from tenure.models.migrate import run_blocking, upgrade
from tenure.settings import Settings

from .private_postgres import PrivatePostgres, create_database, running_private_postgres

PUBLISHED = "2025-10-21T09:30:00Z"
FIRST = "Harbor Lane Logistics said on Monday that Priya Okafor will become chief executive."
SECOND = "Quillfeather Labs said on Tuesday that its chief executive Mara Ellison will step down."
THIRD = "Northgate Ventures said on Wednesday that it hired Kim Sato as a partner."


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    yield from running_private_postgres("database outage test")


async def _counts(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(url.replace("+asyncpg", ""), timeout=5)
    try:
        tables = ("articles", "events", "event_sources", "people", "organizations")
        return {t: int(await conn.fetchval(f"SELECT count(*) FROM {t}")) for t in tables}
    finally:
        await conn.close()


@pytest.fixture
def outage_db(private_pg: PrivatePostgres, request: pytest.FixtureRequest) -> str:
    name = f"outage_{request.node.name.replace('[', '_').replace(']', '')[:40]}"
    run_blocking(create_database(private_pg, name))
    url = private_pg.url(name)
    upgrade(url)
    return url


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    return body


async def test_database_stopped_before_an_ingest(private_pg: PrivatePostgres, outage_db: str) -> None:
    key = await new_api_key(outage_db, "outage test")
    app = create_app(Settings(database_url=outage_db))
    headers = {"Authorization": f"Bearer {key}"}
    async with AsyncTestClient(app=app) as client:
        first = await client.post(
            "/articles", json={"text": FIRST, "published_at": PUBLISHED}, headers=headers
        )
        assert first.status_code == 201, first.text
        before = await _counts(outage_db)

        private_pg.stop("fast")
        try:
            down = await client.post(
                "/articles", json={"text": SECOND, "published_at": PUBLISHED}, headers=headers
            )
            body = _problem(down, 503)
            assert "database" in body["detail"].lower()
            assert down.headers.get("retry-after")
            read = await client.get("/events")
            _problem(read, 503)
        finally:
            private_pg.start()

        # The same app, no restart: the pool notices the dead connections and reconnects.
        again = await client.post(
            "/articles", json={"text": SECOND, "published_at": PUBLISHED}, headers=headers
        )
        assert again.status_code == 201, again.text
        assert (await client.get("/events")).status_code == 200
    after = await _counts(outage_db)
    assert after["articles"] == before["articles"] + 1


async def test_database_killed_during_an_ingest_leaves_nothing_half_written(
    private_pg: PrivatePostgres, outage_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = await new_api_key(outage_db, "outage test")
    app = create_app(Settings(database_url=outage_db))
    headers = {"Authorization": f"Bearer {key}"}
    from tenure.webhooks import outbox

    real_enqueue = outbox.enqueue_event_changes
    killed: list[bool] = []

    async def kill_then_enqueue(session: Any, changes: Any) -> Any:
        # The article, people and events are flushed but not committed: the server dies now.
        if not killed:
            killed.append(True)
            private_pg.stop("immediate")
        return await real_enqueue(session, changes)

    async with AsyncTestClient(app=app) as client:
        first = await client.post(
            "/articles", json={"text": FIRST, "published_at": PUBLISHED}, headers=headers
        )
        assert first.status_code == 201, first.text
        before = await _counts(outage_db)

        monkeypatch.setattr(outbox, "enqueue_event_changes", kill_then_enqueue)
        try:
            down = await client.post(
                "/articles", json={"text": THIRD, "published_at": PUBLISHED}, headers=headers
            )
            assert killed, "the ingest never reached the point where the database is killed"
            body = _problem(down, 503)
            assert "database" in body["detail"].lower()
        finally:
            monkeypatch.setattr(outbox, "enqueue_event_changes", real_enqueue)
            private_pg.start()

        assert await _counts(outage_db) == before  # nothing of the failed ingest survived
        again = await client.post(
            "/articles", json={"text": THIRD, "published_at": PUBLISHED}, headers=headers
        )
        assert again.status_code == 201, again.text
        assert again.json()["events"], again.text
    after = await _counts(outage_db)
    assert after["articles"] == before["articles"] + 1
    assert after["events"] > before["events"]
