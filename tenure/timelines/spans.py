"""Leadership spans: who held which role at a company, from when to when, derived from the
appointment and departure events stored about them.

Pure: events in, spans out; no database and no clock. The rules, in the order they apply (also
in docs/leadership-spans.md):

- Events are read in date order (undated last), a departure before an appointment on the same
  date, so a hand-over on one day closes the old span before opening the new one.
- A role is read from the event's title: "CEO", "chief executive" and "chief executive officer"
  are one role; "president and chief operating officer" is two; "co-founder" is not a seat.
  "interim"/"acting" makes the span interim. An event with no title gives a span of unknown role.
- An appointment opens a span for each role it names, unless the person already holds that
  role there (a repeat report: its id joins the start's events). A permanent appointment to a
  role the person holds as interim closes the interim span and opens the permanent one; an
  appointment naming a role closes the person's span of unknown role there.
- Succession: an appointment to a single-seat role (CEO, CFO, chair, ...) closes whoever else
  holds that seat, and one naming a predecessor closes the predecessor's span in that role.
- A departure closes the person's open spans there in the roles it names; failing that, their
  spans of unknown role; a departure naming no role closes every span they hold there.
- A departure with nothing open to close that falls within SAME_EXIT_DAYS of the person's last
  exit from that role there (or either is undated) re-reports that exit: its id joins the end,
  and a further status or a finer date replaces the end's.
- Otherwise an unmatched departure (nothing open to close) gives a span whose start is unknown.
- An undated departure still closes the span: the end is known to exist but not when.
- A span with no end is open. An end at month or year precision is uncertain: it stands for
  a period (earliest to latest day), which charts draw as such.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tenure.extractors.contract import DEPARTURE_STATUSES
from tenure.extractors.events.facts import date_span
from tenure.names.keys import name_key
from tenure.shape import EntityRef

__all__ = ["RoleEvent", "Span", "SpanEnd", "derive_spans", "role_names", "seat_order"]

# Titles as written -> the role's one name. Keys are lower case with single spaces.
ROLE_SYNONYMS = {
    "ceo": "chief executive officer",
    "chief executive": "chief executive officer",
    "chief executive officer": "chief executive officer",
    "cfo": "chief financial officer",
    "chief financial officer": "chief financial officer",
    "finance chief": "chief financial officer",
    "cto": "chief technology officer",
    "chief technology officer": "chief technology officer",
    "coo": "chief operating officer",
    "chief operating officer": "chief operating officer",
    "chair": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chair of the board": "chair",
    "president": "president",
}
# Roles one person holds at a time: a new holder succeeds the old one. Also the chart's row order.
SINGLE_SEATS = (
    "chief executive officer",
    "chair",
    "president",
    "chief financial officer",
    "chief technology officer",
    "chief operating officer",
)
# A departure within this many days of a reported exit is the same exit reported again.
SAME_EXIT_DAYS = 400
_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
# Words in a title that name no seat of their own ("co-founder and chief executive").
NOT_A_SEAT = frozenset({"co-founder", "cofounder", "founder", "co founder"})
_INTERIM = re.compile(r"^(?:interim|acting)\s+")
_JOINS = re.compile(r"\s*(?:,|&|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class RoleEvent:
    """An appointment or a departure as span derivation needs it."""

    id: int
    type: str  # "appointment" or "departure"
    person: EntityRef
    organization: EntityRef
    role: str | None
    date: str | None
    date_precision: str | None
    status: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SpanEnd:
    """One end of a span: its date at the precision reported, and the events that give it."""

    date: str | None
    date_precision: str | None
    event_ids: list[int]
    # A departure's status (announced, planned, reported, completed); None for a start.
    status: str | None = None

    @property
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last day the date stands for; None when undated."""
        return date_span(self.date, self.date_precision)

    @property
    def uncertain(self) -> bool:
        """Undated, or reported at a precision coarser than a day."""
        return self.date is None or self.date_precision not in (None, "day")


@dataclass(slots=True)
class Span:
    person: EntityRef
    organization: EntityRef
    role: str | None  # None: the events never said which role
    interim: bool
    start: SpanEnd | None  # None: an unmatched departure, start unknown
    end: SpanEnd | None = None

    @property
    def open(self) -> bool:
        return self.end is None


def role_names(title: str | None) -> list[tuple[str | None, bool]]:
    """(role, interim) for each seat a title names; [(None, False)] when it names none."""
    if not title or not title.strip():
        return [(None, False)]
    text = " ".join(title.lower().split())
    interim = bool(_INTERIM.match(text))
    found: list[tuple[str | None, bool]] = []
    for part in _JOINS.split(_INTERIM.sub("", text)):
        part = _INTERIM.sub("", part.strip())
        if not part or part in NOT_A_SEAT:
            continue
        role = (ROLE_SYNONYMS.get(part, part), interim)
        if role not in found:
            found.append(role)
    return found or [(None, False)]


def seat_order(role: str | None) -> tuple[int, str]:
    """Sort key for a chart's rows: single seats in their listed order, then others by name."""
    if role in SINGLE_SEATS:
        return (SINGLE_SEATS.index(role), "")
    return (len(SINGLE_SEATS) + (1 if role is None else 0), role or "")


