"""Engine and session factory for both back ends."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from tenure.models.write_gate import gated_session_class, write_gate


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers run beside the one writer;
    # busy_timeout makes concurrent writers wait instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


# A pooled connection that sat idle longer than this is pinged before use (the server may have
# restarted meanwhile); one in steady use is not, so a busy API saves a round trip per request.
# A connection that dies in use fails that request and invalidates the pool's older connections.
PING_AFTER_IDLE_SECONDS = 2.0


def _note_checkin(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
    record.info["checked_in_at"] = time.monotonic()


def _ping_when_idle(engine: AsyncEngine) -> Any:
    def checkout(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry, _proxy: Any) -> None:
        idle_since = record.info.get("checked_in_at")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError("the pooled connection did not answer a ping") from exc

    return checkout


# PostgreSQL's pool, and a dead server failing fast instead of hanging a request; the lean reads'
# own asyncpg pools (tenure.timelines.direct) follow the same settings.
POSTGRES_POOL: dict[str, Any] = {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10}
# Every statement is planned for its own values. asyncpg prepares every statement, and after five
# runs PostgreSQL may switch a prepared statement to one generic plan for all values, chosen on
# average estimates. For a keyset page that plan can be a disaster on a skewed entity: the
# departures since 2020 of a person with 110,000 events (bench/api.py's data) took 22-55 ms on
# the generic plan (it sorts every match, expecting one row) against 0.8 ms planned for the
# values (an index scan in page order that stops after 51 rows). Planning costs PostgreSQL about
# 0.3 ms of CPU for a page; ingest stayed within noise (bench/ingest.py, 4 workers: median of six
# runs 122 articles/s before, 118 after).
POSTGRES_CONNECT_ARGS: dict[str, Any] = {
    "timeout": 5,
    "command_timeout": 30,
    "server_settings": {"plan_cache_mode": "force_custom_plan"},
}


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 15})
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    for key, value in POSTGRES_POOL.items():
        kwargs.setdefault(key, value)
    kwargs.setdefault("connect_args", dict(POSTGRES_CONNECT_ARGS))
    engine = create_async_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        event.listen(engine.sync_engine, "checkin", _note_checkin)
        event.listen(engine.sync_engine, "checkout", _ping_when_idle(engine))
    return engine


def session_factory(
    engine: AsyncEngine, *, write_wait: float | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions on this engine; on SQLite their writes queue for the process's one writer
    (tenure.models.write_gate). write_wait (Settings.sqlite_write_wait) bounds the wait; None keeps
    the bound already set for the database (DEFAULT_WRITE_WAIT at first)."""
    if engine.dialect.name != "sqlite":
        return async_sessionmaker(engine, expire_on_commit=False)
    gate = write_gate(str(engine.url), write_wait)
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=gated_session_class(gate))
