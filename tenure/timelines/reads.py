"""The API's hot reads, lean: a timeline or /events page is one Core statement, rows go straight
into the public shape.

The ORM path (tenure.timelines.queries) loads Event objects, follows merges one `session.get` at
a time and reads sources in a second query, in a session and a transaction: about 6.5 ms of CPU
for a 50-event page, spread over ORM loading, the merge lookup, the sources query and session
work (bench/profile_api.py); this path takes about 1.7 ms. Here one statement returns the subject (for a
timeline), the page's events with their person's and company's names, and each event's sources
with their articles, one row per source; no ORM identity map, no session, no transaction (the
statement is one snapshot on its own). Pages, exports and webhooks keep the ORM path: they need
the Event rows; tests/api/test_lean_reads.py checks both paths answer the same bytes. On
PostgreSQL the statements run on an asyncpg pool of their own (tenure.timelines.direct).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Date, Integer, Select, bindparam, select, true
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tenure.errors import NotFound
from tenure.models import Article, Event, EventSource, Organization, Person
from tenure.models.articles import local_time
from tenure.shape import EntityRef, EventOut, SourceOut
from tenure.timelines.cursor import Cursor, encode_cursor
from tenure.timelines.direct import REUSABLE_PLAN, DirectReads
from tenure.timelines.filters import EventFilter
from tenure.timelines.queries import (
    ENTITY_LABELS,
    ENTITY_MODELS,
    MAX_ID,
    MAX_MERGE_HOPS,
    EntityKind,
    EventQuery,
    apply_filter,
    filter_values,
    page_values,
    paged,
    subject_of,
)
from tenure.timelines.views import SOURCE_FIELDS

__all__ = ["Query", "Reader", "events_page_rows", "events_query", "timeline_query", "timeline_rows"]

# The event's columns the public shape shows, then the sort key (rows are read by position in
# this order; the names are labelled so the page's subquery has one column per name).
_EVENT_COLUMNS: tuple[Any, ...] = (
    Event.id,
    Event.type,
    Event.person_id,
    Person.name.label("person_name"),
    Event.organization_id,
    Organization.name.label("organization_name"),
    Event.role,
    Event.date,
    Event.date_precision,
    Event.announced_on,
    Event.status,
    Event.details,
    Event.confidence,
    Event.revision,
    Event.created_at,
    Event.updated_at,
    Event.sort_date,
)


class Reader:
    """What the lean reads need: an engine that runs each statement outside a transaction, the
    asyncpg pool that runs them faster on PostgreSQL when the app opened one, and sessions for the
    rare name lookups (/events?person=Dana Whitfield)."""

    def __init__(
        self,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        direct: DirectReads | None = None,
    ) -> None:
        self.source = engine
        # AUTOCOMMIT: a single SELECT needs no BEGIN/ROLLBACK round trips around it.
        self.engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.sessions = sessions
        self.direct = direct

    async def rows(self, statement: Select[Any], parameters: dict[str, Any]) -> Sequence[Any]:
        """The rows, read by position (SQLAlchemy rows or asyncpg records)."""
        if self.direct is not None:
            direct_rows = await self.direct.rows(statement, parameters)
            if direct_rows is not None:
                return direct_rows
        async with self.engine.connect() as connection:
            rows: Sequence[Any] = (await connection.execute(statement, parameters)).all()
        return rows


# Columns of a timeline's rows before the event's: subject_id, subject_name, subject_merged_into.
_SUBJECT_COLUMNS = 3

# A statement is built once per shape (which conditions it has) and run with the values as
# parameters: building a select with subqueries costs more than running it, and SQLAlchemy's
# compiled cache then serves every later request. Shapes are few (subject kind x filter
# conditions x cursor), so the cache needs no bound.
_Shape = tuple[EntityKind | None, bool, bool, tuple[str, ...]]
_STATEMENTS: dict[_Shape, Select[Any]] = {}
Query = tuple[Select[Any], dict[str, Any]]


def _placeholder(name: str, value: Any) -> Any:
    if name == "after":
        return (bindparam("after_date", type_=Date()), bindparam("after_id", type_=BigInteger()))
    if name == "limit":
        return bindparam(name, type_=Integer())
    return bindparam(name, expanding=isinstance(value, list))


def _parameters(values: dict[str, Any]) -> dict[str, Any]:
    parameters = dict(values)
    if "after" in parameters:
        parameters["after_date"], parameters["after_id"] = parameters.pop("after")
    return parameters


def _page_statement(
    event_filter: EventFilter, cursor: str | None, limit: int, person: bool, organization: bool
) -> Select[Any]:
    """One page of events (limit + 1 rows: the extra one says there is a next page) in
    (sort_date, id) order, after the cursor: the keyset range scan the timeline indexes serve."""
    statement = (
        select(*_EVENT_COLUMNS)
        .outerjoin(Person, Person.id == Event.person_id)
        .outerjoin(Organization, Organization.id == Event.organization_id)
    )
    statement = apply_filter(statement, event_filter, _placeholder)
    if person:
        statement = statement.where(Event.person_id == bindparam("person_id"))
    if organization:
        statement = statement.where(Event.organization_id == bindparam("organization_id"))
    return paged(statement, cursor, limit, _placeholder)


def _with_sources(page: Select[Any], *leading: ColumnElement[Any], subject: Any = None) -> Select[Any]:
    """The page's rows, each joined to its sources (oldest article first), and to the subject."""
    events = page.subquery("page")
    columns = [*leading, *events.c, *SOURCE_FIELDS]
    joined: Any = events if subject is None else subject.outerjoin(events, true())
    joined = joined.outerjoin(EventSource, EventSource.event_id == events.c.id).outerjoin(
        Article, Article.id == EventSource.article_id
    )
    return (
        select(*columns)
        .select_from(joined)
        .order_by(events.c.sort_date, events.c.id, Article.published_at, EventSource.id)
    )


