"""Span derivation, one row per story: events in, (person, role, start, end, open) out."""

from __future__ import annotations

from typing import Any

import pytest

from tenure.shape import EntityRef
from tenure.timelines.spans import RoleEvent, Span, derive_spans, role_names

PEOPLE = {name: EntityRef(i, name) for i, name in enumerate(["Ada Moss", "Ben Ode", "Cy Hale"], start=1)}
ACME = EntityRef(10, "Acme")
OTHER = EntityRef(11, "Globex")


def ev(
    event_id: int,
    type_: str,
    person: str,
    role: str | None,
    date: str | None,
    org: EntityRef = ACME,
    **details: Any,
) -> RoleEvent:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else None
    status = "completed" if type_ == "departure" else None
    return RoleEvent(event_id, type_, PEOPLE[person], org, role, date, precision, status, details)


def summary(span: Span) -> tuple[Any, ...]:
    """(person, company, role, interim, start date, start ids, end date, end ids, open)."""
    start = (span.start.date, span.start.event_ids) if span.start else (None, None)
    end = (span.end.date, span.end.event_ids) if span.end else (None, None)
    return (span.person.name, span.organization.name, span.role, span.interim, *start, *end, span.open)


CEO = "chief executive officer"
CASES = [
    pytest.param(
        [ev(1, "appointment", "Ada Moss", "CEO", "2019-03-01")],
        [("Ada Moss", "Acme", CEO, False, "2019-03-01", [1], None, None, True)],
        id="one-appointment-stays-open",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "chief executive", "2019-03-01"),
            ev(2, "appointment", "Ben Ode", "CEO", "2022-07"),
        ],
        [
            ("Ada Moss", "Acme", CEO, False, "2019-03-01", [1], "2022-07", [2], False),
            ("Ben Ode", "Acme", CEO, False, "2022-07", [2], None, None, True),
        ],
        id="succession-closes-the-single-seat",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "chief executive", "2019"),
            ev(2, "departure", "Ada Moss", "chief executive officer", "2022-06-30"),
            ev(3, "appointment", "Ben Ode", "chief executive officer", "2022-07-01"),
        ],
        [
            ("Ada Moss", "Acme", CEO, False, "2019", [1], "2022-06-30", [2], False),
            ("Ben Ode", "Acme", CEO, False, "2022-07-01", [3], None, None, True),
        ],
        id="departure-then-successor",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "interim CEO", "2021-01"),
            ev(2, "appointment", "Ada Moss", "chief executive", "2021-09-15"),
        ],
        [
            ("Ada Moss", "Acme", CEO, True, "2021-01", [1], "2021-09-15", [2], False),
            ("Ada Moss", "Acme", CEO, False, "2021-09-15", [2], None, None, True),
        ],
        id="interim-made-permanent",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "acting chief executive", "2021-01"),
            ev(2, "appointment", "Ben Ode", "CEO", "2021-06"),
        ],
        [
            ("Ada Moss", "Acme", CEO, True, "2021-01", [1], "2021-06", [2], False),
            ("Ben Ode", "Acme", CEO, False, "2021-06", [2], None, None, True),
        ],
        id="interim-succeeded-by-another",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "chief financial officer", "2010"),
            ev(2, "departure", "Ada Moss", None, "2014"),
            ev(3, "appointment", "Ada Moss", "CFO", "2018-02-01"),
        ],
        [
            ("Ada Moss", "Acme", "chief financial officer", False, "2010", [1], "2014", [2], False),
            ("Ada Moss", "Acme", "chief financial officer", False, "2018-02-01", [3], None, None, True),
        ],
        id="return-to-the-company",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CTO", "2015"),
            ev(2, "departure", "Ada Moss", "CTO", None),
        ],
        [("Ada Moss", "Acme", "chief technology officer", False, "2015", [1], None, [2], False)],
        id="undated-end-closes-without-a-date",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "president and chief operating officer", "2020-05-04"),
            ev(2, "appointment", "Ada Moss", "chair", "2021"),
            ev(3, "departure", "Ada Moss", "chief operating officer", "2023"),
        ],
        [
            ("Ada Moss", "Acme", "president", False, "2020-05-04", [1], None, None, True),
            ("Ada Moss", "Acme", "chief operating officer", False, "2020-05-04", [1], "2023", [3], False),
            ("Ada Moss", "Acme", "chair", False, "2021", [2], None, None, True),
        ],
        id="overlapping-roles-one-closes",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "vice president of sales", "2020"),
            ev(2, "appointment", "Ben Ode", "vice president of sales", "2021"),
        ],
        [
            ("Ada Moss", "Acme", "vice president of sales", False, "2020", [1], None, None, True),
            ("Ben Ode", "Acme", "vice president of sales", False, "2021", [2], None, None, True),
        ],
        id="shared-role-overlaps",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "head of research", "2020"),
            ev(2, "appointment", "Ben Ode", "head of research", "2022-03", predecessor="Ada Moss"),
        ],
        [
            ("Ada Moss", "Acme", "head of research", False, "2020", [1], "2022-03", [2], False),
            ("Ben Ode", "Acme", "head of research", False, "2022-03", [2], None, None, True),
        ],
        id="named-predecessor-closes-a-shared-role",
    ),
    pytest.param(
        [ev(1, "departure", "Cy Hale", "co-founder and chief executive", "2023-06-13")],
        [("Cy Hale", "Acme", CEO, False, None, None, "2023-06-13", [1], False)],
        id="unmatched-departure-start-unknown",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CEO", "2015"),
            ev(2, "departure", "Ada Moss", "CEO", "2024"),
            ev(3, "departure", "Ada Moss", "chief executive", "2024-03-31"),
        ],
        [("Ada Moss", "Acme", CEO, False, "2015", [1], "2024-03-31", [2, 3], False)],
        id="exit-reported-twice-is-one-end-finer-date-wins",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CFO", "2015"),
            ev(2, "appointment", "Ben Ode", "CFO", "2020-01-06"),
            ev(3, "departure", "Ada Moss", "CFO", "2020-02"),
        ],
        [
            # Her own departure says when she left; the successor's appointment only implied it.
            ("Ada Moss", "Acme", "chief financial officer", False, "2015", [1], "2020-02", [2, 3], False),
            ("Ben Ode", "Acme", "chief financial officer", False, "2020-01-06", [2], None, None, True),
        ],
        id="own-departure-after-successor-dates-the-end",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CFO", "2005"),
            ev(2, "departure", "Ada Moss", "CFO", "2008"),
            ev(3, "departure", "Ada Moss", "CFO", "2019-09-30"),
        ],
        [
            ("Ada Moss", "Acme", "chief financial officer", False, None, None, "2019-09-30", [3], False),
            ("Ada Moss", "Acme", "chief financial officer", False, "2005", [1], "2008", [2], False),
        ],
        id="exit-years-later-is-another-span",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", None, "2013"),
            ev(2, "departure", "Ada Moss", "chief", "2019-05"),
        ],
        [("Ada Moss", "Acme", None, False, "2013", [1], "2019-05", [2], False)],
        id="departure-closes-unknown-role",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", None, "2013-12-09"),
            ev(2, "appointment", "Ada Moss", "chief scientist", "2018-01"),
        ],
        [
            ("Ada Moss", "Acme", None, False, "2013-12-09", [1], "2018-01", [2], False),
            ("Ada Moss", "Acme", "chief scientist", False, "2018-01", [2], None, None, True),
        ],
        id="named-role-ends-the-unknown-one",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CEO", "2019"),
            ev(2, "appointment", "Ada Moss", "chief executive officer", "2019-04-02"),
        ],
        [("Ada Moss", "Acme", CEO, False, "2019", [1, 2], None, None, True)],
        id="repeat-report-joins-the-start",
    ),
    pytest.param(
        [
            ev(1, "appointment", "Ada Moss", "CEO", "2019", org=OTHER),
            ev(2, "appointment", "Ben Ode", "CEO", "2020"),
        ],
        [
            ("Ada Moss", "Globex", CEO, False, "2019", [1], None, None, True),
            ("Ben Ode", "Acme", CEO, False, "2020", [2], None, None, True),
        ],
        id="seats-are-per-company",
    ),
]


