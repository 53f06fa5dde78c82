"""Event reads: per-person and per-company timelines and the analyst's /events filter.

Rows come in (sort_date, id) order, undated events last (their sort_date is UNDATED_SORT), and
page by a keyset on that pair, so a deep page costs what the first does: the filter plus an
index range scan on (person_id | organization_id | type, sort_date, id).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import NotFound
from tenure.models import UNDATED_SORT, Event, Organization, Person
from tenure.models.articles import local_time
from tenure.models.events import ACTIVE
from tenure.names.lookup import find_organization, find_person
from tenure.shape import EntityRef
from tenure.timelines.cursor import Cursor, decode_cursor, encode_cursor
from tenure.timelines.filters import EventFilter
from tenure.timelines.views import (
    EventSelect,
    EventView,
    base_select,
    event_out,
    event_views,
    views_of_rows,
)

__all__ = [
    "ENTITY_LABELS",
    "ENTITY_MODELS",
    "MAX_MERGE_HOPS",
    "EntityKind",
    "EventPage",
    "EventQuery",
    "EventView",
    "MAX_ID",
    "TimelinePage",
    "apply_filter",
    "as_is",
    "canonical_entity",
    "event_views",
    "event_out",
    "events_page",
    "filter_values",
    "filtered_statement",
    "iter_events",
    "local_time",
    "page_values",
    "paged",
    "subject_of",
    "timeline",
    "timeline_statement",
]

EntityKind = Literal["person", "organization"]
# Any select of events: ORM rows (base_select) or named columns (timelines.reads).
AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])
ENTITY_MODELS: dict[str, Any] = {"person": Person, "organization": Organization}
ENTITY_LABELS = {"person": "person", "organization": "company"}
MAX_MERGE_HOPS = 32
# Largest id either back end stores (BIGINT; SQLite's INTEGER): larger ones name nothing.
MAX_ID = 2**63 - 1


@dataclass(slots=True)
class EventPage:
    items: list[EventView]
    next_cursor: str | None


@dataclass(slots=True)
class TimelinePage(EventPage):
    subject: EntityRef


@dataclass(frozen=True, slots=True)
class EventQuery:
    """GET /events: the filter plus optional person and company, each an id or a name."""

    filter: EventFilter
    person: str | None = None
    company: str | None = None


async def canonical_entity(session: AsyncSession, kind: EntityKind, entity_id: int) -> Person | Organization:
    """The entity an id stands for, following merges to the survivor."""
    model = ENTITY_MODELS[kind]
    entity: Any = await session.get(model, entity_id) if 0 < entity_id <= MAX_ID else None
    if entity is None:
        raise NotFound(f"no {ENTITY_LABELS[kind]} with id {entity_id}")
    for _ in range(MAX_MERGE_HOPS):
        if entity.merged_into_id is None:
            found: Person | Organization = entity
            return found
        entity = await session.get(model, entity.merged_into_id)
    raise NotFound(f"{ENTITY_LABELS[kind]} {entity_id} sits in a merge chain too long to follow")


async def timeline(
    session: AsyncSession,
    kind: EntityKind,
    entity_id: int,
    event_filter: EventFilter,
    cursor: str | None,
    limit: int,
) -> TimelinePage:
    """One page of a person's or a company's events; a merged id reads the survivor's timeline."""
    entity = await canonical_entity(session, kind, entity_id)
    page = await _page(session, timeline_statement(kind, entity.id, event_filter), cursor, limit)
    return TimelinePage(
        items=page.items, next_cursor=page.next_cursor, subject=EntityRef(entity.id, entity.name)
    )


def timeline_statement(kind: EntityKind, entity_id: int, event_filter: EventFilter) -> EventSelect:
    """The unpaged timeline query of one stored entity (pages add the keyset, order and limit)."""
    column = Event.person_id if kind == "person" else Event.organization_id
    return filtered_statement(event_filter).where(column == entity_id)


def as_is(_name: str, value: Any) -> Any:
    """The binding of apply_filter and paged that uses each value itself."""
    return value


def paged(
    statement: AnySelect, cursor: str | None, limit: int, bind: Callable[[str, Any], Any] = as_is
) -> AnySelect:
    """The statement one page runs: rows after the cursor in (sort_date, id) order, limit + 1 of them.

    The extra row tells whether there is a next page. bind as in apply_filter.
    """
    for name, value in page_values(cursor, limit).items():
        statement = _PAGE_CLAUSES[name](statement, bind(name, value))
    return statement.order_by(Event.sort_date, Event.id)


def page_values(cursor: str | None, limit: int) -> dict[str, Any]:
    """The keyset's and the limit's values by name (see paged)."""
    values: dict[str, Any] = {}
    if cursor is not None:
        after = decode_cursor(cursor)
        values["after"] = (after.sort_date, after.id)
    values["limit"] = limit + 1
    return values


