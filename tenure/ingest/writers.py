"""Writer processes for tenure.ingest.pipeline: the database half of an ingest, run in another process.

Storing an article is mostly client-side CPU (building statements, the ORM's unit of work,
reading rows back), so one process would cap a batch at what one core does. Each writer
process keeps its own engine (one connection) and event loop for the life of the pool and
stores one prepared article per call through the front door's database half, in its own
transaction, exactly as the API and a one-worker ingest do.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tenure.ingest.service import IngestResult, PreparedArticle, ingest_prepared
from tenure.models.availability import UNREACHABLE, unavailable
from tenure.models.db import create_engine, session_factory

__all__ = ["start_writer", "store_in_writer"]

# This process's loop, engine and sessions, set by start_writer (the pool's initializer).
_state: dict[str, Any] = {}


def start_writer(database_url: str) -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # One connection: this process stores one article at a time.
    engine: AsyncEngine = create_engine(database_url, **_one_connection(database_url))
    _state.update(url=database_url, loop=loop, engine=engine, sessions=session_factory(engine))


def store_in_writer(prepared: PreparedArticle) -> IngestResult:
    """Store one article in this writer process; an unreachable database is DatabaseUnavailable
    (the driver's own errors may not survive the trip back to the parent)."""
    loop: asyncio.AbstractEventLoop = _state["loop"]
    sessions: async_sessionmaker[AsyncSession] = _state["sessions"]
    try:
        return loop.run_until_complete(ingest_prepared(sessions, prepared))
    except UNREACHABLE as exc:
        raise unavailable(_state["url"], exc) from None


def _one_connection(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {}
    # No ping before each article: the connection is busy all batch long, and a server gone
    # away still fails the next statement, which stops the batch with one line.
    return {"pool_size": 1, "max_overflow": 1, "pool_pre_ping": False}
