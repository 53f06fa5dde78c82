"""Webhook subscriptions, their deliveries (the transactional outbox) and every delivery attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, JsonDoc, UtcDateTime, utcnow


class Subscription(Base):
    """A receiver URL and what it wants to hear about.

    status: "active" (delivering), "paused" (deliveries queue up, none sent until resumed) or
    "disabled" (by tenure: the receiver answered 410 or failed for the whole retry schedule;
    disabled_reason says which). Empty company/person filters match every event.
    """

    __tablename__ = "webhook_subscriptions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    # "whsec_" + base64 of 32 random bytes; shown once at creation, kept to sign deliveries.
    secret: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(300))
    event_types: Mapped[list[str]] = mapped_column(JsonDoc, default=lambda: ["departure"])
    organization_ids: Mapped[list[int]] = mapped_column(JsonDoc, default=list)
    person_ids: Mapped[list[int]] = mapped_column(JsonDoc, default=list)
    # Also deliver when a known event gains a source or a more precise date.
    notify_updates: Mapped[bool] = mapped_column(Boolean, default=False)
    # Also deliver when an event is withdrawn (rejected by an analyst or retired by re-extraction).
    notify_retractions: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    # First failure since the last success; cleared by a success. Disabling reads it.
    failing_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class Delivery(Base):
    """One payload owed to one subscription, written in the transaction of the event change.

    status: "pending" (due at next_attempt_at), "succeeded" or "failed" (the retry schedule ran
    out, or the subscription was disabled by a 410). A worker claims a pending row by setting
    claimed_until in the future; a worker that dies mid-attempt leaves the row claimable again
    once claimed_until has passed, with the same webhook_id (the receiver's idempotency key).
    """

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    # "msg_" + a ULID: stable across retries and redeliveries.
    webhook_id: Mapped[str] = mapped_column(String(40), unique=True)
    # What changed (tenure.webhooks.outbox.ChangeKind): created, source_added, date_refined, edited, retired ...
    kind: Mapped[str] = mapped_column(String(20))
    # The payload without its links (added from Settings.base_url when sent), see
    # docs/webhook-payload.schema.json.
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DeliveryAttempt(Base):
    """One POST of a delivery: what came back (or why nothing did) and how long it took."""

    __tablename__ = "webhook_delivery_attempts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Null when no response came (refused address, connection error, timeout).
    status_code: Mapped[int | None] = mapped_column(Integer)
    latency_ms: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    # The first ~500 characters of the response body, for the delivery log.
    response_excerpt: Mapped[str | None] = mapped_column(Text)
    # The worker that made the attempt.
    worker: Mapped[str | None] = mapped_column(String(100))
    # succeeded, failed, or unknown (the worker stopped between sending and recording).
    outcome: Mapped[str | None] = mapped_column(String(16))
