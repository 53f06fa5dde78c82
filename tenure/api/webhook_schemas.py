"""Request and response bodies of the webhook endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from tenure.models import Delivery, DeliveryAttempt, Subscription
from tenure.webhooks.payload import with_links
from tenure.webhooks.subscriptions import DeliveryLog

__all__ = [
    "DeliveryListOut",
    "DeliveryOut",
    "SubscriptionIn",
    "SubscriptionListOut",
    "SubscriptionOut",
    "delivery_out",
    "subscription_out",
]


class SubscriptionIn(msgspec.Struct, forbid_unknown_fields=True):
    url: str
    event_types: list[str] = msgspec.field(default_factory=lambda: ["departure"])
    # Company and person ids to filter on; empty lists match every event.
    companies: list[int] = msgspec.field(default_factory=list)
    people: list[int] = msgspec.field(default_factory=list)
    # Also deliver when a known event gains a source or a more precise date.
    notify_updates: bool = False
    # Also deliver when an event is withdrawn (rejected by an analyst, retired by re-extraction).
    notify_retractions: bool = False
    description: str | None = None


class SubscriptionOut(msgspec.Struct):
    id: int
    url: str
    event_types: list[str]
    companies: list[int]
    people: list[int]
    notify_updates: bool
    notify_retractions: bool
    status: str
    disabled_reason: str | None
    failing_since: datetime | None
    created_at: datetime
    description: str | None
    # Only in the response that creates the subscription: store it now, it is never shown again.
    secret: str | None = None


class SubscriptionListOut(msgspec.Struct):
    items: list[SubscriptionOut]


class AttemptOut(msgspec.Struct):
    started_at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None
    response_excerpt: str | None
    # succeeded, failed, or unknown: a worker stopped between sending and recording (the
    # delivery is sent again with the same webhook-id, so the receiver may see it twice).
    outcome: str | None


class DeliveryOut(msgspec.Struct):
    id: int
    subscription_id: int
    event_id: int | None
    webhook_id: str
    kind: str
    status: str
    attempt_count: int
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None
    last_error: str | None
    payload: dict[str, Any]
    attempts: list[AttemptOut]


class DeliveryListOut(msgspec.Struct):
    items: list[DeliveryOut]
    # Pass as ?before= for the next (older) page; null on the last page.
    next_before: int | None


def subscription_out(row: Subscription, *, with_secret: bool = False) -> SubscriptionOut:
    return SubscriptionOut(
        id=row.id,
        url=row.url,
        event_types=list(row.event_types),
        companies=list(row.organization_ids),
        people=list(row.person_ids),
        notify_updates=row.notify_updates,
        notify_retractions=row.notify_retractions,
        status=row.status,
        disabled_reason=row.disabled_reason,
        failing_since=row.failing_since,
        created_at=row.created_at,
        description=row.description,
        secret=row.secret if with_secret else None,
    )


def _attempt_out(row: DeliveryAttempt) -> AttemptOut:
    return AttemptOut(
        row.started_at, row.status_code, row.latency_ms, row.error, row.response_excerpt, row.outcome
    )


def delivery_out(log: DeliveryLog, base_url: str) -> DeliveryOut:
    """The delivery with its payload as sent (links included)."""
    d: Delivery = log.delivery
    return DeliveryOut(
        id=d.id,
        subscription_id=d.subscription_id,
        event_id=d.event_id,
        webhook_id=d.webhook_id,
        kind=d.kind,
        status=d.status,
        attempt_count=d.attempt_count,
        next_attempt_at=d.next_attempt_at if d.status == "pending" else None,
        created_at=d.created_at,
        delivered_at=d.delivered_at,
        last_error=d.last_error,
        payload=with_links(d.payload, base_url),
        attempts=[_attempt_out(a) for a in log.attempts],
    )
