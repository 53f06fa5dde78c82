"""Request and response bodies: msgspec Structs, kept apart from the ORM classes.

The OpenAPI schema at /schema is generated from these types. Converters from service views
live beside the types they build.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from tenure.ingest.submit import SubmittedArticle
from tenure.timelines.directory import EntityView
from tenure.timelines.queries import MAX_ID, EventPage, EventView, Named, SourceView, TimelinePage, local_time

__all__ = [
    "AliasIn",
    "AliasOut",
    "ArticleIn",
    "ArticleOut",
    "EntityListOut",
    "EntityOut",
    "EntityRef",
    "EventOut",
    "EventPageOut",
    "MergeIn",
    "Problem",
    "SourceOut",
    "TimelineOut",
]


class ArticleIn(msgspec.Struct, forbid_unknown_fields=True):
    """An article to ingest: its text, or only a url for the server to fetch."""

    text: str | None = None
    # auto, text, markdown or html; auto guesses from the text.
    format: str = "auto"
    # ISO 8601 with a UTC offset; required with text, defaults to the fetch time for a url.
    published_at: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


class EntityRef(msgspec.Struct):
    id: int
    name: str


class SourceOut(msgspec.Struct):
    article_id: int
    url: str | None
    title: str | None
    source: str | None
    published_at: dt.datetime
    evidence: str
    evidence_span: tuple[int, int]
    date_text: str | None


class EventOut(msgspec.Struct):
    id: int
    type: str
    person: EntityRef | None
    organization: EntityRef | None
    role: str | None
    date: str | None
    date_precision: str | None
    status: str | None
    details: dict[str, Any]
    confidence: float
    revision: int
    sources: list[SourceOut]
    created_at: dt.datetime
    updated_at: dt.datetime


class ArticleOut(msgspec.Struct):
    id: int
    url: str | None
    title: str | None
    source: str | None
    published_at: dt.datetime
    format: str
    content_hash: str
    created_at: dt.datetime
    events: list[EventOut]


class TimelineOut(msgspec.Struct):
    subject: EntityRef
    items: list[EventOut]
    # Pass back as ?cursor= for the next page; null on the last page.
    next_cursor: str | None


class EventPageOut(msgspec.Struct):
    items: list[EventOut]
    next_cursor: str | None


class AliasOut(msgspec.Struct):
    alias: str
    origin: str


class EntityOut(msgspec.Struct):
    id: int
    name: str
    aliases: list[AliasOut]
    event_count: int
    timeline: str


class EntityListOut(msgspec.Struct):
    items: list[EntityOut]
    # Pass back as ?cursor= for the next page; null on the last page.
    next_cursor: str | None


class AliasIn(msgspec.Struct, forbid_unknown_fields=True):
    alias: str


class MergeIn(msgspec.Struct, forbid_unknown_fields=True):
    """Merge the entity in the path into `into`; the path's id then resolves to `into`."""

    into: Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    # Field-level messages for invalid requests.
    errors: list[dict[str, Any]] | None = None


def entity_ref(named: Named | None) -> EntityRef | None:
    return None if named is None else EntityRef(id=named.id, name=named.name)


def source_out(view: SourceView) -> SourceOut:
    return SourceOut(
        article_id=view.article_id,
        url=view.url,
        title=view.title,
        source=view.source,
        published_at=view.published_at,
        evidence=view.evidence,
        evidence_span=view.evidence_span,
        date_text=view.date_text,
    )


def event_out(view: EventView) -> EventOut:
    event = view.event
    return EventOut(
        id=event.id,
        type=event.type,
        person=entity_ref(view.person),
        organization=entity_ref(view.organization),
        role=event.role,
        date=event.date,
        date_precision=event.date_precision,
        status=event.status,
        details=dict(event.details or {}),
        confidence=round(event.confidence, 3),
        revision=event.revision,
        sources=[source_out(s) for s in view.sources],
        created_at=event.created_at,
        updated_at=event.updated_at,
    )


def article_out(submitted: SubmittedArticle) -> ArticleOut:
    article = submitted.article
    return ArticleOut(
        id=article.id,
        url=article.url,
        title=article.title,
        source=article.source,
        published_at=local_time(article.published_at, article.published_utc_offset),
        format=article.format,
        content_hash=article.content_hash,
        created_at=article.created_at,
        events=[event_out(v) for v in submitted.events],
    )


def timeline_out(page: TimelinePage) -> TimelineOut:
    return TimelineOut(
        subject=EntityRef(id=page.subject.id, name=page.subject.name),
        items=[event_out(v) for v in page.items],
        next_cursor=page.next_cursor,
    )


def event_page_out(page: EventPage) -> EventPageOut:
    return EventPageOut(items=[event_out(v) for v in page.items], next_cursor=page.next_cursor)


def entity_out(view: EntityView, collection: str) -> EntityOut:
    return EntityOut(
        id=view.id,
        name=view.name,
        aliases=[AliasOut(alias=a.alias, origin=a.origin) for a in view.aliases],
        event_count=view.event_count,
        timeline=f"/{collection}/{view.id}/timeline",
    )