_PAGE_CLAUSES: dict[str, Callable[[Any, Any], Any]] = {
    # after: the last row's (sort_date, id), as values or as two placeholders.
    "after": lambda statement, after: statement.where(tuple_(Event.sort_date, Event.id) > tuple_(*after)),
    "limit": lambda statement, limit: statement.limit(limit),
}


async def events_page(session: AsyncSession, query: EventQuery, cursor: str | None, limit: int) -> EventPage:
    return await _page(session, await _event_select(session, query), cursor, limit)


async def iter_events(
    sessions: async_sessionmaker[AsyncSession], query: EventQuery, batch_size: int
) -> AsyncIterator[list[EventView]]:
    """Every matching event in keyset batches, each batch read in its own short session.

    For streamed exports (NDJSON, CSV): memory stays at one batch whatever the row count.
    Names in the query are resolved once, before the first row is sent, so a bad filter still
    becomes an error response rather than a broken stream.
    """
    async with sessions() as session:
        statement = await _event_select(session, query)
    return _batches(sessions, statement, batch_size)


async def _batches(
    sessions: async_sessionmaker[AsyncSession], statement: EventSelect, batch_size: int
) -> AsyncIterator[list[EventView]]:
    cursor: str | None = None
    while True:
        async with sessions() as session:
            page = await _page(session, statement, cursor, batch_size)
        if page.items:
            yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


async def _event_select(session: AsyncSession, query: EventQuery) -> EventSelect:
    statement = filtered_statement(query.filter)
    if query.person:
        person = await subject_of(session, "person", query.person)
        statement = statement.where(Event.person_id == person.id)
    if query.company:
        company = await subject_of(session, "organization", query.company)
        statement = statement.where(Event.organization_id == company.id)
    return statement


async def subject_of(session: AsyncSession, kind: EntityKind, value: str) -> Person | Organization:
    """A filter value that is an id ("42") or a name or alias ("Dana Whitfield", "Facebook")."""
    value = value.strip()
    if value.isascii() and value.isdigit():
        return await canonical_entity(session, kind, int(value))
    found = await (find_person(session, value) if kind == "person" else find_organization(session, value))
    if found is None:
        plural = "people" if kind == "person" else "companies"
        raise NotFound(f"no {ENTITY_LABELS[kind]} is named {value!r}: search with GET /{plural}?q={value}")
    return found


def filtered_statement(event_filter: EventFilter) -> EventSelect:
    return apply_filter(base_select(), event_filter)


def filter_values(event_filter: EventFilter) -> dict[str, Any]:
    """The filter's values by the name of the condition each sets (see apply_filter)."""
    values: dict[str, Any] = {}
    if event_filter.types:
        values["types"] = list(event_filter.types)
    if event_filter.statuses:
        values["statuses"] = list(event_filter.statuses)
    if event_filter.min_confidence is not None:
        values["min_confidence"] = event_filter.min_confidence
    if event_filter.since is not None:
        values["since"] = event_filter.since
    if event_filter.until is not None:
        values["until"] = event_filter.until
    return values


_CONDITIONS: dict[str, Callable[[Any], ColumnElement[bool]]] = {
    "types": lambda value: Event.type.in_(value),
    "statuses": lambda value: Event.status.in_(value),
    "min_confidence": lambda value: Event.confidence >= value,
    "since": lambda value: Event.sort_date >= value,
    "until": lambda value: Event.sort_date <= value,
}


def apply_filter(
    statement: AnySelect, event_filter: EventFilter, bind: Callable[[str, Any], Any] = as_is
) -> AnySelect:
    """The filter's conditions on a select of events (ORM rows here, columns in timelines.reads).

    bind(name, value) gives what each condition compares with: the value itself, or a named
    placeholder for a statement built once and run with many filters (timelines.reads).
    """
    # Rejected and retired events are kept for their history but never listed or exported.
    statement = statement.where(Event.state == ACTIVE)
    for name, value in filter_values(event_filter).items():
        statement = statement.where(_CONDITIONS[name](bind(name, value)))
    if event_filter.dated_only:
        statement = statement.where(Event.sort_date < UNDATED_SORT)
    return statement


async def _page(session: AsyncSession, statement: EventSelect, cursor: str | None, limit: int) -> EventPage:
    rows = (await session.execute(paged(statement, cursor, limit))).all()
    more = len(rows) > limit
    views = await views_of_rows(session, rows[:limit])
    next_cursor = None
    if more and views:
        last = views[-1].event
        next_cursor = encode_cursor(Cursor(last.sort_date, last.id))
    return EventPage(items=views, next_cursor=next_cursor)
