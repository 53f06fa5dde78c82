"""The delivery worker: claim due deliveries, POST them signed, record every attempt.

Claiming sets a lease (claimed_until) in one short transaction: on PostgreSQL the candidate rows
are picked with FOR UPDATE SKIP LOCKED, so any number of workers on any number of machines share
the table without sending a delivery twice; on SQLite the single UPDATE runs under the
database's one write lock, which gives the same guarantee. A worker killed mid-attempt leaves
its rows leased; once the lease runs out another worker (or the same one, restarted) claims them
again and sends them with the same webhook-id, so receivers can drop the duplicate.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

import httpx
from sqlalchemy import Table, and_, bindparam, or_, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure import __version__
from tenure.errors import AddressRefused, FetchFailed
from tenure.models import Delivery, DeliveryAttempt, Subscription
from tenure.models.availability import UNREACHABLE, reason
from tenure.models.base import utcnow
from tenure.models.db import create_engine, session_factory
from tenure.observability.metrics import record_delivery_attempt
from tenure.security.addresses import resolver_from
from tenure.security.http import guarded_request, transport_from
from tenure.security.sanitize import storable
from tenure.settings import Settings
from tenure.webhooks.payload import encode_body
from tenure.webhooks.retry import Decision, Outcome, decide, failure_reason, parse_retry_after, should_disable
from tenure.webhooks.signing import signed_headers
from tenure.webhooks.wakeup import Waker

__all__ = [
    "ClaimedDelivery",
    "claim_due_deliveries",
    "deliver_due",
    "run_worker",
    "send_one",
    "worker_name",
    "Transports",
]

_log = logging.getLogger("tenure.webhooks")
# Rounds a worker runs at once.
LANES = 2
# Deliveries claimed (and sent concurrently) per round.
BATCH_SIZE = 32
# A lease outlives the slowest attempt (bounded by http_timeout) by this much.
LEASE_MARGIN_SECONDS = 30.0
# Response bytes read per attempt; the log keeps the first EXCERPT_CHARS characters.
RESPONSE_BYTES = 4096
EXCERPT_CHARS = 500
# After an unexpected error (database down), wait this many poll intervals before trying again.
ERROR_BACKOFF_POLLS = 10
USER_AGENT = f"tenure-webhooks/{__version__}"


class _KeepOpen(httpx.AsyncBaseTransport):
    """A pooled transport lent to one request's client, which must not close it on exit."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        return  # the worker closes the pool when it stops


class Transports:
    """Keep-alive connection pools, one per receiver host, kept for the worker's life.

    A client per send would build a TLS context each time (tens of milliseconds of CPU). Pools are
    per host name, not shared: connections go to the checked address, so one pool per name keeps
    an https connection (its SNI and certificate) from being reused for another name on that IP.
    """

    def __init__(self, injected: httpx.AsyncBaseTransport | None = None) -> None:
        self.injected = injected
        self.pools: dict[tuple[str, str, int | None], httpx.AsyncHTTPTransport] = {}

    def for_url(self, url: str) -> httpx.AsyncBaseTransport:
        if self.injected is not None:
            return self.injected
        parsed = httpx.URL(url)
        key = (parsed.scheme, parsed.host, parsed.port)
        if key not in self.pools:
            # At most a round's worth of connections per host: the round's concurrency.
            limits = httpx.Limits(max_connections=BATCH_SIZE, max_keepalive_connections=BATCH_SIZE)
            self.pools[key] = httpx.AsyncHTTPTransport(trust_env=False, retries=0, limits=limits)
        return _KeepOpen(self.pools[key])

    async def aclose(self) -> None:
        for pool in self.pools.values():
            await pool.aclose()
        self.pools.clear()


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    id: int
    subscription_id: int
    webhook_id: str
    payload: dict[str, Any]
    attempt_count: int
    created_at: datetime
    url: str
    secret: str


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(3).hex()}"


