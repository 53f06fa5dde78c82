"""Subscriptions and the delivery log: what the API controller and the CLI call.

Each function opens and commits its own transaction. A new subscription's URL goes through the
address guard first: a target on a private, loopback, link-local or metadata address is refused
(AddressRefused, a 422 with the reason) unless the operator allowed it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import Conflict, InvalidInput, NotFound
from tenure.models import Delivery, DeliveryAttempt, Subscription
from tenure.models.base import utcnow
from tenure.models.lookup import get_or_404, list_all, load
from tenure.security.addresses import resolve_and_check, resolver_from
from tenure.security.sanitize import has_controls
from tenure.settings import Settings

__all__ = [
    "EVENT_TYPES",
    "DeliveryLog",
    "NewSubscription",
    "create_subscription",
    "delete_subscription",
    "get_subscription",
    "list_deliveries",
    "list_subscriptions",
    "pause_subscription",
    "redeliver",
    "resume_subscription",
]

EVENT_TYPES = ("departure", "appointment", "reporting_change", "award", "funding_round", "founding")
MAX_FILTER_IDS = 1000
DELIVERY_PAGE_MAX = 200

# Ids are 64-bit signed integers on PostgreSQL; a larger one can name nothing.
MAX_ID = 2**63 - 1


@dataclass(frozen=True, slots=True)
class NewSubscription:
    url: str
    event_types: Sequence[str] = ("departure",)
    organization_ids: Sequence[int] = ()
    person_ids: Sequence[int] = ()
    notify_updates: bool = False
    notify_retractions: bool = False
    description: str | None = None


@dataclass(slots=True)
class DeliveryLog:
    delivery: Delivery
    attempts: list[DeliveryAttempt] = field(default_factory=list)


def _validate(data: NewSubscription) -> None:
    if not data.event_types:
        raise InvalidInput("event_types is empty: name at least one of " + ", ".join(EVENT_TYPES))
    unknown = sorted(set(data.event_types) - set(EVENT_TYPES))
    if unknown:
        raise InvalidInput(f"unknown event type(s) {', '.join(unknown)}; known: {', '.join(EVENT_TYPES)}")
    for name, ids in (("organization_ids", data.organization_ids), ("person_ids", data.person_ids)):
        if len(ids) > MAX_FILTER_IDS:
            raise InvalidInput(f"{name} has more than {MAX_FILTER_IDS} entries")
        if any(i < 1 or i > MAX_ID for i in ids):
            raise InvalidInput(f"{name} must be positive ids no larger than {MAX_ID}")
    if data.description is not None and has_controls(data.description):
        raise InvalidInput("description holds a control character")
    if data.description is not None and len(data.description) > 300:
        raise InvalidInput("description is longer than 300 characters")
    if len(data.url) > 2000:
        raise InvalidInput("url is longer than 2000 characters")


async def create_subscription(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, data: NewSubscription
) -> Subscription:
    """Store a subscription; its `secret` is readable on the returned row only (show it once)."""
    from tenure.webhooks.signing import new_secret

    _validate(data)
    await resolve_and_check(data.url, settings.webhook_allow_hosts, resolver=resolver_from(settings))
    async with sessions() as session, session.begin():
        row = Subscription(
            url=data.url,
            secret=new_secret(),
            description=data.description,
            event_types=list(dict.fromkeys(data.event_types)),
            organization_ids=sorted(set(data.organization_ids)),
            person_ids=sorted(set(data.person_ids)),
            notify_updates=data.notify_updates,
            notify_retractions=data.notify_retractions,
            status="active",
        )
        session.add(row)
    return row


async def list_subscriptions(sessions: async_sessionmaker[AsyncSession]) -> list[Subscription]:
    return await list_all(sessions, Subscription)


async def _get(session: AsyncSession, subscription_id: int) -> Subscription:
    return await get_or_404(session, Subscription, subscription_id, "webhook subscription")


async def get_subscription(sessions: async_sessionmaker[AsyncSession], subscription_id: int) -> Subscription:
    return await load(sessions, Subscription, subscription_id, "webhook subscription")


async def pause_subscription(
    sessions: async_sessionmaker[AsyncSession], subscription_id: int
) -> Subscription:
    """Stop sending; deliveries keep queueing and go out on resume."""
    async with sessions() as session, session.begin():
        row = await _get(session, subscription_id)
        if row.status == "disabled":
            raise InvalidInput(
                f"subscription {subscription_id} is disabled ({row.disabled_reason}); resume it instead"
            )
        row.status = "paused"
    return row


async def resume_subscription(
    sessions: async_sessionmaker[AsyncSession], subscription_id: int
) -> Subscription:
    """Send again, also after tenure disabled the subscription: its queued deliveries go out now."""
    async with sessions() as session, session.begin():
        row = await _get(session, subscription_id)
        row.status = "active"
        row.disabled_reason = None
        row.failing_since = None
    return row


async def delete_subscription(sessions: async_sessionmaker[AsyncSession], subscription_id: int) -> None:
    """Delete the subscription with its deliveries and attempts."""
    async with sessions() as session, session.begin():
        row = await _get(session, subscription_id)
        await session.delete(row)


async def list_deliveries(
    sessions: async_sessionmaker[AsyncSession],
    subscription_id: int,
    *,
    status: str | None = None,
    limit: int = 50,
    before_id: int | None = None,
) -> list[DeliveryLog]:
    """Newest first, each with its attempts oldest first; page with before_id (the last id seen)."""
    limit = max(1, min(limit, DELIVERY_PAGE_MAX))
    async with sessions() as session:
        await _get(session, subscription_id)
        query = select(Delivery).where(Delivery.subscription_id == subscription_id)
        if status:
            query = query.where(Delivery.status == status)
        if before_id:
            query = query.where(Delivery.id < before_id)
        deliveries = list((await session.execute(query.order_by(Delivery.id.desc()).limit(limit))).scalars())
        attempts: dict[int, list[DeliveryAttempt]] = defaultdict(list)
        if deliveries:
            rows = await session.execute(
                select(DeliveryAttempt)
                .where(DeliveryAttempt.delivery_id.in_([d.id for d in deliveries]))
                .order_by(DeliveryAttempt.id)
            )
            for attempt in rows.scalars():
                attempts[attempt.delivery_id].append(attempt)
        return [DeliveryLog(d, attempts[d.id]) for d in deliveries]


async def count_deliveries(sessions: async_sessionmaker[AsyncSession], status: str) -> int:
    async with sessions() as session:
        query = select(func.count()).select_from(Delivery).where(Delivery.status == status)
        return int((await session.execute(query)).scalar_one())


async def redeliver(sessions: async_sessionmaker[AsyncSession], delivery_id: int) -> Delivery:
    """Send a delivery again now, with the same webhook-id and a fresh retry schedule."""
    async with sessions() as session, session.begin():
        delivery = await session.get(Delivery, delivery_id)
        if delivery is None:
            raise NotFound(f"no webhook delivery with id {delivery_id}")
        if delivery.status == "pending" and delivery.claimed_until and delivery.claimed_until > utcnow():
            # Releasing the claim now would let a second worker send it beside the first.
            raise Conflict(f"delivery {delivery_id} is being sent right now; try again in a moment")
        await session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(
                status="pending",
                attempt_count=0,
                next_attempt_at=utcnow(),
                claimed_until=None,
                claimed_by=None,
            )
            .execution_options(synchronize_session=False)
        )
        await session.refresh(delivery)
    return delivery
