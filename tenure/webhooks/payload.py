"""The webhook payload, schema `tenure.event.v1` (docs/webhook-payload.schema.json).

A delivery stores the payload as it was when the event changed; the links to both timelines are
added when it is sent, from Settings.base_url, so a deployment that moves keeps working links.
Receivers order payloads of one event by `sequence` (the event's revision, bumped on every
change); there is no ordering promise between deliveries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tenure.models import Article, Event, EventSource, Organization, Person

__all__ = ["SCHEMA", "build_payload", "encode_body", "with_links"]

SCHEMA = "tenure.event.v1"
# What each ingest change is called in the payload's `type`.
PAYLOAD_TYPES = {"created": "event.created", "source_added": "event.updated", "date_refined": "event.updated"}


def _entity(row: Person | Organization | None) -> dict[str, Any] | None:
    return None if row is None else {"id": row.id, "name": row.name}


def _source(source: EventSource, article: Article | None) -> dict[str, Any]:
    return {
        "article_id": source.article_id,
        "url": article.url if article else None,
        "title": article.title if article else None,
        "publisher": article.source if article else None,
        "published_at": article.published_at.isoformat() if article else None,
        "evidence": source.evidence,
        "date_text": source.date_text,
    }


def build_payload(
    event: Event,
    kind: str,
    person: Person | None,
    organization: Organization | None,
    sources: Sequence[tuple[EventSource, Article | None]],
    occurred_at: datetime,
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "type": PAYLOAD_TYPES[kind],
        "change": kind,
        "sequence": event.revision,
        "occurred_at": occurred_at.isoformat(),
        "event": {
            "id": event.id,
            "type": event.type,
            "person": _entity(person),
            "organization": _entity(organization),
            "role": event.role,
            "date": event.date,
            "date_precision": event.date_precision,
            "status": event.status,
            "details": event.details or {},
            "confidence": event.confidence,
            "sources": [_source(source, article) for source, article in sources],
        },
    }


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
