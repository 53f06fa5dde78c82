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
from tenure.models.articles import listing_fields
from tenure.models.events import ACTIVE
from tenure.shape import (
    AliasOut,
    ArticleEvidence,
    ArticleSummary,
    EntityOut,
    EntityRef,
    EventOut,
    SourceOut,
)
from tenure.timelines.queries import MAX_ID
from tenure.timelines.views import EventView, event_out

__all__ = [
    "AliasIn",
    "AliasOut",
    "ArticleDetail",
    "ArticleIn",
    "ArticleListOut",
    "ArticleOut",
    "EntityListOut",
    "EntityOut",
    "EntityRef",
    "EventOut",
    "EventPageOut",
    "EventPatchIn",
    "MergeIn",
    "Problem",
    "ReasonIn",
    "RenameIn",
    "SplitIn",
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


class ArticleDetail(ArticleOut):
    """An article as stored (GET /articles/{id}): its text, and where it states each of its events,
    rejected and retired ones included (`events` lists only the active ones)."""

    text: str
    extractor_version: str | None
    evidence: list[ArticleEvidence]


class ArticleListOut(msgspec.Struct):
    items: list[ArticleSummary]
    # Pass back as ?cursor= for the next page; null on the last page.
    next_cursor: str | None


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


_Reason = Annotated[str, msgspec.Meta(max_length=2000, description="Why, for the history.")] | None
# A person or company in a correction: its id, or a name (found, or created as ingest would).
_EntityChoice = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)] | Annotated[str, msgspec.Meta(max_length=300)]


class ReasonIn(msgspec.Struct, forbid_unknown_fields=True):
    reason: _Reason = None


class EventPatchIn(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """The fields to change; those left out stay as they are, null clears one."""

    person: _EntityChoice | None | msgspec.UnsetType = msgspec.UNSET
    organization: _EntityChoice | None | msgspec.UnsetType = msgspec.UNSET
    role: str | None | msgspec.UnsetType = msgspec.UNSET
    date: Annotated[
        str | None | msgspec.UnsetType, msgspec.Meta(description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = msgspec.UNSET
    date_precision: Annotated[
        str | None | msgspec.UnsetType,
        msgspec.Meta(description="day, week, month or year; by default the date's written form"),
    ] = msgspec.UNSET
    status: str | None | msgspec.UnsetType = msgspec.UNSET
    details: Annotated[
        dict[str, Any] | msgspec.UnsetType,
        msgspec.Meta(description="merged in; a key set to null is removed"),
    ] = msgspec.UNSET
    reason: _Reason = None


class RenameIn(msgspec.Struct, forbid_unknown_fields=True):
    """The entity's new name; the old one stays as an alias."""

    name: Annotated[str, msgspec.Meta(max_length=300)]
    reason: _Reason = None


class SplitIn(msgspec.Struct, forbid_unknown_fields=True):
    """A new entity named `name`, taking these aliases and events from the one in the path."""

    name: Annotated[str, msgspec.Meta(max_length=300)]
    aliases: Annotated[list[str], msgspec.Meta(max_length=1000)] = msgspec.field(default_factory=list)
    events: Annotated[list[Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]], msgspec.Meta(max_length=1000)] = (
        msgspec.field(default_factory=list)
    )
    reason: _Reason = None


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
        **listing_fields(article),
        content_hash=article.content_hash,
        # A rejected or retired event is out of the record; GET /articles/{id} still shows it.
        events=[event_out(v) for v in events if v.event.state == ACTIVE],
    )


def article_detail(
    article: Article, events: list[EventView], evidence: list[ArticleEvidence]
) -> ArticleDetail:
    shown = msgspec.structs.asdict(article_out(article, events))
    return ArticleDetail(
        **shown, text=article.text, extractor_version=article.extractor_version, evidence=evidence
    )
