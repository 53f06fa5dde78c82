"""The analyst's event filters, parsed from query parameters with messages a person can act on."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tenure.errors import InvalidQuery
from tenure.extractors.contract import DEPARTURE_STATUSES, EVENT_TYPES

__all__ = ["EventFilter", "parse_filter", "parse_limit"]

# since/until accept a year, a month or a day: "2024", "2024-03", "2024-03-15".
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class EventFilter:
    types: tuple[str, ...] = ()
    # Inclusive bounds on the first day an event's date stands for.
    since: dt.date | None = None
    until: dt.date | None = None
    statuses: tuple[str, ...] = ()
    min_confidence: float | None = None

    @property
    def dated_only(self) -> bool:
        """A date range asks for dated events: undated ones never fall inside it."""
        return self.since is not None or self.until is not None


def parse_filter(
    types: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    statuses: Iterable[str] | None = None,
    min_confidence: float | None = None,
) -> EventFilter:
    parsed_types = _choices("type", types, EVENT_TYPES)
    parsed_statuses = _choices("status", statuses, DEPARTURE_STATUSES)
    start = _partial_date("since", since, last_day=False)
    end = _partial_date("until", until, last_day=True)
    if start and end and start > end:
        raise InvalidQuery(f"since ({since}) is after until ({until}): swap them or widen the range")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise InvalidQuery(f"min_confidence must be between 0 and 1, got {min_confidence}")
    return EventFilter(parsed_types, start, end, parsed_statuses, min_confidence)


def parse_limit(limit: int | None, default: int, maximum: int) -> int:
    if limit is None:
        return default
    if limit < 1:
        raise InvalidQuery(f"limit must be at least 1, got {limit}")
    if limit > maximum:
        raise InvalidQuery(f"limit {limit} is over the maximum of {maximum}: page with next_cursor instead")
    return limit


def _choices(name: str, values: Iterable[str] | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Repeatable parameters that also take comma lists: type=award&type=founding or type=award,founding."""
    chosen: list[str] = []
    for value in values or ():
        for part in value.split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part not in allowed:
                raise InvalidQuery(f"unknown {name} {part!r}: use one of {', '.join(allowed)}")
            if part not in chosen:
                chosen.append(part)
    return tuple(chosen)


def _partial_date(name: str, value: str | None, *, last_day: bool) -> dt.date | None:
    if value is None or not value.strip():
        return None
    match = _PARTIAL_DATE.match(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = int(match[1]), match[2], match[3]
        if month is None:
            return dt.date(year, 12, 31) if last_day else dt.date(year, 1, 1)
        if day is None:
            first = dt.date(year, int(month), 1)
            return first.replace(day=calendar.monthrange(year, first.month)[1]) if last_day else first
        return dt.date(year, int(month), int(day))
    except ValueError as exc:
        raise InvalidQuery(f"{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from exc
