"""/healthz answers without the database; /readyz says whether the database answers at head.

The outage runs on a private PostgreSQL (tests/security/private_postgres.py), never the machine's.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from security.private_postgres import PrivatePostgres, create_database, running_private_postgres

from tenure.api.app import create_app
from tenure.models.migrate import downgrade, head_revision, run_blocking, upgrade
from tenure.settings import Settings

from .conftest import Client, serving


async def probe(client: Client, path: str) -> tuple[int, dict[str, object]]:
    response = await client.get(path)
    return response.status_code, response.json()


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the SQLite cases below make their own files; PostgreSQL has its own server


async def test_probes_need_no_key_even_when_reads_do(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'keyed.db'}"
    upgrade(url)
    app = create_app(Settings(database_url=url, require_read_key=True))
    async with serving(app) as client:
        assert await probe(client, "/healthz") == (200, {"status": "alive"})
        assert await probe(client, "/readyz") == (200, {"status": "ready", "revision": head_revision()})
        assert (await client.get("/metrics")).status_code == 200
        assert (await client.get("/events")).status_code == 401  # the rest still needs the key


@pytest.mark.parametrize(
    ("state", "detail"),
    [
        ("never-migrated", "the database is empty (never migrated)"),
        ("one-behind", "the database is at revision"),
    ],
)
async def test_readyz_is_503_on_sqlite_behind_the_migrations(tmp_path: Path, state: str, detail: str) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'behind.db'}"
    if state == "one-behind":
        upgrade(url)
        downgrade(url, "-1")
    else:
        (tmp_path / "behind.db").touch()
    app = create_app(Settings(database_url=url), check_schema=False)
    async with serving(app) as client:
        status, body = await probe(client, "/readyz")
        assert status == 503
        assert body["title"] == "Database schema out of date"
        assert "migrations are not at head" in str(body["detail"])
        assert detail in str(body["detail"])
        assert await probe(client, "/healthz") == (200, {"status": "alive"})

        upgrade(url)
        assert await probe(client, "/readyz") == (200, {"status": "ready", "revision": head_revision()})


async def test_readyz_is_503_when_the_sqlite_file_goes_away(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    url = f"sqlite+aiosqlite:///{folder / 'tenure.db'}"
    upgrade(url)
    app = create_app(Settings(database_url=url))
    async with serving(app) as client:
        assert (await client.get("/readyz")).status_code == 200
        await app.state.engine.dispose()  # no pooled connection keeps the old file open
        shutil.rmtree(folder)

        status, body = await probe(client, "/readyz")
        assert status == 503
        assert body["title"] == "Database unavailable"
        assert "unable to open database file" in str(body["detail"])


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    yield from running_private_postgres("readiness outage test")


async def test_readyz_follows_postgresql_down_and_back(private_pg: PrivatePostgres) -> None:
    run_blocking(create_database(private_pg, "ready"))
    url = private_pg.url("ready")
    upgrade(url)
    app = create_app(Settings(database_url=url))
    async with serving(app) as client:
        assert await probe(client, "/readyz") == (200, {"status": "ready", "revision": head_revision()})

        private_pg.stop("immediate")
        try:
            status, body = await probe(client, "/readyz")
            assert status == 503
            assert body["title"] == "Database unavailable"
            assert "the database is unreachable" in str(body["detail"])
            assert await probe(client, "/healthz") == (200, {"status": "alive"})
            metrics = (await client.get("/metrics")).text
            assert "tenure_database_gauges_up 0.0" in metrics
        finally:
            private_pg.start()

        assert await probe(client, "/readyz") == (200, {"status": "ready", "revision": head_revision()})
        assert "tenure_database_gauges_up 1.0" in (await client.get("/metrics")).text
