"""Dependencies the controllers declare: settings, the session factory, a read session, the
page size, and the listing of events pages (its query parameters are declared once, here)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import PathParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.settings import Settings
from tenure.timelines.filters import EventFilter, parse_filter, parse_limit
from tenure.timelines.queries import MAX_ID
from tenure.timelines.reads import Reader

__all__ = [
    "DEPENDENCIES",
    "CursorParam",
    "Listing",
    "ListingDep",
    "IdPath",
    "PageSize",
    "PartialDateParam",
    "ReadSession",
    "SessionFactory",
    "SettingsDep",
    "provide_reader",
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


def provide_reader(state: State) -> Reader:
    """The lean read path of timelines and /events pages, made once per engine."""
    reader: Reader | None = state.get("reader")
    if reader is None or reader.source is not state.engine:
        reader = state.reader = Reader(state.engine, state.sessions, state.get("direct_reads"))
    return reader


async def provide_session(state: State) -> AsyncIterator[AsyncSession]:
    """A session for reads, closed (rolled back) when the request is done."""
    async with state.sessions() as session:
        yield session


TypeParam = Annotated[
    list[str] | None,
    QueryParameter(name="type", description="event types, repeated or comma-separated", required=False),
]
StatusParam = Annotated[
    list[str] | None,
    QueryParameter(
        name="status", description="departure statuses, repeated or comma-separated", required=False
    ),
]
PartialDateParam = Annotated[
    str | None, QueryParameter(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
]
ConfidenceParam = Annotated[float | None, QueryParameter(description="lowest confidence, 0 to 1")]
LimitParam = Annotated[int | None, QueryParameter(description="page size (default and maximum in settings)")]
CursorParam = Annotated[str | None, QueryParameter(description="next_cursor from the previous page")]


@dataclass(frozen=True, slots=True)
class Listing:
    """What a page of events (a timeline, /events) needs: the read path, the analyst's filter
    and the page size. One dependency rather than three: Litestar resolves sibling dependencies
    concurrently, a task each, and those tasks were a tenth of a timeline request's CPU."""

    reader: Reader
    event_filter: EventFilter
    page_size: int


def provide_listing(
    state: State,
    event_type: TypeParam = None,
    since: PartialDateParam = None,
    until: PartialDateParam = None,
    status: StatusParam = None,
    min_confidence: ConfidenceParam = None,
    limit: LimitParam = None,
) -> Listing:
    """The filter is refused with a 400 problem when unusable, as is the page size."""
    settings: Settings = state.settings
    return Listing(
        reader=provide_reader(state),
        event_filter=parse_filter(event_type, since, until, status, min_confidence),
        page_size=parse_limit(limit, settings.page_size_default, settings.page_size_max),
    )


def provide_page_size(settings: SettingsDep, limit: LimitParam = None) -> int:
    return parse_limit(limit, settings.page_size_default, settings.page_size_max)


DEPENDENCIES = {
    "settings": Provide(provide_settings, sync_to_thread=False),
    "sessions": Provide(provide_sessions, sync_to_thread=False),
    "session": Provide(provide_session),
    "listing": Provide(provide_listing, sync_to_thread=False),
    "page_size": Provide(provide_page_size, sync_to_thread=False),
}

# What a handler parameter is annotated with to receive each dependency.
SettingsDep = NamedDependency[Settings]
SessionFactory = NamedDependency[async_sessionmaker[AsyncSession]]
ReadSession = NamedDependency[AsyncSession]
ListingDep = NamedDependency[Listing]
PageSize = NamedDependency[int]
# A row id in a path: positive and within BIGINT, so no driver ever sees an id it cannot bind.
IdPath = Annotated[int, PathParameter(ge=1, le=MAX_ID)]
