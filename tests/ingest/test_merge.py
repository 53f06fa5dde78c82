"""The pure rules of cross-article merging: sort dates, date and role compatibility, name keys."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tenure.extractors.events.facts import dates_compatible, more_precise, role_key, roles_compatible
from tenure.ingest.merge import sort_date_for
from tenure.models import UNDATED_SORT
from tenure.names.keys import name_key


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        pytest.param("2025", "year", dt.date(2025, 1, 1), id="year"),
        pytest.param("2025-10", "month", dt.date(2025, 10, 1), id="month"),
        pytest.param("2025-12", "month", dt.date(2025, 12, 1), id="december"),
        pytest.param("2025-10-20", "day", dt.date(2025, 10, 20), id="day"),
        pytest.param("2025-01-27", "week", dt.date(2025, 1, 27), id="week-is-its-monday"),
        pytest.param(None, None, UNDATED_SORT, id="undated"),
        pytest.param("2025-02-30", "day", UNDATED_SORT, id="impossible-date-sorts-last"),
    ],
)
def test_sort_date(date: str | None, precision: str | None, expected: dt.date) -> None:
    assert sort_date_for(date, precision) == expected


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        pytest.param(("2025-10-20", "day"), ("2025-10-20", "day"), True, id="equal"),
        pytest.param(("2025-10-20", "day"), ("2025-10-21", "day"), True, id="a-day-apart"),
        pytest.param(("2025-10-20", "day"), ("2025-10-23", "day"), False, id="three-days-apart"),
        pytest.param(("2025", "year"), ("2025-10-20", "day"), True, id="year-holds-day"),
        pytest.param(("2025-10", "month"), ("2025-10-31", "day"), True, id="month-holds-last-day"),
        pytest.param(("2025-10", "month"), ("2025-11-01", "day"), False, id="next-month"),
        pytest.param(("2025-12", "month"), ("2025-12-31", "day"), True, id="december-end"),
        pytest.param(("2025-01-27", "week"), ("2025-02-02", "day"), True, id="week-holds-sunday"),
        pytest.param(("2025-01-27", "week"), ("2025-02-03", "day"), False, id="next-monday"),
        pytest.param(("2024", "year"), ("2025", "year"), False, id="different-years"),
        pytest.param((None, None), ("2025-10-20", "day"), True, id="undated-matches-anything"),
    ],
)
def test_dates_compatible(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None], compatible: bool
) -> None:
    assert dates_compatible(*a, *b) is compatible
    assert dates_compatible(*b, *a) is compatible


@pytest.mark.parametrize(
    ("new", "old", "expected"),
    [
        pytest.param(("2025-10-20", "day"), ("2025-10", "month"), True, id="day-beats-month"),
        pytest.param(("2025-01-27", "week"), ("2025-01", "month"), True, id="week-beats-month"),
        pytest.param(("2025", "year"), ("2025-10", "month"), False, id="year-loses"),
        pytest.param(("2025-10-21", "day"), ("2025-10-20", "day"), False, id="tie-keeps-first"),
        pytest.param(("2025", "year"), (None, None), True, id="any-date-beats-none"),
        pytest.param((None, None), ("2025", "year"), False, id="none-never-wins"),
    ],
)
def test_more_precise(
    new: tuple[str | None, str | None], old: tuple[str | None, str | None], expected: bool
) -> None:
    assert more_precise(*new, *old) is expected


@pytest.mark.parametrize(
    ("role", "key"),
    [
        pytest.param("Chief Executive Officer", "ceo", id="ceo-long"),
        pytest.param("chief executive", "ceo", id="ceo-short"),
        pytest.param("CEO", "ceo", id="ceo-acronym"),
        pytest.param("co-founder and chief executive", "ceo", id="cofounder-ceo"),
        pytest.param("chief technology officer", "cto", id="cto"),
        pytest.param("independent director", "board", id="board-director"),
        pytest.param("board member", "board", id="board-member"),
        pytest.param("Chairman", "chair", id="chair-is-its-own-board-role"),
        pytest.param("director of engineering", "director of engineering", id="executive-director"),
        pytest.param("vice president", "vice president", id="own-text"),
        pytest.param("executive vice president", "executive vice president", id="evp-is-not-president"),
        pytest.param("president and chief operating officer", "coo", id="first-matching-form-wins"),
        pytest.param("chief", None, id="vague"),
        pytest.param("deputy chief executive", "deputy chief executive", id="lower-rank-is-its-own"),
        pytest.param("CEO-elect", "ceo elect", id="elect-is-not-yet-the-office"),
        pytest.param("  ", None, id="blank"),
    ],
)
def test_role_key(role: str, key: str | None) -> None:
    assert role_key(role) == key


@pytest.mark.parametrize(
    ("event_type", "a", "b", "compatible"),
    [
        pytest.param("appointment", "CEO", "board member", False, id="appointment-ceo-vs-board"),
        pytest.param("appointment", "CEO", "chief executive officer", True, id="appointment-same-role"),
        pytest.param("appointment", "CEO", None, True, id="appointment-role-unknown"),
        pytest.param("departure", "chief technology officer", "chief", True, id="departure-two-wordings"),
        pytest.param("departure", "CEO", "chairman", False, id="departure-exec-vs-board"),
        pytest.param("appointment", "director", "chairman", False, id="appointment-board-seat-vs-chair"),
        pytest.param("departure", "director", "chairman", True, id="departure-board-seat-and-chair"),
        pytest.param(
            "appointment", "vice president", "president", False, id="appointment-vp-is-not-president"
        ),
        pytest.param("award", "CEO", "CTO", True, id="roles-do-not-split-awards"),
    ],
)
def test_roles_compatible(event_type: str, a: str | None, b: str | None, compatible: bool) -> None:
    assert roles_compatible(event_type, a, b) is compatible


@given(st.text(max_size=60), st.sampled_from(["person", "organization"]))
def test_name_key_is_a_fixed_point(name: str, kind: str) -> None:
    key = name_key(name, kind)  # type: ignore[arg-type]
    assert name_key(key, kind) == key  # type: ignore[arg-type]
    assert key == key.strip() and "  " not in key
    assert all(ch.isalnum() or ch == " " for ch in key)
