"""Dependencies the controllers declare: settings, the session factory, a read session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import PathParameter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.settings import Settings
from tenure.timelines.queries import MAX_ID

__all__ = [
    "DEPENDENCIES",
    "IdPath",
    "ReadSession",
    "SessionFactory",
    "SettingsDep",
    "provide_session",
    "provide_sessions",
    "provide_settings",
]


def provide_settings(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


def provide_sessions(state: State) -> async_sessionmaker[AsyncSession]:
    """For services that open their own transaction (ingest, aliases, merges)."""
    sessions: async_sessionmaker[AsyncSession] = state.sessions
    return sessions


async def provide_session(state: State) -> AsyncIterator[AsyncSession]:
    """A session for reads, closed (rolled back) when the request is done."""
    async with state.sessions() as session:
        yield session


DEPENDENCIES = {
    "settings": Provide(provide_settings, sync_to_thread=False),
    "sessions": Provide(provide_sessions, sync_to_thread=False),
    "session": Provide(provide_session),
}

# What a handler parameter is annotated with to receive each dependency.
SettingsDep = NamedDependency[Settings]
SessionFactory = NamedDependency[async_sessionmaker[AsyncSession]]
ReadSession = NamedDependency[AsyncSession]
# A row id in a path: positive and within BIGINT, so no driver ever sees an id it cannot bind.
IdPath = Annotated[int, PathParameter(ge=1, le=MAX_ID)]
