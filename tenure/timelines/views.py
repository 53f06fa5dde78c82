"""Stored events in their public shape: the rows, names and sources `event_out` turns into EventOut.

Timelines, /events, an ingest's answer and webhook payloads all read events through here, so
they show one shape. Kept apart from the queries (which look names up through ingest/) so the
webhook outbox, which ingest calls, can use it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.models import Article, Event, EventSource, Organization, Person
from tenure.models.articles import local_time
from tenure.shape import EntityRef, EventOut, SourceOut

__all__ = [
    "SOURCE_FIELDS",
    "EventSelect",
    "EventView",
    "base_select",
    "event_out",
    "event_views",
    "source_out",
    "source_rows",
    "views_of_rows",
]


# An event with its person's and organization's ids and names (null when absent).
EventSelect = Select[Event, int, str, int, str]


@dataclass(slots=True)
class EventView:
    """A stored event with what its public shape needs; `event_out` makes that shape."""

    event: Event
    person: EntityRef | None
    organization: EntityRef | None
    sources: list[SourceOut]


def event_out(view: EventView) -> EventOut:
    """The event as the API, the exports and webhook payloads show it."""
    event = view.event
    return EventOut(
        id=event.id,
        type=event.type,  # type: ignore[arg-type]  # a stored value from the contract's types
        person=view.person,
        organization=view.organization,
        role=event.role,
        date=event.date,
        date_precision=event.date_precision,  # type: ignore[arg-type]
        announced_on=event.announced_on,
        status=event.status,  # type: ignore[arg-type]
        details=dict(event.details or {}),
        confidence=round(event.confidence, 3),
        revision=event.revision,
        sources=view.sources,
        created_at=event.created_at,
        updated_at=event.updated_at,
    )


async def event_views(session: AsyncSession, events: Sequence[Event]) -> list[EventView]:
    """Views of already loaded events (an ingest's result), in the order given."""
    ids = [e.id for e in events]
    if not ids:
        return []
    rows = (await session.execute(base_select().where(Event.id.in_(ids)))).all()
    views = {v.event.id: v for v in await views_of_rows(session, rows)}
    return [views[i] for i in ids if i in views]


def base_select() -> EventSelect:
    statement: EventSelect = (
        select(Event, Person.id, Person.name, Organization.id, Organization.name)
        .outerjoin(Person, Person.id == Event.person_id)
        .outerjoin(Organization, Organization.id == Event.organization_id)
    )
    return statement


async def views_of_rows(session: AsyncSession, rows: Sequence[Any]) -> list[EventView]:
    sources = await _sources(session, [row[0].id for row in rows])
    return [
        EventView(
            event=event,
            person=EntityRef(person_id, person_name) if person_id is not None else None,
            organization=EntityRef(org_id, org_name) if org_id is not None else None,
            sources=sources.get(event.id, []),
        )
        for event, person_id, person_name, org_id, org_name in rows
    ]


async def _sources(session: AsyncSession, event_ids: Sequence[int]) -> dict[int, list[SourceOut]]:
    found: dict[int, list[SourceOut]] = {}
    for row in await source_rows(session, event_ids):
        found.setdefault(row.event_id, []).append(source_out(row))
    return found


# What a source shows (SourceOut), in this order: source_rows and timelines.reads select them.
SOURCE_FIELDS: tuple[Any, ...] = (
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


async def source_rows(session: AsyncSession, event_ids: Sequence[int]) -> Sequence[Any]:
    """Each event's sources with their articles' names, oldest article first."""
    if not event_ids:
        return []
    # Named columns, not Article rows: an article's text can be large and is not needed here.
    query = (
        select(EventSource.event_id, *SOURCE_FIELDS, EventSource.rule_id, EventSource.confidence)
        .join(Article, Article.id == EventSource.article_id)
        .where(EventSource.event_id.in_(list(event_ids)))
        .order_by(EventSource.event_id, Article.published_at, EventSource.id)
    )
    return (await session.execute(query)).all()


def source_out(row: Any) -> SourceOut:
    """One row of `source_rows` in the public shape."""
    return SourceOut(
        article_id=row.article_id,
        url=row.url,
        title=row.title,
        source=row.source,
        published_at=local_time(row.published_at, row.published_utc_offset),
        evidence=row.evidence,
        evidence_span=(row.evidence_start, row.evidence_end),
        date_text=row.date_text,
    )
