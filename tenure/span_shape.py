"""The public shape of leadership spans (GET /companies/{id}/leadership, /people/{id}/roles).

Kept beside tenure.shape, in its style: msgspec Structs whose descriptions become the schema's.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

from tenure.shape import DepartureStatus, EntityRef, PartialDate, Precision

__all__ = ["LeadershipOut", "RolesOut", "SpanEndOut", "SpanOut"]


class SpanEndOut(msgspec.Struct):
    """One end of a span: the date at the precision the articles give, and the events behind it."""

    date: Annotated[PartialDate | None, msgspec.Meta(description="null: the end is reported, undated.")]
    date_precision: Precision | None
    earliest: Annotated[dt.date | None, msgspec.Meta(description="First day the date stands for.")]
    latest: Annotated[dt.date | None, msgspec.Meta(description="Last day the date stands for.")]
    uncertain: Annotated[bool, msgspec.Meta(description="Undated, or coarser than a day.")]
    status: Annotated[DepartureStatus | None, msgspec.Meta(description="The departure's status, for an end.")]
    event_ids: Annotated[list[int], msgspec.Meta(description="Ids of the events that give this end.")]


class SpanOut(msgspec.Struct):
    """A person holding a role at a company, from a start to an end."""

    person: EntityRef
    organization: EntityRef
    role: Annotated[str | None, msgspec.Meta(description="null when no event named the role.")]
    interim: bool
    start: Annotated[SpanEndOut | None, msgspec.Meta(description="null: only the departure was reported.")]
    end: Annotated[SpanEndOut | None, msgspec.Meta(description="null while the span is open.")]
    open: Annotated[bool, msgspec.Meta(description="No departure or successor reported yet.")]


class LeadershipOut(msgspec.Struct):
    """Who held which role at the company, derived from appointments and departures."""

    organization: EntityRef
    spans: list[SpanOut]


class RolesOut(msgspec.Struct):
    """The roles a person held, derived from appointments and departures at their companies."""

    person: EntityRef
    spans: list[SpanOut]
