"""Each date form the engine must place on an event, in an event sentence of our own.

Published Friday 2025-03-14 10:00 UTC unless a case says otherwise.
"""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

DATED = [
    Case(
        "date-hours-ago-crosses-midnight-in-local-time",
        "Just three hours ago, Kestrel's chief scientist Lydia Moss said she is leaving the company.",
        [{"type": "departure", "person": "Lydia Moss", "date": "2025-11-11", "date_precision": "day"}],
        published_at="2025-11-12T00:30:00+08:00",
    ),
    Case(
        "date-time-and-month-day-in-brackets-lead-in",
        "Around 9 p.m. (November 11), the Courier reported:\n> Kestrel's chief scientist Lydia Moss is "
        "planning to leave the company.",
        [{"type": "departure", "person": "Lydia Moss", "date": "2025-11-11", "date_precision": "day"}],
        published_at="2025-11-12T00:30:00+08:00",
    ),
    Case(
        "date-month-day-most-recent-past",
        "Most recently, on Nov 6, Omar Haddad won the Pellham Prize.",
        [{"type": "award", "person": "Omar Haddad", "date": "2024-11-06", "date_precision": "day"}],
    ),
    Case(
        "date-weekday",
        "Brisa named Clara Holt chief executive on Tuesday.",
        [{"type": "appointment", "person": "Clara Holt", "date": "2025-03-11", "date_precision": "day"}],
    ),
    Case(
        "date-last-week-is-a-monday-week",
        "Sorrel Labs said its president, Ivan Petrov, resigned last week.",
        [{"type": "departure", "person": "Ivan Petrov", "date": "2025-03-03", "date_precision": "week"}],
    ),
    Case(
        "date-earlier-this-month",
        "Tamsin Reyes joined Corbel as general counsel earlier this month.",
        [
            {
                "type": "appointment",
                "person": "Tamsin Reyes",
                "organization": "Corbel",
                "date": "2025-03",
                "date_precision": "month",
            }
        ],
    ),
    Case(
        "date-in-year",
        "In 2013, Victor Lang founded Aster Devices.",
        [{"type": "founding", "person": "Victor Lang", "date": "2013", "date_precision": "year"}],
    ),
    Case(
        "date-award-edition-year-in-a-bullet",
        "## Who is Tariq Aziz?\n- Professor of robotics\n- 2018 Brandt Medal winner\n",
        [
            {
                "type": "award",
                "person": "Tariq Aziz",
                "date": "2018",
                "date_precision": "year",
                "details": {"award": "Brandt Medal"},
            }
        ],
    ),
    Case(
        "date-effective-future",
        "Helix Bank said Rosa Lind will become chief risk officer, effective March 1.",
        [{"type": "appointment", "person": "Rosa Lind", "date": "2025-03-01", "date_precision": "day"}],
        published_at="2025-02-14",
    ),
    Case(
        "date-next-year",
        "Martin Cole will retire as chairman of Dovetail Group next year.",
        [{"type": "departure", "person": "Martin Cole", "date": "2026", "date_precision": "year"}],
    ),
    Case(
        "date-not-given-stays-null",
        "Pia Sorensen left Halcyon to start her own company.",
        [
            {"type": "departure", "person": "Pia Sorensen", "date": None, "date_precision": None},
            {"type": "founding", "person": "Pia Sorensen", "date": None},
        ],
    ),
    Case(
        "date-tenure-since-is-not-the-event-date",
        "Ruth Ames, who has led Corvo since 2018, will step down in June.",
        [{"type": "departure", "person": "Ruth Ames", "date": "2025-06", "date_precision": "month"}],
    ),
]


@pytest.mark.parametrize("case", params([Case(**{**c.__dict__, "group": "dates"}) for c in DATED]))
def test_event_dates(case: Case) -> None:
    run_case(case)