def _due(now: datetime) -> Any:
    active = select(Subscription.id).where(Subscription.status == "active")
    return and_(
        Delivery.status == "pending",
        Delivery.next_attempt_at <= now,
        or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now),
        Delivery.subscription_id.in_(active),
    )


async def _any_due(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """A read before the claiming write: an idle poll takes no write lock (SQLite has only one)."""
    async with sessions() as session:
        return (await session.execute(select(Delivery.id).where(_due(utcnow())).limit(1))).first() is not None


async def claim_due_deliveries(
    session: AsyncSession,
    worker: str,
    *,
    limit: int = BATCH_SIZE,
    lease_seconds: float,
    now: datetime | None = None,
) -> list[ClaimedDelivery]:
    """Lease up to limit due deliveries to this worker, in the caller's transaction.

    The caller commits at once, so the lease is visible to other workers before any send starts.
    """
    now = now or utcnow()
    candidates = (
        select(Delivery.id).where(_due(now)).order_by(Delivery.next_attempt_at, Delivery.id).limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True, of=Delivery)
    # Leases that ran out with a worker's name still on them: that worker stopped between its send
    # and its record. Say so in the log before the delivery goes out again.
    abandoned = (
        await session.execute(
            select(Delivery.id, Delivery.claimed_by, Delivery.claimed_until).where(
                Delivery.id.in_(candidates.scalar_subquery()), Delivery.claimed_by.is_not(None)
            )
        )
    ).all()
    claimed_ids = list(
        (
            await session.execute(
                update(Delivery)
                .where(Delivery.id.in_(candidates.scalar_subquery()))
                .values(claimed_until=now + timedelta(seconds=lease_seconds), claimed_by=worker)
                .returning(Delivery.id)
                .execution_options(synchronize_session=False)
            )
        ).scalars()
    )
    if not claimed_ids:
        return []
    session.add_all(
        DeliveryAttempt(
            delivery_id=delivery_id,
            started_at=until,
            status_code=None,
            latency_ms=0,
            error=OUTCOME_UNKNOWN,
            worker=by,
            outcome="unknown",
        )
        for delivery_id, by, until in abandoned
        if delivery_id in claimed_ids
    )
    rows = await session.execute(
        select(Delivery, Subscription.url, Subscription.secret)
        .join(Subscription, Subscription.id == Delivery.subscription_id)
        .where(Delivery.id.in_(claimed_ids))
        .order_by(Delivery.next_attempt_at, Delivery.id)
    )
    return [
        ClaimedDelivery(
            d.id, d.subscription_id, d.webhook_id, d.payload, d.attempt_count, d.created_at, url, secret
        )
        for d, url, secret in rows
    ]


async def send_one(delivery: ClaimedDelivery, settings: Settings, transports: Transports) -> Outcome:
    """POST the delivery once, through the address guard, never following a redirect."""
    body = encode_body(delivery.payload, settings.base_url)
    headers = {
        **signed_headers(delivery.secret, delivery.webhook_id, body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }
    started = time.perf_counter()
    try:
        response = await guarded_request(
            "POST",
            delivery.url,
            allow=settings.webhook_allow_hosts,
            deadline=settings.http_timeout,
            max_bytes=RESPONSE_BYTES,
            headers=headers,
            content=body,
            resolver=resolver_from(settings),
            transport=transports.for_url(delivery.url),
        )
    except (AddressRefused, FetchFailed) as exc:
        return Outcome(None, _ms_since(started), error=exc.detail)
    return Outcome(
        response.status_code,
        _ms_since(started),
        excerpt=storable(response.body.decode("utf-8", "replace"), EXCERPT_CHARS),
        retry_after=parse_retry_after(response.headers.get("retry-after")),
    )


def _ms_since(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


@dataclass(frozen=True, slots=True)
class Attempted:
    delivery: ClaimedDelivery
    outcome: Outcome
    started_at: datetime


async def record_round(
    sessions: async_sessionmaker[AsyncSession],
    attempted: Sequence[Attempted],
    settings: Settings,
    worker: str,
) -> None:
    """Store a round's attempts, each delivery's next state and each subscription's health.

    One transaction for the whole round: a commit per delivery would cap a worker at the
    database's commit rate. A worker killed before this commits sends the round again
    (at-least-once; receivers drop duplicates by webhook-id). If the database refuses the round
    for what one record holds, each attempt is recorded alone, and one still refused is recorded
    without the receiver's text: one bad record never leaves the others to be sent again forever.
    """
    try:
        await _record(sessions, attempted, settings, worker)
        return
    except UNREACHABLE:
        raise
    except DBAPIError as exc:
        _log.error(
            "recording a round of %d attempts failed (%s); recording each alone", len(attempted), reason(exc)
        )
    for one in attempted:
        try:
            await _record(sessions, [one], settings, worker)
            continue
        except UNREACHABLE:
            raise
        except DBAPIError as exc:
            _log.error("delivery %s: its attempt could not be recorded (%s)", one.delivery.id, reason(exc))
        bare = replace(one, outcome=replace(one.outcome, excerpt=None, error=UNSTORABLE))
        await _record(sessions, [bare], settings, worker)


# The log line of an attempt whose worker stopped before recording it.
OUTCOME_UNKNOWN = (
    "outcome unknown: the worker stopped between sending and recording (its lease ran out); "
    "sent again with the same webhook-id"
)
# Stored in place of a receiver's answer the database refused even after cleaning.
UNSTORABLE = "the receiver's answer could not be stored"


async def _record(
    sessions: async_sessionmaker[AsyncSession],
    attempted: Sequence[Attempted],
    settings: Settings,
    worker: str,
) -> None:
    schedule = tuple(float(s) for s in settings.webhook_retry_schedule)
    async with sessions() as session, session.begin():
        # Deliveries deleted with their subscription while the round was in flight are skipped.
        ids = [a.delivery.id for a in attempted]
        alive = set((await session.execute(select(Delivery.id).where(Delivery.id.in_(ids)))).scalars())
        attempted = [a for a in attempted if a.delivery.id in alive]
        if not attempted:
            return
        now = utcnow()
        decisions = [decide(a.outcome, a.delivery.attempt_count + 1, schedule, now) for a in attempted]
        session.add_all(_attempt_row(a, worker) for a in attempted)
        # Core executemany: one statement for the round, no per-row match check.
        table = cast(Table, Delivery.__table__)
        await session.execute(
            update(table).where(table.c.id == bindparam("delivery_id")),
            [_delivery_changes(a, d, now) for a, d in zip(attempted, decisions, strict=True)],
        )
        await _update_subscriptions(session, attempted, decisions, schedule, now)


def _attempt_row(a: Attempted, worker: str) -> DeliveryAttempt:
    return DeliveryAttempt(
        delivery_id=a.delivery.id,
        started_at=a.started_at,
        status_code=a.outcome.status_code,
        latency_ms=a.outcome.latency_ms,
        error=None if a.outcome.succeeded else storable(failure_reason(a.outcome)),
        response_excerpt=storable(a.outcome.excerpt),
        worker=worker,
        outcome="succeeded" if a.outcome.succeeded else "failed",
    )


def _delivery_changes(a: Attempted, decision: Decision, now: datetime) -> dict[str, Any]:
    return {
        "delivery_id": a.delivery.id,
        "status": decision.status,
        "attempt_count": a.delivery.attempt_count + 1,
        "next_attempt_at": decision.next_attempt_at or now,
        "claimed_until": None,
        "claimed_by": None,
        "delivered_at": now if decision.status == "succeeded" else None,
        "last_error": None if a.outcome.succeeded else storable(failure_reason(a.outcome)),
    }


async def _update_subscriptions(
    session: AsyncSession,
    attempted: Sequence[Attempted],
    decisions: Sequence[Decision],
    schedule: tuple[float, ...],
    now: datetime,
) -> None:
    """Clear failing_since on a success, set it on a first failure, disable when it is time.

    A healthy round changes no subscription row, so it costs one SELECT here.
    """
    ids = {a.delivery.subscription_id for a in attempted}
    rows = await session.execute(select(Subscription).where(Subscription.id.in_(ids)))
    subs = {sub.id: sub for sub in rows.scalars()}
    for a, decision in zip(attempted, decisions, strict=True):
        sub = subs.get(a.delivery.subscription_id)
        if sub is None:
            continue  # deleted while the round was in flight
        if a.outcome.succeeded:
            if sub.failing_since is not None:
                sub.failing_since = None
            continue
        if sub.failing_since is None:
            sub.failing_since = now
        reason = decision.disable_reason
        if (
            reason is None
            and decision.status == "failed"
            and should_disable(sub.failing_since, schedule, now)
        ):
            hours = sum(schedule) / 3600
            reason = (
                f"every delivery failed for the whole retry schedule ({hours:.1f} h); "
                f"last: {failure_reason(a.outcome)}"
            )
        if reason is not None and sub.status != "disabled":
            sub.status = "disabled"
            sub.disabled_reason = reason
            _log.warning("webhook subscription %s disabled: %s", sub.id, reason)


async def _attempt(delivery: ClaimedDelivery, settings: Settings, transports: Transports) -> Attempted:
    started_at = utcnow()
    outcome = await send_one(delivery, settings, transports)
    record_delivery_attempt(outcome)
    return Attempted(delivery, outcome, started_at)


async def deliver_due(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: str,
    *,
    lease_seconds: float | None = None,
    limit: int = BATCH_SIZE,
    transports: Transports | None = None,
) -> int:
    """One round: claim a batch, send it concurrently, record the outcomes. Returns how many.

    transports: the worker's connection pools; a round without them opens and closes its own.
    """
    lease = settings.http_timeout + LEASE_MARGIN_SECONDS if lease_seconds is None else lease_seconds
    if not await _any_due(sessions):
        return 0
    async with sessions() as session, session.begin():
        claimed = await claim_due_deliveries(session, worker, limit=limit, lease_seconds=lease)
    if not claimed:
        return 0
    pools = transports or Transports(transport_from(settings))
    try:
        attempted = await asyncio.gather(*(_attempt(d, settings, pools) for d in claimed))
    finally:
        if transports is None:
            await pools.aclose()
    await record_round(sessions, attempted, settings, worker)
    return len(claimed)


async def run_worker(settings: Settings, stop: asyncio.Event, *, lease_seconds: float | None = None) -> None:
    """Deliver until stop is set; the rounds in progress finish first (graceful stop).

    LANES rounds run at once, so deliveries that commit while one round waits on a slow
    receiver go out on another. Idle lanes wake on a new delivery's commit (tenure.webhooks.wakeup)
    or after Settings.worker_poll_interval. Database errors are logged and retried after a pause,
    never fatal.
    """
    worker = worker_name()
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    transports = Transports(transport_from(settings))
    waker = Waker(settings.database_url)
    await waker.start()
    _log.info("webhook worker %s started", worker)

    async def lane() -> None:
        while not stop.is_set():
            try:
                sent = await deliver_due(
                    sessions, settings, worker, lease_seconds=lease_seconds, transports=transports
                )
            except Exception:  # a database outage must not end the worker
                _log.exception("webhook worker round failed; retrying shortly")
                await waker.wait(stop, settings.worker_poll_interval * ERROR_BACKOFF_POLLS)
                continue
            if sent == 0:
                await waker.wait(stop, settings.worker_poll_interval)

    try:
        await asyncio.gather(*(lane() for _ in range(LANES)))
    finally:
        await waker.close()
        await transports.aclose()
        await engine.dispose()
        _log.info("webhook worker %s stopped", worker)
