"""Appointments and departures in real-news shapes: several people in one clause, which
organization an event belongs to (towns with their state, clubs, round-up items), and the
no-event sides. All people and companies are invented."""

from __future__ import annotations

import pytest
from event_cases import Case, params, run_case

ORGANIZATIONS = [
    Case(
        "town-and-state-before-based-is-a-place",
        "Mara Quill will step away from her role as CEO of Tarwick, Ore.-based Pellmore Health Group.",
        [{"type": "departure", "person": "Mara Quill", "organization": "Pellmore Health Group"}],
        exact=False,
    ),
    Case(
        "town-and-state-is-not-the-employer",
        "Ida Brenner, currently the deputy town clerk in Tarwick, Ohio, has been chosen as the clerk of "
        "Lowmere.",
        [{"type": "appointment", "person": "Ida Brenner", "organization": "Lowmere"}],
    ),
    Case(
        "football-club-is-an-organization",
        "Owen Pratley has been appointed chief executive of Harrowgate Football Club. He was keen to "
        "stay in Harrowgate, he said.",
        [{"type": "appointment", "person": "Owen Pratley", "organization": "Harrowgate Football Club"}],
    ),
    Case(
        "chamber-of-commerce-keeps-its-of",
        "The Lowmere Chamber of Commerce has named Ruth Okafor as its new president.",
        [{"type": "appointment", "person": "Ruth Okafor", "organization": "Lowmere Chamber of Commerce"}],
    ),
    Case(
        "round-up-item-names-its-own-organization",
        "Three public-sector moves this week:\n"
        "- Ida Brenner has been named finance director of Lowmere.\n"
        "- Tom Vasquez has replaced Ann Poole as the planning director for Kelby County.",
        [
            {"type": "appointment", "person": "Ida Brenner", "organization": "Lowmere"},
            {"type": "appointment", "person": "Tom Vasquez", "organization": "Kelby County"},
            {"type": "departure", "person": "Ann Poole", "organization": "Kelby County"},
        ],
    ),
]


@pytest.mark.parametrize("case", params(ORGANIZATIONS))
def test_organizations(case: Case) -> None:
    run_case(case)
