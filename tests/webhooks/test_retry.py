"""Retry decisions: one row per kind of answer."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from tenure.settings import DEFAULT_RETRY_SCHEDULE
from tenure.webhooks.retry import JITTER, Outcome, decide, parse_retry_after, should_disable

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
SCHEDULE = (5.0, 300.0)


@pytest.mark.parametrize(
    ("outcome", "attempts", "status", "wait", "disables"),
    [
        (Outcome(200, 5), 1, "succeeded", None, False),
        (Outcome(204, 5), 3, "succeeded", None, False),
        (Outcome(500, 5), 1, "pending", 5.0, False),
        (Outcome(500, 5), 2, "pending", 300.0, False),
        (Outcome(500, 5), 3, "failed", None, False),
        (Outcome(None, 5, error="timed out"), 1, "pending", 5.0, False),
        (Outcome(301, 5), 1, "pending", 5.0, False),
        (Outcome(410, 5), 1, "failed", None, True),
        (Outcome(429, 5, retry_after=120.0), 1, "pending", 120.0, False),
        (Outcome(503, 5, retry_after=1.0), 2, "pending", 300.0, False),
        (Outcome(503, 5, retry_after=10**9), 1, "pending", 86400.0, False),
    ],
    ids=[
        "200-succeeds",
        "204-succeeds",
        "500-first-retry",
        "500-second-retry",
        "500-schedule-exhausted",
        "timeout-retries",
        "3xx-is-a-failure",
        "410-disables",
        "retry-after-lengthens",
        "retry-after-never-shortens",
        "retry-after-capped",
    ],
)
def test_decide(outcome: Outcome, attempts: int, status: str, wait: float | None, disables: bool) -> None:
    decision = decide(outcome, attempts, SCHEDULE, NOW, random.Random(7))
    assert decision.status == status
    assert (decision.disable_reason is not None) == disables
    if wait is None:
        assert decision.next_attempt_at is None
    else:
        assert decision.next_attempt_at is not None
        seconds = (decision.next_attempt_at - NOW).total_seconds()
        low = (
            wait
            if outcome.retry_after and outcome.retry_after >= wait * (1 - JITTER)
            else wait * (1 - JITTER)
        )
        assert low - 1e-6 <= seconds <= wait * (1 + JITTER) + 1e-6


def test_the_default_schedule_lasts_about_three_days() -> None:
    days = sum(DEFAULT_RETRY_SCHEDULE) / 86400
    assert 2.5 <= days <= 3.5
    assert len(DEFAULT_RETRY_SCHEDULE) == 9  # Standard Webhooks: immediately, then nine retries


def test_jitter_spreads_retries() -> None:
    rng = random.Random(1)
    waits = {decide(Outcome(500, 1), 1, (100.0,), NOW, rng).next_attempt_at for _ in range(20)}
    assert len(waits) > 10


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("120", 120.0), ("Mon, 05 Jan 2026 12:01:00 GMT", 60.0), ("soon", None), ("", None), (None, None)],
    ids=["delta-seconds", "http-date", "garbage", "empty", "absent"],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds


def test_disable_only_after_failing_for_most_of_the_schedule() -> None:
    schedule = tuple(float(s) for s in DEFAULT_RETRY_SCHEDULE)
    assert should_disable(NOW - timedelta(days=3), schedule, NOW)
    assert not should_disable(NOW - timedelta(hours=2), schedule, NOW)
    assert not should_disable(None, schedule, NOW)
