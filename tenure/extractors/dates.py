"""Time expressions: find the spans ourselves, resolve each against the publication time.

Placeholder with the final interface; the real finder replaces the bodies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    text: str  # the span as written, e.g. "three hours ago", "Nov. 6", "in 2013"
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY (a week is its Monday, YYYY-MM-DD)
    precision: Precision | None
    # "future" when the words point forward ("effective March 1", "next year", "will ... on"),
    # "past" otherwise.
    tense: Literal["past", "future"]
    # Names the rule that found the span, e.g. "date.relative-ago", "date.month-day".
    rule_id: str


def find_dates(text: str, published_at: datetime) -> list[DateMention]:
    """All time expressions in `text`, in order, resolved against `published_at`.

    `published_at` is timezone-aware; relative expressions resolve in its time zone.
    """
    return []


def parse_published_at(value: str) -> datetime:
    """An ISO date or datetime; a date alone is that day at noon UTC, a naive time is UTC."""
    from datetime import UTC, time

    text = value.strip()
    if len(text) == 10:
        day = datetime.fromisoformat(text).date()
        return datetime.combine(day, time(12, 0), tzinfo=UTC)
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
