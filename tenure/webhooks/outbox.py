"""The transactional outbox: deliveries written in the same transaction as the event change.

The ingest service (and entity merges) call `enqueue_event_changes` after flushing their events
and before committing, so an event and the deliveries it owes commit together or not at all: a
crash can lose neither. The worker (tenure.webhooks.worker) sends them afterwards.

Corrections and re-extraction tell subscribers through `record_update` (an analyst's edit, a
source withdrawn), `record_retraction` (rejected or retired), `record_fold` (an entity merge found two events to be
one fact and deletes one) and `record_restoration`, in the
transaction that changed the event. Who hears what: new and restored events go to every
matching subscription, updates only to those with notify_updates, retractions only to those
with notify_retractions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tenure.models import Delivery, Event, Subscription
from tenure.models.base import utcnow
from tenure.timelines.views import event_out, event_views
from tenure.webhooks.payload import ChangeKind, build_payload
from tenure.webhooks.signing import new_webhook_id
from tenure.webhooks.wakeup import announce_deliveries

__all__ = [
    "ChangeKind",
    "EventChange",
    "enqueue_event_changes",
    "matches",
    "record_fold",
    "record_restoration",
    "record_retraction",
    "record_update",
]

UpdateKind = Literal["source_added", "date_refined", "source_removed", "edited"]
RetractionKind = Literal["rejected", "retired", "folded"]
UPDATES: frozenset[str] = frozenset(("source_added", "date_refined", "source_removed", "edited"))
RETRACTIONS: frozenset[str] = frozenset(("rejected", "retired", "folded"))
# Subscriptions in these states still collect deliveries (a paused one sends them on resume).
COLLECTING = ("active", "paused")


@dataclass(frozen=True, slots=True)
class EventChange:
    """What an ingest did to one stored event; the outbox turns it into deliveries."""

    event_id: int
    kind: ChangeKind
    # For "folded": the event that states the fact from now on.
    folded_into: int | None = None


def matches(subscription: Subscription, event: Event, kind: str) -> bool:
    """Whether this subscription wants to hear about this change of this event."""
    if kind in UPDATES and not subscription.notify_updates:
        return False
    if kind in RETRACTIONS and not subscription.notify_retractions:
        return False
    if event.type not in (subscription.event_types or []):
        return False
    if subscription.organization_ids and event.organization_id not in subscription.organization_ids:
        return False
    return not (subscription.person_ids and event.person_id not in subscription.person_ids)


async def enqueue_event_changes(session: AsyncSession, changes: Sequence[EventChange]) -> int:
    """Write a delivery row per matching subscription, in the caller's transaction.

    Called by the ingest service after it flushed the events, before it commits. Returns the
    number of deliveries written. Must not commit.
    """
    if not changes:
        return 0
    subscriptions = list(
        (await session.execute(select(Subscription).where(Subscription.status.in_(COLLECTING)))).scalars()
    )
    if not subscriptions:  # the common case for a plain ingest: one cheap query
        return 0
    events = {
        e.id: e
        for e in (
            await session.execute(select(Event).where(Event.id.in_({c.event_id for c in changes})))
        ).scalars()
    }
    wanted = [
        (change, events[change.event_id], sub)
        for change in changes
        if change.event_id in events
        for sub in subscriptions
        if matches(sub, events[change.event_id], change.kind)
    ]
    if not wanted:
        return 0
    payloads = await _payloads(session, {change for change, _, _ in wanted}, events)
    session.add_all(
        Delivery(
            subscription_id=sub.id,
            event_id=event.id,
            webhook_id=new_webhook_id(),
            kind=change.kind,
            payload=payloads[change],
            status="pending",
            attempt_count=0,
            next_attempt_at=utcnow(),
        )
        for change, event, sub in wanted
    )
    await session.flush()
    await announce_deliveries(session)
    return len(wanted)


async def record_update(session: AsyncSession, event: Event, kind: UpdateKind = "edited") -> int:
    """An existing event changed (an analyst's edit, a source withdrawn): event.updated to the
    subscriptions with notify_updates. Call after changing the event (and bumping its revision),
    inside the transaction that changed it; returns the deliveries written."""
    await session.flush()
    return await enqueue_event_changes(session, [EventChange(event_id=event.id, kind=kind)])


async def record_retraction(session: AsyncSession, event: Event, kind: RetractionKind) -> int:
    """An event was withdrawn ("rejected" by an analyst, "retired" by re-extraction):
    event.retracted to the subscriptions with notify_retractions, in the caller's transaction."""
    await session.flush()
    return await enqueue_event_changes(session, [EventChange(event_id=event.id, kind=kind)])


async def record_fold(session: AsyncSession, event: Event, into: Event) -> int:
    """An entity merge found `event` states the fact `into` states and is about to delete it:
    event.retracted (change "folded", with `folded_into`) to the subscriptions with
    notify_retractions, so a view that shows it drops it. Call before deleting `event`."""
    await session.flush()
    return await enqueue_event_changes(
        session, [EventChange(event_id=event.id, kind="folded", folded_into=into.id)]
    )


async def record_restoration(session: AsyncSession, event: Event) -> int:
    """A rejected or retired event is active again: event.created (change "restored") to every
    matching subscription, as a new event would be, in the caller's transaction."""
    await session.flush()
    return await enqueue_event_changes(session, [EventChange(event_id=event.id, kind="restored")])


async def _payloads(
    session: AsyncSession, changes: set[EventChange], events: dict[int, Event]
) -> dict[EventChange, dict[str, object]]:
    """One payload per change of an event, in the event's public shape (what GET /events shows)."""
    views = await event_views(session, [events[i] for i in {change.event_id for change in changes}])
    shaped = {view.event.id: event_out(view) for view in views}
    now = utcnow()
    return {
        change: build_payload(shaped[change.event_id], change.kind, now, folded_into=change.folded_into)
        for change in changes
    }
