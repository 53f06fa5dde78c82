"""The one public shape of an event and the entities around it, as msgspec Structs.

API responses, NDJSON and CSV exports and webhook payloads all serialise these types, so an
event reads the same wherever it is seen; the OpenAPI description and
docs/webhook-payload.schema.json are generated from them. Docstrings and `Meta` descriptions
become the schemas' descriptions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec

from tenure.extractors.contract import EventType, Precision

__all__ = [
    "AliasOut",
    "ArticleEvidence",
    "ArticleSummary",
    "AwareDatetime",
    "CorrectionOut",
    "DepartureStatus",
    "EntityOut",
    "EntityRef",
    "EventDetail",
    "EventOut",
    "EventState",
    "EventType",
    "Precision",
    "SourceDetail",
    "SourceOut",
]

DepartureStatus = Literal["announced", "planned", "reported", "completed"]
EventState = Literal["active", "rejected", "retired"]
# Times carry their UTC offset (the schema says format: date-time).
AwareDatetime = Annotated[dt.datetime, msgspec.Meta(tz=True)]
PartialDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class EntityRef(msgspec.Struct):
    """A person or company: its id (GET /people/{id}, /companies/{id}) and name."""

    id: int
    name: str


class SourceOut(msgspec.Struct):
    """An article that reports the event, and where in it the event is stated."""

    article_id: int
    url: str | None
    title: str | None
    source: Annotated[str | None, msgspec.Meta(description='The publication, e.g. "Example News".')]
    published_at: Annotated[
        AwareDatetime,
        msgspec.Meta(description="The article's publication time, in the UTC offset it was published with."),
    ]
    evidence: Annotated[str, msgspec.Meta(description="The sentence that states the event.")]
    evidence_span: Annotated[
        tuple[int, int],
        msgspec.Meta(description="Start and end offsets of the evidence in the article text as submitted."),
    ]
    date_text: Annotated[str | None, msgspec.Meta(description="The words the date was read from.")]


class EventOut(msgspec.Struct):
    """One fact about a person at a company, merged across every article that reports it."""

    id: Annotated[int, msgspec.Meta(description="Stable event id (GET /events, timelines).")]
    type: EventType
    person: EntityRef | None
    organization: EntityRef | None
    role: Annotated[str | None, msgspec.Meta(description='e.g. "chief financial officer".')]
    date: Annotated[
        PartialDate | None,
        msgspec.Meta(
            description="YYYY-MM-DD, YYYY-MM or YYYY at the precision the articles support; "
            "null when none gives a date."
        ),
    ]
    date_precision: Precision | None
    announced_on: Annotated[
        PartialDate | None,
        msgspec.Meta(description="When the move was made public (YYYY-MM-DD), when the articles say."),
    ]
    status: Annotated[
        DepartureStatus | None, msgspec.Meta(description="For departures; null for other types.")
    ]
    details: Annotated[
        dict[str, Any],
        msgspec.Meta(description="Type-specific facts: successor, destination, amount, award, ..."),
    ]
    confidence: Annotated[float, msgspec.Meta(ge=0, le=1, description="Rounded to three decimals.")]
    revision: Annotated[
        int, msgspec.Meta(ge=1, description="Bumped on every change (a new source, a more precise date).")
    ]
    sources: Annotated[
        list[SourceOut], msgspec.Meta(description="Every article that reports the event, oldest first.")
    ]
    created_at: AwareDatetime
    updated_at: AwareDatetime


class CorrectionOut(msgspec.Struct):
    """One change by an analyst (or by re-extraction): who, when, what before and after, why."""

    id: int
    action: Annotated[
        str,
        msgspec.Meta(
            description="edit, reject, restore, confirm, split, rename, retire (by re-extraction) "
            "or attach (a new source joined a rejected event)."
        ),
    ]
    actor: Annotated[str, msgspec.Meta(description='The API key\'s name, "cli:<user>" or the engine.')]
    before: Annotated[dict[str, Any], msgspec.Meta(description="The changed fields as they were.")]
    after: Annotated[dict[str, Any], msgspec.Meta(description="The changed fields as they became.")]
    reason: str | None
    created_at: AwareDatetime


class SourceDetail(SourceOut):
    """A source with how the engine read it: the rule that fired and its confidence."""

    rule_id: Annotated[str | None, msgspec.Meta(description="The extraction rule that found the event.")]
    confidence: Annotated[float, msgspec.Meta(ge=0, le=1)]


class EventDetail(EventOut):
    """An event that explains itself (GET /events/{id}): its sources with the rule behind each,
    its state, the fields analysts locked, who confirmed it and every correction made to it."""

    sources: list[SourceDetail]  # type: ignore[assignment]  # the detailed form of SourceOut
    state: Annotated[
        EventState,
        msgspec.Meta(description="Only active events appear in timelines, /events and exports."),
    ]
    extractor_version: Annotated[str | None, msgspec.Meta(description="Engine version that produced it.")]
    locked_fields: Annotated[
        list[str], msgspec.Meta(description="Fields an analyst set: extraction never overwrites them.")
    ]
    confirmed_at: AwareDatetime | None
    confirmed_by: str | None
    history: Annotated[list[CorrectionOut], msgspec.Meta(description="Corrections, oldest first.")]


class ArticleSummary(msgspec.Struct):
    """A stored article without its text (GET /articles)."""

    id: int
    url: str | None
    title: str | None
    source: Annotated[str | None, msgspec.Meta(description='The publication, e.g. "Example News".')]
    published_at: AwareDatetime
    format: str
    created_at: AwareDatetime
    extractor_version: Annotated[str | None, msgspec.Meta(description="Engine version that last read it.")]
    event_count: Annotated[int, msgspec.Meta(description="Active events it is a source of.")]


class ArticleEvidence(msgspec.Struct):
    """Where an article states one event, whatever the event's state (GET /articles/{id})."""

    event_id: int
    state: EventState
    rule_id: str | None
    confidence: float
    evidence: str
    evidence_span: tuple[int, int]
    date_text: str | None


class AliasOut(msgspec.Struct):
    alias: str
    origin: str


class EntityOut(msgspec.Struct):
    """A person or company with its other names and how many events name it."""

    id: int
    name: str
    aliases: list[AliasOut]
    event_count: int
    timeline: Annotated[str, msgspec.Meta(description="Path of its timeline.")]
