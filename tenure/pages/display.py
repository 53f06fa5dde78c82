"""How the pages show things: dates at their precision, years, evidence in its article, filters.

Plain functions the routes and templates call; nothing here reads the database.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from tenure.extractors.events.facts import date_span
from tenure.models import UNDATED_SORT
from tenure.timelines.views import EventView

__all__ = [
    "FilterForm",
    "Highlight",
    "group_by_year",
    "highlight",
    "show_date",
]

_MONTHS = tuple(calendar.month_name)[1:]


def show_date(date: str | None, precision: str | None) -> str:
    """A date at the precision it was reported: "2019", "June 2019", "10 June 2019", "week of ..."."""
    bounds = date_span(date, precision)
    if date is None or bounds is None:
        return "undated"
    day = bounds[0]
    if precision == "year" or len(date) == 4:
        return str(day.year)
    if precision == "month" or len(date) == 7:
        return f"{_MONTHS[day.month - 1]} {day.year}"
    full = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"week of {full}" if precision == "week" else full


def group_by_year(views: Iterable[EventView]) -> list[tuple[str, list[EventView]]]:
    """Events under their year's heading, in the order given; undated ones under "Undated"."""
    groups: list[tuple[str, list[EventView]]] = []
    for view in views:
        sort_date = view.event.sort_date
        label = "Undated" if sort_date >= UNDATED_SORT else str(sort_date.year)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(view)
    return groups


@dataclass(frozen=True, slots=True)
class Highlight:
    before: str
    evidence: str
    after: str


def highlight(text: str, start: int, end: int, evidence: str) -> Highlight | None:
    """The article split around its evidence; None when the sentence is not in the stored text.

    Offsets are trusted when the words there are the sentence's (Markdown or HTML markup the
    extractor read through may sit between them); otherwise the first verbatim occurrence is used.
    """
    if 0 <= start < end <= len(text) and _words(text[start:end]) == _words(evidence):
        return Highlight(text[:start], text[start:end], text[end:])
    found = text.find(evidence) if evidence else -1
    if found < 0:
        return None
    return Highlight(text[:found], evidence, text[found + len(evidence) :])


def _words(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@dataclass(frozen=True, slots=True)
class FilterForm:
    """The timeline filter as the person typed it, so the form and every link keep it."""

    types: Sequence[str] = ()
    since: str = ""
    until: str = ""
    statuses: Sequence[str] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def params(self) -> list[tuple[str, str]]:
        pairs = [("type", t) for t in self.types] + [("status", s) for s in self.statuses]
        pairs += [(name, value) for name, value in (("since", self.since), ("until", self.until)) if value]
        return pairs

    def query(self, **more: str) -> str:
        """This filter as a query string, with more parameters (a cursor, an export format)."""
        return urlencode(self.params() + list(self.extra.items()) + list(more.items()))

    @property
    def active(self) -> bool:
        return bool(self.params())


def today() -> dt.date:
    """The day pages measure open spans to (the chart's right edge)."""
    return dt.datetime.now(dt.UTC).date()
