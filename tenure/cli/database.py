"""Database access for CLI commands: check the schema, run one piece of work, dispose the engine."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models.availability import database_errors
from tenure.models.db import create_engine, session_factory
from tenure.models.migrate import ensure_current
from tenure.settings import Settings

T = TypeVar("T")


async def with_sessions(
    settings: Settings, work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]
) -> T:
    """Run `work` with a session factory; an unreachable or unmigrated database is one DatabaseUnavailable
    or SchemaOutOfDate, never a driver traceback."""
    url = settings.database_url
    async with database_errors(url, connecting=True):
        await ensure_current(url)
    engine = create_engine(url)
    try:
        async with database_errors(url):
            return await work(session_factory(engine))
    finally:
        await engine.dispose()
