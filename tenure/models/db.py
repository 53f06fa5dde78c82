"""Engine and session factory for both back ends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.interfaces import DBAPIConnection
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


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 15})
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_timeout", 10)
    # A dead server must fail fast, not hang a request.
    kwargs.setdefault("connect_args", {"timeout": 5, "command_timeout": 30})
    return create_async_engine(url, **kwargs)


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
