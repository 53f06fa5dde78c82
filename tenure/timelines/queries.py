"""Event reads: per-person and per-company timelines and the analyst's /events filter.

Rows come in (sort_date, id) order, undated events last (their sort_date is UNDATED_SORT), and
page by a keyset on that pair, so a deep page costs what the first does: the filter plus an
index range scan on (person_id | organization_id | type, sort_date, id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import NotFound
from tenure.ingest.entities import find_organization, find_person
from tenure.models import UNDATED_SORT, Article, Event, EventSource, Organization, Person
from tenure.timelines.cursor import Cursor, decode_cursor, encode_cursor
from tenure.timelines.filters import EventFilter

__all__ = [
    "EntityKind",
    "EventPage",
    "EventQuery",
    "EventView",
    "MAX_ID",
    "Named",
    "SourceView",
    "TimelinePage",
    "canonical_entity",
    "event_views",
    "events_page",
    "filtered_statement",
    "iter_events",
    "local_time",
    "paged",
    "timeline",
    "timeline_statement",
]

EntityKind = Literal["person", "organization"]
_MODELS: dict[str, Any] = {"person": Person, "organization": Organization}
_LABELS = {"person": "person", "organization": "company"}
_MAX_MERGE_HOPS = 32
# Largest id either back end stores (BIGINT; SQLite's INTEGER): larger ones name nothing.
MAX_ID = 2**63 - 1
# An event with its person's and organization's ids and names (null when absent).
EventSelect = Select[Event, int, str, int, str]


@dataclass(frozen=True, slots=True)
class Named:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SourceView:
    article_id: int
    url: str | None
    title: str | None
    source: str | None
    published_at: dt.datetime
    evidence: str
    evidence_span: tuple[int, int]
    date_text: str | None


@dataclass(slots=True)
class EventView:
    event: Event
    person: Named | None
    organization: Named | None
    sources: list[SourceView]


@dataclass(slots=True)
class EventPage:
    items: list[EventView]
    next_cursor: str | None


@dataclass(slots=True)
class TimelinePage(EventPage):
    subject: Named


@dataclass(frozen=True, slots=True)
class EventQuery:
    """GET /events: the filter plus optional person and company, each an id or a name."""

    filter: EventFilter
    person: str | None = None
    company: str | None = None


def local_time(moment: dt.datetime, utc_offset_minutes: int) -> dt.datetime:
    """A stored UTC time in the article's own offset, as it was published."""
    return moment.astimezone(dt.timezone(dt.timedelta(minutes=utc_offset_minutes)))


async def canonical_entity(session: AsyncSession, kind: EntityKind, entity_id: int) -> Person | Organization:
    """The entity an id stands for, following merges to the survivor."""
    model = _MODELS[kind]
    entity: Any = await session.get(model, entity_id) if 0 < entity_id <= MAX_ID else None
    if entity is None:
        raise NotFound(f"no {_LABELS[kind]} with id {entity_id}")
    for _ in range(_MAX_MERGE_HOPS):
        if entity.merged_into_id is None:
            found: Person | Organization = entity
            return found
        entity = await session.get(model, entity.merged_into_id)
    raise NotFound(f"{_LABELS[kind]} {entity_id} sits in a merge chain too long to follow")


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
    return TimelinePage(items=page.items, next_cursor=page.next_cursor, subject=Named(entity.id, entity.name))


def timeline_statement(kind: EntityKind, entity_id: int, event_filter: EventFilter) -> EventSelect:
    """The unpaged timeline query of one stored entity (pages add the keyset, order and limit)."""
    column = Event.person_id if kind == "person" else Event.organization_id
    return filtered_statement(event_filter).where(column == entity_id)


def paged(statement: EventSelect, cursor: str | None, limit: int) -> EventSelect:
    """The statement one page runs: rows after the cursor in (sort_date, id) order, limit + 1 of them.

    The extra row tells whether there is a next page.
    """
    if cursor is not None:
        after = decode_cursor(cursor)
        statement = statement.where(tuple_(Event.sort_date, Event.id) > tuple_(after.sort_date, after.id))
    return statement.order_by(Event.sort_date, Event.id).limit(limit + 1)


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


