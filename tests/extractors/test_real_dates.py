"""Dates as real news writes them: dateparser at run time, the forms that stay arithmetic, and
how a date is attributed to an event (neighbouring sentences, announced vs effective, leads).

All sentences, people and companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from dateparser.date import DateDataParser

from tenure.extractors import dates as dates_module
from tenure.extractors.dates import (
    DATEPARSER_RULES,
    DATEPARSER_STATS,
    DATEPARSER_TRAPS,
    dateparser_resolve,
    find_dates,
    local_base,
    parse_published_at,
)

WED = "2025-11-12T09:00:00+08:00"  # a Wednesday
NEW_YEAR = "2026-01-01T10:00:00+00:00"


def _found(span: str, published_at: str = WED) -> list[tuple[str | None, str | None]]:
    return [(m.date, m.precision) for m in find_dates(span, parse_published_at(published_at))]


# --- dateparser resolves these forms at run time ----------------------------------------------------

RESOLVED_BY_DATEPARSER = [
    ("three hours ago", WED, ("2025-11-12", "day")),
    ("2 days ago", WED, ("2025-11-10", "day")),
    ("the day before yesterday", WED, ("2025-11-10", "day")),
    ("the day after tomorrow", WED, ("2025-11-14", "day")),
    ("a fortnight ago", WED, ("2025-10-27", "week")),
    ("yesterday", WED, ("2025-11-11", "day")),
    ("6th of November", WED, ("2025-11-06", "day")),
    ("Nov. 6, 2023", WED, ("2023-11-06", "day")),
    ("in February, 2020", WED, ("2020-02", "month")),
    ("June of 2017", WED, ("2017-06", "month")),
    ("10/17/2024", WED, ("2024-10-17", "day")),
    ("2024-10-17", WED, ("2024-10-17", "day")),
    ("in 2013", WED, ("2013", "year")),
    ("a decade ago", WED, ("2015", "year")),
    ("11 months ago", WED, ("2024-12", "month")),
]


@pytest.mark.parametrize(("span", "published_at", "expected"), RESOLVED_BY_DATEPARSER,
                         ids=[s for s, _, _ in RESOLVED_BY_DATEPARSER])  # fmt: skip
def test_dateparser_resolves_at_run_time(span: str, published_at: str, expected: tuple[str, str]) -> None:
    dates_module._CACHE.clear()
    calls = DATEPARSER_STATS.calls
    assert _found(span, published_at) == [expected]
    assert DATEPARSER_STATS.calls == calls + 1, "the span should be resolved by one dateparser call"


def test_a_repeated_span_is_served_from_the_cache() -> None:
    dates_module._CACHE.clear()
    calls, hits = DATEPARSER_STATS.calls, DATEPARSER_STATS.hits
    found = _found("She left two days ago. He left two days ago. They met two days ago.")
    assert [d for d, _ in found] == ["2025-11-10"] * 3
    assert (DATEPARSER_STATS.calls - calls, DATEPARSER_STATS.hits - hits) == (1, 2)


def test_a_year_is_cached_across_articles_of_other_days() -> None:
    dates_module._CACHE.clear()
    _found("It opened in 2011.", WED)
    calls = DATEPARSER_STATS.calls
    assert _found("It opened in 2011.", "2019-04-02T09:00:00+00:00") == [("2011", "year")]
    assert DATEPARSER_STATS.calls == calls


def test_the_base_is_the_articles_own_clock() -> None:
    # 00:30 in Beijing is still the previous day in UTC: "three hours ago" is the day before there.
    assert _found("three hours ago", "2025-11-12T00:30:00+08:00") == [("2025-11-11", "day")]


def test_dateparser_rules_exist_in_the_table() -> None:
    assert {rule.rule_id for rule in dates_module.DATE_RULES} >= DATEPARSER_RULES


# --- the forms that stay arithmetic, each with dateparser's differing answer -----------------------


def _dateparser(span: str, published_at: str, prefer: str) -> str | None:
    settings = {"RELATIVE_BASE": local_base(parse_published_at(published_at)), "PREFER_DATES_FROM": prefer}
    value = DateDataParser(languages=["en"], settings=settings).get_date_data(span).date_obj
    return value.date().isoformat() if value else None


ARITHMETIC = [
    # text, publication, the span given to dateparser, its preference, its answer, the contract's
    ("will leave on March 23", "2025-03-24T09:00:00+00:00", "March 23", "future", "2026-03-23",
     ("2025-03-23", "day")),
    ("From 1 January the unit will", NEW_YEAR, "1 January", "future", "2027-01-01", ("2026-01-01", "day")),
    ("a couple of weeks ago", WED, "a couple of weeks ago", "past", None, ("2025-10-27", "week")),
    ("in late August", WED, "in late August", "past", None, ("2025-08", "month")),
    ("at the end of 2022", WED, "the end of 2022", "past", None, ("2022-12", "month")),
    ("next spring", WED, "next spring", "future", None, ("2026", "year")),
    ("in Q3 2024", WED, "Q3 2024", "past", "2024-08-12", ("2024", "year")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published_at", "query", "prefer", "dateparser_says", "contract"),
                         ARITHMETIC, ids=[t for t, *_ in ARITHMETIC])  # fmt: skip
def test_arithmetic_forms_are_pinned(
    text: str,
    published_at: str,
    query: str,
    prefer: str,
    dateparser_says: str | None,
    contract: tuple[str, str],
) -> None:
    found = find_dates(text, parse_published_at(published_at))
    assert [(m.date, m.precision) for m in found] == [contract]
    assert _dateparser(query, published_at, prefer) == dateparser_says


def test_new_traps_are_listed_in_the_module() -> None:
    listed = {span for span, _ in DATEPARSER_TRAPS}
    assert {"on March 23", "1 January", "a couple of weeks ago", "in late August"} <= listed
    assert {"the end of 2022", "next spring", "Q3 2024"} <= listed


@pytest.mark.parametrize(("span", "period"), [("a fortnight ago", "week"), ("11 months ago", "month"),
                                              ("June of 2017", "month"), ("2013", "year"), ("Nov 6", "day")])  # fmt: skip
def test_dateparser_period_agrees_with_the_form(span: str, period: str) -> None:
    found = dateparser_resolve(span, datetime(2025, 11, 12), "past")
    assert found is not None and found[1] == period
