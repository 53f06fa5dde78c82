"""Request and response bodies: msgspec Structs, kept apart from the ORM classes.

The OpenAPI schema at /schema is generated from these types. An event, its sources and an
entity have one shape everywhere (tenure.shape); the pages and bodies around them live here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from tenure.ingest.submit import ArticleIn
from tenure.models import Article
from tenure.shape import AliasOut, EntityOut, EntityRef, EventOut, SourceOut
from tenure.timelines.queries import MAX_ID, EventPage, TimelinePage
from tenure.timelines.views import EventView, event_out, local_time

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


def article_out(article: Article, events: list[EventView]) -> ArticleOut:
    return ArticleOut(
        id=article.id,
        url=article.url,
        title=article.title,
        source=article.source,
        published_at=local_time(article.published_at, article.published_utc_offset),
        format=article.format,
        content_hash=article.content_hash,
        created_at=article.created_at,
        events=[event_out(v) for v in events],
    )


def timeline_out(page: TimelinePage) -> TimelineOut:
    return TimelineOut(
        subject=EntityRef(id=page.subject.id, name=page.subject.name),
        items=[event_out(v) for v in page.items],
        next_cursor=page.next_cursor,
    )


def event_page_out(page: EventPage) -> EventPageOut:
    return EventPageOut(items=[event_out(v) for v in page.items], next_cursor=page.next_cursor)