def _subject_page(kind: EntityKind, event_filter: EventFilter, cursor: str | None, limit: int) -> Select[Any]:
    """The subject (id, name, merged_into_id) with one page of its events and their sources: a
    row even when the page is empty, none when the id names nothing."""
    model = ENTITY_MODELS[kind]
    key = f"{kind}_id"
    subject = (
        select(
            model.id.label("subject_id"),
            model.name.label("subject_name"),
            model.merged_into_id.label("subject_merged_into"),
        )
        .where(model.id == bindparam(key))
        .subquery("subject")
    )
    page = _page_statement(event_filter, cursor, limit, kind == "person", kind == "organization")
    return _with_sources(page, *subject.c, subject=subject)


def timeline_query(
    kind: EntityKind, entity_id: int, event_filter: EventFilter, cursor: str | None, limit: int
) -> Query:
    """The statement of one timeline page and its parameters."""
    filters = filter_values(event_filter)
    values = {f"{kind}_id": entity_id, **filters, **page_values(cursor, limit)}
    shape: _Shape = (kind, False, False, tuple(values))
    statement = _STATEMENTS.get(shape)
    if statement is None:
        statement = _STATEMENTS[shape] = _planned(
            _subject_page(kind, event_filter, cursor, limit), filters, subject=True
        )
    return statement, _parameters(values)


def events_query(
    event_filter: EventFilter,
    cursor: str | None,
    limit: int,
    person_id: int | None = None,
    organization_id: int | None = None,
) -> Query:
    """The statement of one /events page (its events with their sources) and its parameters."""
    filters = filter_values(event_filter)
    values = {**filters, **page_values(cursor, limit)}
    if person_id is not None:
        values["person_id"] = person_id
    if organization_id is not None:
        values["organization_id"] = organization_id
    shape: _Shape = (None, person_id is not None, organization_id is not None, tuple(values))
    statement = _STATEMENTS.get(shape)
    if statement is None:
        page = _page_statement(event_filter, cursor, limit, shape[1], shape[2])
        statement = _STATEMENTS[shape] = _planned(_with_sources(page), filters, shape[1] or shape[2])
    return statement, _parameters(values)


def _planned(statement: Select[Any], filters: dict[str, Any], subject: bool) -> Select[Any]:
    """Whether one plan may serve every value of the page's statement (tenure.timelines.direct).
    A person's or a company's page with filters is planned for its values: two indexes compete
    (the subject's timeline, the event type's), and which one wins depends on how many events
    the subject has, which a plan made for all values guesses from the average. Without filters
    the subject's index in page order is right whatever the values, and without a subject the
    choice does not depend on anyone's size."""
    if subject and filters:
        return statement
    return statement.execution_options(**{REUSABLE_PLAN: True})


