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
    "AwareDatetime",
    "DepartureStatus",
    "EntityOut",
    "EntityRef",
    "EventOut",
    "EventType",
    "Precision",
    "SourceOut",
]

DepartureStatus = Literal["announced", "planned", "reported", "completed"]
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