def derive_spans(events: Iterable[RoleEvent]) -> list[Span]:
    """Every span the events give, in the order they started (unknown starts first)."""
    ledger = _Ledger()
    for event in sorted(events, key=_reading_order):
        if event.type == "appointment":
            _appoint(ledger, event)
        elif event.type == "departure":
            _depart(ledger, event)
    return sorted(ledger.spans, key=_start_order)


@dataclass(slots=True)
class _Ledger:
    """Every span so far, and the open ones apart: events look only at what is still open."""

    spans: list[Span] = field(default_factory=list)
    open: list[Span] = field(default_factory=list)

    def open_at(self, event: RoleEvent) -> list[Span]:
        return [s for s in self.open if s.organization.id == event.organization.id]

    def add(self, span: Span) -> None:
        self.spans.append(span)
        if span.open:
            self.open.append(span)

    def close(self, span: Span, end: SpanEnd) -> None:
        span.end = end
        self.open.remove(span)


def _reading_order(event: RoleEvent) -> tuple[dt.date, int, int]:
    bounds = date_span(event.date, event.date_precision)
    first = bounds[0] if bounds else dt.date.max
    return (first, 0 if event.type == "departure" else 1, event.id)


def _start_order(span: Span) -> tuple[dt.date, int]:
    bounds = span.start.bounds if span.start else None
    first = bounds[0] if bounds else (dt.date.min if span.start is None else dt.date.max)
    ids = span.start.event_ids if span.start else (span.end.event_ids if span.end else [0])
    return (first, min(ids))


def _appoint(ledger: _Ledger, event: RoleEvent) -> None:
    predecessor = _predecessor_key(event)
    for role, interim in role_names(event.role):
        here = ledger.open_at(event)
        mine = [s for s in here if s.person.id == event.person.id and s.role == role]
        if any(not s.interim or interim for s in mine):
            held = next(s for s in mine if not s.interim or interim)
            assert held.start is not None  # an open span was opened by an appointment
            held.start.event_ids.append(event.id)  # a repeat report of a role already held
            continue
        for span in here:
            succeeded = span.role == role and role is not None and span.person.id != event.person.id
            named = predecessor is not None and name_key(span.person.name, "person") == predecessor
            if succeeded and (role in SINGLE_SEATS or named):
                ledger.close(span, _end(event))
        for span in mine:  # interim spans made permanent
            ledger.close(span, _end(event))
        if role is not None:  # from now on the role they hold there is known
            for span in [s for s in here if s.person.id == event.person.id and s.role is None]:
                ledger.close(span, _end(event))
        ledger.add(Span(event.person, event.organization, role, interim, _end(event, start=True)))


def _depart(ledger: _Ledger, event: RoleEvent) -> None:
    theirs = [s for s in ledger.open_at(event) if s.person.id == event.person.id]
    named = role_names(event.role)
    roles = {role for role, _ in named}
    if roles == {None}:
        closing = theirs
    else:
        closing = [s for s in theirs if s.role in roles] or [s for s in theirs if s.role is None]
    for span in closing:
        ledger.close(span, _end(event))
    if closing:
        return
    for role, interim in named:
        exit_ = _reported_exit(ledger.spans, event, role)
        if exit_ is not None:
            _join_exit(exit_, event)
        else:  # unmatched: the start was never reported
            ledger.add(Span(event.person, event.organization, role, interim, None, _end(event)))


def _reported_exit(spans: Sequence[Span], event: RoleEvent, role: str | None) -> SpanEnd | None:
    """The end of the person's latest closed span in this role there, if this departure re-reports it.

    "X will step down" then "X stepped down", or a successor named before X's own exit is
    reported: one exit, not a second span. An end years apart is another exit.
    """
    closed = [
        s.end
        for s in spans
        if s.end is not None
        and s.person.id == event.person.id
        and s.organization.id == event.organization.id
        and (s.role == role or role is None)
    ]
    if not closed:
        return None
    last = closed[-1]
    here, there = date_span(event.date, event.date_precision), last.bounds
    if here is None or there is None or abs((here[0] - there[1]).days) <= SAME_EXIT_DAYS:
        return last
    return None


def _join_exit(end: SpanEnd, event: RoleEvent) -> None:
    """Add a re-report to an end; a further status (announced -> completed), or a finer date at
    the same status, replaces what the end says."""
    end.event_ids.append(event.id)
    new_rank, old_rank = _status_rank(event.status), _status_rank(end.status)
    finer = _PRECISION_RANK.get(event.date_precision or "", -1) > _PRECISION_RANK.get(
        end.date_precision or "", -1
    )
    if new_rank > old_rank or (new_rank == old_rank and finer):
        end.date, end.date_precision = event.date, event.date_precision
        end.status = event.status


def _status_rank(status: str | None) -> int:
    return DEPARTURE_STATUSES.index(status) if status in DEPARTURE_STATUSES else -1


def _end(event: RoleEvent, *, start: bool = False) -> SpanEnd:
    status = None if start else event.status
    return SpanEnd(event.date, event.date_precision, [event.id], status)


def _predecessor_key(event: RoleEvent) -> str | None:
    name = event.details.get("predecessor")
    return name_key(name, "person") if isinstance(name, str) else None