async def timeline_rows(
    reader: Reader,
    kind: EntityKind,
    entity_id: int,
    event_filter: EventFilter,
    cursor: str | None,
    limit: int,
) -> tuple[EntityRef, list[EventOut], str | None]:
    """A timeline page; a merged id reads its survivor's (one statement per merge followed)."""
    label = ENTITY_LABELS[kind]
    current = entity_id
    if 0 < current <= MAX_ID:
        for _ in range(MAX_MERGE_HOPS):
            rows = await reader.rows(*timeline_query(kind, current, event_filter, cursor, limit))
            if not rows:
                break
            subject_id, subject_name, merged_into = rows[0][:_SUBJECT_COLUMNS]
            if merged_into is None:
                return (EntityRef(subject_id, subject_name), *_events(rows, limit, lead=_SUBJECT_COLUMNS))
            current = merged_into
        else:
            raise NotFound(f"{label} {entity_id} sits in a merge chain too long to follow")
    raise NotFound(f"no {label} with id {entity_id}")


async def events_page_rows(
    reader: Reader, query: EventQuery, cursor: str | None, limit: int
) -> tuple[list[EventOut], str | None]:
    """A /events page: the filter, and the person and company when named (resolved first)."""
    person_id = organization_id = None
    if query.person or query.company:
        async with reader.sessions() as session:
            if query.person:
                person_id = (await subject_of(session, "person", query.person)).id
            if query.company:
                organization_id = (await subject_of(session, "organization", query.company)).id
    statement = events_query(query.filter, cursor, limit, person_id, organization_id)
    return _events(await reader.rows(*statement), limit)


def _events(rows: Sequence[Any], limit: int, lead: int = 0) -> tuple[list[EventOut], str | None]:
    """Rows (one per source, or one with null sources) grouped into events, in page order, with
    the cursor of the last shown event when the extra row says there is more.

    Columns are read by position (the event's from `lead`, in _EVENT_COLUMNS then
    SOURCE_FIELDS order): named access costs more than building the event.
    """
    events: list[EventOut] = []
    last: tuple[Any, ...] = ()
    more = False
    for row in rows:
        values = tuple(row[lead:])
        event_id = values[0]
        if event_id is None:
            continue  # a timeline with no events on this page: the subject's row alone
        if not last or event_id != last[0]:
            if len(events) == limit:
                more = True
                break
            last = values
            events.append(_event(values))
        if values[_FIRST_SOURCE_COLUMN] is not None:  # article_id: null when the event has no source
            events[-1].sources.append(_source(values[_FIRST_SOURCE_COLUMN:]))
    next_cursor = encode_cursor(Cursor(last[_SORT_DATE], last[0])) if more else None
    return events, next_cursor


_SORT_DATE = len(_EVENT_COLUMNS) - 1
_FIRST_SOURCE_COLUMN = len(_EVENT_COLUMNS)


def _event(values: tuple[Any, ...]) -> EventOut:
    (
        event_id,
        event_type,
        person_id,
        person_name,
        organization_id,
        organization_name,
        role,
        date,
        date_precision,
        announced_on,
        status,
        details,
        confidence,
        revision,
        created_at,
        updated_at,
    ) = values[:_SORT_DATE]
    return EventOut(
        id=event_id,
        type=event_type,
        person=EntityRef(person_id, person_name) if person_id is not None else None,
        organization=EntityRef(organization_id, organization_name) if organization_id is not None else None,
        role=role,
        date=date,
        date_precision=date_precision,
        announced_on=announced_on,
        status=status,
        details=dict(details or {}),
        confidence=round(confidence, 3),
        revision=revision,
        sources=[],
        created_at=created_at,
        updated_at=updated_at,
    )


def _source(values: tuple[Any, ...]) -> SourceOut:
    (
        article_id,
        url,
        title,
        source,
        published_at,
        published_utc_offset,
        evidence,
        evidence_start,
        evidence_end,
        date_text,
    ) = values
    return SourceOut(
        article_id=article_id,
        url=url,
        title=title,
        source=source,
        published_at=local_time(published_at, published_utc_offset),
        evidence=evidence,
        evidence_span=(evidence_start, evidence_end),
        date_text=date_text,
    )
