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
    "DETAILS_BY_TYPE",
    "DETAILS_EXAMPLES",
    "EVENT_EXAMPLE",
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
    "details_schemas",
]

DepartureStatus = Literal["announced", "planned", "reported", "completed"]
EventState = Literal["active", "rejected", "retired"]
# Times carry their UTC offset (the schema says format: date-time).
AwareDatetime = Annotated[dt.datetime, msgspec.Meta(tz=True)]
PartialDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Name = str | None
Names = Annotated[list[str], msgspec.Meta(description="Full names, in the article's order.")]
AnnouncedOn = Annotated[
    Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None,
    msgspec.Meta(
        description="When the move was announced, when the article gives both that and when it takes "
        "effect (the event's date).",
        examples=["2025-10-20"],
    ),
]


# An event's `details`, one shape per type. On the wire `details` stays a plain object (the
# event's `type` says which shape it has); these types document it: the OpenAPI and the webhook
# JSON Schema key them by type (`details_schemas`), and a test checks the extractor's output
# against them, so a new detail must be declared here.


class DepartureDetails(msgspec.Struct, forbid_unknown_fields=True):
    """A departure's details."""

    status: DepartureStatus | None = None
    successor: Annotated[Name, msgspec.Meta(description="Who takes over.", examples=["Ada Brenner"])] = None
    destination: Annotated[
        Name, msgspec.Meta(description="Where the person goes next.", examples=["Quillmark Labs"])
    ] = None
    announced_on: AnnouncedOn = None


class AppointmentDetails(msgspec.Struct, forbid_unknown_fields=True):
    """An appointment's details."""

    predecessor: Annotated[Name, msgspec.Meta(description="Whom the person replaces.")] = None
    announced_on: AnnouncedOn = None


class ReportingChangeDetails(msgspec.Struct, forbid_unknown_fields=True):
    """A reporting change's details: the manager before and after."""

    from_manager: Name = None
    to_manager: Name = None
    announced_on: AnnouncedOn = None


class AwardDetails(msgspec.Struct, forbid_unknown_fields=True):
    """An award's details."""

    award: Annotated[Name, msgspec.Meta(description="The prize or honour.", examples=["Turing Award"])] = None
    co_recipients: Names = msgspec.field(default_factory=list)
    announced_on: AnnouncedOn = None


class FundingRoundDetails(msgspec.Struct, forbid_unknown_fields=True):
    """A funding round's details; amounts are whole units of `currency`."""

    amount: Annotated[int | None, msgspec.Meta(examples=[40_000_000])] = None
    currency: Annotated[str | None, msgspec.Meta(description="ISO 4217 code.", examples=["USD"])] = None
    round: Annotated[Name, msgspec.Meta(examples=["Series B"])] = None
    lead_investors: Names = msgspec.field(default_factory=list)
    valuation: Annotated[int | None, msgspec.Meta(description="In `currency`.")] = None
    announced_on: AnnouncedOn = None


class FoundingDetails(msgspec.Struct, forbid_unknown_fields=True):
    """A founding's details."""

    company: Annotated[Name, msgspec.Meta(description="The company or lab founded.")] = None
    announced_on: AnnouncedOn = None


DETAILS_BY_TYPE: dict[str, type[msgspec.Struct]] = {
    "departure": DepartureDetails,
    "appointment": AppointmentDetails,
    "reporting_change": ReportingChangeDetails,
    "award": AwardDetails,
    "funding_round": FundingRoundDetails,
    "founding": FoundingDetails,
}


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
        msgspec.Meta(
            description="Type-specific facts, shaped by `type`: DepartureDetails for a departure, "
            "FundingRoundDetails for a funding_round, and so on."
        ),
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
            "attach (a new source joined a rejected event) or fold (an entity merge folded another "
            "event stating the same fact into this one; its history moved here)."
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


# Examples in our own words, shown in the OpenAPI and the webhook JSON Schema (a test validates
# each against them). No nulls: Litestar leaves null values out of the OpenAPI document.
DETAILS_EXAMPLES: dict[str, dict[str, Any]] = {
    "departure": {"status": "planned", "successor": "Ada Brenner"},
    "appointment": {"predecessor": "Priya Lindqvist", "announced_on": "2025-10-20"},
    "reporting_change": {"from_manager": "Otto Brandt", "to_manager": "Ines Marlow"},
    "award": {"award": "Harbour Logistics Medal", "co_recipients": ["Otto Brandt"]},
    "funding_round": {
        "amount": 40_000_000,
        "currency": "USD",
        "round": "Series B",
        "lead_investors": ["Northgate Ventures"],
    },
    "founding": {"company": "Quillmark Labs"},
}
EVENT_EXAMPLE: dict[str, Any] = {
    "id": 42,
    "type": "departure",
    "person": {"id": 7, "name": "Priya Lindqvist"},
    "organization": {"id": 3, "name": "Halvorsen Freight"},
    "role": "chief financial officer",
    "date": "2025-10-31",
    "date_precision": "day",
    "announced_on": "2025-10-20",
    "status": "planned",
    "details": DETAILS_EXAMPLES["departure"],
    "confidence": 0.9,
    "revision": 2,
    "sources": [
        {
            "article_id": 11,
            "url": "https://news.example/halvorsen-cfo",
            "title": "Halvorsen Freight's finance chief to leave",
            "source": "Example News",
            "published_at": "2025-10-21T09:30:00+02:00",
            "evidence": "Priya Lindqvist will step down as chief financial officer on October 31.",
            "evidence_span": [120, 193],
            "date_text": "on October 31",
        }
    ],
    "created_at": "2025-10-21T07:31:02Z",
    "updated_at": "2025-10-22T12:04:40Z",
}


def details_schemas(ref_template: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """`details` keyed by the event's type, as JSON Schema: the if/then rules that go in
    EventOut's `allOf`, and the definitions they refer to (named by `ref_template`, e.g.
    "#/$defs/{name}"). A tagged union would need the tag inside `details`; the tag is the event's
    `type`, beside it, so the wire keeps `details` a plain object."""
    types = list(DETAILS_BY_TYPE.values())
    _, definitions = msgspec.json.schema_components(types, ref_template=ref_template)
    rules = []
    for event_type, details in DETAILS_BY_TYPE.items():
        definitions[details.__name__]["examples"] = [DETAILS_EXAMPLES[event_type]]
        rules.append(
            {
                "if": {"properties": {"type": {"const": event_type}}},
                "then": {"properties": {"details": {"$ref": ref_template.format(name=details.__name__)}}},
            }
        )
    return rules, definitions