@pytest.mark.parametrize(("events", "expected"), CASES)
def test_derive_spans(events: list[RoleEvent], expected: list[tuple[Any, ...]]) -> None:
    assert [summary(span) for span in derive_spans(events)] == expected


@pytest.mark.parametrize(
    ("date", "uncertain", "bounds"),
    [
        ("2023-06-13", False, ("2023-06-13", "2023-06-13")),
        ("2023-06", True, ("2023-06-01", "2023-06-30")),
        ("2023", True, ("2023-01-01", "2023-12-31")),
        (None, True, None),
    ],
    ids=["day-is-certain", "month-is-a-period", "year-is-a-period", "undated"],
)
def test_end_precision(date: str | None, uncertain: bool, bounds: tuple[str, str] | None) -> None:
    events = [ev(1, "appointment", "Ada Moss", "CTO", "2015"), ev(2, "departure", "Ada Moss", "CTO", date)]
    end = derive_spans(events)[0].end
    assert end is not None
    assert end.uncertain is uncertain
    got = end.bounds
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == bounds


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("CEO", [(CEO, False)]),
        ("Interim Chief Executive", [(CEO, True)]),
        ("president & COO", [("president", False), ("chief operating officer", False)]),
        ("co-founder", [(None, False)]),
        (None, [(None, False)]),
    ],
    ids=["abbreviation", "interim", "compound", "founder-is-no-seat", "untitled"],
)
def test_role_names(title: str | None, roles: list[tuple[str | None, bool]]) -> None:
    assert role_names(title) == roles
