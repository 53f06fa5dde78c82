"""Claiming due sources, and writing back what a poll found.

A worker claims a source by setting a lease (claimed_until) in one short transaction: on
PostgreSQL the candidate rows are picked with FOR UPDATE SKIP LOCKED, so several workers share the
sources without polling one twice; on SQLite the UPDATE runs under the database's one write lock.
The lease is renewed as each item is recorded; a worker killed mid-poll leaves the source leased
until it runs out, then any worker claims it again and carries on from the items recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Source
from tenure.models.base import utcnow
from tenure.security.sanitize import storable
from tenure.settings import Settings

__all__ = [
    "LEASE_SECONDS",
    "ClaimedSource",
    "PollResult",
    "any_due",
    "backoff_seconds",
    "claim_sources",
    "finish_poll",
]

# A poll renews its lease at every item, so this only has to outlast one item's page and robots.txt.
LEASE_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class ClaimedSource:
    id: int
    url: str
    name: str | None
    kind: str
    every_seconds: int
    etag: str | None
    last_modified: str | None
    consecutive_failures: int
    failing_since: datetime | None


@dataclass(slots=True)
class PollResult:
    """What one poll of one source found; finish_poll writes it to the source."""

    source_id: int
    status: int | None = None
    not_modified: bool = False
    error: str | None = None
    notices: list[str] | None = None
    # Validators of a full answer, saved only when every item of it was dealt with.
    etag: str | None = None
    last_modified: str | None = None
    keep_validators: bool = True
    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    retry: int = 0
    # True when the worker stopped part-way: the source is due again at once.
    interrupted: bool = False


def _due(now: datetime) -> Any:
    return and_(
        Source.paused.is_(False),
        Source.next_poll_at <= now,
        or_(Source.claimed_until.is_(None), Source.claimed_until < now),
    )


async def any_due(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """A read before the claiming write: an idle look takes no write lock (SQLite has only one)."""
    async with sessions() as session:
        return (await session.execute(select(Source.id).where(_due(utcnow())).limit(1))).first() is not None


async def claim_sources(
    sessions: async_sessionmaker[AsyncSession],
    worker: str,
    *,
    limit: int,
    ids: Sequence[int] = (),
    lease_seconds: float = LEASE_SECONDS,
) -> list[ClaimedSource]:
    """Lease up to limit due sources to this worker (or, given ids, those sources, due or not,
    paused or not, unless another worker holds them), committed before any request is sent."""
    now = utcnow()
    unclaimed = or_(Source.claimed_until.is_(None), Source.claimed_until < now)
    where = and_(Source.id.in_(list(ids)), unclaimed) if ids else _due(now)
    async with sessions() as session, session.begin():
        candidates = select(Source.id).where(where).order_by(Source.next_poll_at, Source.id).limit(limit)
        if session.get_bind().dialect.name == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True, of=Source)
        claimed = await session.execute(
            update(Source)
            .where(Source.id.in_(candidates.scalar_subquery()))
            .values(claimed_until=now + timedelta(seconds=lease_seconds), claimed_by=worker)
            .returning(
                Source.id,
                Source.url,
                Source.name,
                Source.kind,
                Source.every_seconds,
                Source.etag,
                Source.last_modified,
                Source.consecutive_failures,
                Source.failing_since,
            )
            .execution_options(synchronize_session=False)
        )
        return sorted((ClaimedSource(*row) for row in claimed), key=lambda s: s.id)


def backoff_seconds(every: int, failures: int, cap: int) -> int:
    """The wait after the failures-th failure in a row: the interval doubled each time, capped
    (never below the interval itself)."""
    return max(every, min(every << min(failures, 30), cap))


async def finish_poll(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, source: ClaimedSource, result: PollResult
) -> None:
    """Write the poll's status to the source, schedule its next poll and release the lease."""
    now = utcnow()
    values: dict[str, Any] = {
        "last_polled_at": now,
        "last_status": result.status,
        "last_notice": storable("; ".join(result.notices or []) or None, 2000),
        "claimed_until": None,
        "claimed_by": None,
    }
    if result.error is None:
        values.update(
            consecutive_failures=0,
            failing_since=None,
            unhealthy=False,
            last_error=None,
            next_poll_at=now if result.interrupted else now + timedelta(seconds=source.every_seconds),
        )
        if not result.not_modified and result.keep_validators:
            values.update(etag=_header(result.etag, 500), last_modified=_header(result.last_modified, 100))
    else:
        failures = source.consecutive_failures + 1
        failing_since = source.failing_since or now
        wait = backoff_seconds(source.every_seconds, failures, settings.sources_backoff_max)
        values.update(
            consecutive_failures=failures,
            failing_since=failing_since,
            unhealthy=(now - failing_since).total_seconds() >= settings.sources_unhealthy_after,
            last_error=storable(result.error, 2000),
            next_poll_at=now + timedelta(seconds=wait),
        )
    async with sessions() as session, session.begin():
        await session.execute(update(Source).where(Source.id == source.id).values(**values))


def _header(value: str | None, limit: int) -> str | None:
    """A validator stored only when it fits: a cut one would never match again."""
    cleaned = storable(value)
    return cleaned if cleaned and len(cleaned) <= limit else None
