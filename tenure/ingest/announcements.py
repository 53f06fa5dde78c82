"""Announced vs effective: when a move was made public, and one move told by two articles.

A departure or appointment has two days: when it takes effect (the event's `date`) and when it
was made public (`announced_on`). Articles often give only one of them: "will step down effective
March 1" gives the effective day, "is leaving, the company announced on Monday" only the day the
news broke. Ingest keeps both and treats two such reports as one fact.

The announcement day of an extracted move, first that applies:
1. the statement's day the extractor noted beside an effective date (`details.announced_on`,
   "will step down effective March 1, the company said on Monday");
2. for a move still to come (a departure whose status is announced or planned, or an
   appointment), a day on or before the publication day: the date *is* the announcement
   ("is leaving, the company announced on Monday");
3. for such a move dated after publication (or undated): the publication day, the latest it can
   have been announced.
Past moves (completed or reported departures) and other event types have none.

An event whose date equals its announced_on is dated only by its announcement. It is the same
fact as a report of the same type, person, organization and compatible role whose date falls
within ANNOUNCEMENT_WINDOW after that announcement (a day earlier allowed, for time zones): the
merged event keeps the effective date and the earliest announcement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tenure.extractors import ExtractedEvent
from tenure.extractors.events.facts import date_span, details_compatible, roles_compatible

__all__ = [
    "ANNOUNCEMENT_WINDOW",
    "MOVES",
    "announcement_day",
    "earliest",
    "effective_replaces",
    "only_announces",
    "told_twice",
]

# How long after its announcement a move may take effect and still be the announced one: a
# year covers boards' usual notice (successions announced for the next fiscal year) and keeps
# a second departure of the same person from the same company years later a fact of its own.
ANNOUNCEMENT_WINDOW = dt.timedelta(days=366)
_SLACK = dt.timedelta(days=1)
MOVES = frozenset(("departure", "appointment"))
_FORWARD_STATUSES = frozenset(("announced", "planned"))

# (role, details, date, precision, announced_on) of one report or stored event.
Report = tuple[str | None, dict[str, Any], str | None, str | None, str | None]


def announcement_day(event: ExtractedEvent, published_on: dt.date) -> str | None:
    """The day (YYYY-MM-DD) the move was made public, by the rules in the module docstring."""
    if event.type not in MOVES:
        return None
    noted = event.details.get("announced_on")
    if isinstance(noted, str) and _day(noted) is not None:
        return noted
    if event.type == "departure" and event.details.get("status") not in _FORWARD_STATUSES:
        return None
    if event.date is None:
        return published_on.isoformat()
    span = date_span(event.date, event.date_precision)
    if span is None:
        return None
    if span[0] > published_on:
        return published_on.isoformat()
    return event.date if event.date_precision == "day" else None


def announcement_only(date: str | None, announced_on: str | None) -> bool:
    """Dated only by the day it was made public (no effective date known)."""
    return announced_on is not None and date == announced_on


def told_twice(event_type: str, a: Report, b: Report) -> bool:
    """One move, one report giving only its announcement and the other its effective date."""
    if event_type not in MOVES:
        return False
    if not (roles_compatible(event_type, a[0], b[0]) and details_compatible(event_type, a[1], b[1])):
        return False
    return _follows(a, b) or _follows(b, a)


def _follows(announced: Report, effective: Report) -> bool:
    """`effective` takes effect within the window after `announced`'s announcement."""
    if not announcement_only(announced[2], announced[4]) or announcement_only(effective[2], effective[4]):
        return False
    day, span = _day(announced[4] or ""), date_span(effective[2], effective[3])
    if day is None or span is None:
        return False
    return day - _SLACK <= span[1] and span[0] <= day + ANNOUNCEMENT_WINDOW


def effective_replaces(
    stored: tuple[str | None, str | None], new: tuple[str | None, str | None, str | None]
) -> bool:
    """Whether a report's date (new: date, precision, announced_on) replaces a stored date that
    is only its announcement (stored: date, announced_on): a date wholly after the announcement
    beats the day the news broke, whatever their precisions ("2025", holding that day, does not)."""
    if not announcement_only(*stored) or announcement_only(new[0], new[2]):
        return False
    day, span = _day(stored[1] or ""), date_span(new[0], new[1])
    return day is not None and span is not None and span[0] > day


def only_announces(
    stored: tuple[str | None, str | None, str | None], new: tuple[str | None, str | None]
) -> bool:
    """Whether a report (new: date, announced_on) dates only the announcement of a move the stored
    event (date, precision, announced_on) dates by when it takes effect, after that: the report's
    date must not refine the stored one, however precise it is."""
    return effective_replaces((new[0], new[1]), stored)


def earliest(a: str | None, b: str | None) -> str | None:
    """The earlier of two announcement days (ISO strings compare as dates)."""
    known = [day for day in (a, b) if day]
    return min(known) if known else None


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
