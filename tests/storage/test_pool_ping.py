"""PostgreSQL pools ping a connection only after it sat idle, and replace one that died meanwhile."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text

from tenure.models import db
from tenure.models.db import create_engine


@pytest.fixture
def postgres_url(database_url: str) -> str:
    if not database_url.startswith("postgresql"):
        pytest.skip("the idle ping is for PostgreSQL pools (SQLite has no server to lose)")
    return database_url


async def _backend_pid(engine: db.AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def test_a_connection_killed_while_idle_is_replaced_before_use(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
    engine = create_engine(postgres_url, pool_size=1, max_overflow=0)
    try:
        first = await _backend_pid(engine)
        other = await asyncpg.connect(postgres_url.replace("postgresql+asyncpg", "postgresql"))
        try:
            assert await other.fetchval("SELECT pg_terminate_backend($1)", first)
        finally:
            await other.close()
        # The pooled connection is dead: the ping finds out and the pool connects again.
        second = await _backend_pid(engine)
        assert second != first
    finally:
        await engine.dispose()


async def test_a_busy_connection_is_not_pinged(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    pings: list[object] = []
    engine = create_engine(postgres_url, pool_size=1, max_overflow=0)
    monkeypatch.setattr(engine.dialect, "do_ping", lambda connection: pings.append(connection) or True)
    try:
        pids = {await _backend_pid(engine) for _ in range(5)}
        assert len(pids) == 1
        assert pings == []
        monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
        await _backend_pid(engine)
        assert len(pings) == 1
    finally:
        await engine.dispose()
