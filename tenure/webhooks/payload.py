"""The webhook payload, schema `tenure.event.v2`: the event in its one public shape (tenure.shape).

docs/webhook-payload.schema.json is generated from `WebhookPayload` (`make schema`); a test keeps
the committed file equal to it. A delivery stores the payload as it was when the event changed;
the links to both timelines are added when it is sent, from Settings.base_url, so a deployment
that moves keeps working links. Receivers order payloads of one event by `sequence` (the event's
revision, bumped on every change); there is no ordering promise between deliveries.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from tenure.shape import EVENT_EXAMPLE, AwareDatetime, EventOut, details_schemas

__all__ = [
    "SCHEMA",
    "ChangeKind",
    "SCHEMA_FILE",
    "Links",
    "WebhookPayload",
    "build_payload",
    "encode_body",
    "payload_json_schema",
    "with_links",
    "write_json_schema",
]

# v2: the event has the API's shape (sources[].source, not publisher; published_at in the
# article's own offset; evidence_span; confidence rounded; revision, created_at, updated_at).
SCHEMA: Literal["tenure.event.v2"] = "tenure.event.v2"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "webhook-payload.schema.json"
# What happened to an event, as deliveries record it and payloads' `change` names it.
ChangeKind = Literal[
    "created",
    "restored",
    "source_added",
    "date_refined",
    "source_removed",
    "edited",
    "rejected",
    "retired",
    "folded",
]
# What each change is called in the payload's `type`.
PAYLOAD_TYPES = {
    "created": "event.created",
    "restored": "event.created",
    "source_added": "event.updated",
    "date_refined": "event.updated",
    "source_removed": "event.updated",
    "edited": "event.updated",
    "rejected": "event.retracted",
    "retired": "event.retracted",
    "folded": "event.retracted",
}


class Links(msgspec.Struct):
    """Absolute URLs (from TENURE_PUBLIC_URL) of the person's and the company's timelines."""

    person_timeline: str | None
    company_timeline: str | None


class WebhookPayload(msgspec.Struct):
    """The JSON body tenure POSTs to a webhook subscriber, signed per Standard Webhooks (headers
    webhook-id, webhook-timestamp, webhook-signature). Deliveries are at least once and unordered:
    use webhook-id to drop duplicates and `sequence` to order payloads about one event. New
    optional fields may appear within a version; a breaking change gets a new `schema` value."""

    schema: Annotated[Literal["tenure.event.v2"], msgspec.Meta(description="Payload format and version.")]
    type: Annotated[
        Literal["event.created", "event.updated", "event.retracted"],
        msgspec.Meta(
            description="event.created for a new fact (or one restored after a retraction); "
            "event.updated when a known fact gained or lost a source, got a more precise date or was "
            "edited by an analyst (only for subscriptions with notify_updates); event.retracted when it "
            "was withdrawn, rejected by an analyst or retired by re-extraction because no article states "
            "it any more, or folded into another event that states the same fact once their people or "
            "companies were merged (only for subscriptions with notify_retractions): remove it from "
            "your view."
        ),
    ]
    change: Annotated[
        ChangeKind,
        msgspec.Meta(description="What happened to the event, in more detail than `type`."),
    ]
    sequence: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            description="The event's revision: of two payloads about one event the higher sequence "
            "is the newer state.",
        ),
    ]
    occurred_at: Annotated[
        AwareDatetime,
        msgspec.Meta(
            description="When tenure recorded the change (UTC). The event's own date is event.date."
        ),
    ]
    event: EventOut
    links: Links
    folded_into: Annotated[
        int | None,
        msgspec.Meta(
            description="For change `folded`: the id of the event that states this fact from now on "
            "(this event's id no longer exists). Absent otherwise."
        ),
    ] = None


def build_payload(
    event: EventOut, kind: str, occurred_at: datetime, *, folded_into: int | None = None
) -> dict[str, Any]:
    """The payload as stored with its delivery: JSON-ready, without the links `with_links` adds."""
    payload = WebhookPayload(
        schema=SCHEMA,
        type=PAYLOAD_TYPES[kind],  # type: ignore[arg-type]
        change=kind,  # type: ignore[arg-type]
        sequence=event.revision,
        occurred_at=occurred_at,
        event=event,
        links=Links(None, None),
        folded_into=folded_into,
    )
    stored: dict[str, Any] = msgspec.to_builtins(payload)
    del stored["links"]
    if folded_into is None:
        del stored["folded_into"]  # optional within tenure.event.v2: only folds carry it
    return stored


def with_links(payload: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The payload as sent: with absolute URLs of the person's and the company's timelines."""
    event = payload.get("event") or {}
    person = event.get("person")
    organization = event.get("organization")
    base = base_url.rstrip("/")
    links = {
        "person_timeline": f"{base}/people/{person['id']}/timeline" if person else None,
        "company_timeline": f"{base}/companies/{organization['id']}/timeline" if organization else None,
    }
    return {**payload, "links": links}


def encode_body(payload: dict[str, Any], base_url: str) -> bytes:
    """The exact bytes POSTed and signed: compact JSON, keys in a fixed order."""
    return json.dumps(with_links(payload, base_url), separators=(",", ":"), ensure_ascii=False).encode()


def payload_json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of WebhookPayload, as committed in docs/."""
    generated = msgspec.json.schema(WebhookPayload)
    rules, details = details_schemas("#/$defs/{name}")
    definitions = dict(sorted({**generated["$defs"], **details}.items()))
    definitions["EventOut"] |= {"allOf": rules, "examples": [EVENT_EXAMPLE]}
    root = definitions.pop("WebhookPayload")
    root["description"] = " ".join(root["description"].split())  # the docstring's line breaks
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://tenure.example.org/schemas/{SCHEMA}.json",
        **root,
        "title": f"tenure webhook payload ({SCHEMA})",
        "$defs": definitions,
    }


def write_json_schema(path: Path = SCHEMA_FILE) -> None:
    path.write_text(json.dumps(payload_json_schema(), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write_json_schema()
