"""What happens after an attempt: success, a retry at some time, or giving up (pure decisions).

The schedule is Settings.webhook_retry_schedule: seconds to wait before each retry (Standard
Webhooks suggests 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: about three days). Each
wait is jittered so receivers coming back from an outage are not hit by every retry at once. A
Retry-After header can lengthen a wait, never shorten it, and is capped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["JITTER", "MAX_RETRY_AFTER", "Decision", "Outcome", "decide", "parse_retry_after"]

# Each wait is multiplied by a random factor in [1 - JITTER, 1 + JITTER].
JITTER = 0.2
# A receiver cannot park a delivery for longer than this with Retry-After.
MAX_RETRY_AFTER = 24 * 3600.0
# Fraction of the whole schedule a subscription must have been failing for to be disabled when a
# delivery runs out of retries (jitter can make a delivery's schedule a little shorter).
DISABLE_AFTER_FRACTION = 0.75


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt got back. status_code is None when no response came."""

    status_code: int | None
    latency_ms: int
    error: str | None = None
    excerpt: str | None = None
    retry_after: float | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True, slots=True)
class Decision:
    # "succeeded", "pending" (retry at next_attempt_at) or "failed" (no more attempts).
    status: str
    next_attempt_at: datetime | None = None
    # Set when the subscription itself must be disabled now (410 Gone).
    disable_reason: str | None = None


def failure_reason(outcome: Outcome) -> str:
    if outcome.status_code is None:
        return outcome.error or "no response"
    if 300 <= outcome.status_code < 400:
        return (
            f"the receiver answered {outcome.status_code}: redirects are not followed and count as failures"
        )
    return f"the receiver answered {outcome.status_code}"


def decide(
    outcome: Outcome,
    attempts_made: int,
    schedule: tuple[float, ...],
    now: datetime,
    rng: random.Random | None = None,
) -> Decision:
    """The delivery's next state after its attempts_made-th attempt (1 for the first)."""
    if outcome.succeeded:
        return Decision("succeeded")
    if outcome.status_code == 410:
        return Decision(
            "failed", disable_reason="the receiver answered 410 Gone: it no longer wants deliveries"
        )
    if attempts_made > len(schedule):
        return Decision("failed")
    wait = schedule[attempts_made - 1] * (1 + (rng or random).uniform(-JITTER, JITTER))
    if outcome.retry_after is not None:
        wait = max(wait, min(outcome.retry_after, MAX_RETRY_AFTER))
    return Decision("pending", next_attempt_at=now + timedelta(seconds=max(wait, 0.0)))


def should_disable(failing_since: datetime | None, schedule: tuple[float, ...], now: datetime) -> bool:
    """A delivery ran out of retries: disable its subscription if it has failed for about that long."""
    if failing_since is None:
        return False
    return (now - failing_since).total_seconds() >= sum(schedule) * DISABLE_AFTER_FRACTION


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)
