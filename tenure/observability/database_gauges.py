"""Gauges /metrics reads from the database when scraped: the webhook outbox and the source poller.

Counting where the state lives (not in a process's memory) keeps them right with several server
processes, a separate `tenure worker`, and restarts. Each is one indexed query:
the outbox by ix_webhook_deliveries_due (status, next_attempt_at); sources are a handful of rows.

- tenure_webhook_outbox_depth: deliveries waiting to be sent (status pending, due or not yet).
- tenure_webhook_outbox_oldest_due_age_seconds: how long the oldest due delivery has waited (0 when
  none is due); growing means the worker is behind or stopped.
- tenure_sources{state}: followed sources that are active, paused or unhealthy.
- tenure_sources_last_poll_age_seconds: seconds since any source was last polled (absent before the
  first poll); growing while sources are active means the poller is not running.
- tenure_database_gauges_up: 1 when the queries above ran, 0 when the database did not answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import case, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Delivery, Source
from tenure.models.availability import UNREACHABLE, reason
from tenure.models.base import utcnow

__all__ = ["database_gauges"]

_log = logging.getLogger("tenure.metrics")

SOURCE_STATES = ("active", "paused", "unhealthy")


class _Families(Collector):
    """Families computed before the scrape renders them (collect() is synchronous)."""

    def __init__(self, families: list[GaugeMetricFamily]) -> None:
        self.families = families

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield from self.families


async def database_gauges(sessions: async_sessionmaker[AsyncSession]) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    up = GaugeMetricFamily("tenure_database_gauges_up", "1 when the database answered this scrape.")
    try:
        async with sessions() as session:
            families = await _read(session, utcnow())
        up.add_metric([], 1)
    except (*UNREACHABLE, DBAPIError) as exc:
        # The scrape still answers (request and ingest series matter most during an outage).
        _log.warning("metrics: the database did not answer: %s", reason(exc))
        families = []
        up.add_metric([], 0)
    registry.register(_Families([*families, up]))
    return registry


async def _read(session: AsyncSession, now: datetime) -> list[GaugeMetricFamily]:
    pending = Delivery.status == "pending"
    depth, oldest_due = (
        await session.execute(
            select(
                func.count(Delivery.id),
                func.min(case((Delivery.next_attempt_at <= now, Delivery.next_attempt_at))),
            ).where(pending)
        )
    ).one()
    return [*_outbox(depth, oldest_due, now), *await _sources(session, now)]


def _outbox(depth: int, oldest_due: datetime | None, now: datetime) -> list[GaugeMetricFamily]:
    age = max(0.0, (now - oldest_due).total_seconds()) if oldest_due is not None else 0.0
    return [
        GaugeMetricFamily(
            "tenure_webhook_outbox_depth", "Webhook deliveries waiting to be sent.", value=depth
        ),
        GaugeMetricFamily(
            "tenure_webhook_outbox_oldest_due_age_seconds",
            "Seconds the oldest due webhook delivery has waited (0 when none is due).",
            value=age,
        ),
    ]


async def _sources(session: AsyncSession, now: datetime) -> list[GaugeMetricFamily]:
    state = case((Source.paused, "paused"), (Source.unhealthy, "unhealthy"), else_="active")
    rows = (
        await session.execute(
            select(state, func.count(Source.id), func.max(Source.last_polled_at)).group_by(state)
        )
    ).all()
    counts = dict.fromkeys(SOURCE_STATES, 0)
    polled = [last for _, _, last in rows if last is not None]
    for name, count, _ in rows:
        counts[name] = count
    by_state = GaugeMetricFamily("tenure_sources", "Followed sources by state.", labels=["state"])
    for name, count in counts.items():
        by_state.add_metric([name], count)
    families = [by_state]
    if polled:
        families.append(
            GaugeMetricFamily(
                "tenure_sources_last_poll_age_seconds",
                "Seconds since any followed source was last polled.",
                value=max(0.0, (now - max(polled)).total_seconds()),
            )
        )
    return families