async def event_views(session: AsyncSession, events: Sequence[Event]) -> list[EventView]:
    """Views of already loaded events (an ingest's result), in the order given."""
    ids = [e.id for e in events]
    if not ids:
        return []
    rows = (await session.execute(_base_select().where(Event.id.in_(ids)))).all()
    views = {v.event.id: v for v in await _views(session, rows)}
    return [views[i] for i in ids if i in views]


async def _event_select(session: AsyncSession, query: EventQuery) -> EventSelect:
    statement = filtered_statement(query.filter)
    if query.person:
        person = await _subject(session, "person", query.person)
        statement = statement.where(Event.person_id == person.id)
    if query.company:
        company = await _subject(session, "organization", query.company)
        statement = statement.where(Event.organization_id == company.id)
    return statement


async def _subject(session: AsyncSession, kind: EntityKind, value: str) -> Person | Organization:
    """A filter value that is an id ("42") or a name or alias ("Dana Whitfield", "Facebook")."""
    value = value.strip()
    if value.isascii() and value.isdigit():
        return await canonical_entity(session, kind, int(value))
    found = await (find_person(session, value) if kind == "person" else find_organization(session, value))
    if found is None:
        plural = "people" if kind == "person" else "companies"
        raise NotFound(f"no {_LABELS[kind]} is named {value!r}: search with GET /{plural}?q={value}")
    return found


def _base_select() -> EventSelect:
    statement: EventSelect = (
        select(Event, Person.id, Person.name, Organization.id, Organization.name)
        .outerjoin(Person, Person.id == Event.person_id)
        .outerjoin(Organization, Organization.id == Event.organization_id)
    )
    return statement


def filtered_statement(event_filter: EventFilter) -> EventSelect:
    statement = _base_select()
    if event_filter.types:
        statement = statement.where(Event.type.in_(event_filter.types))
    if event_filter.statuses:
        statement = statement.where(Event.status.in_(event_filter.statuses))
    if event_filter.min_confidence is not None:
        statement = statement.where(Event.confidence >= event_filter.min_confidence)
    if event_filter.since is not None:
        statement = statement.where(Event.sort_date >= event_filter.since)
    if event_filter.until is not None:
        statement = statement.where(Event.sort_date <= event_filter.until)
    if event_filter.dated_only:
        statement = statement.where(Event.sort_date < UNDATED_SORT)
    return statement


async def _page(session: AsyncSession, statement: EventSelect, cursor: str | None, limit: int) -> EventPage:
    rows = (await session.execute(paged(statement, cursor, limit))).all()
    more = len(rows) > limit
    views = await _views(session, rows[:limit])
    next_cursor = None
    if more and views:
        last = views[-1].event
        next_cursor = encode_cursor(Cursor(last.sort_date, last.id))
    return EventPage(items=views, next_cursor=next_cursor)


async def _views(session: AsyncSession, rows: Sequence[Any]) -> list[EventView]:
    sources = await _sources(session, [row[0].id for row in rows])
    return [
        EventView(
            event=event,
            person=Named(person_id, person_name) if person_id is not None else None,
            organization=Named(org_id, org_name) if org_id is not None else None,
            sources=sources.get(event.id, []),
        )
        for event, person_id, person_name, org_id, org_name in rows
    ]


async def _sources(session: AsyncSession, event_ids: Sequence[int]) -> dict[int, list[SourceView]]:
    if not event_ids:
        return {}
    # Named columns, not Article rows: an article's text can be large and is not needed here.
    query = (
        select(
            EventSource.event_id,
            EventSource.article_id,
            Article.url,
            Article.title,
            Article.source,
            Article.published_at,
            Article.published_utc_offset,
            EventSource.evidence,
            EventSource.evidence_start,
            EventSource.evidence_end,
            EventSource.date_text,
        )
        .join(Article, Article.id == EventSource.article_id)
        .where(EventSource.event_id.in_(list(event_ids)))
        .order_by(EventSource.event_id, Article.published_at, EventSource.id)
    )
    found: dict[int, list[SourceView]] = {}
    for row in (await session.execute(query)).all():
        found.setdefault(row.event_id, []).append(
            SourceView(
                article_id=row.article_id,
                url=row.url,
                title=row.title,
                source=row.source,
                published_at=local_time(row.published_at, row.published_utc_offset),
                evidence=row.evidence,
                evidence_span=(row.evidence_start, row.evidence_end),
                date_text=row.date_text,
            )
        )
    return found
