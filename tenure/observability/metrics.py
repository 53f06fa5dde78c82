"""The Prometheus series tenure exports, and the one function per fact that records them.

Series recorded where the work happens (this process, or every worker process in multiprocess
mode, see tenure.observability.multiprocess):

- tenure_http_request_duration_seconds{method, route, status}: histogram; route is the route
  template (`/people/{person_id:int}/timeline`), never the raw path, so ids do not multiply series.
- tenure_ingest_articles_total{outcome}: articles offered to ingest: new, duplicate, rejected (the
  input was refused: 4xx) or failed (anything else).
- tenure_events_created_total{type}: events that new articles created, by event type.
- tenure_webhook_delivery_attempts_total{result}: succeeded, http_error or no_response.

Series read from the database at scrape time are in tenure.observability.database_gauges.
"""

from __future__ import annotations

import functools
from collections import Counter as Tally
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, ParamSpec, Protocol, TypeVar

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
)
from prometheus_client.exposition import generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from tenure.errors import TenureError
from tenure.observability.multiprocess import multiprocess_dir

__all__ = [
    "CONTENT_TYPE",
    "DELIVERY_ATTEMPTS",
    "EVENTS_CREATED",
    "INGESTS",
    "REQUEST_SECONDS",
    "counted_ingest",
    "observe_request",
    "record_delivery_attempt",
    "render",
]

CONTENT_TYPE = CONTENT_TYPE_LATEST
# The *_created timestamp series double every counter's output for no use in Prometheus' text format.
disable_created_metrics()  # type: ignore[no-untyped-call]
# From a cached timeline page (1 ms) to a slow article fetch (10 s).
_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUEST_SECONDS = Histogram(
    "tenure_http_request_duration_seconds",
    "Time from a request's arrival to its response's last byte, by route template.",
    ("method", "route", "status"),
    buckets=_LATENCY_BUCKETS,
)
INGESTS = Counter("tenure_ingest_articles", "Articles offered to ingest, by outcome.", ("outcome",))
EVENTS_CREATED = Counter("tenure_events_created", "Events created by new articles, by type.", ("type",))
DELIVERY_ATTEMPTS = Counter(
    "tenure_webhook_delivery_attempts", "Webhook delivery attempts, by result.", ("result",)
)

# Histogram children by label values: labels() validates and locks on every call, a dict does not.
_request_children: dict[tuple[str, str, int], Any] = {}


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    key = (method, route, status)
    child = _request_children.get(key)
    if child is None:
        child = _request_children[key] = REQUEST_SECONDS.labels(method, route, str(status))
    child.observe(seconds)


class _Outcome(Protocol):
    @property
    def status_code(self) -> int | None: ...

    @property
    def succeeded(self) -> bool: ...


def record_delivery_attempt(outcome: _Outcome) -> None:
    if outcome.succeeded:
        result = "succeeded"
    else:
        result = "no_response" if outcome.status_code is None else "http_error"
    DELIVERY_ATTEMPTS.labels(result).inc()


class _Typed(Protocol):
    @property
    def id(self) -> Any: ...

    @property
    def type(self) -> Any: ...


class _Change(Protocol):
    @property
    def event_id(self) -> Any: ...

    @property
    def kind(self) -> Any: ...


class _Ingested(Protocol):
    @property
    def created(self) -> bool: ...

    @property
    def events(self) -> Iterable[_Typed]: ...

    @property
    def changes(self) -> Iterable[_Change]: ...


def record_ingest(result: _Ingested) -> None:
    INGESTS.labels("new" if result.created else "duplicate").inc()
    created = {change.event_id for change in result.changes if change.kind == "created"}
    for event_type, count in Tally(e.type for e in result.events if e.id in created).items():
        EVENTS_CREATED.labels(str(event_type)).inc(count)


Q = ParamSpec("Q")
R = TypeVar("R", bound=_Ingested)


def counted_ingest(ingest: Callable[Q, Awaitable[R]]) -> Callable[Q, Awaitable[R]]:
    """Count every article the wrapped ingest function is offered, whatever its entry point."""

    @functools.wraps(ingest)
    async def counted(*args: Q.args, **kwargs: Q.kwargs) -> R:
        try:
            result = await ingest(*args, **kwargs)
        except TenureError as exc:
            INGESTS.labels("rejected" if exc.status_code < 500 else "failed").inc()
            raise
        except Exception:
            INGESTS.labels("failed").inc()
            raise
        record_ingest(result)
        return result

    return counted


def render(extra: CollectorRegistry | None = None) -> bytes:
    """The exposition text: this process's series (or every worker's, in multiprocess mode), then
    `extra` (gauges read at scrape time)."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        text = generate_latest(registry)
    else:
        text = generate_latest(REGISTRY)
    return text + generate_latest(extra) if extra is not None else text
